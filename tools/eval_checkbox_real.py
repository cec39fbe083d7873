"""Marked/empty accuracy on real check-box scans (../shared/datasets/checkbox-real),
for today's ink-share rule (extractor/forms/election.py) and the trained mark classifier
(extractor/reader/marks.py), on the same boxes.

    .venv/bin/python tools/eval_checkbox_real.py [--data DIR]

Two settings: "given boxes" reads each labelled box where the label puts it; "detected"
runs ``find_boxes`` on the whole image first and reads the boxes it found that match a
label (IoU >= 0.3), so detection misses are counted apart. The data set only evaluates:
nothing is trained or tuned on it.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from extractor.forms import boxes as cb  # noqa: E402
from extractor.preprocess import mask_of  # noqa: E402
from extractor.reader.marks import read_boxes  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "checkbox-real" / "data"


def labelled(data: Path):
    for lab in sorted(data.glob("*/labels/*.txt")):
        img = lab.parent.parent / "images" / (lab.stem + ".jpg")
        grey = cv2.imread(str(img), cv2.IMREAD_GRAYSCALE)
        H, W = grey.shape
        boxes = []
        for line in lab.read_text().split("\n"):
            if not line.strip():
                continue
            c, cx, cy, w, h = line.split()
            cx, cy, w, h = float(cx) * W, float(cy) * H, float(w) * W, float(h) * H
            boxes.append(((cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2), int(c) == 1))
        yield lab.parent.parent.name, lab.stem, grey, boxes


def rule_marked(grey: np.ndarray, bboxes) -> list[bool]:
    """Today's decision: ink share inside the box (border cut away) against MARK_RATIO,
    on the background-normalised image, as ``find_boxes`` measures a solid outline."""
    side = max(max(b[2] - b[0], b[3] - b[1]) for b in bboxes)
    norm = cb.normalise_background(grey, max(31, int(2 * side * 2.2) + 1))
    ink = mask_of(norm < cb.INK_LEVEL)
    return [cb.decide(cb.box_ink(ink, b))[0] for b in bboxes]


def _iou(a, b) -> float:
    ix = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    i = ix * iy
    u = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - i
    return i / u if u > 0 else 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    args = ap.parse_args()
    rows = []  # (split, truth, rule, learned, detected, det_rule, det_learned)
    for split, stem, grey, boxes in labelled(args.data):
        bbs = [b for b, _ in boxes]
        rule = rule_marked(grey, bbs)
        learned = [r.marked for r in read_boxes(grey, bbs)]
        found = cb.find_boxes(grey, decider="ink")  # the rule decides; the learned reads below
        det = []
        for b, _ in boxes:
            best = max(found, key=lambda f: _iou(f.bbox, b), default=None)
            det.append(best if best is not None and _iou(best.bbox, b) >= 0.3 else None)
        det_learned = read_boxes(grey, [d.bbox for d in det if d is not None])
        it = iter(det_learned)
        for (b, t), r, l, d in zip(boxes, rule, learned, det):
            dl = next(it).marked if d is not None else None
            rows.append((split, t, r, l, d is not None, d.marked if d is not None else None, dl))
    print(f"{'split':6s} {'boxes':>5s} {'marked':>6s} | given boxes: {'rule':>6s} {'learned':>7s} | "
          f"detected: {'found':>5s} {'rule':>6s} {'learned':>7s}")
    for split in ("train", "val", "all"):
        sel = [r for r in rows if split == "all" or r[0] == split]
        n = len(sel)
        acc = lambda i: sum(r[i] == r[1] for r in sel) / n  # noqa: E731
        found = [r for r in sel if r[4]]
        dacc = lambda i: (sum(r[i] == r[1] for r in found) / len(found)) if found else float("nan")  # noqa: E731
        print(f"{split:6s} {n:5d} {sum(r[1] for r in sel):6d} | {'':12s} {acc(2):6.3f} {acc(3):7.3f} | "
              f"{'':9s} {len(found):5d} {dacc(5):6.3f} {dacc(6):7.3f}")
    errs = [r for r in rows if r[3] != r[1]]
    print(f"learned errors (given boxes): {sum(1 for r in errs if r[1])} marked read empty, "
          f"{sum(1 for r in errs if not r[1])} empty read marked")


if __name__ == "__main__":
    main()
