"""Shared helpers of the form-reader training entry points: isotonic calibration
exported as knots, a reliability table, and writing artefacts to models/forms."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.isotonic import IsotonicRegression

OUT = Path(__file__).resolve().parents[1] / "models" / "forms"


def isotonic_knots(p: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Fit p -> P(y=1) monotone on a validation split; return its knots for np.interp."""
    iso = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(p, y)
    return np.asarray(iso.X_thresholds_, np.float64), np.asarray(iso.y_thresholds_, np.float64)


def reliability(p: np.ndarray, y: np.ndarray, bins: int = 10) -> list[dict[str, Any]]:
    """Per probability bin: count, mean predicted probability, observed frequency."""
    rows = []
    edges = np.linspace(0, 1, bins + 1)
    for lo, hi in zip(edges, edges[1:]):
        sel = (p >= lo) & ((p < hi) | (hi == 1.0))
        if sel.any():
            rows.append({"bin": f"{lo:.1f}-{hi:.1f}", "n": int(sel.sum()),
                         "predicted": round(float(p[sel].mean()), 3),
                         "observed": round(float(y[sel].mean()), 3)})
    return rows


def print_reliability(title: str, rows: list[dict[str, Any]]) -> None:
    print(f"reliability ({title}):")
    print("  bin       n      predicted  observed")
    for r in rows:
        print(f"  {r['bin']}  {r['n']:6d}  {r['predicted']:9.3f}  {r['observed']:8.3f}")


def write_json(name: str, obj: dict[str, Any]) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    p = OUT / name
    p.write_text(json.dumps(obj, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    return p


def write_npz(name: str, **arrays: np.ndarray) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    p = OUT / name
    np.savez_compressed(p, **arrays)
    return p


def mlp_arrays(clf) -> dict[str, np.ndarray]:
    """The weights of a fitted sklearn MLPClassifier as plain float32 arrays."""
    out: dict[str, np.ndarray] = {"n_layers": np.array(len(clf.coefs_))}
    for i, (w, b) in enumerate(zip(clf.coefs_, clf.intercepts_)):
        out[f"W{i}"], out[f"b{i}"] = w.astype(np.float32), b.astype(np.float32)
    return out
