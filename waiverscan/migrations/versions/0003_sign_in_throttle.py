"""Sign-in throttle (issue 6): failed sign-ins per user name and per source address,
and until when each is locked out, so brute force is slowed across restarts and
processes.

Revision ID: 0003_sign_in_throttle
Revises: 0002
Create Date: 2026-11-27
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_sign_in_throttle"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sign_in_throttle",
        # sha256 of "user:<name>" or "source:<address>": fixed length, nothing as typed
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_failure", sa.DateTime(timezone=True), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
    )
    # stale rows are pruned by last_failure on every sign-in
    op.create_index("ix_sign_in_throttle_last_failure", "sign_in_throttle", ["last_failure"])


def downgrade() -> None:
    op.drop_index("ix_sign_in_throttle_last_failure", "sign_in_throttle")
    op.drop_table("sign_in_throttle")
