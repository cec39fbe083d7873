"""The accuracy gate (issue 12): a small frozen held-out set, read by the product with
real Tesseract and scored by ../shared/eval/score.py, against committed floors.

  .venv/bin/python tools/eval_gate.py            # score the gate set, show the floors
  .venv/bin/python tools/eval_gate.py --make     # redraw tests/data/gate (then re-set floors)

The set: GATE_N forms of the generator's held-out families and hands (samples/generator/
splits.py), drawn once with GATE_SEED at 150 dpi and committed (images + truth.jsonl), so
the gate does not move when the generator changes. tests/test_accuracy_gate.py runs it in
CI; floors.json holds the floors, set just below what the product reached on it when they
were last set (a regression fails CI; an improvement may raise them).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

os.environ.setdefault("OMP_THREAD_LIMIT", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
GATE = ROOT / "tests" / "data" / "gate"
SCORE = ROOT.parent / "shared" / "eval" / "score.py"
GATE_N = 20
GATE_SEED = 120_2018


def make() -> None:
    from samples.generator import generate
    for f in (GATE / "files").glob("*") if (GATE / "files").exists() else []:
        f.unlink()
    generate(str(GATE), GATE_N, GATE_SEED, split="heldout", formats=["jpg"], dpis=[150])
    (GATE / "cases.jsonl").unlink(missing_ok=True)  # the gate scores forms, not cases


def _extract(path: str) -> dict:
    from waiverscan.pipeline import extract_document
    return extract_document(path).to_contract()


def measure(jobs: int = 2) -> dict:
    """The gate's scores: form field macro, election, parent_signed, false-pass and fail
    precision over form checks (score.py --json)."""
    if not SCORE.exists():
        raise FileNotFoundError(f"{SCORE} is missing: the gate scores with the shared evaluator")
    files = sorted(str(p) for p in (GATE / "files").iterdir())
    with ProcessPoolExecutor(jobs) as pool:
        docs = list(pool.map(_extract, files))
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "pred.jsonl"
        pred.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
        res = json.loads(subprocess.run([sys.executable, str(SCORE), "--truth", str(GATE), "--pred", str(pred),
                                         "--json"], check=True, capture_output=True, text=True).stdout)
    forms = res["checks_form"]
    return {"field_macro": res["form_field_accuracy_macro"], "election": res["election_accuracy"],
            "parent_signed": res["parent_signed_accuracy"], "false_pass": forms["false_pass_rate"],
            "fail_precision": forms["fail_precision"], "fields": res["form_field_accuracy"]}


def floors() -> dict:
    return json.loads((GATE / "floors.json").read_text())


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--make", action="store_true")
    ap.add_argument("--jobs", type=int, default=2)
    a = ap.parse_args(argv)
    if a.make:
        make()
        print(f"wrote {GATE_N} forms to {GATE}")
        return 0
    got = measure(a.jobs)
    print(json.dumps({k: v for k, v in got.items() if k != "fields"}, indent=1))
    print("per field:", json.dumps(got["fields"]))
    if (GATE / "floors.json").exists():
        print("floors:", json.dumps(floors()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
