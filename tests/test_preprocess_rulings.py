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


def test_preprocess_banded_line_opening_equals_the_full_opening():
    """The opening by a long line is computed only on the rows (columns) a sample says
    can hold a rule: it must give cv2's full opening pixel for pixel, whatever the line
    length (down to the 8 px minimum), including runs cut by the page's edges."""
    from extractor.preprocess import _open_lines
    rng = np.random.default_rng(7)
    for trial in range(60):
        h, w = int(rng.integers(20, 160)), int(rng.integers(20, 160))
        bw = np.where(rng.random((h, w)) < rng.uniform(0.05, 0.6), 255, 0).astype(np.uint8)
        for _ in range(int(rng.integers(0, 6))):  # rules, some reaching an edge
            y, x0 = int(rng.integers(0, h)), int(rng.integers(-20, w))
            bw[y, max(0, x0):max(0, x0 + int(rng.integers(3, 120)))] = 255
            x, y0 = int(rng.integers(0, w)), int(rng.integers(-20, h))
            bw[max(0, y0):max(0, y0 + int(rng.integers(3, 120))), x] = 255
        for length in (8, 9, 13, 16, 17, 40, 121):
            for axis, size in ((0, (length, 1)), (1, (1, length))):
                full = cv2.morphologyEx(bw, cv2.MORPH_OPEN,
                                        cv2.getStructuringElement(cv2.MORPH_RECT, size))
                opened, lines = _open_lines(bw, length, axis)
                assert np.array_equal(opened, full), (trial, length, axis)
                assert np.array_equal(lines, np.flatnonzero(full.any(axis=1 - axis)))


def test_preprocess_remove_rulings_whitens_exactly_the_mask():
    grey, _ = form_field()
    grey = cv2.GaussianBlur(grey, (3, 3), 0)  # grey levels, not just 0/255
    clean, removed = remove_rulings(grey, 300)
    mask = ruling_mask(grey, 300)
    assert removed == np.count_nonzero(mask) > 0
    assert np.all(clean[mask > 0] == 255) and np.array_equal(clean[mask == 0], grey[mask == 0])
