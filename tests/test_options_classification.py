"""Option text -> election label, English and Spanish, with negation and OCR slips."""
from __future__ import annotations

import pytest

from extractor.forms.option_phrases import classify_option

CASES = [
    # English
    ("I want to be reunited with my child(ren) before I am removed from the United States, "
     "and to depart together.", "reunify"),
    ("I wish to be removed WITH my child(ren).", "reunify"),
    ("I want to return with my children to my country.", "reunify"),
    ("I am choosing to return to my country of origin WITHOUT my child(ren).", "depart_without_child"),
    ("I do not wish to be reunited with my child(ren) for purposes of removal.", "depart_without_child"),
    ("I don't want to be reunified with my child before removal.", "depart_without_child"),
    ("I request to consult with legal counsel before deciding.", "consult_attorney"),
    ("I want to speak with an attorney before I make a decision.", "consult_attorney"),
    ("I will not depart without my child.", "reunify"),
    # Spanish
    ("Deseo reunirme con mi(s) hijo(s) antes de mi deportación y salir junto con ellos.", "reunify"),
    ("Deseo ser deportado(a) JUNTO CON mi(s) hijo(s).", "reunify"),
    ("Elijo regresar a mi país de origen SIN mi(s) hijo(s).", "depart_without_child"),
    ("No deseo reunirme con mi(s) hijo(s) para fines de la deportación.", "depart_without_child"),
    ("Solicito consultar con un abogado antes de decidir.", "consult_attorney"),
    ("Deseo hablar con un abogado antes de tomar una decisión.", "consult_attorney"),
    # OCR slips: "|" for I, a lost letter, merged words
    ("| want to be reunitd with my child(ren) before | am removed", "reunify"),
    ("lam choosing to return to my country of origin WITHOUT my chi1d(ren).", "depart_without_child"),
    ("peseo reunirme con mi(s) hijo(s) antes de mi deportación", "reunify"),
    ("Ido not wish to be reunited with my child(ren)", "depart_without_child"),
]


@pytest.mark.parametrize("text,label", CASES)
def test_options_classification_label(text, label):
    m = classify_option(text)
    assert m is not None and m.label == label, (text, m)


@pytest.mark.parametrize("text", [
    "U.S. Immigration and Customs Enforcement",
    "FORMULARIO DE DECISIÓN SOBRE REUNIFICACIÓN FAMILIAR",
    "You must choose ONE of the options below.",
    "I understand that I am being removed from the United States.",
    "Signature of Parent / Firma",
    "consular consular notification file",  # not "consultar con"
    "Deseo hablar con mi hijo",  # "con mi hijo" is not "sin mi hijo"
])
def test_options_classification_not_an_option(text):
    assert classify_option(text) is None, classify_option(text)


def test_options_classification_lead_clause_wins():
    # an attorney option that mentions reunification later is still the attorney option
    m = classify_option("I want to speak with an attorney before deciding whether to be "
                        "reunited with my child.")
    assert m is not None and m.label == "consult_attorney"


@pytest.mark.parametrize("text,label", [
    ("I am NOT requesting that my child(ren) be removed with me.", "depart_without_child"),
    ("I am NOT requesting that my child(ren) be r ved with me.", "depart_without_child"),  # mark over the verb
    ("NO solicito que mi(s) hijo(s) sea(n) deportado(s) conmigo.", "depart_without_child"),
    ("I request that my child(ren) depart the United States with me.", "reunify"),
    ("Solicito que mi(s) hijo(s) salga(n) de los Estados Unidos conmigo.", "reunify"),
    ("I want my child(ren) returned to me before I am removed.", "reunify"),
    ("I choose to return to my country alone. My child(ren) will stay in the United States.",
     "depart_without_child"),
    ("Desejo ser reunido(a) com meu(s) filho(s) e sair junto com ele(s).", "reunify"),
    ("Voltarei sem meu(s) filho(s).", "depart_without_child"),
    ("Desejo falar com um advogado antes de decidir.", "consult_attorney"),
])
def test_options_classification_phrasing_variants(text, label):
    m = classify_option(text)
    assert m is not None and m.label == label, (text, m)


def test_options_classification_titles_are_not_options():
    assert classify_option("ELECTION REGARDING REUNIFICATION WITH CHILD(REN)") is None


@pytest.mark.parametrize("text,label", [
    # a circle through the end of the line took "me." off it (generated seed 89)
    ("I request that my child(ren) depart the United States with", "reunify"),
    ("que mi(s) hijo(s) salga(n) de los Estados Unidos con", "reunify"),
    # a cue of the lexicon in the line still decides it
    ("My child(ren) will remain in the United States with", "depart_without_child"),
])
def test_options_classification_line_cut_before_with_me(text, label):
    m = classify_option(text)
    assert m is not None and m.label == label, m


def test_options_classification_cut_line_needs_a_departure_verb():
    assert classify_option("I understand that my child(ren) will be placed with") is None


def test_options_negated_removal_with_a_mark_garbling_conmigo():
    # a circle drawn round the line garbles its last word: "conmigo" -> "conmign>"
    m = classify_option("<Option 1: NO solicito que mi(s) hijo(s) sea(n) deportado(s) conmign>")
    assert m is not None and m.label == "depart_without_child"


def test_options_negated_removal_cut_before_me():
    # a circle drawn through the line's end (or a line break) cuts "with me" to "with"
    m = classify_option("NOT requesting that my child(ren) be removed with")
    assert m is not None and m.label == "depart_without_child"
    assert classify_option("I wish to be removed with") is None


def test_options_reunification_then_without_is_a_lost_negation():
    # "[Não] desejo ser reunido(a) ...; voltarei sem eles": both cues in one option
    # without the negation OCR dropped: departure without the child, doubtful
    m = classify_option("desejo ser reunido(a) com meu(s) filho(s); voltarei sem eles")
    assert m.label == "depart_without_child" and m.score <= 0.6
    m = classify_option("Deseo reunirme con mis hijos; regresaré sin ellos")
    assert m.label == "depart_without_child"
    # reunification alone, or a negated departure, stays reunification
    assert classify_option("Deseo reunirme con mis hijos antes de ser deportado").label == "reunify"
    assert classify_option("I want to be reunited and will not leave without my child").label == "reunify"
