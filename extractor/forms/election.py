"""The form's election: which option of the form the parent marked.

``read_election`` finds the option lines by their text (extractor.forms.options),
measures the marks that go with them (extractor.forms.option_marks: a box's inside
ink, hand ink beside the option such as an ellipse round a letter, a tick in the
margin or a scribble that drowned a box, or an underline) and decides which option
carries a mark, each judged against the other options. A second reading of the
options' wording (the trained option_meaning classifier) can dispute a marked
option's meaning; then the election is doubtful (a reviewer looks).
"""
from __future__ import annotations

from typing import Optional

from extractor.model import BBox, Field, Page
from extractor.reader.textclf import option_meaning
from extractor.forms.option_marks import (MARGIN_BESIDE_BOX, MARGIN_MARK, MARGIN_NO_BOX, MARGIN_SURE,
                                          block_boxes, measure)
from extractor.forms.option_phrases import OPTION_LABELS
from extractor.forms.options import (UNREAD, Option, add_unread_options, find_options, page_lines,
                                     text_column, trim_options)


def _decide(opts: list[Option]) -> None:
    """Marked or not for each option, with a confidence, from its measurements.

    Boxed forms are read from the boxes; an option whose box was not found (a fill or
    a scribble can drown it) or that was ticked across the box edge is read from the
    hand ink beside it. Forms without boxes (circle-one) are read from the ink round
    the option letter and from underlines. Printed ink every option shares (an "I"
    left of the column) is discounted as the block's smallest margin reading.
    """
    boxed = any(o.box is not None for o in opts)
    base = min(o.margin_ink for o in opts)
    # (the baseline is an option whose box was found: its column reading holds a frame)
    # (...and left empty: a filled box's reading may have lost its blob altogether, and
    # a baseline of 0 would make every empty frame a mark)
    empty = [o.column_ink for o in opts if o.box is not None and not o.box.marked]
    col_base = min(empty or [o.column_ink for o in opts if o.box is not None] or [0.0])
    for o in opts:
        extra = o.margin_ink - base
        col_extra = o.column_ink - col_base
        if o.box is not None:
            marked, conf = o.box.marked, o.box.confidence
            o.how = "checkbox"
            if not marked and col_extra >= MARGIN_BESIDE_BOX:
                marked, conf, o.how = True, _ramp(col_extra, MARGIN_BESIDE_BOX, 2 * MARGIN_BESIDE_BOX), "margin-mark"
            elif not marked and col_extra >= MARGIN_BESIDE_BOX / 2:
                conf = min(conf, 0.55)  # some ink beside an empty box: unsure
        elif boxed:
            marked = col_extra >= MARGIN_NO_BOX
            conf = _ramp(col_extra, MARGIN_NO_BOX, 2 * MARGIN_NO_BOX) if marked else \
                _ramp(MARGIN_NO_BOX - col_extra, 0.0, MARGIN_NO_BOX / 2)
            o.how = "margin-mark"
        elif all(p.letter_mark is not None for p in opts):
            p = o.letter_mark
            marked = p >= 0.5 or o.underline
            if p < 0.5 and o.underline:
                conf, o.how = 0.85, "underline"
            else:
                conf, o.how = round(max(p, 1.0 - p), 3), "circled-letter"
        else:
            marked = extra >= MARGIN_MARK or o.underline
            if o.underline:
                conf, o.how = 0.85, "underline"
            elif marked:
                conf, o.how = _ramp(extra, MARGIN_MARK, MARGIN_SURE), "circle"
            else:
                conf, o.how = _ramp(MARGIN_MARK - extra, 0.0, MARGIN_MARK / 2), "circle"
            if base >= MARGIN_MARK:
                # every option has ink beside it: printed words ("Option 1:"), or all
                # of them marked; the difference is read, but not trusted fully
                conf = min(conf, 0.7)
                if marked and not o.underline and extra < 0.5 * base:
                    # marked by a sliver more ink than options that all carry a lot
                    # (every option circled?): a reviewer decides, never a pass
                    conf = min(conf, 0.5)
        o.marked, o.confidence = marked, conf


def _ramp(v: float, lo: float, hi: float) -> float:
    """0.6 at ``lo`` rising to 1.0 at ``hi``: how far a reading is past its cut."""
    if hi <= lo:
        return 1.0
    return round(0.6 + 0.4 * max(0.0, min(1.0, (v - lo) / (hi - lo))), 3)


def _page_options(page: Page) -> list[Option]:
    if page.image is None or not page.words:
        return []
    return find_options(page_lines(page))


def read_election(pages: list[Page]) -> Optional[Field]:
    """The form's election from its option block, or None if no page has one.

    The page whose option block states the most distinct options is read (a 2-page
    file may carry an unrelated attachment). Value: one of the option labels,
    "none_marked" or "multiple_marked"; confidence is the weakest link of the option
    text match and the per-option mark decisions, so a doubtful read turns into a
    review (the scorer maps low confidence to `unknown`).
    """
    best: tuple[tuple, Optional[Page], list[Option]] = ((0, 0, 0.0), None, [])
    for page in pages:
        opts = _page_options(page)
        if not opts:
            continue
        key = (len({o.label for o in opts}), len(opts), min(o.score for o in opts))
        if key > best[0]:
            best = (key, page, opts)
    _, page, opts = best
    if page is None:
        return None
    boxes = block_boxes(page, opts)
    col = text_column(opts, [b.bbox for b in boxes])
    trim_options(opts, col)
    grown = add_unread_options(opts, page_lines(page), col)
    if len(grown) > len(opts):  # the block may now reach further: look for its boxes again
        opts, boxes = grown, block_boxes(page, grown)
    measure(page, opts, col, boxes)
    if any(o.box is not None for o in opts):
        # on a boxed form an unread line is an option only if it has its own box
        opts = [o for o in opts if o.label != UNREAD or o.box is not None]
    _decide(opts)
    marked = [o for o in opts if o.marked]
    conf = min(min(o.confidence for o in opts), min(o.score for o in opts))
    if MEANING_CHECK and _meaning_disputed(marked, col):
        conf = min(conf, 0.5)
    for i, o in enumerate(opts):
        # a form states each option once: a marked option read as the same as another
        # option (not its translation: the option just below it without a letter of its
        # own) means one of them was misread (a mark drawn over "I do not wish to be
        # reunited" leaves "to be reunited"), and the mark may be on the option misread
        if o.marked and o.label != UNREAD and any(
                p.label == o.label and j != i and (
                    abs(i - j) > 1 or opts[max(i, j)].lines[0].marker is not None)
                for j, p in enumerate(opts)):
            conf = min(conf, 0.5)
    missing = [lb for lb in OPTION_LABELS if lb not in {o.label for o in opts}]
    for o in marked:
        if o.label == UNREAD:
            # a marked option OCR could not read (a mark over the text garbles it): it
            # is the one option not found elsewhere in the block, if only one is
            o.label = missing[0] if len(missing) == 1 else UNREAD
            conf = min(conf, 0.6 if len(missing) == 1 else 0.3)
    labels = sorted({o.label for o in marked if o.label != UNREAD}, key=OPTION_LABELS.index)
    if any(o.label == UNREAD for o in marked) and len(labels) < 2:
        labels.append(UNREAD)  # counted, but which option it is stays unknown
    if not labels:
        value = "none_marked"
        # a block of two may be missing an option OCR could not read, which may be
        # the marked one
        if len({o.label for o in opts}) < len(OPTION_LABELS):
            conf = min(conf, 0.75)
    elif len(labels) == 1 and labels[0] != UNREAD:
        value = labels[0]
    elif len(labels) == 1:
        value = "none_marked"  # some option is marked but which is unknown: conf 0.3
    else:
        value = "multiple_marked"
        if mixed_marks(marked):
            # options marked in two different ways (one circled, another underlined): a
            # parent marks one way, so one reading is likely print or a stray line read
            # as a mark, and which is not known: a reviewer looks
            conf = min(conf, MIXED_MARKS_CONF)
    shown = marked if marked else opts
    evidence = " | ".join(f"[{'X' if o.marked else ' '}] {_short(o.text_from(col))}" for o in shown)
    hows = sorted({o.how for o in marked}) if marked else sorted({o.how for o in opts})
    return Field(value=value, confidence=round(conf, 3), page=page.number,
                 bbox=_option_bbox(marked if len(marked) == 1 else opts),
                 evidence=evidence, provenance="+".join(hows), present=bool(marked))


#: confidence of "more than one marked" when the marks are of different kinds: below the
#: rubric's fail cut-off, so the check is unknown
MIXED_MARKS_CONF = 0.3


def mixed_marks(marked: list[Option]) -> bool:
    """Are the marked options marked in more than one way (checkbox, circle, underline,
    circled letter, margin mark)?"""
    return len({o.how for o in marked}) > 1


# A second reading of what each marked option says, by the trained option-meaning
# classifier (extractor.reader.textclf): when it is sure the option means another of
# the three choices than the phrase rules read, the election goes to a reviewer.
MEANING_CHECK = True
MEANING_SURE = 0.6  # its probabilities run low (temperature 3, fitted on unseen wordings)


def _meaning_disputed(marked: list[Option], col: float) -> bool:
    for o in marked:
        if o.label not in OPTION_LABELS:
            continue
        meaning, p = option_meaning(o.text_from(col))
        if meaning in OPTION_LABELS and meaning != o.label and p >= MEANING_SURE:
            return True
    return False


def _short(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n - 1].rstrip() + "…"


def _option_bbox(opts: list[Option]) -> BBox:
    """Working-image bbox of the options with their marks (box or margin)."""
    xs0, ys0, xs1, ys1 = [], [], [], []
    for o in opts:
        parts = [(l.x0, l.y0, l.x1, l.y1) for l in o.lines]
        if o.box is not None:
            parts.append(o.box.bbox)
        elif o.marked and o.margin_bbox is not None:
            parts.append(o.margin_bbox)
        xs0 += [p[0] for p in parts]
        ys0 += [p[1] for p in parts]
        xs1 += [p[2] for p in parts]
        ys1 += [p[3] for p in parts]
    return (float(min(xs0)), float(min(ys0)), float(max(xs1)), float(max(ys1)))
