"""The form reader's text classifiers (extractor/reader/textclf.py): the runtime's
n-grams are scikit-learn's (the trainer's), and label and option texts invented here,
some with OCR slips, get the right class."""
from __future__ import annotations

import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from extractor.reader.textclf import (MEANINGS, SLOTS, char_ngrams, label_slot, normalise,
                                      option_meaning, word_ngrams)


@pytest.mark.parametrize("text", ["Nombre del padre/madre:", "A# (if  known)", "x", "Ñandú  ab c d"])
def test_runtime_ngrams_are_the_trainers(text):
    t = normalise(text)
    ch = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), lowercase=False).build_analyzer()
    wd = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), lowercase=False).build_analyzer()
    assert char_ngrams(t) == ch(t)
    assert word_ngrams(t) == wd(t)


def test_normalise_folds_accents_and_case():
    assert normalise("  Niño(s)  /  HIJO ") == "nino(s) / hijo"


@pytest.mark.parametrize("text,slot", [
    ("Child(ren) / Hijo(s):", "child_names"),
    ("NAME OF PARENT (print):", "parent_name"),
    ("Nombre de1 padre/madre", "parent_name"),
    ("A#:", "parent_a_number"),
    ("Alien Registrati0n No.", "parent_a_number"),
    ("Date / Fecha:", "date_signed"),
    ("Interpreter / Intérprete:", "interpreter"),
    ("Signature of Parent / Firma del padre", "signature"),
    ("Date of birth:", "none"),
])
def test_label_slot_of_invented_labels(text, slot):
    got, p = label_slot(text)
    assert got == slot, (text, got, p)
    assert 0.0 < p <= 1.0


@pytest.mark.parametrize("text,meaning", [
    ("I am requesting to reunite with my child(ren) for the purpose of repatriation to my "
     "country of citizenship.", "reunify"),
    ("I am affirmatively, knowingly, and voluntarily requesting to return to my country of "
     "citizenship without my minor child(ren)", "depart_without_child"),
    ("I do NOT want to be reunited with my children.", "depart_without_child"),
    ("Quiero hablar con un abogado primero", "consult_attorney"),
    ("Check ONE box below:", "other"),
])
def test_option_meaning_of_invented_options(text, meaning):
    got, p = option_meaning(text)
    assert got == meaning, (text, got, p)


def test_classes_are_the_documented_ones():
    assert SLOTS[-1] == "none" and "child_names" in SLOTS
    assert MEANINGS == ("reunify", "depart_without_child", "consult_attorney", "other")
