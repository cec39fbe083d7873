"""A label's field comes from its role words, so unseen wordings still land right."""
import pytest

from extractor.forms.roles import label_field


@pytest.mark.parametrize("label,field", [
    ("Nombre del funcionario", "official_name"),
    ("Deportation Officer", "official_name"),
    ("Officer present / Oficial de ICE (nombre):", "official_name"),
    ("Oficial do ICE (nome)", "official_name"),
    ("Reviewing supervisor / Supervisor (nombre):", "supervisor_name"),
    ("Witness name / Nombre del testigo", "witness_name"),
    ("Nome da testemunha", "witness_name"),
    ("Minor's A#:", "child_a_numbers"),
    ("A# del niño/niña", "child_a_numbers"),
    ("A-Number of parent", "parent_a_number"),
    ("File No. (A#) / Número de extranjero (A#):", "parent_a_number"),
    ("Parent/Legal Guardian Name", "parent_name"),
    ("Nombre completo del adulto:", "parent_name"),
    ("Name(s) of child(ren) separated from parent", "child_names"),
    ("Nome da(s) cranca(s)", "child_names"),     # one OCR slip in a role word
    ("Today's date / Fecha:", "date_signed"),
    ("Date / Firmado el", "date_signed"),
    ("Read aloud to the parent in", "read_in_language"),
    ("Language of interview:", "read_in_language"),
    ("Interpreter (if used):", "interpreter_name"),
    ("Name:", "_generic_name"),
])
def test_label_field_roles(label, field):
    assert label_field(label) == field


@pytest.mark.parametrize("label", [
    "Signature of ICE official", "Firma del padre/madre", "Date of birth", "Case No.",
    "País de origen:", "Relationship", "Fecha (oficial):", "Supervisor signature",
    "Office:", "Centro de detención",
])
def test_label_field_printed_fields_that_are_not_ours(label):
    assert label_field(label) == ""


def test_label_field_none_for_text_without_roles():
    assert label_field("Check ONE box") is None
