"""Review decisions are append-only and hash-chained, on SQLite and PostgreSQL: the API,
the ORM and the database each refuse to change or delete one, a tampered row breaks the
chain, and re-scoring a document never touches its reviews."""
from __future__ import annotations

import pytest
from sqlalchemy import select, text

from store_docs import form_document
from waiverscan.store import open_store
from waiverscan.store.models import ReviewDecision
from waiverscan.store.reviews import AppendOnlyError


@pytest.fixture
def store(store_url):
    s = open_store(store_url)
    yield s
    s.close()


def _two_reviews(store) -> str:
    doc = form_document("f1")
    store.save_document(doc, pipeline_version="1")
    rid = doc["records"][0]["record_id"]
    store.reviews.add(rid, reviewer="analyst1", action="correct", field="parent_name",
                      value_before="Jose Nunez", value_after="José Núñez Pérez", note="accents")
    store.reviews.add(rid, reviewer="analyst2", action="accept", check_id="F-SUPERVISOR")
    return rid


def test_decisions_chain_in_order(store):
    rid = _two_reviews(store)
    hist = store.reviews.history(rid)
    assert [d["reviewer"] for d in hist] == ["analyst1", "analyst2"]
    assert hist[0]["value_after"] == "José Núñez Pérez"
    assert hist[1]["prev_hash"] == hist[0]["hash"] != hist[1]["hash"]
    assert store.reviews.verify() is None


@pytest.mark.parametrize("sql", ["UPDATE review_decisions SET note = 'edited'",
                                 "DELETE FROM review_decisions"])
def test_database_refuses_changes(store, sql):
    _two_reviews(store)
    with pytest.raises(Exception, match="append-only"):
        with store.engine.begin() as conn:
            conn.execute(text(sql))
    assert len(store.reviews.history()) == 2


def test_orm_refuses_changes(store):
    _two_reviews(store)
    with pytest.raises(AppendOnlyError):
        with store.session() as s:
            s.scalar(select(ReviewDecision)).note = "edited"
    with pytest.raises(AppendOnlyError):
        with store.session() as s:
            s.delete(s.scalar(select(ReviewDecision)))
    assert [d["note"] for d in store.reviews.history()] == ["accents", None]


def test_truncate_refused_on_postgresql(store):
    if store.engine.dialect.name != "postgresql":
        pytest.skip("TRUNCATE is PostgreSQL's")
    _two_reviews(store)
    with pytest.raises(Exception, match="append-only"):
        with store.engine.begin() as conn:
            conn.execute(text("TRUNCATE review_decisions"))


def test_tampering_breaks_the_chain(store):
    _two_reviews(store)
    first = store.reviews.history()[0]["id"]
    with store.engine.begin() as conn:  # someone with database access drops the guard
        if store.engine.dialect.name == "sqlite":
            conn.execute(text("DROP TRIGGER review_decisions_no_update"))
        else:
            conn.execute(text("ALTER TABLE review_decisions DISABLE TRIGGER review_decisions_no_change"))
        conn.execute(text("UPDATE review_decisions SET value_after = '\"Someone Else\"' WHERE id = :i"),
                     {"i": first})
    assert store.reviews.verify() == first


def test_rescoring_keeps_reviews(store):
    rid = _two_reviews(store)
    before = store.reviews.history(rid)
    store.save_document(form_document("f1", score=10.0), pipeline_version="2")
    assert store.reviews.history(rid) == before
    assert store.record(rid)["score"] == 10.0


def test_bad_decisions_refused(store):
    with pytest.raises(ValueError):
        store.reviews.add("x:0", reviewer="a", action="overwrite")
    with pytest.raises(ValueError):
        store.reviews.add("x:0", reviewer="", action="accept")
    assert store.reviews.history() == []
