"""Check-box crops for the mark classifier, drawn with the generator's own pen marks.

Each sample is a small patch of "page" with one printed box (thin or bold, square or
rounded, black or grey, plain or shaded inside, sometimes printed text or a ruling
beside it), maybe a mark drawn by ``samples.generator.marks.mark`` (X, tick, fill,
scribble, pre-printed X) or an inverted "digital" check (a dark box with a light
tick), then scan damage (blur, noise, JPEG, binarisation, low resolution, rotation).
The crop is taken round a slightly wrong box (a detector is a pixel or two off).
Nothing here was looked up in an evaluation set: the styles are those of printed forms
in general.
"""
from __future__ import annotations

import random
from types import SimpleNamespace

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from extractor.reader.marks import CLASSES, crop_features
from samples.generator import fonts
from samples.generator.marks import mark

# class -> generator mark styles drawn for it
STYLES = {"tick": ["tick"], "cross": ["x", "x", "preprinted_x"], "fill": ["fill", "fill", "inverted"],
          "scribble": ["scribble"]}
WEIGHTS = {"empty": 0.45, "tick": 0.16, "cross": 0.16, "fill": 0.11, "scribble": 0.12}


class _Pen:
    """The few parts of ``samples.generator.canvas.Canvas`` that ``marks.mark`` uses."""

    def __init__(self, img: Image.Image, rng: random.Random, k: float, ink, rule_w: int):
        self.img, self.d, self.rng, self.k, self.rule_w = img, ImageDraw.Draw(img), rng, k, rule_w
        self.spec = SimpleNamespace(ink=ink)

    def pt(self, v: float) -> int:
        return max(1, int(round(v * self.k)))


def _print_font(rng: random.Random, size: int) -> ImageFont.FreeTypeFont:
    face = rng.choice(fonts.faces("print"))
    return fonts.font(face.path, max(6, size))


def draw_box(rng: random.Random, label: str) -> tuple[np.ndarray, tuple[float, float, float, float]]:
    """One grey patch with a box (marked as ``label`` says); returns (patch, box bbox)."""
    side = rng.randint(10, 22) if rng.random() < 0.45 else rng.randint(22, 64)
    W, H = int(side * rng.uniform(3.0, 5.0)), int(side * rng.uniform(2.2, 3.2))
    paper = rng.randint(215, 255)
    img = Image.new("RGB", (W, H), (paper,) * 3)
    d = ImageDraw.Draw(img)
    x0 = rng.randint(int(0.6 * side), W - int(1.6 * side))
    y0 = (H - side) // 2 + rng.randint(-side // 6, side // 6)
    box = (x0, y0, x0 + side, y0 + side)
    border = max(1, int(round(side * rng.choice([0.03, 0.05, 0.08, 0.12, 0.17, 0.22]))))
    grey = rng.choice([20, 20, 40, 70, 110, 150])
    radius = rng.choice([0, 0, 0, int(side * 0.15), int(side * 0.3)])
    shade = rng.random() < 0.2
    fill_in = (rng.randint(185, 235),) * 3 if shade else None
    d.rounded_rectangle(box, radius=radius, outline=(grey,) * 3, width=border, fill=fill_in)
    if rng.random() < 0.12:  # a double frame
        g = border + max(1, side // 12)
        d.rectangle((x0 - g, y0 - g, x0 + side + g, y0 + side + g), outline=(grey,) * 3, width=1)
    if rng.random() < 0.5:  # the option's printed text beside the box
        f = _print_font(rng, int(side * rng.uniform(0.6, 1.0)))
        tx = x0 + side + int(side * rng.uniform(0.15, 0.6))
        d.text((tx, y0 + side * 0.1), rng.choice(["Yes", "No", "I agree", "Option", "Sí", "Oui",
                                                  "reunite", "A.", "1."]), font=f, fill=(25,) * 3)
    if rng.random() < 0.3:  # rulings or table cell lines nearby
        for _ in range(rng.randint(1, 3)):
            lw, g = max(1, border + rng.randint(-1, 1)), (rng.randint(20, 120),) * 3
            off = rng.randint(1, side // 2 + 2)
            if rng.random() < 0.5:
                yy = y0 - off if rng.random() < 0.5 else y0 + side + off
                d.line((0, yy, W, yy), fill=g, width=lw)
            else:
                xx = x0 - off if rng.random() < 0.5 else x0 + side + off
                d.line((xx, 0, xx, H), fill=g, width=lw)
    if rng.random() < 0.25:  # a row of boxes: empty neighbours left and right
        gap = int(side * rng.uniform(0.25, 1.5))
        for nx in (x0 - gap - side, x0 + side + gap):
            d.rounded_rectangle((nx, y0, nx + side, y0 + side), radius=radius, outline=(grey,) * 3,
                                width=border, fill=fill_in)
    if label != "empty":
        style = rng.choice(STYLES[label])
        ink = rng.choice([(20, 30, 110), (15, 15, 20), (30, 40, 140), (40, 40, 45), (70, 70, 80)])
        if style == "inverted":
            d.rounded_rectangle(box, radius=radius, fill=(rng.randint(10, 60),) * 3)
            pts = [(x0 + 0.2 * side, y0 + 0.5 * side), (x0 + 0.42 * side, y0 + 0.72 * side),
                   (x0 + 0.8 * side, y0 + 0.25 * side)]
            d.line(pts, fill=(245,) * 3, width=max(1, side // 8), joint="curve")
        else:
            pen = _Pen(img, rng, side / 11.5 * rng.uniform(0.7, 1.4), ink, border)
            mark(pen, style, box, (box[2] + side // 3, box[1], box[2] + 3 * side, box[3]))
    elif rng.random() < 0.08:  # a stray pen stroke outside the box (a mark on a neighbour)
        sx = rng.choice([x0 - side, x0 + 2 * side])
        d.line((sx, y0, sx + side // 2, y0 + side), fill=(30,) * 3, width=max(1, side // 12))
    arr = np.asarray(img.convert("L")).copy()
    return _damage(rng, arr, side), box


def _damage(rng: random.Random, a: np.ndarray, side: int) -> np.ndarray:
    if rng.random() < 0.5:
        a = cv2.GaussianBlur(a, (0, 0), rng.uniform(0.3, 1.2) * max(1.0, side / 30))
    if rng.random() < 0.3:  # a lower resolution, brought back up
        f = rng.uniform(0.45, 0.8)
        small = cv2.resize(a, (max(4, int(a.shape[1] * f)), max(4, int(a.shape[0] * f))),
                           interpolation=cv2.INTER_AREA)
        a = cv2.resize(small, (a.shape[1], a.shape[0]), interpolation=cv2.INTER_LINEAR)
    if rng.random() < 0.4:
        n = np.random.default_rng(rng.getrandbits(32)).normal(0, rng.uniform(2, 14), a.shape)
        a = np.clip(a + n, 0, 255).astype(np.uint8)
    if rng.random() < 0.25:  # lighting: a brightness gradient and a lower contrast
        g = np.linspace(rng.uniform(0.75, 1.0), 1.0, a.shape[1])[None, :]
        a = np.clip(a * g, 0, 255).astype(np.uint8)
    if rng.random() < 0.12:  # fax binarisation
        a = np.where(a < rng.randint(120, 190), 0, 255).astype(np.uint8)
    if rng.random() < 0.35:
        ok, enc = cv2.imencode(".jpg", a, [cv2.IMWRITE_JPEG_QUALITY, rng.randint(25, 90)])
        a = cv2.imdecode(enc, cv2.IMREAD_GRAYSCALE)
    return a


def sample(rng: random.Random) -> tuple[np.ndarray, int]:
    """(features, class index) of one drawn box."""
    label = rng.choices(list(WEIGHTS), weights=list(WEIGHTS.values()))[0]
    patch, (x0, y0, x1, y1) = draw_box(rng, label)
    side = x1 - x0
    j = lambda: rng.uniform(-0.08, 0.08) * side  # noqa: E731 - a detector's error
    bbox = (x0 + j(), y0 + j(), x1 + j(), y1 + j())
    return crop_features(patch, bbox), CLASSES.index(label)


def dataset(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = random.Random(seed)
    xs, ys = zip(*(sample(rng) for _ in range(n)))
    return np.stack(xs), np.array(ys, dtype=np.int64)
