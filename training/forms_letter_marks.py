"""Train the circle-one mark classifier (``extractor.reader.marks.read_letters``): is an
option's printed letter circled (or ticked in the margin beside it)?

    .venv/bin/python -m training.forms_letter_marks     # ~2-3 min on one core

Crops from ``training.forms_letter_crops`` (the generator's marks and print faces);
train / calibration / validation drawn with three seeds; P(circled) isotonic-calibrated
on the calibration split, the cut 0.5. No real or dev scan is seen.
"""
from __future__ import annotations

import os
import time

import numpy as np
from sklearn.neural_network import MLPClassifier

from training.forms_common import (isotonic_knots, mlp_arrays, print_reliability, reliability,
                                   write_json, write_npz)
from training.forms_letter_crops import dataset

SEEDS = {"train": 1501, "validation": 1502, "calibration": 1503}
N = {"train": int(os.environ.get("LETTERS_N_TRAIN", 18000)), "validation": 3000, "calibration": 3000}
HIDDEN = (96,)


def main() -> None:
    t0 = time.time()
    xtr, ytr = dataset(N["train"], SEEDS["train"])
    xva, yva = dataset(N["validation"], SEEDS["validation"])
    xca, yca = dataset(N["calibration"], SEEDS["calibration"])
    print(f"drew {len(ytr)} + {len(yva)} + {len(yca)} letter crops in {time.time() - t0:.0f}s")
    mean, scale = xtr.mean(axis=0), xtr.std(axis=0) + 0.05
    clf = MLPClassifier(hidden_layer_sizes=HIDDEN, alpha=1e-3, batch_size=256, max_iter=60,
                        early_stopping=True, n_iter_no_change=6, random_state=0)
    clf.fit((xtr - mean) / scale, ytr)
    print(f"trained in {time.time() - t0:.0f}s ({clf.n_iter_} epochs)")
    kx, ky = isotonic_knots(clf.predict_proba((xca - mean) / scale)[:, 1], yca.astype(float))
    p = np.interp(clf.predict_proba((xva - mean) / scale)[:, 1], kx, ky)
    acc = float(((p >= 0.5) == (yva == 1)).mean())
    print(f"validation (drawn, seed {SEEDS['validation']}): circled/not accuracy {acc:.4f}")
    rel = reliability(p, yva.astype(float))
    print_reliability("P(circled), drawn validation", rel)
    write_npz("letters.npz", mean=mean.astype(np.float32), scale=scale.astype(np.float32),
              cal_x=kx, cal_y=ky, n_out=np.array(1), **mlp_arrays(clf))
    write_json("letters.json", {
        "model": "MLP on a normalised crop round an option letter (extractor/reader/marks.py)",
        "hidden": list(HIDDEN), "threshold": 0.5, "seeds": SEEDS, "n": N,
        "validation": {"accuracy": round(acc, 4)}, "reliability_validation": rel,
        "training_data": "option lines drawn by training/forms_letter_crops.py with the print "
                         "faces and marks of samples.generator (circle_letter, circle_text, "
                         "margin tick), marks on neighbouring lines as negatives; scan damage",
    })
    print(f"wrote models/forms/letters.npz, letters.json ({time.time() - t0:.0f}s)")


if __name__ == "__main__":
    main()
