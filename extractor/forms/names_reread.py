"""A written name read better: one word's fragments joined, and a doubtful reading
replaced by a second reading of the name's crop when two crop readings agree on it.

The full-page pass reads handwriting on a fill line badly: it splits a word where
the pen lifts ("Heather Sm ith", "QUIÑÓN EZ") and misreads letters the crop alone
reads right ("Iuis" for "Luis", "AFOD epmith" for "AFOD Smith", an initial's period
dropped). Two small Tesseract calls read the crop (rulings erased, one line): the
name's own words, and a band widened to the label's end and a little past the name
(a word the page pass lost at either end). Their reading replaces the first only when
both agree on it, it differs from the first by more than accents and keeps all of
its accented letters (a crop reads "Quiñónez" as "Quifiénez" as readily as the page
drops an accent), and it looks more like a written name (letters only, capitalised
words, an initial with its period), or as much and at a higher Tesseract confidence.
These two readings consult no list of names. Cost: one call of ~25 ms per name read below
REREAD_BELOW, and the widened band only when the first crop reading could replace the
value (what the second says can only confirm it).

When they change nothing, a name read below HAND_BELOW is also read by the project's
own handwriting model (:mod:`extractor.hand_ocr`, trained from scratch
on hand-printed lines: Debian's eng/spa read the handwriting faces worst), and its
reading is taken when it is confident (HAND_MIN_CONF), a name, and as name-like as the
page's, and not a letter or two away from a page reading that already looks like a
name. Taking any confident reading of names below 0.9 instead made several name fields
wrong on each generated set tried (tools/hand_crops.py). One call of ~20 ms, for under one
name in five. (These cut-offs date from before issue 12's protocol, when dev was also
looked at: they are to be re-chosen on the generator's validation split.)

The list of names (:func:`extractor.names.known_names`) settles three cases the rules
above leave open: a model reading whose every word (two or more) the list knows, and
more of them than the page's, is taken at a lower confidence and even a letter or two
from a name-like page reading ("Rosa Ramos" over "Rosa Raos"); writing the page read
as no name at all is read by the model and taken only when the list knows every word;
and a confident page reading of a bare name that does not look like one ("Werd y
[Samos" at 0.84) is given to the model too. On generated seeds 7-89 these made 3 name
fields right and none wrong.
"""
from __future__ import annotations

import difflib
import re
from typing import Callable, Optional

from extractor import hand_ocr
from extractor.model import BBox, Field, Page, Word
from extractor.names import known_names
from extractor.normalize import clean_name, strip_accents
from extractor.ocr import tesseract
from extractor.reread import field_crop
from extractor.errors import OcrError

#: first readings below this confidence are read again from the crop
REREAD_BELOW = 0.95
#: a confidence for a value the crop readings chose (they agreed; the page did not)
CROP_CONF_CAP = 0.9
#: first readings below this confidence that the crop readings left alone are also
#: read by the project's handwriting model (extractor.hand_ocr) ...
HAND_BELOW = 0.8
#: ... whose reading replaces them at or above this confidence of its own, unless the
#: page's reading already looks like a name and the model's is this similar to it (a
#: letter or two apart: the model's "Q'Brien", "Romás" are as likely as the page's slips)
HAND_MIN_CONF = 0.6
#: ... or at this confidence when the list of names knows every word of its reading
#: and fewer of the page's (extractor.names.known_names)
HAND_MIN_CONF_VOUCHED = 0.5
HAND_NEAR_SAME = 0.9
#: a gap below this share of the text height, and below half the value's usual gap
#: between words, is a pen lift inside one word
JOIN_GAP_HEIGHT = 0.3
JOIN_GAP_USUAL = 0.5

_TOKEN = re.compile(r"^(?:[^\W\d_]\.|[^\W\d_]+(?:['\-][^\W\d_]+)*)$")


def join_fragments(words: list[Word]) -> list[Word]:
    """Adjacent words of one value merged where the gap between them is far smaller
    than the value's usual gap between words (relative to the text height), and the
    second piece continues the first (lower case, or both in capitals). Needs two gaps
    or more to know what is usual."""
    words = sorted(words, key=lambda w: w.bbox[0])
    if len(words) < 3:
        return words
    hs = sorted(w.height for w in words)
    med_h = hs[len(hs) // 2]
    gaps = [b.bbox[0] - a.bbox[2] for a, b in zip(words, words[1:])]
    out = [words[0]]
    for i, w in enumerate(words[1:]):
        others = sorted(g for j, g in enumerate(gaps) if j != i)
        usual = others[len(others) // 2]
        a, b = out[-1].text, w.text
        if (gaps[i] < JOIN_GAP_HEIGHT * med_h and gaps[i] < JOIN_GAP_USUAL * usual
                and a.isalpha() and b.isalpha() and (b[0].islower() or (a.isupper() and b.isupper()))):
            p = out[-1]
            out[-1] = Word(text=a + b, conf=min(p.conf, w.conf),
                           bbox=(p.bbox[0], min(p.bbox[1], w.bbox[1]), w.bbox[2], max(p.bbox[3], w.bbox[3])),
                           line_key=p.line_key)
        else:
            out.append(w)
    return out


def plausibility(text: str) -> float:
    """How much a reading looks like a written name, 0 at best: each token made of
    letters (an apostrophe or hyphen inside, brackets around allowed) and capitalised
    or in capitals costs nothing; anything else costs 1, and a lone capital without
    its period (an initial read without it) half."""
    toks = text.split()
    if not toks:
        return -9.0
    score = 0.0
    for t in toks:
        core = t.strip("()")
        if not _TOKEN.match(core):
            score -= 1
        elif len(core) == 1 and core.isupper():
            score -= 0.5
        elif len(core) > 1 and not (core[0].isupper() and (core[1:].islower() or core.isupper()
                                                            or "'" in core or "-" in core)):
            score -= 1
    return score


def _read(image, bbox: BBox, pad_x: int) -> tuple[str, float]:
    crop = field_crop(image, bbox, pad_x=pad_x)
    if crop is None:
        return "", 0.0
    try:
        words = tesseract.ocr_words(crop, lang="eng+spa", psm=7)
    except OcrError:
        return "", 0.0
    if not words:
        return "", 0.0
    return " ".join(w.text for w in words), sum(w.conf for w in words) / len(words)


def _accented(text: str) -> int:
    """Letters with diacritics: a crop reading that has fewer than the page's lost some
    (Tesseract reads an accent as another letter: "Quiñónez" -> "Quifiénez")."""
    return sum(ch.isalpha() and not ch.isascii() for ch in text)


def _same_but_accents(a: str, b: str) -> bool:
    return strip_accents(a).casefold() == strip_accents(b).casefold()


def improve(name: str, field: Optional[Field], words: list[Word], page: Page, hh: float,
            limits: tuple[float, float], finish: Callable[[str], str],
            rejected: Callable[[str], bool]) -> tuple[Optional[Field], int]:
    """The name ``field`` read from ``words`` (the value's words, before the name's own
    filtering), with fragments joined and, when doubtful, read again from its crop;
    and the number of Tesseract calls made. ``finish`` makes a reading a value
    (cleaned, accents restored where the field has them); ``rejected`` says when a
    reading is not a name at all."""
    if (field is not None and field.value is None and field.present is None
            and field.bbox is not None and field.confidence < HAND_BELOW):
        return _hand_unread(field, page, finish, rejected)
    if field is None or not isinstance(field.value, str) or not field.value or field.bbox is None:
        return field, 0
    x0, y0, x1, y1 = field.bbox
    own = [w for w in words if w.bbox[0] >= x0 - 1 and w.bbox[2] <= x1 + 1
           and w.bbox[1] >= y0 - 1 and w.bbox[3] <= y1 + 1 and w.conf >= 0.1
           and any(ch.isalnum() for ch in w.text)]
    value = field.value
    if own and finish(" ".join(w.text for w in sorted(own, key=lambda w: w.bbox[0]))) == value:
        joined = finish(" ".join(w.text for w in join_fragments(own)))
        if joined != value and not rejected(joined):
            value = joined
    conf, calls = field.confidence, 0
    if conf < REREAD_BELOW and page.image is not None:
        wide = (max(limits[0], x0 - 3 * hh), y0, min(limits[1], x1 + 3 * hh), y1)
        better, calls = _crop_rereads(field, value, page, wide, finish, rejected)
        if better is not None:
            return better, calls
    if conf < HAND_BELOW or (conf < REREAD_BELOW and plausibility(value) < 0
                             and not any(ch.isdigit() or ch == "(" for ch in value)):
        # (a confident reading of a bare name that does not look like one is as
        # doubtful: "Werd y [Samos" at 0.84; an agency and its number are not names)
        hand, n = _hand_field(field, value, page, finish, rejected)
        calls += n
        if hand is not None:
            return hand, calls
    return _with_value(field, value), calls


def _crop_rereads(field: Field, value: str, page: Page, wide: BBox, finish: Callable[[str], str],
                  rejected: Callable[[str], bool]) -> tuple[Optional[Field], int]:
    """The eng+spa crop readings' value when they agree on a better name (else None),
    and the number of calls made."""
    first, c1 = _read(page.image, field.bbox, 40)
    a = finish(first)
    # the second reading can only confirm the first: when the first could not
    # replace the value whatever the second says, it is not made
    if not (a and a != value and not _same_but_accents(a, value)
            and _accented(a) >= _accented(value) and not rejected(a)
            and plausibility(a) >= plausibility(value)):
        return None, 1
    second, c2 = _read(page.image, wide, 0)
    b = finish(second)
    if (a == b and (plausibility(a) > plausibility(value)
                    or plausibility(a) == plausibility(value) and (c1 + c2) / 2 > field.confidence)):
        return _chosen_from_crop(field, a, (c1 + c2) / 2, first, "re-read"), 2
    return None, 2


def hand_choice(value: Optional[str], reading: str, conf: float, finish: Callable[[str], str],
                rejected: Callable[[str], bool]) -> Optional[str]:
    """The hand model's ``reading`` (at its ``conf``) made a value, when it should
    replace ``value`` (the page's doubtful reading, or None): confident enough, a name,
    and as name-like as the value; else None."""
    h = finish(reading)
    if h and h != value and not rejected(h) and _vouched_over(h, value or "", conf):
        return h
    more_known = known_names(h)[0] - known_names(value or "")[0]
    if conf < HAND_MIN_CONF or (value and more_known < 0):
        # (nor a reading with fewer names the list knows than the page's: "Xarisol
        # Cháwez López" for "MArisol Chávez Lépez")
        return None
    if not h or h == value or rejected(h) or plausibility(h) < plausibility(value or ""):
        return None
    if value and plausibility(value) == 0 and \
            difflib.SequenceMatcher(None, h, value).ratio() >= HAND_NEAR_SAME \
            and more_known <= 0:
        # a letter or two apart, both name-like: the page's stands unless the model's
        # has more names the list knows ("Rosa Ramos" over "Rosa Raos")
        return None
    return h


def _hand_field(field: Field, value: Optional[str], page: Page, finish: Callable[[str], str],
                rejected: Callable[[str], bool]) -> tuple[Optional[Field], int]:
    """``field`` with the hand model's reading of its crop when :func:`hand_choice`
    takes it (else None), and the number of Tesseract calls. (The crop of the value's
    words; the band widened to the label's end read worse on generated forms.)"""
    if page.image is None or not hand_ocr.available():
        return None, 0
    text, conf = hand_ocr.read(page.image, field.bbox, pad_x=40)
    h = hand_choice(value, text, conf, finish, rejected)
    if h is None:
        return None, 1
    return _chosen_from_crop(field, h, conf, text, "hand model"), 1


def _hand_unread(field: Field, page: Page, finish: Callable[[str], str],
                 rejected: Callable[[str], bool]) -> tuple[Field, int]:
    """Writing the page read as no name at all ("Wi mer 4 Matinéz"), read by the hand
    model, taken only when every word of its reading (two or more) is a name the list
    knows: printed label words there read as a name otherwise ("Deportation Officer"
    -> "Deponaion Otticer", a false pass)."""
    if page.image is None or not hand_ocr.available():
        return field, 0
    text, conf = hand_ocr.read(page.image, field.bbox, pad_x=40)
    h = finish(text) if conf >= HAND_MIN_CONF else ""
    n = _all_known(h)
    if not n or rejected(h) or len(h.split()) != n:
        return field, 1
    return _chosen_from_crop(field, h, conf, text, "hand model"), 1


def _chosen_from_crop(field: Field, value, conf: float, evidence: str, how: str) -> Field:
    """``field`` with the ``value`` a crop reading (``how``) chose, at that reading's
    confidence capped at CROP_CONF_CAP: the page did not read it so."""
    return Field(value=value, confidence=min(CROP_CONF_CAP, conf), page=field.page,
                 bbox=field.bbox, evidence=evidence,
                 provenance=(field.provenance or "") + f" ({how})", present=field.present)


def _with_value(field: Field, value: str) -> Field:
    """``field`` with its fragments-joined ``value`` (itself when unchanged)."""
    if value == field.value:
        return field
    return Field(value=value, confidence=field.confidence, page=field.page, bbox=field.bbox,
                 evidence=field.evidence, provenance=field.provenance, present=field.present)


#: Tesseract calls made by :func:`improve_best` in this process (for measuring cost)
calls_made = 0


def improve_children(field: Optional[Field], page: Page, split: Callable[[str], list[str]],
                     rejected: Callable[[str], bool]) -> Optional[Field]:
    """A one-line list of children's names read below HAND_BELOW, replaced by the hand
    model's reading of its crop when that is confident, splits into as many names, each
    a name, and as name-like as the page's together."""
    global calls_made
    if (field is None or not isinstance(field.value, list) or not field.value or field.bbox is None
            or field.confidence >= HAND_BELOW or page.image is None or not hand_ocr.available()):
        return field
    x0, y0, x1, y1 = field.bbox
    if y1 - y0 > 0.5 * (page.dpi or 300.0):  # taller than a written line: a table, several lines
        return field
    text, conf = hand_ocr.read(page.image, field.bbox, pad_x=40)
    calls_made += 1
    names = split(text)
    # as many names; or fewer, when the page's split one name into pieces ("Estela",
    # "Pop" for "Estefanía Pérez Pop": a piece of one word is no child's full name)
    counted = len(names) == len(field.value) or (
        0 < len(names) < len(field.value) and any(len(v.split()) < 2 for v in field.value))
    if counted and names != field.value \
            and not any(rejected(n) for n in names) \
            and _vouched_over(" ".join(names), " ".join(field.value), conf):
        return _chosen_from_crop(field, names, conf, text, "hand model (name list)")
    if (conf < HAND_MIN_CONF or len(names) != len(field.value) or names == field.value
            or any(rejected(n) for n in names)
            or sum(map(plausibility, names)) < sum(map(plausibility, field.value))):
        return field
    return _chosen_from_crop(field, names, conf, text, "hand model")


def _vouched_over(reading: str, value: str, conf: float) -> bool:
    """The hand model's reading is taken over the page's, whatever else they differ in,
    when the list of names knows every word of it (two or more) and fewer of the page's,
    at a confidence of its own of HAND_MIN_CONF_VOUCHED or more."""
    n = _all_known(reading)
    return conf >= HAND_MIN_CONF_VOUCHED and n > 0 and n > known_names(value)[0]


def _all_known(text: str) -> int:
    """How many words ``text`` has when the list of names knows every one of them and
    there are two or more; else 0."""
    known, total = known_names(text)
    return total if total >= 2 and known == total else 0


def improve_best(name: str, best: Field, made: list, page: Page,
                 limits_of: Callable, accented: bool,
                 not_a_name: Callable[[str], bool]) -> Field:
    """:func:`improve` for the field ``extract_form`` chose from ``made`` (its
    (candidate, field) pairs); ``limits_of(candidate)`` is where the value may lie.
    The form reader's own name rules come in as arguments (``accented``: the field's
    names keep their accents; ``not_a_name(value)``), so this module needs nothing of
    the form reader, which calls it."""
    global calls_made
    from extractor.names import restore_accents
    cand = next((c for c, f in made if f is best), None)
    if cand is None:
        return best

    def finish(text: str) -> str:
        value = clean_name(text)
        return restore_accents(value) if accented else value

    field, n = improve(name, best, cand.words, page, max(cand.hit.line.height, 10.0),
                       limits_of(cand), finish, not_a_name)
    calls_made += n
    return field
