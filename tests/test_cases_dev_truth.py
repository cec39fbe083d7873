"""On the dev corpus, roll_up over documents built from the true values reproduces
cases.jsonl exactly: category, flags, earliest date and records of every case."""
from __future__ import annotations

import json

import pytest

from conftest import DEV_DIR
from scoring.cases import roll_up
from scoring.rubric import RUBRIC

SEV = {r.id: r.severity for r in RUBRIC}


def _truth_documents() -> list[dict]:
    docs = []
    for line in (DEV_DIR / "truth.jsonl").read_text(encoding="utf-8").splitlines():
        t = json.loads(line)
        recs = [{"record_id": r["record_id"], "kind": r["kind"],
                 "fields": {k: None if v is None else {"value": v, "confidence": 1}
                            for k, v in r["fields"].items()},
                 "checks": [{"id": k, "status": s, "severity": SEV[k], "why": ""}
                            for k, s in r["checks"].items()],
                 "score": None} for r in t["records"]]
        docs.append({"schema_version": "1", "source": t["source"], "sha256": t["sha256"],
                     "doc_type": t["doc_type"], "pages": t["pages"], "error": None,
                     "records": recs})
    return docs


def _key(case: dict) -> str:
    return case["a_number"] or case["records"][0]


@pytest.mark.skipif(not (DEV_DIR / "cases.jsonl").exists(), reason="dev corpus not present")
def test_truth_built_documents_reproduce_dev_cases():
    truth = {_key(c): c for c in map(json.loads, (DEV_DIR / "cases.jsonl").read_text(
        encoding="utf-8").splitlines())}
    got = {_key(c): c for c in roll_up(_truth_documents())["cases"]}
    assert got.keys() == truth.keys()
    for k, t in truth.items():
        g = got[k]
        assert (g["category"], sorted(g["flags"]), g["earliest_decision_date"], sorted(g["records"])) \
            == (t["category"], sorted(t["flags"]), t["earliest_decision_date"], sorted(t["records"])), k


@pytest.mark.skipif(not (DEV_DIR / "truth.jsonl").exists(), reason="dev corpus not present")
def test_truth_lines_roll_up_as_they_are():
    """Bare values and {id: status} checks (the truth file's own shape) are accepted."""
    truth_lines = [json.loads(l) for l in (DEV_DIR / "truth.jsonl").read_text(
        encoding="utf-8").splitlines()]
    a = roll_up(truth_lines)
    b = roll_up(_truth_documents())
    strip = lambda r: [(c["a_number"], c["category"], c["flags"]) for c in r["cases"]]
    assert strip(a) == strip(b)
    assert a["summary"]["checks"] == b["summary"]["checks"]
