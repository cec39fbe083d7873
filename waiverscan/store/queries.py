"""Reads the pages make at archive scale: one case, its records, one page of the queue,
counts. Each is a few indexed queries over the derived columns of
:mod:`waiverscan.store.derived` (no pass over the whole archive), so a page answers in
about the same time on 10,000 documents as on 100,000 (`make bench-ui` measures it).

``allowed``: None for the whole archive, else the set of A-numbers (case keys) an
account may see (counsel); every query applies it in the database.
"""
from __future__ import annotations

from typing import Any, Iterable, Optional

from sqlalchemy import func, select

from waiverscan.store.models import (CaseRow, CheckRow, DocumentRow, OpenCheck, RecordRow,
                                     ReviewDecision)


def _allowed(q, column, allowed: Optional[frozenset[str]]):
    return q if allowed is None else q.where(column.in_(sorted(allowed)))


def case(store, key: str) -> Optional[dict[str, Any]]:
    with store.session() as s:
        return s.scalar(select(CaseRow.data).where(CaseRow.case_key == key))


def case_records(store, key: str) -> list[dict[str, Any]]:
    """The records of a case (``{"record", "source", "sha256", "doc_type"}``), dated ones
    first in date order."""
    with store.session() as s:
        rows = s.execute(select(RecordRow.data, RecordRow.source, DocumentRow.sha256,
                                DocumentRow.doc_type, RecordRow.entry_date)
                         .join(DocumentRow, DocumentRow.id == RecordRow.document_id)
                         .where(RecordRow.case_key == key))
        out = [{"record": r.data, "source": r.source or "", "sha256": r.sha256,
                "doc_type": r.doc_type, "date": r.entry_date} for r in rows]
    out.sort(key=lambda x: (x["date"] or "9999", x["record"]["record_id"]))
    return out


def histories(store, record_ids: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
    from waiverscan.store.reviews import _as_dict
    ids = sorted(set(record_ids))
    out: dict[str, list[dict[str, Any]]] = {}
    with store.session() as s:
        for i in range(0, len(ids), 500):
            for r in s.scalars(select(ReviewDecision).where(
                    ReviewDecision.record_id.in_(ids[i:i + 500])).order_by(ReviewDecision.id)):
                out.setdefault(r.record_id, []).append(_as_dict(r))
    return out


def case_keys(store, allowed: Optional[frozenset[str]] = None, limit: int = 50) -> list[str]:
    """A-numbers with a case (the first ``limit``, for a hint)."""
    with store.session() as s:
        q = select(CaseRow.a_number).where(CaseRow.a_number.is_not(None)) \
            .order_by(CaseRow.a_number).limit(limit)
        return list(s.scalars(_allowed(q, CaseRow.a_number, allowed)))


def categories(store, allowed: Optional[frozenset[str]] = None) -> dict[str, int]:
    with store.session() as s:
        q = select(CaseRow.category, func.count()).group_by(CaseRow.category)
        return dict(s.execute(_allowed(q, CaseRow.a_number, allowed)).all())


def monthly(store, allowed: Optional[frozenset[str]] = None) -> list[tuple[str, str, int]]:
    """(YYYY-MM of the earliest decision, category, cases)."""
    with store.session() as s:
        month = func.substr(CaseRow.earliest_decision_date, 1, 7)
        q = (select(month, CaseRow.category, func.count())
             .where(CaseRow.earliest_decision_date.is_not(None))
             .group_by(month, CaseRow.category))
        return [tuple(r) for r in s.execute(_allowed(q, CaseRow.a_number, allowed))]


def periods(store, allowed: Optional[frozenset[str]] = None) -> dict[tuple[str, str], int]:
    with store.session() as s:
        q = select(CaseRow.category, CaseRow.period, func.count()) \
            .group_by(CaseRow.category, CaseRow.period)
        return {(c, p): n for c, p, n in s.execute(_allowed(q, CaseRow.a_number, allowed))}


def check_counts(store, allowed: Optional[frozenset[str]] = None) -> dict[tuple[str, str], int]:
    """(check, status as read) -> records, over the records this account may see."""
    with store.session() as s:
        q = select(CheckRow.check_id, CheckRow.status, func.count()) \
            .group_by(CheckRow.check_id, CheckRow.status)
        if allowed is not None:
            q = q.join(RecordRow, RecordRow.id == CheckRow.record_pk) \
                .where(RecordRow.case_key.in_(sorted(allowed)))
        return {(c, st): n for c, st, n in s.execute(q)}


def records_data(store, record_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    ids = sorted(set(record_ids))
    out = {}
    with store.session() as s:
        for i in range(0, len(ids), 500):
            for rid, data in s.execute(select(RecordRow.record_id, RecordRow.data)
                                       .where(RecordRow.record_id.in_(ids[i:i + 500]))):
                out[rid] = data
    return out


# --------------------------------------------------------------------------- the queue
# Two orders: "open" (records as reviewed with checks nobody decided: open_tier and the
# open_checks rows, kept up to date on every decision) and "flagged" (records as read:
# flag_tier and the checks table, for a second review, where others' decisions do not
# take a check out of a reviewer's queue).

FLAGGED = ("fail", "unknown")
#: a record's kind tells its document's type (no join with documents needed to filter)
KIND_OF_DOC = {"waiver_form": "waiver_form", "case_comments": "case_comment"}
DOC_OF_KIND = {v: k for k, v in KIND_OF_DOC.items()}


def _queue_query(cols, *, open_: bool, allowed, category, check, doc_type, date_from, date_to,
                 exclude=()):
    tier = RecordRow.open_tier if open_ else RecordRow.flag_tier
    q = select(*cols).select_from(RecordRow).where(tier.is_not(None))
    q = _allowed(q, RecordRow.case_key, allowed)
    if category:
        q = q.where(RecordRow.category == category)
    if doc_type:
        q = q.where(RecordRow.kind == KIND_OF_DOC.get(doc_type, doc_type))
    if date_from:
        q = q.where(RecordRow.entry_date >= date_from)
    if date_to:
        q = q.where(RecordRow.entry_date <= date_to)
    if check:
        if open_:
            q = q.where(select(OpenCheck.id).where(OpenCheck.record_pk == RecordRow.id,
                                                   OpenCheck.check_id == check).exists())
        else:
            q = q.where(select(CheckRow.id).where(CheckRow.record_pk == RecordRow.id,
                                                  CheckRow.check_id == check,
                                                  CheckRow.status.in_(FLAGGED)).exists())
    if exclude:
        q = q.where(RecordRow.record_id.not_in(sorted(exclude)))
    return q, tier


def queue_rows(store, *, open_: bool = True, allowed=None, category=None, check=None,
               doc_type=None, date_from=None, date_to=None, exclude=(), offset: int = 0,
               limit: Optional[int] = 50) -> list[dict[str, Any]]:
    """One page of queue rows in queue order (tier, source, record): ``{"record_id",
    "source", "doc_type", "kind", "a_number", "category", "date", "tier", "record_pk"}``
    (``limit`` None: every row)."""
    filters = dict(open_=open_, allowed=allowed, category=category, check=check,
                   doc_type=doc_type, date_from=date_from, date_to=date_to, exclude=exclude)
    cols = (RecordRow.id, RecordRow.record_id, RecordRow.source, RecordRow.kind,
            RecordRow.kind, RecordRow.case_key, RecordRow.category, RecordRow.entry_date,
            RecordRow.open_tier if open_ else RecordRow.flag_tier)
    with store.session() as s:
        q, tier = _queue_query(cols, **filters)
        q = q.order_by(tier, RecordRow.source, RecordRow.record_id).offset(offset).limit(limit)
        return [{"record_pk": r[0], "record_id": r[1], "source": r[2] or "",
                 "doc_type": DOC_OF_KIND.get(r[3], r[3]),
                 "kind": r[4], "a_number": None if (r[5] or "").startswith("record:") else r[5],
                 "category": r[6], "date": r[7], "tier": r[8]} for r in s.execute(q)]


def queue_counts(store, **filters: Any) -> dict[str, Any]:
    """Records per tier and checks in all under these filters, and the facet counts
    (what each choice of category, document type and check would leave, the other
    filters applied). Two queries: one grouped by (tier, category, kind) over a covering
    index gives the tiers and the category and document-type facets; one the checks."""
    open_ = filters.get("open_", True)
    cat, kind = filters.get("category"), KIND_OF_DOC.get(filters.get("doc_type") or "")
    with store.session() as s:
        tier_col = RecordRow.open_tier if open_ else RecordRow.flag_tier
        q, _ = _queue_query((tier_col, RecordRow.category, RecordRow.kind, func.count()),
                            **dict(filters, category=None, doc_type=None))
        groups = s.execute(q.group_by(tier_col, RecordRow.category, RecordRow.kind)).all()
        tiers: dict[int, int] = {}
        facets: dict[str, dict[str, int]] = {"category": {}, "doc_type": {}}
        for t, c, k, n in groups:
            if (cat is None or c == cat) and (kind is None or k == kind):
                tiers[int(t)] = tiers.get(int(t), 0) + n
            if kind is None or k == kind:
                facets["category"][c] = facets["category"].get(c, 0) + n
            if cat is None or c == cat:
                d = DOC_OF_KIND.get(k, k)
                facets["doc_type"][d] = facets["doc_type"].get(d, 0) + n
        facets["check"] = _check_facet(s, dict(filters, check=None))
        check = filters.get("check")
        checks = facets["check"].get(check, 0) if check else sum(facets["check"].values())
        return {"tiers": tiers, "records": sum(tiers.values()), "checks": checks,
                "facets": facets}


def _check_facet(s, filters: dict[str, Any]) -> dict[str, int]:
    open_ = filters.get("open_", True)
    inner, _ = _queue_query((RecordRow.id,), **filters)
    unfiltered = not any(filters.get(k) for k in ("allowed", "category", "check", "doc_type",
                                                   "date_from", "date_to", "exclude"))
    if open_ and unfiltered and filters.get("allowed") is None:
        # every open_checks row belongs to an open record: the index alone counts them
        return dict(s.execute(select(OpenCheck.check_id, func.count())
                              .group_by(OpenCheck.check_id)).all())
    if open_:
        q = select(OpenCheck.check_id, func.count()).where(OpenCheck.record_pk.in_(inner)) \
            .group_by(OpenCheck.check_id)
    else:
        q = select(CheckRow.check_id, func.count()).where(
            CheckRow.record_pk.in_(inner), CheckRow.status.in_(FLAGGED)).group_by(CheckRow.check_id)
    return dict(s.execute(q).all())


def open_checks(store, record_pks: list[int]) -> dict[int, list[tuple[str, int]]]:
    """The open (check, tier) of these records, most severe first."""
    out: dict[int, list[tuple[str, int]]] = {}
    with store.session() as s:
        for pk, c, t in s.execute(select(OpenCheck.record_pk, OpenCheck.check_id, OpenCheck.tier)
                                  .where(OpenCheck.record_pk.in_(record_pks))
                                  .order_by(OpenCheck.record_pk, OpenCheck.tier, OpenCheck.id)):
            out.setdefault(pk, []).append((c, t))
    return out


def decided_record_ids(store, reviewer: Optional[str] = None) -> set[str]:
    """Records with any decision (by ``reviewer``, when given)."""
    with store.session() as s:
        q = select(ReviewDecision.record_id).distinct()
        if reviewer is not None:
            q = q.where(ReviewDecision.reviewer == reviewer)
        return set(s.scalars(q))


def flagged_checks(store, record_pks: list[int]) -> dict[int, list[tuple[str, str, str]]]:
    """(check, status, severity) of these records' flagged checks as read."""
    out: dict[int, list[tuple[str, str, str]]] = {}
    with store.session() as s:
        for pk, c, st, sev in s.execute(select(CheckRow.record_pk, CheckRow.check_id,
                                               CheckRow.status, CheckRow.severity)
                                        .where(CheckRow.record_pk.in_(record_pks),
                                               CheckRow.status.in_(FLAGGED))
                                        .order_by(CheckRow.id)):
            out.setdefault(pk, []).append((c, st, sev))
    return out


def record_documents(store, record_ids: Iterable[str]) -> list[dict[str, Any]]:
    """One contract-shaped document per record (``{"source", "doc_type", "records":
    [record]}``), with the record's case category as reviewed under ``"category"``."""
    ids = sorted(set(record_ids))
    out = []
    with store.session() as s:
        for i in range(0, len(ids), 500):
            for r in s.execute(select(RecordRow.data, RecordRow.source, DocumentRow.doc_type,
                                      RecordRow.category)
                               .join(DocumentRow, DocumentRow.id == RecordRow.document_id)
                               .where(RecordRow.record_id.in_(ids[i:i + 500]),
                                      DocumentRow.status == "scored")):
                out.append({"source": r.source or "", "doc_type": r.doc_type,
                            "records": [r.data], "category": r.category})
    return out


def escalations(store, allowed=None) -> list[dict[str, Any]]:
    """Checks whose escalation still stands (not superseded or withdrawn by the one who
    escalated), newest first: the escalation queue."""
    from scoring.reviewed import effective_decisions
    with store.session() as s:
        ids = set(s.scalars(select(ReviewDecision.record_id)
                            .where(ReviewDecision.action == "escalate").distinct()))
    if not ids:
        return []
    hist = histories(store, ids)
    data = records_data(store, ids)
    out = []
    for rid, ds in hist.items():
        rec = data.get(rid)
        if rec is None:
            continue
        if allowed is not None:
            from scoring.cases import record_facts
            if record_facts(rec).a_number not in allowed:
                continue
        out += [dict(d, record=rec) for d in effective_decisions(ds) if d["action"] == "escalate"]
    return sorted(out, key=lambda d: d["id"], reverse=True)


def stamp(store) -> tuple[int, int, int, int]:
    """Changes whenever anything a page counts changes (a document saved adds a
    sighting; a decision a review row; a full report replaces the cases): counts may
    be kept under it and reused until it moves. Primary-key lookups only."""
    from waiverscan.store.models import Sighting
    with store.session() as s:
        return (s.scalar(select(func.max(Sighting.id))) or 0,
                s.scalar(select(func.max(ReviewDecision.id))) or 0,
                s.scalar(select(func.max(CaseRow.id))) or 0,
                s.scalar(select(func.count()).select_from(CaseRow)) or 0)
