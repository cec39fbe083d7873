"""Hand-written entry sets as training data for the clause classifier (issue 14).

The sets ``models/comments/data/heldout_v2..v9.jsonl`` and ``heldout_v11.jsonl`` were written by people and
sessions independent of the grammar (see ``models/comments/data/README.md``); each line
is a whole entry with entry-level labels ``{"text", "expect": {field: value}}``. The
classifier reads clauses, so an entry gives two kinds of examples:

* the **whole entry** with its labels: the decision (WAIVE / REQUEST / ATTORNEY /
  UNDECIDED / NONE) and the flags INFO, OPTION and WRITTEN (decision_mode ``written``).
  The grammar joins clauses into multi-clause examples too, so this is the same kind of
  text the model already learns from;
* **each clause** with only the labels an entry-level truth fixes for every one of its
  clauses: an entry with no decision has no clause with a decision (NONE), an entry with
  no information / offer / written form has no clause with one (flag 0). Other labels of
  a clause are left missing (spaCy's textcat does not penalise a label a training
  example does not give), since which clause carries the entry's decision is not
  labelled.

:func:`cv_folds` gives leave-one-set-out folds for ``tools/comments_cv.py``.
"""
from __future__ import annotations

import json
from pathlib import Path

from extractor.comments.features import split_clauses
from training.comment_grammar import DECISIONS, FLAGS

DATA_DIR = Path(__file__).resolve().parents[1] / "models" / "comments" / "data"
#: the independent hand-written entry sets, in the order they were written
# heldout_v10 is not trained on: it stays a validation set (its misses were studied in
# issue 14i); heldout_v11 joined in session 9 after its first look and study
SETS = tuple(f"heldout_v{i}.jsonl" for i in range(2, 10)) + ("heldout_v11.jsonl",)
CODES = {"waive_reunification": "WAIVE", "requests_reunification": "REQUEST",
         "consult_attorney": "ATTORNEY", "undecided": "UNDECIDED"}


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.lstrip().startswith("//")]


def entry_cats(expect: dict) -> dict[str, float]:
    """The classifier's labels of a whole entry."""
    dec = CODES.get(expect.get("decision") or "", "NONE")
    cats = {d: float(d == dec) for d in DECISIONS}
    cats["INFO"] = float(bool(expect.get("info_provided")))
    cats["OPTION"] = float(bool(expect.get("option_offered")))
    cats["WRITTEN"] = float(expect.get("decision_mode") == "written")
    return cats


def clause_cats(expect: dict) -> dict[str, float]:
    """The labels every clause of the entry shares (the rest are missing)."""
    cats: dict[str, float] = {}
    if not expect.get("decision"):
        cats.update({d: float(d == "NONE") for d in DECISIONS})
    if not expect.get("info_provided"):
        cats["INFO"] = 0.0
    if not expect.get("option_offered"):
        cats["OPTION"] = 0.0
    if expect.get("decision_mode") != "written":
        cats["WRITTEN"] = 0.0
    return cats


def examples(names: tuple[str, ...] | list[str], entry_weight: int = 8) -> list[tuple[str, dict]]:
    """(text, cats) training pairs from the named sets, in file order (deterministic)."""
    out: list[tuple[str, dict]] = []
    for name in names:
        for row in load(DATA_DIR / name):
            text, exp = row["text"], row["expect"]
            out += [(text, entry_cats(exp))] * entry_weight
            spans = split_clauses(text)
            if len(spans) > 1:
                shared = clause_cats(exp)
                if shared:
                    out += [(text[a:b], dict(shared)) for a, b in spans]
    assert all(set(c) <= set(DECISIONS + FLAGS) for _, c in out)
    return out


def texts(names: tuple[str, ...] | list[str]) -> list[str]:
    return [row["text"] for name in names for row in load(DATA_DIR / name)]


def cv_folds(names: tuple[str, ...] = SETS) -> list[tuple[str, tuple[str, ...]]]:
    """Leave one set out: (held-out set, training sets)."""
    return [(held, tuple(n for n in names if n != held)) for held in names]
