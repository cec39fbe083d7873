"""The page classifier (extractor.pagetype) on generated pages it was not trained on,
and blank pages recognised from their ink alone, before any OCR."""
import numpy as np
import pytest

from extractor import ingest, pagetype as PT
from extractor.ocr import tesseract
from extractor.pipeline import type_page
from samples.generator import afile_pages as P
from samples.generator.afile import make_afile


def _src(img, number=1, dpi=100):
    arr = np.asarray(img.convert("L"))
    return ingest.SourcePage(number=number, image=arr, dpi=dpi, width=arr.shape[1], height=arr.shape[0])


@pytest.fixture
def no_ocr(monkeypatch):
    calls = []

    def refuse(*a, **k):
        calls.append(1)
        raise AssertionError("a blank page was sent to OCR")
    monkeypatch.setattr(tesseract, "ocr_words", refuse)
    monkeypatch.setattr(tesseract, "osd", refuse)
    return calls


@pytest.mark.parametrize("seed", [3, 4, 5])
def test_afile_blank_page_skipped_without_ocr(no_ocr, seed):
    import random
    img = P.blank(random.Random(seed), 100, False)
    page, ptype, _ = type_page(_src(img))
    assert ptype == PT.BLANK and page.words == [] and not no_ocr
    assert page.notes["page_type"] == PT.BLANK


def test_afile_blank_measure_is_cheap_and_ignores_a_few_specks():
    import random
    import time
    img = np.asarray(P.near_blank(random.Random(2), 300, False).convert("L")).copy()
    img[1000:1004, 1200:1204] = 0  # a speck of dust
    t0 = time.perf_counter()
    ink = PT.ink_profile(img, 300)
    assert time.perf_counter() - t0 < 1.0  # a few tens of ms; generous for a loaded machine
    assert PT.load_model().is_blank(ink)


@pytest.mark.parametrize("drawer", ["letter", "agency_form", "photo", "id_card", "attachment"])
def test_afile_pages_with_content_are_not_blank(drawer):
    import random
    img = P.DRAW[drawer](random.Random(11), 100, False)
    assert not PT.load_model().is_blank(PT.ink_profile(np.asarray(img.convert("L")), 100))


@pytest.mark.integration
def test_afile_page_classifier_types_every_page_of_a_new_file(tmp_path):
    """A file drawn from a seed the classifier never saw: every page typed as its truth
    says (blank and near-blank pages count as 'other')."""
    data, truth = make_afile(777001, n_pages=9, dpi=100, n_forms=2, rotated_p=0.0, intensity=0.3)
    path = tmp_path / "a.pdf"
    path.write_bytes(data)
    got = []
    for src in ingest.iter_pages(path):
        _, ptype, _ = type_page(src)
        got.append(PT.public_type(ptype))
    assert got == truth["page_types"], list(zip(truth["page_kinds"], got))


def test_afile_gram_features_are_stable_and_normalised():
    a, b = PT.gram_vector("Subject transferred"), PT.gram_vector("Subject transferred")
    assert np.array_equal(a, b) and abs(float(np.linalg.norm(a)) - 1.0) < 1e-5
    assert not PT.gram_vector("").any()


def test_afile_fit_learns_a_separable_toy_problem():
    rng = np.random.default_rng(0)
    x = rng.normal(0, 1, (300, PT.N_DENSE + 4)).astype(np.float32)
    y = np.argmax(x[:, :3] @ rng.normal(0, 1, (3, 3)), axis=1)  # linearly separable
    W, b, mean, scale = PT.fit(x, y, 3, PT.N_DENSE, steps=300)
    m = PT.PageModel(("a", "b", "c"), W, b, mean, scale, 0.0, 0.0)
    acc = (m.probabilities(x).argmax(axis=1) == y).mean()
    assert acc > 0.9
