"""The pipeline: file -> Document, as a chain of stages with one signature each.

``read_page`` is the per-page unit of work (picklable in and out) that the batch runner
fans out to processes.
"""
from __future__ import annotations

from pathlib import Path

from extractor import ingest
from extractor.model import Page
from extractor.ocr import tesseract
from extractor.preprocess import prepare


def read_page(src: ingest.SourcePage, lang: str = tesseract.DEFAULT_LANG) -> Page:
    """Preprocess and OCR one source page (or take its text layer)."""
    if src.image is None:
        return Page(number=src.number, width=src.width, height=src.height, dpi=src.dpi,
                    words=list(src.text_words or []), text_source="text_layer")
    prep = prepare(src.image, src.dpi)
    words = tesseract.ocr_words(prep.image, lang=lang)
    return Page(number=src.number, width=src.width, height=src.height, dpi=prep.dpi,
                words=words, image=prep.image, to_source=prep.to_source, notes=prep.notes)


def read_pages(path: str | Path, kind: str | None = None) -> list[Page]:
    return [read_page(src) for src in ingest.iter_pages(path, kind)]
