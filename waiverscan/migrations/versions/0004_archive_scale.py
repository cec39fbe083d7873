"""Archive scale and provenance (issue 15).

* ``sightings``: every time a file's bytes were scanned or uploaded (who, when, where).
  A document's ``source`` is the first place it was seen and never changes after.
* ``records`` gain what the pages filter, count and page by in the database (indexed):
  the file's source, the record's own date, the queue tier as read (``flag_tier``) and
  as reviewed (``open_tier``, kept up to date on every decision), its case's key and
  category as reviewed. ``open_checks`` lists each record's flagged checks still
  waiting for a decision (the queue's check filter and counts).
* ``cases`` become one row per case kept up to date (key: the A-number, or
  ``record:<id>`` for a record without one), with its period; ``store_meta`` says which
  version of these derived columns the rows hold (a store older than this migration is
  brought up to date by ``Store.refresh_derived`` on open).

Revision ID: 0004_archive_scale
Revises: 0003_sign_in_throttle
Create Date: 2026-12-07
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_archive_scale"
down_revision = "0003_sign_in_throttle"
branch_labels = None
depends_on = None

RECORD_COLUMNS = (("source", sa.Text()), ("entry_date", sa.String(10)),
                  ("flag_tier", sa.Integer()), ("open_tier", sa.Integer()),
                  ("case_key", sa.String(100)), ("category", sa.String(40)))


def upgrade() -> None:
    op.create_table(
        "sightings",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("document_id", sa.Integer(),
                  sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("seen_by", sa.String(128), nullable=True),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("via", sa.String(16), nullable=False),
    )
    op.create_index("ix_sightings_document_id", "sightings", ["document_id"])
    for name, type_ in RECORD_COLUMNS:
        op.add_column("records", sa.Column(name, type_, nullable=True))
    op.create_index("ix_records_open_order", "records", ["open_tier", "source", "record_id"])
    op.create_index("ix_records_flag_order", "records", ["flag_tier", "source", "record_id"])
    # covering indexes: the queue's counts per tier, category and kind read the index only
    op.create_index("ix_records_open_facets", "records",
                    ["open_tier", "category", "kind", "entry_date"])
    op.create_index("ix_records_flag_facets", "records",
                    ["flag_tier", "category", "kind", "entry_date"])
    op.create_index("ix_records_entry_date", "records", ["entry_date"])
    op.create_index("ix_records_case_key", "records", ["case_key"])
    op.create_table(
        "open_checks",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("record_pk", sa.Integer(),
                  sa.ForeignKey("records.id", ondelete="CASCADE"), nullable=False),
        sa.Column("check_id", sa.String(32), nullable=False),
        sa.Column("tier", sa.Integer(), nullable=False),
    )
    op.create_index("ix_open_checks_record_pk", "open_checks", ["record_pk"])
    op.create_index("ix_open_checks_check_id", "open_checks", ["check_id", "record_pk"])
    op.create_index("ix_checks_check_status", "checks", ["check_id", "status"])
    op.add_column("cases", sa.Column("case_key", sa.String(100), nullable=True))
    op.add_column("cases", sa.Column("period", sa.String(24), nullable=True))
    op.create_index("ix_cases_case_key", "cases", ["case_key"], unique=True)
    op.create_index("ix_cases_category", "cases", ["category", "period"])
    op.create_index("ix_cases_earliest", "cases", ["earliest_decision_date", "category"])
    op.create_table(
        "store_meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("store_meta")
    for ix in ("ix_cases_earliest", "ix_cases_category", "ix_cases_case_key"):
        op.drop_index(ix, "cases")
    with op.batch_alter_table("cases") as b:
        b.drop_column("period")
        b.drop_column("case_key")
    op.drop_index("ix_checks_check_status", "checks")
    op.drop_table("open_checks")
    for ix in ("ix_records_case_key", "ix_records_entry_date",
               "ix_records_flag_facets", "ix_records_open_facets",
               "ix_records_flag_order", "ix_records_open_order"):
        op.drop_index(ix, "records")
    with op.batch_alter_table("records") as b:
        for name, _ in reversed(RECORD_COLUMNS):
            b.drop_column(name)
    op.drop_index("ix_sightings_document_id", "sightings")
    op.drop_table("sightings")
