"""Form field confidences go through the fitted maps: lowered where validation forms say
the reader is over-confident, never raised, the raw value kept."""
from __future__ import annotations

import json

import pytest

from extractor.model import Field, Record
from extractor.reader import artefacts, field_confidence


@pytest.fixture()
def maps(tmp_path, monkeypatch):
    (tmp_path / "field_confidence.json").write_text(json.dumps({"maps": {
        "*": {"x": [0.0, 1.0], "y": [0.1, 0.9]},
        "parent_name": {"x": [0.0, 0.5, 1.0], "y": [0.05, 0.2, 0.6]}}}))
    monkeypatch.setattr(artefacts, "MODEL_DIR", tmp_path)
    artefacts.load_json.cache_clear()
    yield
    artefacts.load_json.cache_clear()


def test_lowered_by_its_own_map_never_raised(maps, monkeypatch):
    monkeypatch.delenv("WAIVERSCAN_RAW_CONFIDENCE", raising=False)
    rec = Record("waiver_form", 0, {"parent_name": Field("Rosaura Tzul", 0.9),
                                    "election": Field("reunify", 0.05), "witness_name": None})
    field_confidence.calibrate_record(rec)
    f = rec.fields["parent_name"]
    assert f.raw_confidence == 0.9 and f.confidence == pytest.approx(0.52)
    assert rec.fields["election"].confidence == pytest.approx(0.05)  # the map says 0.14: not raised
    assert rec.fields["witness_name"] is None
    field_confidence.calibrate_record(rec)  # a second pass changes nothing
    assert f.confidence == pytest.approx(0.52)
    out = f.to_contract({})
    assert out["confidence"] == 0.52 and out["confidence_raw"] == 0.9


def test_raw_switch_for_refitting(maps, monkeypatch):
    monkeypatch.setenv("WAIVERSCAN_RAW_CONFIDENCE", "1")
    rec = Record("waiver_form", 0, {"parent_name": Field("Rosaura Tzul", 0.9)})
    field_confidence.calibrate_record(rec)
    assert rec.fields["parent_name"].confidence == 0.9 and rec.fields["parent_name"].raw_confidence is None


def test_missing_maps_are_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.delenv("WAIVERSCAN_RAW_CONFIDENCE", raising=False)
    monkeypatch.setattr(artefacts, "MODEL_DIR", tmp_path)
    artefacts.load_json.cache_clear()
    try:
        with pytest.raises(artefacts.ModelMissing, match="make train-models"):
            field_confidence.calibrate_record(Record("waiver_form", 0, {"parent_name": Field("X", 0.9)}))
    finally:
        artefacts.load_json.cache_clear()
