"""Changes of mind: a decision marked as a former one ("previously wanted ...", "at first
said ...") is not the entry's outcome when something follows it.

Two general cases, whatever the words of the decision:

* the turn is in the same clause ("previously wanted X but today says Y"): the part after
  the turn word is classified on its own and, if it records a decision, that is the one;
* the turn is the next clause ("previously wanted X; today says Y"): the later clause's
  own best reading, when it is a decision at all (not NONE), wins over the former one.

Either way the result is reported unsure (a reviewer settles the check): the classifier
was not confident of the later decision on its own, or the reading needed this rule.
"""
from __future__ import annotations

import re
from typing import Optional

_FORMER_RE = re.compile(r"\b(?:previously|initially|at\s+first|originally|"
                        r"first\s+(?:(?:she|he|they|subj\w*)\s+)?(?:said|stated|wanted|told|agreed|asked|requested|chose|elected|decided)|"
                        r"earlier|before\s+that|formerly|had\s+(?:said|stated|wanted|requested|asked|chosen|elected))\b",
                        re.I)
_TURN_RE = re.compile(r"(?:\bbut\b|;|\bhowever\b|,\s*(?=today|now|later|then)|\b(?=changed\s))\s*(?:\w+\s+){0,2}?"
                      r"(?:today|now|later|then|this\s+(?:morning|afternoon|evening|week)|after\s+\w+ing|after\s+(?:the|a|an|her|his|their)\s+\w+|"
                      r"changed\s+(?:her|his|their)\s+mind)\b", re.I)

DECISIONS = ("WAIVE", "REQUEST", "ATTORNEY", "UNDECIDED")


def _best(cats: dict) -> tuple[str, float]:
    keys = DECISIONS + ("NONE",)
    label = max(keys, key=lambda k: cats.get(k, 0.0))
    return label, cats.get(label, 0.0)


def later_decision(text: str, clauses, best_span, classify) -> Optional[tuple[str, tuple[int, int]]]:
    """The decision that replaces a former one in ``best_span``, and where it was read;
    None when the best clause is not marked as former or nothing follows it.
    ``classify(str) -> cats`` runs the clause classifier on a piece of text."""
    a, b = best_span
    clause = text[a:b]
    if not _FORMER_RE.search(clause):
        return None
    # the last turn that reads as a decision ("but after a call she changed her mind and
    # now wants ..."): what follows it is the outcome
    for turn in reversed(list(_TURN_RE.finditer(clause, _FORMER_RE.search(clause).end()))):
        label, p = _best(classify(clause[turn.start():]))
        if label in DECISIONS and p >= 0.5:
            return label, (a + turn.start(), b)
    for c_a, c_b, cats in clauses:
        if c_a >= b and cats:
            label, p = _best(cats)
            if label in DECISIONS and p >= 0.3:
                return label, (c_a, c_b)
    # the outcome written first and the former decision after it ("changed her mind - now
    # wants ... . previously requested ..."): an earlier clause marked as the present one
    for c_a, c_b, cats in reversed(clauses):
        if c_b <= a and cats and _NOW_RE.search(text[c_a:c_b]):
            label, p = _best(classify(text[c_a:c_b]) or cats)
            if label in DECISIONS and p >= 0.3:
                return label, (c_a, c_b)
    return None


_NOW_RE = re.compile(r"\b(?:now|today|currently|changed\s+(?:her|his|their)\s+mind|at\s+this\s+time)\b", re.I)
