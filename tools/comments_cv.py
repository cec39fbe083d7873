"""Developer tool: leave-one-set-out cross-validation of the case-comment classifier.

  .venv/bin/python tools/comments_cv.py [--out DIR] [--sets heldout_v2.jsonl ...]
      [--set-weight 3] [--grammar-only] [--score-only]

For each hand-written set (``training.comment_sets.SETS``) a classifier is trained on the
grammar, the hand-written clauses and the *other* sets (``--grammar-only``: the grammar
and hand-written clauses alone, the pre-issue-14g recipe: one model, ``DIR/grammar``),
into ``DIR/<set>``; the set
left out is then scored with the whole reader (``tools/comments_heldout.py``: per-field
accuracy and F1, comment false passes). Prints one row per set and the mean; writes
``DIR/cv.json``. A fold already trained in ``DIR`` is reused (``--score-only`` never trains).

The numbers are cross-validated for the *classifier* only: the rule components (people,
languages, offers, doubts) were written after studying the misses of v2..v8, so their
part of each score is a validation score, not an unseen one.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FIELDS = ("decision", "decision_mode", "info_provided", "option_offered", "language",
          "interpreter_or_fluent", "witness_name", "child_names")


def score(model: Path, held: str) -> dict:
    """Score one set with the classifier in ``model`` (its own process: the pipeline and
    speller are cached per process)."""
    code = ("import json,sys; from pathlib import Path; sys.path.insert(0, 'tools'); "
            "import comments_heldout as h; h.use_model(Path(sys.argv[1])); "
            "rows = h.load(Path(sys.argv[2])); acc, _, _ = h.score(rows); "
            "print(json.dumps({'n': len(rows), 'acc': acc, 'f1': h.f1(rows), 'checks': h.checks(rows)}))")
    data = ROOT / "models" / "comments" / "data" / held
    res = subprocess.run([sys.executable, "-c", code, str(model), str(data)], cwd=ROOT,
                         capture_output=True, text=True, check=True)
    return json.loads(res.stdout.strip().splitlines()[-1])


def main() -> None:
    from training import comment_sets

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--out", type=Path, default=Path("/tmp/comments_cv"))
    ap.add_argument("--sets", nargs="*", default=list(comment_sets.SETS))
    ap.add_argument("--set-weight", type=int, default=8)
    ap.add_argument("--grammar-only", action="store_true")
    ap.add_argument("--score-only", action="store_true")
    a = ap.parse_args()
    rows = {}
    for held, rest in comment_sets.cv_folds(tuple(a.sets)):
        model = a.out / ("grammar" if a.grammar_only else held.replace(".jsonl", ""))
        if not (model / "meta.json").exists() and not a.score_only:
            subprocess.run([sys.executable, "-m", "training.comments", "--out", str(model),
                            "--set-weight", str(a.set_weight), "--sets",
                            *(() if a.grammar_only else rest)],
                           cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        rows[held] = score(model, held)
        _print_row(held, rows[held])
    mean = {"acc": {k: sum(r["acc"][k] for r in rows.values()) / len(rows) for k in FIELDS},
            "f1": {k: sum(r["f1"][k] for r in rows.values()) / len(rows) for k in FIELDS},
            "checks": {k: sum(r["checks"][k] for r in rows.values()) for k in rows[held]["checks"]},
            "n": sum(r["n"] for r in rows.values())}
    _print_row("mean", mean)
    (a.out / "cv.json").write_text(json.dumps({"folds": rows, "mean": mean}, indent=1))


def _print_row(name: str, r: dict) -> None:
    c = r["checks"]
    f = r["f1"]
    print(f"{name:20s} n={r['n']:4d} dec {r['acc']['decision']:.3f} mode {r['acc']['decision_mode']:.3f} "
          f"F1 info {f['info_provided']:.3f} opt {f['option_offered']:.3f} lang {f['language']:.3f} "
          f"interp {f['interpreter_or_fluent']:.3f} wit {f['witness_name']:.3f} "
          f"child {f['child_names']:.3f} fp {c['false_pass']}/{c['truth_fail']} "
          f"unk {c['unknown']} missed {c['missed']}/{c['missed_unknown']}", flush=True)


if __name__ == "__main__":
    main()
