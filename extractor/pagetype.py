"""What each page of a file is: a waiver/election form page, a case-comment printout
page, or something else (letters, other agencies' forms, photos, ID copies...).

Two steps, the first before any OCR:

* :func:`ink_profile` measures a page's ink on a small copy of its image (a few ms); a
  page with less ink than ``blank_ink`` (learned from generated blank and near-blank
  pages, ``training/pages.py``) is ``blank`` and is never OCR'd.
* :func:`features` joins cheap layout measures (ink, rulings, box-like marks, text-line
  statistics) with hashed character n-grams of the words read, and a multinomial logistic
  regression (numpy only: weights in ``models/pages/``) gives the page type, telling a
  form's first page from a page its lower part ran onto (``form_continued``). No keyword
  list: the n-gram weights are learned from the generator's pages.
"""
from __future__ import annotations

import functools
import json
import re
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Sequence

import numpy as np

from extractor.model import Page

PAGE_TYPES = ("waiver_form", "case_comments", "other")
#: what the model tells apart: a form's first page and the page its lower part ran
#: onto (no title, no parent named: options and signatures) are both form pages, but
#: only the first starts a form
MODEL_CLASSES = ("waiver_form", "form_continued", "case_comments", "other")
CONTINUED = "form_continued"
BLANK = "blank"


def public_type(ptype: str) -> str:
    """The page type a reader is told: a form's continuation is a form page, a blank
    page is an other page."""
    return {CONTINUED: "waiver_form", BLANK: "other"}.get(ptype, ptype)
#: where training writes the model (the installed copy is read through models_dir)
MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "pages"
#: dpi of the small copy the cheap measures use: rulings and text lines still show
LOW_DPI = 50
N_HASH = 4096  # hashed n-gram buckets
N_DENSE = 15  # InkProfile.vector() + text_stats(): standardised before the fit
_DATE_START = re.compile(r"^\s*\d{1,4}[/\-.]\d{1,2}[/\-.]\d{2,4}")


@dataclass
class InkProfile:
    """Measures of a page's image alone (no OCR)."""

    ink: float  # share of dark pixels on the small copy
    rows: float  # share of rows holding ink
    hlines: int  # long horizontal rulings
    vlines: int  # long vertical rulings
    boxes: int  # small square outlines (check boxes, cells)
    midtone: float  # share of mid-grey pixels (photographs)
    landscape: bool

    def vector(self) -> list[float]:
        return [self.ink * 10, self.rows, min(self.hlines, 40) / 10, min(self.vlines, 40) / 10,
                min(self.boxes, 30) / 10, self.midtone * 5, float(self.landscape)]


def _small(image: np.ndarray, dpi: float) -> np.ndarray:
    import cv2
    g = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)
    f = min(1.0, LOW_DPI / max(dpi, 1.0))
    return cv2.resize(g, None, fx=f, fy=f, interpolation=cv2.INTER_AREA) if f < 1 else g


def ink_profile(image: np.ndarray, dpi: float) -> InkProfile:
    """The cheap measures: tens of milliseconds on a 300 dpi page."""
    import cv2
    g = _small(image, dpi)
    h, w = g.shape
    # paper's own tone, not a fixed white: scans run grey and unevenly lit; the margin
    # row/column strip is left out (binding shadows, scanner edges)
    m = max(1, int(0.04 * min(h, w)))
    core = g[m:h - m, m:w - m] if h > 2 * m and w > 2 * m else g
    bg = cv2.medianBlur(core, 2 * (max(3, min(core.shape) // 12) // 2) + 1)
    dark = (bg.astype(np.int16) - core.astype(np.int16)) > 40
    mid = ((core > 70) & (core < 190)).mean()
    k = max(8, w // 6)
    horiz = cv2.morphologyEx(dark.astype(np.uint8), cv2.MORPH_OPEN, np.ones((1, k), np.uint8))
    vert = cv2.morphologyEx(dark.astype(np.uint8), cv2.MORPH_OPEN, np.ones((max(8, h // 10), 1), np.uint8))
    n_h = cv2.connectedComponents(horiz)[0] - 1
    n_v = cv2.connectedComponents(vert)[0] - 1
    return InkProfile(ink=float(dark.mean()), rows=float(dark.any(axis=1).mean()), hlines=int(n_h),
                      vlines=int(n_v), boxes=_box_count(image, dpi), midtone=float(mid),
                      landscape=w > h * 1.1)


def _box_count(image: np.ndarray, dpi: float) -> int:
    """Closed square outlines a few millimetres wide (check boxes), at 100 dpi."""
    import cv2
    g = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)
    f = min(1.0, 100 / max(dpi, 1.0))
    g = cv2.resize(g, None, fx=f, fy=f, interpolation=cv2.INTER_AREA) if f < 1 else g
    bw = cv2.adaptiveThreshold(g, 1, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 25, 15)
    contours, _ = cv2.findContours(bw, cv2.RETR_LIST, cv2.CHAIN_APPROX_SIMPLE)
    px = dpi * f  # pixels per inch of the copy
    lo, hi = 0.06 * px, 0.35 * px  # 1.5 mm .. 9 mm
    n = 0
    for c in contours:
        x, y, cw, ch = cv2.boundingRect(c)
        if lo <= cw <= hi and lo <= ch <= hi and 0.75 <= cw / ch <= 1.33:
            if cv2.contourArea(c) > 0.6 * cw * ch:
                n += 1
    return n // 2  # a box outline has an outer and an inner contour


def text_stats(page: Page) -> list[float]:
    """Text-line statistics of the words read: count, confidence, digits, dated lines,
    line length, share of short lines, form-field labels."""
    from extractor.classify import form_label_count
    from extractor.layout import build_lines
    words = page.words
    if not words:
        return [0.0] * 8
    lines = build_lines(words)
    text = "".join(w.text for w in words)
    digits = sum(ch.isdigit() for ch in text) / max(1, len(text))
    dated = sum(1 for ln in lines if _DATE_START.match(ln.text))
    per_line = [len(ln.words) for ln in lines]
    return [np.log1p(len(words)) / 6, float(np.mean([w.conf for w in words])), digits * 3,
            dated / max(1, len(lines)) * 3, np.log1p(dated) / 2, float(np.mean(per_line)) / 10,
            sum(1 for n in per_line if n <= 2) / max(1, len(lines)),
            # distinct form-field labels found (the form reader's own label lexicon)
            min(form_label_count(page), 12) / 4]


def _grams(text: str) -> list[str]:
    out = []
    for word in re.findall(r"[^\W\d_]+|\d+", text.lower()):
        if word.isdigit():
            out.append("#" * min(len(word), 6))  # numbers: only their length tells
            continue
        padded = f" {word} "
        out.extend(padded[i:i + n] for n in (3, 4) for i in range(len(padded) - n + 1))
    return out


def gram_vector(text: str) -> np.ndarray:
    """Hashed character 3- and 4-grams, l2-normalised (crc32: stable across runs)."""
    v = np.zeros(N_HASH, np.float32)
    for g in _grams(text):
        v[zlib.crc32(g.encode()) % N_HASH] += 1.0
    n = float(np.linalg.norm(v))
    return v / n if n else v


def features(page: Page, ink: InkProfile) -> np.ndarray:
    dense = np.array(ink.vector() + text_stats(page), np.float32)
    return np.concatenate([dense, gram_vector(page.text)])


@dataclass
class PageModel:
    classes: tuple[str, ...]
    weights: np.ndarray  # (n_features, n_classes)
    bias: np.ndarray
    mean: np.ndarray  # dense features' standardisation
    scale: np.ndarray
    blank_ink: float  # below this ink share a page is blank (no OCR)
    blank_rows: float

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        x = x.astype(np.float32).copy()
        d = len(self.mean)
        x[..., :d] = (x[..., :d] - self.mean) / self.scale
        z = x @ self.weights + self.bias
        z = z - z.max(axis=-1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=-1, keepdims=True)

    def is_blank(self, ink: InkProfile) -> bool:
        return ink.ink < self.blank_ink and ink.rows < self.blank_rows

    def classify(self, page: Page, ink: InkProfile) -> tuple[str, float]:
        """The page type with the largest probability once a form's first page and its
        continuation are summed (both are form pages: the top half of a form, without its
        options, splits its mass between them); then which of the two it is."""
        p = self.probabilities(features(page, ink))
        public: dict[str, float] = {}
        for c, v in zip(self.classes, p):
            public[public_type(c)] = public.get(public_type(c), 0.0) + float(v)
        best = max(public, key=public.get)
        i = max((k for k, c in enumerate(self.classes) if public_type(c) == best), key=lambda k: p[k])
        return self.classes[i], public[best]

    def save(self, out: Path, meta: Optional[dict] = None) -> None:
        out.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(out / "weights.npz", weights=self.weights.astype(np.float32),
                            bias=self.bias.astype(np.float32), mean=self.mean, scale=self.scale)
        cfg = {"classes": list(self.classes), "blank_ink": self.blank_ink,
               "blank_rows": self.blank_rows, "n_hash": N_HASH, "low_dpi": LOW_DPI, **(meta or {})}
        (out / "config.json").write_text(json.dumps(cfg, indent=1) + "\n")


@functools.lru_cache(maxsize=2)
def load_model(path: Optional[Path] = None) -> PageModel:
    """The installed page model (``models/pages``, through :mod:`extractor.models_dir`:
    missing or unreadable, reading stops with ``ModelMissingError``), or the one at
    ``path``."""
    if path is None:
        from extractor import models_dir
        what = "the page classifier"
        path = models_dir.model_file("pages/config.json", what).parent
        models_dir.model_file("pages/weights.npz", what)
    cfg = json.loads((path / "config.json").read_text())
    w = np.load(path / "weights.npz")
    return PageModel(tuple(cfg["classes"]), w["weights"], w["bias"], w["mean"], w["scale"],
                     float(cfg["blank_ink"]), float(cfg["blank_rows"]))


def classify_page(page: Page, ink: InkProfile, model: Optional[PageModel] = None) -> tuple[str, float]:
    return (model or load_model()).classify(page, ink)


def fit(x: np.ndarray, y: Sequence[int], n_classes: int, n_dense: int, l2: float = 1e-3,
        steps: int = 600, lr: float = 0.5, seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Multinomial logistic regression by full-batch gradient descent (Adam), classes
    weighted by inverse frequency (forms are a small share of an A-file's pages).
    Returns (weights, bias, mean, scale)."""
    x = x.astype(np.float32).copy()
    mean = x[:, :n_dense].mean(axis=0)
    scale = x[:, :n_dense].std(axis=0) + 1e-3
    x[:, :n_dense] = (x[:, :n_dense] - mean) / scale
    y = np.asarray(y)
    onehot = np.eye(n_classes, dtype=np.float32)[y]
    counts = np.bincount(y, minlength=n_classes).astype(np.float32)
    sw = (len(y) / (n_classes * np.maximum(counts, 1)))[y][:, None]
    rng = np.random.default_rng(seed)
    W = rng.normal(0, 0.01, (x.shape[1], n_classes)).astype(np.float32)
    b = np.zeros(n_classes, np.float32)
    mW, vW, mb, vb = (np.zeros_like(W), np.zeros_like(W), np.zeros_like(b), np.zeros_like(b))
    for t in range(1, steps + 1):
        z = x @ W + b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - onehot) * sw / len(y)
        gW = x.T @ g + l2 * W
        gb = g.sum(axis=0)
        for m, v, gr, par in ((mW, vW, gW, W), (mb, vb, gb, b)):
            m *= 0.9
            m += 0.1 * gr
            v *= 0.999
            v += 0.001 * gr * gr
            par -= lr * 0.1 * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
    return W, b, mean.astype(np.float32), scale.astype(np.float32)
