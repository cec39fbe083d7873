"""Measure the whole product on a corpus with ground truth, the way the evaluators in
../shared/eval/ define it: every file scanned (workers, store, roll-up exactly as an
investigator runs them), predictions dumped, then score.py (fields, checks, cases).

  .venv/bin/python tools/evaluate.py ../shared/datasets/dev [--workers 2] [--out DIR]

Writes DIR/pred.jsonl (one contract document per line) and DIR/report.json (the Cases
section), and prints score.py's table. Any truth directory in the dev corpus format
works, e.g. one made by `python -m samples.generator OUT --n 40 --seed 5`.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scoring.report import build  # noqa: E402
from waiverscan.batch import scan  # noqa: E402
from waiverscan.store import open_store  # noqa: E402

SCORE = ROOT.parent / "shared" / "eval" / "score.py"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("truth", type=Path, help="a folder with truth.jsonl and files/")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--json", action="store_true", help="score.py's JSON instead of its table")
    a = ap.parse_args(argv)
    out = a.out or Path(tempfile.mkdtemp(prefix="waiverscan-eval-"))
    out.mkdir(parents=True, exist_ok=True)
    db = out / "eval.db"
    if db.exists():
        db.unlink()
    store = open_store(f"sqlite:///{db}")
    try:
        scan([a.truth / "files"], store, workers=a.workers, progress=sys.stderr.isatty())
        docs = list(store.iter_documents())
    finally:
        store.close()
    with open(out / "pred.jsonl", "w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    report = build(docs)
    (out / "report.json").write_text(json.dumps({"summary": report["summary"], "cases": report["cases"]},
                                                ensure_ascii=False), encoding="utf-8")
    cmd = [sys.executable, str(SCORE), "--truth", str(a.truth), "--pred", str(out / "pred.jsonl")]
    if (a.truth / "cases.jsonl").exists():
        cmd += ["--cases", str(out / "report.json")]
    if a.json:
        cmd.append("--json")
    print(f"# predictions and report in {out}", file=sys.stderr)
    return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())
