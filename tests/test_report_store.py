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
    assert "FAIL    F-DATED (critical)" in text
