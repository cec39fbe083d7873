"""End to end: rendered form tails go through the real pipeline (preprocessing and
Tesseract) and their signature lines are found from the OCR words and measured on the
working image."""
from __future__ import annotations

import cv2
import numpy as np
import pytest

from extractor import ingest
from extractor.pipeline import read_page
from extractor.forms.signatures import read_signatures
from signatures_drawing import add_noise, mini_form

pytestmark = pytest.mark.integration


def _through_pipeline(img: np.ndarray):
    src = ingest.SourcePage(number=1, image=img, dpi=300.0, width=img.shape[1], height=img.shape[0])
    return read_page(src)


def _values(page):
    return {k: (None if f is None else f.value) for k, f in read_signatures([page]).items()}


def test_signatures_integration_parent_signed_officer_not():
    page = mini_form(True, False, None)
    assert _values(_through_pipeline(page.image)) == {
        "parent_signed": True, "official_signed": False, "supervisor_signed": None}


def test_signatures_integration_skewed_noisy_form_with_blocks():
    page = mini_form(False, True, True, witness=True)
    img = add_noise(page.image, "gauss", seed=2)
    h, w = img.shape
    rot = cv2.getRotationMatrix2D((w / 2, h / 2), 1.2, 1.0)
    img = cv2.warpAffine(img, rot, (w, h), borderValue=255)
    out = read_signatures([_through_pipeline(img)])
    assert {k: (None if f is None else f.value) for k, f in out.items()} == {
        "parent_signed": False, "official_signed": True, "supervisor_signed": True}
    assert "Firma" in out["supervisor_signed"].evidence
