"""Case roll-up: all records of one parent, joined by A-number, with the contract's
category, flags and earliest decision date (shared/contract/README.md, "Cases").

Input is contract document dicts (``waiverscan extract --json`` objects, or what the
store yields). Field values may be contract field objects ``{"value": ...}`` or bare
values, and checks a list of check objects or an ``{id: status}`` mapping, so the
dev truth lines roll up through the same code as predictions.

Joining is exact on the normalised A-number; near misses (one digit off, or an unread
A-number that resembles one) are only *proposed* on the cases (``proposed_links``, see
:mod:`scoring.links`), never merged.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from typing import Any, Iterable, Optional

from scoring.facts import Facts
from scoring.links import evidence_links, near_misses

CATEGORIES = (
    "requested_reunification",
    "written_waiver_complete",
    "written_waiver_deficient",
    "form_referenced_not_found",
    "oral_waiver_only",
    "no_documentation",
)
FLAG_CONFLICT = "conflicting_records"
FLAG_EARLY = "before_2018_07_12"
FLAGS = (FLAG_CONFLICT, FLAG_EARLY)
#: the court-approved election form reached field offices on the evening of 11 July 2018
COURT_FORM_DATE = "2018-07-12"
CHECK_STATUSES = ("fail", "unknown", "pass", "not_applicable")
BLOCKING = ("critical", "major")  # a failed check of these severities makes a form deficient


def _severities() -> dict[str, str]:
    """Check id -> severity, for inputs whose checks carry no severity (truth lines)."""
    from scoring.rubric import RUBRIC
    return {r.id: r.severity for r in RUBRIC}


def value(fields: dict[str, Any], name: str) -> Any:
    """The value of a field given as a contract field object or a bare value."""
    f = fields.get(name)
    return f.get("value") if isinstance(f, dict) else f


def confidence(fields: dict[str, Any], name: str) -> Optional[float]:
    f = fields.get(name)
    if isinstance(f, dict):
        c = f.get("confidence")
        return float(c) if isinstance(c, (int, float)) else None
    return None if f is None else 1.0


def normalise_a_number(raw: Any) -> Optional[str]:
    """``A`` + 9 digits (8-digit numbers get a leading 0); other shapes are kept as
    written (upper-cased, separators removed) so they still join exactly."""
    if raw is None:
        return None
    text = str(raw).strip().upper()
    if not text:
        return None
    digits = re.sub(r"\D", "", text)
    if len(digits) in (8, 9) and re.fullmatch(r"A?[\s\-.#:]*[\d\s\-.]+", text):
        return "A" + digits.zfill(9)
    return re.sub(r"[\s\-.]", "", text)


def valid_date(v: Any) -> Optional[str]:
    """An ISO date string that names a real calendar day, else None (06/31 is not)."""
    if not isinstance(v, str):
        return None
    try:
        return dt.date.fromisoformat(v.strip()).isoformat()
    except ValueError:
        return None


def check_list(record: dict[str, Any]) -> list[dict[str, Any]]:
    """A record's checks as ``[{"id", "status", "severity", ...}]`` whatever the input form."""
    checks = record.get("checks") or []
    if isinstance(checks, dict):
        sev = _severities()
        return [{"id": k, "status": s, "severity": sev.get(k, "minor"), "why": ""}
                for k, s in checks.items()]
    out = []
    sev = None
    for c in checks:
        if not isinstance(c, dict) or "id" not in c:
            continue
        if not c.get("severity"):
            sev = sev or _severities()
            c = dict(c, severity=sev.get(c["id"], "minor"))
        out.append(c)
    return out


def record_facts(record: dict[str, Any], source: str = "") -> Facts:
    """Read the decision-relevant facts of one contract record."""
    fields = record.get("fields") or {}
    kind = record.get("kind", "")
    checks = check_list(record)
    a_key = "parent_a_number" if kind == "waiver_form" else "a_number"
    facts = Facts(record_id=str(record.get("record_id")), kind=kind, source=source,
                  a_number=normalise_a_number(value(fields, a_key)),
                  a_confidence=confidence(fields, a_key),
                  a_evidence=(fields.get(a_key) or {}).get("evidence")
                  if isinstance(fields.get(a_key), dict) else None,
                  a_unread=isinstance(fields.get(a_key), dict)
                  and fields[a_key].get("value") in (None, ""),
                  date=valid_date(value(fields, "date_signed" if kind == "waiver_form"
                                        else "entry_date")))
    if kind == "waiver_form":
        election = value(fields, "election")
        facts.waiver = election == "depart_without_child"
        facts.request = election == "reunify"
        if facts.waiver:
            facts.deficient = any(c.get("status") == "fail" and c.get("severity") in BLOCKING
                                  for c in checks)
            facts.open_checks = [c["id"] for c in checks
                                 if c.get("status") == "unknown" and c.get("severity") in BLOCKING]
    elif kind == "case_comment":
        decision = value(fields, "decision")
        facts.waiver = decision == "waive_reunification"
        facts.request = decision == "requests_reunification"
        # "a comment says a form was signed": a written waiver whose paper may be missing
        facts.written_ref = facts.waiver and value(fields, "decision_mode") == "written"
    return facts


def categorize(facts: list[Facts]) -> str:
    """The contract's ordered category rules: the first that applies."""
    forms = [f for f in facts if f.kind == "waiver_form"]
    comments = [f for f in facts if f.kind == "case_comment"]
    if any(f.request for f in facts):
        return "requested_reunification"
    waiver_forms = [f for f in forms if f.waiver]
    if any(not f.deficient for f in waiver_forms):
        return "written_waiver_complete"
    if waiver_forms:
        return "written_waiver_deficient"
    if any(f.written_ref for f in comments) and not forms:
        return "form_referenced_not_found"
    if any(f.waiver for f in comments):
        return "oral_waiver_only"
    return "no_documentation"


def earliest_decision_date(facts: list[Facts]) -> Optional[str]:
    dates = [f.date for f in facts if f.decides and f.date]
    return min(dates) if dates else None


def case_flags(facts: list[Facts], earliest: Optional[str]) -> list[str]:
    flags = []
    if any(f.waiver for f in facts) and any(f.request for f in facts):
        flags.append(FLAG_CONFLICT)
    if earliest is not None and earliest < COURT_FORM_DATE:
        flags.append(FLAG_EARLY)
    return flags


# --------------------------------------------------------------------------- roll-up

def _label(f: Facts) -> str:
    """A record as a reviewer finds it: file name and entry number (ids are hashes)."""
    if not f.source:
        return f.record_id
    return f"{f.source.replace(chr(92), '/').rsplit('/', 1)[-1]}#{f.record_id.rsplit(':', 1)[-1]}"


def _review_reasons(facts: list[Facts], links: list[dict[str, Any]]) -> list[str]:
    """Why a reviewer should look at a case before its category is relied on."""
    why = []
    for f in facts:
        if f.open_checks and not f.deficient:  # unknowns could still make it deficient
            why.append(f"{_label(f)}: unresolved {', '.join(f.open_checks)}")
    low = [_label(f) for f in facts
           if f.a_number and f.a_confidence is not None and f.a_confidence < 0.6]
    if low:
        why.append("A-number read with low confidence on " + ", ".join(low))
    unread = [_label(f) for f in facts if f.a_unread and not f.a_number]
    if unread:  # the record belongs to some parent: it cannot stand as a case of its own
        why.append("A-number present but unreadable on " + ", ".join(unread))
    if links:
        why.append("possible link to " + ", ".join(l["a_number"] or f"record {l['record_id']}"
                                                   for l in links))
    return why


def roll_up(documents: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Contract documents -> ``{"summary": {...}, "cases": [case, ...]}``.

    A case is ``{"a_number", "records", "category", "flags", "earliest_decision_date"}``
    plus ``proposed_links`` (near-miss A-numbers for review) and ``review_reasons``.
    Records are deduplicated by record id (a file given twice counts once).
    """
    seen: set[str] = set()
    groups: dict[Optional[str], list[Facts]] = defaultdict(list)
    loners: list[Facts] = []
    checks: dict[str, dict[str, int]] = {}
    n_docs = n_err = 0
    for doc in documents:
        n_docs += 1
        n_err += doc.get("error") is not None
        for rec in doc.get("records") or []:
            rid = str(rec.get("record_id"))
            if rid in seen:
                continue
            seen.add(rid)
            facts = record_facts(rec, str(doc.get("source", "")))
            (groups[facts.a_number] if facts.a_number else loners).append(facts)
            for c in check_list(rec):
                tally = checks.setdefault(c["id"], dict.fromkeys(CHECK_STATUSES, 0))
                if c.get("status") in tally:
                    tally[c["status"]] += 1
    links = near_misses(groups)
    unread = evidence_links(loners, groups)
    for rid, props in unread.items():  # the parent's case hears of the unread record too
        for p in props:
            links.setdefault(p["a_number"], []).append(
                {"a_number": None, "record_id": rid, "distance": p["distance"],
                 "reason": p["reason"]})
    cases = []
    for a in sorted(groups):
        cases.append(_case(a, groups[a], links.get(a, [])))
    for f in sorted(loners, key=lambda f: f.record_id):
        cases.append(_case(None, [f], unread.get(f.record_id, [])))
    return {"summary": summarize(cases, checks, n_docs, n_err, len(seen)), "cases": cases}


def _case(a_number: Optional[str], facts: list[Facts], links: list[dict[str, Any]]) -> dict:
    earliest = earliest_decision_date(facts)
    dates = [f.date for f in facts if f.date]
    return {"a_number": a_number,
            "records": [f.record_id for f in facts],
            "category": categorize(facts),
            "flags": case_flags(facts, earliest),
            "earliest_decision_date": earliest,
            # added keys (the contract allows additions)
            "first_record_date": min(dates) if dates else None,
            "sources": sorted({f.source for f in facts if f.source}),
            "proposed_links": links,
            "review_reasons": _review_reasons(facts, links)}


def period_of(case: dict[str, Any]) -> str:
    """Which side of 12 July 2018 a case falls: by its earliest decision, or for a case
    that records no decision by its first dated record (the audit counts parents with
    no documentation by period too)."""
    d = case.get("earliest_decision_date") or case.get("first_record_date")
    if d is None:
        return "undated"
    return "before_2018_07_12" if d < COURT_FORM_DATE else "on_or_after_2018_07_12"


def summarize(cases: list[dict], checks: dict[str, dict[str, int]], n_docs: int = 0,
              n_err: int = 0, n_records: int = 0) -> dict[str, Any]:
    """Counts in the shape of the audit's numbers: parents per category (split at
    12 July 2018 by :func:`period_of`), flags, and per check the fail / unknown / pass /
    not_applicable counts with the deficiency rate (fail / applicable, where unknown
    counts as applicable: a record nobody could read is not a passing one)."""
    cats = {c: 0 for c in CATEGORIES}
    period = {c: {"before_2018_07_12": 0, "on_or_after_2018_07_12": 0, "undated": 0}
              for c in CATEGORIES}
    for case in cases:
        cats[case["category"]] += 1
        period[case["category"]][period_of(case)] += 1
    order = _check_order(checks)
    check_rows = {}
    for cid in order:
        t = checks[cid]
        applicable = t["pass"] + t["fail"] + t["unknown"]
        check_rows[cid] = dict(t, deficiency_rate=round(t["fail"] / applicable, 4)
                               if applicable else None)
    return {
        "documents": n_docs,
        "documents_with_error": n_err,
        "records": n_records,
        "cases": len(cases),
        "cases_with_a_number": sum(c["a_number"] is not None for c in cases),
        "categories": cats,
        "written_waivers": cats["written_waiver_complete"] + cats["written_waiver_deficient"],
        "categories_by_period": period,
        "flags": {f: sum(f in c["flags"] for c in cases) for f in FLAGS},
        "cases_with_proposed_links": sum(bool(c.get("proposed_links")) for c in cases),
        "cases_needing_review": sum(bool(c.get("review_reasons")) for c in cases),
        "checks": check_rows,
    }


def _check_order(checks: dict[str, Any]) -> list[str]:
    """Rubric order first (forms then comments), unknown ids after, sorted."""
    from scoring.rubric import RUBRIC
    known = [r.id for r in RUBRIC if r.id in checks]
    return known + sorted(k for k in checks if k not in known)
