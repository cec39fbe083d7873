"""Truth lines follow the dev corpus format and the contract's vocabularies, and their
checks are the product's own rules applied to the true values."""
import hashlib
import json
import os
import re

import pytest
from PIL import Image

from samples.generator import FORM_FIELDS, generate
from scoring.rubric import check_statuses

ELECTIONS = {"reunify", "depart_without_child", "consult_attorney", "none_marked", "multiple_marked"}
A_RE = re.compile(r"^A\d{9}$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    d = tmp_path_factory.mktemp("gen")
    truths = generate(str(d), 16, seed=11, dpis=[72])
    return d, truths


def _pages(path: str) -> int:
    if path.endswith(".pdf"):
        import pypdfium2
        return len(pypdfium2.PdfDocument(path))
    with Image.open(path) as im:
        return getattr(im, "n_frames", 1)


def test_truth_file_matches_return_value(generated):
    d, truths = generated
    lines = [json.loads(l) for l in open(d / "truth.jsonl", encoding="utf-8")]
    assert lines == truths


def test_structure_ids_and_hashes(generated):
    d, truths = generated
    for t in truths:
        assert re.fullmatch(r"files/\d{4}\.(png|jpg|pdf|tif)", t["source"])
        data = open(d / t["source"], "rb").read()
        assert t["sha256"] == hashlib.sha256(data).hexdigest()
        assert t["doc_type"] == "waiver_form"
        assert t["pages"] == _pages(str(d / t["source"]))
        (rec,) = t["records"]
        assert rec["record_id"] == f"{t['sha256']}:0" and rec["index"] == 0
        assert rec["kind"] == "waiver_form"
        assert list(rec["fields"]) == FORM_FIELDS
        for key in ("layout", "fonts", "mark_style", "degradations", "dpi"):
            assert key in t["meta"]


def test_checks_are_the_rubric_on_true_values(generated):
    _, truths = generated
    for t in truths:
        rec = t["records"][0]
        assert rec["checks"] == check_statuses("waiver_form", rec["fields"])
        assert set(rec["checks"].values()) <= {"pass", "fail"}  # plain values: never unknown


def test_values_use_contract_vocabularies(generated):
    _, truths = generated
    for t in truths:
        f = t["records"][0]["fields"]
        parts = t["meta"]["layout_parts"]
        assert f["parent_a_number"] is None or A_RE.match(f["parent_a_number"])
        assert all(A_RE.match(a) for a in f["child_a_numbers"] or [])
        assert f["date_signed"] is None or DATE_RE.match(f["date_signed"])
        assert f["election"] in ELECTIONS
        assert f["form_languages"] and set(f["form_languages"]) <= {"eng", "spa", "por"}
        assert isinstance(f["child_names"], list)  # every form has a child field
        assert (f["child_a_numbers"] is None) == (parts["child_anum"] == "none")
        if not parts["supervisor"]:
            assert f["supervisor_name"] is None and f["supervisor_signed"] is None
        else:
            assert isinstance(f["supervisor_signed"], bool)
        if not parts["witness"]:
            assert f["witness_name"] is None
        for b in ("parent_signed", "official_signed"):
            assert isinstance(f[b], bool)


def test_election_follows_the_marks(generated):
    _, truths = generated
    for t in truths:
        marked = t["meta"]["marked"]
        el = t["records"][0]["fields"]["election"]
        expect = marked[0] if len(marked) == 1 else ("none_marked" if not marked else "multiple_marked")
        assert el == expect


def test_cases_follow_categories(generated):
    d, truths = generated
    cases = [json.loads(l) for l in open(d / "cases.jsonl", encoding="utf-8")]
    assert len(cases) == len(truths)
    for c, t in zip(cases, truths):
        f, checks = t["records"][0]["fields"], t["records"][0]["checks"]
        assert c["records"] == [t["records"][0]["record_id"]]
        assert c["a_number"] == f["parent_a_number"]
        if f["election"] == "reunify":
            assert c["category"] == "requested_reunification"
        elif f["election"] == "depart_without_child":
            failed = any(checks[k] == "fail" for k in checks if k != "F-INTERPRETER")
            assert c["category"] == ("written_waiver_deficient" if failed else "written_waiver_complete")
        else:
            assert c["category"] == "no_documentation" and c["earliest_decision_date"] is None
