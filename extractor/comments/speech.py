"""Rules for the people and languages of one entry: the language of the conversation, an
interpreter or a fluent officer, the witness and the children (:mod:`fields` calls them)."""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc

from extractor.comments import languages, people
from extractor.comments.found import Found
from extractor.comments.found import repaired as _repaired

_LANG_BEFORE = {"in", "language", "lang", "fluent", "native", "speaks", "speaking", "spoke",
                "interpreted", "interp", "interpreter", "en", "idioma", "using", "via", "and",
                "(", ":", "/", "a", "an", "the"}
_LANG_AFTER = {"interpreter", "interp", "speaker", "speaking", "language", "interpretation",
               "-", "interpreters", "/", ")", "(", "translator", "speaker;"}


def language(doc: Doc) -> Optional[Found]:
    """The first language named in a language context ("in Mam", "Spanish interpreter",
    "Interview language: Ixil"); English only when no other language is named, because
    "in English and Spanish" means the parent's language is Spanish."""
    english = native = None
    unavailable = False
    for ent in doc.ents:
        if ent.label_ != "LANGUAGE":
            continue
        before = doc[max(0, ent.start - 2):ent.start]
        after = doc[ent.end:ent.end + 2]
        ctx_b = {t.lower_ for t in before}
        ctx_a = {t.lower_ for t in after}
        sent_has_interp = (any(e.label_ in ("INTERP", "FLUENT") for e in ent.sent.ents)
                           or _repaired_interp(ent.sent.text))
        # a clause that is nothing but the language ("SPANISH."): officers' shorthand for
        # the language the entry was conducted in
        bare = not [t for t in ent.sent if not t.is_punct and not (ent.start <= t.i < ent.end)]
        if languages.unavailable_after(doc.text, ent.end_char) or languages.no_interp_of(doc.text, ent.start_char, ent.end_char) or (
                ctx_a & _INTERP_AFTER and languages.planned_interp(languages.to_stop(doc.text, ent.sent.start_char, ent.sent.end_char))):
            unavailable = True  # no interpreter of it could be had, or one is only planned
            continue
        if _in_name(doc.text, ent.start_char, ent.end_char):
            continue  # "OFFICER ... CASTELLANO-BROOK": part of a person's name
        if ctx_b & _LANG_BEFORE or ctx_a & _LANG_AFTER or sent_has_interp or bare:
            found = Found(ent.ent_id_, 0.9, (ent.start_char, ent.end_char), "ruler:LANGUAGE")
            if ent.ent_id_ != "eng" and _NATIVE_RE.search(doc.text[max(0, ent.start_char - 30):ent.start_char]):
                # "her native language is Mam but the interview was in Spanish": the
                # parent's own language, not necessarily the conversation's
                native = native or found
            elif ent.ent_id_ != "eng":
                return found
            else:
                english = english or found
    if native is not None or unavailable:
        return native or english
    if english is None and interpreter(doc).value:
        # an interpreter is recorded but not its language: the parent's quoted words tell
        # it. (A quotation alone does not record the language of the conversation: the
        # validation sets' convention.)
        return _quoted_language(doc.text) or _coded_or_spoken(doc.text) or _repaired_language(doc.text)
    return english or _coded_or_spoken(doc.text) or _repaired_language(doc.text)


_INTERP_AFTER = {"interpreter", "interp", "interpreters", "translator", "interpretation"}
_HYPHEN_OK = re.compile(r"-\s*(?:speak\w*|language|lang|interp\w*|only|fluent|native|translat\w*)\b", re.I)


def _in_name(text: str, a: int, b: int) -> bool:
    """A language word joined by a hyphen to another word that is not "speaking" etc.
    ("CASTELLANO-BROOK", "Ixil-Moreno"): a double surname, not a language."""
    after = text[b:b + 16]
    before = text[max(0, a - 2):a]
    if after.startswith("-") and len(after) > 1 and after[1].isalpha():
        return not _HYPHEN_OK.match(after)
    return before.endswith("-") and a >= 2 and before[0].isalpha()


def _repaired_language(text: str) -> Optional[Found]:
    """A misspelt or OCR-damaged language name ("spansih speaking officer", "SPANlSH
    lNTERP") read after the classifier's spelling repair, in a language context (an
    interpreter, a speaker, "in X"); reported where the damaged word stands."""
    fixed = _repaired(text)
    if fixed == fixed.lower() == text.lower():
        return None  # nothing was repaired: the ruler and the code readers saw it all
    hit = languages.officer_fluent(fixed)
    m = None if hit else _REPAIRED_LANG_RE.search(fixed)
    if hit is None and m is None:
        return None
    code = hit[0] if hit else languages.code_of(m.group(1) or m.group(2))
    if not code:
        return None
    at = hit[1][0] if hit else m.start()
    return Found(code, 0.75, _same_word(text, fixed, at), "repaired:LANGUAGE")


def _same_word(text: str, fixed: str, at: int) -> Optional[tuple[int, int]]:
    """The span in ``text`` of the word at ``at`` in its repaired form (same word count)."""
    orig = list(re.finditer(r"\S+", text))
    new = list(re.finditer(r"\S+", fixed))
    if len(orig) != len(new):
        return None
    i = next((k for k, w in enumerate(new) if w.end() > at), None)
    return orig[i].span() if i is not None else None


_REPAIRED_LANG_RE = re.compile(rf"\b({languages.LANG_ALT})\s+(?:speaking|interp\w*|translator|speaker)\b|"
                               rf"\b(?:in|fluent\s+in|via)\s+({languages.LANG_ALT})\b")
_NATIVE_RE = re.compile(r"\b(?:native|first|mother|primary|own)\s+(?:language|tongue|lang)\s*(?:is|:|=|-)?\s*$|"
                        r"\bnative\s+$|"
                        # what the parent speaks ("SUBJ speaks Kaqchikel and some Spanish"): the
                        # parent's languages; the interview's language, if also named, wins
                        r"\b(?:subj\w*|sbj|he|she|they|parent|detainee|mother|father)\s+(?:only\s+)?speaks?\s+(?:only\s+)?$|"
                        r"\b(?:limited|some|little|basic|poor|broken)\s+$", re.I)


def _coded_or_spoken(text: str) -> Optional[Found]:
    """The language an officer speaks to the parent ("Spanish speaking officer"), else
    one given as a code ("(spa)", "INTERP: SPA") or in OCR-damaged capitals."""
    hit = languages.officer_fluent(text)
    if hit:
        return Found(hit[0], 0.85, hit[1], "rule:officer language")
    hit = languages.coded_language(text)
    if hit:
        return Found(hit[0], 0.8, hit[1], "rule:language code")
    return None


# Function words that tell a quotation's language: the parent's own words, quoted,
# are in the language the conversation was held in.
_QUOTE_WORDS = {
    "spa": set("me mi mis voy quiero que sin con no se queden quede llevar llevarme hijo hija hijos "
               "hijas nino nina aqui todavia si yo el la los las una un porque para ir irme dejar "
               "regreso sola solo conmigo se".split()),
    "por": set("eu meu minha meus minhas vou quero nao sem com filho filha filhos aqui levar ficar "
               "sim voltar sozinha sozinho comigo".split()),
}
_ENGLISH_WORDS = set("i my the to with without and he she her his want will not go take son "
                     "daughter child is am".split())
_QUOTE_RE = re.compile(r"[\"“']([^\"“”']{6,})[\"”']")


def _quoted_language(text: str) -> Optional[Found]:
    """Spanish or Portuguese from the parent's quoted words ('no me voy sin mi hija'):
    at least two function words of that language and more of them than English ones."""
    from extractor.comments.features import fold

    for m in _QUOTE_RE.finditer(fold(text)):
        words = re.findall(r"[a-z]+", m.group(1).lower())
        eng = sum(w in _ENGLISH_WORDS for w in words)
        scores = {code: sum(w in vocab for w in words) for code, vocab in _QUOTE_WORDS.items()}
        code = max(scores, key=scores.get)
        if scores[code] >= 2 and scores[code] > eng and scores[code] > min(scores.values()):
            return Found(code, 0.75, (m.start(1), m.end(1)), "quote:LANGUAGE")
    return None


_INTERP_WORD_RE = re.compile(r"\b(?:interp\w*|translator|translated)\b")


def _repaired_interp(text: str) -> bool:
    """An interpreter named in a misspelt or OCR-damaged word ("lnterp", "interpretr"),
    read after the same spelling repair the classifier uses."""
    from extractor.comments.features import _speller

    sp = _speller()
    if sp is None:
        return False
    fixed = sp.repair(text)
    return bool(_INTERP_WORD_RE.search(fixed)) and not languages.NEG_INTERP_RE.search(fixed)


def interpreter(doc: Doc) -> Found:
    for ent in doc.ents:
        if ent.label_ in ("INTERP", "FLUENT"):
            clause = languages.to_stop(doc.text, ent.sent.start_char, ent.sent.end_char)
            if ent.label_ == "INTERP" and (languages.NEG_INTERP_RE.search(clause) or languages.planned_interp(clause)):
                continue
            return Found(True, 0.9, (ent.sent.start_char, ent.sent.end_char), f"ruler:{ent.label_}")
    for sent in doc.sents if len(doc) else []:
        clause = languages.to_stop(doc.text, sent.start_char, sent.end_char)
        if _repaired_interp(clause) and not languages.planned_interp(clause):
            return Found(True, 0.75, (sent.start_char, sent.end_char), "repaired:INTERP")
    hit = languages.officer_fluent(doc.text)
    if hit:
        return Found(True, 0.85, hit[1], "rule:officer speaks the language")
    fixed = _repaired(doc.text) if doc.text else ""
    hit = languages.officer_fluent(fixed) if fixed != doc.text.lower() else None
    if hit:  # the same, misspelt ("spansih speaking officer")
        return Found(True, 0.75, _same_word(doc.text, fixed, hit[1][0]), "repaired:officer speaks the language")
    return Found(False, 0.8, None, "no interpreter or fluency recorded")


def witness(doc: Doc) -> Optional[Found]:
    hit = people.witness(doc.text)
    if hit is None:
        # OCR-damaged capitals ("W1TNESS SDD0 ..."): read with digits as letters (same
        # length), report the name as written
        clean = languages.deglyph(doc.text)
        hit = people.witness(clean) if clean != doc.text else None
        if hit is not None:
            at = clean.find(hit[0], hit[1][0])
            if at < 0:
                return None
            return Found(doc.text[at:at + len(hit[0])], 0.75, (at, at + len(hit[0])), "rule:witness, OCR read")
    return Found(hit[0], 0.9, hit[1], "rule:witness") if hit else None


def children(doc: Doc) -> Optional[Found]:
    hit = people.children(doc.text)
    return Found(hit[0], 0.85, hit[1], "rule:child") if hit else None
