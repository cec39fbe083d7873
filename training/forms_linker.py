"""Train the label->value linker (``extractor/reader/linker.py``).

    .venv/bin/python -m training.forms_linker        # ~2-4 min on one core

Pages come from ``training.forms_link_layouts`` (synthetic boxes and texts, three
seeds: train, calibration, validation). Every (label, value) pair within reach is an
example, positive when the page links them. The MLP's probability is calibrated by
isotonic regression on the calibration pages; the assignment cut and the reported
link F1 come from the validation pages. FUNSD is never read here.
"""
from __future__ import annotations

import os
import random
import time

import numpy as np
from sklearn.neural_network import MLPClassifier

from extractor.reader import artefacts
from extractor.reader.linker import FEATURES, link, pair_features
from training.forms_common import (isotonic_knots, mlp_arrays, print_reliability, reliability,
                                   write_json, write_npz)
from training.forms_link_layouts import page

SEEDS = {"train": 1301, "calibration": 1302, "validation": 1303}
N_PAGES = {"train": int(os.environ.get("LINKER_PAGES", 1500)), "calibration": 300, "validation": 300}
HIDDEN = (64, 32)


def examples(n: int, seed: int):
    rng = random.Random(seed)
    xs, ys, pages = [], [], []
    for _ in range(n):
        p = page(rng)
        x, pairs = pair_features(p.items, p.keys, p.values)
        xs.append(x)
        ys.append(np.array([pr in p.links for pr in pairs], np.int64))
        pages.append(p)
    return np.concatenate(xs), np.concatenate(ys), pages


def link_f1(pages, cut: float) -> float:
    tp = fp = fn = 0
    for p in pages:
        pred = {(k, v) for k, v, _ in link(p.items, p.keys, p.values, threshold=cut)}
        tp += len(pred & p.links)
        fp += len(pred - p.links)
        fn += len(p.links - pred)
    return 2 * tp / max(1, 2 * tp + fp + fn)


def main() -> None:
    t0 = time.time()
    xtr, ytr, _ = examples(N_PAGES["train"], SEEDS["train"])
    xca, yca, _ = examples(N_PAGES["calibration"], SEEDS["calibration"])
    xva, yva, pva = examples(N_PAGES["validation"], SEEDS["validation"])
    print(f"{len(ytr)} training pairs ({ytr.mean():.3f} linked) in {time.time() - t0:.0f}s")
    mean, scale = xtr.mean(axis=0), xtr.std(axis=0) + 1e-3
    clf = MLPClassifier(hidden_layer_sizes=HIDDEN, alpha=1e-4, batch_size=512, max_iter=40,
                        early_stopping=True, n_iter_no_change=5, random_state=0)
    clf.fit((xtr - mean) / scale, ytr)
    print(f"trained in {time.time() - t0:.0f}s ({clf.n_iter_} epochs)")
    kx, ky = isotonic_knots(clf.predict_proba((xca - mean) / scale)[:, 1], yca.astype(float))
    write_npz("linker.npz", mean=mean.astype(np.float32), scale=scale.astype(np.float32),
              cal_x=kx, cal_y=ky, **mlp_arrays(clf))
    write_json("linker.json", {"threshold": 0.5})  # provisional, for link() below
    artefacts.load_arrays.cache_clear()
    artefacts.load_json.cache_clear()
    p = np.interp(clf.predict_proba((xva - mean) / scale)[:, 1], kx, ky)
    rel = reliability(p, yva.astype(float))
    print_reliability("P(link), synthetic validation pairs", rel)
    f1s = {c: round(link_f1(pva, c), 4) for c in (0.2, 0.3, 0.4, 0.5, 0.6)}
    cut = max(f1s, key=lambda c: f1s[c])
    print(f"validation page link F1 by cut: {f1s} -> cut {cut}")
    write_json("linker.json", {
        "model": "MLP over pair features + linear_sum_assignment (extractor/reader/linker.py)",
        "features": list(FEATURES), "hidden": list(HIDDEN), "threshold": cut,
        "seeds": SEEDS, "pages": N_PAGES, "validation": {"link_f1": f1s[cut], "by_cut": f1s},
        "reliability_validation": rel,
        "training_data": "synthetic key/value pages (training/forms_link_layouts.py): label "
                         "wordings of samples/generator/lexicon.py and general form words, "
                         "values from samples/generator/people.py; no FUNSD, no dev",
    })
    print(f"wrote models/forms/linker.npz, linker.json ({time.time() - t0:.0f}s)")


if __name__ == "__main__":
    main()
