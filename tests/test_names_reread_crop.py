"""A doubtful name is read again from its crop, and the crop's reading is taken only
when its two readings agree and it is the better name (real Tesseract for the first
test; the others stub the crop readings)."""
import numpy as np
import pytest
from PIL import Image, ImageDraw

from extractor.forms import names_reread
from extractor.forms import extract_form
from extractor.model import Field, Page, Word
from tests.ocr_drawing import font


def _page(written: str, read_as: list[tuple[str, float]]):
    im = Image.new("L", (2550, 1200), 255)
    d = ImageDraw.Draw(im)
    d.text((200, 300), "Printed name of officer:", fill=0, font=font(34))
    d.text((700, 296), written, fill=0, font=font(38))
    labels = [("Printed", 200, 330), ("name", 342, 430), ("of", 442, 475), ("officer:", 487, 640)]
    words = [Word(text=t, conf=0.95, bbox=(x0, 300, x1, 336)) for t, x0, x1 in labels]
    x = 700
    for text, conf in read_as:
        words.append(Word(text=text, conf=conf, bbox=(x, 296, x + 24 * len(text), 340)))
        x += 24 * len(text) + 22
    return Page(number=1, width=2550, height=1200, dpi=300, words=words, image=np.array(im))


@pytest.mark.integration
def test_names_reread_crop_fixes_a_misread_name():
    page = _page("AFOD Smith", [("AFOD", 0.6), ("epmith", 0.3)])
    f = extract_form([page]).fields["official_name"]
    assert f.value == "AFOD Smith"
    # read again by eng+spa (two agreeing crop readings) or by the hand model
    assert "(re-read)" in f.provenance or "(hand model)" in f.provenance
    assert f.confidence <= names_reread.CROP_CONF_CAP


def _improve(value, conf, crop_reads, monkeypatch):
    reads = iter(crop_reads)
    monkeypatch.setattr(names_reread, "_read", lambda image, bbox, pad_x: next(reads))
    page = Page(number=1, width=100, height=100, dpi=300, image=np.full((100, 100), 255, np.uint8))
    field = Field(value=value, confidence=conf, page=1, bbox=(10, 10, 90, 30), provenance="label:x")
    out, calls = names_reread.improve("parent_name", field, [], page, 20.0, (0.0, 1e9),
                                      lambda s: s, lambda s: False)
    return out, calls


def test_names_reread_crop_needs_two_agreeing_readings(monkeypatch):
    out, calls = _improve("Tsela Quixtán", 0.8, [("Isela Quixtán", 0.9), ("Isela Quixtán", 0.88)], monkeypatch)
    assert out.value == "Isela Quixtán" and calls == 2
    out, _ = _improve("Tsela Quixtán", 0.8, [("Isela Quixtán", 0.9), ("Isela Quixtá", 0.88)], monkeypatch)
    assert out.value == "Tsela Quixtán"


def test_names_reread_crop_keeps_accents_and_a_surer_equal_reading(monkeypatch):
    # the crop lost the accents: the page's reading stays
    out, _ = _improve("Zoila Quiñónez", 0.9, [("Zoila Quifiénez", 0.93)] * 2, monkeypatch)
    assert out.value == "Zoila Quiñónez"
    # as name-like, but read less surely than the page read it: the page's stays
    out, _ = _improve("Ingrid Ortiz", 0.91, [("Ingria Ortiz", 0.87)] * 2, monkeypatch)
    assert out.value == "Ingrid Ortiz"
    # a confident first reading is not read again
    out, calls = _improve("Ingrid Ortiz", 0.97, [("Ingria Ortiz", 0.99)] * 2, monkeypatch)
    assert out.value == "Ingrid Ortiz" and calls == 0
