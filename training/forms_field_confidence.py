"""Fit the form fields' confidence maps (``extractor/reader/field_confidence.py``).

    .venv/bin/python -m training.forms_field_confidence            # draws and reads 120 forms
    .venv/bin/python -m training.forms_field_confidence --from DIR  # folders already read

Forms of the VALIDATION layout families and hands (samples/generator/splits.py) are
drawn with fixed seeds and read by the product with its calibration switched off
(``WAIVERSCAN_RAW_CONFIDENCE=1``), through ``tools/heldout_eval.py``. Each predicted form
field is compared with the truth by the evaluator's own rule (``../shared/eval/score.py``
``canon``), and "read right" is regressed on the raw confidence, per field, by isotonic
regression (clipped to [0.02, 0.98]: no field is ever certain or hopeless); at run time
a map only ever lowers a confidence (extractor/reader/field_confidence.py says why). A field with
fewer than MIN_PER_FIELD examples uses the map of all fields together. Neither training
nor held-out families nor dev are seen. The reliability before/after (in-sample) and the
sets used are written beside the maps.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
from sklearn.isotonic import IsotonicRegression

from tools.reliability import field_rows
from training.forms_common import reliability, print_reliability, write_json

ROOT = Path(__file__).resolve().parent.parent
DRAWS = ((12, 60), (13, 60))  # (validation seed, forms)
MIN_PER_FIELD = 40
CLIP = (0.02, 0.98)


def read_draws(work: Path) -> list[Path]:
    """Validation forms drawn and read by the product, raw confidences."""
    env = dict(os.environ, WAIVERSCAN_RAW_CONFIDENCE="1", OMP_THREAD_LIMIT="1")
    out = []
    for seed, n in DRAWS:
        d = work / f"val{seed}"
        subprocess.run([sys.executable, str(ROOT / "tools" / "heldout_eval.py"), "--n", "0", "--val-n", str(n),
                        "--val-seed", str(seed), "--no-dev", "--out", str(d)], check=True, env=env)
        out.append(d / "validation")
    return out


def examples(folders: list[Path]) -> dict[str, list[tuple[float, bool]]]:
    """field -> (raw confidence, read right) over every predicted form field, judged as
    tools/reliability.py judges them (the evaluator's own comparison)."""
    by_field: dict[str, list[tuple[float, bool]]] = {}
    for folder in folders:
        for name, raw, ok in field_rows(folder, raw=True):
            by_field.setdefault(name, []).append((raw, ok))
    return by_field


def fit(pairs: list[tuple[float, bool]]) -> dict[str, list[float]]:
    p = np.array([c for c, _ in pairs])
    y = np.array([float(ok) for _, ok in pairs])
    iso = IsotonicRegression(y_min=CLIP[0], y_max=CLIP[1], out_of_bounds="clip").fit(p, y)
    return {"x": [round(float(v), 4) for v in iso.X_thresholds_],
            "y": [round(float(v), 4) for v in iso.y_thresholds_]}


def fit_maps(by_field: dict[str, list[tuple[float, bool]]]) -> dict[str, dict[str, list[float]]]:
    maps = {"*": fit([e for v in by_field.values() for e in v])}
    for name, pairs in sorted(by_field.items()):
        if len(pairs) >= MIN_PER_FIELD and len({ok for _, ok in pairs}) == 2:
            maps[name] = fit(pairs)
    return maps


def apply(maps, by_field) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(raw, calibrated as at run time, read right) over every example."""
    raw, cal, y = [], [], []
    for name, pairs in by_field.items():
        m = maps.get(name) or maps["*"]
        for c, ok in pairs:
            raw.append(c)
            cal.append(min(c, float(np.interp(c, m["x"], m["y"]))))
            y.append(float(ok))
    return np.array(raw), np.array(cal), np.array(y)


def quality(p: np.ndarray, y: np.ndarray) -> dict[str, float]:
    return {"ece": round(ece(p, y), 4), "brier": round(float(((p - y) ** 2).mean()), 4), "n": int(len(y))}


def ece(p: np.ndarray, y: np.ndarray, bins: int = 10) -> float:
    return float(sum(r["n"] / len(p) * abs(r["predicted"] - r["observed"]) for r in reliability(p, y, bins)))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--from", dest="folders", nargs="*", type=Path, default=None,
                    help="validation folders with truth.jsonl and pred.jsonl (default: draw and read)")
    a = ap.parse_args(argv)
    folders = a.folders or read_draws(Path(tempfile.mkdtemp(prefix="field-confidence-")))
    halves = [examples([f]) for f in folders]  # each folder read once
    by_field: dict[str, list[tuple[float, bool]]] = {}
    for half in halves:
        for name, pairs in half.items():
            by_field.setdefault(name, []).extend(pairs)
    maps = fit_maps(by_field)
    raw, cal, y = apply(maps, by_field)
    print_reliability("raw, all form fields", reliability(raw, y))
    print_reliability("calibrated, in-sample", reliability(cal, y))
    cross = {}
    if len(folders) == 2:  # fitted on one draw, measured on the other: the honest number
        for i in (0, 1):
            r, c, yy = apply(fit_maps(halves[i]), halves[1 - i])
            cross[f"fit {folders[i].parent.name} -> {folders[1 - i].parent.name}"] = {
                "raw": quality(r, yy), "calibrated": quality(c, yy)}
    write_json("field_confidence.json", {
        "what": "per form field: isotonic map raw confidence -> P(read right), np.interp knots; "
                "at run time min(raw, map(raw))",
        "sets": [str(f) for f in folders] if a.folders else
                [f"validation split, seed {s}, {n} forms" for s, n in DRAWS],
        "min_per_field": MIN_PER_FIELD, "clip": list(CLIP),
        "examples": {k: len(v) for k, v in sorted(by_field.items())},
        "in_sample": {"raw": quality(raw, y), "calibrated": quality(cal, y)},
        "cross_fit": cross, "maps": maps})
    print(json.dumps({"in_sample": {"raw": quality(raw, y), "calibrated": quality(cal, y)}, "cross_fit": cross},
                     indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
