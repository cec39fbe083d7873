"""`report --db`: reads the store, saves the cases back, and `--case` fetches only the
case's documents. Skipped where the store is not installed."""
from __future__ import annotations

import io
import json

import pytest

from cases_archive import EXPECTED_COUNTS, P2, archive
from waiverscan.cli import main

store_mod = pytest.importorskip("waiverscan.store")


@pytest.fixture()
def db(tmp_path):
    url = f"sqlite:///{tmp_path / 'w.db'}"
    store = store_mod.open_store(url)
    for doc in archive():
        store.save_document(doc, pipeline_version="test")
    yield url, store
    store.close()


def test_report_from_the_store_counts_and_saves_cases(db):
    url, store = db
    out = io.StringIO()
    assert main(["report", "--db", url, "--format", "json"], stdout=out) == 0
    rep = json.loads(out.getvalue())
    assert rep["summary"]["categories"] == EXPECTED_COUNTS
    assert rep["summary"]["documents_with_error"] == 1
    saved = store.cases()
    assert len(saved) == 10
    assert {c["a_number"]: c["category"] for c in saved} == \
        {c["a_number"]: c["category"] for c in rep["cases"]}


def test_case_view_from_the_store(db):
    url, _ = db
    out = io.StringIO()
    assert main(["report", "--db", url, "--case", P2], stdout=out) == 0
    text = out.getvalue()
    assert "archive/p2-form.pdf" in text and "archive/export-1.csv" in text
    assert "F-DATED (critical): fail (not reviewed yet)" in text


def test_case_pdf_is_text_with_reviewed_statuses_and_reviewers(db, tmp_path):
    """`report --case A --format pdf`: pdftotext finds the A-number, every check with
    its status as reviewed, and the reviewers' names and decisions in plain words."""
    import shutil
    import subprocess
    url, store = db
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    from waiverscan.store import queries
    rid = next(c for c in queries.case_records(store, P2)
               if c["record"]["kind"] == "waiver_form")["record"]["record_id"]
    store.reviews.add(rid, reviewer="rosa", action="reject", check_id="F-SUPERVISOR",
                      value_before="fail", value_after="pass", note="acknowledged overleaf")
    store.reviews.add(rid, reviewer="omar", action="accept", check_id="F-DATED",
                      value_before="fail", value_after="fail")
    out = tmp_path / "case.pdf"
    assert main(["report", "--db", url, "--case", P2, "--format", "pdf", "--out", str(out)],
                stdout=io.StringIO()) == 0
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert P2 in text
    assert "F-SUPERVISOR (major): read fail, after review pass (overturned: acknowledged " \
        "overleaf by rosa" in " ".join(text.split())
    assert "F-DATED (critical): fail (deficiency confirmed by omar" in " ".join(text.split())
    rec = store.record(rid)
    for c in rec["checks"]:  # every check of the form is listed with its status
        assert c["id"] in text
    assert main(["report", "--db", url, "--case", P2, "--format", "pdf"],
                stdout=io.StringIO(), stderr=io.StringIO()) == 2  # needs --out
