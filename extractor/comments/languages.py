"""Languages and officer fluency in forms the entity ruler does not see.

General facts, not phrasings of any one set:

* officers give a language as its ISO 639-3 code: in brackets ("TEL INTERP (spa)"), after
  a label ("INTERP: SPA") or as a bare upper-case clause ("ORAL. SPA.");
* OCR of upper-case printouts turns letters into look-alike digits ("SPAN1SH", "0FF1CER");
* an officer who speaks the parent's language records it as "Spanish speaking officer",
  "this officer speaks Spanish", "interview done in English by this officer": the officer
  is the fluent speaker the audit asks for (C-LANGUAGE needs an interpreter *or* fluency).
"""
from __future__ import annotations

import re
from typing import Optional

from extractor.normalize import LANGUAGE_NAMES, strip_accents

_CODES = sorted(LANGUAGE_NAMES)
# Lower-case codes only in brackets ("(spa)"): "por" is also a Spanish word.
_CODE_RE = re.compile(r"\((" + "|".join(_CODES) + r")\)|(?<![A-Za-z])(" + "|".join(c.upper() for c in _CODES)
                      + r")(?![A-Za-z])")
_NAME_TO_CODE = {strip_accents(n.lower()): code for code, names in LANGUAGE_NAMES.items() for n in names}
_LANG_ALT = "|".join(sorted((re.escape(n) for n in _NAME_TO_CODE), key=len, reverse=True))
LANG_ALT = _LANG_ALT  # every language name, accents stripped, longest first


def code_of(name: str) -> Optional[str]:
    """The ISO 639-3 code of a language name (any case, accents stripped)."""
    return _NAME_TO_CODE.get(strip_accents(name.lower()))
_OFFICER = r"(?:officer|ofc|do|sddo|sdo|afod|fod|agent|iea|io|interviewer|deportation\s+officer|undersigned|writer)"
_ME = rf"(?:me|this\s+{_OFFICER}|the\s+undersigned|undersigned)"
# an officer named by title alone, as shorthand notes do ("IO", "DO", "SDDO")
_SHORT_OFFICER = r"(?:io|do|sddo|sdo|ddo|iea|officer|ofc)"
_LANG_OR_CODE = _LANG_ALT + "|" + "|".join(_CODES)
_FLUENT_RES = [
    re.compile(rf"\b({_LANG_ALT})(?:\s*-\s*|\s+)speaking\s+(?:\w+\s+)?{_OFFICER}\b", re.I),
    # "this officer speaks Spanish", "officer speaks spanish" (the determiner is often left out)
    re.compile(rf"\b(?:(?:this|the|reporting|interviewing|writing)\s+)?{_OFFICER}\s+(?:speaks|is\s+fluent\s+in|"
               rf"is\s+a\s+native|is\s+a\s+fluent|spoke\s+with\s+\w+\s+in)\s+({_LANG_ALT})\b", re.I),
    re.compile(rf"\binterview(?:ed)?\s+(?:was\s+)?(?:done\s+|conducted\s+|held\s+)?in\s+({_LANG_ALT})\s+by\s+"
               rf"(?:(?:this|the)\s+{_OFFICER}|me)\b", re.I),
    re.compile(rf"\binterview(?:ed)?\s+(?:was\s+)?(?:done|conducted|held)\s+by\s+{_ME}\s+in\s+({_LANG_ALT})\b", re.I),
    re.compile(rf"\b(?:this\s+{_OFFICER}|i)\s+(?:conducted|did)\s+the\s+interview\s+in\s+({_LANG_ALT})\b", re.I),
    # the writer's own fluency: "I speak Spanish", "I am fluent in Portuguese"
    re.compile(rf"\b(?:i|this\s+{_OFFICER})\s+(?:speak|am\s+fluent\s+in|am\s+a\s+native\s+|am\s+a\s+fluent\s+)\s*({_LANG_ALT})\b", re.I),
    # officers' shorthand: "IO FLUENT SPA", "DO SPANISH FLUENT", "IO SPANISH." (the officer
    # and the language, nothing else in the clause)
    re.compile(rf"\b{_SHORT_OFFICER}\s+(?:is\s+)?fluent\s+(?:in\s+)?({_LANG_OR_CODE})(?![A-Za-z])", re.I),
    re.compile(rf"\b{_SHORT_OFFICER}\s+({_LANG_OR_CODE})\s+(?:fluent|speaker|speaking)\b", re.I),
    re.compile(rf"(?:^|[.;,(]\s*){_SHORT_OFFICER}\s+({_LANG_OR_CODE})\s*(?=[.;,)]|$)", re.I),
    # the officer talking with the parent in the language: "IO spoke to SUBJ in Spanish",
    # "IO CONFIRMED W/ SUBJ IN SPANISH"; Spanish/Portuguese "OFICIAL HABLA ESPANOL"
    re.compile(rf"\b{_SHORT_OFFICER}\s+(?:spoke|speaks|talked|talks|confirmed|communicated|conversed|"
               rf"interviewed|explained|asked|advised|questioned)\b[^.;]{{0,30}}?\bin\s+({_LANG_ALT})\b", re.I),
    re.compile(rf"\b(?:oficial|agente)\s+(?:que\s+)?(?:habla|hablo|fala|falou)\s+({_LANG_ALT})\b", re.I),
    # "Spanish by IEA Ruiz", "conversation in Spanish by this officer", "advised in Spanish by
    # this officer", "officer is a Spanish speaker", "per conversation with DO Riggs in Spanish"
    re.compile(rf"\b({_LANG_ALT})\s+(?:by|per)\s+(?:this\s+|the\s+)?(?:{_OFFICER}|ofcr|me)\b", re.I),
    re.compile(rf"\b(?:{_OFFICER}|ofcr|i)\s+(?:is|am)\s+an?\s+(?:native\s+|fluent\s+)?({_LANG_ALT})\s+speaker\b", re.I),
    re.compile(rf"\b(?:with|w/)\s+{_SHORT_OFFICER}\s+[A-Z][\w'-]+\s+in\s+({_LANG_ALT})\b", re.I),
    re.compile(rf"(?:^|[.;]\s*)(?:i\s+)?(?:spoke|talked)\s+(?:with|to)\s+(?:subj\w*|him|her|them|the\s+\w+)\s+in\s+({_LANG_ALT})\b", re.I),
    re.compile(rf"\b{_OFFICER}\s+(?:went\s+over|explained|reviewed)\b[^.;]{{0,40}}?\bin\s+({_LANG_ALT})\b", re.I),
    # Spanish and French: "hablado en español por el oficial", "agent parle français"
    re.compile(rf"\ben\s+({_LANG_ALT})\s+por\s+(?:el\s+|la\s+)?(?:oficial|agente)\b|"
               rf"\b(?:agent|officier)\s+parle\s+({_LANG_ALT})\b", re.I),
    # the writer speaking to the parent in the language: "I spoke with her in English"
    re.compile(rf"\b(?:i|this\s+{_OFFICER})\s+(?:spoke|talked|communicated|speak|talk)\s+(?:directly\s+)?"
               rf"(?:with|to)\s+(?:\w+\s+){{1,2}}?in\s+({_LANG_ALT})\b", re.I),
]
# Officers' abbreviations of a language name, taken only beside an interpreter word
# ("TEL INTERP SPAN", "Sp. interp by phone", "INTERP ESP") or as a clause of its own in
# upper case ("PER SUBJ. SPAN"): alone, "port" and "span" are ordinary words.
_ABBREVS = {"span": "spa", "spn": "spa", "sp": "spa", "esp": "spa", "port": "por", "portug": "por"}
_ABBR = r"(span|spn|sp|esp|portug|port)\.?"
_INTERP = r"(?:tel\s+|phone\s+|telephonic\s+)?interp\w*"
_ABBREV_RE = re.compile(
    rf"(?i:(?<![A-Za-z]){_INTERP}\s*[:(-]?\s*{_ABBR}(?![A-Za-z])"
    rf"|(?<![A-Za-z]){_ABBR}\s+{_INTERP})"
    r"|(?:^|[.;]\s+|\s-\s)(SPAN|SPN|ESP|PORT)\.?\s*$"
    r"|(?:^|[.;]\s+|\s-\s)(SPAN|SPN|ESP|PORT)\.?(?=\s*[.;])")
_DIGIT_AS_LETTER = str.maketrans({"0": "O", "1": "I", "5": "S", "8": "B", "|": "I"})


def deglyph(text: str) -> str:
    """Words that mix letters and look-alike digits read as letters ("SPAN1SH" ->
    "SPANISH"); numbers, dates and A-numbers (no letters, or A + digits) stay. Same length."""
    def fix(m: re.Match) -> str:
        w = m.group(0)
        letters = sum(ch.isalpha() for ch in w)
        if letters == 0 or letters == 1 and len(w) > 3 and w[0] in "Aa":
            return w
        out = w.translate(_DIGIT_AS_LETTER)
        return out if w.isupper() or not any(ch.islower() for ch in w) else out.lower()
    return re.sub(r"[A-Za-z0-9|]*\d[A-Za-z0-9|]*", fix, text)


def officer_fluent(text: str) -> Optional[tuple[str, tuple[int, int]]]:
    """The language an officer speaks to the parent, and where it was read."""
    clean = deglyph(strip_accents(text))
    for rx in _FLUENT_RES:
        m = rx.search(clean)
        if m:
            word = next(g for g in m.groups() if g).lower()
            code = _NAME_TO_CODE.get(word) or (word if word in _CODES else None)
            if code:
                return code, (m.start(), m.end())
    return None


def _code_context(text: str, a: int, b: int) -> bool:
    """A bare upper-case code stands alone: it starts a clause or follows a label, and
    ends a clause or is followed by an interpreter's number."""
    before = text[max(0, a - 12):a]
    after = text[b:b + 8]
    starts = re.search(r"(?:^|[.;,:/(]\s*|INTERP\w*\s+)$", before, re.I) is not None
    ends = re.match(r"\s*(?:$|[.;,)/]|#|\d|INTERP)", after, re.I) is not None
    return starts and ends


# A code beside an interpreter, in any case: "tel interp spa", "INTERP SPA TEL #3045",
# "TEL INTERP 44012 spa", "TEL INTERP CAK ID 6041", "(spa, phone #5009)". Only where no
# word follows ("interp por telefono": "por" is Spanish for "by").
_INTERP_CODE_RE = re.compile(
    r"(?i:(?<![A-Za-z])(?:interp\w*|translator)\s*[:(#-]?\s*(?:(?:tel|phone|by\s+phone|#?\s*\d+|id\s*#?\s*\d+)[\s,]*)*"
    r"\(?\s*|(?<![A-Za-z])\((?=\w{3}\s*[,;/]))(" + "|".join(_CODES) + r")"
    r"(?i:(?=\s*(?:$|[.;,)/#]|\d|tel\b|phone\b|id\b|interp)))", re.I)


_SPN_RE = re.compile(r"(?<![A-Za-z])(?:SPN|spn)(?![A-Za-z])")


def coded_language(text: str) -> Optional[tuple[str, tuple[int, int]]]:
    """A language given as its code ("(spa)", "INTERP: SPA", "SPA.") or an OCR-damaged
    upper-case name ("SPAN1SH"), and where it was read. English last: "ENG" next to
    another language means the parent's language is the other one."""
    hits = []
    # "SPN", officers' other three-letter code for Spanish, read as the ISO one (same length)
    coded = _SPN_RE.sub(lambda m: "SPA" if m.group(0).isupper() else "spa", text)
    for m in _CODE_RE.finditer(coded):
        if m.group(2) and not _code_context(coded, m.start(), m.end()):
            continue  # an upper-case word that only looks like a code ("POR FAVOR")
        code = (m.group(1) or m.group(2)).lower()
        hits.append((code, m.span()))
    for m in _INTERP_CODE_RE.finditer(coded):
        hits.append((m.group(1).lower(), m.span(1)))
    clean = deglyph(text)
    if clean != text:
        for m in re.finditer(rf"\b({_LANG_ALT})\b", strip_accents(clean), re.I):
            if clean[m.start():m.end()] != text[m.start():m.end()]:  # only words OCR damaged
                hits.append((_NAME_TO_CODE[m.group(1).lower()], m.span()))
    for m in _ABBREV_RE.finditer(text):
        g = next(i for i in range(1, 5) if m.group(i))
        hits.append((_ABBREVS[m.group(g).lower()], m.span(g)))
    hits.sort(key=lambda h: (h[0] == "eng", h[1][0]))
    return hits[0] if hits else None


# An interpreter negated or unavailable ("no interp needed", "INTERP REQUESTED; NONE
# AVAILABLE")
NEG_INTERP_RE = re.compile(r"\b(no|without|not|unavailable|none)\b[^.;]{0,25}\binterp|"
                            r"\binterp\w*\s+(was\s+)?(not|un)\w*\s*(available|used|needed)|"
                            r"\binterp\w*\b(?:[^.]|(?<=\bSr|\bMr|\bMs|\bDr)\.|(?<=\bSra|\bMrs)\.){0,45}?"
                            r"\b(unavailable|(not|none|no\s+one)\s+(was\s+)?available)", re.I)
# "Kaqchikel interp unavailable", "K'iche' interpreter requested; none available": a
# language no one could interpret is not the language of the conversation
_UNAVAILABLE_AFTER = re.compile(r"^(?:[^.]|(?<=\bSr|\bMr|\bMs|\bDr)\.|(?<=\bSra|\bMrs)\.){0,40}?\b(?:unavailable|(?:not|none|no\s+one)\s+(?:was\s+)?available|"
                                r"could\s+not\s+be\s+(?:found|reached|located|obtained))\b|"
                                # the next sentence says so: "CALLED THE LINE FOR X. NO INTERP AVAILABLE."
                                r"^[^.;]{0,15}[.;]\s*(?:no|none)\s+(?:\w+\s+)?interp\w*\s+(?:was\s+)?(?:available|found|reached)\b", re.I)
_INTERP_USED = re.compile(r"\b(?:interp\w*|translat\w*)\b", re.I)


def to_stop(text: str, a: int, b: int) -> str:
    """A clause to the full stop: "INTERP REQUESTED; NONE AVAILABLE" negates across ';'."""
    stop = text.find(".", b)
    return text[a:stop if stop >= 0 else len(text)]


def unavailable_after(text: str, end: int) -> bool:
    """Is the language ending at ``end`` one no interpreter could be had for (and none was
    used after all: "unavailable in person; tel interp used" keeps it)?"""
    gone = _UNAVAILABLE_AFTER.search(text[end:end + 60])
    if not gone:
        return False
    rest = strip_accents(to_stop(text, end + gone.end(), end + gone.end()))
    # the interpreter used after it is of another language: "X interp not available;
    # interview done through a Spanish interpreter"
    return not _INTERP_USED.search(rest) or re.search(rf"\b(?:{_LANG_ALT})\b", rest, re.I) is not None


def no_interp_of(text: str, start: int, end: int) -> bool:
    """Is the language at start..end one no interpreter was had for ("no Mam interpreter
    was available", "without an Ixil interp")?"""
    return (re.search(r"\b(?:no|without\s+(?:an?\s+)?)\s*$", text[max(0, start - 12):start], re.I) is not None
            and re.match(r"'?\s*(?:interp\w*|translator)\b", text[end:end + 20], re.I) is not None)


# An interpreter only planned: "will serve the form tomorrow w/ K'iche' interp", "in-person
# interp requested, ETA tomorrow", "reschedule with a Mam interpreter": no conversation
# was held through it (yet)
_PLANNED_INTERP_RE = re.compile(
    r"\b(?:will|to\s+be|shall)\b[^.;]{0,60}?\b(?:w/|with|via|using|through)\s+(?:an?\s+)?(?:[\w'-]+\s+){0,2}interp|"
    r"\binterp\w*\s+(?:requested|scheduled|pending|ordered|to\s+be\s+\w+)\b[^.]{0,60}?"
    r"\b(?:eta|tomorrow|tmrw|next|later|arriv\w*)\b|"
    r"\b(?:reschedul\w*|tomorrow|tmrw|next\s+(?:visit|week|day))\b[^.;]{0,30}?\b(?:w/|with)\s+(?:an?\s+)?(?:[\w'-]+\s+){0,2}interp", re.I)


def planned_interp(clause: str) -> bool:
    """Is the interpreter of this clause one only planned (no interview through it yet)?"""
    return _PLANNED_INTERP_RE.search(clause) is not None
