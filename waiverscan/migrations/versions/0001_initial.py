"""Initial schema: documents, pages, records, fields, checks, cases, review decisions, runs;
triggers that make review decisions append-only.

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _json() -> sa.types.TypeEngine:
    return sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("started", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished", sa.DateTime(timezone=True), nullable=True),
        sa.Column("pipeline_version", sa.String(64), nullable=False),
        sa.Column("counts", _json(), nullable=False),
        sa.Column("args", _json(), nullable=False),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("doc_type", sa.String(32), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("error_code", sa.String(32), nullable=True),
        sa.Column("failure_code", sa.String(32), nullable=True),
        sa.Column("error_message", sa.Text(), nullable=True),
        sa.Column("pipeline_version", sa.String(64), nullable=False),
        sa.Column("run_id", sa.Integer(), sa.ForeignKey("runs.id"), nullable=True),
        sa.Column("scored_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("seconds", sa.Float(), nullable=True),
    )
    op.create_index("ix_documents_pipeline_version", "documents", ["pipeline_version"])
    op.create_table(
        "pages",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("document_id", sa.Integer(),
                  sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("dpi", sa.Float(), nullable=False),
        sa.Column("text_source", sa.String(16), nullable=False),
        sa.Column("words", sa.Integer(), nullable=False),
        sa.Column("mean_conf", sa.Float(), nullable=True),
    )
    op.create_index("ix_pages_document_id", "pages", ["document_id"])
    op.create_table(
        "records",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("document_id", sa.Integer(),
                  sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("record_id", sa.String(80), nullable=False, unique=True),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("a_number", sa.String(16), nullable=True),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("data", _json(), nullable=False),
    )
    op.create_index("ix_records_document_id", "records", ["document_id"])
    op.create_index("ix_records_a_number", "records", ["a_number"])
    op.create_table(
        "fields",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("record_pk", sa.Integer(),
                  sa.ForeignKey("records.id", ondelete="CASCADE"), nullable=False),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("present", sa.Boolean(), nullable=False),
        sa.Column("value", _json(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.Column("page", sa.Integer(), nullable=True),
        sa.Column("bbox", _json(), nullable=True),
        sa.Column("evidence", sa.Text(), nullable=True),
    )
    op.create_index("ix_fields_record_pk", "fields", ["record_pk"])
    op.create_table(
        "checks",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("record_pk", sa.Integer(),
                  sa.ForeignKey("records.id", ondelete="CASCADE"), nullable=False),
        sa.Column("check_id", sa.String(32), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("severity", sa.String(16), nullable=False),
        sa.Column("why", sa.Text(), nullable=True),
    )
    op.create_index("ix_checks_record_pk", "checks", ["record_pk"])
    op.create_index("ix_checks_check_id", "checks", ["check_id"])
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("a_number", sa.String(16), nullable=True),
        sa.Column("category", sa.String(40), nullable=False),
        sa.Column("flags", _json(), nullable=False),
        sa.Column("earliest_decision_date", sa.String(10), nullable=True),
        sa.Column("record_ids", _json(), nullable=False),
        sa.Column("data", _json(), nullable=False),
    )
    op.create_index("ix_cases_a_number", "cases", ["a_number"])
    op.create_table(
        "review_decisions",
        sa.Column("id", sa.Integer(), primary_key=True),
        # a string, not a foreign key: re-scoring replaces records, never their reviews
        sa.Column("record_id", sa.String(80), nullable=False),
        sa.Column("check_id", sa.String(32), nullable=True),
        sa.Column("field", sa.String(64), nullable=True),
        sa.Column("reviewer", sa.String(128), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("value_before", _json(), nullable=True),
        sa.Column("value_after", _json(), nullable=True),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("prev_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("hash", sa.String(64), nullable=False, unique=True),
    )
    op.create_index("ix_review_decisions_record_id", "review_decisions", ["record_id"])
    _append_only_triggers()


def _append_only_triggers() -> None:
    """The database itself refuses to change or remove a review decision."""
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for what in ("UPDATE", "DELETE"):
            op.execute(f"""
                CREATE TRIGGER review_decisions_no_{what.lower()}
                BEFORE {what} ON review_decisions
                BEGIN SELECT RAISE(ABORT, 'review_decisions is append-only'); END""")
    elif dialect == "postgresql":
        op.execute("""
            CREATE FUNCTION review_decisions_append_only() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'review_decisions is append-only'; END $$""")
        op.execute("""
            CREATE TRIGGER review_decisions_no_change
            BEFORE UPDATE OR DELETE ON review_decisions
            FOR EACH ROW EXECUTE FUNCTION review_decisions_append_only()""")
        op.execute("""
            CREATE TRIGGER review_decisions_no_truncate
            BEFORE TRUNCATE ON review_decisions
            FOR EACH STATEMENT EXECUTE FUNCTION review_decisions_append_only()""")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS review_decisions_no_update")
        op.execute("DROP TRIGGER IF EXISTS review_decisions_no_delete")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS review_decisions_no_change ON review_decisions")
        op.execute("DROP TRIGGER IF EXISTS review_decisions_no_truncate ON review_decisions")
        op.execute("DROP FUNCTION IF EXISTS review_decisions_append_only()")
    for table in ("review_decisions", "cases", "checks", "fields", "records", "pages",
                  "documents", "runs"):
        op.drop_table(table)
