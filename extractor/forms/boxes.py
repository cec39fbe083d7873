"""Printed check boxes on any greyscale image, with OpenCV: where they are and whether
each is marked.

``find_boxes`` finds printed square boxes and says whether each is marked;
``box_ink`` / ``inside_ink`` measure one box; ``decide`` turns an ink share into a
decision and its confidence. The election reader (extractor.forms.election) asks it
about the boxes round an option block.

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
"""
from __future__ import annotations

from typing import Optional

import cv2
import numpy as np

from extractor.model import BBox, Box
from extractor.preprocess import components, mask_of
from extractor.reader.marks import read_boxes

# Box (a check box found on the page: bbox, ink, marked, confidence) lives in
# extractor.model, so the option reader can hold one without importing this module.

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


def side_range(shape: tuple[int, int], dpi: Optional[float]) -> tuple[int, int]:
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
    lo, hi = side_range(grey.shape, dpi)
    lo, hi = min_side or lo, max_side or hi
    norm = normalise_background(grey, max(31, 2 * hi + 1))
    # box borders may be printed light grey: a sensitive cut finds them; marks are
    # counted with a firmer cut so a grey box tint or JPEG halo is not a mark
    lines = without_dark_areas(mask_of(norm < LINE_LEVEL), hi)
    ink = without_dark_areas(mask_of(norm < INK_LEVEL), hi)
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
        if any(iou((x0, y0, x1, y1), o) >= 0.4 for o in kept):
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


def without_dark_areas(mask: np.ndarray, hi: int) -> np.ndarray:
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


def iou(a, b) -> float:
    ix = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    ua = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / ua if ua > 0 else 0.0
