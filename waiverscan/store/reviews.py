"""Review decisions: an append-only, hash-chained log.

A reviewer's decision is evidence in an audit, so nothing a reviewer did is ever
overwritten: a correction is a new decision. Three locks keep it so:
  * this API only appends (there is no update or delete);
  * an ORM hook refuses to flush a changed or deleted :class:`ReviewDecision`;
  * database triggers (created by the migration) refuse UPDATE and DELETE, on SQLite
    and PostgreSQL (and TRUNCATE on PostgreSQL).
Each row's ``hash`` covers its content and the previous row's hash, so a row altered or
removed behind the program's back (trigger dropped, file edited) breaks
:meth:`ReviewLog.verify`. ``prev_hash`` is unique: two writers racing to append the
same link cannot both commit; the loser retries on the new head, so two reviewers
deciding at the same moment both keep their decision. :meth:`ReviewLog.check` says how
a broken chain was broken (`waiverscan audit verify`); :meth:`ReviewLog.conflicts`
lists checks on which reviewers disagree.
"""
from __future__ import annotations

import hashlib
import json
import random
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Callable, Iterable, Optional, Protocol

from sqlalchemy import event, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from waiverscan.store.models import ReviewDecision



class StoreAccess(Protocol):
    """What the review log needs of its store (:class:`waiverscan.store.Store`, which
    owns the log): sessions and the retry policy. A protocol rather than the class
    itself, so that this module does not import the package that imports it."""

    retry: Any

    def session(self) -> Any: ...

GENESIS = "0" * 64
#: withdraw: a reviewer takes back their own earlier decision on the same subject (an
#: undo, appended like everything else; scoring.reviewed.effective_decisions reads it)
ACTIONS = ("accept", "correct", "reject", "comment", "escalate", "withdraw")
#: tries at appending while other writers keep taking the head of the chain
APPEND_ATTEMPTS = 50


class AppendOnlyError(RuntimeError):
    """Someone tried to change or delete a review decision."""


@event.listens_for(Session, "before_flush")
def _refuse_changes(session: Session, _ctx, _instances) -> None:
    for obj in list(session.dirty) + list(session.deleted):
        if isinstance(obj, ReviewDecision) and (obj in session.deleted or session.is_modified(obj)):
            raise AppendOnlyError("review decisions are append-only: add a new decision instead")


def _utc(at: datetime) -> datetime:
    """UTC without tzinfo: what comes back from SQLite and PostgreSQL alike, so the hash
    of a stored row can be recomputed exactly."""
    if at.tzinfo is not None:
        at = at.astimezone(timezone.utc)
    return at.replace(tzinfo=None)


def row_hash(prev_hash: str, d: dict[str, Any]) -> str:
    body = {k: d.get(k) for k in ("record_id", "check_id", "field", "reviewer", "value_before",
                                  "value_after", "action", "note")}
    body["at"] = _utc(d["at"]).isoformat(timespec="microseconds")
    body["prev_hash"] = prev_hash
    blob = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def _as_dict(r: ReviewDecision) -> dict[str, Any]:
    return {"id": r.id, "record_id": r.record_id, "check_id": r.check_id, "field": r.field,
            "reviewer": r.reviewer, "at": r.at, "value_before": r.value_before,
            "value_after": r.value_after, "action": r.action, "note": r.note,
            "prev_hash": r.prev_hash, "hash": r.hash}


class ReviewLog:
    def __init__(self, store: StoreAccess):
        self._store = store

    def add(self, record_id: str, *, reviewer: str, action: str,
            check_id: Optional[str] = None, field: Optional[str] = None,
            value_before: Any = None, value_after: Any = None, note: Optional[str] = None,
            at: Optional[datetime] = None) -> dict[str, Any]:
        """Append one decision on a record (about one check or one field) and return it."""
        if action not in ACTIONS:
            raise ValueError(f"action must be one of {ACTIONS}")
        if not reviewer:
            raise ValueError("a decision needs its reviewer")
        at = at or datetime.now(timezone.utc)
        content = dict(record_id=record_id, check_id=check_id, field=field, reviewer=reviewer,
                       value_before=value_before, value_after=value_after, action=action,
                       note=note, at=_utc(at).replace(tzinfo=timezone.utc))

        def append() -> dict[str, Any]:
            with self._store.session() as s:
                prev = s.scalar(select(ReviewDecision.hash)
                                .order_by(ReviewDecision.id.desc()).limit(1)) or GENESIS
                row = ReviewDecision(**content, prev_hash=prev, hash=row_hash(prev, content))
                s.add(row)
                s.flush()
                # the record's queue columns and its case, in the same transaction
                from waiverscan.store.derived import after_decision
                after_decision(s, record_id)
                return _as_dict(row)

        # n writers racing: each round one of them wins, so n-1 losses at most; the
        # short random pause keeps the losers from meeting again on the next head
        for attempt in range(APPEND_ATTEMPTS):
            try:  # a locked or restarting database is waited out (Store.retry)
                return self._store.retry.call(append, "review write")
            except IntegrityError:  # another writer appended first: chain onto its row
                if attempt == APPEND_ATTEMPTS - 1:
                    raise
                time.sleep(random.uniform(0, 0.01 * (attempt + 1)))
        raise AssertionError("unreachable")

    def history(self, record_id: Optional[str] = None) -> list[dict[str, Any]]:
        """Decisions in the order they were made (all, or one record's)."""
        with self._store.session() as s:
            q = select(ReviewDecision).order_by(ReviewDecision.id)
            if record_id is not None:
                q = q.where(ReviewDecision.record_id == record_id)
            return [_as_dict(r) for r in s.scalars(q)]

    def reviewers(self) -> list[str]:
        """Everyone who has made a decision."""
        with self._store.session() as s:
            return sorted(s.scalars(select(ReviewDecision.reviewer).distinct()))

    def verify(self) -> Optional[int]:
        """None when the chain is intact, else the id of the first row that does not
        follow from its predecessor (altered, inserted or a predecessor removed)."""
        broken = self.check()
        return None if broken is None else broken.id

    def check(self) -> Optional["ChainBreak"]:
        """None when the chain is intact, else the first decision that breaks it, with
        what was done to the log (see :func:`find_break`)."""
        return find_break(self.history())

    def conflicts(self, record_id: Optional[str] = None) -> list[dict[str, Any]]:
        """Checks on which reviewers disagree: same record and check, two or more
        reviewers whose latest settling decision (accept, correct, reject) differs in
        outcome (action, field, value after). Each conflict is ``{"record_id",
        "check_id", "decisions": [each reviewer's latest decision, oldest first]}``;
        conflicts come in the order of their latest decision. Comments and escalations
        settle nothing and are left out; a reviewer who changed their mind counts with
        their last word only."""
        from scoring.reviewed import effective_decisions
        found = disagreements(
            effective_decisions(self.history(record_id)),
            lambda d: outcome(d) if d["check_id"] is not None and d["action"] in SETTLING
            else None,
            lambda d: d["check_id"])
        out = [{"record_id": rid, "check_id": check,
                "decisions": sorted((d for d, _ in last), key=lambda d: d["id"])}
               for rid, check, last in found]
        return sorted(out, key=lambda c: c["decisions"][-1]["id"])


def disagreements(decisions: Iterable[dict[str, Any]],
                  verdict: Callable[[dict[str, Any]], Optional[str]],
                  subject: Callable[[dict[str, Any]], str]
                  ) -> list[tuple[str, str, list[tuple[dict[str, Any], str]]]]:
    """``(record_id, subject, [(decision, verdict)...])`` for every subject of a record
    on which reviewers' *last* verdicts differ (``decisions`` in the order made; a later
    decision replaces the same reviewer's earlier one; a verdict of None says nothing).
    The one grouping behind the store's :meth:`ReviewLog.conflicts` and the review UI's
    conflict views, which differ only in what a verdict and a subject are."""
    last: dict[tuple[str, str], dict[str, tuple[dict[str, Any], str]]] = {}
    for d in decisions:
        v = verdict(d)
        if v is not None:
            last.setdefault((d["record_id"], subject(d)), {})[d["reviewer"]] = (d, v)
    return [(rid, subj, list(by.values())) for (rid, subj), by in last.items()
            if len({v for _, v in by.values()}) > 1]


#: the actions that settle a check (a comment or an escalation does not)
SETTLING = ("accept", "correct", "reject")


def outcome(d: dict[str, Any]) -> str:
    """What a settling decision says about its check, comparable between reviewers."""
    return json.dumps([d["action"], d["field"], d["value_after"]], sort_keys=True,
                      ensure_ascii=False)


@dataclass(frozen=True)
class ChainBreak:
    """The first decision that does not follow from the one before it in the log."""

    id: int  # the decision's row id
    kind: str  # edited | deleted | reordered | inserted
    reason: str  # for people; names rows by id and hash prefix, never their content


def find_break(rows: list[dict[str, Any]]) -> Optional[ChainBreak]:
    """Walk ``rows`` (decisions in id order) from the genesis hash and return the first
    that breaks the chain, or None. How it is broken:

    * ``edited``: the row's content no longer gives its stored hash;
    * ``reordered``: it chains to a decision stored after it (ids swapped);
    * ``inserted``: it chains to nothing in the log but the next row chains to the one
      before it, or a later row skips back over it;
    * ``deleted``: it chains to a decision that is no longer in the log (or to one
      that was edited and re-hashed, which leaves the same trace).

    A decision appended at the end with a correct link is what the program itself
    does, and removing the newest decisions leaves a shorter valid chain: compare the
    head hash ``audit verify`` prints with one recorded earlier to catch those."""
    index = {r["hash"]: i for i, r in enumerate(rows)}
    prev = GENESIS
    for i, r in enumerate(rows):
        if row_hash(r["prev_hash"], r) != r["hash"]:
            return ChainBreak(r["id"], "edited", f"decision {r['id']} was changed: its "
                              f"content no longer gives its hash {r['hash'][:12]}")
        if r["prev_hash"] == prev:
            prev = r["hash"]
            continue
        j = index.get(r["prev_hash"])
        if j is not None and j > i:
            return ChainBreak(r["id"], "reordered", f"decision {r['id']} chains to decision "
                              f"{rows[j]['id']}, which is stored after it: the log was reordered")
        if j is not None:  # it skips back over rows j+1..i-1: the first of them was slipped in
            k = rows[j + 1]
            return ChainBreak(k["id"], "inserted", f"decision {k['id']} was inserted: decision "
                              f"{r['id']} chains past it to decision {rows[j]['id']}")
        nxt = rows[i + 1] if i + 1 < len(rows) else None
        if nxt is not None and nxt["prev_hash"] == prev:
            return ChainBreak(r["id"], "inserted", f"decision {r['id']} was inserted: it chains "
                              f"to no decision in the log, and decision {nxt['id']} after it "
                              f"chains to the one before it")
        before = f"decision {rows[i - 1]['id']}" if i else "the start of the log"
        return ChainBreak(r["id"], "deleted", f"decision {r['id']} chains to a decision that is "
                          f"not in the log (hash {r['prev_hash'][:12]}): a decision between "
                          f"{before} and it was deleted (or edited and re-hashed)")
    return None
