"""A hand-written value read by the project's own Tesseract LSTM model (``hand``).

Debian's eng/spa models read the handwriting faces of these forms badly; the ``hand``
model (models/tesseract-hand/, trained from scratch by
:mod:`training.hand_model`) reads one line of hand-printed names, titles,
interpreter entries, languages, dates and A-numbers. It is given the line exactly as
it was trained on: the value's crop cleaned by :func:`extractor.reread.field_crop`
(rulings erased, binarised), specks removed, trimmed to the writing and recognised as
one raw line (psm 13, no layout analysis).
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Optional

import cv2
import numpy as np

from extractor import models_dir
from extractor.errors import OcrError
from extractor.model import BBox
from extractor.ocr import tesseract
from extractor.reread import field_crop
from extractor.preprocess import components, mask_of, without_small_components

#: None: the installed model (models_dir); tools/hand_crops.py points it at a candidate
MODEL_DIR: Optional[Path] = None
LANG = "hand"
#: connected components of fewer pixels than this are specks (a scan's noise after
#: binarisation), not pen strokes: an i's dot at the smallest size is ~10 px
SPECK_PX = 8
#: white kept around the trimmed writing
MARGIN = 6


def model_dir() -> Path:
    """The folder of hand.traineddata; ModelMissingError when missing or corrupt."""
    return MODEL_DIR or _installed_model_dir()


@functools.lru_cache(maxsize=1)
def _installed_model_dir() -> Path:
    return models_dir.tessdata_dir("tesseract-hand", LANG, "the hand-writing Tesseract model")


def available() -> bool:
    """True; a missing or corrupt model raises (it never silently reads nothing)."""
    model_dir()
    return True


def despeckle(bw: np.ndarray) -> np.ndarray:
    """``bw`` (black ink on white, 0/255 as field_crop binarises it) without connected
    components below SPECK_PX."""
    return cv2.bitwise_not(without_small_components(mask_of(bw < 128), SPECK_PX))


def trim(bw: np.ndarray) -> Optional[np.ndarray]:
    """The writing of ``bw`` cut out with MARGIN white around it; None when blank."""
    ys, xs = np.nonzero(bw < 128)
    if len(ys) == 0:
        return None
    y0, y1, x0, x1 = ys.min(), ys.max() + 1, xs.min(), xs.max() + 1
    return cv2.copyMakeBorder(bw[y0:y1, x0:x1], MARGIN, MARGIN, MARGIN, MARGIN,
                              cv2.BORDER_CONSTANT, value=255)


def own_line(bw: np.ndarray, band: tuple[float, float]) -> np.ndarray:
    """``bw`` with only the writing of the line through ``band`` (crop rows: the
    middle of the value's words): the pen strokes crossing the band, and the marks
    just above or below them small enough to be accents, dots and periods. The crop
    reaches into the printed line above (field_crop takes 0.6 of a line height more),
    which is not the value's."""
    n, lab, stats, _ = components((bw < 128).astype(np.uint8))
    if n <= 1:
        return bw
    top_, h_ = stats[1:, cv2.CC_STAT_TOP], stats[1:, cv2.CC_STAT_HEIGHT]
    bot_ = top_ + h_
    core = (top_ < band[1]) & (bot_ > band[0])
    if not core.any():
        return bw
    top, bot = top_[core].min(), bot_[core].max()
    H = max(1, bot - top)
    near = (~core) & (h_ < 0.5 * H) & (bot_ >= top - 0.12 * H) & (top_ <= bot + 0.12 * H)
    keep = np.concatenate([[False], core | near])
    out = np.full_like(bw, 255)
    out[keep[lab]] = bw[keep[lab]]
    return out


def line_image(image: np.ndarray, bbox: BBox, pad_x: int = 40) -> Optional[np.ndarray]:
    """The line the model reads for the value at ``bbox`` of a greyscale page."""
    crop = field_crop(image, bbox, pad_x=pad_x)
    if crop is None:
        return None
    # where the words' middle is in the crop (field_crop's margins: 0.6 of their
    # height above, a 20 px border)
    x0, y0, x1, y1 = (int(v) for v in bbox)
    h = max(8, y1 - y0)
    top = y0 - max(0, y0 - int(0.6 * h)) + 20
    band = (top + 0.3 * (y1 - y0), top + 0.7 * (y1 - y0))
    return trim(own_line(despeckle(crop), band))


def read_line(line: np.ndarray, timeout: float = 10.0) -> tuple[str, float]:
    """Text and mean word confidence (0..1) of a prepared line."""
    words = tesseract.ocr_words(line, lang=LANG, psm=13, timeout=timeout, variables={},
                                tessdata_dir=str(model_dir()))
    if not words:
        return "", 0.0
    return " ".join(w.text for w in words), sum(w.conf for w in words) / len(words)


def read(image: np.ndarray, bbox: Optional[BBox], pad_x: int = 40) -> tuple[str, float]:
    """The model's reading of the value at ``bbox``; ('', 0.0) when there is nothing to
    read, no model, or Tesseract fails."""
    if image is None or bbox is None or not available():
        return "", 0.0
    line = line_image(image, bbox, pad_x)
    if line is None:
        return "", 0.0
    try:
        return read_line(line)
    except OcrError:
        return "", 0.0
