"""A small glyph recogniser for hand-written field values (A-numbers, dates).

Tesseract reads hand-printed digits badly: its language model expects printed words
and the page layout analysis splits a handwritten entry. Written values on these forms
are short runs of separate glyphs, so this module reads them one glyph at a time:

1. ``segment``: the crop is binarised, long horizontal rulings are erased, and its
   connected components (dots and accents merged into the glyph under them) are the
   glyphs, left to right, restricted to the writing's own text band;
2. ``features``: each glyph's shape (HOG of its box, padded square, plus a coarse
   bitmap) and its size and place relative to the line (a '-' is short and flat, a '.'
   sits on the baseline);
3. a one-hidden-layer network (numpy, weights in ``models/handwriting/glyphs.npz``)
   gives class probabilities. It is trained by :mod:`training.handwriting_glyphs` on
   strings rendered in the generator's handwriting and typewriter fonts (``make
   train-models``); nothing is downloaded.

Readers (``read_a_number``, ``read_numeric_date``) restrict the classes to what the
field can hold and report the weakest glyph's probability as the confidence, so one
doubtful digit makes the whole reading doubtful (a reviewer looks) instead of a guess.
"""
from __future__ import annotations

import functools
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import cv2
import numpy as np

from extractor import models_dir
from extractor.preprocess import components, mask_of

ROOT = Path(__file__).resolve().parent.parent
MODEL_NAME = "handwriting/glyphs.npz"
#: where training writes the model (the installed copy is read through models_dir)
MODEL_PATH = ROOT / "models" / MODEL_NAME

#: every class the recogniser knows: digits, the separators of numbers and dates,
#: and letters (so that a letter is recognised as one, not forced into a digit)
DIGITS = "0123456789"
SYMBOLS = "-#/.,()"
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
CLASSES = DIGITS + SYMBOLS + LETTERS

SIDE = 24  # glyph bitmap side for HOG
CELL, BINS = 6, 9
_CELL_OF = ((np.arange(SIDE)[:, None] // CELL) * (SIDE // CELL) + np.arange(SIDE)[None, :] // CELL).ravel()


def hog(img: np.ndarray) -> np.ndarray:
    """Histograms of unsigned gradient orientation in 6x6 cells, normalised over 2x2
    blocks of cells (Dalal-Triggs HOG; OpenCV 5 moved its own out of the main module)."""
    f = img.astype(np.float32)
    gx = cv2.Sobel(f, cv2.CV_32F, 1, 0, ksize=1)
    gy = cv2.Sobel(f, cv2.CV_32F, 0, 1, ksize=1)
    mag = np.hypot(gx, gy).ravel()
    ang = (np.arctan2(gy, gx).ravel() % np.pi) / np.pi * BINS
    b = np.minimum(ang.astype(np.int64), BINS - 1)
    n = SIDE // CELL
    hist = np.bincount(_CELL_OF * BINS + b, weights=mag, minlength=n * n * BINS).reshape(n, n, BINS)
    blocks = []
    for i in range(n - 1):
        for j in range(n - 1):
            v = hist[i:i + 2, j:j + 2].ravel()
            blocks.append(v / (np.linalg.norm(v) + 1e-3))
    return np.concatenate(blocks).astype(np.float32)


@dataclass
class Glyph:
    bbox: tuple[int, int, int, int]  # x0, y0, x1, y1 in crop pixels
    mask: np.ndarray  # uint8 0/255, the glyph's own pixels inside bbox


@dataclass
class Segmentation:
    glyphs: list[Glyph]
    line_h: float  # typical glyph height (the digits' height)
    base: float  # baseline y (bottom of typical glyphs)


def binarise(gray: np.ndarray) -> np.ndarray:
    """Ink as 255 on 0: Otsu on a lightly smoothed crop, never lighter than mid-grey
    paper (a near-empty crop would otherwise turn its noise into ink)."""
    if gray.ndim == 3:
        gray = cv2.cvtColor(gray, cv2.COLOR_BGR2GRAY)
    g = cv2.GaussianBlur(gray, (3, 3), 0)
    t, _ = cv2.threshold(g, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    # thin pen strokes are grey after scanning: cut nearer the paper than Otsu does,
    # but well clear of the paper's own noise
    paper, ink = float(np.percentile(g, 90)), float(np.percentile(g, 1))
    if paper - ink > 60:
        t = max(t, min(ink + 0.62 * (paper - ink), paper - 30))
    t = min(t, 200)
    return mask_of(g < t)


def erase_rulings(ink: np.ndarray, min_len: int) -> np.ndarray:
    """Remove horizontal runs longer than ``min_len`` (fill lines), then give back the
    pixels of strokes that cross the line (ink right above and below it)."""
    k = cv2.getStructuringElement(cv2.MORPH_RECT, (max(8, min_len), 1))
    # a thin grey line binarises into dashes: bridge small gaps before looking for it
    closed = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (7, 1)))
    lines = cv2.morphologyEx(closed, cv2.MORPH_OPEN, k)
    # a line's stubs between glyphs are shorter than the kernel: extend each line along
    # its own rows (the writing's pixels on those rows go too; crossing strokes come back)
    lines = cv2.bitwise_and(cv2.dilate(lines, k), ink)
    lines = cv2.dilate(lines, cv2.getStructuringElement(cv2.MORPH_RECT, (1, 3)))
    out = cv2.subtract(ink, lines)
    # strokes crossing the ruling: where ink stands right above and right below the
    # erased band, a vertical closing puts the stroke back
    vclose = cv2.morphologyEx(out, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (1, 13)))
    bridge = cv2.bitwise_and(vclose, lines)
    return cv2.bitwise_or(out, bridge)


def segment(gray: np.ndarray, band: Optional[tuple[float, float]] = None) -> Segmentation:
    """Glyphs of one written line, left to right. ``band`` (y0, y1) is where the writing's
    middle is expected: components that do not reach into it (the row above or below,
    a label's descenders) are left out."""
    ink = binarise(gray)
    h, w = ink.shape
    ink = erase_rulings(ink, max(40, w // 5, int(1.2 * h)))
    n, labels, stats, _ = components(ink)
    comps = [(int(x), int(y), int(x + ww), int(y + hh), int(a), i)
             for i, (x, y, ww, hh, a) in enumerate(stats) if i and a >= 6]
    if band is not None:
        y0, y1 = band
        comps = [c for c in comps if c[3] > y0 and c[1] < y1]
    if not comps:
        return Segmentation([], 0.0, 0.0)
    heights = sorted(c[3] - c[1] for c in comps)
    tall = [hh for hh in heights if hh >= 0.4 * heights[-1]]
    line_h = float(np.median(tall))
    # specks: too small to be a glyph or a dot/dash of one
    comps = [c for c in comps if (c[3] - c[1]) >= 0.12 * line_h or (c[2] - c[0]) >= 0.25 * line_h]
    comps = [c for c in comps if c[4] >= max(6, 0.004 * line_h * line_h)]
    comps = [c for c in comps if (c[3] - c[1]) <= 2.2 * line_h]  # rulings, box edges, strokes
    groups = _merge_stacked(sorted(comps, key=lambda c: c[0]), line_h)
    tall_groups = [g for g in groups if g[3] - g[1] >= 0.5 * line_h]
    base = float(np.median([g[3] for g in tall_groups])) if tall_groups else float(h)
    glyphs = []
    for x0, y0, x1, y1, ids in groups:
        if y1 - y0 <= 0.15 * line_h and x1 - x0 >= 0.5 * line_h and y0 >= base - 0.15 * line_h:
            continue  # a piece of the fill line (a dash stands higher, mid-height)
        sub = labels[y0:y1, x0:x1]
        mask = np.isin(sub, ids).astype(np.uint8) * 255
        glyphs.append(Glyph((x0, y0, x1, y1), mask))
    return Segmentation(glyphs, line_h, base)


def _merge_stacked(comps, line_h: float):
    """Components above one another (an i's dot, an accent, a broken stroke, ':') are
    one glyph: merge when their x-ranges overlap by half of the narrower one and they
    hardly share rows (slanted neighbours share their rows), or when one lies inside
    the other's box (the dot of a dotted zero)."""
    groups: list[list] = []
    for x0, y0, x1, y1, _a, i in comps:
        for g in groups[-3:]:
            ov = min(x1, g[2]) - max(x0, g[0])
            yov = min(y1, g[3]) - max(y0, g[1])  # side by side glyphs (italics) overlap in y
            inside = x0 >= g[0] - 1 and x1 <= g[2] + 1 and y0 >= g[1] - 1 and y1 <= g[3] + 1
            if inside or ov >= 0.5 * min(x1 - x0, g[2] - g[0]) and yov <= 0.25 * min(y1 - y0, g[3] - g[1]) \
                    and max(y1, g[3]) - min(y0, g[1]) <= 1.6 * line_h:
                g[0], g[1], g[2], g[3] = min(g[0], x0), min(g[1], y0), max(g[2], x1), max(g[3], y1)
                g[4].append(i)
                break
        else:
            groups.append([x0, y0, x1, y1, [i]])
    groups.sort(key=lambda g: g[0])
    return [tuple(g) for g in groups]


def features(glyph: Glyph, line_h: float, base: float) -> np.ndarray:
    """Shape (HOG + 8x8 bitmap of the padded-square glyph) and geometry."""
    m = glyph.mask
    hh, ww = m.shape
    side = max(hh, ww) + 4
    sq = np.zeros((side, side), np.uint8)
    oy, ox = (side - hh) // 2, (side - ww) // 2
    sq[oy:oy + hh, ox:ox + ww] = m
    img = cv2.resize(sq, (SIDE, SIDE), interpolation=cv2.INTER_AREA)
    shape = hog(img)
    coarse = cv2.resize(sq, (8, 8), interpolation=cv2.INTER_AREA).ravel() / 255.0
    lh = max(line_h, 1.0)
    x0, y0, x1, y1 = glyph.bbox
    geo = np.array([(x1 - x0) / lh, (y1 - y0) / lh, (base - y1) / lh, (base - y0) / lh,
                    (x1 - x0) / max(y1 - y0, 1)], np.float32)
    return np.concatenate([shape, coarse.astype(np.float32), np.clip(geo, -3, 3)]).astype(np.float32)


class Model:
    """The trained network: standardise, one ReLU layer, softmax.

    numpy rather than scikit-learn or onnxruntime: inference is two matrix products
    (393x256, 256x69; 0.45 MB of weights), about 1 ms for a field's 10 glyphs on a
    loaded machine, next to its HOG features; scikit-learn would add scipy (~100 MB)
    and a pickled model (code run at load), onnxruntime a native runtime, for those two
    products. Training's Adam is the dozen lines in training/handwriting_glyphs.py."""

    def __init__(self, path: Optional[Path] = None):
        what = "the handwriting glyph model"
        path = path or models_dir.model_file(MODEL_NAME, what)
        try:
            d = np.load(path, allow_pickle=False)
            self.mu, self.sd = d["mu"], d["sd"]
            self.w1, self.b1, self.w2, self.b2 = d["w1"], d["b1"], d["w2"], d["b2"]
            self.classes = str(d["classes"])
        except (OSError, KeyError, ValueError, zipfile.BadZipFile) as exc:
            raise models_dir.corrupt(MODEL_NAME, what, type(exc).__name__) from None

    def probs(self, x: np.ndarray) -> np.ndarray:
        z = (np.atleast_2d(x) - self.mu) / self.sd
        hid = np.maximum(z @ self.w1 + self.b1, 0)
        logits = hid @ self.w2 + self.b2
        logits -= logits.max(axis=1, keepdims=True)
        e = np.exp(logits)
        return e / e.sum(axis=1, keepdims=True)


@functools.lru_cache(maxsize=1)
def model() -> Model:
    """The trained model; :class:`models_dir.ModelMissingError` when it is missing or
    corrupt (reading on without it would lose hand-written values silently)."""
    return Model()


@dataclass
class Reading:
    text: str  # best characters, left to right (spaces at wide gaps)
    confidence: float  # the weakest glyph's probability
    glyph_probs: list[float]
    boxes: list = None  # each glyph's box (touching glyphs cut apart), in text order


def classify(seg: Segmentation, allowed: str) -> Optional[Reading]:
    """Best allowed character per glyph. The probability a glyph gets is its share of
    *all* classes, so a glyph that looks like a letter where only digits are allowed
    comes out doubtful rather than as a confident digit. A glyph wider than one
    character that reads badly is tried cut in two or three (touching glyphs)."""
    m = model()
    if m is None or not seg.glyphs:
        return None
    idx = [m.classes.index(ch) for ch in allowed if ch in m.classes]
    glyphs = []
    for g in seg.glyphs:
        glyphs.extend(_maybe_split(m, g, seg, idx))
    p = m.probs(np.stack([features(g, seg.line_h, seg.base) for g in glyphs]))
    chars, confs = [], []
    prev = None
    for g, row in zip(glyphs, p):
        j = max(idx, key=lambda k: row[k])
        if prev is not None and g.bbox[0] - prev.bbox[2] > 0.8 * seg.line_h:
            chars.append(" ")
        chars.append(m.classes[j])
        confs.append(float(row[j]))
        prev = g
    return Reading("".join(chars), min(confs) if confs else 0.0, confs, [g.bbox for g in glyphs])


def _maybe_split(m: Model, g: Glyph, seg: Segmentation, idx: list[int]) -> list[Glyph]:
    """``g`` itself, or its pieces when cutting it at thin columns reads better: each
    piece's best allowed class must be clearly more probable than the whole's."""
    x0, y0, x1, y1 = g.bbox
    w = x1 - x0
    if w < 0.85 * seg.line_h:
        return [g]
    whole = float(m.probs(features(g, seg.line_h, seg.base))[0][idx].max())
    if whole >= 0.9:
        return [g]
    col = (g.mask > 0).sum(axis=0).astype(np.float32)
    best, best_score = [g], whole
    for k in (2, 3):
        if w < 0.5 * k * seg.line_h * 0.8:
            continue
        cuts = []
        for i in range(1, k):
            c = int(w * i / k)
            lo, hi = max(1, c - int(0.18 * w / k * 2)), min(w - 1, c + int(0.18 * w / k * 2))
            cuts.append(lo + int(np.argmin(col[lo:hi])) if hi > lo else c)
        edges = [0] + cuts + [w]
        pieces = []
        for a, b in zip(edges, edges[1:]):
            sub = g.mask[:, a:b]
            rows = np.nonzero(sub.any(axis=1))[0]
            if b - a < 3 or not len(rows):
                break
            pieces.append(Glyph((x0 + a, y0 + int(rows[0]), x0 + b, y0 + int(rows[-1]) + 1),
                                sub[rows[0]:rows[-1] + 1]))
        if len(pieces) != k:
            continue
        pr = m.probs(np.stack([features(q, seg.line_h, seg.base) for q in pieces]))[:, idx].max(axis=1)
        score = float(pr.min())
        if score > best_score + 0.25:
            best, best_score = pieces, score
    return best


A_NUMBER_ALLOWED = DIGITS + "A-#"
DATE_ALLOWED = DIGITS + "/-."


def read_a_number(gray: np.ndarray, band: Optional[tuple[float, float]] = None) -> Optional[Reading]:
    """An A-number written in ``gray``: 'A' + 9 digits (8 written digits get their
    leading 0), or None when the glyphs do not make one. Only digits count towards
    the confidence; a leading 'A'/'#' and dashes are format."""
    seg = segment(gray, band)
    r = classify(seg, A_NUMBER_ALLOWED)
    if r is None:
        return None
    pairs = [(ch, p) for ch, p in zip(r.text.replace(" ", ""), r.glyph_probs)]
    # the value may follow the tail of its label ("A#:") or be followed by another
    # number: try the runs between wide gaps, leftmost first, longest first
    boxes = r.boxes
    cuts = [k for k in range(1, len(pairs)) if boxes[k][0] - boxes[k - 1][2] >= 0.6 * seg.line_h]
    starts, ends = [0] + cuts, cuts[::-1]
    for a in starts:
        for b in [len(pairs)] + [e for e in ends if e > a]:
            got = _a_number_of(pairs[a:b])
            if got is not None:
                return got
    return None


def read_a_numbers(gray: np.ndarray, band: Optional[tuple[float, float]] = None) -> list[Reading]:
    """Every A-number of a written list ("A 208 123 456, A-209 555 111"), left to
    right: runs between wide gaps, each taken as long as it still reads as one."""
    seg = segment(gray, band)
    r = classify(seg, A_NUMBER_ALLOWED + ",")
    if r is None:
        return []
    boxes = r.boxes
    # a small mark low on the line between numbers is a comma, whatever it resembles
    pairs = [("," if (b[3] - b[1]) < 0.45 * seg.line_h and b[3] >= seg.base - 0.15 * seg.line_h
              else ch, p) for ch, p, b in zip(r.text.replace(" ", ""), r.glyph_probs, boxes)]
    cuts = [k for k in range(1, len(pairs))
            if boxes[k][0] - boxes[k - 1][2] >= 0.6 * seg.line_h or pairs[k - 1][0] == ","]
    bounds = [0] + cuts + [len(pairs)]
    out, a = [], 0
    while a < len(bounds) - 1:
        for b in range(len(bounds) - 1, a, -1):
            got = _a_number_of([p for p in pairs[bounds[a]:bounds[b]] if p[0] != ","])
            if got is not None:
                out.append(got)
                a = b
                break
        else:
            a += 1
    return out


def _a_number_of(pairs: list[tuple[str, float]]) -> Optional[Reading]:
    # a prefix (A, A#, A-) then digits and dashes
    i = 0
    while i < len(pairs) and pairs[i][0] in "A#-" and i < 3:
        i += 1
    body = pairs[i:]
    if any(ch == "A" or ch == "#" for ch, _ in body):
        return None
    digits = [(ch, p) for ch, p in body if ch.isdigit()]
    if len(digits) not in (8, 9):
        return None
    if float(np.median([p for _, p in digits])) < 0.5:
        return None  # mostly glyphs that are not digits: writing, but no A-number
    value = "A" + ("0" if len(digits) == 8 else "") + "".join(ch for ch, _ in digits)
    conf = min(p for _, p in digits)
    return Reading(value, conf, [p for _, p in digits])


def read_numeric_date(gray: np.ndarray, band: Optional[tuple[float, float]] = None) -> Optional[Reading]:
    """The characters of a numeric date ('08/04/2018', '3-7-18', '12.03.2018'); the
    caller parses them with the form's day/month order."""
    seg = segment(gray, band)
    r = classify(seg, DATE_ALLOWED)
    if r is None:
        return None
    text = r.text.replace(" ", "")
    return Reading(text, r.confidence, r.glyph_probs)


def model_info() -> dict:
    path = MODEL_PATH.with_suffix(".json")
    return json.loads(path.read_text()) if path.exists() else {}

