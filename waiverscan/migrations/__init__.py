"""Alembic migrations of the waiverscan store (run by ``store.open_store``)."""
