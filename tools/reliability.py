"""Developer tool: are the reader's confidences what they say, and where should the
rubric's cut-offs sit? Measured on forms with truth (validation or a held-out draw),
never on dev.

  .venv/bin/python tools/reliability.py DIR [DIR ...]

Each DIR holds ``truth.jsonl`` and ``pred.jsonl`` (what ``tools/heldout_eval.py --out``
leaves under ``validation/`` or ``heldout/``). Prints

1. a reliability table: form fields binned by their reported confidence, with the share
   read right (score.py's own comparison) in each bin. A calibrated reader's "0.9" is
   right about nine times in ten;
2. a cut-off sweep: the form checks re-scored from the predicted fields with other
   values of the rubric's ``PASS_MIN_CONFIDENCE`` / ``FAIL_MIN_CONFIDENCE``, and the
   false-pass rate, fail precision and share sent to a reviewer (``unknown``) each gives.
   That is where the rubric's cut-offs are chosen: on these sets, not on dev.

Scoring from the contract output needs each field's ``present`` (exported since
pipeline version 7's follow-up); older predictions re-score slightly differently.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCORE_DIR = ROOT.parent / "shared" / "eval"

from extractor.model import Field  # noqa: E402
from scoring import rubric  # noqa: E402


def _score():
    """The evaluator's own comparison rules (../shared/eval/score.py), loaded when
    first needed so that importing this module never depends on it."""
    if not (SCORE_DIR / "score.py").is_file():
        raise FileNotFoundError(f"{SCORE_DIR / 'score.py'} is missing: fields are judged by the shared evaluator")
    if str(SCORE_DIR) not in sys.path:
        sys.path.insert(0, str(SCORE_DIR))
    import score
    return score

BINS = (0.0, 0.35, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0001)
PASS_CUTS = (0.5, 0.6, 0.7, 0.8)
FAIL_CUTS = (0.2, 0.35, 0.5)


def pairs(folder: Path):
    """(truth form record, predicted form record or None) of every form in a folder."""
    S = _score()
    truth = [json.loads(line) for line in open(folder / "truth.jsonl", encoding="utf-8")]
    preds, _ = S.load_jsonl(folder / "pred.jsonl")
    by_sha = {p.get("sha256"): p for p in preds}
    for t in truth:
        p = by_sha.get(t["sha256"]) or {}
        forms = [r for r in p.get("records") or [] if r.get("kind") == "waiver_form"]
        for i, tr in enumerate(r for r in t["records"] if r["kind"] == "waiver_form"):
            yield tr, (forms[i] if i < len(forms) else None)


def field_rows(folder: Path, raw: bool = False):
    """(field name, confidence, read right) of every predicted form field; with ``raw``
    the reader's confidence before calibration (``confidence_raw``) where exported."""
    S = _score()
    for tr, pr in pairs(folder):
        if pr is None:
            continue
        for name, tv in tr["fields"].items():
            f = (pr.get("fields") or {}).get(name)
            if not isinstance(f, dict):
                continue
            conf = f.get("confidence_raw", f.get("confidence")) if raw else f.get("confidence")
            ok = S.canon(name, tv, "waiver_form") == S.canon(name, f.get("value"), "waiver_form")
            yield name, float(conf or 0.0), bool(ok)


def reliability(rows: list[tuple[str, float, bool]]) -> str:
    out = ["confidence      fields   right   share", "-" * 40]
    ece, n_all = 0.0, len(rows)
    for lo, hi in zip(BINS, BINS[1:]):
        b = [(c, ok) for _, c, ok in rows if lo <= c < hi]
        if not b:
            continue
        right = sum(ok for _, ok in b)
        mean_c = sum(c for c, _ in b) / len(b)
        ece += len(b) / n_all * abs(right / len(b) - mean_c)
        out.append(f"[{lo:.2f}, {min(hi, 1.0):.2f}{']' if hi > 1 else ')'}  {len(b):7d} {right:7d}   {right / len(b):.3f}")
    out.append(f"expected calibration error {ece:.3f} over {n_all} fields")
    return "\n".join(out)


def _view(pr: dict) -> rubric.View:
    fields = {}
    for name, f in (pr.get("fields") or {}).items():
        fields[name] = None if not isinstance(f, dict) else Field(
            value=f.get("value"), confidence=float(f.get("confidence") or 0.0), present=f.get("present"))
    return rubric.View(fields)


def sweep(folders: list[Path]) -> str:
    recs = [(tr, pr) for d in folders for tr, pr in pairs(d) if pr is not None]
    old = rubric.PASS_MIN_CONFIDENCE, rubric.FAIL_MIN_CONFIDENCE
    out = ["pass cut  fail cut   checks   false-pass   fail precision   unknown", "-" * 66]
    try:
        for pc in PASS_CUTS:
            for fc in FAIL_CUTS:
                rubric.PASS_MIN_CONFIDENCE, rubric.FAIL_MIN_CONFIDENCE = pc, fc
                n = fp = tfail = pfail = tp = unk = 0
                for tr, pr in recs:
                    got = {c.id: c.status for c in rubric.evaluate("waiver_form", _view(pr))}
                    for cid, ts in tr["checks"].items():
                        ps = got.get(cid, "missing")
                        n += 1
                        tfail += ts == "fail"
                        fp += ps == "pass" and ts == "fail"
                        pfail += ps == "fail"
                        tp += ps == "fail" and ts == "fail"
                        unk += ps == "unknown"
                mark = "  <- the rubric's" if (pc, fc) == old else ""
                out.append(f"{pc:8.2f}  {fc:8.2f}  {n:7d}   {fp / max(tfail, 1):9.1%}   "
                           f"{tp / max(pfail, 1):14.3f}   {unk / max(n, 1):7.1%}{mark}")
    finally:
        rubric.PASS_MIN_CONFIDENCE, rubric.FAIL_MIN_CONFIDENCE = old
    return "\n".join(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dirs", nargs="+", type=Path, help="folders with truth.jsonl and pred.jsonl")
    ap.add_argument("--by-field", action="store_true", help="a reliability table per field too")
    a = ap.parse_args(argv)
    if any("datasets/dev" in str(d.resolve()) for d in a.dirs):
        print("reliability: dev is not a set to choose cut-offs on", file=sys.stderr)
        return 2
    rows = [r for d in a.dirs for r in field_rows(d)]
    print(f"# {len(rows)} form fields from {', '.join(str(d) for d in a.dirs)}")
    print(reliability(rows))
    if a.by_field:
        for name in sorted({r[0] for r in rows}):
            print(f"\n## {name}\n" + reliability([r for r in rows if r[0] == name]))
    print("\n# form checks re-scored with other cut-offs (false-pass: of the checks that truly fail)")
    print(sweep(a.dirs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
