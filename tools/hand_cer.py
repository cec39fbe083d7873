"""Character error rate of hand.traineddata models on lines written in faces they were
not trained on (issue 12: recognisers "reported on the fonts left out").

  .venv/bin/python tools/hand_cer.py [--model DIR ...] [--faces breip rufscript kaushan]
                                     [--n 150] [--seed 424242]

Lines of what hand-written fields hold (``training.hand_model.line_text``: names, titles,
interpreter entries, languages, dates, A-numbers) are written in each face by the
training renderer without stroke augmentation (as validation forms' entries are drawn),
prepared as the extractor prepares a value's line (``hand_ocr.line_image``) and read by
each model (psm 13). CER = edit distance / characters of the truth, summed over lines;
"exact" = lines read exactly (whitespace collapsed). The default faces are the
validation hands; held-out hands are refused (they are measured once, by the
integrator, never used to choose). Default model: the committed one.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

from extractor import hand_ocr  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def edit_distance(a: str, b: str) -> int:
    from rapidfuzz.distance import Levenshtein
    return Levenshtein.distance(a, b)


def lines(face_id: str, n: int, seed: int) -> list[tuple[str, np.ndarray]]:
    from samples.generator import fonts
    from training import hand_model as hm
    face = fonts.available()[face_id]
    rng = random.Random(seed)
    np_rng = np.random.default_rng(seed)
    out = []
    for _ in range(n):
        text = hm.line_text(rng)
        out.append((text, hm.render_line(rng, np_rng, text, face, augment=False)))
    return out


def score(model: Path, data: list[tuple[str, np.ndarray]]) -> dict:
    hand_ocr.MODEL_DIR = model
    errs = chars = exact = 0
    for text, img in data:
        got, _ = hand_ocr.read_line(img)
        truth, got = " ".join(text.split()), " ".join(got.split())
        errs += edit_distance(truth, got)
        chars += len(truth)
        exact += truth == got
    return {"cer": round(errs / max(1, chars), 4), "exact": round(exact / max(1, len(data)), 3),
            "lines": len(data)}


def main(argv=None) -> None:
    from samples.generator import splits
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", type=Path, action="append",
                    help="folder holding hand.traineddata (repeatable); default the committed model")
    ap.add_argument("--faces", nargs="+", default=list(splits.font_ids("validation", "hand")))
    ap.add_argument("--n", type=int, default=150, help="lines per face")
    ap.add_argument("--seed", type=int, default=424242)
    a = ap.parse_args(argv)
    held = {f for r in ("hand", "type") for f in splits.font_ids("heldout", r)}
    if held & set(a.faces):
        raise SystemExit(f"held-out faces are not measured here: {', '.join(sorted(held & set(a.faces)))}")
    models = a.model or [ROOT / "models" / "tesseract-hand"]
    report: dict = {}
    for k, face in enumerate(a.faces):
        data = lines(face, a.n, a.seed + k)
        for m in models:
            report.setdefault(str(m), {})[face] = score(m, data)
    for m, by_face in report.items():
        cer = sum(v["cer"] for v in by_face.values()) / len(by_face)
        by_face["mean_cer"] = round(cer, 4)
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
