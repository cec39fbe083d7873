"""Witness and child names in the forms officers write them (issue 14g): invented entries,
none taken from a data set or dev."""
import pytest

from extractor.comments.fields import analyze


@pytest.mark.parametrize("text,name", [
    ("Parent declined reunification. AFOD Ostrowski witness.", "AFOD Ostrowski"),
    ("Father signed the form; DO Pellegrini wit.", "DO Pellegrini"),
    ("Mother wants to go alone. W: SDDO Halvorsen", "SDDO Halvorsen"),
    ("subj signed, wants son back. wit DO quintero", "DO quintero"),
    ("La mère refuse le départ avec sa fille. Témoin: agent P. Lemaire.", "agent P. Lemaire"),
    ("PAI DISSE QUE NAO LEVA A FILHA. TESTEMUNHA: DO ARANTES.", "DO ARANTES"),
    ("Subj declined the option. Wltness: D0 Kowalczyk.", "DO Kowalczyk"),
])
def test_comments_witness_forms(text, name):
    found = analyze(text)["witness_name"]
    assert found is not None and found.value.replace("0", "O") == name


@pytest.mark.parametrize("text", [
    "Father spoke with DO Marsh about his son. He will go alone.",
    "SUBJ WANTS CHILD TO STAY W/ FAMILY IN US.",
    "Mother declined to take the UAC. No witness present.",
])
def test_comments_no_witness_or_no_child_name(text):
    fields = analyze(text)
    assert fields["witness_name"] is None
    assert fields["child_names"] is None


@pytest.mark.parametrize("text,names", [
    ("Madre dijo que su hija Rocio se queda con la abuela.", ["Rocio"]),
    ("Mãe quer viajar com o filho Thiago.", ["Thiago"]),
    ("Le père veut partir avec son fils Ibrahima.", ["Ibrahima"]),
    ("Father has 2 kids in ORR (Alexis 8, Noemi 5); he will leave them.", ["Alexis", "Noemi"]),
    ("SUBJ WANTS HIS 3 CHILDREN RETURNED BEFORE REMOVAL: JOSE LUIS, MILAGRO AND ERICK.",
     ["JOSE LUIS", "MILAGRO", "ERICK"]),
    ("Mother will not take Dariela with her; grandmother will sponsor.", ["Dariela"]),
    ("Subj wants all 2 with him (Cristian, Yesenia).", ["Cristian", "Yesenia"]),
    ("Parent has two children in ORR. Asked to be removed with Anthony and Keyla.", ["Anthony", "Keyla"]),
    ("Subj leaving her 4 yr old (Ana Sofia) in the US.", ["Ana Sofia"]),
])
def test_comments_child_names_in_lists_and_as_objects(text, names):
    found = analyze(text)["child_names"]
    assert found is not None and found.value == names


@pytest.mark.parametrize("text", [
    "Subj will travel with Language Line interpreter help; wants the child with her.",
    "Subject was informed of the location of his son (Casa Blanca, Tucson).",
    "Father wants to take the boy back to Honduras.",
    "Mother spoke with Maribel, her sister, and will leave the child.",
])
def test_comments_no_child_name_from_places_people_or_services(text):
    assert analyze(text)["child_names"] is None

