"""The store: every scanned document, its records, the cases, reviews and runs.

    store = open_store("postgresql://user@host/db")   # or None: WAIVERSCAN_DB, then
                                                       # sqlite:///waiverscan.db
    for doc in store.iter_documents(): ...             # contract document objects

SQLite by default (one file beside the archive); PostgreSQL for a shared server. The
schema is owned by the Alembic migrations (``waiverscan/migrations``): ``open_store``
runs ``upgrade head`` every time, so an old database is brought up to date before use.

A document's results are written in one transaction (:meth:`Store.save_document`): a
killed run leaves either the whole document or nothing. A run's writes ride out a
database that is briefly away (PostgreSQL restarted, SQLite locked by another writer):
they wait and retry with backoff, up to a bound (:mod:`waiverscan.store.retry`). Review
decisions are append-only and hash-chained (:mod:`waiverscan.store.reviews`).
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator, Optional

from sqlalchemy import create_engine, delete, event, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from waiverscan.store.models import (CaseRow, CheckRow, DocumentRow, FieldRow, OpenCheck,
                                     PageRow, RecordRow, ReviewDecision, Run, Sighting)
from waiverscan.store import derived, faultpoints, retry
from waiverscan.store.retry import RetryPolicy, StoreUnavailableError
from waiverscan.store.reviews import ReviewLog

DEFAULT_URL = "sqlite:///waiverscan.db"
SCHEMA_VERSION = "1"

#: failures that say nothing about the file (the machine was missing Tesseract, OCR
#: was starved of CPU, a file ran past `scan --file-timeout`): a later run tries those
#: files again
TRANSIENT_FAILURES = frozenset({"tool_missing", "ocr_timeout", "ocr_failed", "file_timeout"})

__all__ = ["open_store", "Store", "normalise_url", "DEFAULT_URL", "TRANSIENT_FAILURES",
           "RetryPolicy", "StoreUnavailableError"]


def normalise_url(url: Optional[str]) -> str:
    """A SQLAlchemy URL from what a user types: None -> WAIVERSCAN_DB or the default;
    a bare path -> a SQLite file; ``postgresql://`` -> the psycopg 3 driver (the one
    installed: SQLAlchemy's default would be psycopg2)."""
    url = url or os.environ.get("WAIVERSCAN_DB") or DEFAULT_URL
    if "://" not in url:
        return f"sqlite:///{Path(url)}"
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def _engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        # a statement waits this long on another writer's lock; then RetryPolicy backs off
        engine = create_engine(url, connect_args={"timeout": retry.SQLITE_BUSY_TIMEOUT})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record) -> None:  # every new SQLite connection
            cur = dbapi_conn.cursor()
            # WAL: readers (the report) never block the scan's writer; a killed writer's
            # uncommitted transaction simply vanishes on the next open
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()
        return engine
    return create_engine(url, pool_pre_ping=True)


def migrate(engine: Engine) -> None:
    """`alembic upgrade head` on this engine's database."""
    from alembic import command
    from alembic.config import Config
    here = Path(__file__).resolve().parent.parent
    cfg = Config()
    cfg.set_main_option("script_location", str(here / "migrations"))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def open_store(url: Optional[str] = None, *, upgrade: bool = True,
               wait: Optional[float] = None) -> "Store":
    """Open (and create or upgrade) the store at ``url``. ``wait``: seconds a write may
    spend waiting for an unavailable database, in all (default
    :data:`retry.DEFAULT_WAIT`); the upgrade waits as long for the server to answer."""
    real = normalise_url(url)
    if real.startswith("sqlite:///"):
        path = Path(real[len("sqlite:///"):])
        if str(path) not in ("", ":memory:"):
            path.parent.mkdir(parents=True, exist_ok=True)
            _create_private(path)
    engine = _engine(real)
    policy = RetryPolicy(retry.DEFAULT_WAIT if wait is None else wait)
    store = Store(engine, policy)
    if upgrade:
        try:
            policy.call(lambda: migrate(engine), "upgrade")
            policy.call(store.ensure_derived, "upgrade")
        except BaseException:
            engine.dispose()
            raise
    return store


def _create_private(path: Path) -> None:
    """Create a new SQLite file owner-only (0600) before SQLite does (it would follow
    the umask, typically 0644): it holds names, A-numbers and password hashes. SQLite
    gives its journal and WAL files the database file's own mode."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    os.close(fd)


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _a_number(record: dict) -> Optional[str]:
    fields = record.get("fields") or {}
    for name in ("parent_a_number", "a_number"):
        f = fields.get(name)
        if isinstance(f, dict) and isinstance(f.get("value"), str):
            return f["value"][:16]
    return None


class Store:
    """A handle on one database. Cheap to keep for a whole run; ``close()`` at the end."""

    def __init__(self, engine: Engine, retry_policy: Optional[RetryPolicy] = None):
        self.engine = engine
        self.retry = retry_policy or RetryPolicy()
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.reviews = ReviewLog(self)

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on error."""
        with self._sessions() as s:
            with s.begin():
                yield s

    # ------------------------------------------------------------------ documents

    def done_hashes(self, pipeline_version: str) -> set[str]:
        """Documents a run with this pipeline version need not read again: scored, or
        failed for a reason that lies in the file itself."""
        def read() -> set[str]:
            with self.session() as s:
                rows = s.execute(select(DocumentRow.sha256, DocumentRow.status,
                                        DocumentRow.failure_code)
                                 .where(DocumentRow.pipeline_version == pipeline_version))
                return {sha for sha, status, code in rows
                        if status == "scored" or code not in TRANSIENT_FAILURES}
        return self.retry.call(read, "read")

    def save_document(self, contract: dict, *, pipeline_version: str,
                      pages: Optional[list[dict]] = None, failure_code: Optional[str] = None,
                      run_id: Optional[int] = None, seconds: Optional[float] = None,
                      seen_by: Optional[str] = None, via: str = "scan") -> None:
        """Write one document's results in ONE transaction, replacing an earlier scoring
        of the same bytes (its pages, records, fields and checks; never its reviews).
        The document keeps the source it was first stored with; every save adds a
        sighting (``contract["source"]``, ``seen_by``, now, ``via``: scan or upload).
        Done again from the start while the database is unavailable (``self.retry``)."""
        from sqlalchemy.exc import IntegrityError
        args = (contract, pipeline_version, pages, failure_code, run_id, seconds, seen_by, via)

        def write() -> None:
            try:
                self._save_document(*args)
            except IntegrityError:
                # another run inserted the same bytes between our lookup and our insert:
                # the row exists now, so this becomes a replacement of it
                self._save_document(*args)
        self.retry.call(write)

    def _save_document(self, contract: dict, pipeline_version: str, pages: Optional[list[dict]],
                       failure_code: Optional[str], run_id: Optional[int],
                       seconds: Optional[float], seen_by: Optional[str], via: str) -> None:
        error = contract.get("error")
        old_keys: set[str] = set()
        with self.session() as s:
            doc = s.scalar(select(DocumentRow).where(DocumentRow.sha256 == contract["sha256"]))
            if doc is None:
                doc = DocumentRow(sha256=contract["sha256"], source=contract["source"])
                s.add(doc)
            else:  # re-scored: the children go, in this same transaction
                old_keys = {k for k in s.scalars(select(RecordRow.case_key).where(
                    RecordRow.document_id == doc.id)) if k}
                s.execute(delete(PageRow).where(PageRow.document_id == doc.id))
                old = select(RecordRow.id).where(RecordRow.document_id == doc.id)
                s.execute(delete(FieldRow).where(FieldRow.record_pk.in_(old)))
                s.execute(delete(CheckRow).where(CheckRow.record_pk.in_(old)))
                s.execute(delete(OpenCheck).where(OpenCheck.record_pk.in_(old)))
                s.execute(delete(RecordRow).where(RecordRow.document_id == doc.id))
                s.expire(doc, ["page_rows", "record_rows"])
            # the first source stays: a later copy of the same bytes is a sighting
            doc.sighting_rows.append(Sighting(source=contract["source"], seen_by=seen_by,
                                              seen_at=_now(), via=via))
            doc.doc_type = contract.get("doc_type") or "other"
            doc.pages = int(contract.get("pages") or 0)
            doc.status = "failed" if error else "scored"
            doc.error_code = error.get("code") if error else None
            doc.error_message = error.get("message") if error else None
            doc.failure_code = (failure_code or doc.error_code) if error else None
            doc.pipeline_version = pipeline_version
            doc.run_id = run_id
            doc.scored_at = _now()
            doc.seconds = seconds
            doc.page_rows = [PageRow(**p) for p in (pages or [])]
            doc.record_rows = [self._record_row(r, i) for i, r in enumerate(contract.get("records") or [])]
            for row in doc.record_rows:
                derived.fill_record_columns(row, doc.source)
            s.flush()
            derived.after_save(s, doc.record_rows, old_keys)  # queue columns and cases
            s.flush()
            faultpoints.point("save:flushed", doc.source)  # written, not yet committed

    @staticmethod
    def _record_row(rec: dict, i: int) -> RecordRow:
        idx = int(str(rec["record_id"]).rsplit(":", 1)[-1]) if ":" in str(rec["record_id"]) else i
        row = RecordRow(record_id=rec["record_id"], idx=idx, kind=rec["kind"],
                        a_number=_a_number(rec), score=rec.get("score"), data=rec)
        for name, f in (rec.get("fields") or {}).items():
            if f is None:
                row.field_rows.append(FieldRow(name=name, present=False))
            else:
                row.field_rows.append(FieldRow(
                    name=name, present=True, value=f.get("value"),
                    confidence=f.get("confidence"), page=f.get("page"), bbox=f.get("bbox"),
                    evidence=f.get("evidence")))
        for c in rec.get("checks") or []:
            row.check_rows.append(CheckRow(check_id=c["id"], status=c["status"],
                                           severity=c["severity"], why=c.get("why")))
        return row

    def iter_documents(self, *, status: Optional[str] = None) -> Iterator[dict]:
        """Every stored document as its contract object (`extract --json`'s shape), in
        source order; ``status`` "scored" or "failed" narrows it. Streams in batches."""
        with self.session() as s:
            q = select(DocumentRow).order_by(DocumentRow.source, DocumentRow.sha256)
            if status:
                q = q.where(DocumentRow.status == status)
            for doc in s.scalars(q.execution_options(yield_per=200)):
                yield self._contract(s, doc)

    def document(self, sha256: str) -> Optional[dict]:
        with self.session() as s:
            doc = s.scalar(select(DocumentRow).where(DocumentRow.sha256 == sha256))
            return None if doc is None else self._contract(s, doc)

    @staticmethod
    def _contract(s: Session, doc: DocumentRow) -> dict:
        records = s.scalars(select(RecordRow.data).where(RecordRow.document_id == doc.id)
                            .order_by(RecordRow.idx)).all()
        error = ({"code": doc.error_code, "message": doc.error_message or ""}
                 if doc.status == "failed" else None)
        return {"schema_version": SCHEMA_VERSION, "source": doc.source, "sha256": doc.sha256,
                "doc_type": doc.doc_type, "pages": doc.pages, "error": error,
                "records": list(records)}

    def document_source(self, sha256: str) -> Optional[str]:
        with self.session() as s:
            return s.scalar(select(DocumentRow.source).where(DocumentRow.sha256 == sha256))

    def sightings(self, sha256: str) -> list[dict]:
        """Every time these bytes were scanned or uploaded: source, seen_by, seen_at, via."""
        with self.session() as s:
            rows = s.execute(select(Sighting.source, Sighting.seen_by, Sighting.seen_at,
                                    Sighting.via).join(DocumentRow)
                             .where(DocumentRow.sha256 == sha256).order_by(Sighting.id))
            return [dict(r._mapping) for r in rows]

    def ensure_derived(self) -> None:
        """Bring the derived columns and cases up to date (a store from before migration
        0004, or one whose derived data an older program wrote)."""
        with self.session() as s:
            if not derived.is_current(s):
                derived.refresh_all(s)

    def record(self, record_id: str) -> Optional[dict]:
        with self.session() as s:
            return s.scalar(select(RecordRow.data).where(RecordRow.record_id == record_id))

    def failures(self) -> list[dict]:
        """Files whose last scoring failed: source, sha256, codes and message."""
        with self.session() as s:
            rows = s.execute(select(DocumentRow.source, DocumentRow.sha256,
                                    DocumentRow.error_code, DocumentRow.failure_code,
                                    DocumentRow.error_message, DocumentRow.pipeline_version)
                             .where(DocumentRow.status == "failed")
                             .order_by(DocumentRow.source))
            return [dict(r._mapping) for r in rows]

    def counts(self) -> dict[str, int]:
        """Documents per status and records in all: the numbers a run summary needs."""
        from sqlalchemy import func
        with self.session() as s:
            out = dict(s.execute(select(DocumentRow.status, func.count())
                                 .group_by(DocumentRow.status)).all())
            out["records"] = s.scalar(select(func.count()).select_from(RecordRow)) or 0
            return {k: int(v) for k, v in out.items()}

    # ------------------------------------------------------------------ cases

    def save_cases(self, report: dict) -> int:
        """Replace the cases with those of a roll-up (``{"summary", "cases": [...]}`` as
        the contract's Cases section; a bare list of cases is accepted too), in one
        transaction. Returns how many were written."""
        cases = report.get("cases", []) if isinstance(report, dict) else list(report)
        with self.session() as s:
            s.execute(delete(CaseRow))
            s.add_all(derived.case_row(c.get("a_number") or f"record:{(c.get('records') or ['?'])[0]}", c)
                      for c in cases)
        return len(cases)

    def cases(self) -> list[dict]:
        """The stored cases (the full case objects ``save_cases`` was given)."""
        with self.session() as s:
            return [dict(d) for d in s.scalars(select(CaseRow.data).order_by(CaseRow.id))]

    # ------------------------------------------------------------------ runs

    def start_run(self, pipeline_version: str, args: dict) -> int:
        def write() -> int:
            with self.session() as s:
                run = Run(started=_now(), pipeline_version=pipeline_version, args=args, counts={})
                s.add(run)
                s.flush()
                return run.id
        return self.retry.call(write)

    def finish_run(self, run_id: int, counts: dict) -> None:
        def write() -> None:
            with self.session() as s:
                s.execute(update(Run).where(Run.id == run_id)
                          .values(finished=_now(), counts=counts))
        self.retry.call(write)

    def runs(self) -> list[dict]:
        with self.session() as s:
            return [{"id": r.id, "started": r.started, "finished": r.finished,
                     "pipeline_version": r.pipeline_version, "counts": r.counts, "args": r.args}
                    for r in s.scalars(select(Run).order_by(Run.id))]
