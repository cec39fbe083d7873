"""The review queue: records with failed or unknown checks that nobody has decided
yet, most severe first.

Order (the issue's): a record with a failed *critical* check first, then one with an
``unknown`` check (the machine could not tell: a person must), then one with a failed
*major* check, then the rest (failed minor); within a tier, by source file and record.
A check leaves the queue once any reviewer has decided it (confirm, overturn or
escalate), or once a correction of its fields makes it pass. Reviewer filters
(:func:`queue_for`): the checks a given reviewer has not decided yet (a second review,
for the agreement figures), or those they decided.
The other filters and their counts work on the built queue (:func:`filter_items`,
:func:`facet_counts`), so one build serves every count on the page.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional

from waiverscan.store.derived import check_tier  # noqa: F401 (the queue's order, one definition)

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
    date: Optional[str] = None  # the record's own date (ISO)

    @property
    def check_ids(self) -> list[str]:
        return [c["id"] for c in self.checks]

    @property
    def label(self) -> str:
        """How a reviewer tells entries apart: A-number, date and entry number (a
        comments export holds many entries under one file name)."""
        n = int(self.record_id.rsplit(":", 1)[-1]) + 1 if ":" in self.record_id else 1
        what = f"form {n}" if self.kind == "waiver_form" else f"entry {n}"
        return f"{self.a_number or 'A-number unread'} · {self.date or 'undated'} · {what}"




def decided_checks(history: Iterable[dict[str, Any]],
                   by: Optional[str] = None) -> set[tuple[str, str]]:
    """(record, check) pairs with a decision; ``by`` a reviewer: only theirs count (a
    second review: checks others decided stay in that reviewer's queue, so two
    reviewers' decisions can be compared)."""
    from scoring.reviewed import effective_decisions  # an undone decision is no decision
    return {(d["record_id"], d["check_id"]) for d in effective_decisions(history)
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
                date_to: Optional[str] = None, second_review_by: Optional[str] = None,
                decided_by: Optional[str] = None) -> list[QueueItem]:
    """Queue items of these (already access-filtered) documents, filtered and ordered.
    ``date_from``/``date_to`` (ISO, inclusive) keep dated records in that range only.
    ``decided_by``: instead of the undecided checks, the flagged checks this reviewer
    decided."""
    from scoring.cases import normalise_a_number, value
    history = list(history)
    decided = decided_checks(history, decided_by or second_review_by)
    category_of = category_of or {}
    if not (decided_by or second_review_by):
        # the records as reviewed: a correction that makes an undecided check pass
        # (the child's name typed in) takes that check out of the queue. (Not for a
        # second review nor a reviewer's own list: those are about decisions as made.)
        from review_ui.reviewed import reviewed_documents  # (it builds on this module)
        documents = reviewed_documents(documents, history)
    items = []
    for doc in documents:
        if doc.get("error"):
            continue
        for rec in doc.get("records") or []:
            if decided_by:
                rid = rec["record_id"]
                pending = sorted((c for c in rec.get("checks") or [] if c.get("status") in FLAGGED
                                  and (rid, c["id"]) in decided), key=check_tier)
            else:
                pending = pending_checks(rec, decided)
            if not pending:
                continue
            fields = rec.get("fields") or {}
            a = normalise_a_number(value(fields, "parent_a_number") or value(fields, "a_number"))
            items.append(QueueItem(rec["record_id"], doc["source"], doc.get("doc_type", ""),
                                   rec.get("kind", ""), a, category_of.get(rec["record_id"]),
                                   check_tier(pending[0]), pending, record_date(rec)))
    items.sort(key=lambda i: (i.tier, i.source, i.record_id))
    return filter_items(items, category=category, check=check, doc_type=doc_type,
                        date_from=date_from, date_to=date_to)


def filter_items(items: list[QueueItem], *, category: Optional[str] = None,
                 check: Optional[str] = None, doc_type: Optional[str] = None,
                 date_from: Optional[str] = None, date_to: Optional[str] = None
                 ) -> list[QueueItem]:
    """The items that pass every given filter, in queue order. A date bound keeps only
    records with a date in range."""
    out = []
    for it in items:
        if (category and it.category != category) or (doc_type and it.doc_type != doc_type):
            continue
        if check and check not in it.check_ids:
            continue
        if (date_from or date_to) and (it.date is None or (date_from and it.date < date_from)
                                       or (date_to and it.date > date_to)):
            continue
        out.append(it)
    return out


def facet_counts(items: list[QueueItem], **filters: Any) -> dict[str, Counter]:
    """What is left under each choice of a filter, the other filters applied:
    ``{"category": records, "doc_type": records, "check": checks}``."""
    out = {}
    for facet in ("category", "doc_type", "check"):
        rest = filter_items(items, **{k: v for k, v in filters.items() if k != facet})
        if facet == "check":
            out[facet] = Counter(c["id"] for it in rest for c in it.checks)
        else:
            out[facet] = Counter(getattr(it, facet) for it in rest)
    return out


@dataclass
class QueuePage:
    items: list[QueueItem]  # this page, in queue order
    total: int  # records under the filters
    counts: dict[str, int]  # records per tier name, "records", "checks"
    facets: dict[str, Counter]  # what each choice of a filter would leave


def queue_page(archive: Any, *, not_decided_by: Optional[str] = None,
               decided_by: Optional[str] = None, category: Optional[str] = None,
               check: Optional[str] = None, doc_type: Optional[str] = None,
               date_from: Optional[str] = None, date_to: Optional[str] = None,
               offset: int = 0, limit: Optional[int] = 50, counted: bool = True) -> QueuePage:
    """One page of the queue, filtered, ordered, paged and counted in the database
    (:mod:`waiverscan.store.queries`): the time does not grow with the archive.

    Nobody-decided (the default) reads the records as reviewed (kept up to date on every
    decision). A second review (``not_decided_by``) reads the flags as raised, less this
    reviewer's own decisions; ``decided_by`` lists what one reviewer decided. Both work
    out the records that reviewer decided here (few next to the archive) and merge them
    with the database's page. ``counted`` False: the rows only, no counts."""
    from waiverscan.store import queries
    store, allowed = archive.store, archive.allowed
    filters = dict(category=category, check=check, doc_type=doc_type, date_from=date_from,
                   date_to=date_to)
    who = not_decided_by or decided_by
    extra: list[QueueItem] = []
    exclude: set[str] = set()
    if who:
        exclude = queries.decided_record_ids(store, who)
        docs = [d for d in queries.record_documents(store, exclude)
                if archive.may_see_record(d["records"][0])]
        history = archive.history_of(exclude)
        cats = {d["records"][0]["record_id"]: d["category"] for d in docs}
        extra = build_queue(docs, history, cats, second_review_by=not_decided_by,
                            decided_by=decided_by, **filters)
    if decided_by:  # only what they decided: nothing from the database's queue
        end = None if limit is None else offset + limit
        return QueuePage(extra[offset:end], len(extra), counts_left(extra),
                         facet_counts(extra, **filters))
    sql = dict(filters, open_=not who, allowed=allowed, exclude=exclude)
    want = None if limit is None else offset + limit
    # with the reviewer's own records merged in, the database's rows before this page
    # are needed too (a first page: `limit` rows, as without)
    rows = (queries.queue_rows(store, offset=0, limit=want, **sql) if extra
            else queries.queue_rows(store, offset=offset, limit=limit, **sql))
    items = _items(store, rows, open_=not who)
    if extra:
        items = sorted(items + extra, key=lambda i: (i.tier, i.source, i.record_id))
        items = items[offset:want]
    if not counted:  # only the rows (the Record page's next and previous)
        return QueuePage(items, len(items), {}, {})
    from review_ui.cached import queue_counts
    got = queue_counts(store, **sql)
    counts = {TIER_NAMES[t]: n for t, n in got["tiers"].items()}
    counts = {name: counts.get(name, 0) for name in TIER_NAMES}
    counts["records"], counts["checks"] = got["records"], got["checks"]
    facets = {k: Counter(v) for k, v in got["facets"].items()}
    if extra:
        more, more_f = counts_left(extra), facet_counts(extra, **filters)
        counts = {k: counts.get(k, 0) + more.get(k, 0) for k in counts}
        facets = {k: facets[k] + more_f[k] for k in facets}
    return QueuePage(items, counts["records"], counts, facets)


def _items(store: Any, rows: list[dict[str, Any]], *, open_: bool) -> list[QueueItem]:
    from waiverscan.store import queries
    pks = [r["record_pk"] for r in rows]
    if open_:
        checks = {pk: [{"id": c, "tier": t} for c, t in cs]
                  for pk, cs in queries.open_checks(store, pks).items()}
    else:
        checks = {pk: sorted(({"id": c, "status": st, "severity": sev} for c, st, sev in cs),
                             key=check_tier)
                  for pk, cs in queries.flagged_checks(store, pks).items()}
    return [QueueItem(r["record_id"], r["source"], r["doc_type"], r["kind"], r["a_number"],
                      r["category"], r["tier"], checks.get(r["record_pk"], []), r["date"])
            for r in rows]


def queue_for(archive: Any, *, not_decided_by: Optional[str] = None,
              decided_by: Optional[str] = None) -> list[QueueItem]:
    """The whole queue (no other filter) of what ``archive`` (a
    :class:`review_ui.access.Archive`: its documents and decisions are those the account
    may see) holds: checks nobody decided, or not yet decided by ``not_decided_by``, or
    decided by ``decided_by``; categories as reviewed. (Every item: for tests and
    small archives; the pages use :func:`queue_page`.)"""
    return queue_page(archive, not_decided_by=not_decided_by, decided_by=decided_by,
                      limit=None).items


def reviewed_categories(docs: list[dict[str, Any]],
                        history: list[dict[str, Any]]) -> dict[str, str]:
    """Record id -> the category of its case as reviewed (decisions applied)."""
    # imported here: reviewed.py builds on this module's queue items
    from review_ui.reviewed import reviewed_documents
    from scoring.cases import roll_up
    return {rid: c["category"]
            for c in roll_up(reviewed_documents(docs, history))["cases"]
            for rid in c.get("records") or []}


def counts_left(items: list[QueueItem]) -> dict[str, int]:
    """Records left per tier, and checks left in all."""
    out = {name: 0 for name in TIER_NAMES}
    for i in items:
        out[TIER_NAMES[i.tier]] += 1
    out["records"] = len(items)
    out["checks"] = sum(len(i.checks) for i in items)
    return out
