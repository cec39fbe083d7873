"""Conflicts: two or more reviewers who decided the same thing differently.

The store keeps every decision; nothing is resolved here, only shown. Each reviewer's
*last* decision on a subject counts (a reviewer who changed their mind does not
conflict with themselves). A subject is a check of a record (what the decision says of
the flag: confirm, overturn or escalate; two overturns with different corrected
values also differ) or a field corrected in the values table (the values given).
"""
from __future__ import annotations

import json
from typing import Any, Iterable, Optional

from review_ui.agreement import LABELS
from scoring.reviewed import effective_decisions
from waiverscan.store.reviews import disagreements


def _verdict(d: dict[str, Any]) -> Optional[str]:
    """What a decision says, comparable between reviewers (None: says nothing)."""
    if d.get("check_id"):
        label = LABELS.get(d.get("action") or "")
        if label is None:
            return None
        if d["action"] == "correct":
            return f"overturn: {d.get('field')} = {json.dumps(d.get('value_after'), ensure_ascii=False)}"
        return label
    if d.get("action") == "correct" and d.get("field"):
        return json.dumps(d.get("value_after"), ensure_ascii=False)
    return None


def conflicts(history: Iterable[dict[str, Any]],
              record_id: Optional[str] = None) -> list[dict[str, Any]]:
    """``[{"record_id", "subject", "decisions": [{"reviewer", "verdict", "action", "at",
    "note"}...]}]``, one per subject where reviewers' last decisions differ; decisions
    in the order made. ``record_id``: only that record's."""
    found = disagreements(
        effective_decisions(d for d in history if record_id is None or d["record_id"] == record_id),
        _verdict, lambda d: d["check_id"] or f"field {d['field']}")
    out = [{"record_id": rid, "subject": subject,
            "decisions": sorted((dict(reviewer=d["reviewer"], verdict=v, action=d["action"],
                                      at=d["at"], note=d.get("note")) for d, v in last),
                                key=lambda x: x["at"])}
           for rid, subject, last in found]
    return sorted(out, key=lambda c: (c["record_id"], c["subject"]))


def conflict_rows(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One table row per decision in a conflict (who decided what, when)."""
    return [{"record": c["record_id"], "check or field": c["subject"],
             "who": d["reviewer"], "decided": d["verdict"],
             "when": str(d["at"])[:19], "note": d["note"] or ""}
            for c in found for d in c["decisions"]]
