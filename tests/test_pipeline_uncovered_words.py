"""read_page adds the words in ink its page pass left uncovered (second, sparse look)."""
import numpy as np
import pytest
from PIL import Image, ImageDraw

from extractor import pipeline
from extractor.ingest import SourcePage
from extractor.model import Word
from extractor.ocr import tesseract
from ocr_drawing import font


def source():
    im = Image.new("L", (1700, 1000), 255)
    d = ImageDraw.Draw(im)
    d.text((150, 200), "Requisition", fill=0, font=font(36))
    d.text((1000, 700), "Greensboro", fill=0, font=font(36))
    grey = np.array(im)
    return SourcePage(number=1, image=grey, dpi=300, width=grey.shape[1], height=grey.shape[0])


@pytest.mark.integration
def test_a_word_the_page_pass_missed_is_added(monkeypatch):
    real = tesseract.ocr_words

    def page_pass_misses_one(image, lang=tesseract.DEFAULT_LANG, psm=3, **kw):
        words = real(image, lang=lang, psm=psm, **kw)
        if psm == 3:  # the page pass: as if layout analysis had passed over the word
            words = [w for w in words if w.text != "Greensboro"]
        return words

    monkeypatch.setattr(tesseract, "ocr_words", page_pass_misses_one)
    page = pipeline.read_page(source())
    texts = [w.text for w in page.words]
    assert texts.count("Requisition") == 1 and texts.count("Greensboro") == 1
    assert page.notes["uncovered_words"] == 1
    first = next(w for w in page.words if w.text == "Requisition")
    added = next(w for w in page.words if w.text == "Greensboro")
    assert added.line_key[0] > first.line_key[0]  # a line of its own
    x0, y0, x1, y1 = page.map_bbox(added.bbox)
    assert 990 <= x0 < x1 <= 1300 and 690 <= y0 < y1 <= 760


@pytest.mark.integration
def test_nothing_is_read_twice():
    page = pipeline.read_page(source())
    texts = [w.text for w in page.words]
    assert texts == ["Requisition", "Greensboro"]
    assert "uncovered_words" not in page.notes


def test_low_confidence_region_words_are_dropped(monkeypatch):
    grey = source().image
    monkeypatch.setattr(tesseract, "read_regions", lambda *a, **k: [
        Word("Greensboro", 0.65, (1000, 700, 1250, 740)),  # below REGION_MIN_CONF
        Word("ok", 0.85, (1000, 700, 1040, 740)),  # short, below REGION_MIN_CONF_SHORT
        Word("Stamford", 0.75, (1000, 700, 1200, 740))])
    prep = pipeline.prepare(grey, 300)
    got = pipeline._read_uncovered(prep, [Word("Requisition", 0.95, (150, 200, 400, 240), (3, 1, 1))], "eng")
    assert [w.text for w in got] == ["Stamford"]
    assert got[0].line_key[0] == 4


def test_ink_touching_a_word_read_on_its_line_is_not_reread(monkeypatch):
    """The tail of a word Tesseract read short ("A-Numb" of "A-Number") belongs to it:
    read alone it would come back as a fragment ("er") splitting the label."""
    im = Image.new("L", (1700, 1000), 255)
    d = ImageDraw.Draw(im)
    d.text((150, 200), "A-Number", fill=0, font=font(36))
    x0, y0, x1, y1 = d.textbbox((150, 200), "A-Number", font=font(36))
    d.text((1000, 700), "Greensboro", fill=0, font=font(36))
    prep = pipeline.prepare(np.array(im), 300)
    seen = []
    monkeypatch.setattr(tesseract, "read_regions",
                        lambda image, regions, *a, **k: seen.extend(regions) or [])
    short = Word("A-Numb", 0.9, (x0, y0, x0 + (x1 - x0) * 3 // 4, y1), (1, 1, 1))
    pipeline._read_uncovered(prep, [short], "eng")
    assert len(seen) == 1  # Greensboro's region only
    gx0, gy0, gx1, gy1 = seen[0]
    assert gx0 >= 950 and gy0 >= 650
