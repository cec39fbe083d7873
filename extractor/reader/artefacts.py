"""Loading trained artefacts from ``models/forms``: a missing or unreadable file is a
clear error that names the command which rebuilds it, never a silent fallback to a
hand rule (a reader that quietly changed its method would change its numbers)."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

import numpy as np

from extractor import models_dir

#: None: the installed models (``models_dir``, the repository's models/forms); tests and
#: tools may point it at another folder
MODEL_DIR: Optional[Path] = None
REBUILD = "make train-models"


class ModelMissing(models_dir.ModelMissingError):
    """A trained artefact of the form reader is absent or unreadable."""


def _path(name: str) -> Path:
    folder = MODEL_DIR if MODEL_DIR is not None else models_dir.root() / "forms"
    p = folder / name
    if not p.is_file():
        raise ModelMissing(f"trained model file models/forms/{name} is missing: run `{REBUILD}` "
                           f"(or check out models/forms from the repository)")
    return p


@lru_cache(maxsize=None)
def load_json(name: str) -> dict[str, Any]:
    try:
        return json.loads(_path(name).read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise ModelMissing(f"cannot read models/forms/{name} ({e}): run `{REBUILD}`") from e


@lru_cache(maxsize=None)
def load_arrays(name: str) -> dict[str, np.ndarray]:
    try:
        with np.load(_path(name), allow_pickle=False) as z:
            return {k: z[k] for k in z.files}
    except (OSError, ValueError) as e:
        raise ModelMissing(f"cannot read models/forms/{name} ({e}): run `{REBUILD}`") from e


def calibrate(p: np.ndarray, knots_x: np.ndarray, knots_y: np.ndarray) -> np.ndarray:
    """Isotonic calibration stored as its step knots: a monotone map, piecewise linear."""
    return np.interp(p, knots_x, knots_y)


def mlp_output(x: np.ndarray, w: dict[str, np.ndarray]) -> np.ndarray:
    """The output layer's raw values of an exported scikit-learn MLP (weights ``W0..``,
    biases ``b0..``, ``n_layers``): ReLU between layers, none after the last. The
    callers turn them into probabilities (softmax, or the logistic of one unit)."""
    h = x
    n = int(w["n_layers"])
    for i in range(n):
        h = h @ w[f"W{i}"] + w[f"b{i}"]
        if i < n - 1:
            h = np.maximum(h, 0.0)
    return h
