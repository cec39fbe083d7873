"""What printed words on a form look like, as opposed to what is written on it: the
vocabulary of its labels, the words of its sentences (instructions, option wording)
and of its read-in sentence ("read to the parent in ___ by ___").

Every step of the reader asks these questions of words it is about to take as a value
(a bilingual label's other half, an option's text), so they live apart from any step.
"""
from __future__ import annotations

import re

from extractor import lexicon
from extractor.layout import fold
from extractor.model import Word
from extractor.normalize import language_code

#: the read-in sentence's label before the interpreter ("language by"), folded: the
#: interpreter's name follows it, so it never grows over the words before it
READ_BY = {fold(p) for p in lexicon.READ_BY_PHRASES if " " in p}
#: its label before the language ("read to the parent in"), folded
READ_IN = {fold(p) for p in lexicon.READ_IN_PHRASES}
#: the word after which that sentence names the interpreter
BY_WORDS = {"by", "por", "par"}

#: words of instructions and option wording that a person's name never holds
_SENTENCE_WORDS = {"i", "my", "me", "to", "the", "with", "want", "wish", "be", "box", "check",
                   "circle", "one", "option", "options", "mi", "mis", "quiero", "deseo", "ser",
                   "marque", "encierre", "una", "opcion", "opción", "con", "before", "antes",
                   "without", "sin", "not", "no", "will", "am", "request", "solicito", "eu",
                   "meu", "com", "sem", "quero", "and", "y", "or", "o"}


def is_sentence(words: list[Word]) -> bool:
    """Two or more words of instructions or option wording: running text, not a value."""
    toks = [w.text.lower().strip(".,:;()[]") for w in words]
    return sum(t in _SENTENCE_WORDS for t in toks) >= 2


def text_of(words: list[Word]) -> str:
    """The words' text as read, joined by spaces."""
    return " ".join(w.text for w in words)


def _label_vocabulary() -> frozenset[str]:
    words = set()
    for phrases in list(lexicon.FIELD_LABELS.values()) + list(lexicon.GENERIC_LABELS.values()):
        for p in phrases:
            words.update(t for t in fold(p).split() if len(t) >= 3)
    return frozenset(words)


LABEL_WORDS = _label_vocabulary()


def is_label_text(text: str) -> bool:
    """Every word of three letters or more is label vocabulary: printed, not written."""
    long = [t for t in re.split(r"[^a-z]+", fold(text)) if len(t) >= 3]
    return bool(long) and all(t in LABEL_WORDS and language_code(t) is None for t in long)


def printed_label_words(words: list[Word]) -> bool:
    """Every word of three letters or more is a label's word (no language name among
    them), and there is one: printed text, not a value."""
    folded = [t for w in words for t in fold(w.text).split()]
    long = [t for t in folded if len(t) >= 3]
    return bool(long) and all(t in LABEL_WORDS and language_code(t) is None for t in long) \
        and not any(ch.isdigit() for w in words for ch in w.text)


#: written separators between the items of a list value (children's names)
SEPARATORS = ("/", ";", ",", "|")
