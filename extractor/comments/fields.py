"""From one entry's comment text to the contract's case-comment fields.

The text-derived fields (decision, decision_mode, info_provided, option_offered,
language, interpreter_or_fluent, witness_name, child_names) come from the spaCy
pipeline in :mod:`nlp`; the header fields (a_number, entry_date, author) come from the
table's columns or the printout's header line and are added by the callers.

Each value is a :class:`Found`: value, confidence and the character span of the
comment text it was read from (the caller turns it into a Field with evidence).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Optional

from spacy.tokens import Doc

from extractor.comments.nlp import get_nlp

DECISION_LABELS = {"WAIVE": "waive_reunification", "REQUEST": "requests_reunification",
                   "ATTORNEY": "consult_attorney", "UNDECIDED": "undecided"}
#: a clause needs this much support to carry a decision
DECISION_MIN = 0.5
#: a later decision this sure overrides an earlier one (a change of mind)
LATER_MIN = 0.7
#: a clause is confidently unrelated only when the classifier gives NONE at least this;
#: below it an entry with no decision read is about the choice (C-DECISION goes to a
#: reviewer as `unknown`, never `not_applicable`). On the validation sets every entry
#: whose decision was missed has NONE < 0.25; the unrelated notes mostly > 0.6.
NONE_CONFIDENT = 0.5
FLAG_MIN = 0.5


@dataclass
class Found:
    value: Any
    confidence: float
    span: Optional[tuple[int, int]] = None  # characters of the comment text
    how: str = ""


def analyze(text: str) -> dict[str, Optional[Found]]:
    """The text-derived fields of one entry's comment (None = not recorded)."""
    doc = get_nlp()(text or "")
    out: dict[str, Optional[Found]] = {}
    out.update(_decision_and_flags(doc))
    out["about_choice"] = _about_choice(doc) if out["decision"] is None else None
    out["language"] = _language(doc)
    out["interpreter_or_fluent"] = _interpreter(doc)
    out["witness_name"] = _witness(doc)
    out["child_names"] = _children(doc)
    return out


# ---- trained: decision and flags -----------------------------------------------------

def _decision_and_flags(doc: Doc) -> dict[str, Optional[Found]]:
    clauses = doc._.clause_cats or []
    decided = []  # (score, label, span) of every clause that records a decision, in order
    for a, b, cats in clauses:
        dec = {k: cats.get(k, 0.0) for k in ("WAIVE", "REQUEST", "ATTORNEY", "UNDECIDED", "NONE")}
        label = max(dec, key=dec.get)
        if label == "NONE" or dec[label] < DECISION_MIN:
            continue
        decided.append((dec[label], label, (a, b)))
    best = None
    if decided:
        # an entry ends with the outcome ("initially requested ..., later stated ..."): the
        # last confident decision counts; a weak last one yields to a clearly stronger one
        top = max(d[0] for d in decided)
        best = next(d for d in reversed(decided) if d[0] >= LATER_MIN or d[0] >= top - 0.2)
    if best is not None and best[1] == "UNDECIDED":
        # "wants to see a lawyer first. No decision today": the attorney is why there is no
        # decision yet, and the more specific answer
        att = [(c.get("ATTORNEY", 0.0), (a, b)) for a, b, c in clauses
               if c.get("ATTORNEY", 0.0) >= DECISION_MIN
               and c["ATTORNEY"] == max(c.get(k, 0.0) for k in ("WAIVE", "REQUEST", "ATTORNEY", "UNDECIDED", "NONE"))]
        if att:
            best = (att[-1][0], "ATTORNEY", att[-1][1])
    out: dict[str, Optional[Found]] = {}
    if best is None:
        out["decision"] = None
    else:
        out["decision"] = Found(DECISION_LABELS[best[1]], round(best[0], 3), best[2], "textcat")
    for flag, name in (("INFO", "info_provided"), ("OPTION", "option_offered"),
                       ("WRITTEN", "decision_mode")):
        top = max(clauses, key=lambda c: c[2].get(flag, 0.0), default=None)
        p = top[2].get(flag, 0.0) if top else 0.0
        span = (top[0], top[1]) if top and p >= FLAG_MIN else None
        if name == "decision_mode":
            if out["decision"] is None:
                out[name] = None
            elif p >= FLAG_MIN:
                out[name] = Found("written", round(p, 3), span, "textcat")
            else:
                out[name] = Found("oral", round(min(out["decision"].confidence, 1 - p), 3),
                                  out["decision"].span, "textcat")
        else:
            out[name] = Found(p >= FLAG_MIN, round(p if p >= FLAG_MIN else 1 - p, 3), span, "textcat")
    return out


# Canonical feature words (after :func:`features.featurize`) that are about the parent's
# choice: the child, reunification, removal with/without the child, an option, a form.
_CHOICE_WORDS = {"child", "reunification", "reunified", "waiver", "waived", "election", "option",
                 "options", "choice", "choices", "orr", "sponsor", "elected", "form", "together"}


def _about_choice(doc: Doc) -> Optional[Found]:
    """Does an entry with no decision read still speak of the parent's choice? Either a
    clause the classifier is not confident is unrelated (NONE below 0.5) or gives a flag,
    or the entry's canonical words name the child, reunification, an option or a form
    (misspellings repaired first)."""
    from extractor.comments.features import featurize

    for a, b, cats in doc._.clause_cats or []:
        if not cats:
            continue  # nothing left to classify (punctuation, numbers)
        unsure = cats.get("NONE", 1.0) < NONE_CONFIDENT
        flag = max(cats.get(k, 0.0) for k in ("INFO", "OPTION", "WRITTEN"))
        words = set(featurize(doc.text[a:b]).replace("NOT_", "").split())
        if unsure or flag >= FLAG_MIN or words & _CHOICE_WORDS:
            how = "textcat" if unsure or flag >= FLAG_MIN else "words"
            return Found(True, round(max(1 - cats.get("NONE", 1.0), flag, 0.5), 3), (a, b), how)
    return None


# ---- rules: language, interpreter, witness, children --------------------------------

_LANG_BEFORE = {"in", "language", "lang", "fluent", "native", "speaks", "speaking", "spoke",
                "interpreted", "interp", "interpreter", "en", "idioma", "using", "via", "and",
                "(", ":", "/", "a", "an", "the"}
_LANG_AFTER = {"interpreter", "interp", "speaker", "speaking", "language", "interpretation",
               "-", "interpreters", "/", ")", "(", "translator", "speaker;"}
_NEG_INTERP_RE = re.compile(r"\b(no|without|not|unavailable|none)\b[^.;]{0,25}\binterp|"
                            r"\binterp\w*\s+(was\s+)?(not|un)\w*\s*(available|used|needed)", re.I)


def _language(doc: Doc) -> Optional[Found]:
    """The first language named in a language context ("in Mam", "Spanish interpreter",
    "Interview language: Ixil"); English only when no other language is named, because
    "in English and Spanish" means the parent's language is Spanish."""
    english = None
    for ent in doc.ents:
        if ent.label_ != "LANGUAGE":
            continue
        before = doc[max(0, ent.start - 2):ent.start]
        after = doc[ent.end:ent.end + 2]
        ctx_b = {t.lower_ for t in before}
        ctx_a = {t.lower_ for t in after}
        sent_has_interp = (any(e.label_ in ("INTERP", "FLUENT") for e in ent.sent.ents)
                           or _repaired_interp(ent.sent.text))
        if ctx_b & _LANG_BEFORE or ctx_a & _LANG_AFTER or sent_has_interp:
            found = Found(ent.ent_id_, 0.9, (ent.start_char, ent.end_char), "ruler:LANGUAGE")
            if ent.ent_id_ != "eng":
                return found
            english = english or found
    return english


_INTERP_WORD_RE = re.compile(r"\b(?:interp\w*|translator|translated)\b")


def _repaired_interp(text: str) -> bool:
    """An interpreter named in a misspelt or OCR-damaged word ("lnterp", "interpretr"),
    read after the same spelling repair the classifier uses."""
    from extractor.comments.features import _speller

    sp = _speller()
    if sp is None:
        return False
    fixed = sp.repair(text)
    return bool(_INTERP_WORD_RE.search(fixed)) and not _NEG_INTERP_RE.search(fixed)


def _interpreter(doc: Doc) -> Found:
    for ent in doc.ents:
        if ent.label_ in ("INTERP", "FLUENT"):
            clause = ent.sent.text
            if ent.label_ == "INTERP" and _NEG_INTERP_RE.search(clause):
                continue
            return Found(True, 0.9, (ent.sent.start_char, ent.sent.end_char), f"ruler:{ent.label_}")
    for sent in doc.sents if len(doc) else []:
        if _repaired_interp(sent.text):
            return Found(True, 0.75, (sent.start_char, sent.end_char), "repaired:INTERP")
    return Found(False, 0.8, None, "no interpreter or fluency recorded")


_TITLE = r"(?:SDDO|AFOD|FOD|ERO|IEA|DDO|SDO|SIEA|ADDO|DO|Officer|OFFICER|Ofc\.?|Supervisor|Agent)"
_NAMETOK = r"(?:[A-ZÀ-Ý]\.|[A-ZÀ-Ý][A-Za-zÀ-ÿ'’\-]+)"
_NAME = rf"(?:{_TITLE}\s+)?{_NAMETOK}(?:\s+{_NAMETOK}){{0,3}}"
_WITNESS_BEFORE = re.compile(
    rf"\b(?i:witn?e?s+e?d\s*(?:by|:|-)|in\s+(?:the\s+)?presence\s+of|witn?e?s+(?:es)?\s*(?::|-|was|is)|"
    rf"wit\s*[:\-]|heard\s+by|with\s+witness|en\s+presencia\s+de|testigo\s*:)\s*({_NAME})")
# "WIT DO B. Karlsson", "Witness SDDO L. Marchetti": no colon, so a title or an initial must follow
_NAME_STRONG = (rf"(?:{_TITLE}\s+{_NAMETOK}(?:\s+{_NAMETOK}){{0,3}}|"
                rf"[A-ZÀ-Ý]\.\s*{_NAMETOK}(?:\s+{_NAMETOK}){{0,2}})")
_WITNESS_BARE = re.compile(rf"\b(?i:wit|witn?e?s+)\.?\s+({_NAME_STRONG})")
_WITNESS_AFTER = re.compile(
    rf"({_NAME})\s+(?i:(?:was\s+)?(?:present\s+as\s+(?:a\s+)?witness|witnessed|acted\s+as\s+witness|"
    rf"served\s+as\s+witness))")


def _clean_person(s: str) -> Optional[str]:
    s = re.sub(r"\s+", " ", s).strip(" .,;:")
    if not s or s.lower() in {"this officer", "the officer", "officer", "me", "the undersigned"}:
        return None
    if s.split()[0].lower() in {"this", "the", "a", "an", "subject", "parent"}:
        return None
    return s


def _witness(doc: Doc) -> Optional[Found]:
    text = doc.text
    for rx in (_WITNESS_BEFORE, _WITNESS_BARE, _WITNESS_AFTER):
        for m in rx.finditer(text):
            name = m.group(1)
            if rx is _WITNESS_AFTER:
                # keep only the name at the end of what precedes "present as witness"
                name = _trailing_name(name)
            # the name is upper-case words only up to a lower-case word
            name = _clean_person(_cut_name(name))
            if name:
                return Found(name, 0.9, (m.start(1), m.start(1) + len(m.group(1))), "rule:witness")
    return None


def _trailing_name(s: str) -> str:
    """The name at the end of what precedes "present as witness": from the last title
    on ("U.S. AFOD R. Wilson" -> "AFOD R. Wilson"), else without leading stop words."""
    toks = s.split()
    titled = [i for i, t in enumerate(toks) if re.fullmatch(_TITLE, t)]
    if titled:
        return " ".join(toks[titled[-1]:])
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

# "minor child Josue": a second child noun is part of the noun, not the name
_CHILD_NOUN = r"(?:(?:minor|usc|youngest|eldest|oldest)\s+(?:son|daughter|child)|son|daughter|child|minor)"
_CHILD_RE = re.compile(rf"\b(?i:{_CHILD_NOUN})\b\s*[,:(]?\s*\(?\s*"
                       rf"([A-ZÀ-Ý][A-Za-zÀ-ÿ'’\-]+(?:\s+(?:(?:de|del|de la|de los)\s+)?[A-ZÀ-Ý][A-Za-zÀ-ÿ'’\-]+){{0,4}})")


def _children(doc: Doc) -> Optional[Found]:
    text = doc.text
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
        toks = []
        for t in raw.split():
            if t.lower() in _STOP or (not t[0].isupper() and t not in ("de", "del", "la", "los")):
                break
            toks.append(t)
        while toks and toks[-1] in ("de", "del", "la", "los"):
            toks.pop()
        if not toks:
            continue
        name = " ".join(toks)
        if name.lower() in (n.lower() for n in names):
            continue
        names.append(name)
        if first_span is None:
            first_span = (start, start + len(name))
    if not names:
        return None
    return Found(names, 0.85, first_span, "rule:child")
