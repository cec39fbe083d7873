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


def test_baseline_wander_moves_columns_up_and_down_and_keeps_the_ink():
    im = _layer()
    out = strokes.baseline(im, random.Random(2), amount=6, period=40)
    a, b = np.asarray(im) > 128, np.asarray(out) > 128
    assert out.size == (im.size[0], im.size[1] + 2 * 7)
    assert abs(int(b.sum()) - int(a.sum())) == 0  # columns move whole, nothing is lost
    bottom = lambda m, x0, x1: np.nonzero(m[:, x0:x1].any(axis=1))[0].max()  # noqa: E731
    shifts = {bottom(b, x, x + 30) - bottom(a, x, x + 30) for x in range(10, 380, 30)
              if a[:, x:x + 30].any()}
    assert len(shifts) > 1  # not one offset for the whole line


def test_only_train_draws_augment_their_strokes():
    from samples.generator.families import sample_family
    assert sample_family(31, "grammar.stack", "train").strokes
    assert not sample_family(31, "grammar.split", "validation").strokes
    assert not sample_family(31, "grammar.inline_cols", "heldout").strokes
    assert not sample_family(31, "grammar.stack").strokes
    assert not sample_family(31, "grammar.stack", "train", strokes=False).strokes
