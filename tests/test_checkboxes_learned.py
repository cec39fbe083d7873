"""find_boxes with the trained mark classifier (the default decider) against the
ink-share rule: both read clear boxes alike, the learned confidence is a probability,
and an unknown decider is an error."""
from __future__ import annotations

import pytest

from checkboxes_drawing import add_noise, blank, draw_box, mark
from extractor.forms.boxes import find_boxes


def _row(styles, noise=None):
    img = blank(90 + 80 * len(styles), 200)
    boxes = []
    for i, st in enumerate(styles):
        b = draw_box(img, 60 + 80 * i, 80, 36)
        if st:
            mark(img, b, st)
        boxes.append(b)
    return (add_noise(img, noise) if noise else img), boxes


def _at(found, box):
    cx = (box[0] + box[2]) / 2
    (hit,) = [b for b in found if b.bbox[0] - 4 <= cx <= b.bbox[2] + 4]
    return hit


@pytest.mark.parametrize("noise", [None, "gauss", "blur", "fax"])
def test_learned_and_ink_deciders_agree_on_clear_boxes(noise):
    styles = [None, "x", None, "tick", "fill"]
    img, boxes = _row(styles, noise)
    learned, ink = find_boxes(img, dpi=300), find_boxes(img, dpi=300, decider="ink")
    want = [s is not None for s in styles]
    assert [_at(learned, b).marked for b in boxes] == want
    assert [_at(ink, b).marked for b in boxes] == want


def test_learned_confidence_is_high_on_clear_boxes_and_ink_share_is_kept():
    img, boxes = _row([None, "x"])
    empty, crossed = (_at(find_boxes(img, dpi=300), b) for b in boxes)
    assert empty.confidence > 0.9 and crossed.confidence > 0.9
    assert crossed.ink > empty.ink  # the measured ink share is still reported


def test_unknown_decider_is_an_error():
    img, _ = _row([None])
    with pytest.raises(ValueError, match="decider"):
        find_boxes(img, dpi=300, decider="majority")


def _option(label, text):
    from extractor.model import Word
    from extractor.forms.options import Option, OptionLine
    words, x = [], 100.0
    for t in text.split():
        words.append(Word(t, 0.95, (x, 50.0, x + 10.0 * len(t), 70.0)))
        x += 10.0 * len(t) + 8
    line = OptionLine(words, words, text, 100.0, 50.0, x, 70.0, None, None)
    return Option(label, [line], 0.9, marked=True)


def test_a_marked_option_whose_meaning_the_model_reads_otherwise_is_disputed():
    from extractor.forms.election import _meaning_disputed
    agreed = _option("depart_without_child", "I will leave the United States without my children")
    misread = _option("reunify", "I will leave the United States without my children")
    assert not _meaning_disputed([agreed], 100.0)
    assert _meaning_disputed([misread], 100.0)
    assert not _meaning_disputed([], 100.0)
