"""The one wrapper around Tesseract.

Tesseract runs single-threaded per process (OMP_THREAD_LIMIT=1): pages are run in
parallel by the batch runner instead, which is about 4x faster on this hardware than
Tesseract's own threading. Every call has a timeout; failures become OcrError.

Pages are read by libtesseract inside this process (:mod:`extractor.ocr.capi`): the
language models are loaded once per process instead of once per page by the
`tesseract` command (a fifth of a page's OCR time), and the words are the command's.
Without the library, or with ``WAIVERSCAN_TESSERACT=cli``, the command is run through
pytesseract. Orientation detection (rare: only pages that read badly) always uses the
command.

The command gets its image as a PGM file: uncompressed (writing a PNG of a 300 dpi
page costs ~0.2 s) and without resolution metadata, so Tesseract estimates the
resolution from the text size, as it does for the in-process images. A wrong declared
resolution (PIL writes 96 dpi into BMPs) makes its layout analysis drop whole columns
of a form.
"""
from __future__ import annotations

import functools
import os
import re
import tempfile
from dataclasses import dataclass
from typing import Optional

import cv2
import numpy as np

from extractor.errors import OcrError, OcrTimeoutError, ToolMissingError
from extractor.model import Word
from extractor.ocr import capi

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

DEFAULT_LANG = "eng+spa"
DEFAULT_TIMEOUT = 60.0
#: heavy noise removal drops specks before layout analysis (+0.005 F1 on FUNSD, 5%
#: faster); no inverted-text retry (white-on-black is rare on these forms, 3% faster)
DEFAULT_VARIABLES = {"textord_heavy_nr": "1", "tessedit_do_invert": "0"}
#: ``cli`` here makes every call run the `tesseract` command
BACKEND_ENV = "WAIVERSCAN_TESSERACT"
#: words below this confidence are dropped (mostly specks and ruling fragments) ...
MIN_CONF = 0.30
#: ... and one- or two-character words below this one (glyph soup: "ee", "a", "o")
MIN_CONF_SHORT = 0.60

_EDGE_JUNK = "_|"  # ruling remnants glued to a word: "___Smith", "date|"
_ALNUM = re.compile(r"\w", re.UNICODE)


def _pytesseract():
    # imported only for the command (it imports pandas: half a second per process)
    import pytesseract
    return pytesseract


def _library() -> bool:
    return os.environ.get(BACKEND_ENV, "").strip().lower() != "cli" and capi.available()


def in_process() -> bool:
    """Whether the next call reads in this process (else: the command)."""
    return _library() and not capi.busy()  # a second thread runs the command meanwhile


@functools.lru_cache(maxsize=1)
def version() -> str:
    """Tesseract's version string; raises ToolMissingError when it is not installed."""
    if _library():
        return capi.version()
    pt = _pytesseract()
    try:
        return str(pt.get_tesseract_version())
    except pt.TesseractNotFoundError as exc:
        raise ToolMissingError("tesseract is not installed (run `make setup`)") from exc


def _run(call, image: np.ndarray, timeout: float, what: str):
    """Write ``image`` as a PGM and run a pytesseract ``call`` on it, translating
    errors: missing binary -> ToolMissingError, timeout -> OcrTimeoutError."""
    pt = _pytesseract()
    if image.ndim == 3:
        image = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    fd, path = tempfile.mkstemp(prefix="wscan_", suffix=".pgm")
    os.close(fd)
    try:
        if not cv2.imwrite(path, image):
            raise OcrError("could not write the page image for tesseract")
        return call(path)
    except pt.TesseractNotFoundError as exc:
        version.cache_clear()
        raise ToolMissingError("tesseract is not installed (run `make setup`)") from exc
    except RuntimeError as exc:  # pytesseract raises RuntimeError on timeout
        if "timeout" in str(exc).lower():
            raise OcrTimeoutError(f"tesseract took longer than {timeout:.0f}s on a page ({what})") from exc
        raise OcrError(f"tesseract failed: {exc}") from exc
    finally:
        try:
            os.unlink(path)
        except OSError:
            pass


def ocr_words(image: np.ndarray, lang: str = DEFAULT_LANG, psm: int = 3,
              timeout: float = DEFAULT_TIMEOUT,
              variables: Optional[dict[str, str]] = None,
              tessdata_dir: Optional[str] = None) -> list[Word]:
    """Words with text, confidence (0..1) and bbox in ``image`` pixels (unfiltered).
    ``variables``: Tesseract variables for this call (default DEFAULT_VARIABLES);
    ``tessdata_dir``: where ``lang``'s traineddata is when it is not one of Tesseract's
    installed languages (the project's own models, under models/)."""
    variables = DEFAULT_VARIABLES if variables is None else variables
    if image.ndim == 3:
        image = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    if in_process():
        try:
            return words_from_tsv(capi.ocr_tsv(image, lang, psm, variables, timeout, tessdata_dir))
        except capi.DeadlineExceeded as exc:
            raise OcrTimeoutError(f"tesseract took longer than {timeout:.0f}s on a page (ocr)") from exc
        except capi.LanguageMissing as exc:
            raise ToolMissingError(f"{exc} (run `make setup`)") from exc
        except capi.CapiError as exc:
            raise OcrError(f"tesseract failed: {exc}") from exc
    return _ocr_words_command(image, lang, psm, timeout, variables, tessdata_dir)


def words_from_tsv(tsv: str) -> list[Word]:
    """The word rows of Tesseract's TSV, read as pytesseract reads them for the
    command (confidence truncated to a whole percent)."""
    words = []
    for row in tsv.splitlines():
        cells = row.split("\t")
        if len(cells) < 11 or cells[0] != "5":  # level 5: a word (no header row here)
            continue
        text = cells[11].strip() if len(cells) > 11 else ""
        conf = int(float(cells[10]))
        if not text or conf < 0:
            continue
        block, par, line = (int(v) for v in cells[2:5])
        x, y, w, h = (int(v) for v in cells[6:10])
        words.append(Word(text=text, conf=conf / 100.0, bbox=(x, y, x + w, y + h),
                          line_key=(block, par, line)))
    return words


def _ocr_words_command(image: np.ndarray, lang: str, psm: int, timeout: float,
                       variables: dict[str, str], tessdata_dir: Optional[str] = None) -> list[Word]:
    pt = _pytesseract()
    config = " ".join(([f'--tessdata-dir "{tessdata_dir}"'] if tessdata_dir else [])
                      + [f"--psm {psm}"] + [f"-c {k}={v}" for k, v in variables.items()])

    def call(path: str):
        try:
            return pt.image_to_data(path, lang=lang, config=config,
                                    output_type=pt.Output.DICT, timeout=timeout)
        except pt.TesseractError as exc:
            raise OcrError(f"tesseract failed (status {exc.status})") from exc

    data = _run(call, image, timeout, "ocr")
    words = []
    for i, text in enumerate(data["text"]):
        text = (text or "").strip()
        conf = float(data["conf"][i])
        if not text or conf < 0:
            continue
        x, y, w, h = (data[k][i] for k in ("left", "top", "width", "height"))
        words.append(Word(text=text, conf=conf / 100.0, bbox=(x, y, x + w, y + h),
                          line_key=(data["block_num"][i], data["par_num"][i], data["line_num"][i])))
    return words


def clean_words(words: list[Word], min_conf: float = MIN_CONF,
                min_conf_short: float = MIN_CONF_SHORT) -> list[Word]:
    """Drop what is not text: words without a letter or digit (ruling fragments
    ``___``, ``|``, specks read as ``.``), low-confidence words, and short
    low-confidence ones; strip ruling remnants from word ends.

    On FUNSD this trades 1 point of recall for 4-5 of precision (+0.015 F1)."""
    out = []
    for w in words:
        text = w.text.strip(_EDGE_JUNK)
        if not text or not _ALNUM.search(text.replace("_", "")):
            continue
        if w.conf < min_conf or (len(text) <= 2 and w.conf < min_conf_short):
            continue
        if text != w.text:
            w = Word(text=text, conf=w.conf, bbox=w.bbox, line_key=w.line_key)
        out.append(w)
    return out


#: words read in uncovered regions (``read_regions``) are kept above these confidences:
#: stricter than the page's (MIN_CONF, MIN_CONF_SHORT), since what layout analysis
#: passed over is more often a signature, a logo or a tick than text
REGION_MIN_CONF = 0.70
REGION_MIN_CONF_SHORT = 0.90
#: regions are read together, stacked one under the other with this much white
#: (inches) around each: one Tesseract call, on far fewer pixels than the page
REGION_MARGIN_INCH = 0.06
REGION_GAP_INCH = 0.15
#: at most this many regions are read on a page (a photo or a page of noise has
#: thousands; a form a few dozen)
MAX_REGIONS = 300


def read_regions(image: np.ndarray, regions: list[tuple], dpi: float,
                 lang: str = DEFAULT_LANG, timeout: float = DEFAULT_TIMEOUT) -> list[Word]:
    """Words in ``regions`` (boxes of ``image``) read in one sparse-text pass (psm 11)
    over a strip of the regions' crops stacked one under the other, with boxes in
    ``image`` pixels; unfiltered. Each word belongs to the crop its centre is in."""
    if not regions or len(regions) > MAX_REGIONS:
        return []
    dpi = dpi or 300.0
    m, gap = int(REGION_MARGIN_INCH * dpi), int(REGION_GAP_INCH * dpi)
    h, w = image.shape[:2]
    crops = [(max(0, x0 - m), max(0, y0 - m), min(w, x1 + m), min(h, y1 + m))
             for x0, y0, x1, y1 in regions]
    strip = np.full((sum(c[3] - c[1] + gap for c in crops) + gap,
                     max(c[2] - c[0] for c in crops) + 2 * gap), 255, np.uint8)
    placed = []  # (strip rows [a, b), offset back to image x, y)
    y = gap
    for x0, y0, x1, y1 in crops:
        strip[y:y + y1 - y0, gap:gap + x1 - x0] = image[y0:y1, x0:x1]
        placed.append((y, y + y1 - y0, x0 - gap, y0 - y))
        y += y1 - y0 + gap
    out = []
    for word in ocr_words(strip, lang=lang, psm=11, timeout=timeout):
        cy = (word.bbox[1] + word.bbox[3]) / 2
        for a, b, dx, dy in placed:
            if a <= cy < b:
                x0, y0, x1, y1 = word.bbox
                out.append(Word(text=word.text, conf=word.conf,
                                bbox=(x0 + dx, y0 + dy, x1 + dx, y1 + dy),
                                line_key=word.line_key))
                break
    return out


def text_quality(words: list[Word]) -> float:
    """Mean confidence weighted by word length over words of 3+ characters: ~0.9 on a
    readable page, far lower when Tesseract reads a page upside down or sideways."""
    num = den = 0.0
    for w in words:
        n = sum(ch.isalnum() for ch in w.text)
        if n >= 3:
            num += w.conf * n
            den += n
    return num / den if den else 0.0


def vertical_share(words: list[Word]) -> float:
    """Share of words of 4+ characters whose box is taller than wide. Tesseract reads a
    page turned 90 degrees well (it finds vertical lines), but its words then run down
    the page: a share above one half means the page is sideways."""
    long = [w for w in words if sum(ch.isalnum() for ch in w.text) >= 4]
    if not long:
        return 0.0
    return sum((w.bbox[3] - w.bbox[1]) > (w.bbox[2] - w.bbox[0]) for w in long) / len(long)


@dataclass
class Orientation:
    rotate: int  # degrees to turn the image clockwise to make it upright: 0/90/180/270
    confidence: float  # Tesseract's orientation confidence (> ~2 is reliable)


def osd(image: np.ndarray, timeout: float = 30.0) -> Optional[Orientation]:
    """Tesseract's orientation detection (psm 0), or None when the page has too little
    text to tell."""
    pt = _pytesseract()

    def call(path: str):
        try:
            return pt.image_to_osd(path, config="--psm 0", timeout=timeout,
                                   output_type=pt.Output.DICT)
        except pt.TesseractError:
            return None  # "Too few characters. Skipping this page": nothing to tell

    data = _run(call, image, timeout, "orientation")
    if not data:
        return None
    try:
        return Orientation(rotate=int(data["rotate"]) % 360,
                           confidence=float(data["orientation_conf"]))
    except (KeyError, TypeError, ValueError):
        return None


def ocr_line(image: np.ndarray, lang: str = "eng", whitelist: str | None = None,
             timeout: float = 10.0) -> tuple[str, float]:
    """One line of text (psm 7) and its mean word confidence (0..1): for re-reading a
    single field's crop, optionally restricted to the characters the field can hold."""
    variables = {"tessedit_char_whitelist": whitelist} if whitelist else {}
    words = ocr_words(image, lang=lang, psm=7, timeout=timeout, variables=variables)
    if not words:
        return "", 0.0
    return " ".join(w.text for w in words), sum(w.conf for w in words) / len(words)
