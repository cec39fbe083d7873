"""read_signatures on rendered form tails (perfect OCR words): each role reads its own
line, a date written beside the parent's line and a signed witness line never leak into
another role, and absent blocks give None."""
from __future__ import annotations

import itertools

import pytest

from extractor.forms.signature_labels import find_labels
from extractor.forms.signatures import read_signatures
from signatures_drawing import add_noise, mini_form


def _values(page):
    return {k: (None if f is None else f.value) for k, f in read_signatures([page]).items()}


@pytest.mark.parametrize("parent,officer", list(itertools.product([True, False], repeat=2)))
def test_signatures_forms_parent_and_officer(parent, officer):
    assert _values(mini_form(parent, officer, None)) == {
        "parent_signed": parent, "official_signed": officer, "supervisor_signed": None}


@pytest.mark.parametrize("supervisor,witness", [(True, False), (False, True), (False, False)])
def test_signatures_forms_supervisor_block_not_confused_with_witness(supervisor, witness):
    out = _values(mini_form(False, True, supervisor, witness=witness))
    assert out == {"parent_signed": False, "official_signed": True, "supervisor_signed": supervisor}


@pytest.mark.parametrize("kind", ["saltpepper", "blur", "shadow", "fax"])
def test_signatures_forms_degraded_scans(kind):
    page = mini_form(True, False, False, witness=True)
    page.image = add_noise(page.image, kind, seed=11)
    assert _values(page) == {"parent_signed": True, "official_signed": False,
                             "supervisor_signed": False}


def test_signatures_forms_field_carries_evidence_and_region():
    page = mini_form(True, False, True)
    f = read_signatures([page])["parent_signed"]
    assert f.provenance == "ink" and f.page == 1 and f.present is True
    assert f.evidence == "Signature of Parent / Firma del padre o madre"
    x0, y0, x1, y1 = f.bbox
    # the parent's region is above the rule at y=480 and stops before the Date column
    assert y0 < 480 < y1 <= 480 + 60 and x0 < 300 and x1 <= 1450
    assert 0.6 <= f.confidence <= 1.0
    s = read_signatures([page])["supervisor_signed"]
    assert s.evidence == "Signature / Firma" and s.bbox[0] > 1300


@pytest.mark.parametrize("signed", [True, False])
def test_signatures_forms_inline_label_with_rule_to_the_right(signed):
    """"Parent's signature: ________": the rule starts after the label on its row."""
    from extractor.model import Page
    from signatures_drawing import blank, cursive, rule, text
    img = blank(2000, 600)
    words = text(img, (100, 330), "Parent's signature:", 34)
    x1 = int(max(w.bbox[2] for w in words))
    rule(img, x1 + 20, x1 + 1000, 365)
    if signed:
        cursive(img, x1 + 80, 361, seed=2)
    f = read_signatures([Page(1, 2000, 600, 300.0, words=words, image=img)])["parent_signed"]
    assert f.value is signed and f.bbox[0] >= x1 - 40


def test_signatures_forms_attachment_page_does_not_win_ties():
    """An unrelated attachment ending in a bare, unsigned "Signature" line comes first;
    the form's own bare parent line (signed) on page 2 is the one read."""
    from extractor.model import Page
    from signatures_drawing import blank, cursive, rule, text
    att = blank(2550, 1200)
    words = text(att, (200, 300), "Property receipt: one backpack, two shirts", 34)
    rule(att, 200, 1100, 900)
    words += text(att, (200, 915), "Signature", 30, (2, 1, 1))
    words += text(att, (1450, 915), "Date", 30, (3, 1, 1))
    attachment = Page(1, 2550, 1200, 300.0, words=words, image=att)
    form = mini_form(True, False, None)
    form.number = 2
    for w in form.words:  # the form's parent label is a bare "Firma" here
        if (w.text != "Firma" and 480 < w.bbox[1] < 560 and w.bbox[0] < 1400) or w.bbox[1] < 250:
            w.text = ""
    assert [lab.how for lab in find_labels(form) if lab.role == "parent"] == ["first-bare"]
    assert [lab.how for lab in find_labels(attachment)] == ["first-bare"]
    f = read_signatures([attachment, form])["parent_signed"]
    assert f.page == 2 and f.value is True


def test_signatures_forms_signature_read_as_a_short_word_still_counts():
    """Tesseract can read a signature as a confident short "word" ("SN", 0.85): that
    box must not be masked as printed text, while a long confident word is."""
    from extractor.model import Word
    page = mini_form(True, False, None)
    page.words.append(Word("SN", 0.85, (270.0, 380.0, 700.0, 478.0), (90, 1, 1)))
    assert read_signatures([page])["parent_signed"].value is True
    page = mini_form(True, False, None)
    page.words.append(Word("Lopezquiroga", 0.93, (270.0, 380.0, 700.0, 478.0), (90, 1, 1)))
    assert read_signatures([page])["parent_signed"].value is False
