"""Numbers for the dashboard page, from (access-filtered) documents and decisions."""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any, Iterable

from review_ui.queue import FLAGGED


def check_rates(documents: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per check: records it applied to, failed, unknown, and the deficiency rate
    (failed / applicable; ``not_applicable`` excluded)."""
    n: dict[str, Counter] = defaultdict(Counter)
    for doc in documents:
        for rec in doc.get("records") or []:
            for c in rec.get("checks") or []:
                if c.get("status") != "not_applicable":
                    n[c["id"]]["applicable"] += 1
                    n[c["id"]][c["status"]] += 1
    return [{"check": cid, "applicable": k["applicable"], "failed": k["fail"],
             "unknown": k["unknown"],
             "deficiency rate": round(k["fail"] / k["applicable"], 3) if k["applicable"] else None}
            for cid, k in sorted(n.items())]


def reviewer_progress(documents: Iterable[dict[str, Any]],
                      history: list[dict[str, Any]]) -> dict[str, Any]:
    """Flagged checks in all, how many have a decision, and each reviewer's counts."""
    flagged = {(rec["record_id"], c["id"]) for doc in documents
               for rec in doc.get("records") or [] for c in rec.get("checks") or []
               if c.get("status") in FLAGGED}
    from scoring.reviewed import effective_decisions  # an undone decision is no decision
    decided = {(d["record_id"], d["check_id"]) for d in effective_decisions(history)
               if d.get("check_id")} & flagged
    by = defaultdict(Counter)
    for d in history:
        by[d["reviewer"]][d["action"]] += 1
    for d in history:
        if d["action"] == "correct" and not d.get("check_id"):  # a value fixed in the table
            by[d["reviewer"]]["field"] += 1
    rows = [{"reviewer": who, "decisions": sum(k.values()) - k["field"], "confirmed": k["accept"],
             "overturned": k["correct"] - k["field"] + k["reject"], "escalated": k["escalate"],
             "values corrected": k["field"]}
            for who, k in sorted(by.items())]
    return {"flagged": len(flagged), "decided": len(decided), "by_reviewer": rows}
