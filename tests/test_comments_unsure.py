"""Unsure means unknown, and the general entity rules added for unseen writing
(names and values invented here)."""
import pytest

from extractor.comments import _text_fields
from extractor.comments.fields import DECISION_SURE, UNSURE_CONFIDENCE, analyze
from extractor.model import COMMENT_FIELDS, Field, Record
from scoring.rubric import score_record


def _checks(text):
    fields = {k: None for k in COMMENT_FIELDS}
    fields.update(_text_fields(text))
    fields["entry_date"] = Field("2020-02-02", 0.95)
    rec = score_record(Record(kind="case_comment", index=0, fields=fields))
    return {c.id: c.status for c in rec.checks}, fields


def test_form_read_without_what_was_told_is_not_a_pass():
    checks, fields = _checks("Subject signed the form electing to depart without her son. "
                             "Form read to subject in Mam by interpreter. Witness: DO Q. Vantongeren.")
    # the form's content was told, nothing more: information, but unsure, for a reviewer
    assert fields["info_provided"].value is True
    assert fields["info_provided"].confidence == UNSURE_CONFIDENCE
    assert checks["C-INFO"] == "unknown"


def test_what_was_told_still_passes():
    checks, _ = _checks("PA was told her boy stays in ORR custody with a case manager should "
                        "she fly home alone. PA elected to depart without him.")
    assert checks["C-INFO"] == "pass"


def test_unsure_decision_goes_to_a_reviewer():
    # the band itself: a decision read with less support than DECISION_SURE never passes
    assert UNSURE_CONFIDENCE < 0.6 <= DECISION_SURE
    f = analyze("Subject elected to depart without her daughter.")["decision"]
    assert f.value == "waive_reunification" and f.confidence >= DECISION_SURE


@pytest.mark.parametrize("text,names", [
    ("PA wants to depart with her two children, Zuleima and Octavio.", ["Zuleima", "Octavio"]),
    ("PA will depart alone. Children: Ramiro, Tecla.", ["Ramiro", "Tecla"]),
    ("Subj waived reunif w/ UAC Bernardino. WIT: DO Q. Smallwood.", ["Bernardino"]),
    ("Mother of Anatolia and Crispin says she will not take them.", ["Anatolia", "Crispin"]),
    ("PA will take the baby with her. Baby: Filomena.", ["Filomena"]),
])
def test_child_name_lists_and_shorthand(text, names):
    assert analyze(text)["child_names"].value == names


@pytest.mark.parametrize("text,witness", [
    ("PA declined reunification. Witness: Supv. DO Quennell.", "Supv. DO Quennell"),
    ("PA waived reunification orally in front of SDDO Marwick.", "SDDO Marwick"),
    ("PA DOES NOT WANT HIS SON REMOVED WITH HIM. SDDO TREMAYNE PRESENT.", "SDDO TREMAYNE"),
    ("PA was read the waiver by DO K. Ashdown (fluent), who witnessed the signature.", "DO K. Ashdown"),
])
def test_witness_forms(text, witness):
    assert analyze(text)["witness_name"].value == witness


def test_bare_language_clause_and_quote_with_interpreter():
    assert analyze("PA SIGNED THE WAIVER ELECTING DEPARTURE W/O SON. SPANISH.")["language"].value == "spa"
    # an interpreter recorded without its language: the quoted words tell it
    got = analyze("Via TEL INTERP, PA said 'no me voy sin mi hija'.")["language"]
    assert got.value == "spa"
    # a quotation alone does not record the language of the conversation
    assert analyze("The father said 'no me voy sin mi hija'.")["language"] is None
