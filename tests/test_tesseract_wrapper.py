"""The Tesseract wrapper: reading, junk filtering, timeouts and a missing binary; the
in-process library and the command give the same words."""
import threading

import numpy as np
import pytest
import pytesseract

from extractor.errors import OcrTimeoutError, ToolMissingError
from extractor.model import Word
from extractor.ocr import capi, tesseract
from ocr_drawing import text_page

BACKENDS = ["library", "command"]


@pytest.fixture
def backend(request, monkeypatch):
    """Runs a test once with libtesseract in this process and once with the command."""
    if request.param == "command":
        monkeypatch.setenv(tesseract.BACKEND_ENV, "cli")
    else:
        monkeypatch.delenv(tesseract.BACKEND_ENV, raising=False)
    tesseract.version.cache_clear()
    yield request.param
    tesseract.version.cache_clear()


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
    monkeypatch.setenv(tesseract.BACKEND_ENV, "cli")  # the command is what is missing
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    tesseract.version.cache_clear()
    try:
        with pytest.raises(ToolMissingError):
            tesseract.ocr_words(np.full((50, 50), 255, np.uint8))
    finally:
        tesseract.version.cache_clear()


@pytest.mark.integration
@pytest.mark.parametrize("backend", BACKENDS, indirect=True)
def test_timeout_raises_ocr_timeout(backend):
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


@pytest.mark.integration
def test_tesseract_library_reads_as_the_command(monkeypatch):
    """Same words, boxes and confidences from both, on a page and on single-line crops
    with and without a whitelist, in an order where a stale variable would show: the
    library's engines share Tesseract's global variables, and a whitelist or the page
    settings left over from an earlier call would change what the next call reads."""
    page = text_page()
    line = page[375:450, 100:1300]  # "Name of parent: Maria Lopez Garcia  Date: 06/12/2018"
    calls = [dict(image=line, lang="eng", psm=7, variables={"tessedit_char_whitelist": "0123456789/"}),
             dict(image=page),
             dict(image=line, lang="eng", psm=7, variables={}),
             dict(image=line, lang="eng+spa", psm=7, variables={})]
    monkeypatch.delenv(tesseract.BACKEND_ENV, raising=False)
    assert tesseract.in_process()
    library = [tesseract.ocr_words(**c) for c in calls]
    monkeypatch.setenv(tesseract.BACKEND_ENV, "cli")
    assert not tesseract.in_process()
    command = [tesseract.ocr_words(**c) for c in calls]
    assert library == command
    whitelisted, _, plain, _ = library
    assert all(set(w.text) <= set("0123456789/") for w in whitelisted)
    assert "Maria" in [w.text for w in plain]  # the whitelist did not stay set


@pytest.mark.integration
def test_tesseract_missing_language_is_tool_missing(monkeypatch):
    monkeypatch.delenv(tesseract.BACKEND_ENV, raising=False)
    with pytest.raises(ToolMissingError):
        tesseract.ocr_words(text_page()[:400], lang="zzz")


@pytest.mark.integration
def test_tesseract_second_thread_uses_the_command(monkeypatch):
    """While one thread holds the in-process engine, another reads through the command
    (Dask runs tasks in threads) and gets the same words."""
    monkeypatch.delenv(tesseract.BACKEND_ENV, raising=False)
    line = text_page()[195:270, 100:1300]
    alone = tesseract.ocr_words(line, psm=7)
    seen = {}
    with capi._run_lock:  # as if another thread were recognising a page
        assert not tesseract.in_process()
        t = threading.Thread(target=lambda: seen.update(words=tesseract.ocr_words(line, psm=7)))
        t.start()
        t.join(60)
    assert seen["words"] == alone and "informed" in [w.text for w in alone]
