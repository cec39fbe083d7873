"""Names written on a form: which words of a value are the name, when a value is no
person's name at all, and the name as the audit matches it.

A value right of "Name:" may still hold a label's tail ("del adulto Marvin Chávez"),
a remnant in brackets ("(print) Ana Ruiz"), a signature's strokes read as letters,
or be no name at all (a date, the language, "Deportation Officer" above its caption).
These rules tell which; extractor.names restores accents and corrects slips last.
"""
from __future__ import annotations

import dataclasses
import re
from typing import Optional

from extractor.layout import fold
from extractor.model import Field, Word
from extractor.names import (correct_names, finish_family_name, finish_officer_name,
                             restore_accents)
from extractor.normalize import clean_name, find_a_numbers, initial_periods, language_code
from extractor.forms.vocabulary import is_sentence

NAME_FIELDS = ("parent_name", "interpreter_name", "official_name", "witness_name",
               "supervisor_name")

#: names of the parent's family and interpreters: Spanish/Portuguese names whose accents
#: OCR drops; officers' names are written as in their (English) records
ACCENTED_NAME_FIELDS = ("parent_name", "interpreter_name")


def split_children(text: str) -> list[str]:
    parts = re.split(r"\s*(?:/|;|,|\|| and | y | e )\s*", text)
    parts = [_ENUMERATOR.sub("", clean_name(p)) for p in parts]
    return [restore_accents(p) for p in parts if len(p) >= 3]


def is_numeric(text: str) -> bool:
    """A number read where a name goes ("216 200 072", "A#25415"): three digits in a
    row, or more digits than letters ("JUÁRF7" is a name with a misread letter)."""
    return bool(re.search(r"\d\D?\d\D?\d", text)) or \
        sum(ch.isdigit() for ch in text) > sum(ch.isalpha() for ch in text)


#: a list's numbering before a child's name ("1. DAYANA MARTÍNEZ", "2) Josué")
_ENUMERATOR = re.compile(r"^\(?\d{1,2}[.)]\s+")

#: instruction words ("Circle ONE letter / Encierre la letra"): never in a child's name
_INSTRUCTION = {"circle", "encierre", "check", "marque", "box", "casilla", "option", "options",
                "opcion", "letra", "letter", "below", "abajo", "select", "seleccione", "mark"}


def is_instruction(name: str) -> bool:
    return any(t in _INSTRUCTION for t in fold(name).split())


#: role and label words: a "name" made only of these is printed text ("Deportation
#: Officer" above its caption), not a person's name
#: an officer's title before a name ("ERO R. Lee"): never a child's name
OFFICER_TITLES = frozenset({"ero", "sddo", "afod", "fod", "iea", "officer", "agent", "sdo"})

_ROLE_WORDS = frozenset({"deportation", "officer", "official", "oficial", "funcionario", "agent",
                         "agente", "supervisor", "witness", "testigo", "interpreter", "interprete",
                         "parent", "padre", "madre", "child", "children", "name", "nombre", "print",
                         "ice", "ero", "immigration", "enforcement", "signature", "firma", "date",
                         "fecha", "present", "presente", "if", "used", "detainee",
                         "tutor", "legal", "guardian", "adult", "adulto", "genitor", "pai", "mae",
                         "responsavel", "nino", "nina", "menor", "full", "completo", "title"})

#: a name never ends with a connective: "tado por" is the tail of "Interpretado por"
_LABEL_TAIL = {"por", "by", "en", "in", "of", "para", "em", "the"}


def not_a_name(value: str, field: str = "", words: list[Word] = ()) -> bool:
    toks = fold(value).split()
    if field != "interpreter_name" and any(ch.isdigit() for ch in value):
        return True  # "Served on Mar 6 2018": a person's name has no digits (an agency id may)
    if sum(ch.isalpha() for ch in value) < 2 or find_a_numbers(value):
        return True  # "03-26-1980", "A295937137": a date or an A-number where a name goes
    if words and is_sentence(words):
        return True  # "The options were explained to the parent"
    content = [t for t in toks if t not in _CONNECTIVES]
    whole = language_code(" ".join(content), fuzzy=False) if content else None
    if whole is not None and whole[1] == 1.0:  # the whole value names a language
        return True  # "portugués" beside "Interpreter": the language, not a person
    return not content or all(t in _ROLE_WORDS for t in content) or toks[-1] in _LABEL_TAIL


_CONNECTIVES = {"o", "y", "e", "or", "and", "de", "del", "la", "el", "the", "of", "do", "da"}


def name_words(words: list[Word]) -> list[Word]:
    """The words of a written name: a leading parenthesised label remnant ("(print)")
    goes, and so does everything past a gap of several word heights (a signature's
    strokes read as letters far right on the same line: "Nelson Orellana   NW") or
    from a printed label word on ("Trent Walker Date 3/9/2018")."""
    words = sorted(words, key=lambda w: w.bbox[0])
    while words and words[0].text.startswith("("):
        # "(print)", "(print name)", "(nombre en letra de molde)": up to its ")"
        end = next((i for i, w in enumerate(words[:6]) if w.text.rstrip(":").endswith(")")), None)
        if end is None or not all(fold(w.text) in _PARENTHESISED_LABEL for w in words[:end + 1]):
            break
        words = words[end + 1:]
    if not words:
        return []
    # "del adulto Marvin Chávez", "do genitor Marisol Chub": the tail of a label the
    # lexicon does not know, in lower case, before the capitalised name
    lead = 0
    while lead < min(len(words) - 1, 4) and words[lead].text[:1].islower() \
            and fold(words[lead].text).split() \
            and all(t in _LABEL_REST for t in fold(words[lead].text).split()):
        lead += 1
    if lead and words[lead].text[:1].isupper():
        words = words[lead:]
    hs = sorted(w.height for w in words)
    med = hs[len(hs) // 2]
    out = [words[0]]
    for w in words[1:]:
        if w.bbox[0] - out[-1].bbox[2] > 4 * med or fold(w.text) in _STOP_IN_NAME:
            break
        out.append(w)
    return out


#: words a label's lower-case tail is made of ("del adulto", "o tutor legal", "and title"):
#: a misread first word of a handwritten name is not dropped with them
_LABEL_REST = _CONNECTIVES | _ROLE_WORDS | {"id", "title", "rank", "cargo", "adult"}

#: words of a parenthesised label remnant left before a written name ("(print name)")
_PARENTHESISED_LABEL = {"print", "printed", "name", "names", "full", "please", "nombre",
                        "nombres", "en", "letra", "de", "molde", "imprenta", "legible",
                        "nome", "completo", "apellido", "apellidos"}

#: printed words that end a name read from a line ("... Smith Date: 1/5/2018")
_STOP_IN_NAME = {"date", "fecha", "data", "signature", "firma", "assinatura"}

#: name fields read at this confidence or more are not corrected by the list of names
NAME_LIST_BELOW = 0.91


def finished_name(name: str, f: Optional[Field]) -> Optional[Field]:
    """A name field's value as the audit matches it (:mod:`extractor.names`): an
    officer's with its initials' periods, every name with the accents it is always
    written with; each checked against the list of known names. A value the list
    changed says so in its provenance."""
    if f is None or not f.value:
        return f
    officer = name not in ACCENTED_NAME_FIELDS and name != "child_names"
    # a confident reading stands even where the list does not know the name: a list
    # can never hold every name, and a confident reading of one it lacks is more often
    # right than its nearest listed neighbour (Gámez is not Gómez)
    correct = f.confidence is None or f.confidence < NAME_LIST_BELOW
    finish = ((lambda v: initial_periods(finish_officer_name(v, correct))) if officer
              else (lambda v: finish_family_name(v, name == "interpreter_name", correct)))
    values = f.value if isinstance(f.value, list) else [f.value]
    value = [finish(v) for v in values] if isinstance(f.value, list) else finish(f.value)
    if value == f.value:
        return f
    read = values
    listed = correct and any(correct_names(v, officer, name == "interpreter_name") != v
                             for v in read)
    provenance = (f.provenance or "") + (" (name list)" if listed else "")
    return dataclasses.replace(f, value=value, provenance=provenance)
