"""The one wrapper around Tesseract (through pytesseract).

Tesseract runs single-threaded per process (OMP_THREAD_LIMIT=1): pages are run in
parallel by the batch runner instead, which is about 4x faster on this hardware than
Tesseract's own threading. Every call has a timeout; failures become OcrError.
"""
from __future__ import annotations

import functools
import os

import numpy as np

from extractor.errors import OcrError, OcrTimeoutError, ToolMissingError
from extractor.model import Word

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import pytesseract  # noqa: E402  (after OMP_THREAD_LIMIT is set for the child processes)

DEFAULT_LANG = "eng+spa"
DEFAULT_TIMEOUT = 60.0


@functools.lru_cache(maxsize=1)
def version() -> str:
    """Tesseract's version string; raises ToolMissingError when it is not installed."""
    try:
        return str(pytesseract.get_tesseract_version())
    except pytesseract.TesseractNotFoundError as exc:
        raise ToolMissingError("tesseract is not installed (run `make setup`)") from exc


def ocr_words(image: np.ndarray, lang: str = DEFAULT_LANG, psm: int = 3,
              timeout: float = DEFAULT_TIMEOUT, config: str = "") -> list[Word]:
    """Words with text, confidence (0..1) and bbox in ``image`` pixels."""
    version()
    try:
        data = pytesseract.image_to_data(
            image, lang=lang, config=f"--psm {psm} {config}".strip(),
            output_type=pytesseract.Output.DICT, timeout=timeout)
    except RuntimeError as exc:  # pytesseract raises RuntimeError on timeout
        if "timeout" in str(exc).lower():
            raise OcrTimeoutError(f"tesseract took longer than {timeout:.0f}s on a page") from exc
        raise OcrError(f"tesseract failed: {exc}") from exc
    except pytesseract.TesseractError as exc:
        raise OcrError(f"tesseract failed (status {exc.status})") from exc
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
