"""Which election option a line of printed form text states (English, Spanish,
Portuguese, French), by phrase rules.

Waiver forms word their options many ways ("I wish to be removed WITH my child(ren)",
"Deseo ser deportado(a) JUNTO CON mi(s) hijo(s)", "I do not wish to be reunited ...").
Lines come from OCR, so phrases are matched fuzzily (rapidfuzz) with a tolerance that
scales with the phrase length: a short cue such as "sin mi hijo" must not match
"con mi hijo" (two substitutions), a long one may absorb a few OCR slips.

Negation is decided before the phrase lexicon: "I do not wish to be reunited" or
"No deseo reunirme" states the departure without the child even though it contains
the reunification phrase; "I will not depart without my child" is a reunification.
When several options' cues occur in one line, the cue that comes first wins: the lead
clause of an option states it, later clauses explain it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from rapidfuzz import fuzz

from extractor.normalize import strip_accents

REUNIFY = "reunify"
DEPART = "depart_without_child"
ATTORNEY = "consult_attorney"
OPTION_LABELS = (REUNIFY, DEPART, ATTORNEY)

# Phrases in normalised form (lower case, no accents, "(ren)"/"(s)" plural markers
# dropped, punctuation as spaces). General lexicon, not copied from any one form.
PHRASES: dict[str, tuple[str, ...]] = {
    REUNIFY: (
        "reunited with my child", "reunified with my child", "reunite with my child",
        "reunify me with my child", "be reunited with", "removed with my child",
        "removed together", "removed together with my child", "depart together",
        "depart with my child", "leave with my child", "return with my child",
        "travel with my child", "deported with my child", "repatriated with my child",
        "reunification with my child", "my child depart with me", "child be removed with me",
        "deseo reunirme", "quiero reunirme", "reunirme con mi hijo", "junto con mi hijo",
        "junto con ellos", "junto a mi hijo", "regresar con mi hijo", "salir con mi hijo",
        "deportado con mi hijo", "reunificarme con mi hijo", "ser reunido con mi hijo",
        "reunificado con mi hijo", "salir juntos", "deportado conmigo",
        # Portuguese, French
        "reunido com meu filho", "junto com meu filho", "junto com ele", "meu filho comigo",
        "sair junto", "reuni avec mon enfant", "avec mon enfant", "mon enfant avec moi",
    ),
    DEPART: (
        "without my child", "without my", "depart without", "leave without my child", "leave without them",
        "return to my country of origin without", "return without my child",
        "choosing to return to my country", "return to my country alone", "decline reunification",
        "waive reunification", "waive my right to reunify",
        "my child will remain in the united states", "my child will stay in the united states",
        "sin mi hijo", "sin mis hijos", "sin mi", "sin ellos", "elijo regresar", "saldre sin", "salir sin",
        "regresar a mi pais de origen sin", "renuncio a la reunificacion", "regresar solo a mi pais",
        "mi hijo permanecera", "mi hijo se quedara",
        "sem meu filho", "sem meus filhos", "sem eles", "sair sem", "voltar sozinho",
        "sans mon enfant", "sans mes enfants", "partir sans",
    ),
    ATTORNEY: (
        "attorney", "legal counsel", "a lawyer", "legal representative", "legal advice",
        "consult with", "speak with an attorney", "speak to an attorney",
        "abogado", "asesor legal", "asesoria legal", "consultar con", "representante legal",
        "advogado", "assessoria juridica", "avocat", "conseil juridique",
    ),
}

# "do not wish to be reunited", "no deseo reunirme", "don't want to reunify"
_NEG_REUNIFY = re.compile(
    r"\b(?:no|not|dont|never|nunca|nao|ne|pas)\b(?:\s+\w+){0,4}?\s+(?:reunit|reunif|reunir|reunid|reuni)\w*"
    # "I am NOT requesting that my child(ren) be removed with me", "NO solicito que mi(s)
    # hijo(s) sea(n) deportado(s) conmigo"
    r"|\b(?:no|not|nao)\s+(?:\w+\s+){0,6}?(?:removed|deported|depart|leave|deportado|deportados|"
    r"salga|salgan|sair)\w*\s+(?:with\s+me|conmi\w*|comigo|together|juntos)"
    # the same cut short before "me" (a circle drawn through the line's end, a line
    # break): "I am NOT requesting that my child(ren) be removed with"
    r"|\b(?:no|not|nao)\s+(?:\w+\s+){0,6}?(?:removed|deported|deportado|deportados)\s+(?:with|con)$"
    # the same with the verb garbled by a mark drawn over it ("be r ved with me")
    r"|\b(?:not|nao)\s+(?:\w+\s+){1,8}?(?:with\s+me|conmigo|comigo|avec\s+moi)\b")
# "I will not depart without my child", "no saldre sin mi hijo"
_NEG_DEPART = re.compile(
    r"\b(?:no|not|dont|never)\b(?:\s+\w+){0,3}?\s+(?:depart|leave|return|go|salir|saldre|"
    r"regresar|regresare|irme)\w*\s+(?:\w+\s+){0,3}?(?:without|sin)\b")


# "I request that my child(ren) depart the United States with me", "que mi(s) hijo(s)
# salga(n) de los Estados Unidos conmigo": the child leaving with the parent
_CHILD_WITH_ME = re.compile(
    # (a verb between: "hijo(s). conmigo" split off another option's line states nothing)
    r"\b(?:child|children|hijo|hijos|filho|filhos|enfant|enfants)\b(?:\s+\w+){1,7}?\s+"
    r"(?:with\s+me|conmigo|comigo|avec\s+moi)\b"
    r"|\b(?:child|children|hijo|hijos|filho|filhos|enfant|enfants)\b(?:\s+\w+){0,7}?\s+"
    r"(?:returned|given\s+back|brought\s+back)\s+to\s+me\b")


# the same line cut short before "me" (a circle drawn through the line's end, a line
# break): "my child(ren) depart the United States with". Weaker: only when no cue of
# the lexicon occurs in the line ("my child will remain in the United States with ...")
_CHILD_DEPARTS_WITH = re.compile(
    r"\b(?:child|children|hijo|hijos|filho|filhos)\b(?:\s+\w+){0,2}?\s+"
    r"(?:depart|leave|be\s+removed|be\s+deported|be\s+returned|travel|return|salga|"
    r"salgan|regrese|regresen|sea\s+deportado|sean\s+deportados)\w*"
    r"(?:\s+\w+){0,4}?\s+(?:with|con)$")


@dataclass(frozen=True)
class OptionMatch:
    label: str
    score: float  # 0..1, how well the best cue matched
    cue: str  # the lexicon phrase (or rule) that decided


def normalise(text: str) -> str:
    """Lower case, accents stripped, OCR-typical '|' for 'I', plural markers dropped."""
    t = strip_accents(text).lower()
    t = re.sub(r"(^|\s)[|!l1](?=\s)", r"\1i", t)  # "| want" -> "i want"
    t = re.sub(r"\((?:ren|s|es|a|as|n)\)", "", t)  # child(ren), hijo(s), deportado(a)
    t = t.replace("don't", "dont").replace("don’t", "dont")
    t = re.sub(r"[^a-z0-9]+", " ", t)
    return re.sub(r"\s+", " ", t).strip()


def _threshold(phrase: str) -> float:
    """Fuzzy cut-off (rapidfuzz's Indel ratio) allowing one substituted character, and
    one more per 15 characters: "peseo reunirme" still matches "deseo reunirme", while
    "con mi hijo" (two substitutions) does not match "sin mi hijo"."""
    n = len(phrase)
    indels = 2 * (1 + n // 15) + 0.5
    return 100.0 * (1.0 - indels / (2 * n))


def _whole_words(phrase: str, t: str, start: int, end: int) -> bool:
    """The match still holds once widened to whole words of the line, so a cue does
    not match inside other words ("consultar con" in "consular consular")."""
    while start > 0 and t[start - 1] != " ":
        start -= 1
    while end < len(t) and t[end] != " ":
        end += 1
    return fuzz.ratio(phrase, t[start:end]) >= _threshold(phrase)


def classify_option(text: str) -> Optional[OptionMatch]:
    """The election option a line of form text states, or None if it states none."""
    t = normalise(text)
    if len(t) < 4:
        return None
    letters = [c for c in text if c.isalpha()]
    if len(t.split()) <= 8 and letters and sum(c.isupper() for c in letters) >= 0.8 * len(letters):
        return None  # a title ("ELECTION REGARDING REUNIFICATION WITH CHILD(REN)")
    if _NEG_DEPART.search(t):
        return OptionMatch(REUNIFY, 0.95, "negated departure")
    if _NEG_REUNIFY.search(t):
        return OptionMatch(DEPART, 0.95, "negated reunification")
    if _CHILD_WITH_ME.search(t):
        return OptionMatch(REUNIFY, 0.95, "child leaves with me")
    hits: list[tuple[int, float, str, str]] = []  # (position, score, label, phrase)
    for label, phrases in PHRASES.items():
        for phrase in phrases:
            if len(phrase) > len(t) + 2:
                continue
            al = fuzz.partial_ratio_alignment(phrase, t, score_cutoff=_threshold(phrase))
            if al is None or not _whole_words(phrase, t, al.dest_start, al.dest_end):
                continue
            hits.append((al.dest_start, al.score / 100.0, label, phrase))
    if not hits:
        if _CHILD_DEPARTS_WITH.search(t):
            return OptionMatch(REUNIFY, 0.8, "child leaves with (me)")
        return None
    first = min(h[0] for h in hits)
    # cues starting within a few characters of the first one compete on score and length
    lead = [h for h in hits if h[0] <= first + 3]
    pos, score, label, phrase = max(lead, key=lambda h: (h[1], len(h[3])))
    later = [h for h in hits if h[2] == DEPART and h[0] > pos + len(phrase)]
    if label == REUNIFY and later:
        # "[Não] desejo ser reunido(a) com meu(s) filho(s); voltarei sem eles": wanting
        # reunification and leaving without the child in one option is the negated
        # reunification whose "não"/"no"/"not" OCR lost (negations are matched above);
        # read so, but doubtful
        return OptionMatch(DEPART, min(score, later[0][1], 0.6), "reunification, then without")
    return OptionMatch(label, score, phrase)
