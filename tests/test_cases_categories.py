"""Each of the contract's ordered category rules, on hand-built cases."""
from __future__ import annotations

import pytest

from cases_archive import P1, P6, archive, comments, entry, form
from scoring.cases import CATEGORIES, roll_up

A = "A111222333"


def category(*docs):
    cases = roll_up(docs)["cases"]
    assert len(cases) == 1, cases
    return cases[0]["category"]


def test_archive_documents_follow_the_contract(contract_schema):
    import jsonschema
    for doc in archive():
        jsonschema.validate(doc, contract_schema)


def test_a_request_anywhere_wins_over_a_complete_written_waiver():
    assert category(form("f", A), comments("c", [entry(A, "requests_reunification", "2018-06-02")])) \
        == "requested_reunification"


def test_a_form_electing_reunify_is_a_request():
    assert category(form("f", A, election="reunify")) == "requested_reunification"


def test_complete_waiver_needs_no_failed_critical_or_major_check():
    assert category(form("f", A, fails=("F-INTERPRETER",))) == "written_waiver_complete"  # minor
    assert category(form("f", A, fails=("F-SUPERVISOR",))) == "written_waiver_deficient"  # major
    assert category(form("f", A, fails=("F-CHILD-NAMED",))) == "written_waiver_deficient"  # critical


def test_one_complete_waiver_form_makes_the_case_complete():
    assert category(form("f1", A, fails=("F-DATED",)), form("f2", A)) == "written_waiver_complete"


def test_unknown_checks_do_not_make_a_form_deficient_but_send_it_to_review():
    rep = roll_up([form("f", A, unknowns=("F-PARENT-SIGNED",))])
    case = rep["cases"][0]
    assert case["category"] == "written_waiver_complete"
    assert any("F-PARENT-SIGNED" in r for r in case["review_reasons"])
    assert rep["summary"]["cases_needing_review"] == 1


def test_written_reference_without_a_form_is_form_referenced_not_found():
    docs = [comments("c", [entry(A, "waive_reunification", "2018-06-02", mode="written")])]
    assert category(*docs) == "form_referenced_not_found"


def test_written_reference_with_a_form_in_the_archive_is_not_missing_the_form():
    docs = [comments("c", [entry(A, "waive_reunification", "2018-06-02", mode="written")]),
            form("f", A, election="none_marked")]
    assert category(*docs) == "oral_waiver_only"  # the waiver is recorded only in comments


def test_oral_waiver_only():
    assert category(comments("c", [entry(A, "waive_reunification", "2018-06-02")])) \
        == "oral_waiver_only"


@pytest.mark.parametrize("decision", ["consult_attorney", "undecided", None])
def test_comments_without_a_waiver_or_request_are_no_documentation(decision):
    assert category(comments("c", [entry(A, decision, "2018-06-02")])) == "no_documentation"


@pytest.mark.parametrize("election", ["consult_attorney", "none_marked", "multiple_marked"])
def test_forms_without_a_clear_waiver_or_request_are_no_documentation(election):
    assert category(form("f", A, election=election)) == "no_documentation"


def test_form_and_comment_join_by_a_number_across_documents():
    docs = [form("f", A, fails=("F-DATED",)),
            comments("c", [entry(A, "waive_reunification", "2018-06-02"),
                           entry("A999888777", "waive_reunification", "2018-06-02")])]
    cases = {c["a_number"]: c for c in roll_up(docs)["cases"]}
    assert len(cases[A]["records"]) == 2
    assert cases[A]["category"] == "written_waiver_deficient"
    assert cases["A999888777"]["category"] == "oral_waiver_only"


def test_a_numbers_are_normalised_before_joining():
    docs = [form("f", "A-208 123 456"), comments("c", [entry("08123456", "waive_reunification",
                                                             "2018-06-02")])]
    cases = {c["a_number"]: c for c in roll_up(docs)["cases"]}
    assert len(cases["A208123456"]["records"]) == 1
    assert len(cases["A008123456"]["records"]) == 1  # 8 digits: leading 0, not the same parent
    docs = [form("f", "A-208 123 456"), comments("c", [entry("A208123456", "waive_reunification",
                                                             "2018-06-02")])]
    assert [len(c["records"]) for c in roll_up(docs)["cases"]] == [2]


def test_records_without_a_number_each_form_their_own_case():
    docs = [comments("c", [entry(None, "waive_reunification", "2018-06-02"),
                           entry(None, "requests_reunification", "2018-06-03")]),
            form("f", None, fails=("F-A-NUMBER",))]
    cases = roll_up(docs)["cases"]
    assert [c["a_number"] for c in cases] == [None, None, None]
    assert sorted(c["category"] for c in cases) == sorted(
        ["oral_waiver_only", "requested_reunification", "written_waiver_deficient"])
    assert all(len(c["records"]) == 1 for c in cases)


def test_a_file_given_twice_counts_once():
    rep = roll_up([form("f", A), form("f", A)])
    assert rep["summary"]["records"] == 1
    assert rep["cases"][0]["records"] == [form("f", A)["records"][0]["record_id"]]


def test_hand_built_archive_has_one_case_per_parent_and_every_category():
    cases = roll_up(archive())["cases"]
    assert len(cases) == 10
    assert {c["category"] for c in cases} == set(CATEGORIES)
    by_a = {c["a_number"]: c for c in cases}
    assert by_a[P6]["category"] == "no_documentation" and len(by_a[P6]["records"]) == 2
    assert by_a[P1]["category"] == "written_waiver_complete"


def test_unknowns_on_an_already_deficient_form_do_not_ask_for_review():
    case = roll_up([form("f", A, fails=("F-DATED",), unknowns=("F-SUPERVISOR",))])["cases"][0]
    assert case["category"] == "written_waiver_deficient" and case["review_reasons"] == []
