"""Where a label's value can be: the words right of it on its line, the nearest free row
of writing above or below it, the column under a table header.

No template coordinates: each function looks from one label at the words around it
and returns the words that could be its value; the linking step (extractor.forms.
linking) decides among the labels which one takes them. A ``Candidate`` is one label's
words, and says where they were found.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from extractor.layout import LabelHit, Line, is_filler
from extractor.model import Word
from extractor.forms.rulings import crosses_edge
from extractor.forms.vocabulary import SEPARATORS, is_sentence


@dataclass
class Candidate:
    field: str
    hit: LabelHit
    words: list[Word]
    where: str  # right | above | below | table
    line: Optional[tuple] = None  # the blank-looking fill line (x0, x1, y), if any


def _label_is_colon_word(w: Word) -> bool:
    return w.text.endswith(":") and len(w.text) > 2


# words that continue an A-number label naming whose number it is ("A# del padre/madre",
# "A-Number of the parent"); a number never starts with them
_WHOSE = frozenset("del de la el los las do da of the o y / padre madre padre/madre "
                   "padres parent parent's mother father pai mae mãe".split())


def label_tail(words: list[Word]) -> list[Word]:
    """The leading words right of an A-number label that are still that label."""
    n = 0
    while n < len(words) and (words[n].text.lower().strip(":(),.") in _WHOSE
                              or _A_MARK.fullmatch(words[n].text.strip())):
        n += 1
    return words[:n]


#: the label's own "(A#)" as OCR reads it ("(A+)", "A#:", "#"): no digit, so no value
_A_MARK = re.compile(r"[(\[]?[Aa4]?\s?[#+*№]?[)\]]?[:.]?")

#: person names never hold a number (an interpreter's may: "LanguageLine #82855")
DIGITLESS_NAMES = ("parent_name", "official_name", "witness_name", "supervisor_name")

_NUMBER_WORD = re.compile(r"\d.*\d.*\d")


def name_before_number(words: list[Word]) -> list[Word]:
    """A name's words end where a number begins ("Nombre: Ana Ruiz 221-142-116", the
    A-number written on the name's line under its own caption): the number stays free
    for the A-number's label."""
    for i, w in enumerate(words):
        if _NUMBER_WORD.search(w.text):
            return words[:i] if any(c.isalpha() for x in words[:i] for c in x.text) else words
    return words


def value_right(hit: LabelHit, hits_in_line: list[LabelHit], verticals=()) -> list[Word]:
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
        if crosses_edge(verticals, words[i - 1].bbox[2], w.bbox[0], hit.line):
            break
        out.append(w)
    return [w for w in out if not is_filler(w.text) or w.text in SEPARATORS]


def row_near(lines: list[Line], ref_bbox, direction: str, used: set[int],
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


def column_below(h: LabelHit, lines: list[Line], same_line: list[LabelHit],
                 label_ids: set[int], header_ids: set[int]) -> list[Word]:
    """Cells under a table header: one entry per row, in the header's column (from
    the header to the next header of the same row), down to the next label or section."""
    hh = max(h.line.height, 10.0)
    x0 = h.bbox[0] - hh
    right = [o.bbox[0] for o in same_line if o.start >= h.end]
    x1 = min(right) - hh if right else h.bbox[2] + 25 * hh
    out: list[Word] = []
    column = lambda ws: [w for w in ws if x0 <= w.cx <= x1]  # noqa: E731
    for in_column in table_rows(lines, h.bbox[3], 6 * hh, label_ids | header_ids, column, 7):
        cell = [w for w in in_column if not is_filler(w.text) and not _ROW_NUMBER.match(w.text)]
        if cell:
            if out:
                out.append(Word(";", 1.0, cell[0].bbox))  # a row boundary
            out.extend(cell)
    return out


def table_rows(lines: list[Line], top: float, max_gap: float, stop_ids: set[int],
               select=lambda ws: ws, max_words: int = 7):
    """The rows of a table under ``top`` (each row's words as ``select`` keeps them),
    until a gap, a row that starts with a label or another field's value or a colon, or
    a sentence (option wording, an instruction) says the table has ended. A row whose
    entry comes first and a label after it on the same line (a child's name, then
    "A-Number of child:" for that child's number) keeps its entry: the words before the
    label."""
    last_y = top
    for line in lines:
        if line.bbox[1] <= top:
            continue
        if line.bbox[1] - last_y > max_gap:
            return
        ws = select(line.words)
        cut = next((i for i, w in enumerate(ws) if id(w) in stop_ids or w.text.endswith(":")),
                   len(ws))
        if cut < len(ws) and not [w for w in ws[:cut] if not _ROW_NUMBER.match(w.text)]:
            return  # the row starts with a label: the table has ended
        ws = ws[:cut]
        if len(ws) > max_words or is_sentence(ws):
            return
        yield ws
        last_y = line.bbox[3]


_ROW_NUMBER = re.compile(r"^\(?\d{1,2}[.)]?$")


def x_limits(c: "Candidate", by_line) -> tuple[float, float]:
    """Where a value right of its label can be: from the label's end to the next label
    of its line (the glyph reader must not take in either label's letters)."""
    h = c.hit
    if c.where != "right":
        return 0.0, 1e9
    hh = max(h.line.height, 10.0)
    nxt = [o.bbox[0] for o in by_line.get(h.line.index, []) if o.start >= h.end]
    return h.bbox[2] + 0.3 * hh, (min(nxt) - 0.3 * hh) if nxt else 1e9
