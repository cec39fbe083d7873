"""Stroke augmentation for written entries: the same font looks like many hands.

``augment(layer, rng)`` takes the grey text layer an entry is drawn on (white ink on
black, as :meth:`canvas.Canvas.write` builds it) and returns it slanted, thickened or
thinned, its baseline wandering, and elastically warped, each by a random amount drawn
from ``rng`` (seeded: the same rng state gives the same layer).

Used for hand-written entries of forms drawn for the train split (``Spec.strokes``, see
:func:`.spec.sample`) and by the training renderer of the handwriting models
(:func:`training.handwriting_glyphs.render`). Validation and held-out draws are not
augmented (kept as they were, so their numbers stay comparable across sessions), nor are
forms drawn without a split (their bytes stay the same).
"""
from __future__ import annotations

import random

import numpy as np
from PIL import Image, ImageFilter


def slant(layer: Image.Image, shear: float) -> Image.Image:
    """Shear along x (positive leans right), widening the layer to keep every stroke."""
    w, h = layer.size
    extra = int(abs(shear) * h) + 2
    out = Image.new("L", (w + extra, h), 0)
    out.paste(layer, (extra if shear > 0 else 0, 0))
    # x_src = x + shear * (y - h): the bottom stays, the top moves by shear * h
    return out.transform(out.size, Image.AFFINE, (1, shear, -shear * h if shear > 0 else 0, 0, 1, 0),
                         resample=Image.BICUBIC)


def thickness(layer: Image.Image, delta: int) -> Image.Image:
    """Thicker (delta > 0) or thinner (delta < 0) strokes, by a 3x3 max/min filter."""
    for _ in range(abs(delta)):
        layer = layer.filter(ImageFilter.MaxFilter(3) if delta > 0 else ImageFilter.MinFilter(3))
    return layer


def elastic(layer: Image.Image, rng: random.Random, amount: float, scale: float) -> Image.Image:
    """Smooth random displacement of every pixel (amount: pixels; scale: smoothness in
    pixels): a wobbly hand rather than a font's exact outline."""
    a = np.asarray(layer, dtype=np.float32)
    h, w = a.shape
    nr = np.random.default_rng(rng.randrange(2 ** 31))
    gh, gw = max(2, int(h / scale) + 2), max(2, int(w / scale) + 2)
    dx = np.asarray(Image.fromarray(nr.uniform(-1, 1, (gh, gw)).astype(np.float32)).resize((w, h), Image.BICUBIC))
    dy = np.asarray(Image.fromarray(nr.uniform(-1, 1, (gh, gw)).astype(np.float32)).resize((w, h), Image.BICUBIC))
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    sx = np.clip(np.rint(xx + amount * dx), 0, w - 1).astype(int)
    sy = np.clip(np.rint(yy + amount * dy), 0, h - 1).astype(int)
    return Image.fromarray(a[sy, sx].astype(np.uint8), "L")


def baseline(layer: Image.Image, rng: random.Random, amount: float, period: float) -> Image.Image:
    """The baseline wanders: each column moves up or down along a smooth random curve
    (amount: largest shift in pixels; period: pixels between the curve's knots), as a
    hand that does not keep to a line. The layer grows by ``amount`` above and below."""
    a = np.asarray(layer, dtype=np.uint8)
    h, w = a.shape
    pad = int(np.ceil(amount)) + 1
    knots = max(2, int(w / max(4.0, period)) + 2)
    ys = np.array([rng.uniform(-amount, amount) for _ in range(knots)], dtype=np.float32)
    shift = np.rint(np.interp(np.arange(w), np.linspace(0, w - 1, knots), ys)).astype(int)
    out = np.zeros((h + 2 * pad, w), np.uint8)
    for x in range(w):
        out[pad + shift[x]:pad + shift[x] + h, x] = a[:, x]
    return Image.fromarray(out, "L")


def _ink(layer: Image.Image) -> int:
    return int((np.asarray(layer) > 128).sum())


def augment(layer: Image.Image, rng: random.Random) -> Image.Image:
    """A random mix of slant, stroke width, baseline wander and elastic warp (jitter at
    small scale)."""
    h = layer.size[1]
    if rng.random() < 0.7:
        layer = slant(layer, rng.uniform(-0.25, 0.35))
    if rng.random() < 0.4:
        thinner = rng.random() < 0.35
        changed = thickness(layer, -1 if thinner else 1)
        if not thinner or _ink(changed) >= 0.6 * _ink(layer):  # thin strokes are not erased
            layer = changed
    if rng.random() < 0.5:
        layer = baseline(layer, rng, amount=rng.uniform(0.03, 0.09) * h, period=rng.uniform(1.0, 3.0) * h)
    if rng.random() < 0.6:
        layer = elastic(layer, rng, amount=rng.uniform(0.8, 2.2) * h / 40, scale=rng.uniform(6, 14) * h / 40)
    return layer
