"""Unsure means unknown: general reasons to doubt a value the classifier is confident of.

The clause classifier can be sure of a reading the entry does not support: an attorney
decision where no lawyer is named ("will not answer until she speaks with her husband"),
a decision hedged by the officer ("appears to want ... but would not confirm"), an offer
that is really the parent's own question ("asked if she could see her son"), information
that nobody was told ("daughter is in ORR care", "subj stated UAC has a sponsor"), or an
interpreter that is only planned ("will try again tomorrow with a Mam interpreter").
Each reason here states a general fact about what a comment must say for its check to
pass; a value it doubts keeps its value but gets ``UNSURE_CONFIDENCE`` (below the
rubric's pass threshold 0.6, above its fail threshold), so the check goes to a reviewer.
"""
from __future__ import annotations

import re
from typing import Optional

UNSURE_CONFIDENCE = 0.5

# An attorney decision must name legal help of some kind (repaired spelling, shorthand).
_LEGAL_RE = re.compile(r"\b(?:attorneys?|atty|attys|lawyers?|abogad[oa]s?|advogad[oa]s?|counsel\w*|"
                       r"legal|defender|pro\s*bono|paralegal|notario|law|representation|representative|"
                       r"consult\w*|juridic\w*|juridi\w*)\b", re.I)
# The officer hedges the decision in the clause that records it.
_HEDGE_RE = re.compile(r"\b(?:appears?|appeared|seems?|seemed|apparently|possibly|probably|"
                       r"might|perhaps|unclear|not\s+clear|(?:would|did|could)\s*(?:not|n't)\s+confirm|"
                       r"unconfirmed|not\s+confirmed)\b", re.I)
# The parent asks a question: that is not the officer offering the option.
_PARENT_ASKS_RE = re.compile(r"\b(?:subj\w*|she|he|parent|detainee|mother|father|mom|dad|pa)\s+"
                             r"(?:ask|asks|asked|inquired|inquires|wanted\s+to\s+know|wants\s+to\s+know)\s+"
                             r"(?:if|whether|about|when)\b", re.I)
# Someone was told something: without one of these nothing records the parent being
# informed ("DAUGHTER IS IN ORR CARE" states a fact; "subj stated ..." is the parent speaking).
_TOLD_RE = re.compile(r"\b(?:advis\w*|adv|advd|inform\w*|inf|infd|told|tell|explain\w*|expl|notif\w*|"
                      r"provid\w*|given|gave|read|reviewed|review|counsel\w*|aware|went\s+over|"
                      r"showed|shown|discuss\w*|instructed|briefed|updated|ensured|let\s+\w+\s+know)\b", re.I)
# A clause that only plans the interview ("will try again tmrw w/ Mam interpreter").
_PLANNED_RE = re.compile(r"\b(?:will\s+(?:try|retry|return|re-?interview|follow|reattempt|schedule|"
                         r"attempt|need|use|get|request|call|come)|try\s+again|retry|tmrw|tomorrow|"
                         r"next\s+(?:time|visit|week|day)|reschedul\w*|awaiting|to\s+be\s+scheduled)\b", re.I)


def legal_help_named(text: str, repaired: str) -> bool:
    return bool(_LEGAL_RE.search(text) or _LEGAL_RE.search(repaired))


def hedged(clause: str) -> bool:
    return bool(_HEDGE_RE.search(clause))


def parent_asks(clause: str) -> bool:
    return bool(_PARENT_ASKS_RE.search(clause))


def someone_told(text: str, repaired: str) -> bool:
    return bool(_TOLD_RE.search(text) or _TOLD_RE.search(repaired))


def planned_only(clause: str) -> bool:
    return bool(_PLANNED_RE.search(clause))


def doubt(found, why: str):
    """The same value, reported unsure (its check goes to a reviewer)."""
    if found is None or found.confidence <= UNSURE_CONFIDENCE:
        return found
    found.confidence = UNSURE_CONFIDENCE
    found.how = f"{found.how}:doubt:{why}"
    return found


def apply(text: str, repaired: str, clauses, out: dict) -> None:
    """Lower to unsure every value of ``out`` (fields -> Found) a general reason doubts.
    ``clauses`` are the classifier's (start, end, cats) of the entry."""
    dec = out.get("decision")
    if dec is not None and dec.value == "consult_attorney" and not legal_help_named(text, repaired):
        doubt(dec, "no legal help named")
    if dec is not None and dec.span and hedged(text[dec.span[0]:dec.span[1]]):
        doubt(dec, "hedged")
    opt = out.get("option_offered")
    if opt is not None and opt.value is True and opt.span and parent_asks(text[opt.span[0]:opt.span[1]]):
        # unless another clause is an offer too
        others = [c for c in clauses if c[2].get("OPTION", 0.0) >= 0.5
                  and not parent_asks(text[c[0]:c[1]])]
        if not others:
            doubt(opt, "the parent asked")
    info = out.get("info_provided")
    if info is not None and info.value is True:
        if not someone_told(text, repaired):
            doubt(info, "nobody told")
        else:
            infos = [c for c in clauses if c[2].get("INFO", 0.0) >= 0.5]
            if infos and all(c[2].get("OPTION", 0.0) > c[2].get("INFO", 0.0) for c in infos):
                # the only "information" is the offer itself ("can be removed with or leave")
                doubt(info, "only the offer")
    interp = out.get("interpreter_or_fluent")
    if interp is not None and interp.value is True and interp.span \
            and planned_only(text[interp.span[0]:interp.span[1]]):
        doubt(interp, "interpreter only planned")
        lang: Optional[object] = out.get("language")
        if lang is not None and lang.span and interp.span[0] <= lang.span[0] < interp.span[1]:
            doubt(lang, "interpreter only planned")
