"""Developer tool: score the case-comment analyser on a held-out entries file.

  .venv/bin/python tools/comments_heldout.py models/comments/data/heldout_v2.jsonl [-v] [--checks] [--model DIR]

``--model DIR`` scores another trained classifier (``python -m training.comments --out DIR``)
instead of the committed one.

Each line is {"text": ..., "expect": {field: value}} (lines starting with ``//`` are
comments); a field not listed is expected null/false. Prints per-field accuracy, the
decision confusion (truth -> predicted) and, with -v, every wrong field.
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractor.comments.fields import analyze  # noqa: E402
from training.comment_sets import load  # noqa: E402,F401  (one reader of the sets; callers use it from here)

FIELDS = ("decision", "decision_mode", "info_provided", "option_offered", "language",
          "interpreter_or_fluent", "witness_name", "child_names")




def score(rows: list[dict]) -> tuple[dict[str, float], Counter, list[tuple]]:
    """Per-field accuracy, decision confusion (truth, predicted) and the misses."""
    ok = Counter()
    confusion: Counter = Counter()
    misses = []
    for r in rows:
        found = analyze(r["text"])
        for k in FIELDS:
            got = found[k].value if found[k] else None
            exp = r["expect"].get(k)
            if (got or None) == (exp or None):
                ok[k] += 1
            else:
                misses.append((k, exp, got, r["text"]))
        got_d = found["decision"].value if found["decision"] else None
        confusion[(r["expect"].get("decision"), got_d)] += 1
    return {k: ok[k] / len(rows) for k in FIELDS}, confusion, misses


def f1(rows: list[dict]) -> dict[str, float]:
    """Per-field F1 as ../shared/eval/score.py counts it (False and [] count as absent)."""
    tally = {k: [0, 0, 0] for k in FIELDS}
    for r in rows:
        found = analyze(r["text"])
        for k in FIELDS:
            got = (found[k].value if found[k] else None) or None
            exp = r["expect"].get(k) or None
            c = tally[k]
            if got is not None and got == exp:
                c[0] += 1
            else:
                c[1] += got is not None
                c[2] += exp is not None
    out = {}
    for k, (tp, fp, fn) in tally.items():
        p_, r_ = (tp / (tp + fp) if tp + fp else 0.0), (tp / (tp + fn) if tp + fn else 0.0)
        out[k] = 2 * p_ * r_ / (p_ + r_) if p_ + r_ else 0.0
    return out


def checks(rows: list[dict]) -> dict:
    """Comment checks against the truth the rubric computes from the expected values (the
    entry is taken as dated): n, false passes (truth fail, reported pass), unknowns,
    and how many entries with a decision in truth were read with none (and how many of
    those went to a reviewer as C-DECISION unknown rather than not_applicable)."""
    from extractor.comments import _text_fields
    from extractor.model import COMMENT_FIELDS, Field, Record
    from scoring.rubric import check_statuses, score_record

    out = dict(n=0, false_pass=0, truth_fail=0, unknown=0, missed=0, missed_unknown=0)
    for r in rows:
        truth_vals = {k: r["expect"].get(k) for k in COMMENT_FIELDS}
        truth_vals["entry_date"] = "2019-01-01"
        truth = check_statuses("case_comment", truth_vals)
        fields = {k: None for k in COMMENT_FIELDS}
        fields.update(_text_fields(r["text"]))
        fields["entry_date"] = Field("2019-01-01", 0.95)
        rec = score_record(Record(kind="case_comment", index=0, fields=fields))
        got = {c.id: c.status for c in rec.checks}
        for cid, ts in truth.items():
            out["n"] += 1
            out["truth_fail"] += ts == "fail"
            out["false_pass"] += ts == "fail" and got[cid] == "pass"
            out["unknown"] += got[cid] == "unknown"
        if r["expect"].get("decision") and rec.value("decision") is None:
            out["missed"] += 1
            out["missed_unknown"] += got["C-DECISION"] == "unknown"
    return out


def _use_model(argv: list[str]) -> None:
    if "--model" in argv:
        use_model(Path(argv[argv.index("--model") + 1]))


def use_model(d: Path) -> None:
    """Read with the classifier trained into ``d`` (and its known words)."""
    from extractor.comments import features, nlp

    nlp._NLP = nlp.build_nlp(str(d.resolve()))
    features.KNOWN_WORDS = d / "known_words.txt"


def main() -> None:
    _use_model(sys.argv)
    rows = load(Path(sys.argv[1]))
    acc, conf, misses = score(rows)
    print(f"{len(rows)} entries")
    for k, v in acc.items():
        print(f"  {k:22s} {v:6.1%}")
    print(f"  {'all fields':22s} {sum(acc.values()) / len(acc):6.1%}")
    print("decision confusion (truth -> predicted):")
    for (t, p), n in sorted(conf.items(), key=lambda x: (str(x[0][0]), str(x[0][1]))):
        print(f"  {str(t):24s} -> {str(p):24s} {n}")
    if "--checks" in sys.argv:
        print("F1: " + ", ".join(f"{k} {v:.3f}" for k, v in f1(rows).items()))
        c = checks(rows)
        print(f"checks {c['n']}: false-pass {c['false_pass']}/{c['truth_fail']} truth-fail "
              f"({c['false_pass'] / max(1, c['truth_fail']):.1%}), unknown {c['unknown']}; "
              f"decisions missed {c['missed']}, of them C-DECISION unknown {c['missed_unknown']}")
    if "-v" in sys.argv:
        for k, exp, got, text in misses:
            print(f"[{k}] want {exp!r} got {got!r}: {text}")


if __name__ == "__main__":
    main()
