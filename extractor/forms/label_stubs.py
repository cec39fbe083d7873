"""Second reading of printed labels the page OCR cut short.

Next to large handwriting, Tesseract often reads a small printed label as its first
letters only ("Name:" as "N", "A-Number:" as "A-Numb", "Office:" as "Offi"): the line
mixes two text sizes and its baseline fit goes wrong. Such a stub is a short word
starting a segment of its line, printed-size, followed by a gap before the writing.
Every stub of a page is cut out (from the stub to the writing), the crops are stacked
into one image and read in ONE Tesseract call (a call per crop would cost a process
start each), and a stub whose crop reads as a longer label is replaced by those words.
"""
from __future__ import annotations

import re
from typing import Optional

import numpy as np

from extractor.errors import OcrError
from extractor.layout import build_lines, fold
from extractor.model import Page, Word
from extractor.forms.roles import label_field

#: at most this many stubs are re-read on a page
MAX_STUBS = 16
_GAP = 24  # white rows between stacked crops


def _is_stub(w: Word, typical_h: float, vocab: frozenset[str]) -> bool:
    core = re.sub(r"[^A-Za-zÀ-ÿ#]", "", w.text)
    if not core or len(core) > 6 or any(ch.isdigit() for ch in w.text):
        return False
    if w.height > 1.4 * typical_h:
        return False  # handwriting, not print
    toks = [t for t in fold(w.text).split() if len(t) >= 3]
    return not (toks and all(t in vocab for t in toks))  # a whole label word was read


def find_stubs(page: Page, vocab: frozenset[str]) -> list[tuple[Word, tuple[int, int, int, int]]]:
    """(stub word, crop box) for each label stub of the page."""
    if page.image is None or not page.words:
        return []
    heights = sorted(w.height for w in page.words)
    typical = heights[len(heights) // 2]
    out = []
    for line in build_lines(list(page.words)):
        ws = line.words
        h = max(line.height, 8.0)
        for i, w in enumerate(ws):
            seg_start = i == 0 or w.bbox[0] - ws[i - 1].bbox[2] > 2.5 * h
            if not seg_start or i + 1 >= len(ws):
                continue
            nxt = ws[i + 1]
            wh = max(w.height, 8.0)
            if nxt.bbox[0] - w.bbox[2] < 1.2 * wh or not _is_stub(w, typical, vocab):
                continue
            x0 = int(max(0, w.bbox[0] - 0.4 * wh))
            x1 = int(min(nxt.bbox[0] - 0.25 * wh, w.bbox[0] + 14 * wh))
            y0 = int(max(0, w.bbox[1] - 0.45 * wh))
            y1 = int(min(page.image.shape[0], w.bbox[3] + 0.45 * wh))
            if x1 - x0 > 2 * wh and y1 > y0:
                out.append((w, (x0, y0, x1, y1)))
    return out[:MAX_STUBS]


def _stack(page: Page, boxes) -> tuple[np.ndarray, list[tuple[int, int]]]:
    """The crops one under another on white, and the y-range of each in the stack."""
    import cv2
    width = max(b[2] - b[0] for b in boxes) + 2 * _GAP
    parts, spans, y = [], [], _GAP
    for x0, y0, x1, y1 in boxes:
        crop = page.image[y0:y1, x0:x1]
        bw = cv2.adaptiveThreshold(crop, 255, cv2.ADAPTIVE_THRESH_GAUSSIAN_C, cv2.THRESH_BINARY, 31, 15)
        # the fill line the label stands beside: erase long horizontal runs
        rules = cv2.morphologyEx(255 - bw, cv2.MORPH_OPEN,
                                 cv2.getStructuringElement(cv2.MORPH_RECT, (max(30, (y1 - y0) * 2), 1)))
        bw = cv2.bitwise_or(bw, rules)
        row = np.full((y1 - y0, width), 255, np.uint8)
        row[:, _GAP:_GAP + (x1 - x0)] = bw
        parts.append(row)
        spans.append((y, y + (y1 - y0)))
        parts.append(np.full((_GAP, width), 255, np.uint8))
        y += (y1 - y0) + _GAP
    return np.vstack([np.full((_GAP, width), 255, np.uint8)] + parts), spans


def reread_stubs(page: Page, vocab: frozenset[str]) -> list[Word]:
    """The page's words with each label stub replaced by its second reading, when that
    reading is a longer phrase that names a field (or a printed field that is not
    ours). Any failure leaves the words as they were."""
    stubs = find_stubs(page, vocab)
    if not stubs:
        return list(page.words)
    from extractor.ocr import tesseract
    image, spans = _stack(page, [b for _, b in stubs])
    try:
        words = tesseract.ocr_words(image, lang="eng+spa", psm=6, timeout=20.0)
    except OcrError:
        return list(page.words)
    replace: dict[int, list[Word]] = {}
    for (stub, box), (s0, s1) in zip(stubs, spans):
        got = [w for w in words if s0 <= (w.bbox[1] + w.bbox[3]) / 2 <= s1 and w.conf >= 0.4]
        got.sort(key=lambda w: w.bbox[0])
        text = " ".join(w.text for w in got).strip(" _-|")
        new = _better(stub, text)
        if new is None:
            continue
        # the new words keep the stub's line; boxes from the stack, shifted back
        x_shift = box[0] - _GAP
        got = [w for w in got if w.text.strip("_|")]
        new_words = [Word(w.text.strip("_|"), min(w.conf, stub.conf),
                          (w.bbox[0] + x_shift, stub.bbox[1], w.bbox[2] + x_shift, stub.bbox[3]),
                          stub.line_key) for w in got]
        # the crop ends where the writing begins: all of it is the label, so it ends
        # as a label does (Tesseract drops a colon squeezed against the fill line)
        if new_words and not new_words[-1].text.endswith(":"):
            new_words[-1].text += ":"
        replace[id(stub)] = new_words
    out = []
    for w in page.words:
        out.extend(replace.get(id(w), [w]))
    return out


def _better(stub: Word, text: str) -> Optional[str]:
    """The re-read text when it is a label that starts like the stub and says more."""
    f_new, f_old = fold(text), fold(stub.text)
    if not f_new or len(f_new) <= len(f_old) or not f_new.startswith(f_old[:1]):
        return None
    if label_field(text) is None:
        return None
    return text
