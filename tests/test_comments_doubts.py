"""Issue 14e: general reasons to doubt a confident reading (unsure means unknown), language
codes, OCR-damaged language names, officers who speak the language, and child-name lists
(every sentence, name and value invented here)."""
import pytest

from extractor.comments import _text_fields
from extractor.comments import doubts, languages
from extractor.comments.people import children
from extractor.model import COMMENT_FIELDS, Field, Record
from scoring.rubric import score_record


def _checks(text):
    fields = {k: None for k in COMMENT_FIELDS}
    fields.update(_text_fields(text))
    fields["entry_date"] = Field("2020-03-03", 0.95)
    rec = score_record(Record(kind="case_comment", index=0, fields=fields))
    return {c.id: c.status for c in rec.checks}


# ---- the reasons, on their own ------------------------------------------------------

def test_attorney_decision_needs_legal_help_named():
    assert doubts.legal_help_named("wants to see her atty first", "")
    assert doubts.legal_help_named("pidio un abogado", "")
    assert not doubts.legal_help_named("will not answer until she talks to her cousin", "")


def test_hedges_and_parent_questions_and_telling():
    assert doubts.hedged("Subj seems to want the boy along but did not confirm")
    assert not doubts.hedged("Subj wants the boy along")
    assert doubts.parent_asks("PA asked if she could call her niece")
    assert not doubts.parent_asks("PA was asked if she wants her niece along")
    assert doubts.someone_told("ADV subj that the girl is in a shelter", "")
    assert not doubts.someone_told("THE GIRL IS IN A SHELTER IN OHIO.", "the girl is in a shelter in ohio.")


def test_planned_interpreter_is_not_a_used_one():
    assert doubts.planned_only("Will retry on Monday w/ Ixil interpreter.")
    assert not doubts.planned_only("Interview held via Ixil interpreter.")


# ---- end to end: a doubted reading never passes ---------------------------------------

def test_planned_interpreter_never_passes_language():
    checks = _checks("Father of Tobias was too upset to talk about the boy. Will retry Monday w/ Ixil interpreter.")
    assert checks["C-LANGUAGE"] != "pass"


def test_stated_fact_without_anyone_told_is_not_information():
    checks = _checks("SUBJ WANTS TO LEAVE HIS SON WITH AN UNCLE IN OHIO. SON IS IN ORR CARE.")
    assert checks["C-INFO"] != "pass"


def test_attorney_without_a_lawyer_named_is_not_a_pass():
    checks = _checks("SUBJ WOULD NOT CHOOSE. SAYS SHE WILL NOT ANSWER UNTIL SHE CALLS HER BROTHER.")
    assert checks["C-DECISION"] != "pass"


def test_clear_attorney_request_still_passes():
    checks = _checks("Subject asked to speak with her attorney before deciding about her son Ulises.")
    assert checks["C-DECISION"] == "pass"


# ---- languages ----------------------------------------------------------------------

@pytest.mark.parametrize("text,code", [
    ("Seen w/ TEL INTERP (por) #1234.", "por"),
    ("SUBJ W/O CHILD. ORAL. MAM.", "mam"),
    ("INTERP: FRA. WITNESS: DO X. QUILL", "fra"),
    ("SUBJ DECL1NED. P0RTUGUESE 1NTERP.", "por"),
])
def test_coded_and_ocr_damaged_languages(text, code):
    assert languages.coded_language(text)[0] == code


def test_upper_case_spanish_word_is_not_a_code():
    assert languages.coded_language("SAID 'POR FAVOR NO'.") is None


@pytest.mark.parametrize("text,code", [
    ("Spanish speaking officer.", "spa"),
    ("French-speaking DO present.", "fra"),
    ("This officer speaks Portuguese.", "por"),
    ("Interview done in English by this officer.", "eng"),
    ("SPAN1SH SPEAK1NG 0FF1CER.", "spa"),
])
def test_officer_speaking_the_language_is_fluency(text, code):
    assert languages.officer_fluent(text)[0] == code
    f = _text_fields("Subject elected to leave without her son Nilo. " + text)
    assert f["interpreter_or_fluent"].value is True
    assert f["language"].value == code


def test_deglyph_keeps_numbers_and_a_numbers():
    assert languages.deglyph("A123456789 on 7/2 SPAN1SH") == "A123456789 on 7/2 SPANISH"


# ---- children -----------------------------------------------------------------------

@pytest.mark.parametrize("text,names", [
    ("Father of UAC Jonas and UAC Pedro said no.", ["Jonas", "Pedro"]),
    ("Kids: Ana (7), Beto (4). Going together.", ["Ana", "Beto"]),
    ("Told of the location of his son (Casa Azul, Dallas). Wants son Rigo with him.", ["Rigo"]),
])
def test_child_lists_titles_ages_and_places(text, names):
    assert children(text)[0] == names


# ---- changes of mind ------------------------------------------------------------------

@pytest.mark.parametrize("text,want", [
    ("PA previously wanted to take her girl Nayeli along but this morning told me she will leave her with the grandmother.",
     "waive_reunification"),
    ("PA at first said she would leave her girl Nayeli here; now she says Nayeli must fly home with her.",
     "requests_reunification"),
])
def test_former_decision_yields_to_the_later_one(text, want):
    from extractor.comments.fields import analyze

    f = analyze(text)["decision"]
    assert f.value == want
    assert _checks(text)["C-DECISION"] != "fail"


def test_turn_rule_leaves_plain_decisions_alone():
    from extractor.comments import turns

    calls = []
    got = turns.later_decision("Subj wants to take her girl along.", [], (0, 34), lambda s: calls.append(s) or {})
    assert got is None and not calls


# ---- an offer written out -------------------------------------------------------------

@pytest.mark.parametrize("text,offered", [
    ("ADV PA of reunif option. PA said she will think.", True),
    ("Officer informed the father of his right to be removed together with his girl Ines.", True),
    ("Choice of departing with the boy was explained to PA through the interpreter.", True),
    ("PA was not advised of the option to depart with her boy.", False),
    ("PA was advised of her right to appeal the removal order.", False),
])
def test_offer_written_out(text, offered):
    from extractor.comments.offers import stated_offer

    assert (stated_offer(text) is not None) is offered


def test_witness_in_ocr_damaged_capitals_is_read_as_written():
    from extractor.comments.fields import analyze

    w = analyze("SUBJ ELECTED T0 G0 ALONE. W1TNESS SDD0 PAL0MAR.")["witness_name"]
    assert w is not None and w.value == "SDD0 PAL0MAR"


# ---- a decision stated in plain words the classifier missed ---------------------------

@pytest.mark.parametrize("text,label", [
    ("PA says she is not sure yet about the girl, Odalys.", "UNDECIDED"),
    ("Father would not say whether he wants Ramiro on the plane.", "UNDECIDED"),
    ("PA refused to talk about the boy and asked to see her public defender.", "ATTORNEY"),
    ("PA is not sure; then requested time to consult a lawyer.", "ATTORNEY"),
    ("PA did not ask for a lawyer.", None),
    ("PA was moved to dorm C.", None),
])
def test_stated_decision(text, label):
    from extractor.comments.fallback import stated_decision

    got = stated_decision(text)
    assert (got[0] if got else None) == label


def test_stated_decision_goes_to_a_reviewer():
    from extractor.comments.fallback import stated_decision
    from extractor.comments.fields import analyze

    text = "PA says she is not sure yet about the girl, Odalys."
    f = analyze(text)["decision"]
    if f is not None and f.how == "rule:stated":
        assert f.confidence < 0.6
    assert stated_decision(text) is not None
    assert _checks(text)["C-DECISION"] != "pass"


@pytest.mark.parametrize("text,told", [
    ("Explained to PA that her boy stays in ORR custody if she flies alone.", True),
    ("Pro bono list provided to PA.", True),
    ("PA told this officer her boy will stay with an uncle.", False),
    ("Ms. Quell advised that she would rather her girls stay here.", False),
    ("PA was not informed of the child's location.", False),
])
def test_information_written_out(text, told):
    from extractor.comments.offers import stated_information

    assert (stated_information(text) is not None) is told


def test_information_read_by_rule_goes_to_a_reviewer():
    from extractor.comments.fields import analyze

    f = analyze("Pro bono list provided to PA. PA will think about her boy, Elian.")["info_provided"]
    assert f.value is True
    if f.how.startswith("rule:"):
        assert f.confidence < 0.6


def test_child_named_after_location_of_without_brackets_is_kept():
    assert children("Told of the location of her daughter Lupe and that she may ask.")[0] == ["Lupe"]
