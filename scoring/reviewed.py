"""Records as reviewed: the reviewers' decisions applied over what the machine read, so
scores and case categories follow the review. (Here in scoring/, not in the review UI:
the CLI's reports, the client PDF and the UI pages must tell one and the same account.)

Which decisions count (:func:`effective_decisions`): each reviewer's *latest* decision
on a subject (a check of a record, or a field corrected in the values table) supersedes
their earlier ones; a ``withdraw`` (undo) leaves that reviewer with no decision on it.
The log itself stays append-only: revising is appending.

Field values: every correction (``correct`` with a field, made on a check or on the
values table of the Record page) sets its field to the corrected value, confidence 1.0
(a person read it); the last correction of a field counts.

Check statuses: a check takes its last decision: confirm -> ``fail``; overturn with a
reason -> ``pass``; overturn with a corrected value -> its rule is run again on the
corrected fields; escalate leaves the machine's status. A correction of one of the
check's own fields made *after* that decision (or on an undecided check) runs the rule
again too: the newer reading wins. Other checks keep their status, and the score is
recomputed with the rubric's own weights. The stored record is never changed.
"""
from __future__ import annotations

import copy
from typing import Any, Iterable

from extractor.model import Check, Field
from scoring.fields import CHECK_FIELDS
from scoring.rubric import RUBRIC, View, record_score

_RULES = {r.id: r for r in RUBRIC}


def _field(d: Any) -> Any:
    if not isinstance(d, dict):
        return None
    return Field(value=d.get("value"), confidence=float(d.get("confidence") or 0.0),
                 page=d.get("page"), evidence=d.get("evidence"), present=d.get("present"))


#: what a reviewer appends to take back their own decision on a subject
WITHDRAW = "withdraw"


def subject(d: dict[str, Any]) -> tuple[str, str]:
    """What a decision is about: ``(record, "check:<id>" | "field:<name>")``."""
    what = f"check:{d['check_id']}" if d.get("check_id") else f"field:{d.get('field')}"
    return d["record_id"], what


def effective_decisions(history: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The decisions that count, in the order made: per reviewer and subject the latest
    one, unless that latest one is a withdrawal; comments say nothing and are left out."""
    latest: dict[tuple[str, tuple[str, str]], tuple[int, dict[str, Any]]] = {}
    for i, d in enumerate(history):
        if d["action"] == "comment":
            continue
        latest[(d["reviewer"], subject(d))] = (i, d)
    kept = sorted((i, d) for i, d in latest.values() if d["action"] != WITHDRAW)
    return [d for _, d in kept]


def apply_reviews(record: dict[str, Any], history: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """A reviewed copy of a contract record (``reviewed: True`` when any decision applied)."""
    rid = record["record_id"]
    mine = effective_decisions(d for d in history if d["record_id"] == rid)
    if not mine:
        return record
    rec = copy.deepcopy(record)
    fields = rec.setdefault("fields", {})
    corrected_at: dict[str, int] = {}  # field -> position of its last correction
    last: dict[str, tuple[int, dict[str, Any]]] = {}  # check -> its last decision
    for i, d in enumerate(mine):
        if d["action"] == "correct" and d.get("field"):
            old = fields.get(d["field"]) if isinstance(fields.get(d["field"]), dict) else {}
            # present=None: the typed value decides, not the ink the machine saw
            fields[d["field"]] = dict(old, value=d["value_after"], confidence=1.0, present=None)
            corrected_at[d["field"]] = i
        if d.get("check_id"):
            last[d["check_id"]] = (i, d)
    view = View({k: _field(v) for k, v in fields.items()})
    for c in rec.get("checks") or []:
        at, d = last.get(c["id"], (-1, None))
        newer_fix = any(corrected_at.get(f, -1) > at for f in CHECK_FIELDS.get(c["id"], ()))
        if newer_fix or (d is not None and d["action"] == "correct"):
            c["status"] = _rerun_with(view, c)
        elif d is not None and d["action"] == "accept":
            c["status"] = "fail"
        elif d is not None and d["action"] == "reject":
            c["status"] = "pass"
    rec["score"] = record_score([Check(c["id"], c["status"], c["severity"], "")
                                 for c in rec.get("checks") or []])
    rec["reviewed"] = True
    return rec


def _rerun_with(view: View, check: dict[str, Any]) -> str:
    rule = _RULES.get(check["id"])
    if rule is None:  # a check the rubric no longer has: keep what was stored
        return check["status"]
    try:
        outcome = rule.rule(view)
    except (TypeError, ValueError, AttributeError):  # a typed value of an unexpected type
        outcome = None
    return {True: "pass", False: "fail"}.get(outcome, "unknown")


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


#: what the log's actions are called where people read them: the Record page's buttons
#: say Confirm / Overturn / Escalate, so its history and the reports say so too
ACTION_WORDS = {"accept": "Confirm", "reject": "Overturn", "correct": "Overturn (corrected value)",
                "escalate": "Escalate", "withdraw": "Undo", "comment": "Comment"}


def decision_words(d: dict[str, Any]) -> str:
    """A decision on a check in plain words, for counsel and reports: "deficiency
    confirmed", "overturned: <reason>", "overturned: <field> corrected to <value>",
    "escalated: <reason>"."""
    import json
    note = f": {d['note']}" if d.get("note") else ""
    if d["action"] == "accept":
        return "deficiency confirmed" + note
    if d["action"] == "reject":
        return "overturned" + note
    if d["action"] == "correct":
        v = d.get("value_after")
        shown = v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)
        return f"overturned: {d.get('field')} corrected to {shown}" + (f" ({d['note']})" if note else "")
    if d["action"] == "escalate":
        return "escalated" + note
    if d["action"] == "withdraw":
        return "decision withdrawn"
    return d["action"] + note
