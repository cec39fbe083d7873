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


def decided_checks(history: Iterable[dict[str, Any]],
                   by: Optional[str] = None) -> set[tuple[str, str]]:
    """(record, check) pairs with a decision; ``by`` a reviewer: only theirs count (a
    second review: checks others decided stay in that reviewer's queue, so two
    reviewers' decisions can be compared)."""
    return {(d["record_id"], d["check_id"]) for d in history
            if d.get("check_id") and (by is None or d["reviewer"] == by)}


def record_date(record: dict[str, Any]) -> Optional[str]:
    """The record's own date (form signed, comment entry), ISO, or None."""
    from scoring.cases import valid_date, value
    fields = record.get("fields") or {}
    return valid_date(value(fields, "date_signed")) or valid_date(value(fields, "entry_date"))


def pending_checks(record: dict[str, Any], decided: set[tuple[str, str]]) -> list[dict[str, Any]]:
    rid = record["record_id"]
    out = [c for c in record.get("checks") or []
           if c.get("status") in FLAGGED and (rid, c["id"]) not in decided]
    return sorted(out, key=check_tier)


def build_queue(documents: Iterable[dict[str, Any]], history: Iterable[dict[str, Any]],
                category_of: Optional[dict[str, str]] = None, *,
                category: Optional[str] = None, check: Optional[str] = None,
                doc_type: Optional[str] = None, date_from: Optional[str] = None,
                date_to: Optional[str] = None, second_review_by: Optional[str] = None
                ) -> list[QueueItem]:
    """Queue items of these (already access-filtered) documents, filtered and ordered.
    ``date_from``/``date_to`` (ISO, inclusive) keep dated records in that range only."""
    from scoring.cases import normalise_a_number, value
    decided = decided_checks(history, second_review_by)
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
            if date_from or date_to:
                d = record_date(rec)
                if d is None or (date_from and d < date_from) or (date_to and d > date_to):
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
