"""Whether something is written where a label's value goes, decided apart from reading it.

A label whose value the OCR found nowhere (no words right of it, above or below it) was
read as a confident blank, so its check failed. But hand-writing in an unfamiliar script
is often not read as words at all: the page then shows pen strokes where the value goes
and the OCR shows nothing. ``unseen_writing`` looks at the ink itself in the two places a
value stands beside its label (right of it on its line, or on the fill line above a
caption), leaving out every word the OCR did read: letter-sized strokes there make the
field's presence unknown (a reviewer looks), never a blank and never a value. It can only
turn a `fail` into `unknown`.
"""
from __future__ import annotations

from typing import Optional

import numpy as np

from extractor.layout import LabelHit
from extractor.model import Field, Page
from extractor.preprocess import components

#: letter-sized strokes needed to call a region written in
MIN_STROKES = 3


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


def unseen_writing(hit: LabelHit, where: str, f: Optional[Field], page: Page, by_line) -> Optional[Field]:
    """A field read as a confident blank with no value found anywhere near its label:
    pen strokes right of the label or just above it make its presence unknown."""
    if f is None or f.present is not False or where != "none" or page.image is None:
        return f
    hh = max(hit.line.height, 10.0)
    x0, y0, x1, y1 = hit.bbox
    nxt = [o.bbox[0] for o in by_line.get(hit.line.index, []) if o.start >= hit.end]
    right_end = min(min(nxt) - 0.5 * hh if nxt else x1 + 25 * hh, x1 + 25 * hh)
    regions = [(x1 + 0.6 * hh, y0 - 0.4 * hh, right_end, y1 + 0.3 * hh),       # right of it
               (x0 - hh, y0 - 2.6 * hh, max(x1, x0 + 12 * hh), y0 - 0.2 * hh)]  # above a caption
    if not any(strokes(page, r, hh) >= MIN_STROKES for r in regions):
        return f
    f.present = None
    f.confidence = min(f.confidence, 0.3)
    f.provenance = (f.provenance or "") + " (unread ink)"
    return f
