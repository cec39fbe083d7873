"""Normalisers for values read from documents: A-numbers, dates, names, languages.

Shared by forms and case comments. Every parser takes arbitrary user text and never
raises on it: it returns None (or a low confidence) instead.
"""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Optional

# OCR confusions inside digit runs
_DIGIT_FIXES = str.maketrans({"O": "0", "o": "0", "D": "0", "Q": "0", "I": "1", "l": "1",
                              "i": "1", "|": "1", "!": "1", "]": "1", "[": "1", "}": "1",
                              "Z": "2", "z": "2", "S": "5",
                              "s": "5", "B": "8", "G": "6", "b": "6", "g": "9", "q": "9",
                              "T": "7", "?": "7"})

_A_NUMBER_RE = re.compile(
    r"(?<![0-9])(?:A\s*[-#:.]?\s*#?\s*[-:]?\s*)?"  # optional A / A# / A- prefix
    r"([0-9Il|](?:[0-9OoIl|\]\[}SBZG][\s.\-=~]?){6,9}[0-9OoIl|\]\[}SBZG])(?![0-9])")


def normalize_a_number(text: str, strict: bool = False) -> Optional[str]:
    """`A-208 123 456`, `A# 208314572`, `208-123-456`, `A 89 123 456` -> `A208123456`.

    8-digit numbers get a leading 0. With ``strict`` only digit characters count
    (no OCR letter-for-digit fixes). Returns None when no 8-9 digit number is there.
    """
    if not text:
        return None
    text = str(text)
    for m in _A_NUMBER_RE.finditer(text):
        raw = _first_number(m.group(1))
        digits = raw if strict else raw.translate(_DIGIT_FIXES)
        if not digits.isdigit():
            continue
        if len(digits) == 10 and not strict and not raw[-1].isdigit():
            digits = digits[:-1]  # the first letter of a following word ("886 Office")
        if len(digits) == 10 and digits[0] == "4" and not strict:
            digits = digits[1:]  # a handwritten "A" read as "4"
        if len(digits) == 8 and not raw[-1].isdigit():
            continue  # 7 digits and a stray letter are not an A-number
        if len(digits) == 8:
            digits = "0" + digits
        if len(digits) == 9:
            return "A" + digits
    return None


def _first_number(run: str) -> str:
    """The leading groups of a digit run that make 8 or 9 digits: the regex is greedy
    and can swallow the next number on the line ("A#231845092 08/13/2010")."""
    groups = [g for g in re.split(r"\s+", run.strip()) if g]
    best, acc = "", ""
    for g in groups:
        acc += re.sub(r"[.\-=~]", "", g)
        if len(acc) in (8, 9):
            best = acc
        if len(acc) >= 9:
            break
    return best or re.sub(r"[\s.\-=~]", "", run)


def find_a_numbers(text: str) -> list[str]:
    """Every A-number in free text, in order, without duplicates."""
    out: list[str] = []
    for m in _A_NUMBER_RE.finditer(str(text or "")):
        a = normalize_a_number(m.group(0))
        if a and a not in out:
            out.append(a)
    return out


MONTHS = {
    # English
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    # Spanish
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
    "diciembre": 12, "ene": 1, "abr": 4, "ago": 8, "dic": 12,
    # Portuguese
    "janeiro": 1, "fevereiro": 2, "março": 3, "marco": 3, "maio": 5, "junho": 6,
    "julho": 7, "setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12,
}


@dataclass
class ParsedDate:
    iso: str  # YYYY-MM-DD; may be an impossible date such as 2018-06-31 (kept as written)
    ambiguous: bool  # day and month could be swapped
    valid: bool  # a real calendar date
    evidence: str


def _iso(y: int, m: int, d: int) -> str:
    return f"{y:04d}-{m:02d}-{d:02d}"


def _valid(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]


def _year(y: str) -> Optional[int]:
    n = int(y)
    if len(y) == 2:
        n += 2000 if n < 70 else 1900
    return n if 1900 <= n <= 2100 else None


_NUMERIC_RE = re.compile(r"(?<!\d)(\d{1,4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{2,4})(?!\d)")
_WORDY_RE = re.compile(
    r"(?:(\d{1,2})(?:st|nd|rd|th)?[\s\-]*(?:de\s+)?([A-Za-zçÇ]{3,10})\.?[,\-]?\s*(?:de(?:l)?\s+)?(\d{4}))"
    r"|(?:([A-Za-zçÇ]{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:[,.]\s*|\s+)(\d{4}))", re.I)
# (the comma after the day is often read as a period: "May 3. 2018")


def _join_year_digits(s: str) -> str:
    """'2 01 8' -> '2018': join short digit groups only while they build a year."""
    def join(m: re.Match) -> str:
        a, b = m.group(1), m.group(2)
        ab = a + b
        if len(ab) <= 4 and ab[:2] in ("20", "19")[: 1 if len(ab) < 2 else 2] or (
                len(ab) <= 4 and ab.startswith(("20", "19"))):
            return ab
        return m.group(0)
    prev = None
    while prev != s:
        prev = s
        s = re.sub(r"(?<!\d)(\d{1,3}) (\d{1,3})(?!\d)", join, s, count=1)
    return s


def parse_date(text: str, day_first: Optional[bool] = None,
               window: tuple[dt.date, dt.date] = (dt.date(2016, 1, 1), dt.date(2021, 12, 31))
               ) -> Optional[ParsedDate]:
    """Parse a written date in the common US, ISO, Spanish and Portuguese forms.

    ``day_first``: the document's convention (Spanish/Portuguese forms write the day
    first); None = unknown. An ambiguous day/month is resolved by that convention, then
    by the plausible ``window``; ``ambiguous`` says whether it had to be resolved.
    Impossible dates (06/31/2018) are returned as written with ``valid`` False, because
    "undated" and "wrongly dated" are different findings.
    """
    if not text:
        return None
    s = unicodedata.normalize("NFC", str(text)).strip().replace("_", " ")
    # handwriting OCR spaces digits apart ("2 01 8", "5 /10/ 18")
    s = re.sub(r"(?<=\d)\s+(?=[/\-.]\s*\d)|(?<=\d[/\-.])\s+(?=\d)", "", s)
    s = _join_year_digits(s)
    m = _WORDY_RE.search(s)
    if m:
        if m.group(1):
            d, mon, y = m.group(1), m.group(2), m.group(3)
        else:
            mon, d, y = m.group(4), m.group(5), m.group(6)
        month = MONTHS.get(mon.lower().rstrip("."))
        year = _year(y)
        if month and year:
            day = int(d)
            return ParsedDate(_iso(year, month, day), False, _valid(year, month, day), m.group(0))
    m = _NUMERIC_RE.search(s)
    if not m:
        return None
    a, b, c = m.group(1), m.group(2), m.group(3)
    if len(a) == 4:  # ISO-like Y-M-D
        y, mo, d = _year(a), int(b), int(c)
        if y is None:  # "0000-00-00", "1018-06-01": the same year bounds as other forms
            return None
        return ParsedDate(_iso(y, mo, d), False, _valid(y, mo, d), m.group(0))
    year = _year(c)
    if year is None:
        return None
    x, y2 = int(a), int(b)
    if (x > 12 and y2 > 12) or x > 31 or y2 > 31 or x == 0 or y2 == 0:
        return None  # no reading of these numbers is a day and a month
    mdy = (year, x, y2)  # month first (US)
    dmy = (year, y2, x)  # day first
    mdy_ok, dmy_ok = _valid(*mdy), _valid(*dmy)
    if x > 12 and y2 <= 12:
        return ParsedDate(_iso(*dmy), False, dmy_ok, m.group(0))
    if y2 > 12 and x <= 12:
        return ParsedDate(_iso(*mdy), False, mdy_ok, m.group(0))
    if x == y2:
        return ParsedDate(_iso(*mdy), False, mdy_ok, m.group(0))
    # both readings possible
    if day_first is not None:
        pick = dmy if day_first else mdy
        return ParsedDate(_iso(*pick), True, _valid(*pick), m.group(0))
    in_window = [p for p in (mdy, dmy) if _valid(*p) and window[0] <= dt.date(*p) <= window[1]]
    pick = in_window[0] if len(in_window) == 1 else mdy
    return ParsedDate(_iso(*pick), True, _valid(*pick), m.group(0))


def clean_name(text: str) -> str:
    """Whitespace normalised, stray punctuation from rulings and OCR trimmed, typographic
    apostrophes made plain, an initial's comma read as its period ("S, O'Brien")."""
    s = unicodedata.normalize("NFC", str(text or ""))
    s = s.replace("’", "'").replace("‘", "'").replace("`", "'")
    s = re.sub(r"(?<![A-Za-z])([A-Z]),(?=\s+[A-Z])", r"\1.", s)
    s = re.sub(r"[_|~=«»“”\"]+", " ", s)
    s = re.sub(r"\s+", " ", s).strip(" .,:;-'`")
    return s


def initial_periods(name: str) -> str:
    """An officer's initial with the period OCR dropped ("A Thompson", "ERO K Whitfield")
    given it back: a lone capital before a capitalised surname. (For officers only: US
    agency records write an initial with its period; a lone letter in a parent's or
    child's name is more likely OCR debris.)"""
    return re.sub(r"(?<![\w.'])([A-Z])(?=\s+[A-Z][a-z'])", r"\1.", name)


LANGUAGE_NAMES = {
    "eng": ["english", "ingles", "inglés", "ingles"],
    "spa": ["spanish", "espanol", "español", "castellano", "espanhol"],
    "por": ["portuguese", "portugues", "portugués", "português"],
    "fra": ["french", "frances", "francés", "français", "francais"],
    "hat": ["haitian creole", "haitian", "creole", "kreyol", "kreyòl", "criollo haitiano", "criollo"],
    "quc": ["k'iche'", "kiche", "k'iche", "quiche", "quiché", "k iche", "kiché"],
    "mam": ["mam"],
    "kjb": ["q'anjob'al", "qanjobal", "kanjobal", "q'anjobal", "kanjoba'l", "kanjobal"],
    "cak": ["kaqchikel", "cakchiquel", "kakchiquel", "kaqchiquel"],
    "acr": ["achi", "achí", "achi'"],
    "ixl": ["ixil"],
    # more Mayan languages of Guatemala that detention interviews are interpreted in
    "kek": ["q'eqchi'", "q'eqchi", "qeqchi", "kekchi", "kekchí", "k'ekchi'", "k'ekchi"],
    "knj": ["akateko", "akatek", "q'anjob'al akateko"],
    "jac": ["jakalteko", "jakaltek", "popti'", "popti"],
    "poh": ["poqomchi'", "poqomchi", "pocomchi"],
    "tzj": ["tz'utujil", "tzutujil", "tz'utujil'"],
}


@functools.lru_cache(maxsize=1 << 16)
def strip_accents(text: str) -> str:
    """'Núñez' -> 'Nunez': compatibility-decomposed, combining marks dropped. The one
    accent folding that label, role, name, option and signature matching build on.
    (Memoised: a form's words are folded again by every matcher, ~1400 calls a form.)"""
    s = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def _fold(s: str) -> str:
    s = strip_accents(s.lower())
    s = s.replace("’", "").replace("'", "")
    return re.sub(r"\s+", " ", re.sub(r"[^a-z]+", " ", s)).strip()


_LANG_INDEX = {_fold(n): code for code, names in LANGUAGE_NAMES.items() for n in names}


def language_code(text: str, fuzzy: bool = True) -> Optional[tuple[str, float]]:
    """ISO 639-3 code of a language named in ``text`` and a confidence, or None."""
    if not text:
        return None
    folded = _fold(text)
    if not folded:
        return None
    if folded in _LANG_INDEX:
        return _LANG_INDEX[folded], 1.0
    tokens = folded.split()
    for n in (2, 1):
        for i in range(len(tokens) - n + 1):
            key = " ".join(tokens[i:i + n])
            if key in _LANG_INDEX and (len(key) > 3 or key == "mam"):
                return _LANG_INDEX[key], 0.95
    if not fuzzy:
        return None
    from rapidfuzz import fuzz, process
    best = None
    for tok in tokens + ([folded] if len(tokens) > 1 else []):
        if len(tok) < 5:  # short words (mama, man) are too easily near a short name
            continue
        hit = process.extractOne(tok, list(_LANG_INDEX), scorer=fuzz.ratio)
        if hit and hit[1] >= 75 and (best is None or hit[1] > best[1]):
            best = hit
    if best:
        return _LANG_INDEX[best[0]], round(best[1] / 100.0 * 0.9, 3)
    return None
