"""Conflicts: reviewers whose last decisions on the same check or field differ."""
from __future__ import annotations

from datetime import datetime

from review_ui.conflicts import conflict_rows, conflicts


def _d(who, check, action, minute, field=None, after=None, rid="r:0", note=None):
    return {"record_id": rid, "check_id": check, "field": field, "reviewer": who,
            "action": action, "value_after": after, "note": note,
            "at": datetime(2026, 11, 27, 10, minute)}


def test_conflicts_two_reviewers_differ_on_a_check():
    hist = [_d("amy", "F-DATED", "accept", 1), _d("bob", "F-DATED", "reject", 2, note="dated 06/21"),
            _d("amy", "F-SUPERVISOR", "accept", 3), _d("bob", "F-SUPERVISOR", "accept", 4)]
    found = conflicts(hist)
    assert [(c["record_id"], c["subject"]) for c in found] == [("r:0", "F-DATED")]
    assert [(d["reviewer"], d["verdict"], d["note"]) for d in found[0]["decisions"]] == [
        ("amy", "confirm", None), ("bob", "overturn", "dated 06/21")]
    rows = conflict_rows(found)
    assert [(r["who"], r["decided"], r["when"]) for r in rows] == [
        ("amy", "confirm", "2026-11-27 10:01:00"), ("bob", "overturn", "2026-11-27 10:02:00")]


def test_conflicts_last_decision_counts_and_values_compared():
    hist = [_d("amy", "F-DATED", "accept", 1), _d("bob", "F-DATED", "reject", 2),
            _d("amy", "F-DATED", "reject", 3),  # amy changed her mind: they now agree
            # both overturn by correcting, to different values: a conflict
            _d("amy", "F-A-NUMBER", "correct", 4, "parent_a_number", "A208123456"),
            _d("bob", "F-A-NUMBER", "correct", 5, "parent_a_number", "A208123457"),
            # values fixed in the table (no check): same value agrees, different conflicts
            _d("amy", None, "correct", 6, "parent_name", "Ana Ruiz"),
            _d("bob", None, "correct", 7, "parent_name", "Ana Ruiz"),
            _d("amy", None, "correct", 8, "date_signed", "2018-06-21", rid="s:0"),
            _d("bob", None, "correct", 9, "date_signed", "2018-06-12", rid="s:0"),
            _d("bob", "F-DATED", "comment", 10)]  # a comment decides nothing
    found = conflicts(hist)
    assert [(c["record_id"], c["subject"]) for c in found] == [
        ("r:0", "F-A-NUMBER"), ("s:0", "field date_signed")]
    assert [d["verdict"] for d in found[0]["decisions"]] == [
        'overturn: parent_a_number = "A208123456"', 'overturn: parent_a_number = "A208123457"']
    assert [c["subject"] for c in conflicts(hist, "s:0")] == ["field date_signed"]
    assert conflicts(hist[:3]) == []
