"""Stroke augmentation (samples/generator/strokes.py): the ink moves, none is lost."""
import random

import numpy as np
from PIL import Image, ImageDraw

from samples.generator import fonts, strokes


def _layer():
    im = Image.new("L", (420, 80), 0)
    face = fonts.faces("hand")[0]
    ImageDraw.Draw(im).text((10, 10), "Rosa Pérez", font=fonts.font(face.path, 48), fill=255)
    return im


def test_slant_moves_the_top_of_the_writing_and_keeps_it():
    im = _layer()
    out = strokes.slant(im, 0.3)
    a, b = np.asarray(im) > 128, np.asarray(out) > 128
    assert out.size[0] > im.size[0]
    assert abs(int(b.sum()) - int(a.sum())) < 0.15 * a.sum()
    top = lambda m: np.nonzero(m[:30].any(axis=0))[0].mean()  # noqa: E731
    assert top(b) > top(a) + 3  # leaning right: the top row of ink moved right


def test_thickness_changes_the_ink_both_ways():
    a = (np.asarray(_layer()) > 128).sum()
    assert (np.asarray(strokes.thickness(_layer(), 1)) > 128).sum() > 1.2 * a
    assert (np.asarray(strokes.thickness(_layer(), -1)) > 128).sum() < 0.8 * a


def test_augment_is_seeded_and_varies():
    one = strokes.augment(_layer(), random.Random(4))
    assert np.array_equal(np.asarray(one), np.asarray(strokes.augment(_layer(), random.Random(4))))
    others = {np.asarray(strokes.augment(_layer(), random.Random(s))).tobytes() for s in range(6)}
    assert len(others) > 3
    ink = (np.asarray(one) > 128).sum()
    assert 0.4 * (np.asarray(_layer()) > 128).sum() < ink
