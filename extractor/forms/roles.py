"""What a printed form label asks for, from its role words.

Forms word their labels in endless ways ("Nombre del funcionario", "Reviewing
supervisor / Supervisor (nombre)", "Minor's A#"), but the words that say *whose* value
and *what kind* of value are few. A label's field is decided from those words, after
the label has been found, so an unseen wording still lands on the right field.
"""
from __future__ import annotations

import re

from extractor.normalize import strip_accents
from typing import Optional


def _fold(text: str) -> str:
    s = strip_accents(text.lower())
    return " " + re.sub(r"\s+", " ", re.sub(r"[^a-z0-9#]+", " ", s)).strip() + " "


def _any(text: str, words: tuple[str, ...], fuzzy: bool = False) -> bool:
    """Whole-word-start containment, and for long words one OCR slip tolerated
    ('cranca' for 'crianca')."""
    if any(w in text for w in words):
        return True
    if not fuzzy:
        return False
    from rapidfuzz import fuzz
    tokens = text.split()
    for w in words:
        key = w.strip()
        if len(key) < 6 or " " in key:
            continue
        if any(len(t) >= 5 and fuzz.ratio(t[:len(key)], key) >= 84 for t in tokens):
            return True
    return False


SIGNATURE = (" signature", " firma ", " assinatura", " sign here", " initials",
             " iniciales")
NOT_A_FIELD = (" birth", " nacimiento", " nascimento", " dob ", " case no", " case number",
               " event no", " caso ", " country", " pais ", " origin", " origen", " relationship",
               " parentesco", " relacao", " age ", " edad ", " idade", " office ", " oficina",
               " facility", " phone", " telefono", " page ", " pagina", " detencion",
               " location", " centro de", " ubicacion", " field office")
SUPERVISOR = (" supervis",)
WITNESS = (" witness", " testigo", " testemunha")
INTERPRETER = (" interpret", " language by", " traductor", " tradutor")
OFFICIAL = (" officer", " official", " oficial", " funcionari", " agent", " agente",
            " deportation officer", " ice ")
LANGUAGE = (" language", " idioma", " lengua", " lingua", " leido", " lido ", " read to",
            " leido al", " read in", " read aloud", " voz alta", " explained in", " explicado en")
DATE = (" date", " fecha", " data ", " signed on", " firmado el", " assinado em", " dated")
A_NUMBER = (" a#", " a #", " a number", " a no ", " alien", " extranjero", " estrangeiro",
            " a file", " file no", " numero a", " número a", " registro", " a n ",
            # "A#" as OCR misreads it in small serif print
            " att ", " ah ", " a+ ")
CHILD = (" child", " minor", " menor", " hijo", " hija", " nino", " nina", " crianca",
         " filho", " filha", " son ", " daughter")
PARENT = (" parent", " padre", " madre", " pai ", " mae ", " adult", " guardian", " tutor",
          " detainee", " detenido", " detained", " yourself", " full name", " nombre completo",
          " nome completo", " su nombre", " your name")
NAME = (" name", " nombre", " nome")


def label_field(text: str) -> Optional[str]:
    """The contract field a label stands for, '' for a printed field that is not one
    of ours (signature, date of birth, case number), None when it names nothing."""
    t = _fold(text)
    person = ("supervisor" if _any(t, SUPERVISOR, True) else "witness" if _any(t, WITNESS, True)
              else "interpreter" if _any(t, INTERPRETER, True) else
              "official" if _any(t, OFFICIAL) else None)
    if _any(t, DATE) and not _any(t, NOT_A_FIELD):
        # "Date of signature" is the parent's signing date; another person's date (the
        # officer's, the supervisor's) is not
        return "date_signed" if person is None else ""
    if _any(t, SIGNATURE):
        return ""
    if _any(t, NOT_A_FIELD):
        return ""
    if _any(t, A_NUMBER) and not _any(t, (" language",)):
        return "child_a_numbers" if _any(t, CHILD, True) else ("" if person else "parent_a_number")
    if person == "interpreter":
        return "interpreter_name"
    if _any(t, LANGUAGE, True):
        return "read_in_language"
    if person:
        return f"{person}_name"
    if _any(t, CHILD, True):
        return "child_names"
    if _any(t, PARENT, True):
        return "parent_name"
    if _any(t, NAME):
        return "_generic_name"
    return None


def names_a_child(text: str) -> bool:
    """Does the text speak of a child ("... del menor", "children's")?"""
    return _any(_fold(text), CHILD, True)
