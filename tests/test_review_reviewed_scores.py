"""Scores and case categories follow the reviewers' decisions."""
from __future__ import annotations

import pytest

from cases_archive import P2, form
from review_store import review_db  # noqa: F401
from review_ui.access import Archive, parse_value
from review_ui.reviewed import apply_reviews
from scoring.rubric import RULES_BY_KIND, WEIGHTS
from waiverscan.store import open_store
from waiverscan.store.accounts import get_user


def _d(rid, check, action, field=None, after=None):
    return {"record_id": rid, "check_id": check, "action": action, "field": field,
            "value_after": after, "reviewer": "r"}


def test_overturn_confirm_and_correction():
    rec = form("x", "A208123456", fails=("F-SUPERVISOR", "F-DATED"))["records"][0]
    rid = rec["record_id"]
    assert apply_reviews(rec, []) is rec
    status = lambda r, cid: next(c["status"] for c in r["checks"] if c["id"] == cid)  # noqa: E731
    r = apply_reviews(rec, [_d(rid, "F-DATED", "reject"), _d(rid, "F-SUPERVISOR", "accept")])
    assert status(r, "F-DATED") == "pass" and status(r, "F-SUPERVISOR") == "fail"
    total = sum(WEIGHTS[x.severity] for x in RULES_BY_KIND["waiver_form"])
    assert r["score"] == pytest.approx(100 * (total - WEIGHTS["major"]) / total, abs=0.1)
    assert r["reviewed"]
    assert status(rec, "F-DATED") == "fail"  # the stored record is untouched
    # a correction re-runs the rule on the corrected fields: both supervisor fields
    r = apply_reviews(rec, [_d(rid, "F-SUPERVISOR", "correct", "supervisor_name", "SDDO M. Ruiz")])
    assert status(r, "F-SUPERVISOR") == "fail"  # still no supervisor signature
    assert r["fields"]["supervisor_name"]["value"] == "SDDO M. Ruiz"
    r = apply_reviews(rec, [_d(rid, "F-DATED", "correct", "supervisor_signed", True),
                            _d(rid, "F-SUPERVISOR", "correct", "supervisor_name", "SDDO M. Ruiz")])
    assert status(r, "F-SUPERVISOR") == "pass"
    # escalating leaves the machine's status
    assert status(apply_reviews(rec, [_d(rid, "F-DATED", "escalate")]), "F-DATED") == "fail"


def test_case_category_follows_review(review_db):
    store = open_store(review_db)
    rita = Archive(store, get_user(store, "rita"))
    assert rita.case(P2)["case"]["category"] == "written_waiver_deficient"
    rid = next(r["record"]["record_id"] for r in rita.case(P2)["records"]
               if r["record"]["kind"] == "waiver_form")
    rita.decide(rid, "F-DATED", "overturn", note="the date reads 06/21")
    rita.decide(rid, "F-SUPERVISOR", "overturn", note="supervisor signed on the back")
    assert rita.case(P2)["case"]["category"] == "written_waiver_complete"
    store.close()


def test_parse_value():
    assert parse_value(" true ") is True and parse_value("null") is None
    assert parse_value('["Ana", "Luis"]') == ["Ana", "Luis"]
    assert parse_value("208123456") == "208123456" and parse_value("[oops") == "[oops"


def test_reviewed_field_corrections_rerun_the_checks_that_read_them():
    rec = form("x", "A208123456", date="2018-06-31", fails=("F-DATED", "F-SUPERVISOR"),
               supervisor_name="", supervisor_signed=True)["records"][0]
    rec["fields"]["supervisor_name"]["present"] = False  # no ink seen where the name goes
    rid = rec["record_id"]
    status = lambda r, cid: next(c["status"] for c in r["checks"] if c["id"] == cid)  # noqa: E731
    fix = _d(rid, None, "correct", "date_signed", "2018-06-21")
    r = apply_reviews(rec, [fix])  # a value fixed in the table, not tied to a check
    assert r["fields"]["date_signed"]["value"] == "2018-06-21"
    assert r["fields"]["date_signed"]["confidence"] == 1.0
    assert status(r, "F-DATED") == "pass" and status(r, "F-SUPERVISOR") == "fail"
    total = sum(WEIGHTS[x.severity] for x in RULES_BY_KIND["waiver_form"])
    assert r["score"] == pytest.approx(100 * (total - WEIGHTS["major"]) / total, abs=0.1)
    # the newer decision wins: a confirm after the fix, a fix after the confirm
    assert status(apply_reviews(rec, [fix, _d(rid, "F-DATED", "accept")]), "F-DATED") == "fail"
    assert status(apply_reviews(rec, [_d(rid, "F-DATED", "accept"), fix]), "F-DATED") == "pass"
    # a fix of a field no failed check reads changes no status
    other = apply_reviews(rec, [_d(rid, None, "correct", "parent_name", "Ana Ruiz")])
    assert [c["status"] for c in other["checks"]] == [c["status"] for c in rec["checks"]]
    # the typed value decides, not the ink the machine saw
    r = apply_reviews(rec, [_d(rid, None, "correct", "supervisor_name", "SDDO M. Ruiz")])
    assert status(r, "F-SUPERVISOR") == "pass"
    r = apply_reviews(rec, [_d(rid, None, "correct", "supervisor_signed", False)])
    assert status(r, "F-SUPERVISOR") == "fail"


def test_rescoring_after_a_review_keeps_ink_seen_but_unread():
    """A field written but not read (``present``) must weigh the same when a review
    re-runs its check from the stored record as when the reader scored it."""
    from extractor.model import Document, Field, Record
    from scoring.rubric import score_document

    fields = {name: None for name in ("interpreter_name", "read_in_language")}
    fields["interpreter_name"] = Field(value=None, confidence=0.9, present=True)
    fields["form_languages"] = Field(value=["eng", "spa"], confidence=0.9)
    doc = Document(source="invented.png", sha256="f" * 64)
    doc.records = [Record("waiver_form", 0, fields)]
    rec = score_document(doc).to_contract()["records"][0]
    status = lambda r, cid: next(c["status"] for c in r["checks"] if c["id"] == cid)  # noqa: E731
    assert status(rec, "F-INTERPRETER") == "pass"
    assert rec["fields"]["interpreter_name"]["present"] is True
    corrected = apply_reviews(rec, [_d(rec["record_id"], None, "correct", "form_languages", ["eng"])])
    assert status(corrected, "F-INTERPRETER") == "pass"  # the ink is still there
