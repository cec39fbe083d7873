"""The read-in sentence of a form, in any of the languages the forms print:

  "This form was read to the parent in Spanish by Ana Ruiz (Language Line)"
  "Este formulario fue leído al padre/madre en k'iche' por  Ana Ruiz"
  "Se me explicó este formulario en mam por medio de  / Ana Ruiz"
  "Este formulário foi lido ao responsável em português por Ana Ruiz"

A general construction (a verb of reading or explaining, "in/en/em" + the language,
"by/por/por medio de/par" + the interpreter), matched on the printed sentence with the
values written into it. The interpreter's name may wrap to the next line. Used only for
the fields the label reader left without a value (extractor.forms).
"""
from __future__ import annotations

import re
from typing import Callable, Optional, Sequence

from extractor.layout import Line, fold, mean_conf
from extractor.model import Field
from extractor.normalize import clean_name, language_code

_VERB = r"(?:read|leid[oa]|lid[oa]|explic\w*|explained|traduc\w*|translated|interpret\w*|lu|expliqu\w*)"
_SENTENCE = re.compile(_VERB + r"\b.*?\b(?:in|en|em)\s+(?P<lang>.*?)\s*"
                       r"\b(?:by|por medio de|por|par|atraves de|através de)\b\s*(?P<who>.*)$")


def read_sentence(lines: Sequence[Line], skip: set[int],
                  is_name: Callable[[str], bool] = lambda v: True) -> tuple[Optional[Field], Optional[Field]]:
    """(read_in_language, interpreter_name) from the first read-in sentence that gives
    either, each None when the sentence does not give it."""
    for k, line in enumerate(lines):
        words = [w for w in line.words if id(w) not in skip]
        if len(words) < 4:
            continue
        text = " ".join(w.text for w in words)
        m = _SENTENCE.search(fold(text))
        if not m:
            continue
        box = (min(w.bbox[0] for w in words), min(w.bbox[1] for w in words),
               max(w.bbox[2] for w in words), max(w.bbox[3] for w in words))
        base = dict(page=None, bbox=box, evidence=text, provenance="read-in sentence")
        lang = None
        lc = language_code(m.group("lang")) if m.group("lang").strip() else None
        if lc is not None:
            lang = Field(value=lc[0], confidence=min(0.8, lc[1], mean_conf(words)), present=True, **base)
        who_n = len(m.group("who").split())
        who = words[len(words) - who_n:] if who_n else []
        if not who and k + 1 < len(lines):  # the name wraps to the next line
            nxt = lines[k + 1]
            if nxt.bbox[1] - line.bbox[3] < 2.5 * max(line.height, 8.0):
                who = [w for w in nxt.words if id(w) not in skip]
        name = clean_name(" ".join(w.text for w in who)).strip(" /|-") if who else ""
        person = None
        if sum(c.isalpha() for c in name) >= 3 and is_name(name):
            person = Field(value=name, confidence=min(0.8, mean_conf(who)), present=True,
                           **{**base, "evidence": " ".join(w.text for w in who)})
        if lang is not None or person is not None:
            return lang, person
    return None, None
