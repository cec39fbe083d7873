"""A field value read from a comment (:class:`Found`) and the spelling-repaired text the
readers share."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional


@dataclass
class Found:
    value: Any
    confidence: float
    span: Optional[tuple[int, int]] = None  # characters of the comment text
    how: str = ""


def repaired(text: str) -> str:
    """The entry after the classifier's spelling repair (misspelt, OCR-damaged words)."""
    from extractor.comments.features import _speller, fold

    sp = _speller()
    s = fold(text).lower()
    return sp.repair(s) if sp is not None else s
