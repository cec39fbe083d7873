"""Rule-based comment fields: languages, interpreter/fluency, witness, child names."""
import pytest

from extractor.comments.fields import analyze


@pytest.mark.parametrize("text,code", [
    ("Via telephonic interpreter (Language Line #123) in Spanish.", "spa"),
    ("Interview conducted in Portuguese w/ Lionbridge interpreter.", "por"),
    ("Haitian Creole interpreter (J. Pierre) used for this conversation.", "hat"),
    ("Using K'iche' interpreter Rosa Tum, subject was advised.", "quc"),
    ("SUBJ ADVISED OF OPTION TO REUNIFY W/ SON VIA TEL INTERP (MAM). DECLINED.", "mam"),
    ("Interview language: Q'anjob'al.", "kjb"),
    ("Advised in Kaqchikel.", "cak"),
    ("Via telephonic interpreter (Diego Ixcot) in Achí.", "acr"),
    ("Interview conducted in IXIL w/ interpreter.", "ixl"),
    ("Talked it through in Spanish myself (fluent).", "spa"),
    ("Interview conducted in English; subject is fluent.", "eng"),
    ("Form explained in English and Spanish by this officer.", "spa"),
])
def test_comments_each_language(text, code):
    assert analyze(text)["language"].value == code


def test_comments_country_is_not_a_language():
    assert analyze("Subject will not bring the boy back to Guatemala.")["language"] is None
    assert analyze("The mother says the boy must never go back to Haiti.")["language"] is None


@pytest.mark.parametrize("text,expected", [
    ("ADVISED IN SPANISH. Subject declined.", False),
    ("Interview language: Mam.", False),
    ("Phone interpreter (Language Line #71162) used, Spanish.", True),
    ("SUBJ ADVISED VIA INTERP.", True),
    ("ERO O'Brien (fluent Spanish) spoke w/ subject.", True),
    ("I grew up bilingual; native Spanish speaker, so no interpreter.", True),
    ("No interpreter was available; advised in English.", False),
])
def test_comments_interpreter_or_fluency(text, expected):
    assert analyze(text)["interpreter_or_fluent"].value is expected


@pytest.mark.parametrize("text,name", [
    ("Oral waiver taken. Witnessed by AFOD M. Miller.", "AFOD M. Miller"),
    ("IN THE PRESENCE OF DO KOWALSKI.", "DO KOWALSKI"),
    ("Subj prefers the boy remain here. AFOD Marit Szabo-Quaye present as witness.", "AFOD Marit Szabo-Quaye"),
    ("Ms. Pú would not take the girl along. DO H. Miller present as witness.", "DO H. Miller"),
    ("Refused to take son back. IN THE PRESENCE OF K. THOMPSON.", "K. THOMPSON"),
])
def test_comments_witness_as_written(text, name):
    assert analyze(text)["witness_name"].value == name


def test_comments_no_witness():
    assert analyze("Subject declined reunification with her son.")["witness_name"] is None


@pytest.mark.parametrize("text,names", [
    ("PA says she is not going anywhere without her daughter Yésica.", ["Yésica"]),
    ("Told her that were she to go without her son (Ulises Batén Xocop), he stays with ORR.",
     ["Ulises Batén Xocop"]),
    ("SON ÉDGAR TZOC PÚ NOW AT A CHILDREN'S SHELTER IN EL PASO.", ["ÉDGAR TZOC PÚ"]),
    ("SUBJ WILL NOT BRING SON BACK TO GUATEMALA, SAYS SON IS SAFER HERE.", None),
    ('MS. TIUL SAID "MI HIJA SE QUEDA CON SU ABUELA".', None),
    ("SUBJ ADVISED OF OPTION TO REUNIFY W/ SON VIA TEL INTERP (MAM). DECLINED.", None),
])
def test_comments_child_names(text, names):
    f = analyze(text)["child_names"]
    assert (None if f is None else f.value) == names


def test_comments_evidence_span_points_into_the_text():
    text = "Travel docs pending. Witnessed by SDDO K. Brown."
    f = analyze(text)["witness_name"]
    a, b = f.span
    assert text[a:b] == "SDDO K. Brown"


def test_comments_pipeline_components_find_officers_a_numbers_dates():
    from extractor.comments.nlp import get_nlp

    doc = get_nlp()("On 06/02/2018 AFOD Wilhelmina Oyarzun met A# 208-123-456 with SDDO K. Brown. "
                    "TEL INTERP (MAM).")
    assert [s.text for s in doc.spans["officers"]] == ["AFOD Wilhelmina Oyarzun", "SDDO K. Brown"]
    assert {s.label_ for s in doc.spans["rules"]} == {"A_NUMBER", "DATE"}
    assert {(e.label_, e.ent_id_ or e.text.lower()) for e in doc.ents} >= {("LANGUAGE", "mam"), ("INTERP", "tel interp")}
    assert get_nlp() is get_nlp()  # built once per process
    assert get_nlp().pipe_names == ["comment_clauses", "entity_ruler", "comment_regex_ents",
                                    "comment_officers", "comment_classifier"]


@pytest.mark.parametrize("text,interp,lang", [
    ("PA advised, Spanish lnterp on the phone.", True, "spa"),        # OCR l for i
    ("Subj spoke through an interpretr (Mam).", True, "mam"),         # a typing slip
    ("No lnterpreter available; advised in English.", False, "eng"),  # negated stays negated
])
def test_comments_interpreter_word_misspelt_or_ocr_damaged(text, interp, lang):
    f = analyze(text)
    assert f["interpreter_or_fluent"].value is interp
    assert f["language"].value == lang


@pytest.mark.parametrize("text,name", [
    ("Subj declined. WIT DO B. Karlsson.", "DO B. Karlsson"),
    ("Oral waiver. Witness SDDO L. Marchetti.", "SDDO L. Marchetti"),
    ("WITNSED BY AFOD P. NWOSU.", "AFOD P. NWOSU"),
    ("Waiver heard; Witness: IEA T. Okafor-Lind.", "IEA T. Okafor-Lind"),
])
def test_comments_witness_shorthand_and_misspelt(text, name):
    assert analyze(text)["witness_name"].value == name


def test_comments_witness_word_without_a_name_is_no_witness():
    assert analyze("WITNESS STATEMENT PENDING.")["witness_name"] is None


@pytest.mark.parametrize("text,code", [
    ("SUBJ WILL GO ALONE. TEL INTERP SPAN.", "spa"),
    ("Sp. interp by phone; subj asked for her son to come with her.", "spa"),
    ("REQUESTS REUNIF W/ DAUGHTER. VIA INTERP ESP.", "spa"),
    ("LAWYER CONSULT PER SUBJ. PORT.", "por"),
])
def test_abbreviated_language_beside_an_interpreter_or_alone(text, code):
    assert analyze(text)["language"].value == code


@pytest.mark.parametrize("text", [
    "Subj transported to the port of entry for removal.",
    "Span of the visit: two hours.",
])
def test_words_that_look_like_abbreviations_are_no_language(text):
    found = analyze(text)["language"]
    assert found is None or found.value is None
