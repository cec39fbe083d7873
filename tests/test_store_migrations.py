"""The Alembic migrations build exactly the schema the models describe, on both
databases, and opening a store twice (or an up-to-date one) changes nothing."""
from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.config import Config

from waiverscan.store import open_store
from waiverscan.store.models import Base


def test_migrations_match_the_models(store_url):
    store = open_store(store_url)
    open_store(store_url).close()  # a second upgrade is a no-op
    with store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn)
        diffs = compare_metadata(ctx, Base.metadata)
        current = ctx.get_current_revision()
    cfg = Config()
    cfg.set_main_option("script_location", "waiverscan/migrations")
    assert current == ScriptDirectory.from_config(cfg).get_current_head()
    assert diffs == [], f"models and migrations differ: {diffs}"
    store.close()
