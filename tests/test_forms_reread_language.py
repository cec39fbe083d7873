"""A language the page OCR garbled is read again from its crop (real Tesseract)."""
import numpy as np
import pytest
from PIL import Image, ImageDraw

from extractor.forms import extract_form
from extractor.model import Page, Word
from tests.ocr_drawing import font


def _page_with_language(written: str, page_read_as: str):
    im = Image.new("L", (2550, 1200), 255)
    d = ImageDraw.Draw(im)
    d.text((200, 300), "Language used:", fill=0, font=font(34))
    d.text((520, 296), written, fill=0, font=font(38))
    words = [Word(text="Language", conf=0.95, bbox=(200, 300, 350, 336)),
             Word(text="used:", conf=0.95, bbox=(362, 300, 450, 336)),
             Word(text=page_read_as, conf=0.4, bbox=(520, 296, 520 + 22 * len(written), 340))]
    return Page(number=1, width=2550, height=1200, dpi=300, words=words, image=np.array(im))


@pytest.mark.integration
def test_forms_garbled_language_is_read_again_from_its_crop():
    f = extract_form([_page_with_language("Spanish", "2 ami")]).fields["read_in_language"]
    assert f.value == "spa"
    assert f.confidence <= 0.7 and "(re-read)" in f.provenance


@pytest.mark.integration
def test_forms_language_crop_that_reads_as_no_language_stays_unread():
    f = extract_form([_page_with_language("xqzt vvk", "xq")]).fields["read_in_language"]
    assert f.value is None and f.confidence <= 0.3


@pytest.mark.integration
def test_forms_date_on_the_fill_line_above_a_caption_is_read_from_the_crop():
    # the page OCR found nothing on the line above "Date / Fecha" (faint or large
    # handwriting): the crop of that line is read again, and a date it parses is taken
    im = Image.new("L", (2400, 1200), 255)
    d = ImageDraw.Draw(im)
    d.line([(1500, 600), (2250, 600)], fill=0, width=3)
    d.text((1560, 528), "5/17/18", fill=0, font=font(56))
    d.text((1500, 612), "Date / Fecha", fill=0, font=font(26))
    words = [Word(text="Date", conf=0.95, bbox=(1500, 615, 1570, 640)),
             Word(text="/", conf=0.95, bbox=(1580, 615, 1590, 640)),
             Word(text="Fecha", conf=0.95, bbox=(1600, 615, 1690, 640))]
    page = Page(number=1, width=2400, height=1200, dpi=300, words=words, image=np.array(im))
    rec = extract_form([page])
    assert rec.fields["date_signed"].value == "2018-05-17"
