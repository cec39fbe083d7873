"""Accuracy gate (issue 12): the product, with real Tesseract, on a small frozen set of
forms from the generator's HELD-OUT layout families and hands (tests/data/gate, drawn
once by tools/eval_gate.py --make and committed), scored by ../shared/eval/score.py.
Each floor sits just below what the product reached on this set when it was set
(floors.json says when and what): a regression in reading fails CI. Raise the floors
when the product gets better; never lower them to let a change in."""
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import eval_gate  # noqa: E402

pytestmark = [pytest.mark.integration, pytest.mark.slow]  # real Tesseract on 20 pages


@pytest.fixture(scope="module")
def scores():
    return eval_gate.measure(jobs=2)


def test_gate_set_is_held_out_and_frozen():
    lines = [json.loads(l) for l in open(eval_gate.GATE / "truth.jsonl", encoding="utf-8")]
    from samples.generator import splits
    assert len(lines) == eval_gate.GATE_N
    assert all(t["meta"]["family"] in splits.families("heldout") for t in lines)
    kinds = {t["meta"]["family"].split(".")[0] for t in lines}
    assert {"removal_2018", "notice_2018", "grammar"} <= kinds
    files = sorted(p.name for p in (eval_gate.GATE / "files").iterdir())
    assert files == sorted(Path(t["source"]).name for t in lines)


@pytest.mark.parametrize("measure", ["field_macro", "election", "parent_signed", "fail_precision"])
def test_gate_floor(scores, measure):
    floor = eval_gate.floors()[measure]
    assert scores[measure] is not None and scores[measure] >= floor, (measure, scores[measure], floor)


def test_gate_false_pass_ceiling(scores):
    ceiling = eval_gate.floors()["false_pass_max"]
    assert scores["false_pass"] is not None and scores["false_pass"] <= ceiling, (scores["false_pass"], ceiling)
