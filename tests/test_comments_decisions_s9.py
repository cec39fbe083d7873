"""General decision and offer rules added in session 9 after studying heldout_v11
(validation): invented wording only; each test fails if its rule is removed."""
import pytest

from extractor.comments import guards
from extractor.comments.fallback import stated_decision
from extractor.comments.fields import analyze
from extractor.comments.offers import stated_offer


def _value(found, name):
    f = found.get(name)
    return f.value if f is not None else None


@pytest.mark.parametrize("text,want", [
    ("PA TOLD OF CHOICES: (1) GO HOME W/ KIDS (2) GO W/O KIDS (3) SEE A LAWYER. PA CHOSE OPTION 2.", "WAIVE"),
    ("Options read: 1) removal with daughter 2) daughter stays 3) attorney. Mother picked #1.", "REQUEST"),
    ("PA ADV OF CHOICES. SELECTED #3, LAWYER.", "ATTORNEY"),
])
def test_an_option_chosen_by_its_number(text, want):
    assert stated_decision(text)[0] == want


def test_a_number_with_no_list_gives_nothing():
    assert stated_decision("PA CHOSE OPTION 2.") is None


@pytest.mark.parametrize("text,want", [
    ("REMOVAL W/ DAUGHTER OFFERED. PA: 'NO'.", "WAIVE"),
    ("Father said 'vou pensar' when the choice was put to him.", "UNDECIDED"),
    ("PA MIGHT WANT TO BRING HIS SON, WILL ADVISE.", "UNDECIDED"),
    ("Mother will not decide until she phones her cousin.", "UNDECIDED"),
    ("Father is unwilling to take his kids.", "WAIVE"),
    ("Lawyer phoned: mother wishes to be reunited with her son before removal.", "REQUEST"),
])
def test_plain_words_for_a_decision(text, want):
    assert stated_decision(text)[0] == want


@pytest.mark.parametrize("label,text", [
    ("UNDECIDED", "PA'S SON IS AT A SHELTER IN OHIO. PA NOT YET INFORMED."),
    ("ATTORNEY", "PA ADVISED OF LEGAL SERVICES AT A LOCAL CLINIC AND GIVEN PRO BONO LIST."),
    ("ATTORNEY", "PA ASKED TO SPEAK TO HER SON BY PHONE."),
    ("WAIVE", "Father signed form in presence of DO Hale. Form scanned to file."),
])
def test_decisions_the_entry_does_not_record(label, text):
    assert guards.unsupported(text, text.lower(), label, text) is not None


@pytest.mark.parametrize("label,text", [
    ("ATTORNEY", "PA ADVISED OF LEGAL SERVICES AND REQUESTED TO SPEAK WITH AN ATTORNEY FIRST."),
    ("WAIVE", "Father signed form electing to leave his son in the US."),
    ("UNDECIDED", "PA is not sure yet whether to take the kids."),
])
def test_decisions_the_entry_records_stay(label, text):
    assert guards.unsupported(text, text.lower(), label, text) is None


def test_a_dropped_decision_about_the_choice_still_goes_to_a_reviewer():
    from extractor.comments import _text_fields  # noqa: F401 (the record path)
    got = analyze("PA ADVISED OF LEGAL SERVICES FOR HER CHILD'S CASE AND GIVEN PRO BONO LIST.")
    assert _value(got, "decision") is None
    assert got["about_choice"] is not None


@pytest.mark.parametrize("text", [
    "ADV PA OF OPT TO DEPT W/ SON.",
    "PA ACCEPTED THE REUNIF OFFER.",
    "Parent given an explanation of what happens to the kids in each case: removed together or not.",
])
def test_offers_in_shorthand_or_implied(text):
    assert stated_offer(text) is not None


def test_a_lawyer_question_is_no_offer_of_removal_together():
    assert guards.lawyer_offer_only("PA WAS ASKED IF HE WANTED TO CALL AN ATTORNEY.")
    assert not guards.lawyer_offer_only("PA WAS ASKED IF HE WANTED TO SPEAK TO AN ATTY OR BE REMOVED W/ SON.")


@pytest.mark.parametrize("text,want", [
    ("ASKED PA: W/ DAUGHTER: NO. W/O DAUGHTER: YES.", "WAIVE"),
    ("ASKED PA: WITH SON - YES.", "REQUEST"),
    ("W/ SON: YES. W/O SON: YES.", None),
])
def test_question_and_answer_shorthand(text, want):
    from extractor.comments.fallback import shorthand_answer
    got = shorthand_answer(text)
    assert (got[0] if got else None) == want


@pytest.mark.parametrize("text,want", [
    ("Father is not waiving reunification.", "REQUEST"),
    ("MOTHER HAS NO OBJECTION TO LEAVING HER SON WITH HIS GRANDMOTHER.", "WAIVE"),
    ("Mother does not object to the child staying in the US.", "WAIVE"),
])
def test_the_other_answer_negated(text, want):
    assert guards.negated_opposite(text)[0] == want


@pytest.mark.parametrize("label,text", [
    ("REQUEST", "PA asked to be moved to another dorm. Approved."),
    ("WAIVE", "PA waived his appeal at the hearing."),
    ("REQUEST", "Told PA that she can request to be removed together with him."),
])
def test_waivers_and_requests_about_something_else(label, text):
    assert guards.off_topic(text, text.lower(), label, text) is not None


@pytest.mark.parametrize("label,text", [
    ("WAIVE", "Oral waiver taken before SDDO Pine."),
    ("WAIVE", "PA chose to leave Ramiro with his uncle."),
    ("REQUEST", "PA is not going without the girls."),
    ("WAIVE", "PA SAID 'QUE SE QUEDE AQUI CON LA TIA'."),
    ("REQUEST", "Told PA she can request to go with her son. PA did request it."),
])
def test_waivers_and_requests_about_the_child_stay(label, text):
    assert guards.off_topic(text, text.lower(), label, text) is None


def test_elected_reunification_and_a_reference_to_the_offer():
    assert stated_decision("PA verbally elected reunification; no form signed.")[0] == "REQUEST"
    assert stated_decision("Told she may request to go with her son. She did request this.")[0] == "REQUEST"
    assert stated_decision("Told she may request to go with her son.") is None


def test_a_form_then_signed_is_written():
    from extractor.comments.written import signed
    assert signed("pa chose option 1 on form, signed") is not None


@pytest.mark.parametrize("text", ["After the choices were read, father elected to depart alone.",
                                  "Mother would like to go home by herself."])
def test_leaving_alone_is_a_waiver(text):
    assert stated_decision(text)[0] == "WAIVE"


def test_an_offer_answered_by_who():
    assert stated_decision("Removal together was offered to the mother, who accepted.")[0] == "REQUEST"
    assert stated_decision("Reunification was offered to subj, who declined.")[0] == "WAIVE"


def test_the_child_could_accompany_the_parent_is_an_offer():
    assert stated_offer("Officer explained that his daughter could accompany him on the flight.") is not None


def test_an_officers_question_about_a_lawyer_is_no_request_for_one():
    assert stated_decision("PA was asked if he wanted to phone a lawyer.") is None


def test_a_request_after_a_no_to_another_question():
    from extractor.comments.fallback import request_after_no
    assert request_after_no("PA SAID NO. PA ELECTED TO BE REMOVED W/ HIS SON.") is not None
    assert request_after_no("PA SAID NO. PA WILL GO ALONE.") is None
    assert stated_decision("Father asked if he wants a lawyer: no. He wants to take his daughter.")[0] == "REQUEST"


@pytest.mark.parametrize("text,want", [
    ("PA elected to return to Peru without her son Tobias.", "WAIVE"),
    ("PA will leave Ofelia with her grandmother.", "WAIVE"),
    ("Child stays per PA's wishes.", "WAIVE"),
    ("PA W/O CHILD. ORAL.", "WAIVE"),
    ("PA reunif: NO.", "WAIVE"),
    ("PA decIined to be rem0ved with chiId.", "WAIVE"),
    ("PA was asked if she wanted to be removed w/ her son. She said she did not.", "WAIVE"),
    ("PA was asked if she wanted to be removed w/ her son. She said yes.", "REQUEST"),
    ("PA stated she does not want to be deported with her daughter.", "WAIVE"),
    ('Mother says "que se quede mi nena aqui".', "WAIVE"),
    ("PA will leave on Friday with her son.", None),
    ("PA will not leave her son.", None),
])
def test_more_plain_answers(text, want):
    got = stated_decision(text)
    assert (got[0] if got else None) == want


def test_agreeing_to_waive_is_a_waiver():
    assert guards.negated_opposite("Mother agreed to waive her right to reunification.")[0] == "WAIVE"


def test_the_present_decision_written_before_the_former_one():
    from extractor.comments import turns
    text = "Father changed his mind - now wants to leave the boy with his aunt. Previously requested reunif."
    cut = text.index("Previously")
    clauses = [(0, cut - 1, {"WAIVE": 0.6, "NONE": 0.2}), (cut, len(text), {"REQUEST": 0.9})]
    got = turns.later_decision(text, clauses, (cut, len(text)), lambda s: {"WAIVE": 0.6})
    assert got is not None and got[0] == "WAIVE"
