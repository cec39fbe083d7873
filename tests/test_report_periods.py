"""A case whose decision carries no date is undated everywhere: in the roll-up's
periods, the report table's "undated" column, and the stored case the dashboard
counts (never in "<12Jul18" because another of its records is dated before)."""
from __future__ import annotations

from cases_archive import comments, entry
from scoring.cases import period_of, roll_up
from scoring.report import format_table

A = "A777000111"


def _archive():
    # the waiver is undated; an unrelated entry of the same parent is dated June 2018
    return [comments("undated-decision", [entry(A, "waive_reunification", None),
                                          entry(A, None, "2018-06-02")])]


def test_an_undated_decision_is_undated_in_the_roll_up_and_the_table():
    rep = roll_up(_archive())
    case = next(c for c in rep["cases"] if c["a_number"] == A)
    assert case["earliest_decision_date"] is None and case["first_record_date"] == "2018-06-02"
    assert period_of(case) == "undated"
    assert rep["summary"]["categories_by_period"]["oral_waiver_only"] == {
        "before_2018_07_12": 0, "on_or_after_2018_07_12": 0, "undated": 1}
    line = next(l for l in format_table(rep).splitlines() if "oral waiver only" in l)
    assert line.split()[-4:] == ["1", "0", "0", "1"]  # total, <12Jul18, >=12Jul18, undated


def test_the_stored_case_is_undated_too(tmp_path):
    from waiverscan.store import open_store, queries
    store = open_store(f"sqlite:///{tmp_path / 's.db'}")
    for doc in _archive():
        store.save_document(doc, pipeline_version="test")
    assert queries.periods(store) == {("oral_waiver_only", "undated"): 1}
    store.close()


def test_a_case_with_no_decision_is_dated_by_its_first_record():
    rep = roll_up([comments("no-decision", [entry(A, None, "2018-06-02")])])
    assert period_of(rep["cases"][0]) == "before_2018_07_12"  # the audit counts these too
