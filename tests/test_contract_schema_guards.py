"""The contract validator really rejects what the contract forbids (so the tests that
use it can fail), and a scored record lists every check of its kind."""
from __future__ import annotations

import copy

import pytest

from extractor.model import FORM_FIELDS, Document, Field, Record
from scoring.rubric import score_document

FORM_CHECKS = {"F-CHILD-NAMED", "F-DATED", "F-OFFICIAL-NAMED", "F-PARENT-SIGNED",
               "F-ELECTION-CLEAR", "F-LANGUAGE", "F-INTERPRETER", "F-SUPERVISOR", "F-A-NUMBER"}


@pytest.fixture
def good() -> dict:
    fields = {name: None for name in FORM_FIELDS}
    fields["election"] = Field("reunify", 0.9, page=1)
    doc = Document(source="f.png", sha256="0" * 64, doc_type="waiver_form",
                   page_count=1, records=[Record("waiver_form", 0, fields)])
    return score_document(doc).to_contract()


def test_good_document_validates(good, contract_validator):
    contract_validator.validate(good)
    assert {c["id"] for c in good["records"][0]["checks"]} == FORM_CHECKS


@pytest.mark.parametrize("breakage", [
    lambda d: d["records"][0]["fields"].pop("parent_name"),
    lambda d: d["records"][0]["checks"][0].update(status="maybe"),
    lambda d: d["records"][0]["fields"]["election"].update(confidence=1.5),
    lambda d: d.update(sha256="xyz"),
    lambda d: d.update(error={"code": "ocr_failed", "message": "internal code leaked"}),
    lambda d: d.update(doc_type="form"),
    lambda d: d.pop("schema_version"),
])
def test_validator_rejects_contract_violations(good, contract_validator, breakage):
    bad = copy.deepcopy(good)
    breakage(bad)
    assert list(contract_validator.iter_errors(bad))
