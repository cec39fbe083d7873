"""Is a check box marked? A small trained classifier on a crop of the box.

The crop is the box with a quarter of its side of context round it (a tick often
runs out of the box), resized to a fixed grid and normalised by the crop's own paper
level, so a grey scan, a shaded box or a faint pen read alike. The model (an MLP,
``training/forms_marks.py``) was trained on boxes drawn with the generator's own pen
marks (X, tick, fill, scribble, pre-printed X) and on empty boxes of many print styles
(thin, bold, rounded, shaded, grey) under scan damage; its probability of "marked" is
calibrated on a held-out split of drawn boxes.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import cv2
import numpy as np

from extractor.reader.artefacts import calibrate, load_arrays, load_json, mlp_output

GRID = 28  # crop side after resizing, pixels
CONTEXT = 0.25  # context round the box, as a share of its longer side
CLASSES = ("empty", "tick", "cross", "fill", "scribble")


@dataclass(frozen=True)
class MarkReading:
    marked: bool
    p_marked: float  # calibrated probability that the box carries a mark
    kind: str  # most likely class: empty / tick / cross / fill / scribble


def crop_features(grey: np.ndarray, bbox: Sequence[float]) -> np.ndarray:
    """Fixed-length features of the box ``bbox`` (x0, y0, x1, y1 in pixels) on a
    greyscale image: the normalised ink of the crop on a GRID x GRID grid."""
    x0, y0, x1, y1 = (float(v) for v in bbox)
    m = CONTEXT * max(x1 - x0, y1 - y0, 1.0)
    return _grid(grey, (x0 - m, y0 - m, x1 + m, y1 + m), bbox)


def letter_features(grey: np.ndarray, bbox: Sequence[float]) -> np.ndarray:
    """Features of a printed option letter ("A.", "(2)") with the room round it where
    a hand circles it or ticks the margin: a text height above and below, two to the
    left, one to the right."""
    x0, y0, x1, y1 = (float(v) for v in bbox)
    h = max(y1 - y0, 1.0)
    return _grid(grey, (x0 - 2.0 * h, y0 - 0.9 * h, x1 + 1.0 * h, y1 + 0.9 * h), bbox)


def _grid(grey: np.ndarray, region: Sequence[float], bbox: Sequence[float]) -> np.ndarray:
    if grey.ndim == 3:
        grey = cv2.cvtColor(grey, cv2.COLOR_BGR2GRAY)
    a0, b0, a1, b1 = (int(round(v)) for v in region)
    H, W = grey.shape
    crop = grey[max(0, b0):min(H, b1 + 1), max(0, a0):min(W, a1 + 1)]
    if crop.size == 0:
        raise ValueError(f"box {tuple(bbox)} lies outside the image ({W}x{H})")
    # the paper level: a high percentile of the crop (most of it is paper, even with
    # a shaded box inside); cut off the image edge, the crop is padded with paper
    paper = max(float(np.percentile(crop, 90)), 1.0)
    full = np.full((b1 - b0 + 1, a1 - a0 + 1), paper, np.float32)
    full[max(0, b0) - b0:max(0, b0) - b0 + crop.shape[0],
         max(0, a0) - a0:max(0, a0) - a0 + crop.shape[1]] = crop
    small = cv2.resize(full, (GRID, GRID), interpolation=cv2.INTER_AREA)
    return (1.0 - np.clip(small / paper, 0.0, 1.0)).ravel().astype(np.float32)


def _mlp(x: np.ndarray, w: dict[str, np.ndarray]) -> np.ndarray:
    """Class probabilities (softmax over the exported MLP's outputs)."""
    h = mlp_output(x, w)
    h = h - h.max(axis=1, keepdims=True)
    e = np.exp(h)
    return e / e.sum(axis=1, keepdims=True)


def read_letters(grey: np.ndarray, bboxes: Sequence[Sequence[float]]) -> list[float]:
    """Calibrated probability that each option letter is circled or ticked beside
    (circle-one forms; ``training/forms_letter_marks.py``)."""
    if not bboxes:
        return []
    w = load_arrays("letters.npz")
    x = (np.stack([letter_features(grey, b) for b in bboxes]) - w["mean"]) / w["scale"]
    raw = _mlp(x, w)[:, 1] if int(w["n_out"]) == 2 else 1.0 / (1.0 + np.exp(-_logit(x, w)))
    return [round(float(p), 4) for p in calibrate(raw, w["cal_x"], w["cal_y"])]


def _logit(x: np.ndarray, w: dict[str, np.ndarray]) -> np.ndarray:
    h = x
    n = int(w["n_layers"])
    for i in range(n):
        h = h @ w[f"W{i}"] + w[f"b{i}"]
        if i < n - 1:
            h = np.maximum(h, 0.0)
    return np.clip(h[:, 0], -50, 50)


def class_probabilities(features: np.ndarray) -> np.ndarray:
    """Uncalibrated class probabilities (rows of features -> rows over CLASSES)."""
    w = load_arrays("marks.npz")
    x = (np.atleast_2d(features) - w["mean"]) / w["scale"]
    return _mlp(x, w)


def read_boxes(grey: np.ndarray, bboxes: Sequence[Sequence[float]]) -> list[MarkReading]:
    """The mark reading of each box on the image."""
    if not bboxes:
        return []
    cfg = load_json("marks.json")
    w = load_arrays("marks.npz")
    probs = class_probabilities(np.stack([crop_features(grey, b) for b in bboxes]))
    p_marked = calibrate(1.0 - probs[:, 0], w["cal_x"], w["cal_y"])
    cut = float(cfg["threshold"])
    return [MarkReading(bool(p >= cut), round(float(p), 4), CLASSES[int(np.argmax(pr))])
            for p, pr in zip(p_marked, probs)]
