"""General rules for people and languages added in session 9 after studying heldout_v11
(validation): each test uses invented wording and names, never a sentence of a set, and
fails if its rule is removed."""
import pytest

from extractor.comments import languages
from extractor.comments.fields import analyze
from extractor.comments.people import children, witness


def _value(found, name):
    f = found.get(name)
    return f.value if f is not None else None


@pytest.mark.parametrize("text,want", [
    ("Choice heard by Supervisory Detention and Deportation Officer Wilma Okafor-Lind.",
     "Supervisory Detention and Deportation Officer Wilma Okafor-Lind"),
    ("ORAL ONLY. WIT DO R. ST. JAMES.", "DO R. ST. JAMES"),
    ("Witness to signing: SDDO Petra Vukovic. Form signed by subj.", "SDDO Petra Vukovic"),
    ("Oral waiver, witnessed SDDO Quill-Marsh", "SDDO Quill-Marsh"),
])
def test_witness_titles_written_out_and_saint_names(text, want):
    assert witness(text)[0] == want


@pytest.mark.parametrize("text,want", [
    ("SUBJ WANTS REMOVAL WITH UAC DORA ELENA AND UAC LUIS FELIPE.", ["DORA ELENA", "LUIS FELIPE"]),
    ("UAC TEO (4) AND UAC NINA (1) LISTED ON THE I-213.", ["TEO", "NINA"]),
    ("SUBJ'S SON NAMED IN THE REFERRAL: OMAR ISAI. SON IS 9 YRS OLD.", ["OMAR ISAI"]),
])
def test_child_lists_in_capitals(text, want):
    assert children(text)[0] == want


@pytest.mark.parametrize("text", [
    "ORR CONFIRMED UAC LOCATION: HOGAR LUZ, VALLE. SUBJ INFORMED.",
    "SUBJ SAID 'NAO VOU LEVAR MINHA FILHA AGORA'. SUBJ REQ REMOVAL TOGETHER.",
    "SUBJ ADV 0F 0PTI0N T0 GO W/ CHI LD. SUBJ WILL GO W/ HER S0N.",
    "ADV SUBJ OF OPT TO GO W/ CHILD (POR, DO FLUENT).",
    "SUBJ DOES NOT WANT ATTY. SUBJ WILL NOT TAKE CHILD.",
    "INTERVIEW VIA IN-PERSON INTERP. SUBJ WANTS HIS SON.",
    "SUBJ NOT WILLING TO TAKE HER SON, STATES SON HAS A HEARING.",
    "OPTIONS: (1) GO W/ CHILD (2) GO W/O CHILD (3) CONSULT ATTY.",
])
def test_words_that_are_no_child_names(text):
    assert children(text) is None


@pytest.mark.parametrize("text,want", [
    ("IO FLUENT POR.", "por"), ("DO SPANISH FLUENT.", "spa"), ("SUBJ SAID NO. IO FRENCH.", "fra"),
    ("IO SPOKE WITH SUBJ IN PORTUGUESE.", "por"), ("Entrevista hecha. Oficial habla espanol.", "spa"),
    ("Explained in French by this officer.", "fra"), ("Officer is a Portuguese speaker.", "por"),
    ("Talked w/ DO Marsh in Spanish about the kids.", "spa"),
])
def test_officer_fluency_in_shorthand(text, want):
    assert languages.officer_fluent(text)[0] == want
    got = analyze(text)
    assert _value(got, "language") == want and _value(got, "interpreter_or_fluent") is True


@pytest.mark.parametrize("text,want", [
    ("reunif w/ kids requested. tel interp por.", "por"), ("TEL INTERP 55555 cak", "cak"),
    ("INTERP MAM TEL #1212.", "mam"), ("TEL INTERP IXL ID 3434.", "ixl"),
    ("told via interp (por, phone #8080) that", "por"),
])
def test_codes_beside_an_interpreter(text, want):
    assert languages.coded_language(text)[0] == want


def test_a_spanish_word_after_interp_is_no_code():
    assert languages.coded_language("INTERP POR TELEFONO") is None


def test_a_language_in_a_double_surname_is_no_language():
    got = analyze("Subj will go alone. Witness: DO Paula Castellano-Reyes.")
    assert _value(got, "language") is None


def test_the_interview_language_wins_over_what_the_parent_speaks():
    got = analyze("Subj speaks Mam and a little Spanish. Interview held in Spanish by phone interp.")
    assert _value(got, "language") == "spa"
    got = analyze("Subj speaks Ixil and limited Spanish; an Ixil interpreter was used.")
    assert _value(got, "language") == "ixl"


@pytest.mark.parametrize("text", [
    "DO X WILL SERVE THE FORM ON SUBJ NEXT WEEK W/ MAM INTERP.",
    "In-person interp requested from vendor, ETA Monday.",
])
def test_an_interpreter_only_planned_is_none(text):
    got = analyze(text)
    assert _value(got, "interpreter_or_fluent") is False
    assert _value(got, "language") is None


def test_an_unavailable_interpreter_named_after_a_title():
    got = analyze("Phone interp (Mam) Sr. Lopez unavailable today. Visit moved.")
    assert _value(got, "language") is None and _value(got, "interpreter_or_fluent") is False


@pytest.mark.parametrize("text,want", [
    ("Mother wants to take her kids: 1) Oriana 2) Tadeo.", ["Oriana", "Tadeo"]),
    ("CHILDREN: 1. YOLIBETH 2. ANDRIK. PA WANTS BOTH.", ["YOLIBETH", "ANDRIK"]),
    ('Father requests removal with son Ismael "Lalo" Quintero.', ['Ismael "Lalo" Quintero']),
    ("Mother asks that her baby girl Ainhoa be returned to her.", ["Ainhoa"]),
])
def test_numbered_lists_nicknames_and_baby_girls(text, want):
    assert children(text)[0] == want


def test_a_number_with_no_list_is_left_alone():
    assert children("Son is 2. Mother wants him.") is None


@pytest.mark.parametrize("text,want", [
    ("Witness present: SDDO Greta Holm.", "SDDO Greta Holm"),
    ("Witnessing officer: DO Ivo Marek.", "DO Ivo Marek"),
    ("Decision heard by myself and SDDO Aiko Mori.", "SDDO Aiko Mori"),
    ("Also present: AFOD T. Okoro.", "AFOD T. Okoro"),
    ("SDDO B. Falk (witness).", "SDDO B. Falk"),
])
def test_more_witness_labels(text, want):
    assert witness(text)[0] == want


def test_also_present_needs_a_title():
    assert witness("Also present: his cousin.") is None
