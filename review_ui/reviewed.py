"""Records as reviewed: the reviewers' decisions applied over what the machine read, so
scores and case categories follow the review.

For each check, the last decision on it counts: confirm -> ``fail``; overturn with a
reason -> ``pass``; overturn with a corrected field value -> the field takes the value
(confidence 1.0, as a person read it) and that check's rule is run again on the
corrected fields; escalate leaves the check as the machine scored it. Other checks keep
their status (their fields were not touched by a person), and the score is recomputed
with the rubric's own weights. The stored record is never changed.
"""
from __future__ import annotations

import copy
from typing import Any, Iterable

from extractor.model import Check, Field
from scoring.rubric import RUBRIC, View, record_score

_RULES = {r.id: r for r in RUBRIC}


def _field(d: Any) -> Any:
    if not isinstance(d, dict):
        return None
    return Field(value=d.get("value"), confidence=float(d.get("confidence") or 0.0),
                 page=d.get("page"), evidence=d.get("evidence"), present=d.get("present"))


def apply_reviews(record: dict[str, Any], history: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """A reviewed copy of a contract record (``reviewed: True`` when any decision applied)."""
    rid = record["record_id"]
    last: dict[str, dict[str, Any]] = {}
    for d in history:
        if d["record_id"] == rid and d.get("check_id") and d["action"] != "comment":
            last[d["check_id"]] = d
    if not last:
        return record
    rec = copy.deepcopy(record)
    fields = rec.setdefault("fields", {})
    for d in last.values():  # corrections first: a rule re-run sees every correction
        if d["action"] == "correct" and d.get("field"):
            old = fields.get(d["field"]) if isinstance(fields.get(d["field"]), dict) else {}
            fields[d["field"]] = dict(old, value=d["value_after"], confidence=1.0)
    view = View({k: _field(v) for k, v in fields.items()})
    for c in rec.get("checks") or []:
        d = last.get(c["id"])
        if d is None:
            continue
        if d["action"] == "accept":
            c["status"] = "fail"
        elif d["action"] == "reject":
            c["status"] = "pass"
        elif d["action"] == "correct" and c["id"] in _RULES:
            outcome = _RULES[c["id"]].rule(view)
            c["status"] = {True: "pass", False: "fail"}.get(outcome, "unknown")
    rec["score"] = record_score([Check(c["id"], c["status"], c["severity"], "")
                                 for c in rec.get("checks") or []])
    rec["reviewed"] = True
    return rec


def reviewed_documents(documents: Iterable[dict[str, Any]],
                       history: list[dict[str, Any]]) -> Iterable[dict[str, Any]]:
    by_record: dict[str, list[dict[str, Any]]] = {}
    for d in history:
        by_record.setdefault(d["record_id"], []).append(d)
    for doc in documents:
        if not any(r["record_id"] in by_record for r in doc.get("records") or []):
            yield doc
            continue
        yield dict(doc, records=[apply_reviews(r, by_record.get(r["record_id"], []))
                                 for r in doc.get("records") or []])
