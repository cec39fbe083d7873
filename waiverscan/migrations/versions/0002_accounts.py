"""Accounts for the review UI (issue 5): users with salted slow password hashes,
sign-in sessions that expire, and the A-numbers assigned to each counsel.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(128), nullable=False, unique=True),
        sa.Column("role", sa.String(16), nullable=False),
        # argon2id in PHC form: the salt and cost parameters travel with the hash
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "user_sessions",
        # sha256 of the token: a stolen database copy holds no usable session
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_user_sessions_user_id", "user_sessions", ["user_id"])
    op.create_table(
        "assignments",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("a_number", sa.String(16), nullable=False),
        sa.UniqueConstraint("user_id", "a_number", name="uq_assignments_user_a_number"),
    )
    op.create_index("ix_assignments_user_id", "assignments", ["user_id"])


def downgrade() -> None:
    for table in ("assignments", "user_sessions", "users"):
        op.drop_table(table)
