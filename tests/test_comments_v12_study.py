"""General rules added in session 9 after studying heldout_v12 (validation): each test
uses invented wording and names, never a sentence of a set, and fails if its rule is
removed."""
import pytest

from extractor.comments import fallback
from extractor.comments.fields import analyze
from extractor.normalize import language_code


def _value(found, name):
    f = found.get(name)
    return f.value if f is not None else None


@pytest.mark.parametrize("text,want", [
    # Mayan languages of Guatemala beside K'iche', Mam, Q'anjob'al ...: Q'eqchi' and others
    ("Mother asks to go home with the twins. Interp by phone in Q'eqchi', #9012.", "kek"),
    ("FATHER ELECTS REUNIF W/ DAUGHTER. TEL INTERP AKATEKO 5501.", "knj"),
    ("Explained the options via Poqomchi' phone interpreter (ID 771).", "poh"),
    # "SPN", officers' three-letter code for Spanish, beside an interpreter
    ("FATHER WANTS REMOVAL W/ SON. TEL INTERP SPN 40404.", "spa"),
    ("MOTHER WAIVES REUNIF. VIA SPN INTERP.", "spa"),
    ("ADV VIA TEL INTERP #8080 (SPN) OF OPTION TO DEPART W/ CHILD.", "spa"),
])
def test_more_languages_and_the_spn_code(text, want):
    assert _value(analyze(text), "language") == want


def test_language_names_of_the_forms_reader_know_qeqchi():
    assert language_code("Q'eqchi'", fuzzy=False)[0] == "kek"
    assert language_code("Kekchi", fuzzy=False)[0] == "kek"


def test_spn_inside_a_word_is_no_language():
    assert _value(analyze("Mother waives reunification. Spoke at the SPNX desk."), "language") is None


def test_a_language_no_interpreter_was_found_for_in_the_next_sentence_is_no_language():
    text = "CALLED THE LANGUAGE LINE FOR JAKALTEKO. NO INTERP AVAILABLE. WILL RETRY."
    assert _value(analyze(text), "language") is None


@pytest.mark.parametrize("text", [
    "FATHER MADE NO DECISION ABOUT THE BOY.",
    "Mother says she does not want to make any choice this week.",
    "Subj asked for more time, flight not yet set.",
    "SUBJ WILL DECIDE AFTER SHE TALKS TO THE PASTOR.",
    "Father did not sign; he needs to speak with his mother-in-law first.",
    "Mother is not ready to decide.",
])
def test_no_choice_made_yet_is_undecided(text):
    got = fallback.stated_decision(text)
    assert got is not None and got[0] == "UNDECIDED"


def test_waiting_to_hear_from_a_lawyer_is_an_attorney_answer():
    got = fallback.stated_decision("Father is waiting to hear from his attorney about the girls.")
    assert got is not None and got[0] == "ATTORNEY"


@pytest.mark.parametrize("text", [
    "Mother will talk to her daughter on the phone first and then go home with her.",
    "No decision issue: father clearly wants to be removed with his son.",
])
def test_a_plan_to_talk_that_ends_in_a_request_is_no_undecided_answer(text):
    got = fallback.stated_decision(text)
    assert got is None or got[0] != "UNDECIDED"


@pytest.mark.parametrize("text,want", [
    ("SUBJ WANTS BOTH KIDS: (A) MARTA (B) ELIAS. TEL INTERP.", ["MARTA", "ELIAS"]),
    ("Father wants his sons (i) Tomas (ii) Ruben (iii) Nelson with him.", ["Tomas", "Ruben", "Nelson"]),
    ('SUBJ WAIVES FOR MINOR CHILD "POCHO" (REAL NAME: GILBERTO).', ["GILBERTO"]),
    ('SUBJ ELECTED TO GO WITH CHILD "BEBA" (ANA SOFIA).', ["ANA SOFIA"]),
    ("Subj waives reunif w/ minor child A.B.C. (DOB 2015).", ["A.B.C."]),
    ('SUBJ OFFERED TO DEPART WITH CHILDREN "MARISOL" AND "DYLAN".', ["MARISOL", "DYLAN"]),
    ("SIGNED FORM ELECTING TO DEPART WITH HIS CHILD (SON, RAFAEL ELIAS).", ["RAFAEL ELIAS"]),
    ("SUBJ WANTS TO GO HOME WITH HER KIDS. NAMES: MARIBEL ROSA, JOSUE DAVID.", ["MARIBEL ROSA", "JOSUE DAVID"]),
    ("Father wants both of his little ones with him, names are Tito and Luna.", ["Tito", "Luna"]),
    ("Mother wants both girls to stay with the aunt. Girls: Noemi and Ruth Cac.", ["Noemi", "Ruth Cac"]),
])
def test_children_named_in_more_list_styles(text, want):
    assert _value(analyze(text), "child_names") == want


@pytest.mark.parametrize("text", [
    "SUBJ WAIVES. CHILD IS U.S. CITIZEN.",
    "Subject was told where her child is (Casa Norte, Yuma) and waives.",
    "DO informed subject of the location for her son (Casa Azul, Tucson).",
    "SUBJ ADVISED OF OPTION TO TAKE HIS CHILD. INTERVIEW INTERRUPTED FOR COUNT.",
    "OFFICER COULD NOT ADVISE SUBJ OF OPTION TO GO W/ CHILD DUE TO A LOCKDOWN.",
    "SUBJ WOULD NOT DISCUSS HER SON W/ WRITER.",
    "SUBJ MAY DEPART WITH HIS CHILD. DO TO COME BACK W/ FORM FOR SUBJ'S ANSWER.",
])
def test_no_child_name_in_places_and_officers_words(text):
    assert _value(analyze(text), "child_names") is None


@pytest.mark.parametrize("text,want", [
    ("Mother not advised of options: no Jakalteko interpreter was available.", None),
    ("Father waives. Akateko interpreter not available; interview held through a Spanish interpreter.", "spa"),
])
def test_a_language_no_interpreter_could_be_had_for_is_not_the_conversations(text, want):
    assert _value(analyze(text), "language") == want
