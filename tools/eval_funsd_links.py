"""Question -> answer link F1 of the trained linker on FUNSD (real scanned forms).

    .venv/bin/python tools/eval_funsd_links.py [--split testing_data] [--funsd DIR]

Given FUNSD's annotated entities (boxes and text) and their question/answer labels, as
in the usual entity-linking evaluation, the linker (trained only on synthetic layouts:
training/forms_linker.py) scores every question x answer pair and assigns links once
per page; a predicted link is right if FUNSD links that question to that answer.
"--open" drops the labels: every entity may be a label and every entity a value (a
harder setting, reported apart). FUNSD's licence is non-commercial: it is read from
../shared and never copied into the repository; nothing is tuned on its testing split.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from extractor.reader.linker import Item, link  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "funsd"


def load(path: Path):
    form = json.loads(path.read_text())["form"]
    idx = {e["id"]: n for n, e in enumerate(form)}
    items = [Item(e["text"], tuple(float(v) for v in e["box"])) for e in form]
    label = [e["label"] for e in form]
    gold = set()
    for e in form:
        for a, b in e["linking"]:
            if a in idx and b in idx and label[idx[a]] == "question" and label[idx[b]] == "answer":
                gold.add((idx[a], idx[b]))
    return items, label, gold


def evaluate(split_dir: Path, open_roles: bool = False, multi: bool = False) -> dict[str, float]:
    tp = fp = fn = 0
    for f in sorted((split_dir / "annotations").glob("*.json")):
        items, label, gold = load(f)
        if open_roles:
            keys = values = [n for n, it in enumerate(items) if it.text.strip()]
        else:
            keys = [n for n, l in enumerate(label) if l == "question"]
            values = [n for n, l in enumerate(label) if l == "answer"]
        pred = {(k, v) for k, v, _ in link(items, keys, values, multi=multi)}
        tp += len(pred & gold)
        fp += len(pred - gold)
        fn += len(gold - pred)
    p = tp / max(1, tp + fp)
    r = tp / max(1, tp + fn)
    return {"precision": p, "recall": r, "f1": 2 * p * r / max(1e-9, p + r), "gold": tp + fn,
            "predicted": tp + fp}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--funsd", type=Path, default=DEFAULT)
    ap.add_argument("--split", default="testing_data")
    ap.add_argument("--open", action="store_true", help="no question/answer labels given")
    ap.add_argument("--multi", action="store_true", help="a question may take several answers")
    a = ap.parse_args()
    m = evaluate(a.funsd / a.split, a.open, a.multi)
    print(f"FUNSD {a.split} ({'open roles' if a.open else 'question/answer labels given'}"
          f"{', several answers per question' if a.multi else ''}): "
          f"link precision {m['precision']:.3f} recall {m['recall']:.3f} F1 {m['f1']:.3f} "
          f"({m['gold']} gold links, {m['predicted']} predicted)")


if __name__ == "__main__":
    main()
