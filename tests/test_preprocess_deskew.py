"""Deskew: estimate_skew returns the correction for a known rotation, and prepare
straightens the page."""
import pytest

from extractor.preprocess import estimate_skew, prepare
from ocr_drawing import rotate, text_page


@pytest.mark.parametrize("angle", [-3.5, -1.2, 0.6, 2.4, 4.0])
def test_estimate_skew_recovers_known_rotation(angle):
    page = rotate(text_page(), angle)
    # the page was turned counter-clockwise by `angle`: turning it back is -angle
    assert estimate_skew(page) == pytest.approx(-angle, abs=0.3)


def test_estimate_skew_straight_page_is_zero():
    assert abs(estimate_skew(text_page())) < 0.15


def test_prepare_leaves_a_straight_page_straight():
    prep = prepare(rotate(text_page(), 2.0), 200)
    assert abs(estimate_skew(prep.image)) < 0.3
    assert prep.notes["skew_deg"] == pytest.approx(-2.0, abs=0.3)
