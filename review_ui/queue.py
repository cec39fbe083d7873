"""The review queue: records with failed or unknown checks that nobody has decided
yet, most severe first.

Order (the issue's): a record with a failed *critical* check first, then one with an
``unknown`` check (the machine could not tell: a person must), then one with a failed
*major* check, then the rest (failed minor); within a tier, by source file and record.
A check leaves the queue once any reviewer has decided it (confirm, overturn or
escalate).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Optional

FLAGGED = ("fail", "unknown")
TIER_NAMES = ("failed critical", "unknown", "failed major", "failed minor")


@dataclass
class QueueItem:
    record_id: str
    source: str
    doc_type: str
    kind: str
    a_number: Optional[str]
    category: Optional[str]
    tier: int
    checks: list[dict[str, Any]] = field(default_factory=list)  # pending, most severe first

    @property
    def check_ids(self) -> list[str]:
        return [c["id"] for c in self.checks]


def check_tier(check: dict[str, Any]) -> int:
    if check.get("status") == "fail" and check.get("severity") == "critical":
        return 0
    if check.get("status") == "unknown":
        return 1
    if check.get("status") == "fail" and check.get("severity") == "major":
        return 2
    return 3


def decided_checks(history: Iterable[dict[str, Any]]) -> set[tuple[str, str]]:
    return {(d["record_id"], d["check_id"]) for d in history if d.get("check_id")}


def pending_checks(record: dict[str, Any], decided: set[tuple[str, str]]) -> list[dict[str, Any]]:
    rid = record["record_id"]
    out = [c for c in record.get("checks") or []
           if c.get("status") in FLAGGED and (rid, c["id"]) not in decided]
    return sorted(out, key=check_tier)


def build_queue(documents: Iterable[dict[str, Any]], history: Iterable[dict[str, Any]],
                category_of: Optional[dict[str, str]] = None, *,
                category: Optional[str] = None, check: Optional[str] = None,
                doc_type: Optional[str] = None) -> list[QueueItem]:
    """Queue items of these (already access-filtered) documents, filtered and ordered."""
    from scoring.cases import normalise_a_number, value
    decided = decided_checks(history)
    category_of = category_of or {}
    items = []
    for doc in documents:
        if doc.get("error") or (doc_type and doc.get("doc_type") != doc_type):
            continue
        for rec in doc.get("records") or []:
            pending = pending_checks(rec, decided)
            if not pending or (check and check not in {c["id"] for c in pending}):
                continue
            cat = category_of.get(rec["record_id"])
            if category and cat != category:
                continue
            fields = rec.get("fields") or {}
            a = normalise_a_number(value(fields, "parent_a_number") or value(fields, "a_number"))
            items.append(QueueItem(rec["record_id"], doc["source"], doc.get("doc_type", ""),
                                   rec.get("kind", ""), a, cat, check_tier(pending[0]), pending))
    return sorted(items, key=lambda i: (i.tier, i.source, i.record_id))


def counts_left(items: list[QueueItem]) -> dict[str, int]:
    """Records left per tier, and checks left in all."""
    out = {name: 0 for name in TIER_NAMES}
    for i in items:
        out[TIER_NAMES[i.tier]] += 1
    out["records"] = len(items)
    out["checks"] = sum(len(i.checks) for i in items)
    return out
