"""Rules for the people an officer names in a case comment: the witness of an oral
waiver or a signing, and the children. Officers' titles, name lists and upper-case text
are handled by general patterns (title + capitalised words, stop words that are never
names); :mod:`extractor.comments.fields` turns the results into fields.
"""
from __future__ import annotations

import re
from typing import Optional

# titles may stack ("Supv. DO Blanchard", "Acting SDDO Reyes")
_TITLE = (r"(?:SDDO|AFOD|FOD|ERO|IEA|DDO|SDO|SIEA|ADDO|DO|Officer|OFFICER|Ofc\.?|Supervisor|"
          r"Supervisory|SUPV\.?|Supv\.?|Acting|Agent)")
_NAMETOK = r"(?:[A-ZÀ-Ý]\.|[A-ZÀ-Ý][A-Za-zÀ-ÿ'’\-]+)"
_NAME = rf"(?:{_TITLE}\s+){{0,2}}{_NAMETOK}(?:\s+{_NAMETOK}){{0,3}}"
_WITNESS_BEFORE = re.compile(
    rf"\b(?i:witn?e?s+e?d\s*(?:by|:|-)|in\s+(?:the\s+)?presence\s+of|witn?e?s+(?:es)?\s*(?::|-|was|is)|"
    rf"wit\s*[:\-]|heard\s+by|with\s+witness|en\s+presencia\s+de|testigo\s*:|in\s+front\s+of)\s*({_NAME})")
# "WIT DO B. Karlsson", "Witness SDDO L. Marchetti": no colon, so a title or an initial must follow
_NAME_STRONG = (rf"(?:{_TITLE}\s+{_NAMETOK}(?:\s+{_NAMETOK}){{0,3}}|"
                rf"[A-ZÀ-Ý]\.\s*{_NAMETOK}(?:\s+{_NAMETOK}){{0,2}})")
_WITNESS_BARE = re.compile(rf"\b(?i:wit|witn?e?s+)\.?\s+({_NAME_STRONG})")
_WITNESS_AFTER = re.compile(
    rf"({_NAME})(?:\s*\([^()]{{0,30}}\))?,?\s+(?i:(?:who\s+)?(?:was\s+)?(?:present\s+as\s+(?:a\s+)?witness|witnessed|acted\s+as\s+witness|"
    rf"served\s+as\s+witness))")
# "SDDO WHEELER PRESENT": an officer named with a title and recorded as present
_WITNESS_PRESENT = re.compile(rf"\b({_TITLE}\s+{_NAMETOK}(?:\s+{_NAMETOK}){{0,2}})\s+(?i:(?:was\s+)?present)\b")


def _clean_person(s: str) -> Optional[str]:
    s = re.sub(r"\s+", " ", s).strip(" .,;:")
    if not s or s.lower() in {"this officer", "the officer", "officer", "me", "the undersigned"}:
        return None
    if s.split()[0].lower() in {"this", "the", "a", "an", "subject", "parent"}:
        return None
    return s


def witness(text: str) -> Optional[tuple[str, tuple[int, int]]]:
    """Who heard the oral waiver or witnessed the signing, and where it was read."""
    for rx in (_WITNESS_BEFORE, _WITNESS_BARE, _WITNESS_AFTER, _WITNESS_PRESENT):
        for m in rx.finditer(text):
            name = m.group(1)
            if rx is _WITNESS_AFTER or rx is _WITNESS_PRESENT:
                # keep only the name at the end of what precedes "present as witness"
                name = _trailing_name(name)
            # the name is upper-case words only up to a lower-case word
            name = _clean_person(_cut_name(name))
            if name:
                return name, (m.start(1), m.start(1) + len(m.group(1)))
    return None


def _trailing_name(s: str) -> str:
    """The name at the end of what precedes "present as witness": from the last title
    on ("U.S. AFOD R. Wilson" -> "AFOD R. Wilson"), else without leading stop words."""
    toks = s.split()
    titled = [i for i, t in enumerate(toks) if re.fullmatch(_TITLE, t)]
    if titled:
        first = titled[-1]
        while first - 1 in titled:  # stacked titles stay: "Supv. DO Blanchard"
            first -= 1
        return " ".join(toks[first:])
    while toks and toks[0].lower() in _STOP:
        toks = toks[1:]
    return " ".join(toks)


def _cut_name(s: str) -> str:
    toks = []
    for t in s.split():
        initial = re.fullmatch(r"[A-ZÀ-Ý]\.", t) is not None
        if t.strip(".,").lower() in _STOP and not re.fullmatch(_TITLE, t) and not initial:
            break
        toks.append(t)
    return " ".join(toks)


# Words that are never part of a child's or officer's name (upper-case text hides case).
_STOP = set("""
a about after again against all along alone also an and any are as at back be because been
before being better between both but by can case child children choice consulate could
custody daughter daughters decided decision depart departure did do does down during each
either elected election first for form from future go going had has have he her here him
his home however if immigration in into is it its just leave left located may me minor more
my no not now of on once only option or orr other our out over per placed prior pursue
relief remain removal removed returned reunification reunified reunify said same she
shelter should since so son sons stated stay still subject subj such than that the their
them then there these they this those through time to together too under until up us
very was we were what when where which while who why will with without would you your
want wants wished wishes wish requested requesting requests request remained remains
officer present witness witnessed interview interpreter interp language today advised
informed explained read signed waiver elects sponsor whom pa parent detainee mother father
is are was were en con sin mi su y el la los las de del que por para quiero
via tel telephonic interp adv advd decl req reqd reunif rptd ero do fod afod sddo iea
per pending prior re regarding concerning who has had also currently again now
""".split())
_STOP -= {"de", "del", "la", "los", "las"}  # allowed inside Spanish names (see below)

# "minor child Josue": a second child noun is part of the noun, not the name. Plural
# nouns and officers' shorthand ("UAC", "Baby:") introduce names too, "mother of" names
# the children ("Mother of Josselyn and Fernando"); "chiId" is "child" with OCR's I for l.
_CHILD_NOUN = (r"(?:(?:minor|usc|youngest|eldest|oldest)\s+(?:son|daughter|child)|sons?|daughters?|"
               r"chi[lI1]d(?:ren)?|minors?|kids|uacs?|baby|infant|(?:mother|father|parent)\s+of(?:\s+uac)?)")
_NAME_WORD = r"[A-ZÀ-Ý][A-Za-zÀ-ÿ'’\-]+"
_ONE_NAME = rf"{_NAME_WORD}(?:\s+(?:(?:de|del|de la|de los)\s+)?{_NAME_WORD}){{0,4}}"
# a list of names: "Elsa and Tomas", "Jose, Maria and Eliseo", "Heidy, Josue"
_CHILD_RE = re.compile(rf"\b(?i:{_CHILD_NOUN})\b\s*(?:(?i:two|three|four|both)\s+(?i:children|kids|sons|daughters)\s*)?"
                       rf"[,:(]?\s*\(?\s*({_ONE_NAME}(?:\s*(?:,|&|\band\b|\by\b)\s*{_ONE_NAME})*)")
_LIST_SEP = re.compile(r"\s*(?:,|&|\band\b|\by\b)\s*")


def _name_part(raw: str) -> Optional[str]:
    """The capitalised words of one name up to the first stop word."""
    toks = []
    for t in raw.split():
        if t.lower() in _STOP or (not t[0].isupper() and t not in ("de", "del", "la", "los")):
            break
        toks.append(t)
    while toks and toks[-1] in ("de", "del", "la", "los"):
        toks.pop()
    return " ".join(toks) or None


def children(text: str) -> Optional[tuple[list[str], tuple[int, int]]]:
    """The children named in the entry, and where the first was read."""
    names: list[str] = []
    first_span = None
    quoted = [(q.start(), q.end()) for q in re.finditer(r"[\"“][^\"“”]*[\"”]", text)]
    for m in _CHILD_RE.finditer(text):
        if any(a <= m.start() < b for a, b in quoted):
            continue  # words inside a quotation of what the parent said
        raw = m.group(1)
        start = m.start(1)
        if not raw[0].isupper():
            continue
        for k, part in enumerate(_LIST_SEP.split(raw)):
            name = _name_part(part) if part else None
            if name is None:
                break  # a stop word ends the list ("Elsa and SUBJ ..." is not a name)
            if name.lower() in (n.lower() for n in names):
                continue
            names.append(name)
            if first_span is None:
                first_span = (start, start + len(name))
            if len(name.split()) < len(part.split()):
                break  # the name stopped early: the words after it are not names
    if not names:
        return None
    return names, first_span
