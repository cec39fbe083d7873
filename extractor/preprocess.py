"""Page preprocessing with OpenCV: rescale to ~300 dpi, deskew.

``prepare`` returns the working image and the affine matrix mapping working
coordinates back to the source image, so bboxes can always be reported in the pixels
of the file the user gave.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import cv2
import numpy as np

TARGET_DPI = 300.0


@dataclass
class Prepared:
    image: np.ndarray  # greyscale uint8 working image
    dpi: float
    to_source: tuple  # 2x3 affine, working -> source
    notes: dict = field(default_factory=dict)


def _invert_affine(m: np.ndarray) -> tuple:
    inv = cv2.invertAffineTransform(m.astype(np.float64))
    return tuple(tuple(float(v) for v in row) for row in inv)


def estimate_skew(grey: np.ndarray) -> float:
    """Skew angle in degrees (positive = text rises to the right... as cv2 rotates)
    from the dominant direction of long horizontal strokes (text lines, rulings)."""
    small_scale = 1000.0 / max(grey.shape)
    small = cv2.resize(grey, None, fx=small_scale, fy=small_scale, interpolation=cv2.INTER_AREA) \
        if small_scale < 1 else grey
    bw = cv2.adaptiveThreshold(small, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 31, 15)
    # smear characters into line blobs
    blobs = cv2.morphologyEx(bw, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (25, 1)))
    n, _, stats, _ = cv2.connectedComponentsWithStats(blobs)
    best = None
    angles = np.arange(-5.0, 5.01, 0.1)
    ys, xs = np.nonzero(blobs)
    if len(xs) < 100:
        return 0.0
    # projection profile: the angle whose row histogram is sharpest
    pts = np.stack([xs, ys], axis=1).astype(np.float32)
    cx, cy = small.shape[1] / 2, small.shape[0] / 2
    scores = []
    for a in angles:
        t = np.deg2rad(a)
        yr = -(pts[:, 0] - cx) * np.sin(t) + (pts[:, 1] - cy) * np.cos(t)
        hist = np.bincount((yr - yr.min()).astype(np.int32))
        scores.append(float((hist.astype(np.float64) ** 2).sum()))
    best = float(angles[int(np.argmax(scores))])
    return best


def prepare(grey: np.ndarray, dpi: float) -> Prepared:
    notes: dict = {}
    scale = 1.0
    if dpi and dpi < 0.8 * TARGET_DPI:
        scale = TARGET_DPI / dpi
    angle = estimate_skew(grey)
    notes["skew_deg"] = round(angle, 2)
    h, w = grey.shape[:2]
    nw, nh = int(round(w * scale)), int(round(h * scale))
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle if abs(angle) >= 0.15 else 0.0, scale)
    m[0, 2] += (nw - w) / 2
    m[1, 2] += (nh - h) / 2
    work = cv2.warpAffine(grey, m, (nw, nh), flags=cv2.INTER_CUBIC,
                          borderMode=cv2.BORDER_CONSTANT, borderValue=255)
    notes["scale"] = round(scale, 3)
    return Prepared(image=work, dpi=dpi * scale if dpi else TARGET_DPI,
                    to_source=_invert_affine(m), notes=notes)
