"""The store keeps contract documents whole, on SQLite and PostgreSQL: what goes in comes
back out identical, a re-scoring replaces a document in one transaction, and a failed
write leaves nothing behind."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from store_docs import comments_document, failed_document, form_document
from waiverscan.store import open_store
from waiverscan.store.models import CheckRow, DocumentRow, FieldRow, RecordRow


@pytest.fixture
def store(store_url):
    s = open_store(store_url)
    yield s
    s.close()


def _count(store, model) -> int:
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_documents_round_trip_exactly(store, contract_validator):
    docs = [form_document("f1"), comments_document("c1"), failed_document("bad")]
    for d in docs:
        contract_validator.validate(d)
        store.save_document(d, pipeline_version="1")
    back = list(store.iter_documents())
    assert sorted(back, key=lambda d: d["source"]) == json.loads(
        json.dumps(sorted(docs, key=lambda d: d["source"])))
    for d in back:
        contract_validator.validate(d)
    assert [d["sha256"] for d in store.iter_documents(status="failed")] == [docs[2]["sha256"]]


def test_fields_and_checks_are_queryable(store):
    doc = form_document("f1", a_number="A208999999")
    store.save_document(doc, pipeline_version="1")
    with store.session() as s:
        rec = s.scalar(select(RecordRow))
        assert rec.a_number == "A208999999" and rec.kind == "waiver_form"
        by_name = {f.name: f for f in s.scalars(select(FieldRow))}
        assert by_name["child_names"].value == ["Ana Núñez"]
        assert by_name["supervisor_name"].present is False
        failed = s.scalars(select(CheckRow.check_id).where(CheckRow.status == "fail")).all()
        assert "F-SUPERVISOR" in failed and "F-CHILD-NAMED" not in failed
        assert sorted(failed) == sorted(c["id"] for c in doc["records"][0]["checks"]
                                        if c["status"] == "fail")


def test_rescoring_replaces_the_children(store):
    doc = comments_document("c1", n=5)
    store.save_document(doc, pipeline_version="1")
    assert (_count(store, RecordRow), _count(store, DocumentRow)) == (5, 1)
    smaller = comments_document("c1", n=2)
    store.save_document(smaller, pipeline_version="2")
    assert (_count(store, RecordRow), _count(store, DocumentRow)) == (2, 1)
    assert _count(store, CheckRow) == sum(len(r["checks"]) for r in smaller["records"])
    assert store.document(doc["sha256"]) == json.loads(json.dumps(smaller))
    assert store.done_hashes("1") == set() and store.done_hashes("2") == {doc["sha256"]}


def test_failed_write_leaves_the_old_version(store):
    good = comments_document("c1", n=3)
    store.save_document(good, pipeline_version="1")
    broken = comments_document("c1", n=3)
    broken["records"][2]["kind"] = None  # NOT NULL: the insert of the last record fails
    with pytest.raises(Exception):
        store.save_document(broken, pipeline_version="2")
    assert store.document(good["sha256"]) == json.loads(json.dumps(good))
    assert store.done_hashes("1") == {good["sha256"]}
    assert _count(store, RecordRow) == 3


def test_transient_failures_are_not_done(store):
    store.save_document(failed_document("a"), pipeline_version="1", failure_code="unreadable")
    store.save_document(failed_document("b"), pipeline_version="1", failure_code="ocr_timeout")
    store.save_document(failed_document("c"), pipeline_version="1", failure_code="tool_missing")
    store.save_document(form_document("d"), pipeline_version="1")
    done = store.done_hashes("1")
    assert done == {failed_document("a")["sha256"], form_document("d")["sha256"]}
    codes = {f["failure_code"] for f in store.failures()}
    assert codes == {"unreadable", "ocr_timeout", "tool_missing"}


def test_cases_are_replaced_as_a_whole(store):
    report = {"summary": {"cases": 2}, "cases": [
        {"a_number": "A208123456", "records": ["x:0", "y:1"], "category": "written_waiver_complete",
         "flags": ["before_2018_07_12"], "earliest_decision_date": "2018-06-30"},
        {"a_number": None, "records": ["z:0"], "category": "no_documentation", "flags": [],
         "earliest_decision_date": None, "proposed_links": ["A208123457"]}]}
    assert store.save_cases(report) == 2
    assert store.cases() == report["cases"]
    assert store.save_cases({"cases": report["cases"][:1]}) == 1
    assert store.cases() == report["cases"][:1]


def test_open_store_defaults_to_env_then_sqlite(tmp_path, monkeypatch):
    from waiverscan.store import DEFAULT_URL, normalise_url
    monkeypatch.delenv("WAIVERSCAN_DB", raising=False)
    assert normalise_url(None) == DEFAULT_URL == "sqlite:///waiverscan.db"
    monkeypatch.setenv("WAIVERSCAN_DB", f"sqlite:///{tmp_path / 'env.db'}")
    s = open_store(None)
    s.save_document(form_document("f"), pipeline_version="1")
    s.close()
    assert (tmp_path / "env.db").is_file()
    assert normalise_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_url("some/file.db") == "sqlite:///some/file.db"
