"""The margin strip beside the options loses printed rules, not hand marks: a long
straight vertical stroke (a frame, the scanned page's edge) goes like a horizontal one;
a tick or a printed bracket stays."""
import cv2
import numpy as np

from extractor.forms.option_marks import _without_rules

H = 20.0  # text height in pixels


def _strip():
    return np.zeros((400, 150), np.uint8)


def test_option_margin_vertical_rule_is_removed():
    s = _strip()
    cv2.line(s, (12, 5), (14, 390), 255, 3)  # the page's edge, slightly slanted
    assert _without_rules(s, H).sum() < 0.02 * s.sum()  # (a pixel of its rounded end may stay)


def test_option_margin_tick_and_bracket_stay():
    s = _strip()
    cv2.line(s, (60, 200), (70, 215), 255, 3)  # a tick: short strokes
    cv2.line(s, (70, 215), (95, 180), 255, 3)
    cv2.line(s, (110, 100), (110, 125), 255, 3)  # a printed "[" one text height tall
    cv2.line(s, (110, 100), (116, 100), 255, 3)
    out = _without_rules(s, H)
    assert out[195:220, 55:100].sum() == s[195:220, 55:100].sum()
    assert out[95:130, 105:120].sum() == s[95:130, 105:120].sum()


def test_option_margin_horizontal_rule_is_still_removed():
    s = _strip()
    cv2.line(s, (0, 300), (149, 301), 255, 3)  # the line initials are written on
    assert not _without_rules(s, H).any()
