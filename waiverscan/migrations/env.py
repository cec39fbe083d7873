"""Alembic environment: migrate the database ``open_store`` hands over (as
``config.attributes["connection"]``), or the one named by WAIVERSCAN_DB / alembic.ini
when run from the `alembic` command line."""
from __future__ import annotations

import os

from alembic import context
from sqlalchemy import create_engine, text

from waiverscan.store.models import Base

config = context.config
target_metadata = Base.metadata

#: any constant: serialises concurrent `upgrade head` runs on one PostgreSQL database
_PG_LOCK = 20180712


def _migrate(connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata,
                      render_as_batch=connection.dialect.name == "sqlite")
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK})
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _migrate(connection)
        return
    from waiverscan.store import normalise_url
    url = normalise_url(os.environ.get("WAIVERSCAN_DB") or config.get_main_option("sqlalchemy.url"))
    engine = create_engine(url)
    with engine.begin() as conn:
        _migrate(conn)
    engine.dispose()


if context.is_offline_mode():
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata,
                      literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    run_migrations_online()
