"""A decision the classifier did not read, when the entry states it in plain words.

Three answers are read this way, all general facts of the officer's wording:

* undecided: the parent "is not sure", "doesn't know yet whether ...", "can't decide",
  "would prefer not to decide", "would not say whether ...", "refused to make an election",
  "declined to state whether ...";
* consult_attorney: the parent asks (or elects) to see, call, talk to or have the officer
  contact a lawyer (attorney, public defender, abogado, legal aid, counsel), not negated,
  or the entry names the consultation as a noun ("attorney consult requested", a clause
  that opens "Consult atty");
* waive_reunification: the offer or question answered in shorthand ("REUNIF OFFERED.
  SUBJ: NO.", "W/O SON: YES");
* requests_reunification: the parent asks to be removed, deported or to travel *with*
  the child, or accepts the offer of it ("was offered removal with her son and
  accepted"), not negated.

It runs only where no decision was read, and what it reads is reported unsure
(:mod:`doubts`), so C-DECISION stays `unknown` for a reviewer, as for any missed decision;
the value tells the reviewer what the text seems to say.
"""
from __future__ import annotations

import re
from typing import Optional

from extractor.comments.languages import deglyph
from extractor.comments.offers import _WITH

_LAWYER = (r"(?:attorney|atty|lawyer|abogad[oa]|advogad[oa]|public\s+defender|legal\s+aid|counsel|"
           r"legal\s+(?:help|advice|representation|representative))")
_ATTORNEY_RE = re.compile(
    rf"\b(?:ask(?:s|ed)?|request(?:s|ed)?|req|wants?|wanted|wish(?:es|ed)?|needs?|would\s+like|demand(?:s|ed)?|"
    rf"waiting|waits|awaiting|will)\b"
    rf"[^.;]{{0,45}}?\b(?:see|speak|talk|consult|call|contact|meet|hear\s+from|for|time)\b[^.;]{{0,30}}?\b{_LAWYER}", re.I)
_ATTORNEY_NOUN_RE = re.compile(
    rf"\b{_LAWYER}\s+(?:consult\w*|call|visit)\s+(?:requested|req|wanted|desired)\b|"
    rf"(?:^|[.;:]\s*|\s-\s*)consult\w*\s+(?:w/\s*|with\s+)?(?:an?\s+|her\s+|his\s+|their\s+)?{_LAWYER}\b|"
    rf"\b(?:elect(?:s|ed)?|cho(?:se|oses)|opt(?:s|ed)?|decided)\s+to\s+(?:consult|see|speak|talk|call)\b"
    rf"[^.;]{{0,20}}?\b{_LAWYER}", re.I)
_KIN = (r"(?:(?:her|his|their|the|both|all|two|three|four|five|my|\d+)\s+)*(?:child\w*|son|sons|daughter\w*|kids?|baby|girls?|boys?|twins|"
        r"uac|minor|hij[oa]s?|filh[oa]s?|(?:him|her|them)(?=\s*(?:[.,;)]|$|\s+(?:to|on|back|home|together)\b)))\b")
_REQUEST_RES = [
    re.compile(rf"\b(?:ask(?:s|ed)?|request(?:s|ed)?|wants?|wanted|wish(?:es|ed)?|would\s+like|elect(?:s|ed)?|"
               rf"cho(?:se|oses)|decision|decided|decides|agree[sd]?|prefer(?:s|red)?|plan(?:s|ned)?|intend(?:s|ed)?)\b[^.;]{{0,60}}?\bto\s+(?:be\s+)?(?:deported|removed|returned|repatriated|"
               rf"depart|travel|leave|go|return|reunified|reunited)\s+(?:home\s+)?(?:together\s+)?(?:with|w/)\s+{_KIN}", re.I),
    # the offer and its acceptance: "offered removal with her son and accepted"
    re.compile(rf"\boffered\b(?=[^.;]{{0,60}}?{_WITH})[^.;]{{0,80}}?(?:\band|,|;)\s+(?:(?:subj\w*|she|he|they|pa)\s+)?"
               r"(?:accepted|agreed|said\s+yes)\b|"
               r"\b(?:accepted|accepts)\s+(?:the\s+)?(?:offer|option|opportunity)\b[^.;]{0,40}?"
               r"(?:reunif\w*|\bwith\b|\bw/\s|together)", re.I)]
# the option (told, offered) answered by reference: "... may request to depart with him.
# SUBJ did request this."
_REQUEST_RES.append(re.compile(
    rf"{_WITH}[^.;]{{0,40}}[.;,]\s*(?:(?:subj\w*|she|he|pa|parent|they)\s+)?(?:did\s+|does\s+)?"
    r"(?:request(?:ed|s)?|accept(?:ed|s)?|want(?:ed|s)?|agree[sd]?\s+to)\s+(?:this|that|it|so|the\s+(?:offer|option))\b", re.I))
# "wants to take her son", "decided to take the kids home"
_REQUEST_RES.append(re.compile(
    rf"\b(?:wants?|wanted|wish(?:es|ed)?|would\s+like|elect(?:s|ed)?|cho(?:se|oses)|decided|decides|agree[sd]?|"
    rf"plans?|planned|intends?)\s+to\s+(?:take|bring)\s+{_KIN}", re.I))
# "elected reunification", "verbally chose reunification", "accepted reunification"
_REQUEST_RES.append(re.compile(
    r"\b(?:elect(?:s|ed)?|cho(?:se|oses)|opt(?:s|ed)\s+for|accept(?:s|ed)|agree[sd]?\s+to)\s+(?:the\s+)?reunif\w*", re.I))
# "requests reunification", officers' shorthand "RQSTS REUNIF W/ CHILD"
_REQUEST_RES.append(re.compile(
    r"\b(?:rqsts?|rqstd|reqs?|req'?d|requests?|requested|requesting|wants?|asks?\s+for|asked\s+for|seeks?)\s+"
    r"(?:for\s+)?reunif\w*", re.I))
# the officer's offer or question answered in shorthand: "REUNIF OFFERED. SUBJ: NO.",
# "removal w/ son offered - declined", "W/O SON: YES" (the answer is the decision)
_ANSWER = r"(?:(?:subj\w*|pa|she|he|parent|mother|father|detainee)\s*(?::|-|said|answered|replied|response:?)?\s*)?['\"‘“]?"
_WAIVE_RES = [
    re.compile(rf"(?:{_WITH}|\breunif\w*)[^.;]{{0,40}}?\boffered\b(?:\s+to\s+(?:subj\w*|her|him|them|the\s+\w+))\s*[,;]?\s*"
               r"who\s+(?:declined|refused)\b", re.I),
    re.compile(rf"(?:{_WITH}|\breunif\w*)[^.;]{{0,40}}?\b(?:offered|explained|adv\w*|asked)\b\s*[.;:,\-]?\s*"
               rf"{_ANSWER}[:\-]?\s*(?:no|declined|refused)\b(?!\s+(?:interp|language|decision|answer))", re.I),
    re.compile(rf"\boffered\b[^.;]{{0,60}}?(?:{_WITH}|\breunif\w*)[^.;]{{0,30}}?[.;,]\s*"
               rf"{_ANSWER}[:\-]?\s*(?:no|declined|refused)\b(?!\s+(?:interp|language|decision|answer))", re.I),
    # "elected to return to her country without her son", "does not want to be deported with her daughter"
    re.compile(rf"\b(?:elect(?:s|ed)?|cho(?:se|oses)|decided|decides|wants?|wanted|wish(?:es|ed)?|will|plans?|prefer(?:s|red)?)"
               rf"\s+to\s+(?:be\s+)?(?:return|depart|go|leave|removed|deported|travel)\b[^.;]{{0,25}}?\b(?:without|w/o)\s+{_KIN}", re.I),
    re.compile(rf"(?:\bnot|n't)\s+(?:want|wish)\w*\s+to\s+(?:be\s+)?(?:deported|removed|returned|travel|depart|go|leave)\s+"
               rf"(?:home\s+)?(?:together\s+)?(?:with|w/)\s+{_KIN}|"
               rf"\b(?:declin|refus)\w*\s+to\s+(?:be\s+)?(?:removed|deported|depart|travel|go|return)\s+(?:together\s+)?(?:with|w/)\s+{_KIN}", re.I),
    # "will leave Gabriela with the aunt", "wants to leave the girl with her cousin"
    re.compile(rf"\b(?:will|wants?|wanted|decided|elect(?:s|ed)?|cho(?:se|oses)|plans?|prefers?)\s+(?:to\s+)?leave\s+"
               rf"(?:{_KIN}|(?-i:[A-Z][a-z]+)(?:\s+(?-i:[A-Z][a-z]+))?)\s+(?:with|in|here|behind)\b", re.I),
    # "Child stays per SUBJ's wishes", shorthand "SUBJ W/O CHILD.", "reunif: no"
    re.compile(rf"\b{_KIN}\s+(?:stays?|remains?|to\s+stay|to\s+remain)\b[^.;]{{0,20}}?\bper\s+(?:subj\w*|pa|parent|her|his|their)\b", re.I),
    re.compile(rf"\b(?:subj\w*|pa)\s*[:\-]?\s*(?:w/o|without)\s+{_KIN}\s*(?:[.;]|$)|\breunif\w*\s*[:\-]\s*no\b", re.I),
    # the parent's words in Spanish or Portuguese: "que se quede mi hija", "ele fica com o tio"
    re.compile(r"\bque\s+se\s+queden?\b|\bno\s+(?:me\s+)?(?:lo|la|los|las)\s+(?:voy\s+a\s+llevar|llevo)\b|"
               r"\b(?:n[aã]o|no)\s+vou\s+lev[aá]-?l[oa]|\b(?:ele|ela)\s+fica\s+com\b", re.I),
    # "elected to depart alone", "wants to go home by herself"
    re.compile(r"\b(?:elect(?:s|ed)?|cho(?:se|oses)|decided|decides|wants?|wanted|wish(?:es|ed)?|prefer(?:s|red)?|"
               r"plans?|will|would\s+like)\b[^.;]{0,30}?\bto\s+(?:be\s+)?(?:depart|leave|go|return|travel|removed|deported)"
               r"\s+(?:home\s+|back\s+)?(?:alone|by\s+(?:her|him|them)sel(?:f|ves)|on\s+(?:her|his|their)\s+own)\b", re.I),
    # "is not willing to take her daughter", "refuses to bring the kids"
    re.compile(rf"\b(?:not\s+willing|unwilling|refus(?:es|ed)|declin(?:es|ed))\s+to\s+(?:take|bring)\s+{_KIN}", re.I),
    re.compile(rf"\b(?:w/o|without)\s+{_KIN}\s*[:?\-]+\s*(?:yes|s[ií])\b|"
               rf"\b(?:w/|with)\s+{_KIN}\s*[:?\-]+\s*no\b", re.I)]
# the election form's box marked, as officers note it: "box 1 marked (reunify)"
_MARKED = r"\b(?:marked|checked|selected|ticked|initial(?:l)?ed)\b[^.;]{0,25}?"
_MARKED_WAIVE_RE = re.compile(rf"{_MARKED}(?:\bwaiv\w*|\bw/o\b|\bwithout\b|\bleav\w*|\bno\s+reunif\w*)", re.I)
_MARKED_REQUEST_RE = re.compile(rf"{_MARKED}(?<!no\s)\breunif\w*", re.I)
# "offered to subj, who accepted"
_TO_WHOM = r"(?:\s+to\s+(?:subj\w*|her|him|them|the\s+(?:parent|mother|father|detainee)))?\s*[.;:,\-]?\s*(?:who\s+)?"
_REQUEST_ANSWER_RE = re.compile(
    rf"(?:{_WITH}|\breunif\w*)[^.;]{{0,40}}?\boffered\b{_TO_WHOM}(?:accepted|agreed)\b|"
    rf"\b(?:w/|with)\s+{_KIN}\s*[:?\-]+\s*(?:yes|s[ií])\b|"
    rf"(?:{_WITH}|\breunif\w*)[^.;]{{0,40}}?\boffered\b\s*[.;:,\-]?\s*{_ANSWER}[:\-]?\s*(?:yes|accepted|agreed)\b|"
    rf"\boffered\b[^.;]{{0,60}}?(?:{_WITH}|\breunif\w*)[^.;]{{0,30}}?[.;,]\s*{_ANSWER}[:\-]?\s*(?:yes|accepted|agreed)\b", re.I)
# the lawyer refused: "does not wish to speak to an attorney", "does not need a lawyer"
_NO_LAWYER_RE = re.compile(
    rf"(?:\b(?:not|never)|n't)\s+(?:(?:wish|want|need)\w*\s+)?(?:to\s+)?(?:speak|talk|consult|see|call|need|want)\w*\s+"
    rf"(?:to\s+|with\s+|w/\s*)?(?:an?\s+|her\s+|his\s+|their\s+|any\s+)?{_LAWYER}", re.I)


def refuses_lawyer(text: str) -> bool:
    """Does the text turn a lawyer down? (Then it records no attorney answer.)"""
    return _NO_LAWYER_RE.search(text) is not None


_UNDECIDED_RE = re.compile(
    r"\b(?:(?:is|was|am)\s+not\s+sure|isn't\s+sure|not\s+sure|unsure|undecided|"
    r"(?:does|did)(?:\s+not|n't)\s+know\s+(?:yet|if|whether|what\s+to\s+do)|"
    r"(?:can't|cannot|could\s+not|couldn't|unable\s+to)\s+decide|"
    r"(?:would|will)\s+(?:prefer|rather)\s+not\s+(?:to\s+)?decide|"
    r"(?:would|will)\s+not\s+say\s+(?:whether|if)|won't\s+say\s+(?:whether|if)|"
    r"(?:has|had)(?:\s+not|n't)\s+(?:yet\s+)?decided|"
    r"(?:will|would)\s*(?:not|n't)\s+decide\s+(?:until|before|without)|won't\s+decide\s+(?:until|before|without)|"
    # a hedged wish and a later answer: "may want to take the child, will advise"
    r"(?:may|might)\s+want\b[^.;]{0,50}?[,;-]\s*(?:and\s+)?(?:subj\w*\s+|she\s+|he\s+)?will\s+(?:advise|let\s+\w+\s+know|get\s+back)|"
    # the parent's words in Spanish or Portuguese: "lo voy a pensar", "vou pensar"
    r"(?:lo\s+)?(?:voy\s+a|vamos\s+a|tengo\s+que|necesito|d[eé]jame|vou|preciso)\s+pensar(?:lo)?|pensarlo|"
    # refusing to choose is no choice: "refused to make an election", "declined to state whether"
    r"(?:refus|declin)\w*\s+to\s+(?:make\s+(?:an?\s+|any\s+)?(?:election|decision|choice)|decide|choose|"
    r"(?:state|say|answer|indicate|tell)\s+(?:whether|if|what))|"
    # the answer deferred: "requested 24 hrs to decide", "needs time to think it over",
    # "will be re-interviewed after he speaks to his family", "to decide after ..."
    r"(?:ask\w*|request\w*|req|needs?|needed|wants?|wanted|given|granted|gave\s+\w+)\s+(?:for\s+)?"
    r"(?:(?:some|more|additional|extra|a\s+few|a\s+couple\s+of|one|two|three|\d+)\s+)?(?:time|hrs?|hours?|days?|minutes?|mins?)\s+"
    r"(?:(?:more\s+)?(?:to|before)\s+(?:decid\w*|think|consider|answer|respond)|to\s+make\s+(?:a|the|her|his)\s+decision)|"
    r"will\s+(?:be\s+)?(?:re-?interview\w*|re-?visit\w*|revisit|decide|answer|respond|follow\s+up)\s+"
    r"(?:\w+\s+){0,3}?(?:after|once|when)\s+(?:she|he|they|subj\w*|the\s+parent)\s+"
    r"(?:speaks?|talks?|consults?|calls?|hears?|thinks?))\b|"
    # no choice made (yet): "makes no decision", "does not want to make any decision today",
    # "needs more time", "will decide after the visit", "needs to talk to her husband first"
    r"\b(?:makes?|made|has\s+made|reached|gave|gives)\s+no\s+(?:decision|election|choice)|"
    r"\bno\s+(?:decision|election|choice)\s+(?:made|yet|today|at\s+this\s+time)|"
    r"(?:not|n't)\s+(?:want\s+to\s+|wish\s+to\s+|ready\s+to\s+)?make\s+(?:a|any|the|an|her|his)\s+(?:decision|election|choice)|"
    r"not\s+(?:yet\s+)?ready\s+to\s+(?:decide|choose|answer)|"
    r"(?:needs?|needed|asked\s+for|asks\s+for|requested|requests|wants?|wanted)\s+(?:some\s+)?more\s+time\b|"
    r"will\s+(?:decide|choose|make\s+(?:a|the|her|his)\s+decision)\s+(?:after|once|when|later|tomorrow|by)\b|"
    r"(?:needs?|needed|wants?|wanted|would\s+like|has)\s+to\s+(?:talk|speak|consult|call|check|discuss\s+it)\b[^.;]{0,50}?\bfirst\b",
    re.I)
# the officer's question about removal with the child, and the parent's answer after it:
# "asked if he wanted to be deported w/ his son. He said he did not."
_IN_QUESTION = re.compile(r"\basked\s+(?:\w+\s+){0,2}(?:if|whether)\s+[^.;?]*$", re.I)
_QUESTION_START = re.compile(r"asked\s+(?:\w+\s+){0,2}(?:if|whether)\b", re.I)
_QUESTION_ANSWER = re.compile(
    rf"\basked\s+(?:\w+\s+){{0,2}}(?:if|whether)\s+[^.;?]{{0,80}}?(?:\b(?:with|w/)\s+{_KIN}|\breunif\w*|together)[^.;?]{{0,30}}?"
    r"(?:[.;?]|,?\s+and\b)\s*(?:(?:subj\w*|he|she|they|pa)\s+)?(?:(?:said|stated|answered|replied)\s+)?(?:(?:that\s+)?(?:he|she|they)\s+)?"
    r"(no\b|did\s+not|didn't|does\s+not|doesn't|declined|refused|yes\b|did\b(?!\s+not)|agreed|accepted)", re.I)
# a hedged wish is no request: "may want to bring her son, will advise"
_HEDGE_BEFORE = re.compile(r"\b(?:may|might|possibly|probably|perhaps|maybe)\s*$", re.I)
_OFFICER_ASKS = re.compile(r"\b(?:was|were|been)\s+asked\b|\basked\s+(?:\w+\s+)?(?:if|whether)\b", re.I)
_NEG_BEFORE = re.compile(r"\b(?:not|n't|never|no|declined|refused)\s*$", re.I)
# what the parent *can* do, as the officer explains it: "told she can request to be removed with"
_CAN_BEFORE = re.compile(r"\b(?:can|may|could|right\s+to|able\s+to|allowed\s+to)\s*$", re.I)
_NEG_INSIDE = re.compile(r"\b(?:not|n't|never|no)\b", re.I)


# An option chosen by its number from a numbered list in the entry ("OPTIONS: (1) removal
# w/ child (2) depart w/o child (3) consult atty. SUBJ CHOSE OPTION 2", "CHOSE #3, ATTY")
_CHOSE_NUMBER_RE = re.compile(r"\b(?:cho(?:se|oses|sen)|select(?:s|ed)|elect(?:s|ed)|pick(?:s|ed)|opt(?:s|ed)\s+for|"
                              r"marked|checked|wants?)\s+(?:option\s*|opt\.?\s*|#\s*|no\.?\s*|number\s+|box\s*)(\d)\b", re.I)


def _option_meaning(item: str) -> Optional[str]:
    """The answer an option's words describe (waiver, request, lawyer), or None."""
    if re.search(rf"\b{_LAWYER}\b|\bconsult\w*", item, re.I):
        return "ATTORNEY"
    if re.search(r"\b(?:w/o|without|waiv\w*|leave\s+(?:the\s+)?child|no\s+reunif\w*)", item, re.I):
        return "WAIVE"
    if re.search(r"\b(?:w/|with|together|reunif\w*)", item, re.I):
        return "REQUEST"
    return None


def chosen_option(text: str) -> Optional[tuple[str, tuple[int, int]]]:
    """The decision of an option chosen by number: the numbered item's words, else the
    words right after the number ("CHOSE #3, ATTY")."""
    m = _CHOSE_NUMBER_RE.search(text)
    if m is None:
        return None
    n = m.group(1)
    item = re.search(rf"(?:\(\s*{n}\s*\)|(?<![\w#]){n}\s*[).:-])\s*([^()]{{3,60}}?)(?=\(\s*\d\s*\)|(?<![\w#])\d\s*[).]|[.;]|$)",
                     text[:m.start()])
    meaning = _option_meaning(item.group(1)) if item else None
    if meaning is None:
        after = re.match(r"\s*[,:\-(]\s*([^.;]{2,30})", text[m.end():])
        meaning = _option_meaning(after.group(1)) if after else None
    return (meaning, m.span()) if meaning else None


def stated_decision(text: str) -> Optional[tuple[str, tuple[int, int]]]:
    """("ATTORNEY" | "UNDECIDED", span) stated in plain words, or None. A request for a
    lawyer is the more specific answer ("not sure, then asked for a lawyer")."""
    text = deglyph(text)  # "UNDEC1DED", "REUN1F": OCR's digits for letters (same length)
    text = re.sub(r"(?<=[a-z])I(?=[a-z]|\b)", "l", text)  # OCR's I for l inside lower-case words ("decIined", "chiId")
    chosen = chosen_option(text)
    if chosen is not None:
        return chosen
    for rx in (_ATTORNEY_RE, _ATTORNEY_NOUN_RE):
        for m in rx.finditer(text):
            if _OFFICER_ASKS.search(text[max(0, m.start() - 10):m.end()]):
                continue  # "was asked if he wanted to call a lawyer": the officer's question
            if not _NEG_BEFORE.search(text[max(0, m.start() - 14):m.start()]):
                return "ATTORNEY", m.span()
    hits = []
    for rx in _REQUEST_RES:
        hits += [("REQUEST", m.span()) for m in rx.finditer(text)
                 if not _NEG_BEFORE.search(text[max(0, m.start() - 14):m.start()])
                 and not _CAN_BEFORE.search(text[max(0, m.start() - 24):m.start()])
                 and not _HEDGE_BEFORE.search(text[max(0, m.start() - 12):m.start()])
                 and not _NEG_INSIDE.search(m.group(0))]
    for rx in _WAIVE_RES:
        hits += [("WAIVE", m.span()) for m in rx.finditer(text)]
    hits = [h for h in hits if h[0] != "REQUEST" or not (_IN_QUESTION.search(text[max(0, h[1][0] - 40):h[1][0]])
                                                          or _QUESTION_START.match(text, h[1][0]))]
    hits += [("REQUEST", m.span()) for m in _REQUEST_ANSWER_RE.finditer(text)]
    for m in _QUESTION_ANSWER.finditer(text):
        yes = re.match(r"(?i)(?:yes|s[ií]|did(?!\s+not)|agreed|accepted)\b", m.group(1)) is not None
        hits.append(("REQUEST" if yes else "WAIVE", m.span()))
    waived = [("WAIVE", m.span()) for m in _MARKED_WAIVE_RE.finditer(text)]
    hits += waived or [("REQUEST", m.span()) for m in _MARKED_REQUEST_RE.finditer(text)]
    m = _UNDECIDED_RE.search(text)
    if m:
        hits.append(("UNDECIDED", m.span()))
    # an entry ends with its outcome: of a request and an undecided answer, the later one
    return max(hits, key=lambda h: h[1][0]) if hits else None


# The officer's question answered in shorthand, one answer per option: "W/ SON: NO.
# W/O SON: YES." The answers decide, whatever the classifier makes of the yes and no.
_QA_WAIVE = re.compile(rf"\b(?:w/o|without)\s+{_KIN}\s*[:?\-]+\s*(?:yes|s[ií])\b|"
                       rf"\b(?:w/|with)\s+{_KIN}\s*[:?\-]+\s*no\b", re.I)
_QA_REQUEST = re.compile(rf"\b(?:w/|with)\s+{_KIN}\s*[:?\-]+\s*(?:yes|s[ií])\b|"
                         rf"\b(?:w/o|without)\s+{_KIN}\s*[:?\-]+\s*no\b", re.I)


def shorthand_answer(text: str) -> Optional[tuple[str, tuple[int, int]]]:
    """The decision of question-and-answer shorthand, when all its answers agree."""
    waive = [m.span() for m in _QA_WAIVE.finditer(text)]
    request = [m.span() for m in _QA_REQUEST.finditer(text)]
    if waive and not request:
        return "WAIVE", waive[0]
    if request and not waive:
        return "REQUEST", request[0]
    return None


_BARE_NO = re.compile(r"\b(?:said|says|answered|replied|responded)\s+['\"]?no\b|:\s*['\"]?no\b|\bdeclined\s*[.;,]", re.I)


def request_after_no(clause: str) -> Optional[tuple[int, int]]:
    """A request stated after a bare "no" in the same clause ("asked if he wants a lawyer.
    SAID NO. ELECTED TO BE REMOVED W/ HIS SON"): the "no" answered something else."""
    no = _BARE_NO.search(clause)
    if no is None:
        return None
    later = stated_decision(clause[no.end():])
    if later is not None and later[0] == "REQUEST":
        return no.end() + later[1][0], no.end() + later[1][1]
    return None
