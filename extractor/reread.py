"""Second reading of one field: the crop of its writing, ruling removed, OCR'd as a
single line, restricted to the characters the field can hold.

A full-page pass reads handwriting on a fill line badly (the line merges with the
descenders and the page layout analysis splits the writing); a crop of just that field
with the line erased, read as one line of digits, often comes out right. It costs one
small Tesseract call, so it is only made when the first reading failed or is doubtful.
"""
from __future__ import annotations

from typing import Optional

import cv2
import numpy as np

from extractor.errors import OcrError
from extractor.model import BBox, Page
from extractor.ocr import tesseract

A_NUMBER_CHARS = "A0123456789-#"


def field_crop(image: np.ndarray, bbox: BBox, pad_x: int = 40) -> Optional[np.ndarray]:
    """The writing around ``bbox`` on a white background, with long horizontal rulings
    removed, padded as Tesseract likes a single line."""
    x0, y0, x1, y1 = (int(v) for v in bbox)
    h = max(8, y1 - y0)
    X0, X1 = max(0, x0 - pad_x), min(image.shape[1], x1 + pad_x)
    Y0, Y1 = max(0, y0 - int(0.6 * h)), min(image.shape[0], y1 + int(0.5 * h))
    if X1 - X0 < 8 or Y1 - Y0 < 8:
        return None
    crop = image[Y0:Y1, X0:X1]
    bw = cv2.adaptiveThreshold(crop, 255, cv2.ADAPTIVE_THRESH_GAUSSIAN_C, cv2.THRESH_BINARY, 31, 15)
    rules = cv2.morphologyEx(255 - bw, cv2.MORPH_OPEN,
                             cv2.getStructuringElement(cv2.MORPH_RECT, (max(40, (X1 - X0) // 6), 1)))
    clean = cv2.bitwise_or(bw, rules)
    return cv2.copyMakeBorder(clean, 20, 20, 20, 20, cv2.BORDER_CONSTANT, value=255)


def reread(page: Page, bbox: Optional[BBox], whitelist: Optional[str] = None,
           lang: str = "eng") -> tuple[str, float]:
    """Text and confidence of a second reading, ('', 0.0) when there is nothing to read."""
    if page.image is None or bbox is None:
        return "", 0.0
    crop = field_crop(page.image, bbox)
    if crop is None:
        return "", 0.0
    try:
        return tesseract.ocr_line(crop, lang=lang, whitelist=whitelist)
    except OcrError:
        return "", 0.0  # the first reading stands


def value_crop(page: Page, bbox: Optional[BBox], hh: float,
               x_limits: tuple[float, float] = (0.0, 1e9)) -> Optional[tuple[np.ndarray, tuple[float, float]]]:
    """The greyscale crop around a value's words for the glyph recogniser, widened to
    catch glyphs the page OCR left out of the words (up to ``x_limits``: the label's end
    and the next label), and the band (crop y-range) the writing's middle must reach."""
    if page.image is None or bbox is None:
        return None
    x0, y0, x1, y1 = bbox
    X0 = int(max(0, x_limits[0], x0 - 2 * hh))
    X1 = int(min(page.image.shape[1], x_limits[1], x1 + 4 * hh))
    Y0 = int(max(0, y0 - 0.5 * hh))
    Y1 = int(min(page.image.shape[0], y1 + 0.4 * hh))
    if X1 - X0 < 8 or Y1 - Y0 < 8:
        return None
    mid = (y0 + y1) / 2 - Y0
    band = (mid - 0.2 * (y1 - y0), mid + 0.2 * (y1 - y0))
    return page.image[Y0:Y1, X0:X1], band


def glyph_a_number(page: Page, bbox: Optional[BBox], hh: float,
                   x_limits: tuple[float, float] = (0.0, 1e9)):
    """The glyph recogniser's reading of an A-number around ``bbox`` (a
    ``handwriting.Reading`` with value 'A' + 9 digits), or None."""
    from extractor import handwriting
    vc = value_crop(page, bbox, hh, x_limits)
    if vc is None or handwriting.model() is None:
        return None
    return handwriting.read_a_number(*vc)


def glyph_date_text(page: Page, bbox: Optional[BBox], hh: float,
                    x_limits: tuple[float, float] = (0.0, 1e9)):
    """The glyph recogniser's reading of a numeric date's characters, or None."""
    from extractor import handwriting
    vc = value_crop(page, bbox, hh, x_limits)
    if vc is None or handwriting.model() is None:
        return None
    return handwriting.read_numeric_date(*vc)


def glyph_a_numbers(page: Page, bbox: Optional[BBox], hh: float,
                    x_limits: tuple[float, float] = (0.0, 1e9)) -> list:
    """The glyph recogniser's A-numbers of a written list on one line."""
    from extractor import handwriting
    vc = value_crop(page, bbox, hh, x_limits)
    if vc is None or handwriting.model() is None:
        return []
    return handwriting.read_a_numbers(*vc)
