"""The rubric: every contract check, unknown instead of guesses, the weighted score."""
import json

import pytest

from conftest import DEV_DIR
from extractor.model import Field, Record
from scoring.rubric import RUBRIC, check_statuses, record_score, score_record


def _form(**values):
    base = dict(parent_name="Ana Pérez", parent_a_number="A208123456", child_names=["Luis Pérez"],
                child_a_numbers=None, date_signed="2018-06-28", election="depart_without_child",
                form_languages=["eng", "spa"], read_in_language=None, interpreter_name=None,
                parent_signed=True, official_name="SDDO K. Brown", official_signed=True,
                witness_name=None, supervisor_name="FOD Smith", supervisor_signed=True)
    base.update(values)
    return base


def test_rubric_lists_every_contract_check_once_with_its_severity():
    ids = [r.id for r in RUBRIC]
    assert len(ids) == len(set(ids)) == 15
    sev = {r.id: r.severity for r in RUBRIC}
    assert sev["F-ELECTION-CLEAR"] == "critical" and sev["F-INTERPRETER"] == "minor"
    assert sev["C-OPTION"] == "critical" and sev["C-DATED"] == "minor"
    assert all(r.source.startswith("OIG-21-36") for r in RUBRIC)


def test_rubric_reproduces_every_truth_check_of_the_dev_corpus():
    mismatches, n = [], 0
    for line in open(DEV_DIR / "truth.jsonl", encoding="utf-8"):
        t = json.loads(line)
        for r in t["records"]:
            got = check_statuses(r["kind"], r["fields"])
            for cid, status in r["checks"].items():
                n += 1
                if got[cid] != status:
                    mismatches.append((t["source"], cid, status, got[cid]))
    assert n > 1000 and mismatches == []


@pytest.mark.parametrize("change,check,status", [
    (dict(child_names=[]), "F-CHILD-NAMED", "fail"),
    (dict(date_signed="2018-06-31"), "F-DATED", "fail"),
    (dict(date_signed=None), "F-DATED", "fail"),
    (dict(election="multiple_marked"), "F-ELECTION-CLEAR", "fail"),
    (dict(form_languages=["eng"]), "F-LANGUAGE", "fail"),
    (dict(form_languages=["eng"], read_in_language="mam"), "F-LANGUAGE", "pass"),
    (dict(read_in_language="spa"), "F-INTERPRETER", "pass"),
    (dict(supervisor_signed=False), "F-SUPERVISOR", "fail"),
    (dict(parent_a_number=None), "F-A-NUMBER", "fail"),
])
def test_rubric_form_rules(change, check, status):
    assert check_statuses("waiver_form", _form(**change))[check] == status


def _record(**fields):
    values = {k: (None if v is None else Field(value=v, confidence=1.0))
              for k, v in _form().items()}
    values.update(fields)
    return score_record(Record(kind="waiver_form", index=0, fields=values))


def test_rubric_low_confidence_value_is_unknown_not_pass():
    r = _record(election=Field(value="depart_without_child", confidence=0.3))
    status = {c.id: c.status for c in r.checks}
    assert status["F-ELECTION-CLEAR"] == "unknown"


def test_rubric_ink_present_passes_a_presence_check_while_the_value_is_unread():
    r = _record(official_name=Field(value="K Br?wn", confidence=0.2, present=True),
                parent_a_number=Field(value=None, confidence=0.3, present=None))
    status = {c.id: c.status for c in r.checks}
    assert status["F-OFFICIAL-NAMED"] == "pass"
    assert status["F-A-NUMBER"] == "unknown"


def test_record_score_weights_critical_3_major_2_minor_1_and_unknown_does_not_pass():
    r = _record(supervisor_name=None, supervisor_signed=None,  # major fail
                interpreter_name=None)                           # minor fail (read_in None)
    # applicable: 5 critical (15) + 3 major (6) + 1 minor (1) = 22; failed 2 + 1 = 3
    assert r.score == round(100 * 19 / 22, 1)
    r2 = _record(election=Field(value="reunify", confidence=0.1))  # critical unknown
    assert r2.score < 100


def test_rubric_comment_without_decision_is_not_applicable_with_null_score():
    values = dict(a_number="A208123456", entry_date="2018-05-01", author="DO X", decision=None,
                  decision_mode=None, info_provided=False, option_offered=False, language=None,
                  interpreter_or_fluent=False, witness_name=None, child_names=None)
    statuses = check_statuses("case_comment", values)
    assert set(statuses.values()) == {"not_applicable"}
    r = score_record(Record(kind="case_comment", index=0, fields={
        k: (None if v is None else Field(value=v, confidence=1.0)) for k, v in values.items()}))
    assert r.score is None and record_score(r.checks) is None


def _comment(**fields):
    base = dict(a_number=Field("A208123456", 0.95), entry_date=Field("2018-05-01", 0.95),
                author=Field("DO X", 0.95), decision=None, decision_mode=None,
                info_provided=Field(False, 0.9), option_offered=Field(True, 0.9), language=None,
                interpreter_or_fluent=Field(False, 0.8), witness_name=None, child_names=None)
    base.update(fields)
    return score_record(Record(kind="case_comment", index=0, fields=base))


def test_rubric_comment_about_the_choice_with_unread_decision_is_unknown_not_applicable():
    """Contract: an entry about the parent's choice whose decision was not read keeps
    every check in the audit; C-DECISION goes to a reviewer, never `not_applicable`."""
    r = _comment(decision=Field(None, 0.5, evidence="subj ... w/ son"))
    st = {c.id: c.status for c in r.checks}
    assert st["C-DECISION"] == "unknown"
    assert "not_applicable" not in st.values()
    assert st["C-OPTION"] == "pass" and st["C-DATED"] == "pass"  # what is known still shows
    # a failing check cannot be certain while the decision is unread: unknown, not fail
    assert st["C-INFO"] == "unknown" and st["C-WITNESS"] == "unknown"
    assert r.score is not None and r.score < 100


def test_rubric_comment_with_no_decision_field_stays_not_applicable():
    r = _comment(decision=None)
    assert {c.status for c in r.checks} == {"not_applicable"} and r.score is None


def test_rubric_comment_with_a_read_decision_is_unchanged():
    r = _comment(decision=Field("waive_reunification", 0.9), decision_mode=Field("oral", 0.9))
    st = {c.id: c.status for c in r.checks}
    assert st["C-DECISION"] == "pass" and st["C-INFO"] == "fail" and st["C-WITNESS"] == "fail"
