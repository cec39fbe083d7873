"""The election option block of a form page, from its OCR lines: option lines, their
continuation and translation lines, the column where the printed option text starts
(box debris, letters and marks stand left of it) and option lines whose text OCR
garbled (a mark drawn over them).

Which option a line states is the phrase rules' (extractor.forms.option_phrases), or,
for a wrapped line those rules cannot place, the trained option_meaning classifier's.
``extractor.forms.election`` reads the marks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Sequence

import numpy as np

from extractor.model import BBox, Box, Page, Word
from extractor.normalize import strip_accents
from extractor.forms.option_phrases import OPTION_LABELS, OptionMatch, classify_option

# an option letter or number printed before the option text: "A.", "b)", "(C)", "1."
MARKER = re.compile(r"^\(?[A-Da-d1-4][.):]?\)?$")

# the printed caption of a mark field beside an option ("Initials / Iniciales" under an
# initials line): OCR often runs it into the option text that follows it on the line
# ("Inicialessea(n)"), so a token that starts with it is a caption too
_CAPTION = re.compile(r"^(?:initial|inicial|iniciai|initiale|rubrica)")


def caption(t: str) -> bool:
    """A token of a mark field's printed caption ("Initials", "Iniciales", "/")."""
    t = strip_accents(t.strip()).lower()
    return t == "/" or bool(_CAPTION.match(t))


# an option is a sentence or two, in one or two languages: a longer run of lines
# below a "matching" line is a form section, not an option
MAX_OPTION_LINES = 4

@dataclass
class OptionLine:
    words: list[Word]  # the option text's words (debris and letters split off)
    all_words: list[Word]
    text: str
    x0: float  # where the option text starts (after box debris and option letters)
    y0: float
    x1: float
    y1: float
    marker: Optional[BBox]  # the option letter's bbox, when OCR read one
    match: Optional[OptionMatch]


@dataclass
class Option:
    """One printed option: its lines, its label and what marks it carries."""

    label: str
    lines: list[OptionLine]
    score: float
    box: Optional[Box] = None  # the check box, when the option has one
    margin_ink: float = 0.0  # hand ink in the margin, in text-height-squared units
    margin_bbox: Optional[BBox] = None
    column_ink: float = 0.0  # boxed forms: ink round the option's place in the box column
    underline: bool = False
    letter_mark: Optional[float] = None  # P(letter circled / ticked), circle-one forms
    marked: bool = False
    confidence: float = 0.0
    how: str = ""

    @property
    def x0(self) -> float:
        return min(l.x0 for l in self.lines)

    @property
    def y0(self) -> float:
        return self.lines[0].y0

    @property
    def y1(self) -> float:
        return self.lines[-1].y1

    @property
    def height(self) -> float:  # text height of the option's first line
        return max(8.0, float(np.median([w.height for w in self.lines[0].words])))

    @property
    def text(self) -> str:
        return " ".join(l.text for l in self.lines)

    def text_from(self, col: float) -> str:
        """The option's printed text: words from the text column on (box debris,
        letters and marks that OCR read in the margin left out)."""
        h = self.height
        return " ".join(w.text for l in self.lines for w in l.all_words if w.bbox[0] >= col - 0.3 * h)




def page_lines(page: Page) -> list[OptionLine]:
    """The page's OCR lines, top to bottom, with option letters and box debris split
    off the front (OCR reads a box as "O]", "[J", "|]" and a tick as "V", "/")."""
    groups: dict[tuple, list[Word]] = {}
    for w in page.words:
        if w.text.strip():
            groups.setdefault(w.line_key, []).append(w)
    out = []
    for ws in groups.values():
        ws.sort(key=lambda w: w.bbox[0])
        h = float(np.median([w.height for w in ws]))
        marker = None
        i = 0
        # a line of nothing but a mark field's caption is no option text
        if all(caption(w.text) for w in ws):
            continue
        # leading tokens that are not words of the option text: short, non-alphabetic
        # debris, or a letter/number marker, each followed by a clear gap
        while i < len(ws) - 1 and i < 3:
            w, nxt = ws[i], ws[i + 1]
            gap = nxt.bbox[0] - w.bbox[2]
            t = w.text.strip()
            letters = sum(c.isalpha() for c in t)
            if MARKER.match(t) and gap > 0.5 * h:
                marker = w.bbox
            elif caption(t):
                pass  # "Initials / Iniciales" printed under the initials line
            elif not (len(t) <= 3 and letters <= 1 and gap > 0.4 * h) and not (letters == 0):
                break
            i += 1
        body = ws[i:]
        text = " ".join(w.text for w in body)
        out.append(OptionLine(body, ws, text, body[0].bbox[0], min(w.bbox[1] for w in body),
                         max(w.bbox[2] for w in body), max(w.bbox[3] for w in body),
                         marker, classify_option(text)))
    out.sort(key=lambda l: l.y0)
    return out


def find_options(lines: list[OptionLine]) -> list[Option]:
    """Group option lines: a classified line starts an option unless it continues the
    one above (same label, just below it: the translation or the next line of the
    same option); unclassified lines just below an option continue it."""
    opts: list[Option] = []
    cur: Optional[Option] = None
    for k, ln in enumerate(lines):
        near = cur is not None and ln.y0 - cur.y1 < 1.0 * cur.height \
            and ln.x0 > cur.lines[0].x0 - 2 * cur.height
        if ln.match is None and (ln.marker is not None or not near):
            _classify_wrapped(ln, lines[k + 1:])
            if ln.match is None and cur is not None and not near \
                    and ln.y0 - cur.y1 < 3.0 * cur.height and ln.x0 > cur.lines[0].x0 - 2 * cur.height:
                ln.match = _new_sentence_meaning(cur, ln)  # the next option, a gap below
        if ln.match is not None:
            if near and ln.marker is None and (ln.match.label == cur.label
                                               or _continues_sentence(cur.lines[-1], ln)):
                cur.lines.append(ln)
                cur.score = max(cur.score, ln.match.score)
                continue
            cur = Option(ln.match.label, [ln], ln.match.score)
            opts.append(cur)
        elif near and ln.marker is None and (len(cur.lines) < MAX_OPTION_LINES
                                             or _continues_sentence(cur.lines[-1], ln)):
            # (a long bilingual option runs past MAX_OPTION_LINES: a line carrying on
            # the sentence above is still part of it)
            other = _new_sentence_meaning(cur, ln)
            if other is not None:
                # "I am requesting to return ... without" right under the line above: the
                # next option's lead line (its "I" read as box debris), not a continuation
                ln.match = other
                cur = Option(other.label, [ln], other.score)
                opts.append(cur)
                continue
            cur.lines.append(ln)
        else:
            cur = None
    return _option_block(opts)


#: a line the phrase rules leave unread, under an option, starts the next option when the
#: trained option-meaning classifier (extractor.reader.textclf) is this sure it states
#: another choice, and it is a clause of its own (words enough); chosen on validation forms
NEW_OPTION_SURE = 0.7
NEW_OPTION_WORDS = 6


def _new_sentence_meaning(cur: Option, ln: OptionLine) -> Optional[OptionMatch]:
    if len(ln.words) < NEW_OPTION_WORDS or cur.label not in OPTION_LABELS:
        return None
    from extractor.reader.textclf import option_meaning
    meaning, p = option_meaning(ln.text)
    if meaning in OPTION_LABELS and meaning != cur.label and p >= NEW_OPTION_SURE:
        return OptionMatch(meaning, round(0.8 * p, 3), "learned meaning")
    return None


def _classify_wrapped(ln: OptionLine, below: list[OptionLine]) -> None:
    """A line that may lead an option (it has an option letter, or does not continue
    one) but states no option on its own may state it with the line below: "b) I
    request that my child(ren) depart the United States" / "with me." Then the two
    together classify the lead line. (The line below may start right of it: OCR runs
    a caption printed left of it into its first word.)"""
    h = ln.y1 - ln.y0
    nxt = next((l for l in below if l.y0 >= ln.y1 - 0.3 * h), None)
    if nxt is None or nxt.marker is not None \
            or nxt.y0 - ln.y1 > 1.0 * h or not -2 * h <= nxt.x0 - ln.x0 <= 5 * h:
        return
    if nxt.match is not None and not _continues_sentence(ln, nxt):
        return
    m = classify_option(ln.text + " " + nxt.text)
    if m is None:
        return
    if nxt.match is not None:
        # the cue may be on the line below, the rest of this line's sentence: "I am
        # affirmatively ... requesting to return to my country of" / "citizenship without
        # my minor child(ren) ..."; this line leads that option if the trained option-
        # meaning classifier reads the same choice in it alone (a caption above the block,
        # "... the following (check one)", reads as none)
        from extractor.reader.textclf import option_meaning
        if m.label != nxt.match.label or option_meaning(ln.text)[0] != m.label:
            return
    ln.match = OptionMatch(m.label, min(m.score, 0.8), m.cue + " (with the next line)")


def _continues_sentence(prev: OptionLine, ln: OptionLine) -> bool:
    """The line carries on the sentence of the line above: that one ends mid-sentence
    and this one starts with a lower-case word ("... que mi(s) hijo(s)" / "sea(n)
    deportado(s) conmigo"). An option is a sentence of its own, so the line is part of
    the option above even when a cue in it names another option. (A lone "l", OCR's
    "I", is no lower-case word; nor is a word OCR read without confidence.)"""
    if re.search(r"[.!?:;]\W*$", prev.text.strip()):
        return False
    w = next((w for w in ln.all_words if not caption(w.text)), None)
    if w is None or w.conf < 0.75:  # (a mark drawn over a line garbles its first word)
        return False
    first = w.text.strip()
    if first.lower().strip(",.") in _I_AM and not re.search(r"\bI\W*$", prev.text.strip()):
        return False  # "am ..." with no "I" before it: the sentence's "I" was lost (box debris)
    return sum(c.isalpha() for c in first) >= 2 and first[0].isalpha() and first[0].islower()


#: a line's first word that is "I am" with its "I" lost ("am"), or run into it ("lam"):
#: the start of a sentence, never the rest of the line above
_I_AM = {"am", "lam"}


def _option_block(opts: list[Option]) -> list[Option]:
    """The options that form the form's choice block: the longest run of options
    stacked close together with at least two different labels. A stray sentence that
    mentions an attorney elsewhere on the page is left out."""
    best: list[Option] = []
    i = 0
    while i < len(opts):
        run = [opts[i]]
        for o in opts[i + 1:]:
            if o.y0 - run[-1].y1 < 6 * run[-1].height:
                run.append(o)
            else:
                break
        key = (len({o.label for o in run}), len(run))
        if key[0] >= 2 and key > (len({o.label for o in best}), len(best)):
            best = run
        i += len(run)
    return _merge_same(best)


def _merge_same(opts: list[Option]) -> list[Option]:
    """Fold an option into the one above when both state the same choice and nothing
    separates them (an OCR line split, or a translation printed as its own line)."""
    out: list[Option] = []
    for o in opts:
        if out and o.label == out[-1].label and o.lines[0].marker is None \
                and o.y0 - out[-1].y1 < 2.2 * o.height:
            out[-1].lines.extend(o.lines)
            out[-1].score = max(out[-1].score, o.score)
        else:
            out.append(o)
    return out


_WORDLIKE = re.compile(r"^[^\W\d_][^\W\d_(),.'’-]*[(),.'’-]*[^\W\d_()]*[().,]*$")


def wordlike(t: str) -> bool:
    """A token that reads as a word of printed text (or "I", which OCR makes "|"),
    as opposed to the debris OCR makes of a box ("O]", "[_]", "LD]")."""
    return t in ("I", "|", "l", "1", "!") or (len(t) >= 2 and bool(_WORDLIKE.match(t))
                                              and not any(c in t for c in "[]{}|_"))


def text_column(opts: list[Option], boxes: Sequence[BBox] = ()) -> float:
    """The x where the printed option text starts, common to the block's lines.

    OCR puts box debris, option letters and hand marks in front of some lines, so
    the first word's x is unreliable. The printed text is left-aligned: the column is
    the x that most lines have a word-like token starting at (among their first four
    tokens); a box or letter column is as well aligned, but its tokens are debris.
    Tokens lying on one of ``boxes`` (check boxes found in the image) are box debris
    and are not counted at all.
    """
    h = float(np.median([o.height for o in opts]))
    starts: list[list[tuple[float, bool]]] = []
    for o in opts:
        # lines of a second column (a translation printed beside the option, which OCR
        # reads as lines of their own) do not vote: as many as the option's own lines,
        # they would outvote lead lines whose start a mark garbled
        left = min(ln.x0 for ln in o.lines)
        for ln in o.lines:
            if ln.x0 > left + 4 * h:
                continue
            # (a mark field's caption stands left of the text, as a box does)
            ws = [w for w in ln.all_words if not _on_box(w.bbox, boxes) and not caption(w.text)]
            # a token standing apart from the next one, or read with low confidence,
            # is a box, letter or mark, even when OCR spells it like a word ("KA", "EST")
            st = [(w.bbox[0], wordlike(w.text.strip()) and w.conf >= 0.75 and (
                j + 1 >= len(ws) or ws[j + 1].bbox[0] - w.bbox[2] < 0.9 * h))
                for j, w in enumerate(ws[:4])]
            # the line's text starts at its first word: the words after it are inside
            # the text, and their chance alignment across lines is no column
            first = next((j for j, (_, wl) in enumerate(st) if wl), len(st) - 1)
            starts.append(st[:first + 1])
    scores: list[tuple[float, float]] = []
    for cand in sorted({x for st in starts for x, _ in st}):
        hits = [next((wl for x, wl in st if abs(x - cand) <= 0.4 * h), None) for st in starts]
        hits = [wl for wl in hits if wl is not None]
        scores.append((cand, len(hits) * (0.5 + 0.5 * sum(hits) / max(1, len(hits)))))
    if not scores:
        return min(o.x0 for o in opts)
    # the leftmost well-supported column: a translation printed in a second column
    # is as well supported, but the options start at the left one
    top = max(sc for _, sc in scores)
    best = min(c for c, sc in scores if sc >= 0.75 * top)
    # the column's left edge: the smallest start within tolerance of the winner
    return float(min(x for st in starts for x, _ in st if abs(x - best) <= 0.4 * h))



def _on_box(b: BBox, boxes: Sequence[BBox]) -> bool:
    """Half or more of the token's box lies on one of ``boxes``."""
    area = max(1.0, (b[2] - b[0]) * (b[3] - b[1]))
    for x in boxes:
        ix = min(b[2], x[2]) - max(b[0], x[0])
        iy = min(b[3], x[3]) - max(b[1], x[1])
        if ix > 0 and iy > 0 and ix * iy >= 0.5 * area:
            return True
    return False


UNREAD = "unread"  # label of an option line whose text OCR could not read


def add_unread_options(opts: list[Option], lines: list[OptionLine], col: float) -> list[Option]:
    """Add the block's unread option lines: a mark drawn over an option often garbles
    its OCR text, and the option would vanish with its mark. A line that is not part of
    any option, sits in an option's slot (between two options, or one pitch below the
    last) and starts at the text column with nothing but debris or a letter before it
    is kept as an option of unknown label; the mark readers then decide whether it
    carries a mark (on boxed forms it must have a box of its own)."""
    if len(opts) < 2:
        return opts
    h = float(np.median([o.height for o in opts]))
    starts = [o.y0 for o in opts]
    pitch = float(np.median(np.diff(starts)))
    used = {id(l) for o in opts for l in o.lines}
    out = list(opts)
    for ln in lines:
        if id(ln) in used or ln.match is not None or len(ln.text) < 12:
            continue
        # (a missing middle option doubles the measured pitch: "between" needs only to be
        # clear of the options' own lines)
        between = starts[0] < ln.y0 < starts[-1] and min(abs(ln.y0 - y) for y in starts) >= 1.5 * h
        below = abs(ln.y0 - (starts[-1] + pitch)) < 0.3 * pitch
        if not (between or below) or any(o.y0 - 0.2 * h <= ln.y0 <= o.y1 for o in opts):
            continue
        ws = ln.all_words
        # the first real word starts at the column; only debris, a letter or a mark
        # may stand before it ("This form was read..." starting at the margin may not)
        first = next((w for w in ws if sum(c.isalpha() for c in w.text) >= 3), None)
        if first is None or not col - h <= first.bbox[0] <= col + 1.5 * h:
            continue
        if any(wordlike(w.text) and len(w.text) >= 3 for w in ws if w.bbox[0] < col - 0.5 * h):
            continue
        if _field_label_line(ln.text):
            continue  # "Signature ... Date / Fecha 6/1/18" one pitch below the last option
        out.append(Option(UNREAD, [ln], 0.5))
    out.sort(key=lambda o: o.y0)
    return out



#: the trained label-slot classifier (extractor.reader.textclf) this sure that a line is
#: a form field's label (with or without its entry) makes it no unread option: a garbled
#: option reads as a label far less surely
FIELD_LABEL_SURE = 0.99


def _field_label_line(text: str) -> bool:
    from extractor.reader.textclf import label_slot
    slot, p = label_slot(text)
    return slot != "none" and p >= FIELD_LABEL_SURE


def trim_options(opts: list[Option], col: float) -> None:
    """Cut an option's trailing lines that start left of the text column: a label
    such as "Parent's signature" printed just below the last option is not part of it."""
    for o in opts:
        h = o.height
        for j in range(1, len(o.lines)):
            if o.lines[j].x0 < col - 1.2 * h:
                del o.lines[j:]
                break
