"""extractor.forms.dropped_rows: rows the page OCR dropped are found from the ink no word covers
and read again; a page the OCR covered, and marks that are not text, cost no call."""
import cv2
import numpy as np
import pytest

from extractor.forms import dropped_rows
from extractor.model import Page, Word
from extractor.ocr import tesseract
from tests.ocr_drawing import text_page

ROW = "A-Number: A220-866-718"


def _page(img, words):
    return Page(number=1, width=img.shape[1], height=img.shape[0], dpi=300, words=words, image=img)


def _words_of_rows(img, rows):
    """Hand-made OCR words standing for rows that were read (only their boxes matter)."""
    out = []
    for y in rows:
        ink = np.where((img[y:y + 40] < 128).any(axis=0))[0]
        out.append(Word(text="word", conf=0.95, bbox=(float(ink[0]), float(y), float(ink[-1]), float(y + 40))))
        out += [Word(text="text", conf=0.95, bbox=(float(ink[0]), float(y), float(ink[0] + 80), float(y + 40)))] * 4
    return out


def _form():
    lines = ["Name of parent: Maria Lopez Garcia", ROW, "Date signed: 06/12/2018",
             "Officer present: R. Thompson"]
    img = text_page(lines=lines, px=34, gap=90)[:550]  # the four rows, once
    cv2.circle(img, (60, 300), 30, 0, -1)  # a punch hole beside the rows: not text
    return img


def test_recover_finds_only_the_row_no_word_covers():
    img = _form()
    covered = _words_of_rows(img, [195, 375, 465])  # rows 1, 3 and 4 were read
    rows = dropped_rows.missed_rows(_page(img, covered))
    assert len(rows) == 1
    x0, y0, x1, y1 = rows[0]
    assert 270 <= y0 and y1 <= 340 and x0 < 200 and x1 > 500


@pytest.mark.integration
def test_recover_reads_a_dropped_row_with_tesseract():
    img = _form()
    words = dropped_rows.recover_words(_page(img, _words_of_rows(img, [195, 375, 465])))
    assert " ".join(w.text for w in words) == ROW
    assert all(270 <= w.bbox[1] and w.bbox[3] <= 345 for w in words)  # page coordinates


def test_recover_makes_no_call_when_the_ocr_covered_the_page(monkeypatch):
    img = _form()
    calls = []
    monkeypatch.setattr(tesseract, "ocr_words", lambda *a, **k: calls.append(1) or [])
    assert dropped_rows.recover_words(_page(img, _words_of_rows(img, [195, 285, 375, 465]))) == []
    assert calls == []
