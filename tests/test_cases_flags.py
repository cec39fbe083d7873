"""Flags and the earliest decision date."""
from __future__ import annotations

from cases_archive import EXPECTED, archive, comments, entry, form
from scoring.cases import roll_up

A = "A111222333"


def one(*docs):
    cases = roll_up(docs)["cases"]
    assert len(cases) == 1
    return cases[0]


def test_conflicting_records_needs_a_waiver_and_a_request():
    c = one(form("f", A, date="2018-08-01"),
            comments("c", [entry(A, "requests_reunification", "2018-08-03")]))
    assert c["flags"] == ["conflicting_records"]
    c = one(comments("c", [entry(A, "requests_reunification", "2018-08-03"),
                           entry(A, "consult_attorney", "2018-08-01")]))
    assert c["flags"] == []


def test_before_cutoff_uses_the_earliest_decision_date():
    c = one(comments("c", [entry(A, "waive_reunification", "2018-07-11"),
                           entry(A, "waive_reunification", "2018-08-01")]))
    assert c["earliest_decision_date"] == "2018-07-11"
    assert c["flags"] == ["before_2018_07_12"]
    c = one(comments("c", [entry(A, "waive_reunification", "2018-07-12")]))
    assert c["flags"] == []  # the day the form arrived is not before it


def test_dates_of_records_without_a_decision_do_not_count():
    c = one(comments("c", [entry(A, None, "2017-01-01"), entry(A, "undecided", "2017-02-01"),
                           entry(A, "consult_attorney", "2017-03-01"),
                           entry(A, "waive_reunification", "2018-08-01")]))
    assert c["earliest_decision_date"] == "2018-08-01"
    assert c["flags"] == []
    assert c["first_record_date"] == "2017-01-01"


def test_an_impossible_date_is_not_a_decision_date():
    c = one(form("f", A, date="2018-06-31", fails=("F-DATED",)))
    assert c["earliest_decision_date"] is None
    assert c["flags"] == []
    c = one(form("f", A, election="none_marked", date="2018-06-01"))
    assert c["earliest_decision_date"] is None  # no waiver or request on it


def test_request_dates_count_and_undated_decisions_give_null():
    c = one(form("f", A, election="reunify", date="2018-05-02"))
    assert c["earliest_decision_date"] == "2018-05-02" and c["flags"] == ["before_2018_07_12"]
    c = one(comments("c", [entry(A, "waive_reunification", None)]))
    assert c["earliest_decision_date"] is None and c["flags"] == []


def test_hand_built_archive_flags_and_dates():
    cases = {c["a_number"]: c for c in roll_up(archive())["cases"]}
    for a, (cat, flags, earliest) in EXPECTED.items():
        assert (cases[a]["category"], sorted(cases[a]["flags"]), cases[a]["earliest_decision_date"]) \
            == (cat, sorted(flags), earliest), a
