"""ink_above_line: pen strokes on a signature line count; an empty line, scan noise, a
punch hole, a broken (fax) rule and printed text do not."""
from __future__ import annotations

import pytest

from extractor.forms.signatures import ink_above_line
from signatures_drawing import add_noise, punch_hole, signature_line, text


def _measure(img, bbox, **kw):
    return ink_above_line(img, bbox, 300.0, **kw)


def test_signatures_ink_cursive_stroke_is_signed():
    img, bbox, _ = signature_line(True)
    res = _measure(img, bbox)
    assert res.has_signature and res.confidence >= 0.8
    assert res.ink_ratio > 0.002 and res.line_found
    # the region is the part of the page above the rule, over the label's column
    x0, y0, x1, y1 = res.region
    assert x0 <= 160 and x1 >= 580 and y0 < 330 - 150 and 330 <= y1 <= 330 + 60


def test_signatures_ink_empty_line_is_unsigned():
    img, bbox, _ = signature_line(False)
    res = _measure(img, bbox)
    assert not res.has_signature and res.confidence >= 0.8 and res.ink_ratio == 0.0


@pytest.mark.parametrize("kind", ["saltpepper", "gauss", "blur", "shadow", "fax"])
def test_signatures_ink_degraded_empty_line_stays_unsigned(kind):
    img, bbox, _ = signature_line(False)
    assert not _measure(add_noise(img, kind, seed=7), bbox).has_signature


@pytest.mark.parametrize("kind", ["saltpepper", "gauss", "blur", "shadow", "fax"])
def test_signatures_ink_degraded_signature_still_found(kind):
    img, bbox, _ = signature_line(True, seed=3)
    assert _measure(add_noise(img, kind, seed=7), bbox).has_signature


def test_signatures_ink_punch_hole_on_line_is_not_a_signature():
    img, bbox, _ = signature_line(False)
    punch_hole(img, 600, 290)
    punch_hole(img, 900, 335)  # one sitting on the rule itself
    assert not _measure(img, bbox).has_signature


def test_signatures_ink_dashed_fax_rule_is_not_ink():
    img, bbox, _ = signature_line(False, dashed=True)
    assert not _measure(add_noise(img, "blur"), bbox).has_signature
    img, bbox, _ = signature_line(True, dashed=True)
    assert _measure(img, bbox).has_signature


def test_signatures_ink_printed_text_above_line_is_not_a_signature():
    img, bbox, _ = signature_line(False)
    typed = text(img, (180, 270), "John A. Smith", size=40)
    # even when the OCR missed the words: printed letters are not sweeping strokes
    assert not _measure(img, bbox).has_signature
    # and with the OCR's words masked, a real signature beside them is still found
    img2, bbox2, _ = signature_line(True)
    typed2 = text(img2, (700, 270), "John A. Smith", size=40)
    res = _measure(img2, bbox2, mask_boxes=[w.bbox for w in typed2])
    assert res.has_signature
    assert typed and typed2


def test_signatures_ink_stops_at_next_column():
    """Ink right of ``x_stop`` (a Date column on the same rule row) is not counted."""
    img, bbox, _ = signature_line(False)
    from signatures_drawing import cursive
    cursive(img, 820, 326, width=250, seed=4)
    assert _measure(img, bbox).has_signature  # without a stop the date ink leaks in
    assert not _measure(img, bbox, x_stop=800).has_signature


def test_signatures_ink_line_anchor():
    """Given the rule itself (another stage found it), the ink above it is measured."""
    img, _, _ = signature_line(True)
    assert _measure(img, (100, 329, 1100, 332), anchor="line").has_signature
    img, _, _ = signature_line(False)
    assert not _measure(img, (100, 329, 1100, 332), anchor="line").has_signature


def test_signatures_ink_unpacks_and_reports_strokes():
    img, bbox, _ = signature_line(True)
    ratio, has, conf = _measure(img, bbox)
    assert has and ratio > 0 and 0.5 < conf <= 1.0
    strokes = _measure(img, bbox).strokes
    # the cursive stroke spans x 132..608 and sits above the rule at y=330
    assert strokes and min(s[0] for s in strokes) < 200 and max(s[2] for s in strokes) > 500
    assert all(s[1] < 330 for s in strokes)
