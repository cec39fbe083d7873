"""Drawing helpers for the signature tests: cursive pen strokes, punch holes, ruling
lines and small rendered forms (PIL + a system TTF) with the word boxes a perfect OCR
would give, so signature detection can be tested without Tesseract."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from extractor.model import Page, Word

FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/truetype/liberation")
FONT_NAMES = ("DejaVuSans.ttf", "LiberationSans-Regular.ttf")


def font_path() -> str:
    for d in FONT_DIRS:
        for n in FONT_NAMES:
            p = Path(d) / n
            if p.exists():
                return str(p)
    raise FileNotFoundError("no TTF font under /usr/share/fonts")


def blank(w: int, h: int) -> np.ndarray:
    return np.full((h, w), 255, np.uint8)


def rule(img: np.ndarray, x0: int, x1: int, y: int, t: int = 3, dashed: bool = False) -> None:
    if not dashed:
        cv2.line(img, (x0, y), (x1, y), 0, t)
        return
    for x in range(x0, x1, 40):  # fax-style broken rule: 30 px dashes, 10 px gaps
        cv2.line(img, (x, y), (min(x + 30, x1), y), 0, t)


def cursive(img: np.ndarray, x0: int, base_y: int, width: int = 420, height: int = 90,
            seed: int = 0, t: int = 3) -> None:
    """A looping handwritten stroke whose lowest points touch ``base_y``."""
    rng = np.random.default_rng(seed)
    n = 400
    s = np.linspace(0, 1, n)
    loops = 4 + int(rng.integers(0, 3))
    xs = x0 + s * width + 28 * np.sin(2 * np.pi * loops * s)
    ys = base_y - height * (0.5 + 0.5 * np.cos(2 * np.pi * loops * s + rng.uniform(0, 1))) * (0.6 + 0.4 * s)
    pts = np.stack([xs, ys], 1).astype(np.int32)
    cv2.polylines(img, [pts], False, 0, t, cv2.LINE_AA)


def punch_hole(img: np.ndarray, cx: int, cy: int, r: int = 38) -> None:
    cv2.circle(img, (cx, cy), r, 20, -1)


def text(img: np.ndarray, xy: tuple[int, int], s: str, size: int = 36,
         line_key: tuple[int, int, int] = (1, 1, 1)) -> list[Word]:
    """Render ``s`` in place and return its words with their pixel boxes."""
    pil = Image.fromarray(img)
    draw = ImageDraw.Draw(pil)
    font = ImageFont.truetype(font_path(), size)
    words: list[Word] = []
    x, y = xy
    space = draw.textlength(" ", font=font)
    for token in s.split():
        x0, y0, x1, y1 = draw.textbbox((x, y), token, font=font)
        draw.text((x, y), token, fill=0, font=font)
        words.append(Word(token, 0.95, (float(x0), float(y0), float(x1), float(y1)), line_key))
        x = x1 + space
    img[:] = np.asarray(pil)
    return words


def add_noise(img: np.ndarray, kind: str, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    if kind == "saltpepper":
        out = img.copy()
        m = rng.random(img.shape)
        out[m < 0.01] = 0
        out[m > 0.99] = 255
        return out
    if kind == "gauss":
        return np.clip(img.astype(np.float32) + rng.normal(0, 18, img.shape), 0, 255).astype(np.uint8)
    if kind == "blur":
        return cv2.GaussianBlur(img, (7, 7), 2.0)
    if kind == "fax":
        return np.where(img < 140, 0, 255).astype(np.uint8)
    if kind == "shadow":  # a hard-edged shadow band plus a lighting gradient
        h, w = img.shape
        gain = np.linspace(0.55, 1.0, w)[None, :].repeat(h, 0)
        gain[:, w // 3: w // 2] *= 0.8
        return (img.astype(np.float32) * gain).astype(np.uint8)
    raise ValueError(kind)


def signature_line(signed: bool, *, label: str = "Signature of Parent", w: int = 1600,
                   h: int = 500, line_y: int = 330, dashed: bool = False,
                   seed: int = 0) -> tuple[np.ndarray, tuple[float, float, float, float], list[Word]]:
    """One signature line with its label below: (image, label bbox, label words)."""
    img = blank(w, h)
    rule(img, 100, 1100, line_y, dashed=dashed)
    words = text(img, (100, line_y + 14), label, size=30)
    if signed:
        cursive(img, 160, line_y - 4, seed=seed)
    bbox = (min(wd.bbox[0] for wd in words), min(wd.bbox[1] for wd in words),
            max(wd.bbox[2] for wd in words), max(wd.bbox[3] for wd in words))
    return img, bbox, words


def mini_form(parent: bool, officer: bool, supervisor: Optional[bool],
              witness: Optional[bool] = None, date_ink: bool = True) -> Page:
    """A one-page waiver form tail: parent + date row, officer row, optional WITNESS and
    SUPERVISORY REVIEW boxes whose signature labels are a bare "Signature / Firma"."""
    W, H = 2550, 2200 if (supervisor is not None or witness is not None) else 1300
    img = blank(W, H)
    words: list[Word] = []
    k = iter(range(1, 100))
    words += text(img, (200, 150), "Name of Parent / Nombre:", 36, (next(k), 1, 1))
    words += text(img, (700, 150), "Maria Lopez Cruz", 40, (next(k), 1, 1))
    rule(img, 680, 2300, 200)
    # parent signature and its date column
    rule(img, 200, 1300, 480)
    rule(img, 1450, 2250, 480)
    words += text(img, (200, 495), "Signature of Parent / Firma del padre o madre", 30, (next(k), 1, 1))
    words += text(img, (1450, 495), "Date / Firmado el", 30, (next(k), 1, 1))
    if parent:
        cursive(img, 280, 476, seed=1)
    if date_ink:  # a handwritten-looking date above the date rule must not count
        cursive(img, 1520, 476, width=380, height=60, seed=5)
    words += text(img, (200, 640), "Printed name of officer (print):", 36, (next(k), 1, 1))
    words += text(img, (860, 640), "J. Brown", 40, (next(k), 1, 1))
    rule(img, 840, 2300, 690)
    rule(img, 200, 1300, 960)
    words += text(img, (200, 975), "Officer signature / Firma del oficial", 30, (next(k), 1, 1))
    if officer:
        cursive(img, 240, 956, seed=2)
    y = 1150
    for title, state in (("WITNESS / TESTIGO", witness), ("SUPERVISORY REVIEW", supervisor)):
        if state is None:
            continue
        cv2.rectangle(img, (190, y), (2350, y + 460), 0, 3)
        words += text(img, (220, y + 30), title, 36, (next(k), 1, 1))
        words += text(img, (220, y + 130), "Name (print):", 32, (next(k), 1, 1))
        rule(img, 500, 1300, y + 170)
        rule(img, 1450, 2250, y + 360)
        words += text(img, (1450, y + 375), "Signature / Firma", 30, (next(k), 1, 1))
        if state:
            cursive(img, 1520, y + 356, seed=3 if title.startswith("W") else 4)
        y += 520
    return Page(number=1, width=W, height=H, dpi=300.0, words=words, image=img)
