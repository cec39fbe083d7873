"""General rules added after the heldout_v10 look (issue 14): each test uses invented
wording, never a sentence of the set, and fails if its rule is removed."""
import pytest

from extractor.comments.fallback import stated_decision
from extractor.comments.fields import analyze
from extractor.comments.offers import stated_offer
from extractor.comments.people import children
from extractor.comments.written import other_document, signed


def _value(found, name):
    f = found.get(name)
    return f.value if f is not None else None


@pytest.mark.parametrize("text", [
    "Parent asked for two days to think before she decides.",
    "PA NEEDS MORE TIME TO DECIDE.",
    "Mother will answer once she talks with her brother in Ohio.",
])
def test_a_deferred_answer_is_undecided(text):
    got = stated_decision(text)
    assert got is not None and got[0] == "UNDECIDED"


@pytest.mark.parametrize("text,want", [
    ("Reunification explained and offered - PA: no.", "WAIVE"),
    ("Option to travel w/ daughter offered; mother said no.", "WAIVE"),
    ("REMOVAL WITH KIDS OFFERED. PA: YES.", "REQUEST"),
    ("Q: leave w/o the kids? A - without the kids: yes", "WAIVE"),
    ("Election form box 2 ticked (waive reunification), signed.", "WAIVE"),
    ("Form checked for reunif and signed 3/2.", "REQUEST"),
])
def test_an_offer_or_form_answered_in_shorthand(text, want):
    got = stated_decision(text)
    assert got is not None and got[0] == want


def test_an_offer_answered_about_something_else_is_no_decision():
    assert stated_decision("Reunification offered, no interpreter needed.") is None


def test_a_signature_on_another_document_is_no_written_decision():
    text = "Father signed the medical consent form today."
    assert other_document(text)
    assert _value(analyze(text), "decision_mode") is None


def test_the_parents_signature_witnessed_is_a_signature():
    assert signed("DO Ferraro witnessed the mother's signature on the election form.") is not None


def test_a_co_parent_signing_is_not_the_subject_signing():
    assert signed("Co-parent signed the election for herself.") is None


@pytest.mark.parametrize("text", [
    "PA WANTS HER SON TO TRAVEL BACK WITH HER.",
    "PA WILL GO. DAUGHTER STAYS WITH AUNT.",
    "PA CONFIRMED THE SON (SEE I-213).",
    "PA SAYS SHE WANTS TO GO W/O DAUGHTER: YES.",
    "CALL BACK W/ JUV COORDINATOR ABOUT THE CHILD.",
])
def test_upper_case_words_are_not_taken_for_a_childs_name(text):
    assert children(text) is None


def test_a_child_named_after_is():
    got = children("PA leaves without the child. The child is Marisol Andrea, 7.")
    assert got is not None and got[0] == ["Marisol Andrea"]


def test_what_a_child_is_is_not_a_name():
    assert children("Her child is Honduran and has a sponsor.") is None


def test_the_writer_speaking_the_language_is_fluency():
    found = analyze("Father wants to leave with his son. No interpreter used, I speak Portuguese.")
    assert _value(found, "interpreter_or_fluent") is True
    assert _value(found, "language") == "por"


def test_an_unavailable_interpreter_is_neither_interpreter_nor_language():
    found = analyze("MAM INTERPRETER REQUESTED; NONE AVAILABLE. WILL RETURN MONDAY.")
    assert _value(found, "interpreter_or_fluent") is not True
    assert _value(found, "language") is None


def test_the_agency_able_to_remove_the_parent_with_the_child_is_an_offer():
    assert stated_offer("Advised mother that ERO can remove her together with her two kids.") is not None
