"""Clause splitting and the canonical feature text the trained classifiers read.

Officers write the same thing in endless surface forms: "SUBJ", "PA", "Ms. Tiul",
"The mother"; "w/", "w/o"; English with Spanish quotes. The classifiers are bag-of-ngram
models, so every clause is first mapped to one canonical vocabulary (subject nouns ->
``subject``, child nouns -> ``child``, shorthand expanded, a small Spanish/Portuguese
gloss) and negation scope is marked by prefixing ``NOT_`` to the words a negation
governs (up to the next clause boundary). That makes "does not want to depart without
child" (``NOT_depart NOT_without``) linearly separable from "wants to depart without
child", which a plain bag of words cannot do.

Before any of that, misspelt and OCR-damaged words are repaired towards the words the
training text knows (:mod:`extractor.comments.spelling`, ``known_words.txt`` beside the
model), so "REQESTED REUNIFACATION" reads as "requested reunification".

The same function runs at training and at inference time: keep it deterministic.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from extractor.comments.spelling import Speller, load_speller
from extractor.normalize import strip_accents

#: the known words of the training text, saved with the model (see :mod:`spelling`)
KNOWN_WORDS = Path(__file__).resolve().parents[2] / "models" / "comments" / "clf" / "known_words.txt"
_speller_override: Optional[Speller] = None
_use_override = False


def use_speller(speller: Optional[Speller]) -> None:
    """Training sets the speller of the text it is about to save (None: no repair);
    inference uses the one saved beside the model."""
    global _speller_override, _use_override
    _speller_override, _use_override = speller, True


def reset_speller() -> None:
    """Back to the speller saved beside the model."""
    global _speller_override, _use_override
    _speller_override, _use_override = None, False


def _speller() -> Optional[Speller]:
    return _speller_override if _use_override else load_speller(str(KNOWN_WORDS))

# Abbreviations whose period does not end a clause.
_ABBREV = {"mr", "ms", "mrs", "dr", "sr", "sra", "st", "no", "u.s", "us", "a", "i", "jr",
           "ofc", "sup", "int", "approx", "re", "vs", "v", "e.g", "i.e", "etc"}

_SENT_END_RE = re.compile(r"[.;!?]+[\"”')\]]*(?=\s+|$)|\n+")


def split_clauses(text: str) -> list[tuple[int, int]]:
    """Character spans of the clauses (sentences, and parts joined by ';').

    A period after a single capital (an initial: "FOD K. Wilson"), after a title
    abbreviation ("Ms.", "U.S.") or inside a quotation does not end a clause.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    in_quote = False
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch in "\"“”":
            in_quote = not in_quote if ch == "\"" else ch == "“"
        if ch in ".;!?\n" and not in_quote:
            j = i
            while j + 1 < n and text[j + 1] in ".;!?\"”')]":
                j += 1
            nxt = text[j + 1] if j + 1 < n else " "
            if ch == "." and not nxt.isspace():
                i += 1  # "U.S.", "A-file.", decimals: not a boundary
                continue
            if ch == ".":
                m = re.search(r"([A-Za-z.]+)\.$", text[start:i + 1])
                word = (m.group(1) if m else "").lower().strip(".")
                if (len(word) == 1 and word.isalpha()) or word in _ABBREV:
                    i += 1
                    continue
            end = j + 1
            if text[start:end].strip():
                spans.append(_strip_span(text, start, end))
            start = end
            i = end
            continue
        i += 1
    if text[start:].strip():
        spans.append(_strip_span(text, start, n))
    return spans


def _strip_span(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


# ---- canonical vocabulary ------------------------------------------------------

# multi-word rewrites first (applied on lower-cased, accent-folded text)
_PHRASES: list[tuple[str, str]] = [
    (r"\bw/[o0]\b", " without "),
    (r"\bw/out\b", " without "),
    (r"\bw/", " with "),
    (r"\bb/c\b", " because "),
    (r"\bu\.\s?s\.(a\.)?", " us "),
    (r"\bunited states( of america)?\b", " us "),
    (r"\bestados unidos\b", " us "),
    (r"\bms\.? l\.?\b", " msl "),
    # who the attorney is does not matter ("a lawyer from the county legal aid office")
    (r"\b(attorney|lawyer|counsel|abogado|advogado)\s+(from|with|at|of)\s+[^,.;:]*?"
     r"(?=\s+(first|before|prior|today|and)\b|[,.;:]|$)", r" \1 "),
    (r"\b(mr|ms|mrs|miss|sr|sra|srta|senor|senora)\.?\s+[a-z][a-z'\-]+(\s+[a-z][a-z'\-]+)?\b(?=\s+(said|stated|states|wants|wishes|was|is|does|did|will|would|declined|refused|requested|requests|elected|elects|chose|signed|executed|indicated|told|advised|asked|agreed|wanted|has|had|cannot|can|could|unable|undecided|not|no|prefers|decided|opted|expressed|reported|claimed|understood|:|,|\.))",
     " subject "),
    (r"\b(the |this )?(alien|subject|subj|detainee|parent|parents|pa|mother|father|mom|dad|"
     r"client|respondent|adult|he|she|madre|padre|male|female)\b", " subject "),
    (r"\b(his|her|the|their|its|my|mi|mis|su|sus|meu|minha|seu|sua|a|an|both|all|two|three)\s+"
     r"(minor |usc |youngest |oldest |eldest |minor-age )?"
     r"(little |baby |young )?(child|children|son|sons|daughter|daughters|kid|kids|minor|minors|juvenile|boy|girl|"
     r"hijo|hija|hijos|hijas|nino|nina|ninos|ninas|filho|filha|filhos|filhas|bebe|baby)\b",
     " child "),
    (r"\b(little |baby |young )?(child|children|son|sons|daughter|daughters|kids|minors|hijo|hija|"
     r"hijos|hijas|nino|nina|ninos|ninas|filho|filha|filhos|filhas|juvenile|boy|girl|boys|girls|kid|minor|"
     r"uac|uacs|dtr|infant|toddler|nena|menino|menina|bebe|baby|"
     # French and Haitian Creole, the other languages officers quote parents in
     r"fille|filles|fils|enfant|enfants|garcon|pitit)\b", " child "),
    # "leave the child" (behind) is not "leave" (depart): "chose to leave her son" is a waiver
    (r"\bleav(?:e|es|ing)\s+(child|him|her|them)\b(?!\s+(?:country|home|house|job)\b)", r" leave_behind \1 "),
    (r"\b(don't|dont|doesn't|doesnt|didn't|didnt|won't|wont|wouldn't|wouldnt|isn't|isnt|"
     r"wasn't|wasnt|cannot|can't|cant|never|nao|not|no|n't|neither|nor)\b", " not "),
    (r"\bwill not\b", " not "),
]

# single-token rewrites (shorthand, Spanish/Portuguese gloss)
_WORDS = {
    "req": "requested", "reqd": "requested", "reqs": "requests", "rqst": "request",
    "requesting": "requested", "request": "requested", "requests": "requested",
    "reunif": "reunification", "reunify": "reunified", "reunite": "reunified",
    "reunited": "reunified", "reunification": "reunification", "reunifying": "reunified",
    "decl": "declined", "decld": "declined", "declines": "declined", "declining": "declined",
    "adv": "advised", "advd": "advised", "advise": "advised", "advises": "advised",
    "interp": "interpreter", "intrp": "interpreter", "tel": "telephonic",
    "rmvd": "removed", "rmv": "removed", "remove": "removed", "removal": "removed",
    "deported": "removed", "deport": "removed", "deportation": "removed", "repatriated": "removed",
    "returned": "removed",
    "dep": "depart", "dept": "depart", "departs": "depart", "departing": "depart",
    "departed": "depart", "leave": "depart", "leaving": "depart", "leaves": "depart",
    "go": "depart", "going": "depart",
    "wants": "want", "wanted": "want", "wishes": "want", "wish": "want", "wished": "want",
    "wishing": "want", "desires": "want", "desire": "want", "desired": "want",
    "prefers": "want", "prefer": "want", "preferred": "want", "would like": "want",
    "elects": "elected", "elect": "elected", "chose": "elected", "chooses": "elected",
    "choose": "elected", "decided": "elected", "opted": "elected", "opts": "elected",
    "chosen": "elected", "choosing": "elected", "opting": "elected",
    "relinquishes": "relinquished", "relinquish": "relinquished", "waives": "waived",
    "rep": "attorney", "representative": "attorney",
    "election": "election", "atty": "attorney", "lawyer": "attorney", "counsel": "attorney",
    "abogado": "attorney", "abogada": "attorney", "advogado": "attorney", "legal": "attorney",
    "attorneys": "attorney",
    "signed": "signed", "sign": "sign", "signs": "signed", "executed": "signed",
    "firmo": "signed", "firme": "signed", "firmar": "sign", "assinou": "signed",
    "stated": "said", "states": "said", "says": "said", "indicated": "said", "told": "said",
    "expressed": "said", "dijo": "said", "declared": "said", "replied": "said",
    "informed": "informed", "explained": "explained",
    # Spanish / Portuguese gloss
    "quiero": "want", "quiere": "want", "quero": "want", "quer": "want", "deseo": "want",
    "irme": "depart", "irse": "depart", "ir": "depart", "voy": "depart", "vaya": "depart",
    "vamos": "depart", "salir": "depart",
    "con": "with", "com": "with", "sin": "without", "sem": "without",
    "quede": "stay", "quedar": "stay", "queda": "stay", "quedarse": "stay", "fique": "stay",
    "ficar": "stay", "stays": "stay", "remain": "stay", "remains": "stay", "staying": "stay",
    "aqui": "here", "aca": "here", "alla": "there", "alli": "there",
    "regrese": "return", "regresar": "return", "volver": "return", "vuelva": "return",
    "voltar": "return", "returning": "return", "returns": "return",
    "llevar": "take", "llevarme": "take", "llevo": "take", "lleve": "take", "levar": "take",
    "taking": "take", "takes": "take", "bring": "take", "bringing": "take",
    "hablar": "speak", "talk": "speak", "talking": "speak", "consult": "speak",
    "consulting": "speak", "speaking": "speak", "speaks": "speak", "falar": "speak",
    "pensar": "think", "pensarlo": "think", "pensando": "think", "thinking": "think",
    "se": "", "que": "that", "lo": "it", "la": "it", "le": "it", "me": "me", "el": "the",
    "sola": "alone", "solo": "alone", "sozinha": "alone", "sozinho": "alone",
    "juntos": "together", "junto": "together", "todavia": "yet", "aun": "yet",
    "matar": "kill", "mejor": "better", "futuro": "future",
    "together": "together",
    # entries written wholly in Spanish, Portuguese or French (not only quoted words):
    # general vocabulary of wanting, asking, saying, removal and company
    "desea": "want", "deseaba": "want", "queria": "want", "quiso": "want", "deseja": "want",
"veut": "want", "veux": "want", "voulait": "want", "souhaite": "want",
    "souhaitait": "want", "voudrait": "want", "desire": "want",
    "pidio": "requested", "solicito": "requested", "pediu": "requested", "solicitou": "requested",
    "demande": "requested", "demandait": "requested",
    "indico": "said", "manifesto": "said", "declaro": "said", "afirmo": "said", "disse": "said",
    "afirmou": "said", "declarou": "said", "declare": "said", "dit": "said", "affirme": "said",
    "deportado": "removed", "deportada": "removed", "deportados": "removed", "expulsado": "removed",
    "renvoye": "removed", "renvoyee": "removed", "expulse": "removed", "expulsee": "removed",
    "deporte": "removed", "deportee": "removed", "retorne": "return", "rentrer": "return",
    "retourner": "return", "partir": "depart", "reparte": "depart", "repartir": "depart",
    "parte": "depart", "avec": "with", "sans": "without", "ensemble": "together",
    "juntas": "together", "juntamente": "together", "emmener": "take", "amener": "take",
    "prendre": "take", "llevarse": "take", "llevarla": "take", "llevarlo": "take", "levala": "take",
    "levalo": "take", "rester": "stay", "reste": "stay", "ne": "not", "pas": "",
    "sujeto": "subject", "sujet": "subject", "pere": "subject", "mere": "subject",
    "pai": "subject", "mae": "subject",
}

_NEG_SCOPE_END = {"and", "but", "because", "however", "although", "though", "so", "then",
                  "while", "who", "which", "that"}
_NEG_CUES = {"not", "refused", "refuses", "refuse", "unwilling", "without_neg"}


def fold(text: str) -> str:
    s = strip_accents(text)
    return s.replace("’", "'").replace("‘", "'").replace("“", "\"").replace("”", "\"")


def featurize(clause: str) -> str:
    """Canonical, negation-marked token string of one clause (see module doc)."""
    s = fold(clause).lower()
    sp = _speller()
    if sp is not None:
        s = sp.repair(s)
    s = re.sub(r"\(([^()]*)\)", r" , \1 , ", s)  # parentheses: a separate scope
    for pat, rep in _PHRASES:
        s = re.sub(pat, rep, s)
    s = re.sub(r"\b[a-z]?\d[\w\-#]*", " num ", s)
    tokens = re.findall(r"[a-z_]+|[,;:\"]", s)
    out: list[str] = []
    negating = False
    for tok in tokens:
        tok = _WORDS.get(tok, tok)
        if not tok:
            continue
        if tok in (",", ";", ":", "\""):
            negating = False
            continue
        if tok in _NEG_SCOPE_END:
            negating = False
        if tok in ("not", "refused", "refuses", "refuse", "unwilling", "unable"):
            out.append(tok)
            negating = True
            continue
        out.append("NOT_" + tok if negating else tok)
    return " ".join(out)
