"""Ruling removal: long rules go, text written on them stays (descenders included)."""
import cv2
import numpy as np
from PIL import Image, ImageDraw

from extractor.preprocess import prepare, remove_rulings, ruling_mask
from ocr_drawing import font

LINE_Y = 300


def form_field() -> tuple[np.ndarray, tuple]:
    """'Name: ____' with a handwritten-style value sitting on the rule, descenders
    ('g', 'y', 'p') crossing it, and a vertical table border."""
    im = Image.new("L", (1700, 500), 255)
    d = ImageDraw.Draw(im)
    d.text((100, LINE_Y - 40), "Name:", fill=0, font=font(34))
    d.line([(260, LINE_Y), (1500, LINE_Y)], fill=0, width=4)  # the underline
    d.line([(1600, 60), (1600, 460)], fill=0, width=4)  # a table border
    d.text((300, LINE_Y - 38), "Gregory Pyle Gaytan", fill=0, font=font(44))
    bbox = d.textbbox((300, LINE_Y - 38), "Gregory Pyle Gaytan", font=font(44))
    return np.array(im), bbox


def ink(img) -> int:
    return int(np.count_nonzero(img < 128))


def test_rules_are_removed():
    grey, (x0, y0, x1, y1) = form_field()
    clean, removed = remove_rulings(grey, 300)
    assert removed > 0
    # the rule to the right of the value and the vertical border are gone
    assert ink(clean[LINE_Y - 4:LINE_Y + 5, x1 + 20:1490]) == 0
    assert ink(clean[80:440, 1595:1606]) == 0
    assert ink(grey[LINE_Y - 4:LINE_Y + 5, x1 + 20:1490]) > 0  # (they were there)


def test_text_on_the_rule_is_kept():
    grey, (x0, y0, x1, y1) = form_field()
    clean, _ = remove_rulings(grey, 300)
    above = (slice(y0, LINE_Y - 3), slice(x0, x1))
    assert ink(clean[above]) >= 0.98 * ink(grey[above])
    # descenders below the rule survive, and where they cross it they are repaired
    below = (slice(LINE_Y + 3, y1 + 2), slice(x0, x1))
    assert ink(grey[below]) > 0 and ink(clean[below]) >= 0.98 * ink(grey[below])
    mask = ruling_mask(grey, 300)
    crossing = mask[LINE_Y - 2:LINE_Y + 3, x0:x1] == 0
    assert crossing.any()  # some columns of the rule were kept as strokes


def test_label_text_is_untouched():
    grey, _ = form_field()
    clean, _ = remove_rulings(grey, 300)
    label = (slice(LINE_Y - 45, LINE_Y - 5), slice(95, 250))
    assert np.array_equal(clean[label], grey[label])


def test_prepare_keeps_rules_on_the_working_image():
    """Signature and checkbox detectors need the rules: only the OCR copy loses them."""
    grey, (x0, y0, x1, y1) = form_field()
    prep = prepare(grey, 300)
    assert ink(prep.image[LINE_Y - 4:LINE_Y + 5, x1 + 20:1490]) > 0
    assert ink(prep.ocr_image[LINE_Y - 4:LINE_Y + 5, x1 + 20:1490]) == 0
    assert prep.notes["ruling_px"] > 0
    assert cv2.absdiff(prep.image, grey).max() == 0  # 300 dpi, straight: not resampled
