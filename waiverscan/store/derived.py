"""What the pages read at archive scale, kept in the store (migration 0004) instead of
being recomputed over the whole archive at every page view:

* per record: its source, its own date, the queue tier as read (``flag_tier``) and as
  reviewed (``open_tier``, None when no flagged check waits for a decision), and its
  flagged checks still waiting (``open_checks`` rows);
* per case (a normalised A-number, or ``record:<id>`` for a record without one): the
  roll-up of its records *as reviewed*, with its period, and each record's case key and
  category.

Both are refreshed for the records a change touches, in the transaction of the change:
a document saved (:func:`after_save`) or a decision appended (:func:`after_decision`).
:func:`refresh_all` rebuilds everything (a store from before migration 0004).
"""
from __future__ import annotations

from typing import Any, Iterable, Optional

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from scoring.cases import period_of, record_facts, roll_up, valid_date, value
from scoring.reviewed import apply_reviews, effective_decisions
from waiverscan.store.models import (CaseRow, OpenCheck, RecordRow, ReviewDecision,
                                     StoreMeta)

#: bump when what these columns hold changes: an older store is rebuilt on open
DERIVED_VERSION = "1"
FLAGGED = ("fail", "unknown")
#: records whose histories are read in one query (SQLite's parameter limit is 32766)
CHUNK = 500


def check_tier(check: dict[str, Any]) -> int:
    """The queue's order: failed critical, unknown, failed major, failed minor."""
    if check.get("status") == "fail" and check.get("severity") == "critical":
        return 0
    if check.get("status") == "unknown":
        return 1
    if check.get("status") == "fail" and check.get("severity") == "major":
        return 2
    return 3


def record_date(record: dict[str, Any]) -> Optional[str]:
    """The record's own date (form signed, comment entry), ISO, or None."""
    fields = record.get("fields") or {}
    return valid_date(value(fields, "date_signed")) or valid_date(value(fields, "entry_date"))


def flag_tier(record: dict[str, Any]) -> Optional[int]:
    tiers = [check_tier(c) for c in record.get("checks") or [] if c.get("status") in FLAGGED]
    return min(tiers) if tiers else None


def case_key(record: dict[str, Any]) -> str:
    a = record_facts(record).a_number
    return a if a else f"record:{record['record_id']}"


def open_checks(reviewed: dict[str, Any], decisions: list[dict[str, Any]]) -> list[tuple[str, int]]:
    """(check, tier) of the record's flagged checks (as reviewed) nobody has decided."""
    decided = {d["check_id"] for d in effective_decisions(decisions) if d.get("check_id")}
    out = [(c["id"], check_tier(c)) for c in reviewed.get("checks") or []
           if c.get("status") in FLAGGED and c["id"] not in decided]
    return sorted(out, key=lambda x: x[1])


def _histories(s: Session, record_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for i in range(0, len(record_ids), CHUNK):
        rows = s.scalars(select(ReviewDecision)
                         .where(ReviewDecision.record_id.in_(record_ids[i:i + CHUNK]))
                         .order_by(ReviewDecision.id))
        for r in rows:
            out.setdefault(r.record_id, []).append(
                {"record_id": r.record_id, "check_id": r.check_id, "field": r.field,
                 "reviewer": r.reviewer, "action": r.action, "value_before": r.value_before,
                 "value_after": r.value_after, "note": r.note, "at": r.at})
    return out


def refresh_records(s: Session, rows: list[RecordRow]) -> set[str]:
    """Recompute the queue columns and case keys of these records (as reviewed); returns
    the case keys touched (old and new)."""
    if not rows:
        return set()
    hist = _histories(s, [r.record_id for r in rows])
    keys: set[str] = set()
    pks = [r.id for r in rows]
    for i in range(0, len(pks), CHUNK):
        s.execute(delete(OpenCheck).where(OpenCheck.record_pk.in_(pks[i:i + CHUNK])))
    for r in rows:
        decisions = hist.get(r.record_id, [])
        reviewed = apply_reviews(r.data, decisions)
        pending = open_checks(reviewed, decisions)
        r.open_tier = pending[0][1] if pending else None
        s.add_all(OpenCheck(record_pk=r.id, check_id=c, tier=t) for c, t in pending)
        if r.case_key:
            keys.add(r.case_key)
        r.case_key = case_key(reviewed)
        keys.add(r.case_key)
    return keys


def refresh_cases(s: Session, keys: Iterable[str]) -> None:
    """Roll up again the cases with these keys from their records as reviewed."""
    for key in sorted(set(keys)):
        rows = list(s.scalars(select(RecordRow).where(RecordRow.case_key == key)))
        s.execute(delete(CaseRow).where(CaseRow.case_key == key))
        if not rows:
            continue
        hist = _histories(s, [r.record_id for r in rows])
        docs = [{"source": r.source or "", "records": [apply_reviews(r.data, hist.get(r.record_id, []))]}
                for r in rows]
        cases = roll_up(docs)["cases"]
        # one key, one case: a record whose A-number is unread is its own case
        case = next((c for c in cases if (c["a_number"] or f"record:{c['records'][0]}") == key),
                    cases[0])
        s.add(case_row(key, case))
        s.execute(update(RecordRow).where(RecordRow.case_key == key)
                  .values(category=case["category"]))


def case_row(key: str, case: dict[str, Any]) -> CaseRow:
    return CaseRow(case_key=key, a_number=case.get("a_number"), category=case["category"],
                   period=period_of(case), flags=list(case.get("flags") or []),
                   earliest_decision_date=case.get("earliest_decision_date"),
                   record_ids=list(case.get("records") or []), data=dict(case))


def fill_record_columns(row: RecordRow, source: str) -> None:
    """The as-read columns of a record being saved."""
    row.source = source
    row.entry_date = record_date(row.data)
    row.flag_tier = flag_tier(row.data)


def after_save(s: Session, rows: list[RecordRow], old_keys: set[str]) -> None:
    """A document's records were (re)written: their queue columns and their cases."""
    refresh_cases(s, refresh_records(s, rows) | old_keys)


def after_decision(s: Session, record_id: str) -> None:
    row = s.scalar(select(RecordRow).where(RecordRow.record_id == record_id))
    if row is not None:
        refresh_cases(s, refresh_records(s, [row]))


def is_current(s: Session) -> bool:
    got = s.get(StoreMeta, "derived_version")
    return got is not None and got.value == DERIVED_VERSION


def mark_current(s: Session) -> None:
    got = s.get(StoreMeta, "derived_version")
    if got is None:
        s.add(StoreMeta(key="derived_version", value=DERIVED_VERSION))
    else:
        got.value = DERIVED_VERSION


def refresh_all(s: Session, batch: int = 2000) -> None:
    """Every record's columns and every case, from scratch (in batches of records)."""
    from waiverscan.store.models import DocumentRow
    s.execute(delete(CaseRow))
    last = 0
    keys: set[str] = set()
    while True:
        rows = list(s.scalars(select(RecordRow).where(RecordRow.id > last)
                              .order_by(RecordRow.id).limit(batch)))
        if not rows:
            break
        sources = dict(s.execute(select(DocumentRow.id, DocumentRow.source).where(
            DocumentRow.id.in_({r.document_id for r in rows}))).all())
        for r in rows:
            fill_record_columns(r, sources.get(r.document_id, ""))
            r.case_key = None
        keys |= refresh_records(s, rows)
        last = rows[-1].id
        s.flush()
    refresh_cases(s, keys)
    mark_current(s)
