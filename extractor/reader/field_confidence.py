"""A form field's confidence, calibrated: the reader's raw confidence mapped to how
often a field of that kind with that raw confidence is read right.

The reader's parts give confidences of their own making (OCR word confidences, a
classifier's probability, a vote). Measured on validation forms they are too high,
most for names (tools/reliability.py: raw "0.85" child names were right about half the
time). The rubric's cut-offs speak of probabilities, so each field's confidence goes
through a monotone map fitted per field on validation forms of the project's generator
(``training/forms_field_confidence.py``; models/forms/field_confidence.json): isotonic
regression of "read right" on the raw confidence, clipped away from 0 and 1. A field
kind with too few validation examples uses the map fitted on all fields. The raw value
is kept beside it (``Field.raw_confidence``) so the map can be refitted.

A map may lower a confidence, never raise it. The two errors do not cost the same: an
under-confident field sends a check to a reviewer, an over-confident one can pass a
deficient waiver. Fitted on one validation draw and applied to another, raising
confidences where a draw's fields happened to be right added a false pass; lowering
only took one away and kept fail precision (models/forms/README.md has the numbers).
"""
from __future__ import annotations

import os

import numpy as np

from extractor.model import Record
from extractor.reader.artefacts import calibrate, load_json

ARTEFACT = "field_confidence.json"


def _maps() -> dict[str, tuple[np.ndarray, np.ndarray]]:
    data = load_json(ARTEFACT)
    return {name: (np.asarray(m["x"], dtype=float), np.asarray(m["y"], dtype=float))
            for name, m in data["maps"].items()}


def calibrated(field_name: str, raw: float, maps=None) -> float:
    maps = maps if maps is not None else _maps()
    x, y = maps.get(field_name) or maps["*"]
    mapped = float(calibrate(np.asarray([raw], dtype=float), x, y)[0])
    return round(min(float(raw), mapped), 4)


def calibrate_record(record: Record) -> Record:
    """Every field of a form record with its calibrated confidence (raw kept).
    ``WAIVERSCAN_RAW_CONFIDENCE=1`` leaves the raw ones: the maps are fitted on them."""
    if os.environ.get("WAIVERSCAN_RAW_CONFIDENCE") == "1":
        return record
    maps = _maps()  # once a record, not once a field
    for name, f in record.fields.items():
        if f is None or f.raw_confidence is not None:
            continue
        f.raw_confidence = float(f.confidence)
        f.confidence = calibrated(name, f.raw_confidence, maps)
    return record
