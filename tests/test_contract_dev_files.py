"""End to end on real dev-corpus files: whatever the extraction stages read, the output
keeps the contract's shape (schema, record ids in file order, every check of the kind
once, the score as the contract defines it)."""
from __future__ import annotations

import json

import pytest

from conftest import DEV_DIR

pytestmark = [pytest.mark.slow, pytest.mark.integration]

CHECKS = {
    "waiver_form": {"F-CHILD-NAMED", "F-DATED", "F-OFFICIAL-NAMED", "F-PARENT-SIGNED",
                    "F-ELECTION-CLEAR", "F-LANGUAGE", "F-INTERPRETER", "F-SUPERVISOR",
                    "F-A-NUMBER"},
    "case_comment": {"C-DECISION", "C-INFO", "C-OPTION", "C-LANGUAGE", "C-WITNESS", "C-DATED"},
}
SCAN = (("extractor.classify", "classify_pages"), ("extractor.forms", "extract_form"),
        ("extractor.comments", "extract_comment_pages"))
TEXT = (("extractor.comments", "extract_comment_file"),)
WEIGHTS = {"critical": 3, "major": 2, "minor": 1}


def _truth() -> list[dict]:
    path = DEV_DIR / "truth.jsonl"
    if not path.is_file():
        pytest.fail(f"dev corpus not found at {DEV_DIR}")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _pick(doc_type: str, exts: tuple[str, ...]) -> dict:
    return next(t for t in _truth() if t["doc_type"] == doc_type and t["source"].endswith(exts))


CASES = {  # name: (doc_type, extensions, stages it needs)
    "form_scan": ("waiver_form", (".png", ".jpg"), SCAN),
    "form_pdf": ("waiver_form", (".pdf",), SCAN),
    "comments_csv": ("case_comments", (".csv",), TEXT),
    "comments_xlsx": ("case_comments", (".xlsx",), TEXT),
    "comments_printout": ("case_comments", (".pdf", ".tif", ".png"), SCAN),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_dev_file_output_keeps_contract_shape(case, contract_validator):
    # the extraction stages are written in parallel: skip until their entry points exist
    doc_type, exts, required = CASES[case]
    for module, name in required:
        if not hasattr(pytest.importorskip(module), name):
            pytest.skip(f"{module}.{name} does not exist yet")
    from waiverscan.pipeline import extract_document

    truth = _pick(doc_type, exts)
    doc = extract_document(DEV_DIR / truth["source"])
    assert doc.error is None, doc.error
    out = doc.to_contract()
    contract_validator.validate(out)
    assert out["sha256"] == truth["sha256"]
    if not truth["source"].endswith((".csv", ".xlsx")):
        assert out["pages"] == truth["pages"]
    for i, rec in enumerate(out["records"]):
        assert rec["record_id"] == f"{truth['sha256']}:{i}"
        ids = [c["id"] for c in rec["checks"]]
        assert sorted(ids) == sorted(CHECKS[rec["kind"]])
        applicable = [c for c in rec["checks"] if c["status"] != "not_applicable"]
        if not applicable:
            assert rec["score"] is None
        else:
            total = sum(WEIGHTS[c["severity"]] for c in applicable)
            passed = sum(WEIGHTS[c["severity"]] for c in applicable if c["status"] == "pass")
            assert rec["score"] == pytest.approx(100 * passed / total, abs=0.1)
