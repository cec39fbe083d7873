"""A decision the classifier did not read, when the entry states it in plain words.

Only two answers are read this way, both general facts of the officer's wording:

* undecided: the parent "is not sure", "doesn't know yet whether ...", "can't decide",
  "would prefer not to decide", "would not say whether ...", "refused to make an election",
  "declined to state whether ...";
* consult_attorney: the parent asks to see, call, talk to or have the officer contact a
  lawyer (attorney, public defender, abogado, legal aid, counsel), not negated.

It runs only where no decision was read, and what it reads is reported unsure
(:mod:`doubts`), so C-DECISION stays `unknown` for a reviewer, as for any missed decision;
the value tells the reviewer what the text seems to say.
"""
from __future__ import annotations

import re
from typing import Optional

_LAWYER = (r"(?:attorney|atty|lawyer|abogad[oa]|advogad[oa]|public\s+defender|legal\s+aid|counsel|"
           r"legal\s+(?:help|advice|representation|representative))")
_ATTORNEY_RE = re.compile(
    rf"\b(?:ask(?:s|ed)?|request(?:s|ed)?|req|wants?|wanted|wish(?:es|ed)?|needs?|would\s+like|demand(?:s|ed)?)\b"
    rf"[^.;]{{0,45}}?\b(?:see|speak|talk|consult|call|contact|meet|hear\s+from|for|time)\b[^.;]{{0,30}}?\b{_LAWYER}", re.I)
_UNDECIDED_RE = re.compile(
    r"\b(?:(?:is|was|am)\s+not\s+sure|isn't\s+sure|not\s+sure|unsure|undecided|"
    r"(?:does|did)(?:\s+not|n't)\s+know\s+(?:yet|if|whether|what\s+to\s+do)|"
    r"(?:can't|cannot|could\s+not|couldn't|unable\s+to)\s+decide|"
    r"(?:would|will)\s+(?:prefer|rather)\s+not\s+(?:to\s+)?decide|"
    r"(?:would|will)\s+not\s+say\s+(?:whether|if)|won't\s+say\s+(?:whether|if)|"
    r"(?:has|had)(?:\s+not|n't)\s+(?:yet\s+)?decided|"
    # refusing to choose is no choice: "refused to make an election", "declined to state whether"
    r"(?:refus|declin)\w*\s+to\s+(?:make\s+(?:an?\s+|any\s+)?(?:election|decision|choice)|decide|choose|"
    r"(?:state|say|answer|indicate|tell)\s+(?:whether|if|what)))\b", re.I)
_NEG_BEFORE = re.compile(r"\b(?:not|n't|never|no|declined|refused)\s*$", re.I)


def stated_decision(text: str) -> Optional[tuple[str, tuple[int, int]]]:
    """("ATTORNEY" | "UNDECIDED", span) stated in plain words, or None. A request for a
    lawyer is the more specific answer ("not sure, then asked for a lawyer")."""
    for m in _ATTORNEY_RE.finditer(text):
        if not _NEG_BEFORE.search(text[max(0, m.start() - 14):m.start()]):
            return "ATTORNEY", m.span()
    m = _UNDECIDED_RE.search(text)
    return ("UNDECIDED", m.span()) if m else None
