"""Personal names as the audit matches them: accents restored, slips corrected.

Tesseract drops or swaps diacritics, above all on capitals (GUTIÉRREZ -> GUTIERREZ,
Simões -> Simóes). A name written with accents is a different string for the audit's
matching, so a read token whose accent-free form equals a known accented name from
this list (common Spanish, Portuguese and Guatemalan Mayan given and family names) is
given that name's accents, in the token's own letter case. Names outside the list are
left exactly as read.

Handwriting is misread by a letter or two; :func:`correct_names` takes a token that is
one likely slip from exactly one name of ``data/names.txt`` to be that name (see the
notes above it). :func:`finish_family_name` and :func:`finish_officer_name` are what
the form extractor applies to every name field last.
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Optional

from extractor.normalize import strip_accents

_ACCENTED = """
Águeda Álvarez Álvaro Ámbar Ana-María Andrés Ángel Ángela Ángeles Antônio Aníbal Araújo
Argüello Arévalo Ávila Báez Barrientos Belén Benítez Bárbara Beltrán Bermúdez Brígida
Castañeda Cañas Cedeño Céspedes Chávez Cortés Cristóbal Cruz Darío Débora Díaz Domínguez
Efraín Elías Encarnación Fabián Fátima Félix Fernández Galdámez Gálvez Gómez González Guzmán
Génesis Gutiérrez Héctor Hernández Iñiguez Inés Iván Jesús Jiménez Joaquín José Josué Juárez
Julián Júlia Lázaro León Lucía López Magalhães Marroquín Martín Martínez Matías María Mejía
Méndez Míriam Mónica Muñoz Márquez Nicolás Noé Núñez Óscar Ordóñez Pérez Peña Quiñónez
Ramírez Ramón Raúl Rodríguez Rosalía Rubén Saúl Sebastián Simão Simões Sofía Sánchez Suárez
Tomás Valdés Vásquez Vázquez Velásquez Verónica Víctor Zúñiga Íñigo Nayeli Dámaso Leví Noemí
Zoé Anaís Asunción Concepción Ascensión Conceição João Sebastião Estêvão Gonçalves Patrício
Fabrício Maurício Inês Lívia Cecília Otávio Flávio Cláudio Márcio Vinícius Lúcia Tomé Moisés
Adrián Damián Rocío Jazmín Tatiana Maximiliano Xóchitl
""".split()


def _fold(s: str) -> str:
    return strip_accents(s.casefold())


_INDEX: dict[str, str] = {}
for _name in _ACCENTED:
    if _fold(_name) != _name.casefold():  # only names that carry marks are useful here
        _INDEX.setdefault(_fold(_name), _name)


def _in_case_of(template: str, name: str) -> str:
    if template.isupper():
        return name.upper()
    written = _written().get(name.casefold())
    if written:  # "TransPerfect", "LanguageLine": as the service writes itself
        return written
    if template[:1].isupper() and template[1:].islower():
        return name[:1].upper() + name[1:].lower()
    return name


@functools.lru_cache(maxsize=1)
def _accent_index() -> dict[str, str]:
    """_INDEX, and each family name of data/names.txt that is always written with the
    same accents (not Ordóñez beside Ordoñez, nor Letícia beside Leticia; the US family
    names, listed as English records write them, left out): folded -> accented spelling."""
    index = dict(_INDEX)
    for folded, spellings in _known(officers=False).items():
        marked = {s for s in spellings if strip_accents(s) != s}
        if len(marked) == 1 and len(spellings) == 1:
            index.setdefault(folded, marked.pop().capitalize())
    return index


def restore_accents(text: str) -> str:
    """'JOSE TOMAS VELASQUEZ' -> 'JOSÉ TOMÁS VELÁSQUEZ'; unknown tokens are untouched."""
    out = []
    index = _accent_index()
    for tok in text.split(" "):
        core = tok.strip(".,;:()")
        hit = index.get(_fold(core)) if core else None
        if hit and hit.casefold() != core.casefold():
            tok = tok.replace(core, _in_case_of(core, hit))
        out.append(tok)
    return " ".join(out)


# --- correction against a list of names ------------------------------------------------
#
# A handwritten name is misread by a letter or two ("Lépez", "Martáínez", "Arqueta",
# "Hushes"), and the audit matches names exactly. A read token that is not a known name
# but lies one likely OCR slip from exactly one known name is taken to be that name:
# the noisy-channel correction OCR engines do with their own word lists, here with a
# list of personal names (extractor/data/names.txt, written from general knowledge, not
# from any dataset). The slip is costed (slip_cost): a changed accent 0.2, two letters
# handwriting and OCR confuse (e/o, g/q, l/i...) 0.5, a letter lost or added inside
# the name 1, anything else (unlike letters, a name's first or last letter) more than
# any correction may cost. Short tokens are left alone (too many names lie near them),
# and so is a token two names are about as near to; the form extractor asks for no
# correction of a reading it is sure of (forms.NAME_LIST_BELOW).

_NAMES_FILE = Path(__file__).parent / "data" / "names.txt"
#: visually confusable letter pairs (after accents are folded)
_CONFUSABLE = {frozenset(p) for p in (
    "eo", "ec", "oa", "ea", "co", "ce", "gq", "gy", "qy", "uv", "vy", "nr", "mn", "hb", "hn",
    "li", "il", "ij", "tf", "tl", "sz", "kh", "rv", "ao", "ui", "nu", "wv", "ef")}
#: slip cost a correction may cost at most, by the token's length (letters)
MAX_COST_SHORT, MAX_COST_LONG, LONG_FROM = 0.5, 1.0, 6
#: the next nearest name must cost at least this much more
MIN_MARGIN = 0.5
MIN_LETTERS = 4
#: officer titles and abbreviations: never names to correct
_TITLES = {"do", "sddo", "afod", "fod", "ero", "sdo", "iea", "ddo", "siea", "deo", "officer",
           "ofc", "agent", "supv", "sup", "supervisor", "oficial", "interpreter", "int",
           "jr", "sr", "ice", "lt"}


#: the list's section of officers' family names: a parent's or child's name is never
#: corrected into one of these (a reading of "Colo" is not "Cole")
_OFFICER_SECTION = "United States family names"
#: the list's section of interpreting services: candidates only in an interpreter entry
_AGENCY_SECTION = "Interpreting services"


@functools.lru_cache(maxsize=4)
def _known(officers: bool = True, agencies: bool = False) -> dict[str, tuple[str, ...]]:
    """Folded name -> its listed spellings (lower case, with accents); without the
    officers' family names unless ``officers``, without the interpreting services
    unless ``agencies``."""
    out: dict[str, set] = {}
    for section, name in _listed():
        if (section.startswith(_OFFICER_SECTION) and not officers
                or section.startswith(_AGENCY_SECTION) and not agencies):
            continue
        out.setdefault(_fold(name), set()).add(name.casefold())
    return {k: tuple(sorted(v)) for k, v in out.items()}


@functools.lru_cache(maxsize=1)
def _listed() -> tuple[tuple[str, str], ...]:
    """(section, name as written) for every name of data/names.txt."""
    out, section = [], ""
    for line in _NAMES_FILE.read_text(encoding="utf-8").splitlines():
        if line.startswith("##"):
            section = line.strip("# ")
            continue
        out += [(section, name) for name in line.split("#", 1)[0].split()]
    return tuple(out)


@functools.lru_cache(maxsize=1)
def _written() -> dict[str, str]:
    """Lower-case spelling -> the list's spelling where it is neither capitalised nor in
    capitals ("transperfect" -> "TransPerfect")."""
    return {n.casefold(): n for _, n in _listed() if n != n.capitalize() and not n.isupper()}


#: a letter replaced by one it does not resemble, or any edit of a name's last letter
#: (Castilla / Castillo, Gabriel / Gabriela): more than any correction may cost, so
#: two names that differ so are never taken for one another (Jimena / Ximena,
#: Hernández / Fernández, Wilmer / Wilber)
UNLIKE = 1.5


def _sub_cost(a: str, b: str, last: bool) -> float:
    if a == b:
        return 0.0
    fa, fb = strip_accents(a), strip_accents(b)
    if fa == fb:
        return 0.2
    if last:
        return UNLIKE
    return 0.5 if frozenset((fa, fb)) in _CONFUSABLE else UNLIKE


def slip_cost(read: str, name: str) -> float:
    """Weighted edit distance from a reading to a name (both lower case): accents 0.2,
    look-alike letters 0.5, a letter lost or added inside the name 1, anything else
    UNLIKE."""
    n, m = len(read), len(name)
    prev = [0.0] + [_indel(j, m) for j in range(1, m + 1)]
    prev = [sum(prev[1:j + 1]) for j in range(m + 1)]
    for i, a in enumerate(read, 1):
        cur = [prev[0] + _indel(i, n)]
        for j, b in enumerate(name, 1):
            sub = _sub_cost(a, b, i == n and j == m)
            cur.append(min(prev[j] + _indel(i, n), cur[j - 1] + _indel(j, m),
                           prev[j - 1] + sub))
        prev = cur
    return prev[-1]


def _indel(k: int, length: int) -> float:
    """A letter lost or added: 1 inside a name, UNLIKE at its start or end."""
    return UNLIKE if k in (1, length) else 1.0


@functools.lru_cache(maxsize=1 << 14)
def _nearest(token: str, officers: bool, agencies: bool = False) -> Optional[str]:
    """The one known name a read token (lower case) is a likely slip from, or None;
    officers' family names are candidates only for an officer's name, interpreting
    services only in an interpreter entry."""
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein
    folded = _fold(token)
    if folded in _known(True, agencies):
        return None
    known = _known(officers, agencies)
    if len(folded) < MIN_LETTERS or not folded.isalpha():
        return None
    limit = MAX_COST_LONG if len(folded) >= LONG_FROM else MAX_COST_SHORT
    near = process.extract(folded, list(known), scorer=Levenshtein.distance,
                           score_cutoff=2, limit=None)
    costs = sorted((min(slip_cost(token, s) for s in known[k]), k) for k, _, _ in near)
    if not costs or costs[0][0] > limit:
        return None
    if len(costs) > 1 and costs[1][0] < costs[0][0] + MIN_MARGIN:
        return None
    # of a name's spellings (López, Lopez), the one nearest the reading, accented if
    # the reading has accents
    marked = strip_accents(token) != token
    return min(known[costs[0][1]],
               key=lambda s: (slip_cost(token, s), (strip_accents(s) == s) == marked))


#: digits OCR reads for letters of a name ("JUÁRF7", "L0PEZ")
_DIGIT_LOOKALIKES = str.maketrans({"0": "o", "1": "l", "2": "z", "4": "a", "5": "s", "6": "b",
                                   "7": "z", "8": "b"})


def _letters_for_digits(token: str) -> str:
    """A token of letters with one or two digits in it, the digits read as the letters
    they look like; any other token as it is."""
    digits = sum(ch.isdigit() for ch in token)
    if 0 < digits <= 2 and sum(ch.isalpha() for ch in token) >= 3:
        return token.translate(_DIGIT_LOOKALIKES)
    return token


def correct_names(text: str, officer: bool = False, agency: bool = False) -> str:
    """Each token of a name that is a likely slip from one known name replaced by it, in
    the token's letter case; everything else (initials, titles, short or unknown-but-far
    tokens, words in brackets) as read. In an interpreter entry (``agency``) the
    interpreting services are names too, in brackets as well ("(LanquageLine)")."""
    out, bracket = [], False
    known = _known(officer, agency)
    for tok in text.split(" "):
        opens = tok.startswith("(")
        bracket = bracket or opens
        core = tok.strip(".,;:()'#")
        if (agency or not bracket) and core and core.casefold() not in _TITLES:
            letters = _letters_for_digits(core)
            hit = _nearest(letters.casefold(), officer, agency)
            if hit is None and letters != core and _fold(letters) in known:
                hit = known[_fold(letters)][0]  # "L0PEZ": a known name once read
            if hit:
                tok = tok.replace(core, _in_case_of(core, hit))
        if tok.endswith(")"):
            bracket = False
        out.append(tok)
    return " ".join(out)


def _no_stray_periods(text: str) -> str:
    """'RUBÉN NOÉ. SOLÍS': a period after a word of two letters or more (not a title or
    an abbreviation) is a speck read as one; an initial keeps its period."""
    out = []
    for tok in text.split(" "):
        core = tok.rstrip(".")
        if core != tok and len(core) >= 2 and core.isalpha() and core.casefold() not in _TITLES:
            tok = core
        out.append(tok)
    return " ".join(out)


def finish_family_name(text: str, agency: bool = False, correct: bool = True) -> str:
    """A parent's, child's or interpreter's name as the audit matches it: slips from a
    known name (or, for an interpreter, ``agency``, a known interpreting service)
    corrected unless not ``correct``, accents restored, specks read as periods dropped."""
    text = correct_names(text, agency=agency) if correct else text
    return _no_stray_periods(restore_accents(text))


def finish_officer_name(text: str, correct: bool = True) -> str:
    """An officer's name, spelled like anyone's: slips from a known name corrected,
    accents restored where the name is always written with them ("Ramirez" ->
    "Ramírez"), marks OCR puts on a name listed only without them taken off
    ("AndérSon" -> "AnderSon"), specks read as periods dropped ("DENISE. WALKER"; titles
    such as "Supv." keep theirs)."""
    text = " ".join(_unmarked_spelling(t) for t in text.split(" "))
    text = correct_names(text, officer=True) if correct else text
    return _no_stray_periods(restore_accents(text))


def _unmarked_spelling(token: str) -> str:
    """``token`` without its marks when its accent-free form is a listed name that is
    never written with marks (Anderson), else as read."""
    bare = strip_accents(token)
    if bare == token:
        return token
    spellings = _known().get(_fold(bare.strip(".,;:()")))
    if spellings and all(strip_accents(s) == s for s in spellings):
        return bare
    return token


def known_names(text: str) -> tuple[int, int]:
    """(tokens that are known names once slips are corrected, tokens of 2+ letters): how
    much of a reading the list vouches for, to choose between two readings of a name."""
    toks = [t.strip(".,;:()'") for t in correct_names(text).split()]
    toks = [t for t in toks if len(t) >= 2 and t.isalpha()]
    return sum(_fold(t) in _known() for t in toks), len(toks)
