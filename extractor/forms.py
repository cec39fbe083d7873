"""Waiver/election form extraction: labels found by the lexicon, values by geometry.

No template coordinates: a field's value is the handwriting or typing right of its
printed label (up to the next label), or, for labels printed under a ruling, just above
it, or, for table headers, in the rows below. Generic labels ("Name") take their field
from the section they stand in (Witness, Supervisory acknowledgement, Officer).
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any, Callable, Optional

from extractor import lexicon
from extractor.layout import (LabelHit, Line, build_lines, find_phrases, fold,
                              is_filler, mean_conf, union)
from extractor.layout import rulings as find_rulings
from extractor.roles import label_field, names_a_child
from extractor.model import FORM_FIELDS, BBox, Field, Page, Record, Word
from extractor.labelfix import reread_stubs
from extractor.recover import recover_words
from extractor.formlang import option_languages, option_text_ids, page_languages
from extractor.formlabels import caption_row_headers, learned_labels
from extractor.forminks import MIN_STROKES, strokes, unseen_writing
from extractor.readin import read_sentence
from extractor.names import (correct_names, finish_family_name, finish_officer_name,
                             restore_accents)
from extractor import hand_ocr, names_reread
from extractor.reread import (A_NUMBER_CHARS, glyph_a_number, glyph_a_numbers, glyph_date_text,
                              reread)
from extractor.normalize import (clean_name, find_a_numbers, initial_periods, language_code,
                                 normalize_a_number, parse_date)
from extractor.preprocess import components

NAME_FIELDS = ("parent_name", "interpreter_name", "official_name", "witness_name",
               "supervisor_name")
#: names of the parent's family and interpreters: Spanish/Portuguese names whose accents
#: OCR drops; officers' names are written as in their (English) records
ACCENTED_NAME_FIELDS = ("parent_name", "interpreter_name")
#: labels normally printed under the line the value is written on
UNDERLINE_FIELDS = ("date_signed",)
#: labels for person fields the lexicon misses, read by the trained label classifier
#: (extractor.formlabels; chosen on validation forms)
LEARNED_LABELS = True
#: preference among the labels of one field (earlier = better)
#: confidence of a date only a second reader (crop re-read, hand model) made sense of:
#: below the rubric's pass cut
SECOND_READ_DATE_CONF = 0.55
DATE_LABEL_RANK = ["date signed", "signed on", "firmado el", "fecha de firma", "assinado em",
                   "date of signature", "fecha de hoy", "today's date", "data de hoje"]


@dataclass
class Section:
    key: str
    bbox: tuple  # header bbox; the section covers the column below it
    words: list = None


def _extend_to_colon(hit: LabelHit, hits: list[LabelHit]) -> None:
    """"Nombre del oficial" + "presente:": a label runs on to its colon when the colon
    comes within two words and no other label starts before it."""
    words = hit.line.words
    if words[hit.end - 1].text.endswith(":"):
        return
    starts = {h.start for h in hits if h.line is hit.line and h.start >= hit.end}
    for j in range(hit.end, min(hit.end + 2, len(words))):
        if j in starts:
            return
        if words[j].text.endswith(":") and len(words[j].text) > 1:
            hit.end = j + 1
            return


def _segments(line: Line) -> list[list[Word]]:
    """Split a line at wide horizontal gaps (two columns side by side)."""
    gap = 3.0 * max(line.height, 1.0)
    segs, cur = [], [line.words[0]] if line.words else []
    for a, b in zip(line.words, line.words[1:]):
        if b.bbox[0] - a.bbox[2] > gap:
            segs.append(cur)
            cur = []
        cur.append(b)
    if cur:
        segs.append(cur)
    return segs


#: words that make a phrase a field's label rather than a section header
_FIELD_WORDS = {"name", "nombre", "nome", "signature", "firma", "assinatura", "date", "fecha",
                "data", "print"}


def find_sections(lines: list[Line]) -> list[Section]:
    from rapidfuzz import fuzz
    out = []
    for line in lines:
        segs = _segments(line)
        found = [(seg, _section_match(seg, fuzz)) for seg in segs]
        for k, (seg, best) in enumerate(found):
            if best and k + 1 < len(found) and found[k + 1][1] is None:
                continue  # something written right of it on its line: a label with its value
            if best and not _repeats_header_above(out, best[0], seg, line.height):
                out.append(Section(best[0], union(w.bbox for w in seg), seg))
    return out


def _section_match(seg: list[Word], fuzz) -> Optional[tuple[str, float]]:
    """(section key, score) when ``seg`` reads as a section header, else None."""
    text = fold(" ".join(w.text for w in seg))
    if not text or len(text) > 60 or any(w.text.endswith(":") for w in seg):
        return None
    if not any(ch.isupper() for w in seg for ch in w.text):
        return None  # headers are capitalised: "child(ren)" is a wrapped sentence's end
    if _FIELD_WORDS & set(text.split()):
        return None  # "Officer Name / Oficial" names a field: a label, not a section
    best = None
    for key, phrases in lexicon.SECTIONS.items():
        for p in phrases:
            fp = fold(p)
            s = fuzz.ratio(text, fp)
            if len(fp) >= 8 and text.startswith(fp[:6]) and len(text) <= 3 * len(fp) \
                    and not _FIELD_WORDS & set(text.split()[1:]):
                # a header with more words ("Supervisory review (check)"), but not
                # a label that starts with the section's word ("Supervisor name")
                s = max(s, fuzz.partial_ratio(fp, text))
            if s >= 85 and (best is None or s > best[1]):
                best = (key, s)
    return best


def _repeats_header_above(found: list[Section], key: str, seg: list[Word], height: float) -> bool:
    """A section's header is printed once: a line starting with the section's word just
    under its header ("SUPERVISOR ACKNOWLEDGEMENT", then "Supervisor ERO D. O'Brien") is
    the section's first label, with its value, not a second header."""
    x0, y0, x1 = seg[0].bbox[0], min(w.bbox[1] for w in seg), seg[-1].bbox[2]
    return any(s.key == key and 0 < y0 - s.bbox[3] < 3.0 * max(height, 1.0)
               and s.bbox[0] < x1 and x0 < s.bbox[2] for s in found)


def section_at(sections: list[Section], bbox, page_width: float) -> Optional[str]:
    """The nearest section header above ``bbox`` in the same column."""
    cx = (bbox[0] + bbox[2]) / 2
    best = None
    for s in sections:
        if s.bbox[1] > bbox[1] + 2:
            continue
        col_right = s.bbox[0] + max(s.bbox[2] - s.bbox[0], page_width * 0.4)
        if not (s.bbox[0] - 60 <= cx <= col_right + 60 or s.bbox[0] - 60 <= bbox[0] <= col_right):
            continue
        if best is None or s.bbox[1] > best.bbox[1]:
            best = s
    return best.key if best else None


def _label_lexicon() -> dict[str, list[str]]:
    lex = dict(lexicon.FIELD_LABELS)
    # labels on a form that also run through case-comment prose ("waiver witnessed by
    # SDDO ..."): here, not in the lexicon the page classifier counts form labels with
    lex["interpreter_name"] = lex["interpreter_name"] + ["language by"]
    lex["witness_name"] = lex["witness_name"] + ["witnessed by", "en presencia de"]
    # the one-word captions ("Child(ren) / Hijo(s):"): on a form only (comment prose names
    # children too); running text is told apart by looks_like_label
    lex["child_names"] = lex["child_names"] + ["child(ren)", "children", "hijo(s)", "filho(s)",
                                               "enfant(s)"]
    lex["_generic_name"] = lexicon.GENERIC_LABELS["name"]
    lex["_stop"] = ["signature", "firma", "office", "country", "pais", "date of birth",
                    "fecha de nacimiento", "relationship", "page", "signature of parent",
                    "officer signature", "firma del oficial", "supervisor signature",
                    "signature of officer", "phone", "telephone", "telefono", "event no",
                    "event number", "case no", "case number", "numero de caso", "served on", "date served",
                    "notificado el"]
    return lex


_LEX = _label_lexicon()


def looks_like_label(hit: LabelHit, label_word_ids: set[int] = frozenset()) -> bool:
    """A printed label ends with a colon, is followed by a fill line, or stands at the
    start of its own short segment (table headers, labels under a ruling). The same
    words inside running text ("... with my child(ren) before ...") are not labels."""
    words = hit.line.words
    if len(fold(hit.phrase).split()) >= 4 and hit.score >= 90:
        return True  # a long phrase ("read to the parent in") is a label wherever it stands
    if fold(hit.phrase) in _READ_IN and hit.score >= 85:
        return True  # "... read to the parent in ___ language by ___": the sentence is the form
    last = words[hit.end - 1].text
    if last.rstrip().endswith(":") or (last.rstrip().endswith(";") and hit.end - hit.start <= 6):
        return True
    if hit.end < len(words):
        nxt = words[hit.end].text
        if nxt.startswith(":") or set(nxt) <= set("_-.=~|"):
            return True
    # the printed label's own height: large writing on the line must not stretch the gaps
    own = sorted(w.height for w in words[hit.start:hit.end])
    h = max(min(hit.line.height, own[len(own) // 2]), 8.0)
    prev_gap = (words[hit.start].bbox[0] - words[hit.start - 1].bbox[2]) if hit.start else 1e9
    # "... read to the parent in ___ language by ___": that label follows the language
    sentence_label = fold(hit.phrase) in _READ_BY
    if prev_gap < 1.5 * h and not words[hit.start - 1].text.endswith(("/", "|")) and not sentence_label:
        if not (hit.start and words[hit.start - 1].text in ("/", "|")) \
                and not _abbreviation_of_same_field(words[hit.start - 1], hit):
            return False
    if hit.key == "child_names" and hit.start == 0 and hit.score >= 90 \
            and len(fold(hit.phrase).split()) >= 2 and words[hit.start].text[:1].isupper():
        return True  # "Child name  Ana Ruiz; Luis Ruiz": a list of names follows its label
    # rest of the segment: a label is followed by a gap or by little text
    rest = []
    for a, b in zip(words[hit.end - 1:], words[hit.end:]):
        if b.bbox[0] - a.bbox[2] > 2.5 * h or b.height > 1.4 * h:
            break  # a gap, or writing larger than the print: the value begins
        if id(b) not in label_word_ids and b.text not in ("/", "|"):
            rest.append(b)
    if len(rest) <= 2:
        return True
    if hit.end - hit.start >= 2 and all(_NUMBER_GROUP.fullmatch(w.text) for w in rest):
        # "Alien No. 235 568 070": a number written in groups follows a label (a bare
        # "A#" inside a table row may be the column's, so it takes no such licence)
        return True
    # a person's name of three or four words follows a label, not a sentence
    caps = sum(w.text[:1].isupper() for w in rest)
    return len(rest) <= 4 and caps >= len(rest) - 1 and not _is_sentence(rest) \
        and (words[hit.start].text[:1].isupper() or sentence_label)


_NUMBER_GROUP = re.compile(r"[A#]?[\d\-/.,]*\d[\d\-/.,]*")
_READ_BY = {fold(p) for p in lexicon.READ_BY_PHRASES if " " in p}
_READ_IN = {fold(p) for p in lexicon.READ_IN_PHRASES}
_BY = {"by", "por", "par"}


def _abbreviation_of_same_field(prev: Word, hit: LabelHit) -> bool:
    """"A# / No. de extranjero" read as "AF No. de extranjero": a short capitals
    token (a misread abbreviation, its slash lost) before a label, naming the same
    field together with it, starts that label rather than a sentence."""
    t = prev.text.strip(":;")
    if not (1 <= len(t) <= 3) or any(ch.islower() for ch in t) or not t[0].isalpha():
        return False
    own = label_field(hit.text)
    return own is not None and own != "" and label_field(f"{prev.text} {hit.text}") == own


def _label_names_a_child(hit: LabelHit) -> bool:
    """"A# del niño(a)", "Child's A#": an A-number label whose own words (the one
    before it, or those after it up to the number) speak of a child is the child's."""
    words = hit.line.words
    after = []
    for w in words[hit.end:hit.end + 3]:
        if any(ch.isdigit() for ch in w.text):
            break
        after.append(w.text)
    before = words[hit.start - 1].text if hit.start else ""
    return names_a_child(" ".join(after)) or names_a_child(before)


_POSSESSIVE = {"my", "mi", "mis", "meu", "meus", "mon", "mes", "our", "nuestros", "his", "her", "sus"}
_SERVED = {"served", "notificado", "notificada", "entregado", "service"}


def _resolve_field(hit: LabelHit, sections: list[Section], page: Page) -> Optional[str]:
    sec = section_at(sections, hit.bbox, page.width)
    if hit.key == "_generic_name":
        if sec == "children":
            return "child_names"
        return lexicon.SECTION_FIELD.get(sec or "parent", "parent_name")
    if hit.key == "_stop":
        return None
    if hit.key == "date_signed" and _SERVED & set(fold(hit.text).split()):
        return None  # "Served on / Fecha": the date the officer served the form
    if hit.key == "parent_a_number" and (sec == "children" or _label_names_a_child(hit)):
        return "child_a_numbers"
    if sec == "children" and hit.key == "parent_name":
        return "child_names"
    if sec == "supervisor" and hit.key in ("official_name", "witness_name"):
        return "supervisor_name"
    if sec == "witness" and hit.key in ("official_name", "supervisor_name"):
        return "witness_name"
    return hit.key


@dataclass
class Candidate:
    field: str
    hit: LabelHit
    words: list[Word]
    where: str  # right | above | below | table
    line: Optional[tuple] = None  # the blank-looking fill line (x0, x1, y), if any


def _label_is_colon_word(w: Word) -> bool:
    return w.text.endswith(":") and len(w.text) > 2


def _crosses_edge(verticals, x_from: float, x_to: float, line: Line) -> bool:
    """Is there a box or table edge between two points of a line?"""
    return any(x_from < x < x_to and y0 <= line.bbox[1] + 0.3 * line.height
               and y1 >= line.bbox[3] - 0.3 * line.height for y0, y1, x in verticals)


# words that continue an A-number label naming whose number it is ("A# del padre/madre",
# "A-Number of the parent"); a number never starts with them
_WHOSE = frozenset("del de la el los las do da of the o y / padre madre padre/madre "
                   "padres parent parent's mother father pai mae mãe".split())


def _label_tail(words: list[Word]) -> list[Word]:
    """The leading words right of an A-number label that are still that label."""
    n = 0
    while n < len(words) and (words[n].text.lower().strip(":(),.") in _WHOSE
                              or _A_MARK.fullmatch(words[n].text.strip())):
        n += 1
    return words[:n]


#: the label's own "(A#)" as OCR reads it ("(A+)", "A#:", "#"): no digit, so no value
_A_MARK = re.compile(r"[(\[]?[Aa4]?\s?[#+*№]?[)\]]?[:.]?")


#: person names never hold a number (an interpreter's may: "LanguageLine #82855")
_DIGITLESS_NAMES = ("parent_name", "official_name", "witness_name", "supervisor_name")
_NUMBER_WORD = re.compile(r"\d.*\d.*\d")


def _name_before_number(words: list[Word]) -> list[Word]:
    """A name's words end where a number begins ("Nombre: Ana Ruiz 221-142-116", the
    A-number written on the name's line under its own caption): the number stays free
    for the A-number's label."""
    for i, w in enumerate(words):
        if _NUMBER_WORD.search(w.text):
            return words[:i] if any(c.isalpha() for x in words[:i] for c in x.text) else words
    return words


def _value_right(hit: LabelHit, hits_in_line: list[LabelHit], verticals=()) -> list[Word]:
    """Words right of the label up to the next label of the same line, never across a
    box edge (the next cell's label or entry is not this label's value)."""
    words = hit.line.words
    end = len(words)
    for other in hits_in_line:
        if other.start >= hit.end:
            end = min(end, other.start)
    out = []
    for i in range(hit.end, end):
        w = words[i]
        if _label_is_colon_word(w):
            break  # an unknown printed label ("Office:") ends the value
        if _crosses_edge(verticals, words[i - 1].bbox[2], w.bbox[0], hit.line):
            break
        out.append(w)
    return [w for w in out if not is_filler(w.text) or w.text in SEPARATORS]


def _row_near(lines: list[Line], ref_bbox, direction: str, used: set[int],
              max_gap: float, x_range: tuple[float, float]) -> tuple[float, list[Word]]:
    """(distance, words) of the nearest free row of writing above/below ``ref_bbox``."""
    ws = _words_near(lines, ref_bbox, direction, used, max_gap, x_range)
    if not ws:
        return 1e9, []
    if direction == "above":
        return max(0.0, ref_bbox[1] - max(w.bbox[3] for w in ws)), ws
    return max(0.0, min(w.bbox[1] for w in ws) - ref_bbox[3]), ws


def _words_near(lines: list[Line], ref_bbox, direction: str, used: set[int],
                max_gap: float, x_range: tuple[float, float]) -> list[Word]:
    """Unlabelled words just above/below ``ref_bbox`` inside ``x_range``: the row of
    words nearest to the label (judged word by word: a tall signature stroke must not
    drag a written date into another text line)."""
    cands = []
    for line in lines:
        for j, w in enumerate(line.words):
            if id(w) in used or is_filler(w.text) or not (x_range[0] <= w.cx <= x_range[1]):
                continue
            if j and id(line.words[j - 1]) in used and \
                    w.bbox[0] - line.words[j - 1].bbox[2] < 4 * max(w.height, 10):
                continue  # it follows another label (or its value) on its own line
            if w.text.endswith(":") and len(w.text) > 2:
                continue  # a printed label, not writing
            dist = ref_bbox[1] - w.bbox[3] if direction == "above" else w.bbox[1] - ref_bbox[3]
            if -0.3 * max(w.height, 1) < dist <= max_gap:
                cands.append((dist, w))
    if not cands:
        return []
    nearest = min(d for d, _ in cands)
    row = [w for d, w in cands if d - nearest <= 0.6 * max(w.height, 10)]
    if len(row) > 7:
        return []  # a line of running text (instructions, an option) is not a value
    return sorted(row, key=lambda w: w.bbox[0])


TABLE_FIELDS = ("child_names", "child_a_numbers")
SEPARATORS = ("/", ";", ",", "|")


def _list_text(words: list[Word]) -> str:
    """Text of a list value with its separators: written ones, and wide gaps."""
    parts: list[str] = []
    prev = None
    for w in words:
        if prev is not None and w.bbox[0] - prev.bbox[2] > 2.2 * max(prev.height, w.height, 1):
            parts.append(";")
        if w.text in SEPARATORS:
            parts.append(";")
        elif sum(ch.isalnum() for ch in w.text) and w.conf >= 0.1:
            parts.append(w.text)
        prev = w
    return " ".join(parts)


def _column_below(h: LabelHit, lines: list[Line], same_line: list[LabelHit],
                  label_ids: set[int], header_ids: set[int]) -> list[Word]:
    """Cells under a table header: one entry per row, in the header's column (from
    the header to the next header of the same row), down to the next label or section."""
    hh = max(h.line.height, 10.0)
    x0 = h.bbox[0] - hh
    right = [o.bbox[0] for o in same_line if o.start >= h.end]
    x1 = min(right) - hh if right else h.bbox[2] + 25 * hh
    out: list[Word] = []
    column = lambda ws: [w for w in ws if x0 <= w.cx <= x1]  # noqa: E731
    for in_column in _table_rows(lines, h.bbox[3], 6 * hh, label_ids | header_ids, column, 7):
        cell = [w for w in in_column if not is_filler(w.text) and not _ROW_NUMBER.match(w.text)]
        if cell:
            if out:
                out.append(Word(";", 1.0, cell[0].bbox))  # a row boundary
            out.extend(cell)
    return out


def _table_rows(lines: list[Line], top: float, max_gap: float, stop_ids: set[int],
                select=lambda ws: ws, max_words: int = 7):
    """The rows of a table under ``top`` (each row's words as ``select`` keeps them),
    until a gap, a label or another field's value, a colon, or a sentence (option
    wording, an instruction) says the table has ended."""
    last_y = top
    for line in lines:
        if line.bbox[1] <= top:
            continue
        if line.bbox[1] - last_y > max_gap:
            return
        ws = select(line.words)
        if len(ws) > max_words or any(id(w) in stop_ids or w.text.endswith(":") for w in ws) \
                or _is_sentence(ws):
            return
        yield ws
        last_y = line.bbox[3]


_NAME_WORD = re.compile(r"^[A-Za-zÀ-ÿ'.-]{2,}$")
#: words of instructions and option wording that a person's name never holds
_SENTENCE_WORDS = {"i", "my", "me", "to", "the", "with", "want", "wish", "be", "box", "check",
                   "circle", "one", "option", "options", "mi", "mis", "quiero", "deseo", "ser",
                   "marque", "encierre", "una", "opcion", "opción", "con", "before", "antes",
                   "without", "sin", "not", "no", "will", "am", "request", "solicito", "eu",
                   "meu", "com", "sem", "quero", "and", "y", "or", "o"}


def _is_sentence(words: list[Word]) -> bool:
    toks = [w.text.lower().strip(".,:;()[]") for w in words]
    return sum(t in _SENTENCE_WORDS for t in toks) >= 2


_ROW_NUMBER = re.compile(r"^\(?\d{1,2}[.)]?$")


def _children_section_rows(sections: list[Section], lines: list[Line], label_ids: set[int],
                           header_ids: set[int], page: Page) -> dict[str, Field]:
    """A children table whose header row was not read: each row under the section
    header gives a name (letters) and an A-number (digits); empty rows give []."""
    secs = [s for s in sections if s.key == "children"]
    if not secs:
        return {}
    sec = secs[0]
    hh = max(sec.bbox[3] - sec.bbox[1], 10.0)
    names, numbers, used = [], [], []
    for row in _table_rows(lines, sec.bbox[3], 8 * hh, label_ids | header_ids, max_words=8):
        text = " ".join(w.text for w in row)
        nums = find_a_numbers(text)
        first_digit = next((i for i, w in enumerate(row)
                            if any(ch.isdigit() for ch in w.text)), len(row))
        words = [w for w in row[:first_digit] if _NAME_WORD.match(w.text) and w.conf >= 0.5]
        if len(words) >= 2:
            names.append(restore_accents(clean_name(_text(words))))
            used += words
        numbers += nums
    box = union([w.bbox for w in used]) or sec.bbox
    conf = mean_conf(used) if used else 0.6
    # no name read under the heading: pen strokes there that OCR did not read as words
    # (a script hand) leave it unknown whether children were named
    ink = not names and page.image is not None and strokes(
        page, (sec.bbox[0] - hh, sec.bbox[3], min(page.image.shape[1], sec.bbox[0] + 40 * hh),
               sec.bbox[3] + 6 * hh), hh) >= MIN_STROKES
    base = dict(page=page.number, bbox=box, provenance=f"section:{sec.key} (rows)")
    return {
        "child_names": Field(value=names, confidence=conf if names or not ink else 0.3,
                             evidence="; ".join(names) or None,
                             present=True if names else (None if ink else False), **base),
        "child_a_numbers": Field(value=numbers, confidence=conf if numbers else 0.6,
                                 evidence="; ".join(numbers) or None, **base),
    }


def pick_form_page(pages: list[Page]) -> Page:
    if len(pages) == 1:  # nearly every form: nothing to choose
        return pages[0]

    def score(p: Page) -> int:
        lines = build_lines(p.words)
        hits = find_phrases(lines, {k: v for k, v in lexicon.FIELD_LABELS.items()})
        return len({h.key for h in hits})
    return max(pages, key=score)


def form_languages(page: Page) -> tuple[list[str], float, list[Word]]:
    """The page's printed languages (labels and options): the date convention. The
    contract's form_languages are the options' (extractor.formlang.option_languages)."""
    langs, conf = page_languages(page)
    return langs, conf, []


def _text(words: list[Word]) -> str:
    return " ".join(w.text for w in words)


def _split_children(text: str) -> list[str]:
    parts = re.split(r"\s*(?:/|;|,|\|| and | y | e )\s*", text)
    parts = [_ENUMERATOR.sub("", clean_name(p)) for p in parts]
    return [restore_accents(p) for p in parts if len(p) >= 3]


def _numeric(text: str) -> bool:
    """A number read where a name goes ("216 200 072", "A#25415"): three digits in a
    row, or more digits than letters ("JUÁRF7" is a name with a misread letter)."""
    return bool(re.search(r"\d\D?\d\D?\d", text)) or \
        sum(ch.isdigit() for ch in text) > sum(ch.isalpha() for ch in text)


#: a list's numbering before a child's name ("1. DAYANA MARTÍNEZ", "2) Josué")
_ENUMERATOR = re.compile(r"^\(?\d{1,2}[.)]\s+")


#: instruction words ("Circle ONE letter / Encierre la letra"): never in a child's name
_INSTRUCTION = {"circle", "encierre", "check", "marque", "box", "casilla", "option", "options",
                "opcion", "letra", "letter", "below", "abajo", "select", "seleccione", "mark"}


def _instruction(name: str) -> bool:
    return any(t in _INSTRUCTION for t in fold(name).split())


#: words that make a date label the parent's signing date, not anyone's date
_SIGNING_WORDS = {"signed", "signature", "firmado", "firma", "assinado", "assinatura", "hoy",
                  "today", "hoje", "signing"}


def _generic_date(hit: LabelHit) -> bool:
    texts = [hit.text, hit.phrase] + list(hit.extra.get("phrases", []))
    return not any(t in _SIGNING_WORDS for x in texts for t in fold(x).split())


def _is_title(hit: LabelHit, page: Page) -> bool:
    """A heading in larger type ("Parent's Decision Regarding Minor Child(ren)") names
    the form, not a field, even when its words are a label's."""
    if _colon_end(hit) or not page.words or hit.end - hit.start < 2:
        return False
    words = hit.line.words
    alone = not any(w.text.endswith((":", ";")) for w in words)  # a heading has no value
    left = min(w.bbox[0] for w in page.words)
    right = max(w.bbox[2] for w in page.words)
    x0, x1 = words[0].bbox[0], words[-1].bbox[2]
    centred = abs((x0 + x1) / 2 - (left + right) / 2) < 0.06 * (right - left) \
        and x0 - left > 0.12 * (right - left)
    if alone and centred:
        return True  # a line without a label's colon, in the middle of the page
    # brackets reach above and below the letters: left out of the heights
    plain = lambda ws: sorted(w.height for w in ws if not set(w.text) & set("()[]{}"))  # noqa: E731
    hs, own = plain(page.words), plain(words[hit.start:hit.end])
    # a heading has nothing beside it, or is set in capitals
    whole_line = hit.start == 0 and hit.end == len(words) \
        or all(w.text.isupper() for w in words[hit.start:hit.end])
    return whole_line and len(own) >= 2 and bool(hs) and own[(len(own) - 1) // 2] > 1.5 * hs[3 * len(hs) // 4]


#: role and label words: a "name" made only of these is printed text ("Deportation
#: Officer" above its caption), not a person's name
#: an officer's title before a name ("ERO R. Lee"): never a child's name
_OFFICER_TITLES = frozenset({"ero", "sddo", "afod", "fod", "iea", "officer", "agent", "sdo"})
_ROLE_WORDS = frozenset({"deportation", "officer", "official", "oficial", "funcionario", "agent",
                         "agente", "supervisor", "witness", "testigo", "interpreter", "interprete",
                         "parent", "padre", "madre", "child", "children", "name", "nombre", "print",
                         "ice", "ero", "immigration", "enforcement", "signature", "firma", "date",
                         "fecha", "present", "presente", "if", "used", "detainee",
                         "tutor", "legal", "guardian", "adult", "adulto", "genitor", "pai", "mae",
                         "responsavel", "nino", "nina", "menor", "full", "completo", "title"})
#: a name never ends with a connective: "tado por" is the tail of "Interpretado por"
_LABEL_TAIL = {"por", "by", "en", "in", "of", "para", "em", "the"}


def _not_a_name(value: str, field: str = "", words: list[Word] = ()) -> bool:
    toks = fold(value).split()
    if field != "interpreter_name" and any(ch.isdigit() for ch in value):
        return True  # "Served on Mar 6 2018": a person's name has no digits (an agency id may)
    if sum(ch.isalpha() for ch in value) < 2 or find_a_numbers(value):
        return True  # "03-26-1980", "A295937137": a date or an A-number where a name goes
    if words and _is_sentence(words):
        return True  # "The options were explained to the parent"
    content = [t for t in toks if t not in _CONNECTIVES]
    whole = language_code(" ".join(content), fuzzy=False) if content else None
    if whole is not None and whole[1] == 1.0:  # the whole value names a language
        return True  # "portugués" beside "Interpreter": the language, not a person
    return not content or all(t in _ROLE_WORDS for t in content) or toks[-1] in _LABEL_TAIL


_CONNECTIVES = {"o", "y", "e", "or", "and", "de", "del", "la", "el", "the", "of", "do", "da"}


def _name_words(words: list[Word]) -> list[Word]:
    """The words of a written name: a leading parenthesised label remnant ("(print)")
    goes, and so does everything past a gap of several word heights (a signature's
    strokes read as letters far right on the same line: "Nelson Orellana   NW") or
    from a printed label word on ("Trent Walker Date 3/9/2018")."""
    words = sorted(words, key=lambda w: w.bbox[0])
    while words and words[0].text.startswith("("):
        # "(print)", "(print name)", "(nombre en letra de molde)": up to its ")"
        end = next((i for i, w in enumerate(words[:6]) if w.text.rstrip(":").endswith(")")), None)
        if end is None or not all(fold(w.text) in _PARENTHESISED_LABEL for w in words[:end + 1]):
            break
        words = words[end + 1:]
    if not words:
        return []
    # "del adulto Marvin Chávez", "do genitor Marisol Chub": the tail of a label the
    # lexicon does not know, in lower case, before the capitalised name
    lead = 0
    while lead < min(len(words) - 1, 4) and words[lead].text[:1].islower() \
            and fold(words[lead].text).split() \
            and all(t in _LABEL_REST for t in fold(words[lead].text).split()):
        lead += 1
    if lead and words[lead].text[:1].isupper():
        words = words[lead:]
    hs = sorted(w.height for w in words)
    med = hs[len(hs) // 2]
    out = [words[0]]
    for w in words[1:]:
        if w.bbox[0] - out[-1].bbox[2] > 4 * med or fold(w.text) in _STOP_IN_NAME:
            break
        out.append(w)
    return out


#: words a label's lower-case tail is made of ("del adulto", "o tutor legal", "and title"):
#: a misread first word of a handwritten name is not dropped with them
_LABEL_REST = _CONNECTIVES | _ROLE_WORDS | {"id", "title", "rank", "cargo", "adult"}

#: words of a parenthesised label remnant left before a written name ("(print name)")
_PARENTHESISED_LABEL = {"print", "printed", "name", "names", "full", "please", "nombre",
                        "nombres", "en", "letra", "de", "molde", "imprenta", "legible",
                        "nome", "completo", "apellido", "apellidos"}

#: printed words that end a name read from a line ("... Smith Date: 1/5/2018")
_STOP_IN_NAME = {"date", "fecha", "data", "signature", "firma", "assinatura"}


def _x_limits(c: "Candidate", by_line) -> tuple[float, float]:
    """Where a value right of its label can be: from the label's end to the next label
    of its line (the glyph reader must not take in either label's letters)."""
    h = c.hit
    if c.where != "right":
        return 0.0, 1e9
    hh = max(h.line.height, 10.0)
    nxt = [o.bbox[0] for o in by_line.get(h.line.index, []) if o.start >= h.end]
    return h.bbox[2] + 0.3 * hh, (min(nxt) - 0.3 * hh) if nxt else 1e9


#: name fields read at this confidence or more are not corrected by the list of names
NAME_LIST_BELOW = 0.91
#: height of the band read above a caption's fill line, in the caption's text heights
CAPTION_BAND = 2.0
#: fields whose reading must parse to be taken (a date, a language code)
_PARSED_FIELDS = ("date_signed", "read_in_language")


def _language_of(text: str) -> Optional[str]:
    lc = language_code(text)
    return lc[0] if lc else None


def _date_of(text: str, day_first: bool) -> Optional[str]:
    d = parse_date(text, day_first=day_first)
    return d.iso if d is not None and _plausible(d.iso) else None


def _read_again(page: Page, bbox: BBox, parse: Callable[[str], Any]) -> tuple[Any, str, float, str]:
    """A value the page reading could not make sense of, read again from its crop: by
    eng+spa, then by the project's handwriting model (extractor.hand_ocr), until
    ``parse`` makes something of the text. Returns (parsed, text, confidence, how) for
    the reading taken, or (None, '', 0.0, '') when neither makes sense."""
    for how, read in (("re-read", lambda: reread(page, bbox, lang="eng+spa")),
                      ("hand model", lambda: hand_ocr.read(page.image, bbox))):
        text, conf = read()
        parsed = parse(text)
        if parsed is not None:
            return parsed, text, conf, how
    return None, "", 0.0, ""


def _make_field(name: str, words: list[Word], hit: LabelHit, page: Page, day_first: bool,
                where: str, limits: tuple[float, float] = (0.0, 1e9)) -> Optional[Field]:
    label_box = hit.bbox
    evidence = _text(words)
    meaningful = [w for w in words if sum(ch.isalnum() for ch in w.text) >= 1 and w.conf >= 0.1]
    present = sum(sum(ch.isalnum() for ch in w.text) for w in meaningful) >= 2
    bbox = union(w.bbox for w in words) if words else label_box
    conf = mean_conf(meaningful) if meaningful else 0.9
    prov = f"label:{hit.text}"
    base = dict(page=page.number, bbox=bbox, evidence=evidence or hit.text,
                provenance=prov + (f" ({where})" if where != "right" else ""))
    if name in NAME_FIELDS:
        if not present:
            return Field(value=None, confidence=0.85, present=False, **base)
        meaningful = _name_words(meaningful)
        if not meaningful:
            return Field(value=None, confidence=0.3, present=None, **base)
        base["bbox"] = union(w.bbox for w in meaningful)
        value = clean_name(_text(meaningful))
        if _not_a_name(value, name, meaningful):
            # printed words where the name goes: whether one was written is not known
            return Field(value=None, confidence=0.3, present=None, **base)
        if name in ACCENTED_NAME_FIELDS:
            value = restore_accents(value)
        return Field(value=value, confidence=conf, present=True, **base)
    if name == "parent_a_number":
        if not present:
            return Field(value=None, confidence=0.85, present=False, **base)
        if len(find_a_numbers(evidence)) >= 2 or names_a_child(evidence):
            # a list of A-numbers, or the label running on about a child ("... del menor
            # A 273-260-659, A 278-751-172"): the children's numbers, not the parent's
            return Field(value=None, confidence=0.3, present=None, **base)
        a = normalize_a_number(evidence)
        strict = normalize_a_number(evidence, strict=True)
        c = conf if a and a == strict else conf * 0.7
        hh = max(hit.line.height, 10.0)
        glyphs = glyph_a_number(page, bbox, hh, limits)
        if a is None or c < 0.9:
            # handwriting: read the crop again as one line of A-number characters
            text, rconf = reread(page, bbox, A_NUMBER_CHARS)
            again = normalize_a_number(text)
            if again:
                if again == a:
                    c = max(c, 0.9)
                else:
                    base["evidence"] = text
                    base["provenance"] += " (re-read)"
                    a, c = again, min(max(rconf, 0.5), 0.85) if a is None else 0.55
            if glyphs is not None:
                a, c = _vote_a_number(a, c, again, glyphs, base)
        elif glyphs is not None and glyphs.text == a:
            c = max(c, 0.95)  # two independent readers agree
        # marks that do not read as an A-number may be one or may be noise: a reviewer decides
        return Field(value=a, confidence=c if a else 0.3, present=True if a else None, **base)
    if name == "child_a_numbers":
        nums = find_a_numbers(evidence)
        hh = max(hit.line.height, 10.0)
        one_line = bool(words) and bbox[3] - bbox[1] < 2.2 * max(w.height for w in words)
        if not nums and present and one_line and any(ch.isdigit() for ch in evidence):
            # handwriting Tesseract could not read: the glyph recogniser's numbers,
            # at their own (capped) confidence
            got = glyph_a_numbers(page, bbox, hh, limits)
            if got:
                base.update(evidence=f"{evidence} [glyphs: {', '.join(g.text for g in got)}]",
                            provenance=base["provenance"] + " (glyphs)")
                return Field(value=[g.text for g in got], present=True,
                             confidence=min(0.85, 0.9 * min(g.confidence for g in got)), **base)
        return Field(value=nums, confidence=conf if nums else 0.8, present=bool(nums) or None if present else False, **base)
    if name == "child_names":
        names = _split_children(_list_text(words)) if present else []
        # the rest of a bilingual caption ("Child(ren) Name(s) | Hijo(s)") is no name
        names = [n for n in names if not _label_text(n) and not _OFFICER_TITLES & set(fold(n).split())]
        if present and not names:
            # writing there, but no name read from it: filled in or not is not known
            return Field(value=[], confidence=0.3, present=None, **base)
        if any(_instruction(n) or _numeric(n) for n in names):
            # printed instructions, or numbers (an A-number in the names' column), where
            # the names go: not names; if nothing else is there, filled in or not?
            names = [n for n in names if not _instruction(n) and not _numeric(n)]
            if not names:
                return Field(value=[], confidence=0.3, present=None, **base)
        return Field(value=names, confidence=conf if names else 0.85, present=present, **base)
    if name == "date_signed":
        if not present:
            return Field(value=None, confidence=0.85, present=False, **base)
        d = parse_date(evidence, day_first=day_first)
        if d is None or not _plausible(d.iso):
            def plausible_date(text: str):
                again = parse_date(text, day_first=day_first)
                return again if again is not None and _plausible(again.iso) else None
            again, _, _, how = _read_again(page, bbox, plausible_date)
            if again is not None:
                # a second reader's date where the page reading made no date of the
                # writing: a misread impossible date ('6/31' read '1.11') looks as valid
                # as a right one, so it is a value for a reviewer, never a pass alone
                d = again
                base["provenance"] += f" ({how})"
                conf = min(conf, SECOND_READ_DATE_CONF)
        if d is None or not _plausible(d.iso) or conf < 0.95:
            # handwriting: the glyph recogniser confirms, supplies or doubts the date
            hh = max(hit.line.height, 10.0)
            value, c2, ev = _vote_date(d.iso if d is not None and _plausible(d.iso) else None,
                                       conf, page, bbox, hh, day_first, evidence, limits)
            if value is not None and (d is None or value != d.iso):
                base.update(evidence=ev, provenance=base["provenance"] + " (glyphs)")
                return Field(value=value, confidence=c2, present=True, **base)
            if d is not None:
                conf = c2
        if d is None:
            return Field(value=None, confidence=0.3, present=True, **base)
        c = conf * (0.8 if d.ambiguous else 1.0)
        base["evidence"] = d.evidence
        return Field(value=d.iso, confidence=c, present=True, **base)
    if name == "read_in_language":
        if not present:
            return Field(value=None, confidence=0.85, present=False, **base)
        lc = language_code(evidence)
        if lc is None and words:
            # handwriting the page pass garbled ("Mom", "2 ami"): the crop read again as
            # one line; only a language name it makes sense of is taken, and as doubtful
            again, text, rconf, how = _read_again(page, bbox, language_code)
            if again is not None:
                base.update(evidence=text, provenance=base["provenance"] + f" ({how})")
                return Field(value=again[0], confidence=min(0.7, again[1], max(rconf, 0.3)),
                             present=True, **base)
        if lc is None:
            # printed running text where the language goes (the rest of an instruction
            # sentence) says nothing about whether a language was written
            return Field(value=None, confidence=0.3,
                         present=None if _is_sentence(words) else True, **base)
        return Field(value=lc[0], confidence=min(conf, lc[1]) if conf else lc[1], present=True, **base)
    return None


def _vote_a_number(a, c: float, again, glyphs, base: dict) -> tuple:
    """Tesseract's doubtful reading(s) against the glyph recogniser's: agreement makes
    a confident value; the glyph reading alone is taken at its own (capped) confidence,
    since on handwriting it is the better reader; a weak glyph reading stays doubtful."""
    if glyphs.text in (a, again):
        return glyphs.text, max(c, 0.9)
    if glyphs.confidence < 0.3 and (a or again):
        return a or again, min(c, 0.5)  # two doubtful readers that disagree
    base["provenance"] += " (glyphs)"
    base["evidence"] = f"{base['evidence']} [glyphs: {glyphs.text}]"
    return glyphs.text, min(0.85, glyphs.confidence * 0.9)


def _bracketed_remark(hit: LabelHit) -> bool:
    words = hit.line.words
    first = words[hit.start].text if hit.start < len(words) else ""
    if hit.start == 0 or not first.startswith("(") or sum(c.isalpha() for c in first) < 4:
        return False  # ("File No. (A#)": a label's own bracket)
    prev = words[hit.start - 1]
    h = max(hit.line.height, 8.0)
    return not prev.text.endswith((":", "/", "|")) and words[hit.start].bbox[0] - prev.bbox[2] < 1.5 * h


def _grow_label(hit: LabelHit, taken: set[int]) -> None:
    """Grow a matched phrase to the whole printed label it belongs to: left over the
    words of the same phrase, right to its colon, or to the end of a short caption
    ("Nombre del funcionario" under a ruling)."""
    words = hit.line.words
    h = max(hit.line.height, 8.0)
    close = lambda a, b: b.bbox[0] - a.bbox[2] <= 1.3 * h  # noqa: E731
    grown = 0
    # "... in ___ language by": the word before that label is the language, not the label's
    start = hit.start
    phrase_h = max(w.height for w in words[hit.start:hit.end])
    # words after another label's colon on this line are that label's value ("Name:
    # Rosa Pérez  A#: ..."), never the start of this label
    after_colon = any(w.text.endswith(":") for w in words[:hit.start])
    while hit.start > 0 and grown < 5 and fold(hit.phrase) not in _READ_BY and not after_colon:
        prev = words[hit.start - 1]
        sentence_end = prev.text.endswith((",", ";")) or (prev.text.endswith(".") and len(prev.text) > 4) \
            or fold(prev.text) in ("by", "por", "in", "en")  # "... by Andrés Muñoz (Language Line)"
        if prev.text.endswith(":") or sentence_end or id(prev) in taken \
                or not close(prev, words[hit.start]) or prev.height > 1.25 * phrase_h:
            break  # the end of a sentence or of another label; taller words are writing
        grown += 1
        if prev.conf < 0.5 or is_filler(prev.text) and prev.text not in ("/", "|") \
                or any(ch.isdigit() for ch in prev.text):
            break  # a number (a date, an A-number) is a value, never part of a label
        hit.start -= 1
    if words[start].text.startswith("(") and hit.start > 0 and hit.start < start \
            and words[hit.start - 1].text.endswith(":"):
        # "Interpreter: Marta Solís (Language Line)": the words grown over are another
        # label's value, and the bracket a remark on them, not the end of a label
        hit.start = start
    if words[hit.end - 1].text.endswith(":"):
        return
    j = hit.end
    label_h = max(w.height for w in words[hit.start:hit.end])
    while j < len(words) and j - hit.end < 6 and close(words[j - 1], words[j]) \
            and id(words[j]) not in taken:
        if words[j].text.endswith((":", ";")) and len(words[j].text) > 1:
            hit.end = j + 1  # OCR often reads a label's colon as a semicolon
            return
        if words[j].height > 1.25 * label_h:
            break  # bigger than the printed label: the writing has begun
        j += 1
    # a caption: the phrase runs to a wide gap (or the line's end) and nothing written follows
    # (not "language by" nor "read to the parent in": in that sentence the interpreter's
    # name and the language follow them)
    if j - hit.end <= 4 and fold(hit.phrase) not in _READ_BY | _READ_IN and (j == len(words) or words[j].bbox[0] - words[j - 1].bbox[2] > 3 * h):
        if all(words[k].conf >= 0.6 and not is_filler(words[k].text)
               and not any(ch.isdigit() for ch in words[k].text)  # a number is a value
               and not words[k - 1].text.endswith((".", ";", ":")) for k in range(hit.end, j)):
            if j == len(words) or id(words[j]) in taken:
                hit.end = j


def _colon_labels(lines: list[Line], taken: set[int]) -> list[LabelHit]:
    """Any printed phrase ending in a colon whose role words name a field is a label,
    whether or not the lexicon knows its wording ("Minor child(ren):")."""
    out = []
    for line in lines:
        words = line.words
        h = max(line.height, 8.0)
        start = 0
        for i, w in enumerate(words):
            if i > start and w.bbox[0] - words[i - 1].bbox[2] > 2.5 * h:
                start = i
            if not (w.text.endswith(":") and len(w.text) > 1):
                continue
            if start > 0 and words[start - 1].text.endswith(":"):
                # after another label's colon, the words before this one's phrase are that
                # label's value ("Name: Rosa Pérez A-Number/A#:"): the label is the shortest
                # tail naming a field, grown left over label vocabulary only
                start = _label_tail_start(words, start, i)
            span = range(start, i + 1)
            if i - start <= 8 and not any(id(words[k]) in taken for k in span) \
                    and all(words[k].conf >= 0.3 for k in span):
                text = " ".join(words[k].text for k in span)
                field = label_field(text)
                if field is not None:  # '' = a printed field that is not ours: a boundary
                    out.append(LabelHit(field or "_stop", text, line, start, i + 1, 90.0))
            start = i + 1
    return out


def _label_tail_start(words: list[Word], start: int, colon: int) -> int:
    """Where a colon label that follows another label's value starts: the shortest tail
    ending at ``colon`` that names a field, then left over words of label vocabulary."""
    for k in range(colon, start - 1, -1):
        if label_field(" ".join(w.text for w in words[k:colon + 1])) is not None:
            while k > start and fold(words[k - 1].text) in _LABEL_WORDS:
                k -= 1
            return k
    return start


def _caption_labels(lines: list[Line], taken: set[int], rulings) -> list[LabelHit]:
    """Short printed phrases standing alone on their line (captions under a fill line,
    the first line of a stacked bilingual caption) whose role words name a field.
    Titles (large type) and sentences (a full stop, many words) are not captions."""
    heights = sorted(w.height for l in lines for w in l.words)
    if not heights:
        return []
    typical = heights[len(heights) // 2]
    out = []
    for line in lines:
        for seg in _segments(line):
            if not (1 <= len(seg) <= 5) or any(id(w) in taken for w in seg):
                continue
            if seg[-1].text.endswith((".", ":", ";")) or any(w.conf < 0.7 for w in seg):
                continue
            if max(w.height for w in seg) > 1.35 * typical:
                continue
            if any(ch.isdigit() for w in seg for ch in w.text):
                continue  # form numbers, dates and A-numbers are not captions
            bbox = union(w.bbox for w in seg)
            if not _ruling_above(rulings, bbox, max(line.height, 8.0)):
                continue  # a caption is printed under the line it names
            text = " ".join(w.text for w in seg)
            field = label_field(text)
            if field is not None and field != "_generic_name":
                start = line.words.index(seg[0])
                out.append(LabelHit(field or "_stop", text, line, start, start + len(seg), 88.0))
    return out


def _merge_overlapping(hits: list[LabelHit]) -> list[LabelHit]:
    hits = sorted(hits, key=lambda h: (h.line.index, h.start, -h.end))
    out: list[LabelHit] = []
    for h in hits:
        last = out[-1] if out else None
        between = h.line.words[last.end:h.start] if last is not None and last.line is h.line else None
        bilingual = False
        if between is not None and h.start >= last.end:
            hh = max(h.line.height, 8.0)
            gap = h.line.words[h.start].bbox[0] - h.line.words[last.end - 1].bbox[2]
            bilingual = ((bool(between) and all(w.text in ("/", "|", "-") for w in between)
                          and gap < 4 * hh) or (not between and gap < 2.0 * hh
                                                and not _colon_end(last))) \
                and fold(last.phrase) not in _READ_BY  # its value follows it
        if last is not None and last.line is h.line and (h.start < last.end or bilingual):
            last.end = max(last.end, h.end)
            last.extra.setdefault("phrases", []).append(h.phrase)
            if last.key in ("_generic_name", "_stop") and h.key not in ("_generic_name", "_stop"):
                last.key = h.key
            continue
        out.append(h)
    return out


def _field_of(hit: LabelHit, sections: list[Section], page: Page) -> Optional[str]:
    """The field a label asks for: its role words first, then the lexicon entry that
    found it, then the section it stands in."""
    if hit.key == "_stop":
        return None  # a printed field that is not ours: it only bounds its neighbours
    role = label_field(hit.text)
    if role == "":
        return None
    key = role or hit.key
    probe = LabelHit(key, hit.phrase, hit.line, hit.start, hit.end, hit.score)
    return _resolve_field(probe, sections, page)


def _colon_end(hit: LabelHit) -> bool:
    return hit.line.words[hit.end - 1].text.rstrip().endswith(":")


def _fill_line_right(rulings, bbox, hh: float):
    """The fill line that starts right after a label on its baseline: (x0, x1, y)."""
    for x0, x1, y in rulings:
        if bbox[2] - 2 * hh <= x0 <= bbox[2] + 4 * hh and bbox[1] <= y <= bbox[3] + 0.9 * hh \
                and x1 - x0 > 3 * hh:
            return x0, x1, y
    return None


def _band_has_writing(image, x0: float, x1: float, y: float, hh: float) -> bool:
    """Pen strokes standing on a fill line: components in the band just above it that
    are as tall as letters (specks, dust and the line itself are not)."""
    import cv2
    Y0, Y1 = int(max(0, y - 1.3 * hh)), int(max(0, y - 0.12 * hh))
    X0, X1 = int(max(0, x0)), int(min(image.shape[1], x1))
    if Y1 - Y0 < 4 or X1 - X0 < 2 * hh:
        return False
    band = image[Y0:Y1, X0:X1]
    bw = cv2.adaptiveThreshold(band, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 31, 20)
    n, _, stats, _ = components(bw)
    tall = [st for st in stats[1:] if st[3] >= 0.4 * hh and st[2] <= 4 * hh]
    return len(tall) >= 2


_REREAD_CHARS = {"parent_a_number": A_NUMBER_CHARS}


def _read_blank_line(name: str, c: "Candidate", f: Optional[Field], page: Page,
                     day_first: bool) -> Optional[Field]:
    """A fill line that OCR found empty but that has writing on it: read that crop
    again. Only what the second reading makes sense of (a language, a date, an
    A-number, a name read with confidence) becomes a value; otherwise the field stays
    as it was (a reviewer sees the blank)."""
    if f is None or f.present is not False or c.line is None or page.image is None:
        return f
    hh = max(c.hit.line.height, 10.0)
    x0, x1, y = c.line
    if not _band_has_writing(page.image, x0, x1, y, hh):
        return f
    # a caption's print is smaller than the writing on its line: a taller band
    top = CAPTION_BAND if c.where == "none" else 1.3
    bbox = (x0, y - top * hh, x1, y - 0.1 * hh)
    text, conf = reread(page, bbox, _REREAD_CHARS.get(name), lang="eng+spa")
    value = None
    if name == "read_in_language":
        value = _language_of(text)
        if value is None and c.where == "none":
            value, text, conf, _how = _read_again(page, bbox, _language_of)
    elif name == "date_signed":
        value = _date_of(text, day_first)
        value, conf, text = _vote_date(value, conf, page, bbox, hh, day_first, text, (x0, x1))
        if value is None and c.where == "none":
            value, text, conf, _how = _read_again(
                page, bbox, lambda t: _date_of(t, day_first))
    elif name == "parent_a_number":
        value = normalize_a_number(text)
        glyphs = glyph_a_number(page, bbox, hh, (x0, x1))
        if glyphs is not None:
            ev = {"evidence": text, "provenance": ""}
            value, conf = _vote_a_number(value, conf, None, glyphs, ev)
            text = ev["evidence"]
    elif name in NAME_FIELDS and conf >= 0.6 and sum(ch.isalpha() for ch in text) >= 3:
        value = clean_name(text)
        if name in ACCENTED_NAME_FIELDS:
            value = restore_accents(value)
    if value is None:
        # pen strokes on the line that read as nothing: written, but what cannot be
        # told, so neither a confident blank nor a value (a reviewer looks)
        f.present = None
        f.confidence = min(f.confidence, 0.3)
        f.provenance = (f.provenance or "") + " (unread writing)"
        return f
    return Field(value=value, confidence=min(conf, 0.75) if name != "parent_a_number" else conf,
                 page=page.number, bbox=bbox, evidence=text,
                 provenance=(f.provenance or "") + " (re-read)", present=True)


def _vote_date(value: Optional[str], conf: float, page: Page, bbox, hh: float, day_first: bool,
               evidence: str, limits=(0.0, 1e9)) -> tuple[Optional[str], float, str]:
    """Tesseract's date (or None) against the glyph recogniser's reading of a numeric
    date: agreement confirms it, a glyph date alone is taken at its own capped
    confidence, disagreement between two dates is doubtful."""
    g = glyph_date_text(page, bbox, hh, limits)
    gd = parse_date(g.text, day_first=day_first) if g is not None else None
    if gd is None or not _plausible(gd.iso):
        return value, conf, evidence
    if value == gd.iso:
        return value, max(conf, 0.85), evidence
    if value is None:
        return gd.iso, min(0.8, g.confidence * 0.85), f"{evidence} [glyphs: {g.text}]"
    # two readers, two dates ('02/30' read '07/30'): doubtful either way, a reviewer
    # looks; the value is the more confident reader's
    better = gd.iso if g.confidence >= 0.9 and g.confidence > conf else value
    return better, min(conf, 0.5), f"{evidence} [glyphs: {g.text}]"


def _faint_writing(c: "Candidate", f: Optional[Field], page: Page, by_line) -> Optional[Field]:
    """A field read as blank although the OCR set aside faint words right where its
    value goes: whether it was filled in cannot be told, so its check is `unknown`
    (a reviewer looks) instead of a confident 'blank'."""
    if f is None or f.present is not False or c.where not in ("right", "none"):
        return f
    h = c.hit
    hh = max(h.line.height, 10.0)
    nxt = [o.bbox[0] for o in by_line.get(h.line.index, []) if o.start >= h.end]
    x1 = min(nxt) if nxt else page.width * 10
    faint = [w for w in getattr(page, "dropped", ())
             if h.bbox[2] < w.cx < x1 and h.bbox[1] - hh < w.cy < h.bbox[3] + 0.5 * hh
             and sum(ch.isalnum() for ch in w.text) >= 2]
    if not faint:
        return f
    f.present = None
    f.confidence = min(f.confidence, 0.3)
    f.provenance = (f.provenance or "") + " (faint writing)"
    return f


def _ruling_right(rulings, bbox, hh: float) -> bool:
    """Does a fill line start right after the label, on its baseline? Then the value
    (or the blank) is there, not on another line."""
    return _fill_line_right(rulings, bbox, hh) is not None


def _in_box_cell(verticals, bbox, hh: float) -> bool:
    """A label at the top left of a box (a vertical edge just left of it running down
    past it): its value is written below it, inside the box."""
    for y0, y1, x in verticals:
        if bbox[0] - 3 * hh <= x <= bbox[0] + 0.2 * hh and y0 <= bbox[1] + 0.5 * hh \
                and y1 >= bbox[3] + 1.5 * hh:
            return True
    return False


def _fill_line_above(rulings, bbox, hh: float):
    """The fill line a caption is printed under: (x0, x1, y), or None."""
    for x0, x1, y in rulings:
        if bbox[1] - 1.6 * hh <= y <= bbox[1] + 0.2 * hh and x0 <= bbox[0] + hh and x1 >= bbox[0] + hh:
            return x0, x1, y
    return None


def _ruling_above(rulings, bbox, hh: float) -> bool:
    """Is the label a caption printed under a fill line?"""
    return _fill_line_above(rulings, bbox, hh) is not None


def _plausible(iso: str) -> bool:
    """Within the years a separation-era waiver can carry (a 2-digit '20' read as 2020
    is a misread, not a date)."""
    return "2015" <= iso[:4] <= "2022"


def _label_vocabulary() -> frozenset[str]:
    words = set()
    for phrases in list(lexicon.FIELD_LABELS.values()) + list(lexicon.GENERIC_LABELS.values()):
        for p in phrases:
            words.update(t for t in fold(p).split() if len(t) >= 3)
    return frozenset(words)


_LABEL_WORDS = _label_vocabulary()


def _label_text(text: str) -> bool:
    """Every word of three letters or more is label vocabulary: printed, not written."""
    long = [t for t in re.split(r"[^a-z]+", fold(text)) if len(t) >= 3]
    return bool(long) and all(t in _LABEL_WORDS and language_code(t) is None for t in long)


def _printed_label_words(words: list[Word]) -> bool:
    """Every word of three letters or more is a label's word (no language name among
    them), and there is one: printed text, not a value."""
    folded = [t for w in words for t in fold(w.text).split()]
    long = [t for t in folded if len(t) >= 3]
    return bool(long) and all(t in _LABEL_WORDS and language_code(t) is None for t in long) \
        and not any(ch.isdigit() for w in words for ch in w.text)


def _form_words(page: Page) -> list[Word]:
    """The page's words, plus set-aside low-confidence words that are label vocabulary
    ('Guardian', 'Name:'): a label read at low confidence is still a label."""
    extra = [w for w in getattr(page, "dropped", ()) if fold(w.text) in _LABEL_WORDS]
    return reread_stubs(page, _LABEL_WORDS) + extra


def extract_form(pages: list[Page]) -> Record:
    page = pick_form_page(pages)
    # rows the page OCR dropped (label and value both) read again; kept to this
    # extraction: the page's own OCR output is not changed
    page = dataclasses.replace(page, words=page.words + recover_words(page))
    lines = build_lines(_form_words(page))
    lex_hits = find_phrases(lines, _LEX)
    rulings, verticals = find_rulings(page.image)
    # a "heading" printed on a row of captions beside another label is that field's caption
    # (a heading under a fill line is NOT taken for a caption: forms rule a line above
    # their sections' headings; tried, and the dev check fell from 0.936 to 0.916)
    sections = caption_row_headers(find_sections(lines), lines, lex_hits)
    langs, _lang_conf, _ = form_languages(page)
    day_first = bool(langs) and "eng" not in langs

    header_ids = {id(w) for sec in sections for w in sec.words} | option_text_ids(page)
    hits = [h for h in lex_hits
            if not any(id(w) in header_ids for w in h.line.words[h.start:h.end])]
    taken = {id(w) for h in hits for w in h.line.words[h.start:h.end]}
    hits += _colon_labels(lines, taken | header_ids)
    taken = {id(w) for h in hits for w in h.line.words[h.start:h.end]}
    hits += _caption_labels(lines, taken | header_ids, rulings)
    # a phrase that opens a bracket right after other words is a remark on them, not a
    # label ("by Ana Ruiz (Language Line)")
    hits = [h for h in hits if not _bracketed_remark(h)]
    taken = {id(w) for h in hits for w in h.line.words[h.start:h.end]}
    for h in hits:
        _grow_label(h, taken - {id(w) for w in h.line.words[h.start:h.end]})
    hits = _merge_overlapping(hits)
    # "my child(ren)", "mi(s) hijo(s)": a sentence about the children, never a label
    hits = [h for h in hits if not (h.key == "child_names" and _POSSESSIVE & set(fold(h.text).split()))]
    label_word_ids = {id(w) for h in hits for w in h.line.words[h.start:h.end]}
    hits = [h for h in hits if h.key == "_stop" or looks_like_label(h, label_word_ids)]
    titles = [h for h in hits if _is_title(h, page)]
    header_ids |= {id(w) for h in titles for w in h.line.words[h.start:h.end]}
    hits = [h for h in hits if h not in titles]
    if LEARNED_LABELS:  # person fields no lexicon label names: the trained label reader
        have = {_field_of(h, sections, page) for h in hits}
        taken = {id(w) for h in hits + titles for w in h.line.words[h.start:h.end]}
        hits += learned_labels(lines, taken | header_ids, have)
    label_word_ids = {id(w) for h in hits for w in h.line.words[h.start:h.end]}
    by_line: dict[int, list[LabelHit]] = {}
    for h in hits:
        by_line.setdefault(h.line.index, []).append(h)

    # pass 1: values written right of their label
    labelled: list[tuple[LabelHit, str]] = []
    cands: list[Candidate] = []
    used: set[int] = set(label_word_ids) | header_ids
    pending: list[tuple[LabelHit, str]] = []
    resolved = [(h, _field_of(h, sections, page)) for h in hits]
    # a header row that names children makes its other columns the children's too
    # ("Child name | A-Number | Date of birth")
    child_rows = {h.line.index for h, n in resolved if n == "child_names" and not _colon_end(h)}
    resolved = [(h, "child_a_numbers" if n == "parent_a_number" and h.line.index in child_rows
                 and not _colon_end(h) else n) for h, n in resolved]
    # a bare "Date:" after an officer's (witness's...) name on the same line is that
    # person's date, not the parent's signing date
    person_x = {}
    for h, n in resolved:
        if n in ("official_name", "witness_name", "supervisor_name", "interpreter_name"):
            person_x[h.line.index] = min(person_x.get(h.line.index, 1e9), h.bbox[0])
    resolved = [(h, None if n == "date_signed" and _generic_date(h)
                 and person_x.get(h.line.index, 1e9) < h.bbox[0] else n) for h, n in resolved]
    for h, name in resolved:
        if name is None:
            # a printed field that is not ours ("Office: SND") still owns what is
            # written after it: no other label may take that as its value
            right = _value_right(h, by_line[h.line.index], verticals)
            if _colon_end(h) or any(ch.isdigit() for w in right for ch in w.text):
                # (a number beside "Event No." is that number, colon or not)
                used |= {id(w) for w in right}
            continue
        labelled.append((h, name))
        words = _value_right(h, by_line[h.line.index], verticals)
        if name in _DIGITLESS_NAMES:
            words = _name_before_number(words)
        if name == "read_in_language":
            # "read to the parent in Portuguese by Ana Ruiz (Language Line)": the sentence
            # names the language, then the interpreter after "by"
            k = next((i for i, w in enumerate(words) if fold(w.text) in _BY), None)
            if k is not None and any(ch.isalpha() for w in words[k + 1:] for ch in w.text):
                used |= {id(w) for w in words[k:]}
                cands.append(Candidate("interpreter_name", h, words[k + 1:], "right"))
                words = words[:k]
        if name == "parent_a_number":
            tail = _label_tail(words)
            used |= {id(w) for w in tail}
            words = words[len(tail):]
        if (name in _PARSED_FIELDS or name in NAME_FIELDS or name == "child_names") and words \
                and _printed_label_words(words):
            # "Signed n | Firmado": the rest of a bilingual caption OCR split off
            # ("Signed on / Firmado el"); "Interpreter | name/ID Interpretado por": the
            # label's other half: not a value, the label is still pending
            used |= {id(w) for w in words}
            words = []
        if words:
            used |= {id(w) for w in words}
            cands.append(Candidate(name, h, words, "right"))
        else:
            pending.append((h, name))
    # pass 2: labels with nothing on their right take the nearest free row of writing
    # above (a caption under a fill line) or below (a label over its entry, a box cell),
    # nearest first across all labels, so in a stack of labels and entries each entry
    # goes to the label it sits closest to. Table headers take the column below.
    offers = []
    right_rows = {c.hit.line.index for c in cands if c.where == "right" and c.words
                  and _colon_end(c.hit)}
    for k, (h, name) in enumerate(pending):
        hh = max(h.line.height, 10.0)
        same_line = by_line[h.line.index]
        right = [o.bbox[0] for o in same_line if o.start >= h.end]
        x0 = h.bbox[0] - 2 * hh
        x1 = min(right) - hh if right else max(h.bbox[2], h.bbox[0] + 30 * hh)
        boxed = _in_box_cell(verticals, h.bbox, hh)
        # a label ending in a colon announces what follows; captions under a line have none
        colon = h.line.words[h.end - 1].text.rstrip().endswith(":")
        if _ruling_right(rulings, h.bbox, hh) and not boxed:
            offers.append((0.0, k, "right", []))  # a blank fill line
            continue
        if h.line.index in right_rows:
            # its neighbours on this row are "Label: value" pairs: so is it, left blank
            offers.append((0.0, k, "right", []))
            continue
        if name in TABLE_FIELDS and (boxed or colon or not _ruling_above(rulings, h.bbox, hh)):
            col = _column_below(h, lines, same_line, used, header_ids)
            offers.append((0.1 if col else 99.0, k, "table", col))
            continue
        if not boxed and not colon:
            d, ws = _row_near(lines, h.bbox, "above", used, 3.0 * hh, (x0, x1))
            ws = _name_before_number(ws) if name in _DIGITLESS_NAMES else ws
            if ws:
                # a caption sits right under its line: prefer it unless the row below is nearer
                offers.append((d * (0.8 if _ruling_above(rulings, h.bbox, hh) else 1.2), k, "above", ws))
        d, ws = _row_near(lines, h.bbox, "below", used, 3.0 * hh, (x0, x1))
        ws = _name_before_number(ws) if name in _DIGITLESS_NAMES else ws
        if ws:
            offers.append((d, k, "below", ws))
        elif fold(h.phrase) in _READ_BY and not right:
            # "... read to the parent in Spanish language by" ends its line: the sentence
            # wraps, and the interpreter's name starts the next line at the left margin
            x_wrap = (h.line.bbox[0] - 2 * hh, h.bbox[0])
            d, ws = _row_near(lines, h.bbox, "below", used, 3.0 * hh, x_wrap)
            if ws:
                offers.append((d + hh, k, "below", ws))
        elif boxed and not colon and _ruling_above(rulings, h.bbox, hh):
            # nothing below a label in a box, but a fill line right above it: a caption
            # (one box around a block of captions is not a cell with its entry below);
            # ranked after every nearer offer
            d, ws = _row_near(lines, h.bbox, "above", used, 1.5 * hh, (x0, x1))
            if ws:
                offers.append((d + 2 * hh, k, "above", ws))
    offers.sort(key=lambda o: o[0])
    done: set[int] = set()
    for _d, k, where, ws in offers:
        if k in done or any(id(w) in used for w in ws):
            continue
        done.add(k)
        used |= {id(w) for w in ws}
        h, name = pending[k]
        fill = None
        if not ws and where == "right":
            hh = max(h.line.height, 10.0)
            nxt = [o.bbox[0] for o in by_line[h.line.index] if o.start >= h.end]
            fill = _fill_line_right(rulings, h.bbox, hh)
            if fill is not None and nxt:
                fill = (fill[0], min(fill[1], min(nxt) - hh), fill[2])
        cands.append(Candidate(name, h, ws, where, fill))
    for k, (h, name) in enumerate(pending):
        if k not in done:
            # a caption under a fill line that OCR found nothing on: that line is where
            # the value goes (a date in faint pencil, a word the page pass dropped)
            # (only for values a reading must parse: a date, a language)
            hh = max(h.line.height, 10.0)
            line = _fill_line_above(rulings, h.bbox, hh) if name in _PARSED_FIELDS else None
            cands.append(Candidate(name, h, [], "none", line))

    if not any(c.field == "child_names" and c.words for c in cands):
        # (rows another label already took, an officer's name under a caption, are not children)
        taken_values = {id(w) for c in cands if c.field not in TABLE_FIELDS for w in c.words}
        return_fields = _children_section_rows(sections, lines, label_word_ids | taken_values,
                                               header_ids, page)
        if return_fields:
            cands = [c for c in cands if c.field not in TABLE_FIELDS]
    else:
        return_fields = {}

    fields: dict[str, Optional[Field]] = {k: None for k in FORM_FIELDS}
    fields.update(return_fields)
    for name in ("parent_name", "parent_a_number", "child_names", "child_a_numbers",
                 "date_signed", "read_in_language", "interpreter_name", "official_name",
                 "witness_name", "supervisor_name"):
        if name in return_fields:
            continue
        made = [(c, _make_field(name, c.words, c.hit, page, day_first, c.where,
                                _x_limits(c, by_line)))
                for c in cands if c.field == name]
        made = [(c, _read_blank_line(name, c, f, page, day_first)) for c, f in made]
        made = [(c, _faint_writing(c, f, page, by_line)) for c, f in made]
        made = [(c, unseen_writing(c.hit, c.where, f, page, by_line)) for c, f in made]
        made = [(c, f) for c, f in made if f is not None]
        if made:
            fields[name] = _best(name, made)
            if name in NAME_FIELDS:  # fragments joined; a doubtful name read again from its crop
                fields[name] = names_reread.improve_best(
                    name, fields[name], made, page, lambda c: _x_limits(c, by_line),
                    name in ACCENTED_NAME_FIELDS, lambda v, n=name: _not_a_name(v, n))
            elif name == "child_names":  # a doubtful line of names read by the hand model
                fields[name] = names_reread.improve_children(
                    fields[name], page, _split_children, lambda v: _not_a_name(v, name))
    for name in (*NAME_FIELDS, "child_names"):
        fields[name] = _finished_name(name, fields[name])
    if fields["parent_a_number"] is None:
        fields["parent_a_number"] = _unlabelled_a_number(lines, used, cands, page)
    if not _has_value(fields["interpreter_name"]) or not _has_value(fields["read_in_language"]):
        # "... read to the parent in Mam by Ana Ruiz" in a wording no label matched
        lang, person = read_sentence(lines, header_ids,
                                     lambda v: not _not_a_name(v, "interpreter_name")
                                     and language_code(v, fuzzy=False) is None)
        for name, f in (("read_in_language", lang), ("interpreter_name", person)):
            if f is not None and not _has_value(fields[name]):
                f.page = page.number
                fields[name] = f

    opt_langs, opt_conf, how = option_languages(page)
    if opt_langs:
        fields["form_languages"] = Field(value=opt_langs, confidence=opt_conf, page=page.number,
                                         evidence="printed options' language", provenance=how)
    _merge_marks(fields, pages)
    return Record(kind="waiver_form", index=0, fields=fields)


def _has_value(f: Optional[Field]) -> bool:
    return f is not None and f.value not in (None, "", [])


def _finished_name(name: str, f: Optional[Field]) -> Optional[Field]:
    """A name field's value as the audit matches it (:mod:`extractor.names`): an
    officer's with its initials' periods, every name with the accents it is always
    written with; each checked against the list of known names. A value the list
    changed says so in its provenance."""
    if f is None or not f.value:
        return f
    officer = name not in ACCENTED_NAME_FIELDS and name != "child_names"
    # a confident reading stands even where the list does not know the name: a list
    # can never hold every name, and a confident reading of one it lacks is more often
    # right than its nearest listed neighbour (Gámez is not Gómez)
    correct = f.confidence is None or f.confidence < NAME_LIST_BELOW
    finish = ((lambda v: initial_periods(finish_officer_name(v, correct))) if officer
              else (lambda v: finish_family_name(v, name == "interpreter_name", correct)))
    values = f.value if isinstance(f.value, list) else [f.value]
    value = [finish(v) for v in values] if isinstance(f.value, list) else finish(f.value)
    if value == f.value:
        return f
    read = values
    listed = correct and any(correct_names(v, officer, name == "interpreter_name") != v
                             for v in read)
    provenance = (f.provenance or "") + (" (name list)" if listed else "")
    return dataclasses.replace(f, value=value, provenance=provenance)


def _unlabelled_a_number(lines: list[Line], used: set[int], cands: list[Candidate],
                         page: Page) -> Optional[Field]:
    """The parent's A-number when no label for it was read: OCR often garbles a short
    handwritten-looking label ("A#" read as "AH", or run into the number as
    "At#148372519") or drops it, but nine digits written in the parent's block are
    still an A-number. Taken only when exactly one such number stands, free of any
    other label's value, above the first label about children (their numbers live
    below it; without one, in the top half of the page), and only from digits as
    written (no OCR letter-for-digit fixes); its confidence stays below a labelled
    reading's, and the glyph recogniser's agreement or disagreement moves it."""
    below = [c.hit.bbox[1] for c in cands
             if c.field in ("child_names", "child_a_numbers")]
    limit = min(below) if below else page.height / 2
    found = []
    for line in lines:
        if line.bbox[1] >= limit:
            break
        free = [w for w in line.words if id(w) not in used]
        for seg in _segments(Line(free)) if free else ():
            text = _text(seg)
            nums = find_a_numbers(text)
            strict = normalize_a_number(text, strict=True)
            if len(nums) == 1 and strict == nums[0]:
                found.append((nums[0], seg))
    if len(found) != 1:
        return None
    value, words = found[0]
    words = [w for w in words if any(ch.isdigit() for ch in w.text)]
    bbox = union(w.bbox for w in words)
    conf = min(0.6, mean_conf(words))
    glyphs = glyph_a_number(page, bbox, max(bbox[3] - bbox[1], 10.0))
    if glyphs is not None and glyphs.text == value:
        conf = max(conf, 0.8)  # the glyph recogniser reads the same number
    elif glyphs is not None and glyphs.confidence >= 0.3:
        conf = min(conf, 0.4)  # two readers disagree: a reviewer decides
    return Field(value=value, confidence=conf, page=page.number, bbox=bbox,
                 evidence=_text(words), provenance="pattern:unlabelled A-number", present=True)


def _best(name: str, made: list[tuple[Candidate, Field]]) -> Field:
    def rank(item):
        c, f = item
        has_value = f.value not in (None, [], "")
        label_rank = 99
        if name == "date_signed":
            p = fold(c.hit.phrase)
            ps = [p] + [fold(x) for x in c.hit.extra.get("phrases", [])]
            label_rank = min(next((i for i, r in enumerate(DATE_LABEL_RANK) if fold(r) == q), 50)
                             for q in ps)
        return (not has_value, label_rank, -len(fold(c.hit.phrase)), -f.confidence)
    if name == "date_signed":
        # a label that names the signing ("Fecha de firma", "Signed on") is the parent's
        # date: a bare "Date"/"Fecha" on another line (the officer's, "Served on ...
        # Fecha") does not stand in for it, even when the signing date is blank or unread
        # (on the same line it is the other half of a bilingual label: "Date ___ Firmado el")
        rows = {m[0].hit.line.index for m in made if rank(m)[1] < 50}
        if rows:
            made = [m for m in made if rank(m)[1] < 50 or m[0].hit.line.index in rows]
    return sorted(made, key=rank)[0][1]


def _merge_marks(fields: dict[str, Optional[Field]], pages: list[Page]) -> None:
    """Election (option boxes) and signatures (ink on signature lines)."""
    try:
        from extractor.checkboxes import read_election
        fields["election"] = read_election(pages)
    except ImportError:
        pass
    try:
        from extractor.signatures import read_signatures
        for k, v in read_signatures(pages).items():
            fields[k] = v
    except ImportError:
        pass
