"""The composition the shell owns: read a file (``extractor``), then score it
(``scoring``). The extractor knows no rubric and the rubric knows no file, so the one
place both meet is here, above them."""
from __future__ import annotations

from pathlib import Path

from extractor.model import Document
from extractor.pipeline import read_document
from scoring.rubric import score_document


def extract_document(path: str | Path) -> Document:
    """The whole pipeline for one file: ingest, read, classify, extract, score."""
    doc = read_document(path)
    score_document(doc)
    return doc
