"""read_regions: words in given regions, read in one stacked pass, boxes in the page."""
import numpy as np
import pytest
from PIL import Image, ImageDraw

from extractor.ocr import tesseract
from ocr_drawing import font


def page():
    im = Image.new("L", (1700, 1200), 255)
    d = ImageDraw.Draw(im)
    boxes = {}
    for text, xy in (("Authorization", (1100, 150)), ("Stamford", (200, 900))):
        d.text(xy, text, fill=0, font=font(30))
        boxes[text] = d.textbbox(xy, text, font=font(30))
    return np.array(im), boxes


@pytest.mark.integration
def test_words_come_back_where_they_are_on_the_page():
    grey, boxes = page()
    regions = [(x0 - 4, y0 - 4, x1 + 4, y1 + 4) for x0, y0, x1, y1 in boxes.values()]
    words = tesseract.read_regions(grey, regions, 300, lang="eng")
    got = {w.text: w.bbox for w in words}
    assert set(got) == set(boxes)
    for text, (x0, y0, x1, y1) in boxes.items():
        gx0, gy0, gx1, gy1 = got[text]
        assert abs(gx0 - x0) <= 6 and abs(gx1 - x1) <= 6
        assert abs(gy0 - y0) <= 10 and abs(gy1 - y1) <= 10


def test_no_regions_or_too_many_read_nothing(monkeypatch):
    grey, boxes = page()
    calls = []
    monkeypatch.setattr(tesseract, "ocr_words", lambda *a, **k: calls.append(1) or [])
    assert tesseract.read_regions(grey, [], 300) == []
    many = [(10, 10, 40, 30)] * (tesseract.MAX_REGIONS + 1)
    assert tesseract.read_regions(grey, many, 300) == []
    assert calls == []
