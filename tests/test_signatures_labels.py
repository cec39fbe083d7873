"""Finding signature labels and whose line each is: by the label's own words (English,
Spanish, OCR typos), by the block heading above a bare "Signature", and never a date,
name or witness line."""
from __future__ import annotations

from extractor.model import Page, Word
from extractor.forms.signature_labels import find_labels, segments
from extractor.forms.signatures import read_signatures
from signatures_drawing import blank, text


def _page(rows: list[tuple[int, int, str]]) -> Page:
    """Words rendered at (x, y) for each row text, as a perfect OCR would give them."""
    img = blank(2550, 3300)
    words: list[Word] = []
    for i, (x, y, s) in enumerate(rows):
        words += text(img, (x, y), s, 30, (i + 1, 1, 1))
    return Page(number=1, width=2550, height=3300, dpi=300.0, words=words, image=img)


def _roles(page: Page) -> dict[str, str]:
    return {lab.segment.text: lab.role for lab in find_labels(page)}


def test_signatures_labels_roles_from_own_words():
    page = _page([
        (200, 1000, "Signature of Parent / Firma del padre o madre"),
        (1450, 1000, "Date / Firmado el"),
        (200, 1300, "Officer signature / Firma del oficial"),
        (200, 1600, "Supervisor signature"),
    ])
    roles = _roles(page)
    assert roles == {"Signature of Parent / Firma del padre o madre": "parent",
                     "Officer signature / Firma del oficial": "official",
                     "Supervisor signature": "supervisor"}


def test_signatures_labels_fuzzy_ocr_typos_and_spanish():
    page = _page([(200, 1000, "Signatur of Parnet"), (200, 1300, "Firma del oficial")])
    roles = _roles(page)
    assert roles.get("Signatur of Parnet") == "parent"
    assert roles.get("Firma del oficial") == "official"


def test_signatures_labels_date_and_name_lines_are_not_signature_lines():
    page = _page([
        (200, 900, "Date signed / Firmado el"),
        (200, 1000, "Signed on"),
        (1450, 1000, "Date of signature / Fecha de firma"),
        (200, 1100, "Name of official present (print): S. O'Brien"),
        (200, 1200, "Nombre del oficial presente: ERO E. Johnson"),
    ])
    assert find_labels(page) == []


def test_signatures_labels_bare_signature_takes_its_block_heading():
    page = _page([
        (200, 1000, "Signature of Parent"),
        (1450, 1000, "Date"),
        (220, 1400, "WITNESS / TESTIGO"),
        (220, 1500, "Name (print):"),
        (1450, 1700, "Signature"),
        (220, 1900, "SUPERVISORY REVIEW / REVISION DEL SUPERVISOR"),
        (220, 2000, "I have reviewed this election and confirm the parent was advised of all options."),
        (1450, 2200, "Signature / Firma"),
    ])
    labs = find_labels(page)
    by_y = {round(lab.segment.bbox[1], -2): lab.role for lab in labs}
    assert by_y == {1000: "parent", 1700: "witness", 2200: "supervisor"}


def test_signatures_labels_bare_firma_beside_date_is_the_parents():
    """A Spanish-only form: the interpreter's name field above says nothing about whose
    line it is; the first unexplained signature line on a parent's form is the parent's."""
    page = _page([
        (200, 1400, "Interpretado por:"),
        (200, 1620, "Firma"),
        (1550, 1620, "Firmado el"),
        (200, 1800, "Nombre del oficial presente:"),
        (200, 1950, "Firma del oficial"),
    ])
    labs = {lab.segment.text: (lab.role, lab.how) for lab in find_labels(page)}
    assert labs["Firma"] == ("parent", "first-bare")
    assert labs["Firma del oficial"][0] == "official"


def test_signatures_labels_segments_split_at_wide_gaps():
    page = _page([(200, 1000, "Parent's signature"), (1450, 1000, "Date signed")])
    texts = [s.text for s in segments(page.words)]
    assert "Parent's signature" in texts and "Date signed" in texts


def test_signatures_labels_absent_lines_are_none():
    """No supervisor block -> supervisor_signed None; no signature labels at all (an
    attachment page) -> all None; pages without an image are skipped."""
    page = _page([(200, 1000, "Signature of Parent"), (200, 1300, "Officer signature")])
    out = read_signatures([page])
    assert out["supervisor_signed"] is None
    assert out["parent_signed"] is not None and out["official_signed"] is not None
    other = _page([(200, 400, "Property inventory: one backpack, two shirts")])
    assert read_signatures([other]) == {"parent_signed": None, "official_signed": None,
                                        "supervisor_signed": None}
    page.image = None
    assert read_signatures([page])["parent_signed"] is None


def test_signatures_labels_portuguese_and_interesado():
    page = _page([
        (200, 1000, "Assinatura do responsável"),
        (1450, 1000, "Data da assinatura:"),
        (200, 1300, "Assinatura do oficial"),
        (1450, 1600, "Assinatura da testemunha"),
        (1450, 1900, "Assinatura do supervisor"),
        (200, 2200, "Firma del interesado"),
    ])
    roles = _roles(page)
    assert roles == {"Assinatura do responsável": "parent", "Assinatura do oficial": "official",
                     "Assinatura da testemunha": "witness",
                     "Assinatura do supervisor": "supervisor", "Firma del interesado": "parent"}


def test_signatures_labels_word_box_swollen_by_ink_stays_in_its_row():
    """OCR often gives the first label word a box that includes the signature crossing
    it; the label must not fall apart into "Signature" and "of officer"."""
    page = _page([(200, 1000, "Signature of officer")])
    first = page.words[0]
    first.bbox = (first.bbox[0], first.bbox[1] - 5, first.bbox[2], first.bbox[3] + 40)
    assert [(lab.segment.text, lab.role) for lab in find_labels(page)] == [
        ("Signature of officer", "official")]
