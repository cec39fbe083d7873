"""Lines the page OCR left out: ink that no word covers, read again one line at a time.

Tesseract's page layout analysis sometimes drops a whole row of a form: a clean
"A-Number: A220-866-718" beside a punch hole or a dark scanner margin comes out as
nothing at all, label included, so no rule downstream can find the field. Read on its
own as one line (psm 7), the same row reads well. This stage finds such rows (ink left
after masking the OCR words, the rulings and blobs that are not text) and returns the
words read there, in page coordinates, for the form extractor to use beside the page's
own. It is only worth its cost where a row is really missing: a page the OCR covered
finds nothing and makes no Tesseract call.
"""
from __future__ import annotations

from typing import Optional

import cv2
import numpy as np

from extractor.errors import OcrError
from extractor.model import BBox, Page, Word
from extractor.ocr import tesseract
from extractor.preprocess import components, fill_boxes, mask_of, mask_of_labels, text_ink

MAX_REGIONS = 8  # Tesseract calls per page at most: a form misses a row or two, not dozens
MIN_WORD_CONF = 0.6  # a recovered word must read clearly: junk here becomes a false label
SCALE = 0.5  # rows are grouped at this scale (when letters stay >= 12 px tall)


def _text_height(words: list[Word]) -> Optional[float]:
    hs = [w.bbox[3] - w.bbox[1] for w in words if w.conf >= 0.8 and len(w.text) >= 3]
    return float(np.median(hs)) if len(hs) >= 5 else None


def missed_rows(page: Page, max_regions: int = MAX_REGIONS) -> list[BBox]:
    """Boxes of rows of ink that no OCR word covers, largest first, at most
    ``max_regions``. A row must look like text: about one to three text heights tall,
    several characters wide, made of several marks (not a logo, a hole or a smudge)."""
    if page.image is None:
        return []
    h = _text_height(page.words)
    if h is None:
        return []
    grey = page.image
    packed = page.text_ink
    if packed is not None and tuple(packed.shape) == grey.shape[:2]:
        ink = packed.unpack()  # as preprocessing found it
    else:
        ink = text_ink(grey, page.dpi or 300)
    fill_boxes(ink, [w.bbox for w in page.words], int(0.3 * h), 0)
    # the marks are grouped at half resolution (a quarter of the pixels to label): a
    # pixel there is ink when any of its four was, so faint thin strokes are kept
    s = SCALE if h * SCALE >= 12 else 1.0
    if s != 1.0:
        ink = cv2.resize(ink, None, fx=s, fy=s, interpolation=cv2.INTER_AREA)
        ink = mask_of(ink > 0)
        h *= s
    H, W = ink.shape
    # keep marks of a letter's size: no specks, no holes, shadows or pictures
    # (vectorised over the components: a page has thousands)
    n, labels, stats, _ = components(ink)
    x, y, cw, ch, area = (stats[:, i] for i in range(5))
    touches = (x == 0) | (y == 0) | (x + cw >= W) | (y + ch >= H)
    keep = ((ch >= 0.25 * h) & (ch <= 2.5 * h) & (cw <= 4 * h) & (area >= 0.02 * h * h)
            & ~touches)
    keep[0] = False
    if not keep.any():
        return []
    marks = mask_of_labels(keep, labels)
    joined = cv2.dilate(marks, cv2.getStructuringElement(cv2.MORPH_RECT, (int(1.2 * h), 1)))
    n, rlabels, rstats, _ = components(joined)
    cw, ch = rstats[:, 2], rstats[:, 3]
    sized = (cw >= 2.5 * h) & (ch >= 0.5 * h) & (ch <= 3 * h)
    sized[0] = False
    # a word is several letters or digits: count the marks each row holds
    centres = stats[keep, :2] + stats[keep, 2:4] // 2
    owner = rlabels[centres[:, 1], centres[:, 0]]
    parts = np.bincount(owner, minlength=n)
    pick = np.nonzero(sized & (parts >= 3))[0]
    rows = [(x0 / s, y0 / s, (x0 + bw) / s, (y0 + bh) / s)
            for x0, y0, bw, bh in rstats[pick, :4].tolist()]
    rows.sort(key=lambda b: (b[2] - b[0]) * (b[3] - b[1]), reverse=True)
    return rows[:max_regions]


def read_row(page: Page, box: BBox, lang: str) -> list[Word]:
    """The words of one missed row, read as a single line, in page coordinates."""
    x0, y0, x1, y1 = (int(v) for v in box)
    m = max(6, (y1 - y0) // 3)
    X0, Y0 = max(0, x0 - m), max(0, y0 - m)
    crop = page.image[Y0:min(page.image.shape[0], y1 + m), X0:min(page.image.shape[1], x1 + m)]
    crop = cv2.copyMakeBorder(crop, 20, 20, 20, 20, cv2.BORDER_CONSTANT, value=255)
    try:
        words = tesseract.ocr_words(crop, lang=lang, psm=7, timeout=10.0)
    except OcrError:
        return []  # the page's own reading stands
    out = []
    for w in words:
        text = w.text.strip()
        if w.conf < MIN_WORD_CONF or not any(ch.isalnum() for ch in text):
            continue
        bx0, by0, bx1, by1 = w.bbox
        out.append(Word(text=text, conf=w.conf,
                        bbox=(bx0 - 20 + X0, by0 - 20 + Y0, bx1 - 20 + X0, by1 - 20 + Y0),
                        line_key=(-1, int(y0), 0)))
    return out


def recover_words(page: Page, lang: str = tesseract.DEFAULT_LANG) -> list[Word]:
    """Words of the rows the page OCR missed (empty when it missed none)."""
    out: list[Word] = []
    for box in missed_rows(page):
        out.extend(read_row(page, box, lang))
    return out
