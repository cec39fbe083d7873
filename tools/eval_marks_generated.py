"""Box-level comparison of the ink-share rule and the trained mark classifier on
generated validation forms (never dev, never the held-out seeds of ``make eval``).

    .venv/bin/python tools/eval_marks_generated.py [--n 120] [--seed 7000000]

Each form is drawn by samples.generator with a boxed option block (boxes left or right),
scanned with the generator's damage at 150-300 dpi, and ``find_boxes`` runs on the page;
the box level with each option's first line is read by both deciders against the truth
(the options the generator marked). Also prints how many forms have every option right.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from extractor.forms.boxes import find_boxes  # noqa: E402
from extractor.reader.marks import read_boxes  # noqa: E402
from samples.generator import degrade, render  # noqa: E402
from samples.generator.spec import sample  # noqa: E402


def scan(seed: int):
    """(grey page, dpi, [(option y-range at that dpi, marked?)])."""
    rng = np.random.default_rng(seed)
    kind = ["box_left", "box_right"][seed % 2]
    spec = sample(seed, options=kind)
    img, layout = render.render_form(spec, 300)
    dpi = int(rng.choice([150, 200, 300]))
    p = degrade.plan(rng, 1.0, allow={"rotate", "illum", "shadow", "blur", "noise", "saltpepper", "fax"})
    arr = degrade.apply(np.asarray(img.convert("L")), p, 300, rng, "paper")
    arr = degrade.downscale(arr, 300, dpi)
    arr = degrade.apply(arr, p, dpi, rng, "sensor")
    f = dpi / 300
    opts = []
    for key, (x0, y0, x1, y1) in layout["regions"].items():
        if key.startswith("option."):
            # the box: at the region's left edge (boxes left), or just right of it
            bx = x0 * f if kind == "box_left" else x1 * f
            opts.append(((y0 * f, y1 * f, bx, kind), key.split(".", 1)[1] in spec.marked))
    return arr, dpi, opts, spec.mark_style


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=120)
    ap.add_argument("--seed", type=int, default=7_000_000)
    a = ap.parse_args()
    n = rule_ok = learned_ok = missing = 0
    forms_rule = forms_learned = 0
    by_style: dict[str, list[int]] = {}
    for i in range(a.n):
        grey, dpi, opts, style = scan(a.seed + i)
        boxes = find_boxes(grey, dpi=dpi)
        all_r = all_l = True
        for (ya, yb, bx, kind), truth in opts:
            tol = 0.04 * dpi
            level = [b for b in boxes if ya - tol <= b.bbox[1] <= ya + 0.5 * (yb - ya) + tol
                     and (abs(b.bbox[0] - bx) <= tol if kind == "box_left"
                          else bx < b.bbox[0] <= bx + 0.5 * dpi)]
            if not level:
                missing += 1
                all_r = all_l = False
                continue
            b = max(level, key=lambda b: b.bbox[2] - b.bbox[0])  # letter bowls are smaller
            r = b.marked == truth
            l = read_boxes(grey, [b.bbox])[0].marked == truth
            n += 1
            rule_ok += r
            learned_ok += l
            all_r &= r
            all_l &= l
            s = by_style.setdefault(style, [0, 0, 0])
            s[0] += 1
            s[1] += r
            s[2] += l
        forms_rule += all_r
        forms_learned += all_l
    print(f"{a.n} generated forms (seeds {a.seed}..{a.seed + a.n - 1}), {n} option boxes found, "
          f"{missing} not found")
    print(f"box accuracy: rule {rule_ok / n:.4f}  learned {learned_ok / n:.4f}")
    print(f"forms with every found box right: rule {forms_rule}/{a.n}  learned {forms_learned}/{a.n}")
    for st, (k, r, l) in sorted(by_style.items()):
        print(f"  mark style {st:13s} boxes {k:4d}  rule {r / k:.3f}  learned {l / k:.3f}")


if __name__ == "__main__":
    main()
