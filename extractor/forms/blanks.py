"""Fields read as blank that may not be: whether something is written where a label's
value goes, decided apart from reading it.

A label whose value the OCR found nowhere was read as a confident blank, so its check
failed. Three looks at the page undo that where the ink says otherwise, each only
turning a confident blank into a value read again, or into `unknown` (a reviewer looks):

* ``read_blank_line``: pen strokes on the fill line right of (or above) the label are
  read again from their crop; only what that reading makes sense of becomes a value.
* ``faint_writing``: words the OCR set aside as too faint stand where the value goes.
* ``unseen_writing``: hand-writing in an unfamiliar script is often not read as words
  at all; the ink itself, in the two places a value stands beside its label (right of
  it on its line, or on the fill line above a caption), leaving out every word the OCR
  did read: letter-sized strokes there make the field's presence unknown, never a
  blank and never a value.
"""
from __future__ import annotations

from typing import Optional

import numpy as np

from extractor.layout import LabelHit
from extractor.model import Field, Page
from extractor.names import restore_accents
from extractor.normalize import clean_name, normalize_a_number
from extractor.preprocess import components
from extractor.reread import A_NUMBER_CHARS, glyph_a_number, reread
from extractor.forms.candidates import Candidate
from extractor.forms.person_names import ACCENTED_NAME_FIELDS, NAME_FIELDS
from extractor.forms.values import date_of, language_of, read_again, vote_a_number, vote_date

#: letter-sized strokes needed to call a region written in
MIN_STROKES = 3


def _unknown_presence(f: Field, why: str) -> Field:
    """Something is written where the value goes that could not be read: whether the
    field was filled in is not known (a reviewer looks), never a confident blank."""
    f.present = None
    f.confidence = min(f.confidence, 0.3)
    f.provenance = (f.provenance or "") + f" ({why})"
    return f


def strokes(page: Page, box: tuple[float, float, float, float], hh: float) -> int:
    """Letter-sized pen strokes in ``box`` (working-image pixels) that no OCR word covers,
    with fill lines and box edges taken out; ``hh`` is the text height."""
    import cv2
    img = page.image
    X0, Y0 = int(max(0, box[0])), int(max(0, box[1]))
    X1, Y1 = int(min(img.shape[1], box[2])), int(min(img.shape[0], box[3]))
    if X1 - X0 < 2 * hh or Y1 - Y0 < 0.6 * hh:
        return 0
    crop = np.ascontiguousarray(img[Y0:Y1, X0:X1])
    if crop.ndim == 3:
        crop = cv2.cvtColor(crop, cv2.COLOR_BGR2GRAY)
    bw = cv2.adaptiveThreshold(crop, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 31, 20)
    # fill lines and box edges are print: long horizontal and vertical runs taken out
    # (writing that touches its fill line would otherwise join it into one long stroke)
    for k in ((max(3, int(4 * hh)), 1), (1, max(3, int(2.5 * hh)))):
        bw = cv2.subtract(bw, cv2.morphologyEx(bw, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, k)))
    pad = 0.15 * hh
    for w in page.words:  # every word the OCR read there is print or a read value, not unseen ink
        x0, y0, x1, y1 = w.bbox
        if x1 < X0 or x0 > X1 or y1 < Y0 or y0 > Y1:
            continue
        bw[max(0, int(y0 - pad) - Y0):max(0, int(y1 + pad) - Y0),
           max(0, int(x0 - pad) - X0):max(0, int(x1 + pad) - X0)] = 0
    _, _, stats, _ = components(bw)
    return sum(1 for st in stats[1:] if 0.45 * hh <= st[3] <= 3.5 * hh and st[2] <= 5 * hh
               and st[4] >= 0.05 * hh * hh)


#: depth of the region under a label looked at for unread writing, in text heights: a
#: label's second (translated) line and the entry under both
BELOW_DEPTH = 4.0


def unseen_writing(hit: LabelHit, where: str, f: Optional[Field], page: Page, by_line) -> Optional[Field]:
    """A field read as a confident blank with no value found anywhere near its label:
    pen strokes right of the label, just above it or under it (a label over its entry,
    in a cell or over a fill line; a table's header over its rows) make its presence
    unknown."""
    if f is None or f.present is not False or where not in ("none", "table") or page.image is None:
        return f
    hh = max(hit.line.height, 10.0)
    x0, y0, x1, y1 = hit.bbox
    nxt = [o.bbox[0] for o in by_line.get(hit.line.index, []) if o.start >= hit.end]
    right_end = min(min(nxt) - 0.5 * hh if nxt else x1 + 25 * hh, x1 + 25 * hh)
    below = (x0 - hh, y1 + 0.2 * hh, max(x1, x0 + 16 * hh), y1 + BELOW_DEPTH * hh)
    regions = [below] if where == "table" else [
        (x1 + 0.6 * hh, y0 - 0.4 * hh, right_end, y1 + 0.3 * hh),        # right of it
        (x0 - hh, y0 - 2.6 * hh, max(x1, x0 + 12 * hh), y0 - 0.2 * hh),  # above a caption
        below]
    if not any(strokes(page, r, hh) >= MIN_STROKES for r in regions):
        return f
    return _unknown_presence(f, "unread ink")


#: height of the band read above a caption's fill line, in the caption's text heights
CAPTION_BAND = 2.0


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


def read_blank_line(name: str, c: "Candidate", f: Optional[Field], page: Page,
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
        value = language_of(text)
        if value is None and c.where == "none":
            value, text, conf, _how = read_again(page, bbox, language_of)
    elif name == "date_signed":
        value = date_of(text, day_first)
        value, conf, text = vote_date(value, conf, page, bbox, hh, day_first, text, (x0, x1))
        if value is None and c.where == "none":
            value, text, conf, _how = read_again(
                page, bbox, lambda t: date_of(t, day_first))
    elif name == "parent_a_number":
        value = normalize_a_number(text)
        glyphs = glyph_a_number(page, bbox, hh, (x0, x1))
        if glyphs is not None:
            ev = {"evidence": text, "provenance": ""}
            value, conf = vote_a_number(value, conf, None, glyphs, ev)
            text = ev["evidence"]
    elif name in NAME_FIELDS and conf >= 0.6 and sum(ch.isalpha() for ch in text) >= 3:
        value = clean_name(text)
        if name in ACCENTED_NAME_FIELDS:
            value = restore_accents(value)
    if value is None:
        # pen strokes on the line that read as nothing: written, but what cannot be
        # told, so neither a confident blank nor a value (a reviewer looks)
        return _unknown_presence(f, "unread writing")
    return Field(value=value, confidence=min(conf, 0.75) if name != "parent_a_number" else conf,
                 page=page.number, bbox=bbox, evidence=text,
                 provenance=(f.provenance or "") + " (re-read)", present=True)


def faint_writing(c: "Candidate", f: Optional[Field], page: Page, by_line) -> Optional[Field]:
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
    return _unknown_presence(f, "faint writing")


def marks_unread(c: "Candidate", f: Optional[Field]) -> Optional[Field]:
    """A field still read as blank although the OCR read a mark or two where its value
    goes, too little to be a value (a name in a script hand read "Y", a date read "1]"):
    something is written there that could not be read, so whether the field was filled
    in is not known (a reviewer looks), never a confident blank. For a list of names a
    lone digit is the list's printed numbering: only a letter counts there."""
    if f is None or f.present is not False or f.value not in (None, []):
        return f
    marks = [w for w in c.words if w.conf >= 0.1 and any(ch.isalnum() for ch in w.text)]
    if c.field == "child_names":
        marks = [w for w in marks if any(ch.isalpha() for ch in w.text)]
    if not marks:
        return f
    return _unknown_presence(f, "unread marks")
