"""Pen marks: option marks (X, tick, filled box, scribble, circle, initials, pre-printed X)
and signatures drawn as random cursive strokes.

A signature is a few smooth parametric strokes (a drifting baseline with loops from a
rotating offset), so each one is different and none is text an OCR engine could read.
"""
from __future__ import annotations

import math
import random

from .canvas import BLACK, Canvas

Box = tuple[int, int, int, int]


def _poly(c: Canvas, pts: list[tuple[float, float]], width: int, fill=None) -> None:
    c.d.line([(int(x), int(y)) for x, y in pts], fill=fill or c.spec.ink, width=width, joint="curve")


def _pen(c: Canvas) -> int:
    return max(1, c.pt(c.rng.uniform(0.9, 1.7)))


def _chaikin(pts: list[tuple[float, float]], rounds: int = 3) -> list[tuple[float, float]]:
    """Corner-cutting smoothing: a polyline becomes a pen-like curve."""
    for _ in range(rounds):
        out = [pts[0]]
        for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
            out += [(0.75 * x0 + 0.25 * x1, 0.75 * y0 + 0.25 * y1), (0.25 * x0 + 0.75 * x1, 0.25 * y0 + 0.75 * y1)]
        out.append(pts[-1])
        pts = out
    return pts


def _stroke(c: Canvas, x: float, length: float, base: int, h: float) -> list[tuple[float, float]]:
    """One stroke: zig-zag control points (sometimes looping back), smoothed."""
    rng = c.rng
    n = rng.randint(5, 12)
    loops = rng.random() < 0.4
    pts, cx = [], x
    for i in range(n):
        cx += length / n * rng.uniform(0.4, 1.6)
        if loops and rng.random() < 0.35:  # a loop: go up and back left
            pts += [(cx, base - h * rng.uniform(0.7, 1.1)), (cx - length / n * rng.uniform(0.5, 1.0),
                                                           base - h * rng.uniform(0.3, 0.8))]
        top = i % 2 == 0
        pts.append((cx, base - c.pt(2) - (h * rng.uniform(0.5, 1.1) if top else h * rng.uniform(-0.1, 0.35))))
    return _chaikin(pts)


def signature(c: Canvas, x0: int, x1: int, base: int) -> None:
    rng = c.rng
    h = c.pt(rng.uniform(9, 24))
    x = x0 + rng.randint(0, c.pt(15))
    slant = rng.uniform(-0.35, 0.1)
    for _ in range(rng.choice([1, 1, 2, 2, 3])):
        length = rng.uniform(0.25, 0.6) * (x1 - x0)
        pts = _stroke(c, x, length, base, h)
        pts = [(px + slant * (base - py), min(py, base + c.pt(4))) for px, py in pts]
        _poly(c, pts, _pen(c))
        x += length + rng.uniform(0.02, 0.15) * length
        if x > x1:
            break
    if rng.random() < 0.35:  # a flourish under the name
        y = base - c.pt(rng.uniform(1, 4))
        _poly(c, _chaikin([(x0, y), ((x0 + x) / 2, y + c.pt(2)), (x, y - c.pt(3))], 2), _pen(c))


def _hand_ellipse(c: Canvas, box: Box, pad: int) -> None:
    x0, y0, x1, y1 = box
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    rx, ry = (x1 - x0) / 2 + pad, (y1 - y0) / 2 + pad * 0.7
    start = c.rng.uniform(0, 2 * math.pi)
    over = c.rng.uniform(0.15, 0.5)
    pts = []
    for i in range(61):
        a = start + (2 * math.pi + over) * i / 60
        j = 1 + 0.06 * math.sin(3 * a + start) + c.rng.uniform(-0.015, 0.015)
        pts.append((cx + rx * j * math.cos(a), cy + ry * j * math.sin(a)))
    _poly(c, pts, _pen(c))


def mark(c: Canvas, style: str, box: Box, text_box: Box) -> None:
    """Mark one option. ``box`` is the box/letter, ``text_box`` the option's first line."""
    rng = c.rng
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    j = lambda v: v + rng.uniform(-0.12, 0.12) * w  # noqa: E731 - small pen jitter
    if style == "x":
        e = rng.uniform(-0.05, 0.25)
        _poly(c, [(j(x0 - e * w), j(y0 - e * h)), (j(x1 + e * w), j(y1 + e * h))], _pen(c))
        _poly(c, [(j(x1 + e * w), j(y0 - e * h)), (j(x0 - e * w), j(y1 + e * h))], _pen(c))
    elif style == "preprinted_x":
        c.d.line([(x0, y0), (x1, y1)], fill=BLACK, width=c.rule_w + 1)
        c.d.line([(x1, y0), (x0, y1)], fill=BLACK, width=c.rule_w + 1)
    elif style == "tick":
        a = (j(x0 + 0.1 * w), j(y0 + 0.5 * h))
        b = (j(x0 + 0.4 * w), y1 - rng.uniform(0, 0.15) * h)
        top = (j(x1 + rng.uniform(0, 0.5) * w), j(y0 - rng.uniform(0.1, 0.6) * h))
        _poly(c, [a, b, top], _pen(c) + 1)
    elif style == "fill":
        pts = []
        n = rng.randint(6, 10)
        for i in range(n + 1):
            yy = y0 + h * (i / n)
            pts.extend([(x0 + rng.uniform(0, 0.1) * w, yy), (x1 - rng.uniform(0, 0.1) * w, yy + h / (2 * n))])
        _poly(c, pts, max(2, c.pt(2.2)))
    elif style == "scribble":
        pts = [(rng.uniform(x0, x1), rng.uniform(y0, y1)) for _ in range(rng.randint(5, 9))]
        _poly(c, pts, _pen(c))
    elif style == "circle":
        tx1 = min(text_box[2], text_box[0] + c.pt(40))
        _hand_ellipse(c, (x0, y0, tx1, y1), c.pt(4))
    elif style == "circle_letter":
        _hand_ellipse(c, box, c.pt(4))
    elif style == "circle_text":
        _hand_ellipse(c, (x0, min(y0, text_box[1]), text_box[2], max(y1, text_box[3])), c.pt(4))
    elif style == "initials":
        c.write(x0 + c.pt(2), y1 - c.pt(2), x1, c.spec.written["initials"])
    else:
        raise ValueError(f"unknown mark style {style!r}")
