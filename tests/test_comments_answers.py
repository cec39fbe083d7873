"""Issue 14h: answers written in plain words, officers who speak the language, and the
undecided parent's missing decision mode. Invented entries, none taken from a data set
or dev."""
import pytest

from extractor.comments import fallback, languages, people
from extractor.comments.fields import analyze


@pytest.mark.parametrize("text,want", [
    ("LAWYER CONSULT REQUESTED BY PA. TOLD GIRL IS IN ORR CARE.", "ATTORNEY"),
    ("Consult atty - per detainee.", "ATTORNEY"),
    ("Father opted to consult a lawyer on the election form.", "ATTORNEY"),
    ("Mother asked via phone interpreter (#5521) to be removed together with her two sons.", "REQUEST"),
    ("Father was offered departure with his girl and accepted.", "REQUEST"),
    ("Detainee accepted the offer of reunification w/ the twins.", "REQUEST"),
])
def test_comments_fallback_reads_plain_answers(text, want):
    got = fallback.stated_decision(text)
    assert got is not None and got[0] == want


@pytest.mark.parametrize("text", [
    "Detainee was told of her right to consult a lawyer.",
    "Mother does not want to be removed with the boy.",
    "Father was offered departure with his girl, did not accept.",
    "Subject wants to travel with her brother.",
])
def test_comments_fallback_reads_no_request_or_attorney(text):
    got = fallback.stated_decision(text)
    assert got is None or got[0] not in ("REQUEST", "ATTORNEY")


def test_comments_fallback_later_answer_wins():
    got = fallback.stated_decision("Mother asked to be removed with the boy, now she is not sure.")
    assert got is not None and got[0] == "UNDECIDED"


@pytest.mark.parametrize("text", [
    "Father is undecided about his son. Will call again Friday.",
    "PA has not decided yet whether the girl flies with her.",
])
def test_comments_undecided_is_an_oral_decision(text):
    # the contract: `undecided` is a value of decision, and decision_mode says how the
    # recorded decision was given (written only when a form was signed)
    f = analyze(text)
    assert f["decision"] is not None and f["decision"].value == "undecided"
    assert f["decision_mode"] is not None and f["decision_mode"].value == "oral"


@pytest.mark.parametrize("text,code", [
    ("Interpreter not needed, officer speaks portuguese.", "por"),
    ("I spoke with the father in French during the visit.", "fra"),
    ("Interview conducted by me in Spanish at the facility.", "spa"),
])
def test_comments_officer_speaks_the_language(text, code):
    hit = languages.officer_fluent(text)
    assert hit is not None and hit[0] == code


def test_comments_parent_speaking_is_not_officer_fluency():
    assert languages.officer_fluent("The mother speaks Portuguese and some Spanish.") is None


def test_comments_native_language_yields_to_the_interview_language():
    f = analyze("Father's native language is Ixil but asked for Spanish; interview in Spanish with tel interp.")
    assert f["language"].value == "spa"


def test_comments_misspelt_language_of_a_fluent_officer():
    f = analyze("Mother wants to leave alone. portugese speaking officer")
    assert f["language"] is not None and f["language"].value == "por"
    assert f["interpreter_or_fluent"].value is True


def test_comments_witness_written_without_vowels():
    hit = people.witness("PA DECLINED. (WTNS: SDDO R. HALVERSEN)")
    assert hit is not None and hit[0] == "SDDO R. HALVERSEN"


@pytest.mark.parametrize("text", [
    "FATHER HAS NOT DECIDED ABOUT HIS SON YET.",
    "PA: 'NO LA VOY A LLEVAR'. ADV OF OPTION TO DEPART W/ CHILD.",
])
def test_comments_adverbs_and_quoted_verbs_are_no_child_names(text):
    hit = people.children(text)
    assert hit is None or not {"YET", "LLEVAR"} & set(hit[0])


@pytest.mark.parametrize("text,written", [
    ("Father was read the form in Mam by the interpreter and signed it.", True),
    ("Mother chose removal with the boy via signed election form.", True),
    ("Election signed by the mother, witnessed by DO Q. Arbuckle.", True),
    ("Father will sign the form tomorrow.", False),
    ("No form signed: none available at the facility.", False),
    ("Form signed by interpreter only.", False),
    ("Mother has not signed any form yet.", False),
])
def test_comments_form_signed_in_any_word_order(text, written):
    from extractor.comments.written import signed

    assert (signed(text) is not None) is written


@pytest.mark.parametrize("text,offered", [
    ("Mother was told she can travel back with her two girls or leave them with the sponsor.", True),
    ("Al padre se le ofreció la opción de viajar con su hijo.", True),
    ("Father was told he can leave with his brother.", False),
    ("Mother was told she can call her son on Friday.", False),
])
def test_comments_offer_of_what_the_parent_can_do(text, offered):
    from extractor.comments import offers

    assert (offers.stated_offer(text) is not None) is offered


@pytest.mark.parametrize("text,refused", [
    ("FATHER DOES NOT WISH TO SPEAK TO AN ATTORNEY.", True),
    ("Mother said she doesn't need a lawyer.", True),
    ("Father will not decide until he talks with a lawyer.", False),
    ("Mother wants to consult her attorney first.", False),
])
def test_comments_lawyer_turned_down(text, refused):
    assert fallback.refuses_lawyer(text) is refused


@pytest.mark.parametrize("text,want", [
    ("PA RQSTS REUNIF W/ BOTH KIDS BEFORE REMOVAL.", "REQUEST"),
    ("MOTHER UNDEC1DED AB0UT THE B0Y.", "UNDECIDED"),
])
def test_comments_fallback_reads_shorthand_and_ocr_digits(text, want):
    got = fallback.stated_decision(text)
    assert got is not None and got[0] == want


def test_comments_first_then_is_a_change_of_mind():
    from extractor.comments import turns

    assert turns._FORMER_RE.search("Father first agreed to take the girl, then said she stays.")
    assert turns._TURN_RE.search("initially wanted the boy along, but after the visit of his aunt said he stays")
