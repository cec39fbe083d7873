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


def reviewed_check_counts(archive: Any) -> tuple[Counter, Counter]:
    """(check, status) -> records as read, and *as reviewed*, over what the account may
    see: the
    database's counts as read, corrected for the few records with decisions (each one's
    statuses as read taken out, as reviewed put in); no pass over the archive."""
    from scoring.reviewed import apply_reviews
    from waiverscan.store import queries
    from review_ui.cached import archive_counts
    raw = Counter(archive_counts(archive.store, archive.allowed, "checks"))
    counts = Counter(raw)
    decided = queries.decided_record_ids(archive.store)
    hist = queries.histories(archive.store, decided)
    for rid, rec in queries.records_data(archive.store, decided).items():
        if not archive.may_see_record(rec):
            continue
        after = apply_reviews(rec, hist.get(rid, []))
        for c in rec.get("checks") or []:
            counts[(c["id"], c["status"])] -= 1
        for c in after.get("checks") or []:
            counts[(c["id"], c["status"])] += 1
    return raw, counts


def rates_table(counts: dict[tuple[str, str], int]) -> list[dict[str, Any]]:
    """Per check: applicable, failed, unknown and the deficiency rate in percent, as the
    CLI's report prints it (failed / applicable, unknown counted as applicable)."""
    from scoring.rubric import RUBRIC
    rows = []
    for r in RUBRIC:
        fail, unknown, ok = (counts.get((r.id, s), 0) for s in ("fail", "unknown", "pass"))
        applicable = fail + unknown + ok
        rows.append({"check": r.id, "applicable": applicable, "failed": fail, "unknown": unknown,
                     "deficiency rate": f"{100 * fail / applicable:.1f}%" if applicable else "-"})
    return rows


def progress(archive: Any, raw: dict[tuple[str, str], int],
             history: list[dict[str, Any]]) -> dict[str, Any]:
    """Flagged checks (as the machine raised them), how many have a decision that
    counts, and each reviewer's counts."""
    from scoring.reviewed import effective_decisions
    from waiverscan.store import queries
    flagged = sum(n for (_, s), n in raw.items() if s in FLAGGED)
    data = queries.records_data(archive.store, {d["record_id"] for d in history})
    raised = {(rid, c["id"]) for rid, rec in data.items() for c in rec.get("checks") or []
              if c.get("status") in FLAGGED}
    decided = {(d["record_id"], d["check_id"]) for d in effective_decisions(history)
               if d.get("check_id")} & raised
    rows = reviewer_progress([], history)["by_reviewer"]  # counts of actions only
    return {"flagged": flagged, "decided": len(decided), "by_reviewer": rows}


def monthly_chart(rows: list[tuple[str, str, int]]):
    """An Altair chart of decisions per month: one band per month on a category axis
    (the bars sit on their month's label), waivers and requests side by side, a rule at
    July 2018 (the court-approved form reached field offices on the 12th)."""
    import altair as alt
    from scoring.charts import WAIVER_CATEGORIES
    per: dict[tuple[str, str], int] = Counter()
    for month, cat, n in rows:
        if cat in WAIVER_CATEGORIES:
            per[(month, "waivers")] += n
        elif cat == "requested_reunification":
            per[(month, "reunification requested")] += n
    if not per:
        return None
    months = sorted({m for m, _ in per})
    y, m = int(months[0][:4]), int(months[0][5:7])
    every = []
    while f"{y:04d}-{m:02d}" <= months[-1]:
        every.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    data = [{"month": mo, "decision": k, "parents": per.get((mo, k), 0)}
            for mo in every for k in ("waivers", "reunification requested")]
    x = alt.X("month:O", sort=every, title=None, axis=alt.Axis(labelAngle=-45))
    bars = alt.Chart(alt.Data(values=data)).mark_bar().encode(
        x=x, xOffset="decision:N", y=alt.Y("parents:Q", title="parents (earliest decision)"),
        color=alt.Color("decision:N", legend=alt.Legend(orient="top", title=None)))
    if "2018-07" not in every:
        return bars
    rule = alt.Chart(alt.Data(values=[{"month": "2018-07"}])).mark_rule(
        color="black", strokeDash=[4, 3]).encode(x=x)
    return bars + rule
