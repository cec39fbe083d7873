"""Decisions as the reviewer meant them (AppTest of the Record page, and the Archive):
each check's form starts empty, a decision can be revised or undone by appending to the
log, and a typed correction the contract does not allow is refused with its reason."""
from __future__ import annotations

import pytest

from review_apptest import page, texts
from review_store import P2, review_db  # noqa: F401
from review_ui.access import Archive
from scoring.reviewed import apply_reviews
from waiverscan.store import open_store
from waiverscan.store.accounts import get_user
from test_review_pages_work import _form_record


def _history(url, rid):
    store = open_store(url)
    try:
        return store.reviews.history(rid)
    finally:
        store.close()


def test_a_note_typed_for_one_check_is_not_saved_with_the_next(review_db):
    rid = _form_record(review_db, P2)  # F-DATED (critical) and F-SUPERVISOR flagged
    at = page("record", review_db, "rita")
    at.query_params["record"] = rid
    at.run()
    at.text_input(key=f"note_{rid}_F-DATED").input("the 31st of June does not exist")
    at.button(key="confirm").click().run()
    assert not at.exception
    assert at.radio(key=f"current_{rid}").value == "F-SUPERVISOR"
    # the next check's form is empty: nothing typed for F-DATED comes along
    assert at.text_input(key=f"note_{rid}_F-SUPERVISOR").value == ""
    at.button(key="escalate").click().run()
    got = [(d["check_id"], d["action"], d["note"]) for d in _history(review_db, rid)]
    assert got == [("F-DATED", "accept", "the 31st of June does not exist"),
                   ("F-SUPERVISOR", "escalate", None)]


def test_a_decision_says_what_it_did_and_can_be_undone(review_db):
    rid = _form_record(review_db, P2)
    at = page("record", review_db, "rita")
    at.query_params["record"] = rid
    at.run()
    at.button(key="confirm").click().run()
    assert "Confirmed: F\\-DATED" in texts(at)
    at.button(key="undo_last").click().run()
    assert not at.exception
    hist = _history(review_db, rid)
    assert [(d["action"], d["check_id"]) for d in hist] == [("accept", "F-DATED"),
                                                              ("withdraw", "F-DATED")]
    # back under review, with no decision: the log kept both rows, the undo counts
    assert at.radio(key=f"current_{rid}").value == "F-DATED"
    assert "Your decision" not in texts(at)
    store = open_store(review_db)
    rec = store.record(rid)
    assert store.reviews.verify() is None  # still one intact chain
    store.close()
    assert {c["id"]: c["status"] for c in apply_reviews(rec, hist)["checks"]}["F-DATED"] == "fail"


def test_undo_after_the_record_moved_on_comes_back_to_it_and_a_refused_note_stays(review_db):
    rid = _form_record(review_db, P2)
    at = page("record", review_db, "rita")
    at.query_params["record"] = rid
    at.run()
    at.button(key="confirm").click().run()  # F-DATED: on to F-SUPERVISOR
    at.text_input(key=f"note_{rid}_F-SUPERVISOR").input("the back of the form is signed")
    at.button(key="escalate").click().run()  # the record's last check: on to the next
    assert not at.exception
    assert f"record {rid}" not in " ".join(c.value for c in at.caption)
    at.button(key="undo_last").click().run()
    assert not at.exception
    assert f"record {rid}" in " ".join(c.value for c in at.caption)
    assert at.radio(key=f"current_{rid}").value == "F-SUPERVISOR"
    assert [d["action"] for d in _history(review_db, rid)] == ["accept", "escalate", "withdraw"]
    # an overturn without a reason is refused: the reason is shown, the form keeps what
    # was typed, nothing is stored
    form = f"{rid}_F-SUPERVISOR"
    at.text_input(key=f"fix_value_{form}").input("yes").run()
    at.button(key="overturn").click().run()
    assert any("Not recorded" in e.value for e in at.error)
    assert at.text_input(key=f"fix_value_{form}").value == "yes"
    assert len(_history(review_db, rid)) == 3


def test_a_reviewer_revises_their_decision_latest_counts(review_db):
    rid = _form_record(review_db, P2)
    store = open_store(review_db)
    rita = Archive(store, get_user(store, "rita"))
    rita.decide(rid, "F-SUPERVISOR", "confirm")
    rita.decide(rid, "F-SUPERVISOR", "overturn", note="acknowledged on the back")
    rec = store.record(rid)
    hist = store.reviews.history(rid)
    assert store.reviews.conflicts() == []  # rita does not disagree with herself
    queue = [(it.record_id, it.check_ids) for it in rita.queue()]
    store.close()
    status = {c["id"]: c["status"] for c in apply_reviews(rec, hist)["checks"]}
    assert status["F-SUPERVISOR"] == "pass"
    assert all("F-SUPERVISOR" not in ids for r, ids in queue if r == rid)
    # on the page: the decided check can be chosen again, and shows her decision
    at = page("record", review_db, "rita")
    at.query_params["record"] = rid
    at.run()
    at.radio(key=f"current_{rid}").set_value("F-SUPERVISOR").run()
    assert "Your decision: overturned: acknowledged on the back" in texts(at)
    at.button(key=f"undo_{rid}_F-SUPERVISOR").click().run()
    assert _history(review_db, rid)[-1]["action"] == "withdraw"


@pytest.mark.parametrize("field,typed", [
    ("supervisor_signed", "<script>alert(1)</script>"),
    ("supervisor_name", "x" * 5000),
    ("supervisor_name", "<b>M. Ruiz</b>"),
])
def test_a_typed_correction_of_the_wrong_type_is_refused(review_db, field, typed):
    rid = _form_record(review_db, P2)
    at = page("record", review_db, "rita")
    at.query_params["record"] = rid
    at.run()
    at.radio(key=f"current_{rid}").set_value("F-SUPERVISOR").run()
    form = f"{rid}_F-SUPERVISOR"
    at.selectbox(key=f"fix_field_{form}").set_value(field).run()
    at.text_input(key=f"fix_value_{form}").input(typed).run()
    at.button(key="overturn").click().run()
    assert not at.exception
    assert any("Not recorded" in e.value and field in e.value for e in at.error)
    assert _history(review_db, rid) == []


def test_typed_values_follow_the_contract():
    from review_ui.typed_values import InvalidValue, typed_value
    assert typed_value("parent_signed", "yes") is True
    assert typed_value("date_signed", "2018-06-31") == "2018-06-31"  # kept as written
    assert typed_value("parent_a_number", "A-208 123 45") == "A020812345"
    assert typed_value("form_languages", "eng; spa") == ["eng", "spa"]
    assert typed_value("child_names", '["Lia Moor", "Tom Moor"]') == ["Lia Moor", "Tom Moor"]
    assert typed_value("election", "reunify") == "reunify"
    assert typed_value("witness_name", "  ") is None
    for field, bad in (("date_signed", "2018-13-02"), ("date_signed", "June 3"),
                       ("parent_a_number", "A99"), ("read_in_language", "Spanish"),
                       ("election", "maybe"), ("option_offered", "perhaps")):
        with pytest.raises(InvalidValue, match=field):
            typed_value(field, bad)


def test_table_corrections_are_all_refused_when_one_is_invalid(review_db):
    from review_ui.corrections import save_corrections
    from review_ui.typed_values import InvalidValue
    rid = _form_record(review_db, P2)
    store = open_store(review_db)
    rita = Archive(store, get_user(store, "rita"))
    rec = store.record(rid)
    with pytest.raises(InvalidValue):
        save_corrections(rita, rid, rec, {"supervisor_name": "M. Ruiz",
                                          "supervisor_signed": "<script>"})
    assert store.reviews.history(rid) == []
    store.close()
