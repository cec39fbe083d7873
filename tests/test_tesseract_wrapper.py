"""The Tesseract wrapper: reading, junk filtering, timeouts and a missing binary."""
import numpy as np
import pytest
import pytesseract

from extractor.errors import OcrTimeoutError, ToolMissingError
from extractor.model import Word
from extractor.ocr import tesseract
from ocr_drawing import text_page


def w(text, conf, bbox=(0, 0, 50, 10)):
    return Word(text=text, conf=conf, bbox=bbox)


def test_clean_words_drops_ruling_junk_and_low_confidence():
    words = [w("___", 0.9), w("|", 0.8), w("Smith___", 0.9), w("ee", 0.4), w("de", 0.9),
             w("Garcia", 0.2), w("Lopez", 0.5), w("—", 0.95)]
    assert [x.text for x in tesseract.clean_words(words)] == ["Smith", "de", "Lopez"]


def test_text_quality_and_vertical_share():
    good = [w("informed", 0.95), w("parent", 0.9), w("of", 0.2)]
    assert tesseract.text_quality(good) > 0.9  # two-letter words do not count
    assert tesseract.text_quality([w("xqzt", 0.3)]) == pytest.approx(0.3)
    sideways = [w("informed", 0.9, (0, 0, 12, 80)), w("parent", 0.9, (0, 100, 12, 160))]
    assert tesseract.vertical_share(sideways) == 1.0
    assert tesseract.vertical_share(good) == 0.0


def test_missing_binary_raises_tool_missing(monkeypatch):
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    tesseract.version.cache_clear()
    try:
        with pytest.raises(ToolMissingError):
            tesseract.ocr_words(np.full((50, 50), 255, np.uint8))
    finally:
        tesseract.version.cache_clear()


@pytest.mark.integration
def test_timeout_raises_ocr_timeout():
    big = np.tile(text_page(), (3, 3))  # a 5100x6600 page of text: seconds of work
    with pytest.raises(OcrTimeoutError):
        tesseract.ocr_words(big, timeout=0.05)


@pytest.mark.integration
def test_reads_a_rendered_sentence():
    words = tesseract.clean_words(tesseract.ocr_words(text_page()))
    text = " ".join(x.text for x in words)
    assert "parent was informed of the option to reunify" in text
    assert "06/12/2018" in text
    first = next(x for x in words if x.text == "parent")
    # bbox in image pixels: the first line is drawn at x=150, y=200
    assert 150 <= first.bbox[0] <= 260 and 195 <= first.bbox[1] <= 240
    assert all(0.0 <= x.conf <= 1.0 for x in words)
