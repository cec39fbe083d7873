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
same link cannot both commit; the loser retries on the new head.
"""
from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, Optional

from sqlalchemy import event, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from waiverscan.store.models import ReviewDecision

if TYPE_CHECKING:
    from waiverscan.store import Store

GENESIS = "0" * 64
ACTIONS = ("accept", "correct", "reject", "comment", "escalate")


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
    def __init__(self, store: "Store"):
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
        for attempt in range(5):
            try:
                with self._store.session() as s:
                    prev = s.scalar(select(ReviewDecision.hash)
                                    .order_by(ReviewDecision.id.desc()).limit(1)) or GENESIS
                    row = ReviewDecision(**content, prev_hash=prev, hash=row_hash(prev, content))
                    s.add(row)
                    s.flush()
                    return _as_dict(row)
            except IntegrityError:  # another writer appended first: chain onto its row
                if attempt == 4:
                    raise
        raise AssertionError("unreachable")

    def history(self, record_id: Optional[str] = None) -> list[dict[str, Any]]:
        """Decisions in the order they were made (all, or one record's)."""
        with self._store.session() as s:
            q = select(ReviewDecision).order_by(ReviewDecision.id)
            if record_id is not None:
                q = q.where(ReviewDecision.record_id == record_id)
            return [_as_dict(r) for r in s.scalars(q)]

    def verify(self) -> Optional[int]:
        """None when the chain is intact, else the id of the first row that does not
        follow from its predecessor (altered, inserted or a predecessor removed)."""
        prev = GENESIS
        for d in self.history():
            if d["prev_hash"] != prev or row_hash(prev, d) != d["hash"]:
                return d["id"]
            prev = d["hash"]
        return None
