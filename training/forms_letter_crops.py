"""Option-letter crops for the circle-one mark classifier: is this option's printed
letter or number circled (or ticked in the margin beside it)?

A patch holds a few option lines ("A." / "(b)" / "2." / "Option 1:" and some text),
printed with the generator's print faces; the middle line's letter is the one read.
Its marks are the generator's own (``samples.generator.marks.mark``): an ellipse round
the letter ("circle_letter"), round the letter and the text ("circle_text"), or a tick in
the margin. Negatives: no mark, or a mark on the line above or below (its arc may enter
the crop). Then scan damage as for the box crops.
"""
from __future__ import annotations

import random

import numpy as np
from PIL import Image, ImageDraw

from extractor.reader.marks import letter_features
from samples.generator import fonts
from samples.generator.marks import mark
from training.forms_mark_crops import _damage, _Pen

LETTERS = [["A.", "B.", "C."], ["(a)", "(b)", "(c)"], ["a)", "b)", "c)"], ["1.", "2.", "3."],
           ["(1)", "(2)", "(3)"], ["Option 1:", "Option 2:", "Option 3:"], ["A", "B", "C"]]
WORDS = ["I", "want", "to", "be", "with", "my", "child", "leave", "without", "speak", "a", "lawyer",
         "deseo", "salir", "sin", "mi", "hijo", "hablar", "con", "abogado", "the", "United", "States"]
STYLES = ["circle_letter", "circle_letter", "circle_text", "tick"]


def draw(rng: random.Random, marked_here: bool) -> tuple[np.ndarray, tuple[float, float, float, float]]:
    """A patch of three option lines; returns (grey patch, bbox of the middle letter)."""
    size = rng.randint(14, 40)
    face = rng.choice(fonts.faces("print"))
    if rng.random() < 0.4:
        face = fonts.bold_for(face)
    f = fonts.font(face.path, size)
    W, lh = int(size * rng.uniform(16, 26)), int(size * rng.uniform(1.5, 2.6))
    H = lh * 3 + size * 2
    img = Image.new("RGB", (W, H), (rng.randint(225, 255),) * 3)
    d = ImageDraw.Draw(img)
    letters = rng.sample(rng.choice(LETTERS), 3)  # any letter may be the one read
    x0 = int(size * rng.uniform(1.5, 3))
    placed = []
    for i in range(3):
        top = size + i * lh
        lab = letters[i]
        d.text((x0, top), lab, font=f, fill=(22, 22, 22))
        lb = d.textbbox((x0, top), lab, font=f)
        tx = lb[2] + int(size * rng.uniform(0.4, 1.0))
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 9)))
        d.text((tx, top), text, font=f, fill=(22, 22, 22))
        tb = d.textbbox((tx, top), text, font=f)
        placed.append(((x0, top, x0 + int(d.textlength(lab, font=f)), top + sum(f.getmetrics())), tb, lb))
    ink = rng.choice([(20, 30, 110), (15, 15, 20), (30, 40, 140), (40, 40, 45)])
    pen = _Pen(img, rng, size / 10.0 * rng.uniform(0.8, 1.3), ink, 1)
    style = rng.choice(STYLES)
    targets = [1] if marked_here else ([] if rng.random() < 0.5 else [rng.choice([0, 2])])
    for t in targets:
        box, text_box, _ = placed[t]
        if style == "tick":  # in the margin left of the letter, as the generator ticks
            h = box[3] - box[1]
            box = (box[0] - int(size * 0.4) - h, box[1], box[0] - int(size * 0.4), box[3])
        mark(pen, style, box, text_box)
    arr = np.asarray(img.convert("L")).copy()
    lb = placed[1][2]
    return _damage(rng, arr, size * 2), tuple(float(v) for v in lb)


def sample(rng: random.Random) -> tuple[np.ndarray, int]:
    here = rng.random() < 0.45
    patch, (x0, y0, x1, y1) = draw(rng, here)
    h = y1 - y0
    j = lambda: rng.uniform(-0.1, 0.1) * h  # noqa: E731 - OCR's box is a little off
    return letter_features(patch, (x0 + j(), y0 + j(), x1 + j(), y1 + j())), int(here)


def dataset(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = random.Random(seed)
    xs, ys = zip(*(sample(rng) for _ in range(n)))
    return np.stack(xs), np.array(ys, dtype=np.int64)
