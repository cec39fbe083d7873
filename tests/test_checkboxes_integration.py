"""End to end: a rendered mini-form goes through the real pipeline (preprocessing and
Tesseract) and its election is read from the OCR words and the working image."""
from __future__ import annotations

import numpy as np
import pytest

from checkboxes_drawing import add_noise, box_form, circle_form
from extractor import ingest
from extractor.forms.election import read_election
from extractor.pipeline import read_page

pytestmark = pytest.mark.integration


def _through_pipeline(img: np.ndarray):
    src = ingest.SourcePage(number=1, image=img, dpi=300.0, width=img.shape[1], height=img.shape[0])
    return read_page(src)


def test_checkboxes_integration_box_form_ocr():
    page, _ = box_form({1: "x"}, noise="gauss")
    f = read_election([_through_pipeline(page.image)])
    assert f is not None and f.value == "depart_without_child", f
    assert f.confidence >= 0.6 and "WITHOUT" in f.evidence


def test_checkboxes_integration_circle_form_ocr():
    page = circle_form(circled=(2,))
    f = read_election([_through_pipeline(add_noise(page.image, "blur"))])
    assert f is not None and f.value == "consult_attorney", f
