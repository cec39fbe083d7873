"""The marks beside each election option, measured on the page image: its check box
(found or at its place in the box column), the hand ink in its margin, an underline.

``measure`` fills these in on each Option of a block (extractor.forms.options); the
election reader (extractor.forms.election) then decides among the options.

Why marks beside an option are compared with the other options: the printed matter
there (an option letter, "Option 1:", a box frame) is the same for every option, so
the least-inked option is the baseline and only what exceeds it is hand ink. The
printed box frame and letter, rulings and punch holes are cut away before ink counts.
"""
from __future__ import annotations

from typing import Optional

import cv2
import numpy as np

from extractor.model import BBox, Box, Page, Word
from extractor.preprocess import components, mask_of, without_small_components
from extractor.reader.marks import read_letters
from extractor.forms.boxes import (INK_LEVEL, find_boxes, iou, normalise_background, side_range,
                                   without_dark_areas)
from extractor.forms.options import Option, caption

# hand ink in the margin beside an option (the printed box and letter cut away), in
# units of the text height squared, above the least-inked option's: on 110 unboxed
# dev/synthetic options unmarked ones read <= 0.13, marked ones >= 0.21 (a small X in
# printed brackets; a tick ~0.4, an ellipse round a letter ~1.5)
MARGIN_MARK = 0.18

MARGIN_SURE = 0.4

# a box left empty but with this much hand ink around it was ticked across its edge
MARGIN_BESIDE_BOX = 0.3

# an option whose box was not found (drowned in a scribble or fill) needs this much
# more ink at its place in the box column than the least-inked option has
MARGIN_NO_BOX = 0.4

# how far left of the option text marks are looked for, in text heights
MARGIN_WIDTH = 7.0


def _drop_holes(ink: np.ndarray, h: float) -> np.ndarray:
    """Remove punch holes from margin ink: round blobs one and a half text heights
    across or more, with empty corners (a scribbled box is as solid but has its corners
    inked; a filled bracket or a blot is smaller)."""
    n, lab, stats, _ = components(ink)
    out = ink.copy()
    for j in range(1, n):
        x, y = stats[j, cv2.CC_STAT_LEFT], stats[j, cv2.CC_STAT_TOP]
        w, hh, area = stats[j, cv2.CC_STAT_WIDTH], stats[j, cv2.CC_STAT_HEIGHT], stats[j, cv2.CC_STAT_AREA]
        if min(w, hh) < 1.5 * h or not 0.7 <= w / hh <= 1.4 or area < 0.6 * w * hh:
            continue
        c = max(2, int(0.12 * min(w, hh)))
        blob = lab[y:y + hh, x:x + w] == j
        corners = (blob[:c, :c].mean() + blob[:c, -c:].mean() + blob[-c:, :c].mean()
                   + blob[-c:, -c:].mean()) / 4
        if corners < 0.15:
            out[lab == j] = 0
    return out


def _block_region(page: Page, opts: list[Option]) -> tuple[int, int, int, int]:
    """The crop round the option block: from well left of the text to the page edge
    (some forms put the boxes after the text), with context for the background."""
    H, W = page.image.shape[:2]
    h = float(np.median([o.height for o in opts]))
    left = min(min(w.bbox[0] for ln in o.lines for w in ln.all_words) for o in opts)
    return (int(max(0, left - 12 * h)), int(max(0, opts[0].y0 - 3 * h)), W,
            int(min(H, opts[-1].y1 + 3 * h)))


def block_boxes(page: Page, opts: list[Option]) -> list[Box]:
    """Check boxes found round the option block, in page (working image) pixels."""
    x0, y0, x1, y1 = _block_region(page, opts)
    return [Box((b.bbox[0] + x0, b.bbox[1] + y0, b.bbox[2] + x0, b.bbox[3] + y0), b.ink, b.marked,
                b.confidence)
            for b in find_boxes(page.image[y0:y1, x0:x1], dpi=page.dpi or 300.0)]


def measure(page: Page, opts: list[Option], col: float, boxes: list[Box]) -> None:
    """Fill in each option's box, margin ink and underline from the page image."""
    h = float(np.median([o.height for o in opts]))
    x0, y0, x1, y1 = _block_region(page, opts)
    x0 = int(min(x0, max(0, col - 12 * h)))
    crop = page.image[y0:y1, x0:x1]
    # (the background window must outgrow punch holes and filled boxes)
    norm = normalise_background(crop, int(max(4 * h, 0.3 * (page.dpi or 300.0))) | 1)
    ink = without_small_components(mask_of(norm < INK_LEVEL), max(4, int((0.12 * h) ** 2)))
    ink = _drop_holes(without_dark_areas(ink, side_range(ink.shape, page.dpi or 300.0)[1]), h)
    # the printed option letters ("A.", "B."): OCR may box a letter together with
    # the ellipse drawn round it, so only letter-sized boxes are trusted, and their
    # column stands in for letters OCR missed or inflated
    letters = [o.lines[0].marker for o in opts if o.lines[0].marker is not None
               and o.lines[0].marker[2] - o.lines[0].marker[0] <= 1.6 * h
               and o.lines[0].marker[3] - o.lines[0].marker[1] <= 1.5 * h]
    letter_x = (float(np.median([m[0] for m in letters])),
                float(np.median([m[2] for m in letters]))) if letters else None
    # ...and their size and height against their line, to place a letter OCR missed
    # (only the letter is cut: an ellipse drawn tight round it must stay)
    with_letter = [o for o in opts if o.lines[0].marker in letters]
    letter_h = float(np.median([m[3] - m[1] for m in letters])) if letters else h
    letter_dy = float(np.median([(o.lines[0].marker[1] + o.lines[0].marker[3]) / 2
                                 - (o.lines[0].y0 + o.lines[0].y1) / 2 for o in with_letter])) \
        if with_letter else 0.0
    # words OCR read with confidence: a "box" inside one is a letter's bowl
    sure_words = [w for w in page.words if w.conf >= 0.75 and sum(c.isalpha() for c in w.text) >= 3]
    for o in opts:
        o.box = _option_box(o, boxes, letters, col, h, sure_words)
    # a boxed form has a box at most of its options; a lone "box" is a letter or a
    # mark that looked square, and reading the form as boxed would ignore its circles
    if 0 < sum(o.box is not None for o in opts) < max(2, (len(opts) + 1) // 2):
        for o in opts:
            o.box = None
    if LETTER_MARKS and letter_x is not None and not any(o.box is not None for o in opts):
        # circle-one forms: the trained classifier reads each option's letter (its
        # ellipse, or a tick in the margin beside it); a letter OCR missed is placed in
        # the letters' column, level with its line
        spots = []
        for o in opts:
            m = o.lines[0].marker
            if m is None or m not in letters:
                cy = (o.lines[0].y0 + o.lines[0].y1) / 2 + letter_dy
                m = (letter_x[0], cy - letter_h / 2, letter_x[1], cy + letter_h / 2)
            spots.append(m)
        for o, p in zip(opts, read_letters(page.image, spots)):
            o.letter_mark = p
    # hand ink in the margin strip left of the text, the printed boxes and letters cut
    # away; each ink blob counts for the option it is level with (an X overshooting
    # its box must not mark the option above)
    mx0 = int(max(0, col - MARGIN_WIDTH * h - x0))
    mx1 = int(max(0, col - 0.15 * h - x0))
    strip = _without_rules(ink[:, mx0:mx1].copy(), h)
    for o in opts:
        cut: list[BBox] = [o.box.bbox] if o.box is not None else []
        first = o.lines[0]
        if first.marker is not None and first.marker in letters:
            cut.append(first.marker)
        elif letter_x is not None:
            cy = (first.y0 + first.y1) / 2 + letter_dy
            cut.append((letter_x[0], cy - letter_h / 2, letter_x[1], cy + letter_h / 2))
        for bx in cut:
            pad = 0.12 * h
            a0, b0 = int(max(0, bx[0] - pad - x0 - mx0)), int(max(0, bx[1] - pad - y0))
            a1, b1 = int(max(0, bx[2] + pad - x0 - mx0)), int(max(0, bx[3] + pad - y0))
            strip[b0:b1, a0:a1] = 0
    # printed words reaching into the margin (a heading just above the options) are no
    # mark; words OCR put in an option's own lines stay (written initials are a mark,
    # a printed "Option 1:" is discounted by the baseline)
    own = {id(w) for o in opts for ln in o.lines for w in ln.all_words}
    # (a mark field's caption, "Initials", is printed whatever OCR's confidence)
    # (above the block, a heading's two-letter words count too: "My decision")
    heading = [w for w in page.words if w.conf >= 0.75 and (w.bbox[1] + w.bbox[3]) / 2 < opts[0].y0
               and sum(c.isalpha() for c in w.text) >= 2 and id(w) not in own]
    # (an option's own word that runs on into the text is its printed first word: the
    # column sits right of it when OCR dropped a leading "I")
    runs_on = [w for w in page.words if id(w) in own and w.conf >= 0.75
               and sum(c.isalpha() for c in w.text) >= 2
               and w.bbox[0] >= col - 1.2 * h and w.bbox[2] > col + 0.25 * h]
    printed = {id(w) for w in runs_on}
    for w in sure_words + heading + runs_on + [w for w in page.words if caption(w.text)]:
        if id(w) in own and not caption(w.text) and id(w) not in printed:
            continue
        strip[int(max(0, w.bbox[1] - y0)):int(max(0, w.bbox[3] - y0)),
              int(max(0, w.bbox[0] - x0 - mx0)):int(max(0, w.bbox[2] - x0 - mx0))] = 0
    n, _, stats, cents = components(strip)
    mids = [(o.lines[0].y0 + o.lines[0].y1) / 2 - y0 for o in opts]
    for o in opts:
        o.margin_ink = 0.0
    for j in range(1, n):
        cy = cents[j][1]
        i = int(np.argmin([abs(cy - m) for m in mids]))
        first = opts[i].lines[0]
        if first.y0 - 0.9 * h - y0 <= cy <= first.y1 + 0.9 * h - y0:
            opts[i].margin_ink += stats[j, cv2.CC_STAT_AREA] / (h * h)
    _box_column_ink(opts, ink, x0, y0, h, sure_words)
    for i, o in enumerate(opts):
        first = o.lines[0]
        o.margin_bbox = (float(mx0 + x0), first.y0 - 0.7 * h, float(mx1 + x0), first.y1 + 0.7 * h)
        o.underline = _underlined(ink, o, opts[i + 1] if i + 1 < len(opts) else None, col, h, x0, y0)


def _without_rules(strip: np.ndarray, h: float) -> np.ndarray:
    """The margin strip without printed rules: horizontal ones (the line initials are
    written on) and vertical ones (a frame round the block, the page's edge in the
    scan): straight strokes three text heights long. A hand mark is no such stroke,
    and initials on the line keep their letters."""
    k = max(5, int(3 * h))
    if not strip.any():
        return strip
    if strip.shape[1] > k:
        runs = _horizontal_runs(strip, h, k)
        if runs.any():
            strip = cv2.bitwise_and(strip, cv2.bitwise_not(runs))
    if strip.shape[0] > k:
        runs = _vertical_runs(strip, h, k)
        if runs.any():
            strip = cv2.bitwise_and(strip, cv2.bitwise_not(runs))
    return strip


def _vertical_runs(ink: np.ndarray, h: float, length: int) -> np.ndarray:
    """Near-vertical strokes of ``ink`` at least ``length`` pixels long (a slight slant
    absorbed by thickening the ink sideways first), at their thickened width."""
    thick = cv2.dilate(ink, cv2.getStructuringElement(cv2.MORPH_RECT, (max(3, int(0.15 * h)), 1)))
    return cv2.morphologyEx(thick, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, length)))


def _horizontal_runs(ink: np.ndarray, h: float, length: int) -> np.ndarray:
    """Near-horizontal strokes of ``ink`` at least ``length`` pixels long: a slight
    slope is absorbed by thickening the ink vertically before the opening."""
    thick = cv2.dilate(ink, cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(3, int(0.15 * h)))))
    return cv2.morphologyEx(thick, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1)))


def _box_column_ink(opts: list[Option], ink: np.ndarray, ox: int, oy: int, h: float,
                    words: list[Word]) -> None:
    """On a boxed form, the ink round each option's place in the box column (box
    frame included), in text-height-squared units: an undetected box drowned in a
    scribble, or a tick across a box's edge, shows as more ink than the other options
    have there. Words OCR read with confidence (printed text) are cut away; blobs
    count for the option they are level with."""
    found = [o.box.bbox for o in opts if o.box is not None]
    if not found:
        return
    side = float(np.median([b[2] - b[0] for b in found]))
    bx0 = float(np.median([b[0] for b in found])) - 0.6 * side
    bx1 = float(np.median([b[2] for b in found])) + 0.6 * side
    dy = float(np.median([(o.box.bbox[1] + o.box.bbox[3]) / 2 - (o.lines[0].y0 + o.lines[0].y1) / 2
                          for o in opts if o.box is not None]))
    cys = [((o.box.bbox[1] + o.box.bbox[3]) / 2 if o.box is not None
            else (o.lines[0].y0 + o.lines[0].y1) / 2 + dy) for o in opts]
    a0, a1 = int(max(0, bx0 - ox)), int(max(0, bx1 - ox))
    r0 = int(max(0, min(cys) - 1.1 * side - oy))
    r1 = int(max(0, max(cys) + 1.1 * side - oy))
    reg = ink[r0:r1, a0:a1].copy()
    for w in words:
        reg[int(max(0, w.bbox[1] - oy - r0)):int(max(0, w.bbox[3] - oy - r0)),
            int(max(0, w.bbox[0] - ox - a0)):int(max(0, w.bbox[2] - ox - a0))] = 0
    n, _, stats, cents = components(reg)
    for o in opts:
        o.column_ink = 0.0
    for j in range(1, n):
        cy = cents[j][1] + r0 + oy
        i = int(np.argmin([abs(cy - c) for c in cys]))
        if abs(cy - cys[i]) <= 1.1 * side:
            opts[i].column_ink += stats[j, cv2.CC_STAT_AREA] / (h * h)


def _option_box(o: Option, boxes: list[Box], letters: list[BBox], col: float, h: float,
                words: list[Word]) -> Optional[Box]:
    """The option's box: level with its first line, either in the margin left of the
    text column or after the line's text (some forms put the boxes on the right).

    Not a box: anything smaller than a lower-case letter's worth of the text height,
    a printed option letter OCR read as such (a bold "B." looks boxy), or anything
    inside a word OCR read confidently (the bowl of an "a" or "o")."""
    first = o.lines[0]

    def inside_word(b: Box) -> bool:
        return any(min(b.bbox[2], w.bbox[2]) - max(b.bbox[0], w.bbox[0]) > 0.3 * (b.bbox[2] - b.bbox[0])
                   and min(b.bbox[3], w.bbox[3]) - max(b.bbox[1], w.bbox[1]) > 0.3 * (b.bbox[3] - b.bbox[1])
                   for w in words)

    level = [b for b in boxes
             if first.y0 - 0.5 * h <= (b.bbox[1] + b.bbox[3]) / 2 <= first.y1 + 0.5 * h
             and min(b.bbox[2] - b.bbox[0], b.bbox[3] - b.bbox[1]) >= 0.65 * h
             and not any(iou(b.bbox, m) > 0.3 for m in letters) and not inside_word(b)]
    left = [b for b in level if b.bbox[2] <= col + 0.4 * h]
    if left:
        return max(left, key=lambda b: b.bbox[2])
    # where the option's text ends: the run of words from the column on, up to the
    # first wide gap (OCR may read a box at the end of the line as a "word")
    text_end = col
    for w in sorted(first.all_words, key=lambda w: w.bbox[0]):
        if w.bbox[2] <= col:
            continue
        if w.bbox[0] - text_end > 2 * h:
            break
        text_end = max(text_end, w.bbox[2])
    right = [b for b in level if b.bbox[0] >= max(col + 2 * h, text_end - 0.2 * h)]
    return min(right, key=lambda b: b.bbox[0]) if right else None


def _underlined(ink: np.ndarray, o: Option, nxt: Optional[Option], col: float, h: float,
                ox: int, oy: int) -> bool:
    """A hand-drawn line under one of the option's lines (circle-one forms are also
    marked by underlining): a near-horizontal stroke at least 3 text heights long.
    OCR often counts the line into the words above it, so the band starts inside the
    line's box; a slight slope is absorbed by thickening the band vertically first.
    A stroke cut by the band's left edge is a printed rule running in from the page
    margin (a signature line), not an underline."""
    right = max(l.x1 for l in o.lines) + h
    # the band starts just left of the text column, or, when the option's printed
    # letter or box is further left, just right of it: OCR drops a leading "I" so the
    # column can sit a word right of where the lines (and an underline) begin
    left = col - 0.5 * h
    marks = [b for b in (o.lines[0].marker, o.box.bbox if o.box is not None else None)
             if b is not None and b[2] < col]
    if marks:
        left = min(left, max(b[2] for b in marks) + 0.3 * h)
    a0, a1 = int(max(0, left - ox)), int(max(0, right - ox))
    for ln in o.lines:
        # (an underline drawn at the baseline crosses the descenders: start mid-line)
        top, bot = (ln.y0 + ln.y1) / 2, ln.y1 + 0.6 * h
        if nxt is not None:
            bot = min(bot, nxt.y0 - 0.2 * h)
        band = ink[int(max(0, top - oy)):int(max(0, bot - oy)), a0:a1]
        if band.size == 0:
            continue
        runs = _horizontal_runs(band, h, max(5, int(2.5 * h)))
        n, _, stats, _ = components(runs)
        r0 = int(max(0, top - oy))
        for j in range(1, n):
            x, y, w = (int(stats[j, c]) for c in (cv2.CC_STAT_LEFT, cv2.CC_STAT_TOP, cv2.CC_STAT_WIDTH))
            if w >= 3 * h and x > 1 and not (
                    nxt is not None and r0 + y < nxt.lines[0].y0 - oy and _encloses_next(
                        ink, r0 + y, a0 + x, w, int(nxt.lines[0].y1 - oy - 0.2 * h), h)):
                return True
    return False


def _encloses_next(ink: np.ndarray, y: int, x: int, w: int, below: int, h: float) -> bool:
    """The stroke at row ``y``, columns x..x+w, runs on down past row ``below`` (the
    foot of the next option's first line) and not up: the top of an ellipse drawn
    round the next option, not an underline of this one (the foot of an ellipse round
    this option runs up). The look spans the crop's width: an ellipse turns at its
    ends, which may lie far beyond its straight part."""
    if below <= y:
        return False
    top = max(0, y - int(1.5 * h))
    sub = ink[top:below + 1]
    n, lab, stats, _ = components(sub)
    r = y - top
    mine = set(np.unique(lab[r:r + max(3, int(0.3 * h)), x:x + w]).tolist()) - {0}
    return any(stats[j, cv2.CC_STAT_TOP] + stats[j, cv2.CC_STAT_HEIGHT] >= sub.shape[0]
               and stats[j, cv2.CC_STAT_TOP] > r - 0.8 * h for j in mine)


# circle-one forms: option letters read by the trained letter-mark classifier
# (extractor.reader.marks.read_letters) rather than by margin ink against a baseline.
# Off: on 60 generated validation forms it read more elections wrong or unsure than the
# margin ink does (49 right against 53: false "multiple_marked" on circle-one forms;
# tools/eval_election_generated.py). Kept, measured, for the next step.
LETTER_MARKS = False
