"""Developer tool: score the case-comment analyser on a held-out entries file.

  .venv/bin/python tools/comments_heldout.py models/comments/data/heldout_v2.jsonl [-v] [--model DIR]

``--model DIR`` scores another trained classifier (``python -m training.comments --out DIR``)
instead of the committed one.

Each line is {"text": ..., "expect": {field: value}} (lines starting with ``//`` are
comments); a field not listed is expected null/false. Prints per-field accuracy, the
decision confusion (truth -> predicted) and, with -v, every wrong field.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractor.comments.fields import analyze  # noqa: E402

FIELDS = ("decision", "decision_mode", "info_provided", "option_offered", "language",
          "interpreter_or_fluent", "witness_name", "child_names")


def load(path: Path) -> list[dict]:
    return [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines()
            if l.strip() and not l.lstrip().startswith("//")]


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


def _use_model(argv: list[str]) -> None:
    if "--model" in argv:
        from extractor.comments import features, nlp

        d = Path(argv[argv.index("--model") + 1])
        nlp.MODEL_DIR = d
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
    if "-v" in sys.argv:
        for k, exp, got, text in misses:
            print(f"[{k}] want {exp!r} got {got!r}: {text}")


if __name__ == "__main__":
    main()
