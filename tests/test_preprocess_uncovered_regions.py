"""Uncovered ink: the text-sized ink no word box covers, for a second OCR look."""
import numpy as np
from PIL import Image, ImageDraw

from extractor.preprocess import uncovered_ink_regions, whiten_boxes
from ocr_drawing import font


def page():
    """Two printed words, a speck, a thin rule, a tall bar and a tall narrow stroke
    (300 dpi)."""
    im = Image.new("L", (1700, 900), 255)
    d = ImageDraw.Draw(im)
    d.text((100, 100), "Covered", fill=0, font=font(40))
    covered = d.textbbox((100, 100), "Covered", font=font(40))
    d.text((900, 400), "SHIP TO", fill=0, font=font(24))  # small print in a cell
    left = d.textbbox((900, 400), "SHIP TO", font=font(24))
    d.point((600, 600), fill=0)  # a speck
    d.line([(100, 800), (1600, 800)], fill=0, width=2)  # a thin rule
    d.rectangle([1500, 100, 1510, 500], fill=0)  # a bar taller than any line of text
    d.rectangle([400, 380, 408, 460], fill=0)  # a tick's stroke: tall, narrow
    return np.array(im), covered, left


def test_only_the_uncovered_word_is_a_region():
    grey, covered, left = page()
    regions = uncovered_ink_regions(whiten_boxes(grey, [covered]), 300)
    assert len(regions) == 1
    x0, y0, x1, y1 = regions[0]
    # the region holds the whole of the small-print label (both words joined) ...
    assert x0 <= left[0] and y0 <= left[1] + 6 and x1 >= left[2] and y1 >= left[3] - 2
    # ... and not much more
    assert x1 - x0 < (left[2] - left[0]) + 60 and y1 - y0 < 60


def test_without_the_cover_the_word_read_is_a_region_too():
    grey, covered, left = page()
    regions = uncovered_ink_regions(grey, 300)
    assert len(regions) == 2
    assert any(x0 <= covered[0] + 2 and x1 >= covered[2] - 2 for x0, _, x1, _ in regions)


def test_blank_page_has_no_regions():
    assert uncovered_ink_regions(np.full((500, 400), 255, np.uint8), 300) == []


def test_whiten_boxes_leaves_the_original_alone():
    grey, covered, _ = page()
    before = grey.copy()
    out = whiten_boxes(grey, [covered], pad=2)
    assert np.array_equal(grey, before)
    x0, y0, x1, y1 = covered
    assert out[y0 - 2:y1 + 2, x0 - 2:x1 + 2].min() == 255
    assert out.min() == 0  # the rest is still there
