"""End to end through real Tesseract on generated forms filled in handwriting fonts:
the A-number (read by Tesseract and cross-checked or supplied by the glyph
recogniser) must come out right on most of them, and a wrong one must never carry
the confidence of a right one."""
import pytest

from extractor import handwriting
from waiverscan.pipeline import extract_document
from samples.generator.core import make_document

pytestmark = [pytest.mark.integration,
              pytest.mark.skipif(handwriting.model() is None, reason="glyph model not built")]

SEEDS = [301, 302, 303, 304]


def test_forms_handwritten_a_numbers_read_end_to_end(tmp_path):
    right, wrong_confident, details = 0, 0, []
    for seed in SEEDS:
        data, ext, truth, _ = make_document(seed, fmt="png", dpi=300, intensity=0.0, fill_kind="hand",
                                            placement="right", lang_mode="eng")
        path = tmp_path / f"{seed}.{ext}"
        path.write_bytes(data)
        doc = extract_document(path).to_contract()
        f = doc["records"][0]["fields"]["parent_a_number"] or {}
        want = truth["fields"]["parent_a_number"]
        details.append((seed, want, f.get("value"), f.get("confidence")))
        if f.get("value") == want:
            right += 1
        elif f.get("value") is not None and f.get("confidence", 0) >= 0.9:
            wrong_confident += 1
    assert right >= 3, details
    assert wrong_confident == 0, details
