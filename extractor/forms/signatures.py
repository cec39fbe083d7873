"""Signature presence on waiver forms: is there ink on the parent's, the officer's and the
supervisor's signature line?

Two steps, both layout-free (no coordinates, no form templates):

1. *Find the labels* by text (extractor.forms.signature_labels): each signature line
   and whose it is.
2. *Measure the ink* on that line (``ink_above_line``): find the ruling line just above
   the label (or to its right), flatten the background (shadows, lighting gradients),
   binarise, erase the ruling line along its fitted course, other long rulings and the
   OCR's printed words, and keep the connected components that start in the band just
   above the line and look like pen strokes (thin, not a filled punch hole, not a speck,
   not a straight sliver of the rule). Signed = enough horizontal spread of such strokes
   with at least one sweeping stroke (printed letters are each smaller).

``read_signatures`` gives the contract's three booleans as Fields (bbox = the signature
region in working-image coordinates, evidence = the label text, provenance "ink"); a
role whose line the form does not have is None.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

import cv2
import numpy as np

from extractor.model import BBox, Field, Page
from extractor.preprocess import components, mask_of, without_small_components
from extractor.forms.signature_labels import Segment, SignatureLabel, find_labels, segments

# Decision thresholds, in inches. Dev and held-out generated forms: every unsigned line
# scores 0.0; signed lines score >= 0.43 with a biggest stroke >= 0.31 in.
SCORE_MIN = 0.3
BIG_STROKE_MIN = 0.22
INK_LEVEL = 205  # ink: darker than 80% of the local background (faint blurred strokes)
FIELD_OF_ROLE = {"parent": "parent_signed", "official": "official_signed",
                 "supervisor": "supervisor_signed"}


# ---------------------------------------------------------------------------- labels


# ------------------------------------------------------------------------------- ink

@dataclass
class InkResult:
    ink_ratio: float  # signature-like ink pixels / region area
    has_signature: bool
    confidence: float
    region: BBox  # working-image bbox of the signature region
    spread: float  # horizontal extent covered by stroke components, inches
    line_found: bool
    score: float = 0.0  # spread + half the tallest stroke, inches (threshold SCORE_MIN)
    strokes: tuple[BBox, ...] = ()  # working-image boxes of the pen strokes counted

    def __iter__(self):
        """Unpacks as ``ink_ratio, has_signature, confidence``."""
        return iter((self.ink_ratio, self.has_signature, self.confidence))


def _flattened(grey: np.ndarray, dpi: float) -> np.ndarray:
    """``grey`` divided by its background (paper white = 255): dividing by a closed
    (stroke-free) copy of the image cancels shadows and lighting gradients."""
    k = max(15, int(round(0.1 * dpi)) | 1)
    # (the background is taken from a 3x3-median copy: a salt dot would otherwise make
    # the max-filter of the closing see white paper everywhere on a grey page)
    bg = cv2.morphologyEx(cv2.medianBlur(grey, 3), cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k)))
    norm = cv2.divide(grey.astype(np.float32), np.maximum(bg.astype(np.float32), 1.0), scale=255.0)
    return np.clip(norm, 0, 255).astype(np.uint8)


def _find_rule(ink: np.ndarray, x0: int, x1: int, y0: int, y1: int, dpi: float,
               prefer: str = "low") -> Optional[tuple[int, int, int]]:
    """A horizontal ruling line in the window: (y, x_start, x_end) or None."""
    h, w = ink.shape
    x0, x1, y0, y1 = max(0, x0), min(w, x1), max(0, y0), min(h, y1)
    if x1 - x0 < 10 or y1 - y0 < 3:
        return None
    win = ink[y0:y1, x0:x1]
    klen = max(12, int(0.08 * dpi))
    horiz = cv2.morphologyEx(win, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (klen, 1)))
    prof = (horiz > 0).sum(axis=1).astype(np.float32)
    # a line tilted by perspective spreads over a few rows
    prof = np.convolve(prof, np.ones(5, np.float32), mode="same") / 2.0
    cand = np.where(prof >= 0.45 * (x1 - x0))[0]
    if cand.size == 0:
        return None
    # the line closest to the label (the lowest in the window above it)
    if prefer == "low":
        tail = cand[cand >= cand.max() - int(0.02 * dpi)]
    else:
        tail = cand[cand <= cand.min() + int(0.02 * dpi)]
    ly = int(tail[np.argmax(prof[tail])]) + y0
    return ly, x0, x1


def _rule_extent(ink: np.ndarray, ly: int, xs: int, dpi: float, x_stop: Optional[int]) -> tuple[int, int]:
    """Left and right ends of the ruling line through (xs, ly), bridging dashes."""
    h, w = ink.shape
    band = ink[max(0, ly - 4):min(h, ly + 5), :]
    klen = max(12, int(0.08 * dpi))
    horiz = cv2.morphologyEx(band, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (klen, 1)))
    cols = horiz.max(axis=0) > 0
    max_gap = int(0.15 * dpi)
    left = xs
    gap = 0
    for x in range(xs, -1, -1):
        gap = 0 if cols[x] else gap + 1
        if gap > max_gap:
            break
        if cols[x]:
            left = x
    right = xs
    gap = 0
    stop = w if x_stop is None else min(w, x_stop)
    for x in range(xs, stop):
        gap = 0 if cols[x] else gap + 1
        if gap > max_gap:
            break
        if cols[x]:
            right = x
    return left, right


def _sag(mask: np.ndarray) -> float:
    """How far (px) a flat component's centre line bows away from a straight line: the
    quadratic term of a fit over its width. Blur leaves straight slivers of a ruling
    line; a flat pen stroke still curves."""
    cols = np.where(mask.any(axis=0))[0]
    if cols.size < 5:
        return 0.0
    rows = np.arange(mask.shape[0], dtype=np.float32)[:, None]
    centre = (mask[:, cols] * rows).sum(axis=0) / mask[:, cols].sum(axis=0)
    a = np.polyfit(cols.astype(np.float64), centre, 2)[0]
    half = (cols[-1] - cols[0]) / 2.0
    return float(abs(a) * half * half)


def _bridge(ink: np.ndarray, dpi: float) -> np.ndarray:
    """Reconnect a pen stroke that thresholding broke into a dotted trail (thin strokes
    on a fax or a low-resolution scan), after dropping lone noise pixels so that
    pepper noise is not bridged into blobs."""
    clean = without_small_components(ink, 5)  # lone noise pixels: up to 4
    k = max(3, int(round(0.017 * dpi)) | 1)
    return cv2.morphologyEx(clean, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (k, k)))


def _stroke_components(ink: np.ndarray, dpi: float, core: tuple[int, int]) -> tuple[np.ndarray, list]:
    """Components that look like pen strokes and start within the core band (rows)."""
    n, lab, stats, _ = components(ink)
    keep = np.zeros(n, bool)
    kept = []
    min_area = max(12, int(0.0012 * dpi * dpi))  # ~ a 0.035 inch square: bigger than specks
    for i in range(1, n):
        x, y, w, h, area = stats[i]
        if area < min_area or y > core[1] or y + h < core[0]:
            continue
        # a fleck, or a box border's remains
        if max(w, h) < 0.1 * dpi or w < 0.05 * dpi:
            continue
        fill = area / float(w * h)
        mask = (lab[y:y + h, x:x + w] == i).astype(np.uint8)
        # a straight flat sliver is what blur leaves of a ruling line; a flat pen stroke
        # still bends (a shallow curve sags from its chord)
        if h < 0.05 * dpi:
            if _sag(mask) < 0.008 * dpi:
                continue
        # punch holes, staples, smudges: filled shapes; strokes are thin and sparse
        dist = cv2.distanceTransform(mask, cv2.DIST_L2, 3)
        thick = 2.0 * float(np.percentile(dist[mask > 0], 90))
        if thick > 0.045 * dpi or (fill > 0.5 and min(w, h) > 0.08 * dpi):
            continue
        keep[i] = True
        kept.append((x, y, w, h, area))
    return keep[lab], kept


def _remove_rule(region: np.ndarray, r_ly: int, dpi: float) -> None:
    """Erase the ruling line near row ``r_ly`` in place: fit the (possibly tilted) line
    through its horizontal runs and clear only a band of its own thickness, so a stroke
    that crosses or dips below the line keeps everything off the line."""
    h, w = region.shape
    half = int(0.04 * dpi)
    b0, b1 = max(0, r_ly - half), min(h, r_ly + half + 1)
    if b1 <= b0:
        return
    short_k = cv2.getStructuringElement(cv2.MORPH_RECT, (max(8, int(0.05 * dpi)), 1))
    hmask = cv2.morphologyEx(region[b0:b1], cv2.MORPH_OPEN, short_k) > 0
    cols = np.where(hmask.any(axis=0))[0]
    if cols.size < 10:
        return
    rows = np.arange(b0, b1, dtype=np.float32)[:, None]
    centre = (hmask[:, cols] * rows).sum(axis=0) / hmask[:, cols].sum(axis=0)
    thick = float(np.median(hmask[:, cols].sum(axis=0)))
    # a robust fit: trim columns far from the first fit (strokes lying on the line)
    fit = np.polyfit(cols, centre, 1)
    resid = np.abs(np.polyval(fit, cols) - centre)
    good = resid <= max(2.0, np.percentile(resid, 70))
    if good.sum() >= 10:
        fit = np.polyfit(cols[good], centre[good], 1)
    reach = thick / 2.0 + 1.5 + 0.004 * dpi
    yl = np.polyval(fit, np.arange(w))
    yy = np.arange(h, dtype=np.float32)[:, None]
    region[np.abs(yy - yl[None, :]) <= reach] = 0


def ink_above_line(image: np.ndarray, anchor_bbox: BBox, dpi: float = 300.0, *,
                   anchor: str = "label", mask_boxes: Sequence[BBox] = (),
                   x_stop: Optional[float] = None) -> InkResult:
    """Is there a signature on the ruling line above a label (``anchor="label"``) or on a
    given line (``anchor="line"``, bbox of the rule itself)?

    ``mask_boxes``: printed words (and the label) to ignore. ``x_stop``: where the
    next label on the row starts (a "Date" column), so its ink is not counted.
    Returns the ink ratio, the decision and a confidence in it.
    """
    grey = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    H, W = grey.shape
    inch = dpi
    ax0, ay0, ax1, ay1 = (int(round(v)) for v in anchor_bbox)
    # work on a generous crop so background estimation is not disturbed by the crop edge
    cx0, cx1 = max(0, ax0 - int(1.0 * inch)), min(W, max(ax1, ax0 + int(3.5 * inch)) + int(1.0 * inch))
    cy0, cy1 = max(0, ay0 - int(1.2 * inch)), min(H, ay1 + int(0.3 * inch))
    crop = grey[cy0:cy1, cx0:cx1]
    norm = _flattened(crop, dpi)  # one background for both cuts
    ink = mask_of(norm < INK_LEVEL)
    # rulings can be faint in places (fax, low resolution): follow them on a lenient mask
    faint = mask_of(norm < 235)
    lx0, ly0, lx1, ly1 = ax0 - cx0, ay0 - cy0, ax1 - cx0, ay1 - cy0
    stop = None if x_stop is None else int(x_stop) - cx0

    line_found = True
    if anchor == "line":
        ly = (ly0 + ly1) // 2
        left, right = lx0, lx1
    else:
        lab_h = max(8, ly1 - ly0)
        # (the window stops at the label's top: blurred label letters must not pass
        # for a rule)
        rule = _find_rule(ink, lx0, lx1, ly0 - int(0.45 * inch), ly0 + int(0.01 * inch), dpi)
        if rule is not None:
            ly = rule[0]
            left, right = _rule_extent(faint, ly, (lx0 + lx1) // 2, dpi, stop)
            # a rule that starts far left of the label belongs to another column; one
            # found broken must still cover the label's own column
            left = min(max(left, lx0 - int(0.5 * inch)), lx0)
        else:
            # "Signature: ________" with the line to the right, or no visible line at all
            right_rule = _find_rule(ink, lx1 + int(0.05 * inch), lx1 + int(1.5 * inch),
                                    ly1 - lab_h, ly1 + lab_h // 2, dpi)
            if right_rule is not None:
                ly = right_rule[0]
                left, right = _rule_extent(faint, ly, right_rule[1] + 5, dpi, stop)
                left = max(left, lx1)
            else:
                line_found = False
                ly = ly0 - int(0.05 * inch)
                left, right = lx0, max(lx1, lx0 + int(2.5 * inch))
                if stop is not None:
                    right = min(right, stop)
    # never narrower than the label plus an inch (a broken rule must not hide the ink),
    # never past the next label on the row (a "Date" column)
    right = max(right, left + int(0.5 * inch), lx1 + int(1.0 * inch))
    if stop is not None:
        right = min(right, stop)

    # region: from 0.75 inch above the rule down to just below it
    top = max(0, ly - int(0.75 * inch))
    bottom = min(ink.shape[0], ly + int(0.12 * inch))
    rl, rr = max(0, left - int(0.1 * inch)), min(ink.shape[1], right + int(0.1 * inch))
    region = ink[top:bottom, rl:rr].copy()

    r_ly = ly - top
    _remove_rule(region, r_ly, dpi)
    # other rulings (a neighbouring field's underline, a box border) anywhere
    long_h = cv2.getStructuringElement(cv2.MORPH_RECT, (max(20, int(0.8 * inch)), 1))
    long_v = cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(20, int(0.4 * inch))))
    region[cv2.morphologyEx(region, cv2.MORPH_OPEN, long_h) > 0] = 0
    region[cv2.morphologyEx(region, cv2.MORPH_OPEN, long_v) > 0] = 0
    # printed words (and the label itself) are not signatures
    pad = int(0.01 * inch)
    for (mx0, my0, mx1, my1) in mask_boxes:
        a0, a1 = int(mx0) - cx0 - rl - pad, int(mx1) - cx0 - rl + pad
        b0_, b1_ = int(my0) - cy0 - top - pad, int(my1) - cy0 - top + pad
        region[max(0, b0_):max(0, b1_), max(0, a0):max(0, a1)] = 0
    if anchor == "label":
        region[max(0, ly0 - top - pad):max(0, ly1 - top + pad),
               max(0, lx0 - rl - pad):max(0, lx1 - rl + pad)] = 0

    # a stroke must start above the rule or just under it (a pen dipping below the
    # line); anything starting lower is the caption under the line
    core = (max(0, r_ly - int(0.4 * inch)), r_ly + int(0.03 * inch))
    strokes, kept = _stroke_components(_bridge(region, dpi), dpi, core)
    area = float(region.shape[0] * region.shape[1]) or 1.0
    ink_px = float(strokes.sum())
    ratio = ink_px / area
    # horizontal spread of stroke ink (union of component x-ranges)
    cover = np.zeros(region.shape[1], bool)
    for (x, y, w, h, a) in kept:
        cover[x:x + w] = True
    spread = float(cover.sum()) / inch
    tall = max((h for (_, _, w, h, _) in kept if w >= 0.1 * inch), default=0) / inch
    score = spread + 0.5 * tall  # inches of pen travel, roughly
    # a signature has at least one sweeping stroke; printed letters (a typed name the
    # OCR did not catch) are each smaller than ~0.2 inch
    biggest = max((max(w, h) for (_, _, w, h, _) in kept), default=0) / inch
    has = score >= SCORE_MIN and biggest >= BIG_STROKE_MIN
    margin = min(abs(score - SCORE_MIN) / SCORE_MIN, abs(biggest - BIG_STROKE_MIN) / max(BIG_STROKE_MIN, 1e-6))
    conf = float(min(0.99, 0.55 + 0.45 * min(1.0, margin)))
    if not line_found:
        conf *= 0.8
    reg_bbox = (float(rl + cx0), float(top + cy0), float(rr + cx0), float(bottom + cy0))
    ox, oy = rl + cx0, top + cy0
    boxes = tuple((float(x + ox), float(y + oy), float(x + w + ox), float(y + h + oy))
                  for (x, y, w, h, _) in kept)
    return InkResult(ratio, bool(has), conf, reg_bbox, spread, line_found, float(score), boxes)


# ----------------------------------------------------------------------------- fields

def _printed_boxes(page: Page, label: Segment) -> list[BBox]:
    """Word boxes to ignore when measuring ink: confident, word-like OCR words. A
    signature is often OCR'd as junk ("eae oF"), which is low-confidence and not masked;
    it can also come out as a short confident "word" ("SN" at 0.85), so short words must
    be very confident. (Short printed words left unmasked cannot pass for a signature:
    their letters are smaller than the sweeping stroke a signature needs.)"""
    out = []
    for w in page.words:
        t = w.text.strip()
        alnum = sum(c.isalnum() for c in t)
        if alnum < 2 or alnum < 0.7 * len(t):
            continue
        if w.conf >= 0.8 and (alnum >= 4 or w.conf >= 0.9):
            out.append(w.bbox)
    return out


def _next_label_x(label: SignatureLabel) -> Optional[float]:
    """Start of the next printed segment to the right on the label's row (a Date label)."""
    x0, y0, x1, y1 = label.segment.bbox
    segs = label.page_segments if label.page_segments is not None else segments(label.page.words)
    xs = [s.bbox[0] for s in segs
          if s.bbox[0] > x1 and abs(s.bbox[1] - y0) < 0.8 * (y1 - y0)]
    return min(xs) - 0.1 * label.page.dpi if xs else None


def measure(label: SignatureLabel) -> tuple[InkResult, Field]:
    page = label.page
    res = ink_above_line(page.image, label.segment.bbox, page.dpi,
                         mask_boxes=_printed_boxes(page, label.segment),
                         x_stop=_next_label_x(label))
    field = Field(value=res.has_signature, confidence=res.confidence * (0.6 + 0.4 * label.score),
                  page=page.number, bbox=res.region, evidence=label.segment.text,
                  provenance="ink", present=res.has_signature)
    return res, field


def read_signatures(pages: list[Page]) -> dict[str, Optional[Field]]:
    """parent_signed / official_signed / supervisor_signed for a form, or None where
    the form has no such signature line. Pages without an image are skipped."""
    best: dict[str, tuple[tuple[float, int], SignatureLabel]] = {}
    for page in pages:
        if page.image is None:
            continue
        labels = find_labels(page)
        # equally good labels on two pages (a bare "Signature" on an attachment and on
        # the form): the page with more signature lines is the form
        n_roles = len({lab.role for lab in labels if lab.role != "unknown"})
        for lab in labels:
            if lab.role not in FIELD_OF_ROLE:
                continue
            key = (lab.score, n_roles)
            if lab.role not in best or key > best[lab.role][0]:
                best[lab.role] = (key, lab)
    out: dict[str, Optional[Field]] = {f: None for f in FIELD_OF_ROLE.values()}
    for role, (_, lab) in best.items():
        out[FIELD_OF_ROLE[role]] = measure(lab)[1]
    return out
