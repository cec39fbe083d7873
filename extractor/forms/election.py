"""Check boxes, hand marks and the form's election, with OpenCV.

``find_boxes`` finds printed square boxes on any greyscale image and says whether each
is marked; ``box_ink`` / ``inside_ink`` measure one box. ``read_election`` finds the
option lines by their text (``extractor.forms.options``), the boxes or letters that go with
them, and decides which option carries a mark: a box's inside ink, or hand ink beside
the option (an ellipse round a letter, a tick in the margin, a scribble that drowned
a box) judged against the other options, or an underline.

Why the box detector works on *line masks*: a tick, an X or a scribble crosses the box
border and breaks the box's outline as a contour, but a morphological opening with
long horizontal/vertical kernels keeps only straight strokes, so the frame (and its
hole) survives whatever is drawn inside it. Several kernel lengths are tried (a longer
one removes more of a mark) and the box size range follows the dpi.

Why ink is judged against the page's own levels: scans arrive with shadows, lighting
bands, grey paper, faded or blurred borders and fax binarisation. The image is divided
by its background (a median over a window larger than any box) first, and the ink
inside a box is counted after cutting the border away and dropping speckle-sized
components, so noise, salt-and-pepper and blur do not read as marks.

Why marks beside an option are compared with the other options: the printed matter
there (an option letter, "Option 1:", a box frame) is the same for every option, so
the least-inked option is the baseline and only what exceeds it is hand ink.
"""
from __future__ import annotations


from typing import Optional

import cv2
import numpy as np

from extractor.model import BBox, Box, Field, Page, Word  # noqa: F401 (Box: part of this module's API)
from extractor.preprocess import components, mask_of, without_small_components
from extractor.reader.marks import read_boxes, read_letters
from extractor.reader.textclf import option_meaning
from extractor.forms.options import (OPTION_LABELS, UNREAD, Option, add_unread_options, caption,
                                     find_options, page_lines, text_column, trim_options, wordlike)

# share of the inside of a box covered by ink above which the box is marked; an empty
# box on a noisy scan stays under 0.02, the faintest tick in the dev set is over 0.06
MARK_RATIO = 0.045
# below this ink share a box is surely empty, above MARK_RATIO * 2 surely marked:
# in between, the confidence of the decision drops
SURE_EMPTY = 0.02
SURE_MARKED = 0.09
# background-normalised grey levels (paper = 255): box borders, marks
LINE_LEVEL = 215
INK_LEVEL = 170


# Box (a check box found on the page: bbox, ink, marked, confidence) lives in
# extractor.model, so the option reader can hold one without importing this module.


def normalise_background(grey: np.ndarray, size: int) -> np.ndarray:
    """Divide the image by its local background so shadows, grey paper and uneven
    lighting become white while ink keeps its contrast.

    The background is a median over a ``size`` window (on a 4x reduced image, for
    speed): ink covers well under half of any such window, so the median is the
    paper, and unlike a max filter or a closing it follows a lighting band or shadow
    edge that is narrower than the window. A light closing first removes thin strokes.
    """
    size = max(3, size | 1)
    f = 4 if min(grey.shape) >= 8 * 4 else 1
    small = cv2.resize(grey, (max(1, grey.shape[1] // f), max(1, grey.shape[0] // f)),
                       interpolation=cv2.INTER_AREA)
    k = max(3, (size // f) | 1)
    bg = cv2.medianBlur(small, min(k, 255 if k <= 255 else 255))
    bg = cv2.resize(bg, (grey.shape[1], grey.shape[0]), interpolation=cv2.INTER_LINEAR)
    bg = np.maximum(bg, cv2.morphologyEx(grey, cv2.MORPH_CLOSE,
                                         cv2.getStructuringElement(cv2.MORPH_RECT, (7, 7))))
    norm = cv2.divide(grey.astype(np.float32), np.maximum(bg.astype(np.float32), 1.0),
                      scale=255.0)
    return np.clip(norm, 0, 255).astype(np.uint8)


def ink_mask(grey: np.ndarray, bg_size: int = 61, level: int = 170) -> np.ndarray:
    """Binary ink mask (255 = ink) of a greyscale image, background-normalised."""
    if grey.ndim == 3:
        grey = cv2.cvtColor(grey, cv2.COLOR_BGR2GRAY)
    norm = normalise_background(grey, bg_size)
    return mask_of(norm < level)


def _side_range(shape: tuple[int, int], dpi: Optional[float]) -> tuple[int, int]:
    if dpi:
        return max(8, int(0.06 * dpi)), int(0.45 * dpi)
    return 8, max(60, int(0.06 * min(shape)))


def _frame_mask(ink: np.ndarray, k: int) -> np.ndarray:
    """Straight horizontal and vertical strokes at least ``k`` pixels long."""
    h = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (k, 1)))
    v = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, k)))
    # lengthen strokes along their own direction only, to join rounded or broken
    # corners without merging a box with a parallel rule a pixel or two away
    g = max(3, k // 4) | 1
    h = cv2.dilate(h, cv2.getStructuringElement(cv2.MORPH_RECT, (g, 1)))
    v = cv2.dilate(v, cv2.getStructuringElement(cv2.MORPH_RECT, (1, g)))
    return cv2.bitwise_or(h, v)


def _sides_present(frame: np.ndarray, x0: int, y0: int, x1: int, y1: int) -> float:
    """Smallest share, over the four sides of the rectangle, of positions where the
    frame mask has ink within a few pixels of the side."""
    t = max(2, (x1 - x0) // 8)
    H, W = frame.shape
    def cov(region: np.ndarray, axis: int) -> float:
        if region.size == 0:
            return 0.0
        return float((region.max(axis=axis) > 0).mean())
    top = frame[max(0, y0 - t):min(H, y0 + t + 1), x0 + t:x1 - t]
    bot = frame[max(0, y1 - t):min(H, y1 + t + 1), x0 + t:x1 - t]
    lef = frame[y0 + t:y1 - t, max(0, x0 - t):min(W, x0 + t + 1)]
    rig = frame[y0 + t:y1 - t, max(0, x1 - t):min(W, x1 + t + 1)]
    return min(cov(top, 0), cov(bot, 0), cov(lef, 1), cov(rig, 1))


def _straight_sides(ink: np.ndarray, x0: int, y0: int, x1: int, y1: int) -> bool:
    """Each side of the rectangle is a straight stroke in the raw ink along 10-90% of
    its length: true of a box (even with rounded corners), false of a round letter
    ("o", "a", "d") that the frame mask's stroke lengthening has squared off."""
    side = min(x1 - x0, y1 - y0)
    band = max(2, side // 6)
    ex, ey = max(1, (x1 - x0) // 10), max(1, (y1 - y0) // 10)
    parts = ((ink[y0:y0 + band, x0 + ex:x1 - ex + 1], 0),
             (ink[max(0, y1 - band + 1):y1 + 1, x0 + ex:x1 - ex + 1], 0),
             (ink[y0 + ey:y1 - ey + 1, x0:x0 + band], 1),
             (ink[y0 + ey:y1 - ey + 1, max(0, x1 - band + 1):x1 + 1], 1))
    return all(p.size > 0 and (p.max(axis=ax) > 0).mean() >= 0.8 for p, ax in parts)


def _square_corners(ink: np.ndarray, x0: int, y0: int, x1: int, y1: int) -> bool:
    """Ink close to all four corners: true of a box, even one with rounded corners,
    false of a letter with a round side."""
    r = max(2, int(round(0.12 * min(x1 - x0, y1 - y0))))
    H, W = ink.shape
    for cx, cy, dx, dy in ((x0, y0, 1, 1), (x1, y0, -1, 1), (x0, y1, 1, -1), (x1, y1, -1, -1)):
        xa, xb = sorted((cx, cx + dx * r))
        ya, yb = sorted((cy, cy + dy * r))
        if not ink[max(0, ya):min(H, yb + 1), max(0, xa):min(W, xb + 1)].any():
            return False
    return True


def _border_width(ink: np.ndarray, x0: int, y0: int, x1: int, y1: int) -> int:
    """Thickness of the box border: the median run of ink inward from each side
    along the middle half of the box."""
    def run(a: np.ndarray) -> int:
        # depth from the bbox edge to the inner edge of the border: a pixel or two of
        # paper may come first (the bbox is of a slightly dilated frame)
        ink_at = np.flatnonzero(a)
        if ink_at.size == 0 or ink_at[0] > 2:
            return 0
        start = int(ink_at[0])
        rest = a[start:]
        return lim if rest.all() else start + int(np.argmin(rest))
    runs = []
    w, h = x1 - x0, y1 - y0
    lim = max(1, min(w, h) // 3)
    for i in range(y0 + h // 4, y1 - h // 4 + 1, max(1, h // 8)):
        row = ink[i, x0:x1 + 1] > 0
        runs += [run(row[:lim]), run(row[::-1][:lim])]
    for j in range(x0 + w // 4, x1 - w // 4 + 1, max(1, w // 8)):
        col = ink[y0:y1 + 1, j] > 0
        runs += [run(col[:lim]), run(col[::-1][:lim])]
    return int(np.median(runs)) if runs else 1


def box_ink(ink: np.ndarray, bbox: BBox, border: Optional[int] = None) -> float:
    """Share of a box's inside (border and a safety margin cut away) covered by ink,
    counting only ink components bigger than speckle."""
    x0, y0, x1, y1 = (int(round(v)) for v in bbox)
    side = max(1, min(x1 - x0, y1 - y0))
    if border is None:
        border = _border_width(ink, x0, y0, x1, y1)
    # a border run that fills the whole search depth means the box is solid ink
    inset = min(border, side // 4) + max(1, side // 10)
    return _ink_share(ink[y0 + inset:y1 - inset + 1, x0 + inset:x1 - inset + 1], side)


def inside_ink(ink: np.ndarray, inner: BBox) -> float:
    """Ink share of a box's inside given as the bbox of the frame's hole."""
    x0, y0, x1, y1 = (int(round(v)) for v in inner)
    side = max(1, min(x1 - x0, y1 - y0))
    m = max(1, side // 12)  # the hole's edge pixels may carry border halo
    return _ink_share(ink[y0 + m:y1 - m + 1, x0 + m:x1 - m + 1], side)


def _ink_share(inner: np.ndarray, side: int) -> float:
    if inner.size == 0:
        return 0.0
    n, _, stats, _ = components(inner)
    min_area = max(2, (side // 12) ** 2)
    kept = sum(int(stats[i, cv2.CC_STAT_AREA]) for i in range(1, n)
               if stats[i, cv2.CC_STAT_AREA] >= min_area)
    return kept / float(inner.size)


def decide(ink_share: float) -> tuple[bool, float]:
    """Marked or not from the ink share, with a confidence that falls near the cut."""
    marked = ink_share >= MARK_RATIO
    if marked:
        conf = 0.6 + 0.4 * min(1.0, (ink_share - MARK_RATIO) / (SURE_MARKED - MARK_RATIO))
    else:
        conf = 0.6 + 0.4 * min(1.0, (MARK_RATIO - ink_share) / (MARK_RATIO - SURE_EMPTY))
    return marked, round(min(1.0, conf), 3)


def find_boxes(image: np.ndarray, dpi: Optional[float] = None,
               min_side: Optional[int] = None, max_side: Optional[int] = None,
               decider: str = "learned") -> list[Box]:
    """Square check boxes on a page image, each with its ink share and decision.

    ``dpi`` (or ``min_side``/``max_side`` in pixels) sets the size range; without them
    boxes of 8 px up to 6% of the shorter image side are looked for.

    ``decider`` "learned" (the default) reads marked/empty with the trained mark
    classifier (``extractor.reader.marks``: as good as the ink-share rule on real check-box
    scans, better on generated validation forms, and its confidence is a calibrated
    probability); "ink" keeps the ink-share rule (``decide``) for comparison.
    """
    if decider not in ("learned", "ink"):
        raise ValueError(f"decider must be 'learned' or 'ink', not {decider!r}")
    grey = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    lo, hi = _side_range(grey.shape, dpi)
    lo, hi = min_side or lo, max_side or hi
    norm = normalise_background(grey, max(31, 2 * hi + 1))
    # box borders may be printed light grey: a sensitive cut finds them; marks are
    # counted with a firmer cut so a grey box tint or JPEG halo is not a mark
    lines = _without_dark_areas(mask_of(norm < LINE_LEVEL), hi)
    ink = _without_dark_areas(mask_of(norm < INK_LEVEL), hi)
    cands: list[tuple[int, tuple[Rect, Optional[Rect]]]] = []
    k = max(5, int(lo * 0.6))
    while k <= hi * 0.65:
        cands += [(k, c) for c in _candidates(lines, ink, k, max(lo, int(k / 0.65)), hi)]
        k = int(k * 1.5)
    boxes: list[Box] = []
    # the biggest kernel that still keeps a box's frame removes most of any mark
    # drawn through it: prefer its reading of the box
    kept: list[Rect] = []
    for k, ((x0, y0, x1, y1), inner) in sorted(cands, key=lambda kc: -kc[0]):
        if any(_iou((x0, y0, x1, y1), o) >= 0.4 for o in kept):
            continue
        kept.append((x0, y0, x1, y1))
        if inner is not None:
            share = inside_ink(ink, inner)
        else:
            share = box_ink(ink, (x0, y0, x1, y1), border=_border_width(lines, x0, y0, x1, y1))
        marked, conf = decide(share)
        boxes.append(Box((float(x0), float(y0), float(x1), float(y1)), round(share, 4),
                         marked, conf))
    if decider == "learned" and boxes:
        for i, r in enumerate(read_boxes(grey, [b.bbox for b in boxes])):
            conf = round(max(r.p_marked, 1.0 - r.p_marked), 3)
            boxes[i] = Box(boxes[i].bbox, boxes[i].ink, r.marked, conf)
    return sorted(boxes, key=lambda b: (b.bbox[1], b.bbox[0]))


Rect = tuple[int, int, int, int]


def _without_dark_areas(mask: np.ndarray, hi: int) -> np.ndarray:
    """Remove solid dark areas larger than any box (a scanner's black page border, a
    dark table header): a box touching one would otherwise be part of it."""
    k = hi + 1
    if min(mask.shape) <= k:
        return mask
    square = cv2.getStructuringElement(cv2.MORPH_RECT, (k, k))
    # the opening, in its two halves: a page without such an area (nearly all) is
    # answered by the erosion alone, at half the cost
    solid = cv2.erode(mask, square)
    if not solid.any():
        return mask
    solid = cv2.dilate(solid, square)
    solid = cv2.dilate(solid, cv2.getStructuringElement(cv2.MORPH_RECT, (5, 5)))
    return cv2.bitwise_and(mask, cv2.bitwise_not(solid))


def _candidates(lines: np.ndarray, ink: np.ndarray, k: int, lo: int, hi: int
                ) -> list[tuple[Rect, Optional[Rect]]]:
    """Rectangles of side lo..hi outlined by straight strokes at least k long, as
    (outer bbox, inside bbox): the inside is the frame's hole, None for a solid box."""
    frame = _frame_mask(lines, k)
    contours, hier = cv2.findContours(frame, cv2.RETR_CCOMP, cv2.CHAIN_APPROX_SIMPLE)
    out = []
    for i, c in enumerate(contours):
        x, y, w, h = cv2.boundingRect(c)
        if not 0.6 <= w / h <= 1.65 or min(w, h) < 6:
            continue
        is_hole = hier[0][i][3] != -1
        # not rectangular: a letter bowl (a hole), a blob; an outline may carry a mark
        # sticking out of it (the polygon runs through pixel centres: (w-1)(h-1))
        if cv2.contourArea(c) < (0.88 if is_hole else 0.7) * (w - 1) * (h - 1):
            continue
        x0, y0, x1, y1 = x, y, x + w - 1, y + h - 1
        if is_hole:
            # a hole: OpenCV traces it on the frame's innermost pixels
            t = _ring_width(frame, x0, y0, x1, y1)
            # a box's border is thin beside its inside; a bold letter's bowl is not
            if t == 0 or t > 0.45 * min(w, h):
                continue
            outer = (x0 - t + 1, y0 - t + 1, x1 + t - 1, y1 + t - 1)
            inner: Optional[Rect] = (x0 + 1, y0 + 1, x1 - 1, y1 - 1)
        else:
            # a round solid blob is a punch hole, not a filled box
            per = cv2.arcLength(c, True)
            if per > 0 and 4 * np.pi * cv2.contourArea(c) / (per * per) > 0.86:
                continue
            # the outline of a box (its hole is a candidate of its own, unless a
            # scribble broke it) or a filled box
            outer, inner = _tighten(frame, x0, y0, x1, y1), None
            # (on the firm ink mask: a punch hole's blurred rim is not a corner)
            if not _square_corners(ink, *outer):
                continue  # a bold letter ("B", "D") outlines like a box but for its corners
            side = min(outer[2] - outer[0], outer[3] - outer[1])
            if ink[outer[1]:outer[3] + 1, outer[0]:outer[2] + 1].mean() < 0.8 * 255 \
                    and _border_width(lines, *outer) > 0.25 * side:
                continue  # not filled, yet its "border" is a bold letter's stem
        ow, oh = outer[2] - outer[0] + 1, outer[3] - outer[1] + 1
        if not (lo <= ow <= hi and lo <= oh <= hi):
            continue
        if _sides_present(frame, *outer) < 0.8 or not _straight_sides(lines, *outer):
            continue
        out.append((outer, inner))
    return out


def _tighten(frame: np.ndarray, x0: int, y0: int, x1: int, y1: int) -> Rect:
    """Shrink an outline's bbox to the box's own sides: a mark sticking out of the
    box widens the outline, but only the frame has long straight rows and columns."""
    sub = frame[y0:y1 + 1, x0:x1 + 1] > 0
    h, w = sub.shape
    rows, cols = sub.mean(axis=1), sub.mean(axis=0)
    def first(v: np.ndarray) -> int:
        hit = np.flatnonzero(v[: max(1, len(v) // 4)] >= 0.6)
        return int(hit[0]) if hit.size else 0
    return (x0 + first(cols), y0 + first(rows), x1 - first(cols[::-1]), y1 - first(rows[::-1]))


def _ring_width(frame: np.ndarray, x0: int, y0: int, x1: int, y1: int) -> int:
    """Median thickness of the frame around a hole (given by the bbox of the frame's
    innermost pixels), measured outward at three places on each side."""
    H, W = frame.shape
    lim = max(3, min(x1 - x0, y1 - y0))
    widths = []
    for f in (0.3, 0.5, 0.7):
        xm = int(x0 + f * (x1 - x0))
        ym = int(y0 + f * (y1 - y0))
        rays = (frame[max(0, y0 - lim):y0 + 1, xm][::-1], frame[y1:y1 + 1 + lim, xm],
                frame[ym, max(0, x0 - lim):x0 + 1][::-1], frame[ym, x1:x1 + 1 + lim])
        for ray in rays:
            on = ray > 0
            widths.append(lim if on.all() else int(np.argmin(on)))
    return int(np.median(widths))


def _iou(a, b) -> float:
    ix = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    ua = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / ua if ua > 0 else 0.0


# ---------------------------------------------------------------------------------
# The election: which option of the form the parent marked
# ---------------------------------------------------------------------------------

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


def _block_boxes(page: Page, opts: list[Option]) -> list[Box]:
    """Check boxes found round the option block, in page (working image) pixels."""
    x0, y0, x1, y1 = _block_region(page, opts)
    return [Box((b.bbox[0] + x0, b.bbox[1] + y0, b.bbox[2] + x0, b.bbox[3] + y0), b.ink, b.marked,
                b.confidence)
            for b in find_boxes(page.image[y0:y1, x0:x1], dpi=page.dpi or 300.0)]


def _measure(page: Page, opts: list[Option], col: float, boxes: list[Box]) -> None:
    """Fill in each option's box, margin ink and underline from the page image."""
    h = float(np.median([o.height for o in opts]))
    x0, y0, x1, y1 = _block_region(page, opts)
    x0 = int(min(x0, max(0, col - 12 * h)))
    crop = page.image[y0:y1, x0:x1]
    # (the background window must outgrow punch holes and filled boxes)
    norm = normalise_background(crop, int(max(4 * h, 0.3 * (page.dpi or 300.0))) | 1)
    ink = without_small_components(mask_of(norm < INK_LEVEL), max(4, int((0.12 * h) ** 2)))
    ink = _drop_holes(_without_dark_areas(ink, _side_range(ink.shape, page.dpi or 300.0)[1]), h)
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
    """The margin strip without printed horizontal rules (the line initials are
    written on): straight strokes three text heights long. A hand mark is no such
    stroke, and initials on the line keep their letters."""
    k = max(5, int(3 * h))
    if strip.shape[1] <= k or not strip.any():
        return strip
    runs = _horizontal_runs(strip, h, k)
    if not runs.any():
        return strip
    return cv2.bitwise_and(strip, cv2.bitwise_not(runs))


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
             and not any(_iou(b.bbox, m) > 0.3 for m in letters) and not inside_word(b)]
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
    boxes = _block_boxes(page, opts)
    col = text_column(opts, [b.bbox for b in boxes])
    trim_options(opts, col)
    grown = add_unread_options(opts, page_lines(page), col)
    if len(grown) > len(opts):  # the block may now reach further: look for its boxes again
        opts, boxes = grown, _block_boxes(page, grown)
    _measure(page, opts, col, boxes)
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
    shown = marked if marked else opts
    evidence = " | ".join(f"[{'X' if o.marked else ' '}] {_short(o.text_from(col))}" for o in shown)
    hows = sorted({o.how for o in marked}) if marked else sorted({o.how for o in opts})
    return Field(value=value, confidence=round(conf, 3), page=page.number,
                 bbox=_option_bbox(marked if len(marked) == 1 else opts),
                 evidence=evidence, provenance="+".join(hows), present=bool(marked))


# circle-one forms: option letters read by the trained letter-mark classifier
# (extractor.reader.marks.read_letters) rather than by margin ink against a baseline.
# Off: on 60 generated validation forms it read more elections wrong or unsure than the
# margin ink does (49 right against 53: false "multiple_marked" on circle-one forms;
# tools/eval_election_generated.py). Kept, measured, for the next step.
LETTER_MARKS = False

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
