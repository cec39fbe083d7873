"""The store's tables, as SQLAlchemy 2 typed declarative models.

One row per *file content* (``documents.sha256`` is unique): the same bytes under two
names are one document, scored once. Pages, records, fields and checks hang off a
document and are replaced together when a new pipeline version re-scores it. Review
decisions point at records by their contract ``record_id`` string, not by a foreign key,
so replacing a document's records never touches a review (reviews are append-only).
The schema itself is created by the Alembic migrations in ``waiverscan/migrations``;
these classes must stay in step with them (``test_store_schema`` compares the two).
"""
from __future__ import annotations

from datetime import datetime
from typing import Any, Optional

from sqlalchemy import (JSON, DateTime, Float, ForeignKey, Index, Integer, String, Text,
                        UniqueConstraint)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

#: JSON everywhere; JSONB on PostgreSQL (indexable, compact)
JSONType = JSON().with_variant(JSONB(), "postgresql")


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSONType, list[Any]: JSONType, Any: JSONType}


class Run(Base):
    """One `waiverscan scan` invocation. ``finished`` stays NULL for a run that was
    killed (or is still going)."""

    __tablename__ = "runs"
    id: Mapped[int] = mapped_column(primary_key=True)
    started: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    finished: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))
    pipeline_version: Mapped[str] = mapped_column(String(64))
    counts: Mapped[dict[str, Any]] = mapped_column(default=dict)
    args: Mapped[dict[str, Any]] = mapped_column(default=dict)


class DocumentRow(Base):
    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    source: Mapped[str] = mapped_column(Text)
    doc_type: Mapped[str] = mapped_column(String(32))
    pages: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(16))  # scored | failed
    error_code: Mapped[Optional[str]] = mapped_column(String(32))  # the contract's code
    # the program's own code (ocr_timeout, tool_missing, internal...): finer than the
    # contract's, and what decides whether a later run retries the file
    failure_code: Mapped[Optional[str]] = mapped_column(String(32))
    error_message: Mapped[Optional[str]] = mapped_column(Text)
    pipeline_version: Mapped[str] = mapped_column(String(64), index=True)
    run_id: Mapped[Optional[int]] = mapped_column(ForeignKey("runs.id"))
    scored_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    seconds: Mapped[Optional[float]] = mapped_column(Float)

    page_rows: Mapped[list["PageRow"]] = relationship(
        back_populates="document", cascade="all, delete-orphan", passive_deletes=True,
        order_by="PageRow.number")
    sighting_rows: Mapped[list["Sighting"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="Sighting.id")
    record_rows: Mapped[list["RecordRow"]] = relationship(
        back_populates="document", cascade="all, delete-orphan", passive_deletes=True,
        order_by="RecordRow.idx")


class Sighting(Base):
    """One time a document's bytes were scanned or uploaded (migration 0004): the
    document keeps the source it was first seen at; later ones are added here."""

    __tablename__ = "sightings"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"),
                                             index=True)
    source: Mapped[str] = mapped_column(Text)
    seen_by: Mapped[Optional[str]] = mapped_column(String(128))
    seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    via: Mapped[str] = mapped_column(String(16))  # scan | upload


class PageRow(Base):
    """What was read from one page (its words are not kept: the contract records and
    their evidence are the product; re-OCR is one `waiverscan ocr` away)."""

    __tablename__ = "pages"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"),
                                             index=True)
    number: Mapped[int] = mapped_column(Integer)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    dpi: Mapped[float] = mapped_column(Float)
    text_source: Mapped[str] = mapped_column(String(16))
    words: Mapped[int] = mapped_column(Integer)
    mean_conf: Mapped[Optional[float]] = mapped_column(Float)

    document: Mapped[DocumentRow] = relationship(back_populates="page_rows")


class RecordRow(Base):
    """A record, with the columns the pages filter, sort and count by in the database
    (migration 0004): ``flag_tier`` the queue tier as read, ``open_tier`` as reviewed
    (None: nothing waits for a decision), its case's key and category as reviewed."""

    __tablename__ = "records"
    __table_args__ = (Index("ix_records_open_order", "open_tier", "source", "record_id"),
                      Index("ix_records_flag_order", "flag_tier", "source", "record_id"),
                      Index("ix_records_open_facets", "open_tier", "category", "kind",
                            "entry_date"),
                      Index("ix_records_flag_facets", "flag_tier", "category", "kind",
                            "entry_date"))
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"),
                                             index=True)
    record_id: Mapped[str] = mapped_column(String(80), unique=True)  # "<sha256>:<index>"
    idx: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(32))
    a_number: Mapped[Optional[str]] = mapped_column(String(16), index=True)
    score: Mapped[Optional[float]] = mapped_column(Float)
    data: Mapped[dict[str, Any]] = mapped_column()  # the contract record, verbatim
    source: Mapped[Optional[str]] = mapped_column(Text)
    entry_date: Mapped[Optional[str]] = mapped_column(String(10), index=True)
    flag_tier: Mapped[Optional[int]] = mapped_column(Integer)
    open_tier: Mapped[Optional[int]] = mapped_column(Integer)
    case_key: Mapped[Optional[str]] = mapped_column(String(100), index=True)
    category: Mapped[Optional[str]] = mapped_column(String(40))

    document: Mapped[DocumentRow] = relationship(back_populates="record_rows")
    field_rows: Mapped[list["FieldRow"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True)
    check_rows: Mapped[list["CheckRow"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True)


class FieldRow(Base):
    """One field of a record, queryable (``present`` is False for a field the document
    does not hold: the contract's null)."""

    __tablename__ = "fields"
    id: Mapped[int] = mapped_column(primary_key=True)
    record_pk: Mapped[int] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"),
                                           index=True)
    name: Mapped[str] = mapped_column(String(64))
    present: Mapped[bool] = mapped_column()
    value: Mapped[Optional[Any]] = mapped_column()
    confidence: Mapped[Optional[float]] = mapped_column(Float)
    page: Mapped[Optional[int]] = mapped_column(Integer)
    bbox: Mapped[Optional[Any]] = mapped_column()
    evidence: Mapped[Optional[str]] = mapped_column(Text)


class OpenCheck(Base):
    """A flagged check of a record still waiting for a decision (the queue's check
    filter and counts); rewritten with its record on every decision."""

    __tablename__ = "open_checks"
    __table_args__ = (Index("ix_open_checks_check_id", "check_id", "record_pk"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    record_pk: Mapped[int] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"),
                                           index=True)
    check_id: Mapped[str] = mapped_column(String(32))
    tier: Mapped[int] = mapped_column(Integer)


class CheckRow(Base):
    __tablename__ = "checks"
    __table_args__ = (Index("ix_checks_check_status", "check_id", "status"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    record_pk: Mapped[int] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"),
                                           index=True)
    check_id: Mapped[str] = mapped_column(String(32), index=True)
    status: Mapped[str] = mapped_column(String(16))
    severity: Mapped[str] = mapped_column(String(16))
    why: Mapped[Optional[str]] = mapped_column(Text)


class CaseRow(Base):
    """A parent's case as reviewed (derived data): rolled up again, one case at a time,
    whenever its records or their decisions change; replaced as a whole by a full
    `waiverscan report`. ``case_key``: the A-number, or ``record:<id>`` without one."""

    __tablename__ = "cases"
    id: Mapped[int] = mapped_column(primary_key=True)
    a_number: Mapped[Optional[str]] = mapped_column(String(16), index=True)
    case_key: Mapped[Optional[str]] = mapped_column(String(100))
    category: Mapped[str] = mapped_column(String(40))
    period: Mapped[Optional[str]] = mapped_column(String(24))
    flags: Mapped[list[Any]] = mapped_column(default=list)
    earliest_decision_date: Mapped[Optional[str]] = mapped_column(String(10))  # YYYY-MM-DD
    record_ids: Mapped[list[Any]] = mapped_column(default=list)
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)  # the whole case object

    __table_args__ = (Index("ix_cases_case_key", "case_key", unique=True),
                      Index("ix_cases_category", "category", "period"),
                      Index("ix_cases_earliest", "earliest_decision_date", "category"))


class StoreMeta(Base):
    """Small facts about the store itself (which version its derived columns hold)."""

    __tablename__ = "store_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ReviewDecision(Base):
    """One reviewer action. Append-only: the API has no update or delete, an ORM hook
    refuses them, and database triggers refuse them too. ``hash`` chains each row to
    the one before (``prev_hash``), so an edit made behind the program's back shows."""

    __tablename__ = "review_decisions"
    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[str] = mapped_column(String(80), index=True)
    check_id: Mapped[Optional[str]] = mapped_column(String(32))
    field: Mapped[Optional[str]] = mapped_column(String(64))
    reviewer: Mapped[str] = mapped_column(String(128))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    value_before: Mapped[Optional[Any]] = mapped_column()
    value_after: Mapped[Optional[Any]] = mapped_column()
    action: Mapped[str] = mapped_column(String(32))
    note: Mapped[Optional[str]] = mapped_column(Text)
    # unique: two writers appending at once cannot both extend the same link
    prev_hash: Mapped[str] = mapped_column(String(64), unique=True)
    hash: Mapped[str] = mapped_column(String(64), unique=True)


# --------------------------------------------------------------------------- accounts
# (issue 5, migration 0002): who may sign in to the review UI, and what counsel may see


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(128), unique=True)
    role: Mapped[str] = mapped_column(String(16))  # reviewer|investigator|counsel|admin
    password_hash: Mapped[str] = mapped_column(String(255))  # argon2id, PHC string
    active: Mapped[bool] = mapped_column()
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class UserSession(Base):
    __tablename__ = "user_sessions"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Assignment(Base):
    """One A-number an admin gave a counsel account (normalised ``A`` + 9 digits)."""

    __tablename__ = "assignments"
    __table_args__ = (UniqueConstraint("user_id", "a_number", name="uq_assignments_user_a_number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    a_number: Mapped[str] = mapped_column(String(16))


class SignInThrottle(Base):
    """Failed sign-ins counted per user name and per source address (issue 6, migration
    0003_sign_in_throttle): kept in the store, so a lockout survives a restart of the UI
    and holds for every process serving it. ``key`` is the sha256 of ``user:<name>`` or
    ``source:<address>`` (a password typed into the name box is not kept as typed)."""

    __tablename__ = "sign_in_throttle"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer)
    last_failure: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    locked_until: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))
