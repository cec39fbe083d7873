"""Decisions the classifier reads where the entry records none (general facts).

* "SUBJ NOT YET NOTIFIED / INFORMED": the officer has not told the parent yet; that is no
  undecided parent (an undecided parent is unsure, wants time, has not decided);
* an attorney answer where the clause only records legal help *given to* the parent
  ("advised of legal services", "given the pro bono list", "told he can speak with an
  attorney", a know-your-rights talk) and nothing records the parent asking for a lawyer;
* an attorney answer where no legal help is named at all ("asked to speak to her child",
  "will not decide until she talks to her sister"): not an attorney answer (a plainly
  stated undecided answer, if any, is read by :mod:`fallback` instead);
* a waiver or request read from an entry that only says a form was signed, with no word
  of what it chose ("signed form in front of DO X", "form signed by subj"): the contract
  gives such an entry decision null and decision_mode written.

A decision dropped here is no decision read: the entry still goes to a reviewer as
C-DECISION ``unknown`` when it speaks of the choice (``fields._about_choice``), never
``not_applicable`` through a guess.
"""
from __future__ import annotations

import re
from typing import Optional

from extractor.comments import doubts, fallback
from extractor.comments.written import signed

_NOT_YET_TOLD = re.compile(r"\bnot\s+(?:yet\s+)?(?:been\s+)?(?:notified|informed|told|advised|interviewed|served|"
                           r"seen|contacted|reached|located)\b|\byet\s+to\s+be\s+(?:notified|informed|told|interviewed)\b", re.I)
_LEGAL_GIVEN = re.compile(
    r"\b(?:adv\w*|informed|told|given|provided|gave|received|receives|attended)\b[^.;]{0,40}?"
    r"\b(?:legal\s+(?:services?|aid|resources?)|pro\s*bono|kyr|know\s+your\s+rights|"
    r"(?:that\s+)?(?:s?he|they|subj\w*)\s+(?:can|may|could|has\s+the\s+right\s+to)\s+(?:speak|consult|talk|contact|call)|"
    r"(?:the\s+|his\s+|her\s+)?right\s+to\s+(?:an?\s+)?(?:attorney|counsel|lawyer|consult))", re.I)
# what a parent chooses, in any wording; "election form" and "form" alone are not it
_CHOICE_RE = re.compile(
    r"\b(?:waiv\w*|reunif\w*|reunit\w*|w/o|without|w/|with|leav\w*|left|depart\w*|remov\w*|deport\w*|"
    r"tak\w*|bring\w*|together|stay\w*|remain\w*|atty|attorney|lawyer|undecided|decid\w*|decision|"
    r"chose|choice|option|box|accept\w*|declin\w*|refus\w*|wants?|wish\w*|request\w*|req)\b", re.I)
_FORM_WORDS = re.compile(r"\b(?:election|waiver)\s+form\b|\b(?:in\s+front|presence)\s+of\b[^.;]*|"
                         r"\bwitness\w*\b[^.;]*|\b(?:uploaded|scanned|filed|placed)\b[^.;]*", re.I)


def unsupported(text: str, repaired: str, label: str, clause: str) -> Optional[str]:
    """Why the classifier's decision ``label`` (WAIVE, REQUEST, ATTORNEY, UNDECIDED) read
    from ``clause`` is not one the entry records, or None."""
    if label == "UNDECIDED" and _NOT_YET_TOLD.search(clause) and fallback.stated_decision(text) is None:
        return "not yet told"
    if label == "ATTORNEY":
        if not doubts.legal_help_named(text, repaired):
            return "no legal help named"
        asked = fallback.stated_decision(text)
        if _LEGAL_GIVEN.search(clause) and (asked is None or asked[0] != "ATTORNEY"):
            return "legal help given, not asked for"
    topic = off_topic(text, repaired, label, clause)
    if topic:
        return topic
    if label in ("WAIVE", "REQUEST") and signed(text) is not None:
        rest = _FORM_WORDS.sub(" ", text)
        rest = re.sub(r"\b(?:signed|signs?|form|subj\w*|by|the|on|of|in|to|and)\b", " ", rest, flags=re.I)
        if not _CHOICE_RE.search(rest):
            return "only a signed form"
    return None


# "asked if she wanted to speak to an attorney / make a call": what was offered is a
# lawyer or a call, not removal together with the child
_LAWYER_QUESTION = re.compile(
    r"\b(?:asked|offered|given\s+the\s+(?:option|chance))\b[^.;]{0,40}?\b(?:speak|talk|call|consult|see|contact)\s+"
    r"(?:to\s+|with\s+|w/\s*)?(?:an?\s+|his\s+|her\s+)?(?:atty|attorney|lawyer|counsel|consulate|consul|family)\b", re.I)
_REMOVAL_WORDS = re.compile(r"\b(?:reunif\w*|together|remov\w*|deport\w*|depart\w*|dept|return\w*|take|bring|"
                            r"travel\w*|w/\s*(?:the\s+)?(?:child|son|daughter|kids?|uac)|with\s+(?:the\s+|her\s+|his\s+)?"
                            r"(?:child|son|daughter|kids?|uac))\b", re.I)


def lawyer_offer_only(clause: str) -> bool:
    """Is the offer read from this clause only a lawyer or a call (no removal with the child)?"""
    return bool(_LAWYER_QUESTION.search(clause)) and not _REMOVAL_WORDS.search(_LAWYER_QUESTION.sub(" ", clause))


# The opposite answer negated: "is not waiving reunification" (a request), "does not
# object to leaving her son" (a waiver). A bag of words reads the answer named, not its
# negation.
_NOT_WAIVING = re.compile(r"\b(?:not|n't|never)\s+(?:be\s+)?(?:waiv(?:e|es|ed|ing))\s+(?:(?:her|his|their|the)\s+)?"
                          r"(?:reunif\w*|right\s+to\s+(?:be\s+)?reunif\w*)", re.I)
_NO_OBJECTION_LEAVING = re.compile(r"\b(?:not|n't|no)\s+object(?:s|ion|ing)?\s+to\s+(?:leaving|departing\s+without|"
                                   r"(?:the\s+|her\s+|his\s+)?(?:child|son|daughter|kids?|uac)\s+(?:staying|remaining))", re.I)


def negated_opposite(text: str) -> Optional[tuple[str, tuple[int, int]]]:
    """The answer an entry gives by negating the other one, or None."""
    m = _NOT_WAIVING.search(text)
    if m:
        return "REQUEST", m.span()
    m = _NO_OBJECTION_LEAVING.search(text) or _AGREED_TO_WAIVE.search(text)
    if m:
        return "WAIVE", m.span()
    return None


# "agreed to waive her right to reunification": agreeing is no request here
_AGREED_TO_WAIVE = re.compile(r"\b(?:agree[sd]?|consent(?:s|ed)?|accept(?:s|ed)?)\s+to\s+waiv(?:e|ing)\b", re.I)


# What the officer says the parent *can* do is no request: "explained that she can request
# to be removed together with him"
_CAN_REQUEST = re.compile(r"\b(?:can|may|could|has\s+the\s+right\s+to|is\s+able\s+to|is\s+allowed\s+to)\s+"
                          r"(?:request|ask|choose|elect|be\s+removed|be\s+reunified|depart|return|go|take)\b", re.I)
_ANSWERED = re.compile(r"\b(?:request\w*|req|accept\w*|agree\w*|wants?|wanted|wish\w*|elect\w*|chose|yes|s[ií])\b", re.I)
_TOLD_CAN = re.compile(r"\b(?:explain\w*|advis\w*|adv|told|inform\w*|notified|offered)\b", re.I)
# the child or reunification, in any wording: without one a waiver or request is about
# something else (a bond, a bed, the parent's own case)
_CHILD_OR_REUNIF = re.compile(
    r"\b(?:child\w*|chi[lI1]d\w*|chi\s?ld|chld|son|sons|daughter\w*|kids?|uacs?|minors?|baby|babies|infant|boys?|girls?|twins|"
    r"reunif\w*|reunit\w*|waiv\w*(?!\s+(?:(?:his|her|the|their)\s+)?(?:appeal|hearing|bond|right\s+to\s+(?:an?\s+)?(?:appeal|hearing)))|together|hij[oa]s?|ni[nñ][oa]s?|filh[oa]s?|fils|fille|enfant\w*|pitit|"
    r"(?:w/|with|without|w/o|take|takes|taking|took|leave|leaving|left|bring|want|wants|wanted)\s+(?:him|her|them)|"
    r"(?:take|takes|taking|took|leave|leaves|leaving|left|bring|brings)\s+[A-Z][a-z]+|[A-Z][a-z]+\s+(?:to\s+)?(?:stay|remain|go)|"
    r"option\s*#?\s*\d|#\s*\d|box)\b", re.I)


def off_topic(text: str, repaired: str, label: str, clause: str) -> Optional[str]:
    """Why a waiver or request read by the classifier is not about the child, or None."""
    if label not in ("WAIVE", "REQUEST"):
        return None
    quoted = re.search(r"[\"“'‘][^\"“”'’]{6,}[\"”'’]", text)  # the parent's own words, any language
    if not quoted and not _CHILD_OR_REUNIF.search(text) and not _CHILD_OR_REUNIF.search(repaired):
        return "no child or reunification named"
    can = _CAN_REQUEST.search(clause)
    at = text.find(clause) + can.start() if can and clause in text else -1
    if label == "REQUEST" and at >= 0 and _TOLD_CAN.search(text[text.rfind(".", 0, at) + 1:at]):
        asked = fallback.stated_decision(_CAN_REQUEST.sub(" ", text))
        end = text.find(".", at)
        later = text[end + 1:] if end >= 0 else ""  # "... SUBJ did request this." answers it
        if (asked is None or asked[0] != "REQUEST") and not _ANSWERED.search(later):
            return "what the parent can do"
    return None
