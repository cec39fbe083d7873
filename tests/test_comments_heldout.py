"""Hand-written entry sets (models/comments/data/heldout_v2..v11.jsonl), written apart from
the grammar and the dev set by people and sessions who saw neither. Until issue 14g they
were validation sets; since issue 14g the classifier is **trained on them** beside the
grammar (training/comment_sets.py; their leave-one-set-out cross-validation is in
models/comments/data/README.md), so the floors below are regression floors on training
data, not unseen scores: a grammar, feature or rule change that loses a phrasing the
reader used to read fails here. Floors sit just below the issue-14g model and code
(tools/comments_heldout.py): decision 98.4-100 %, option 99.5-100 %, witness 100 %,
children 99.4-100 %; info_provided 97-100 % on v2, v4 and v5 ("form read" counts as
information, unsure: models/comments/README.md, "Integrator's decision").
The fresh test of issue 14g is a set no one here has read. heldout_v10 is a validation
set (studied in issue 14i, not trained on); heldout_v11 was studied and then trained on in
session 9. Every set also keeps comment false passes <= 0.5 %."""
import json
from pathlib import Path

import pytest

from extractor.comments import extract_comment_file
from extractor.comments.fields import analyze
from training.comments import load_handwritten
from extractor.model import Document
from scoring.rubric import score_document

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "models" / "comments" / "data"
FIELDS = ("decision", "decision_mode", "info_provided", "option_offered", "language",
          "interpreter_or_fluent", "witness_name", "child_names")

FLOORS = {
    "heldout_v2.jsonl": {"decision": 0.96, "decision_mode": 0.96, "info_provided": 0.96,
                         "option_offered": 0.97, "language": 0.98, "interpreter_or_fluent": 0.98,
                         "witness_name": 0.98, "child_names": 0.98},
    # 42 entries: one entry is 2.4 points
    "heldout_v3.jsonl": {"decision": 0.95, "decision_mode": 0.97, "info_provided": 0.92,
                         "option_offered": 0.92, "language": 0.95, "interpreter_or_fluent": 0.97,
                         "witness_name": 0.97, "child_names": 0.97},
    # 170 entries: one entry is 0.6 points
    "heldout_v4.jsonl": {"decision": 0.94, "decision_mode": 0.95, "info_provided": 0.91,
                         "option_offered": 0.95, "language": 0.97, "interpreter_or_fluent": 0.97,
                         "witness_name": 0.98, "child_names": 0.98},
    # validation sets since issue 14c (their misses were studied); floors just below the
    # model of issue 14c: v5 decision 82.5, mode 87.5, info 95.0, language and
    # interpreter 97.5, the rest 100; v6 decision 92.7, mode 91.5, info 93.2, option
    # 96.6, language 97.2, interpreter 98.3, witness 100, children 99.4
    "heldout_v5.jsonl": {"decision": 0.80, "decision_mode": 0.85, "info_provided": 0.92,
                         "option_offered": 0.97, "language": 0.95, "interpreter_or_fluent": 0.95,
                         "witness_name": 0.97, "child_names": 0.97},
    "heldout_v6.jsonl": {"decision": 0.91, "decision_mode": 0.90, "info_provided": 0.94,
                         "option_offered": 0.96, "language": 0.96, "interpreter_or_fluent": 0.97,
                         "witness_name": 0.98, "child_names": 0.98},
    # validation set since issue 14e; floors just below the issue-14e model and code:
    # decision 92.0, mode 90.0, info 96.5, option 97.0, language 97.0, interpreter 98.5,
    # witness 100, children 99.5 (200 entries: one entry is 0.5 points); v6 info 94.9
    "heldout_v7.jsonl": {"decision": 0.91, "decision_mode": 0.89, "info_provided": 0.95,
                         "option_offered": 0.96, "language": 0.96, "interpreter_or_fluent": 0.97,
                         "witness_name": 0.99, "child_names": 0.98},
    # trained on since issue 14g (its first look is in models/comments/data/README.md)
    "heldout_v8.jsonl": {"decision": 0.96, "decision_mode": 0.91, "info_provided": 0.96,
                         "option_offered": 0.98, "language": 0.96, "interpreter_or_fluent": 0.94,
                         "witness_name": 0.99, "child_names": 0.98},
    # trained on since issue 14h (its first look is in models/comments/data/README.md);
    # floors just below the issue-14h model: decision 98.9, info 99.4, the rest 100
    # (179 entries: one entry is 0.6 points)
    "heldout_v9.jsonl": {"decision": 0.97, "decision_mode": 0.98, "info_provided": 0.97,
                         "option_offered": 0.98, "language": 0.98, "interpreter_or_fluent": 0.98,
                         "witness_name": 0.98, "child_names": 0.98},
    # a validation set since issue 14i (first look in models/comments/data/README.md; its
    # misses were studied, it is NOT trained on); floors just below the issue-14i model
    # and code: decision 95.7, mode 97.0, info 97.0, option 97.9, language 99.1,
    # interpreter 99.6, witness and children 100 (234 entries: one entry is 0.4 points)
    # (session 9 studied it again: decision 99.1, mode 99.6; raised to 0.98 / 0.98)
    "heldout_v10.jsonl": {"decision": 0.98, "decision_mode": 0.98, "info_provided": 0.96,
                          "option_offered": 0.97, "language": 0.98, "interpreter_or_fluent": 0.99,
                          "witness_name": 0.99, "child_names": 0.99},
    # first look in session 9 (models/comments/data/README.md), studied, then trained on
    # (training data, so a regression floor, not an unseen score); floors just below the
    # session-9 model and code: decision 100, mode 99.5, language 99.5, the rest 100
    # (208 entries: one entry is 0.5 points)
    "heldout_v11.jsonl": {"decision": 0.99, "decision_mode": 0.99, "info_provided": 0.99,
                          "option_offered": 0.99, "language": 0.99, "interpreter_or_fluent": 0.99,
                          "witness_name": 0.99, "child_names": 0.99},
    # validation set since session 9 (first look in models/comments/data/README.md, then
    # studied; NOT trained on); floors just below the session-9 v12-study code: decision
    # 95.6, mode 97.8, info 95.6, option 96.5, language 96.5, interpreter 94.3, witness
    # 97.8, children 95.2 (228 entries: one entry is 0.44 points)
    "heldout_v12.jsonl": {"decision": 0.95, "decision_mode": 0.97, "info_provided": 0.95,
                          "option_offered": 0.96, "language": 0.96, "interpreter_or_fluent": 0.94,
                          "witness_name": 0.97, "child_names": 0.95},
}


def _rows(name):
    return [json.loads(l) for l in (DATA / name).read_text(encoding="utf-8").splitlines()
            if l.strip() and not l.lstrip().startswith("//")]


@pytest.fixture(scope="module")
def accuracy():
    out = {}
    for name in FLOORS:
        rows = _rows(name)
        ok = dict.fromkeys(FIELDS, 0)
        for r in rows:
            found = analyze(r["text"])
            for k in FIELDS:
                got = found[k].value if found[k] else None
                ok[k] += (got or None) == (r["expect"].get(k) or None)
        out[name] = {k: ok[k] / len(rows) for k in FIELDS}
    return out


@pytest.mark.parametrize("name,field", [(n, f) for n in FLOORS for f in FIELDS])
def test_comments_heldout_field_accuracy_stays_above_floor(accuracy, name, field):
    got = accuracy[name][field]
    assert got >= FLOORS[name][field], f"{name} {field}: {got:.1%} < floor {FLOORS[name][field]:.0%}"


@pytest.mark.parametrize("name", ["heldout_v4.jsonl", "heldout_v5.jsonl", "heldout_v6.jsonl",
                                  "heldout_v7.jsonl", "heldout_v8.jsonl", "heldout_v10.jsonl",
                                  "heldout_v11.jsonl", "heldout_v12.jsonl"])
def test_comments_heldout_false_pass_at_most_half_a_percent(name):
    """Unsure means unknown: a comment check whose truth is fail is almost never `pass`."""
    from tools.comments_heldout import checks

    c = checks(_rows(name))
    assert c["truth_fail"] > 50
    assert c["false_pass"] <= 0.005 * c["truth_fail"], f"{name}: {c['false_pass']}/{c['truth_fail']} false passes"


def test_comments_heldout_sets_are_big_and_cover_every_decision():
    rows = _rows("heldout_v2.jsonl")
    assert len(rows) >= 120
    decisions = {r["expect"]["decision"] for r in rows}
    assert decisions == {None, "waive_reunification", "requests_reunification",
                         "consult_attorney", "undecided"}


def test_comments_sets_are_not_copied_into_the_handwritten_clauses():
    """The sets are trained on as whole entries (training/comment_sets.py) and nowhere else:
    no clause of theirs is copied into the hand-written training clauses."""
    trained = " ".join(e.text.lower() for e in load_handwritten())
    for name in FLOORS:
        for r in _rows(name):
            for clause in r["text"].lower().split(". "):
                if len(clause) > 30:
                    assert clause not in trained, f"{name} clause in handwritten.jsonl: {clause}"


@pytest.mark.parametrize("text", [
    "Medical screening completed. No further action.",
    "Case reviewed. No further action at this time.",
    "NFA.",
])
def test_comments_no_further_action_records_no_decision(text):
    f = analyze(text)
    assert f["decision"] is None
    assert f["decision_mode"] is None


def test_comments_explained_may_be_removed_or_leave_is_information_and_an_offer():
    f = analyze("Explained that he may be flown home together with his son or let the boy "
                "stay in the US and keep his own asylum case.")
    assert f["info_provided"].value is True
    assert f["option_offered"].value is True
    assert f["decision"] is None


def test_comments_sample_printout_medical_entry_is_not_applicable():
    """The bundled sample: its unrelated medical entry has every C-* check not_applicable,
    and the interview entry reads as informed, offered, a reunification request."""
    path = ROOT / "samples" / "comments" / "0102_case_notes.txt"
    doc = Document(source=path.name, sha256="0" * 64)
    doc.records, _ = extract_comment_file(path, "text")
    score_document(doc)
    medical = [r for r in doc.records if r.fields.get("decision") is None]
    assert medical, "the medical entry should record no decision"
    for r in medical:
        assert {c.status for c in r.checks if c.id.startswith("C-")} == {"not_applicable"}
    interview = [r for r in doc.records if r.fields.get("decision")
                 and r.fields["decision"].value == "requests_reunification"]
    assert interview and interview[0].fields["info_provided"].value is True
    assert interview[0].fields["option_offered"].value is True
