"""Counsel's account of one case: the one truth the client-check page, the client PDF
and `waiverscan report --case` all show.

For every record of the case: where it came from (as the caller may show it), its
date, the values read (as reviewed: a reviewer's correction replaces what the machine
read), its score as read and as reviewed, and every check with its status as read, its
status after review and what the reviewers decided, in plain words ("deficiency
confirmed", "overturned: ...", "escalated: ..."), with who decided and when.
Built from contract records and their decisions (plain dicts): no store is opened here.
"""
from __future__ import annotations

import json
from typing import Any, Optional

from scoring.cases import value
from scoring.fields import CHECK_FIELDS
from scoring.reviewed import apply_reviews, decision_words, effective_decisions

#: the values counsel read first (the election, dates, names, signatures), then the rest
FIRST = ("election", "decision", "decision_mode", "date_signed", "entry_date", "parent_name",
         "parent_a_number", "a_number", "child_names", "parent_signed", "official_name",
         "official_signed", "author", "witness_name")
FLAGGED = ("fail", "unknown")


def value_text(v: Any) -> str:
    if v is None:
        return "not on the document"
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, list):
        return ", ".join(str(x) for x in v) if v else "(none)"
    return str(v)


def record_pages(record: dict[str, Any]) -> list[int]:
    """The pages of its file a record was read from: the record's own ``pages`` (a
    document inside a long A-file), else the pages its fields were found on; [] for a
    record read from a text or table export."""
    pages = {p for p in record.get("pages") or [] if isinstance(p, int)}
    pages |= {f.get("page") for f in (record.get("fields") or {}).values()
              if isinstance(f, dict) and isinstance(f.get("page"), int)}
    return sorted(pages)


def pages_label(pages: list[int]) -> str:
    """"page 4", "pages 4-5", "pages 2, 7-8"; "" for none."""
    if not pages:
        return ""
    runs: list[list[int]] = []
    for p in pages:
        if runs and p == runs[-1][-1] + 1:
            runs[-1].append(p)
        else:
            runs.append([p])
    text = ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in runs)
    return ("page " if len(pages) == 1 else "pages ") + text


def record_account(record: dict[str, Any], decisions: list[dict[str, Any]],
                   source: str) -> dict[str, Any]:
    """One record as counsel sees it (``decisions``: the record's review log, in order)."""
    reviewed = apply_reviews(record, decisions)
    counting = effective_decisions(decisions)
    after = {c["id"]: c["status"] for c in reviewed.get("checks") or []}
    checks = []
    for c in record.get("checks") or []:
        mine = [d for d in counting if d.get("check_id") == c["id"]]
        checks.append({
            "id": c["id"], "severity": c.get("severity"), "read": c["status"],
            "reviewed": after.get(c["id"], c["status"]), "why": c.get("why") or "",
            "decisions": [{"reviewer": d["reviewer"], "words": decision_words(d),
                           "at": str(d["at"])[:16]} for d in mine],
        })
    fields = reviewed.get("fields") or {}
    names = [n for n in FIRST if n in fields] + [n for n in fields if n not in FIRST]
    corrected = {d["field"] for d in counting if d["action"] == "correct" and d.get("field")}
    return {
        "record_id": record["record_id"], "kind": record.get("kind"), "source": source,
        "pages": pages_label(record_pages(record)),
        "date": value(fields, "date_signed") or value(fields, "entry_date"),
        "score_read": record.get("score"), "score_reviewed": reviewed.get("score"),
        "values": [{"field": n, "value": value_text(value(fields, n)),
                    "corrected": n in corrected} for n in names],
        "checks": checks,
        # the fields whose crops show the evidence of the flagged checks
        "evidence_fields": [f for c in checks if c["read"] in FLAGGED or c["reviewed"] in FLAGGED
                            for f in CHECK_FIELDS.get(c["id"], ())],
        "read_record": record,  # crops are cut where the machine found the values
    }


def review_state(check: dict[str, Any]) -> str:
    """One line for a check: "fail -> pass (overturned: ..., by rita)" / "pass"."""
    moved = check["read"] if check["read"] == check["reviewed"] else \
        f"read {check['read']}, after review {check['reviewed']}"
    if not check["decisions"]:
        flagged = check["read"] in FLAGGED
        return moved + (" (not reviewed yet)" if flagged else "")
    said = "; ".join(f"{d['words']} by {d['reviewer']} on {d['at']}" for d in check["decisions"])
    return f"{moved} ({said})"


def case_account(case: dict[str, Any], records: list[dict[str, Any]]) -> dict[str, Any]:
    """``case``: the case as reviewed (roll-up); ``records``: each
    ``{"record", "decisions", "source"}``, in timeline order."""
    return {"a_number": case.get("a_number"), "category": case["category"],
            "flags": list(case.get("flags") or []),
            "earliest_decision_date": case.get("earliest_decision_date"),
            "records": [record_account(r["record"], r.get("decisions") or [], r["source"])
                        for r in records]}


def account_text(account: dict[str, Any]) -> str:
    """The account as plain text (the CLI's `report --case`; the PDF holds the same)."""
    from scoring.report import CATEGORY_LABELS, FLAG_LABELS
    out = [f"case {account['a_number']}: "
           f"{CATEGORY_LABELS.get(account['category'], account['category'])} "
           f"({account['category']})",
           f"  flags: {', '.join(FLAG_LABELS.get(f, f) for f in account['flags']) or 'none'}",
           f"  earliest decision: {account['earliest_decision_date'] or 'undated'}",
           f"  records: {len(account['records'])}"]
    for r in account["records"]:
        where = f"{r['source']}, {r['pages']}" if r.get("pages") else r["source"]
        out += ["", f"  {r['kind']}  {where}  [{r['record_id']}]",
                f"    date {r['date'] or '-'}, score as read {_score(r['score_read'])}, "
                f"as reviewed {_score(r['score_reviewed'])}",
                "    values read:"]
        out += [f"      {v['field']}: {v['value']}" + (" (corrected by a reviewer)"
                                                        if v["corrected"] else "")
                for v in r["values"]]
        out.append("    checks:")
        out += [f"      {c['id']} ({c['severity']}): {review_state(c)}" for c in r["checks"]]
    return "\n".join(out)


def _score(v: Optional[float]) -> str:
    return "n/a" if v is None else f"{v:.0f}/100"


def dumps(account: dict[str, Any]) -> str:
    """JSON of the account (without the record copies)."""
    slim = dict(account, records=[{k: v for k, v in r.items() if k != "read_record"}
                                  for r in account["records"]])
    return json.dumps(slim, ensure_ascii=False)
