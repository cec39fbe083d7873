"""Train the check-box mark classifier (``extractor/reader/marks.py``).

    .venv/bin/python -m training.forms_marks        # ~2-4 min on one core

Training and validation crops are drawn by ``training.forms_mark_crops`` with two
different seeds; the model is an MLP on the normalised crop grid. The probability of
"marked" (1 - P(empty)) is calibrated by isotonic regression on the validation split,
and the decision cut is 0.5 of the calibrated probability. Real scans are never seen
here: ``tools/eval_checkbox_real.py`` evaluates on them.
"""
from __future__ import annotations

import os
import time

import numpy as np
from sklearn.neural_network import MLPClassifier

from extractor.reader.marks import CLASSES, GRID, CONTEXT
from training.forms_common import (isotonic_knots, mlp_arrays, print_reliability, reliability,
                                   write_json, write_npz)
from training.forms_mark_crops import dataset

SEED_TRAIN, SEED_VAL, SEED_CAL = 1201, 1202, 1203
N_TRAIN, N_VAL = int(os.environ.get("MARKS_N_TRAIN", 40000)), 8000
HIDDEN = (96,)


def main() -> None:
    t0 = time.time()
    xtr, ytr = dataset(N_TRAIN, SEED_TRAIN)
    xva, yva = dataset(N_VAL, SEED_VAL)
    xca, yca = dataset(N_VAL, SEED_CAL)
    print(f"drew {len(ytr)} + {len(yva)} + {len(yca)} crops in {time.time() - t0:.0f}s")
    mean, scale = xtr.mean(axis=0), xtr.std(axis=0) + 0.05
    clf = MLPClassifier(hidden_layer_sizes=HIDDEN, alpha=1e-3, batch_size=256, max_iter=60,
                        early_stopping=True, n_iter_no_change=6, random_state=0)
    clf.fit((xtr - mean) / scale, ytr)
    print(f"trained in {time.time() - t0:.0f}s ({clf.n_iter_} epochs)")
    # calibrate on one drawn split, report on another
    raw_cal = 1.0 - clf.predict_proba((xca - mean) / scale)[:, 0]
    kx, ky = isotonic_knots(raw_cal, (yca != 0).astype(float))
    pva = np.interp(1.0 - clf.predict_proba((xva - mean) / scale)[:, 0], kx, ky)
    truth = yva != 0
    acc = float(((pva >= 0.5) == truth).mean())
    cls_acc = float((clf.predict((xva - mean) / scale) == yva).mean())
    print(f"validation (drawn, seed {SEED_VAL}): marked/empty accuracy {acc:.4f}, "
          f"5-class accuracy {cls_acc:.4f}")
    rel = reliability(pva, truth.astype(float))
    print_reliability("P(marked), drawn validation", rel)
    write_npz("marks.npz", mean=mean.astype(np.float32), scale=scale.astype(np.float32),
              cal_x=kx, cal_y=ky, **mlp_arrays(clf))
    write_json("marks.json", {
        "model": "MLP on a normalised crop (extractor/reader/marks.py)", "classes": list(CLASSES),
        "grid": GRID, "context": CONTEXT, "hidden": list(HIDDEN), "threshold": 0.5,
        "seeds": {"train": SEED_TRAIN, "validation": SEED_VAL, "calibration": SEED_CAL},
        "n": {"train": N_TRAIN, "validation": N_VAL, "calibration": N_VAL},
        "validation": {"marked_accuracy": round(acc, 4), "class_accuracy": round(cls_acc, 4)},
        "reliability_validation": rel,
        "training_data": "check boxes drawn by training/forms_mark_crops.py with the marks of "
                         "samples/generator/marks.py, print styles and scan damage sampled; "
                         "no real scan",
    })
    print(f"wrote models/forms/marks.npz, marks.json ({time.time() - t0:.0f}s)")


if __name__ == "__main__":
    main()
