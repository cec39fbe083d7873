"""When the hand model's reading of a name's crop replaces the page's (the model's
readings stubbed): only for a doubtful first reading, only when the model is sure
enough and reads a name at least as name-like; never for a value the page read as not
a name at all; a one-line list of children's names only with as many names."""
import numpy as np
import pytest

from extractor.forms import names_reread as NR
from extractor.model import Field, Page


def _page():
    return Page(number=1, width=100, height=100, dpi=300, image=np.full((100, 100), 255, np.uint8))


def _improve(value, conf, hand, monkeypatch, eng=("", 0.0)):
    monkeypatch.setattr(NR.hand_ocr, "available", lambda: True)
    monkeypatch.setattr(NR.hand_ocr, "read", lambda image, bbox, pad_x=40: hand)
    monkeypatch.setattr(NR, "_read", lambda image, bbox, pad_x: eng)
    field = Field(value=value, confidence=conf, page=1, bbox=(10, 10, 90, 30), provenance="label:x")
    return NR.improve("official_name", field, [], _page(), 20.0, (0.0, 1e9),
                      lambda s: " ".join(s.split()), lambda s: s.lower() == "interpreter")


def test_names_reread_hand_replaces_a_doubtful_reading(monkeypatch):
    out, calls = _improve("Y Bada Pak", 0.74, ("AFOD Nadia Marsh", 0.83), monkeypatch)
    assert out.value == "AFOD Nadia Marsh" and "(hand model)" in out.provenance
    assert out.confidence <= NR.CROP_CONF_CAP and calls == 2  # one eng+spa crop reading, one hand


def test_names_reread_hand_keeps_a_sure_or_better_reading(monkeypatch):
    # a first reading at or above HAND_BELOW is not given to the model
    out, _ = _improve("Tomás Xol", NR.HAND_BELOW, ("Jomás Xol", 0.99), monkeypatch)
    assert out.value == "Tomás Xol"
    # the model unsure of its reading
    out, _ = _improve("Y Bada Pak", 0.5, ("AFOD Nadia Marsh", NR.HAND_MIN_CONF - 0.01), monkeypatch)
    assert out.value != "AFOD Nadia Marsh"
    # the model's reading less like a name than the page's
    out, _ = _improve("Nora Hughes", 0.6, ("Nora Hu9hes", 0.9), monkeypatch)
    assert out.value == "Nora Hughes"
    # a name-like page reading a letter away from the model's: the page's stays
    out, _ = _improve("Alicia Ostrowski", 0.6, ("Alicia Qstrowski", 0.9), monkeypatch)
    assert out.value == "Alicia Ostrowski"
    # the model's reading is not a name at all
    out, _ = _improve("Nora Hughes", 0.6, ("Interpreter", 0.9), monkeypatch)
    assert out.value == "Nora Hughes"


def test_names_reread_hand_leaves_a_value_rejected_as_no_name(monkeypatch):
    # printed label words where the name goes, misread by the model, would pass for a
    # name ("Deportation Officer" -> "Deponaion Otticer"): a false pass
    out, calls = _improve(None, 0.3, ("Deponaion Otticer", 0.9), monkeypatch)
    assert out.value is None and calls == 1
    # ... unless the list of names knows every word the model reads there
    out, _ = _improve(None, 0.3, ("Wilmer Quiónez Martínez", 0.79), monkeypatch)
    assert out.value == "Wilmer Quiónez Martínez" and "(hand model)" in out.provenance
    out, _ = _improve(None, 0.3, ("Wilmer Detained", 0.95), monkeypatch)
    assert out.value is None


@pytest.mark.parametrize("page,conf,hand,expected", [
    # both name-like and a letter apart: the reading whose words the list knows wins,
    # down to HAND_MIN_CONF_VOUCHED
    ("Rosa Raos", 0.69, ("Rosa Ramos", 0.86), "Rosa Ramos"),
    ("Rubén Odxñez", 0.6, ("Rubén Ordóñez", NR.HAND_MIN_CONF_VOUCHED), "Rubén Ordóñez"),
    ("Rosa Ramos", 0.69, ("Rosa Raos", 0.95), "Rosa Ramos"),
    # the list knows the page's words as well: the lower confidence is not enough
    ("Rosa Ramos", 0.69, ("Rosa Rivas", 0.55), "Rosa Ramos"),
])
def test_names_reread_hand_list_of_names_settles_a_letter_apart(page, conf, hand, expected,
                                                                monkeypatch):
    out, _ = _improve(page, conf, hand, monkeypatch)
    assert out.value == expected


def test_names_reread_hand_reads_a_sure_reading_that_is_no_name(monkeypatch):
    # at or above HAND_BELOW, a bare name that does not look like one is still read
    out, _ = _improve("Werd y [Samos", 0.84, ("Wanda Ramos", 0.81), monkeypatch)
    assert out.value == "Wanda Ramos"
    # an agency and its number are not names: not given to the model
    out, calls = _improve("CommGap #41926", 0.84, ("CommGap #41928", 0.9), monkeypatch)
    assert out.value == "CommGap #41926" and calls == 1  # the eng+spa crop reading only


def test_names_reread_hand_comes_after_agreeing_crop_readings(monkeypatch):
    out, calls = _improve("IEA R. HADDAO", 0.7, ("IEA R. HadDdad", 0.9), monkeypatch,
                          eng=("IEA R. HADDAD", 0.9))
    assert out.value == "IEA R. HADDAD" and "(re-read)" in out.provenance and calls == 2


def test_names_reread_hand_children_needs_as_many_names(monkeypatch):
    monkeypatch.setattr(NR.hand_ocr, "available", lambda: True)
    split = lambda s: [p.strip() for p in s.split(";") if p.strip()]  # noqa: E731
    field = Field(value=["Rosa Méndez Ps"], confidence=0.7, page=1, bbox=(10, 10, 500, 80))
    monkeypatch.setattr(NR.hand_ocr, "read", lambda image, bbox, pad_x=40: ("Rosa Méndez Pop", 0.8))
    assert NR.improve_children(field, _page(), split, lambda s: False).value == ["Rosa Méndez Pop"]
    monkeypatch.setattr(NR.hand_ocr, "read", lambda image, bbox, pad_x=40: ("Rosa Méndez; Pop", 0.8))
    assert NR.improve_children(field, _page(), split, lambda s: False) is field
    # a table's box (several lines) is left alone
    tall = Field(value=["Rosa Méndez Ps"], confidence=0.7, page=1, bbox=(10, 10, 500, 300))
    assert NR.improve_children(tall, _page(), split, lambda s: False) is tall


def test_names_reread_hand_children_pieces_of_one_name_joined(monkeypatch):
    # the page split one name in pieces of one word: the model's reading, all names
    # the list knows, may have fewer names; two full names are never merged into one
    monkeypatch.setattr(NR.hand_ocr, "available", lambda: True)
    split = lambda s: [p.strip() for p in s.split(";") if p.strip()]  # noqa: E731
    monkeypatch.setattr(NR.hand_ocr, "read", lambda image, bbox, pad_x=40: ("Estefanía Pérez Pop", 0.8))
    pieces = Field(value=["Estela", "Pop"], confidence=0.7, page=1, bbox=(10, 10, 500, 80))
    assert NR.improve_children(pieces, _page(), split, lambda s: False).value == ["Estefanía Pérez Pop"]
    monkeypatch.setattr(NR.hand_ocr, "read",
                        lambda image, bbox, pad_x=40: ("Méndez Pop Sofía Méndez Ramírez", 0.8))
    two = Field(value=["Méndez Po", "Sofa Méndez Kimi"], confidence=0.7, page=1, bbox=(10, 10, 500, 80))
    assert NR.improve_children(two, _page(), split, lambda s: False) is two


def test_names_reread_hand_not_taken_with_fewer_known_names(monkeypatch):
    # the model's reading is more name-like than the page's "MArisol" but has fewer
    # names the list knows: the page's stands (and the list corrects "Lépez" later)
    out, _ = _improve("MArisol Chávez Lépez", 0.6, ("Xarisol Cháwez López", 0.8), monkeypatch)
    assert out.value == "MArisol Chávez Lépez"
