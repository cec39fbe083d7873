"""tools/reliability.py: the reliability table and the cut-off sweep count what they
say, on two invented forms."""
from __future__ import annotations

import json

from scoring import rubric
from tools import reliability


def _write(folder, truth, pred):
    folder.mkdir()
    (folder / "truth.jsonl").write_text("".join(json.dumps(t) + "\n" for t in truth))
    (folder / "pred.jsonl").write_text("".join(json.dumps(p) + "\n" for p in pred))


def _form(sha, fields, checks=None):
    rec = {"kind": "waiver_form", "fields": fields}
    if checks is not None:
        rec["checks"] = checks
    return {"sha256": sha, "source": f"{sha}.png", "records": [rec]}


def test_fields_binned_and_cut_offs_rescored(tmp_path):
    truth = [_form("a", {"parent_name": "Teodora Quispe Mamani", "official_name": "DO R. Castellanos"},
                   {"F-OFFICIAL-NAMED": "pass"}),
             _form("b", {"parent_name": "Ilario Benitez", "official_name": None},
                   {"F-OFFICIAL-NAMED": "fail"})]
    pred = [_form("a", {"parent_name": {"value": "Teodora Quispe Mamani", "confidence": 0.97},
                        "official_name": {"value": "DO R. Castellanos", "confidence": 0.65}}),
            _form("b", {"parent_name": {"value": "Ilario Bcnitez", "confidence": 0.92},
                        "official_name": {"value": "ICE", "confidence": 0.55}})]
    _write(tmp_path / "v", truth, pred)
    rows = sorted(reliability.field_rows(tmp_path / "v"))
    assert rows == [("official_name", 0.55, False), ("official_name", 0.65, True),
                    ("parent_name", 0.92, False), ("parent_name", 0.97, True)]
    table = reliability.reliability(rows)
    assert "[0.95, 1.00]        1       1   1.000" in table
    assert "[0.90, 0.95)        1       0   0.000" in table
    before = rubric.PASS_MIN_CONFIDENCE, rubric.FAIL_MIN_CONFIDENCE
    sweep = reliability.sweep([tmp_path / "v"]).splitlines()
    # pass cut 0.5: form b's spurious official (0.55) passes a check that truly fails
    assert any(line.split()[:2] == ["0.50", "0.35"] and "100.0%" in line for line in sweep)
    # the rubric's own cut (0.6) sends it to a reviewer instead
    assert (rubric.PASS_MIN_CONFIDENCE, rubric.FAIL_MIN_CONFIDENCE) == before  # put back
    at_06 = next(line for line in sweep if line.split()[:2] == ["0.60", "0.35"])
    assert "0.0%" in at_06


def test_raw_rows_read_the_confidence_before_calibration(tmp_path):
    # the fitting recipe (training/forms_field_confidence.py) regresses on the raw value;
    # a prediction without confidence_raw (older pipeline) falls back to confidence
    truth = [_form("c", {"parent_name": "Eusebia Tolentino", "a_number": "A123456789"})]
    pred = [_form("c", {"parent_name": {"value": "Eusebia Tolentino", "confidence": 0.61,
                                        "confidence_raw": 0.88},
                        "a_number": {"value": "A123456788", "confidence": 0.4}})]
    _write(tmp_path / "v", truth, pred)
    assert sorted(reliability.field_rows(tmp_path / "v", raw=True)) == [
        ("a_number", 0.4, False), ("parent_name", 0.88, True)]
    assert sorted(reliability.field_rows(tmp_path / "v")) == [
        ("a_number", 0.4, False), ("parent_name", 0.61, True)]
    from training.forms_field_confidence import examples
    assert examples([tmp_path / "v"]) == {"a_number": [(0.4, False)], "parent_name": [(0.88, True)]}
