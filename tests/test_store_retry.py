"""The store's writes wait out a locked SQLite file (a real second connection holding
the write lock) and give up after their bound with StoreUnavailableError; other
database errors are not retried; the retry messages carry no file name or A-number."""
from __future__ import annotations

import logging
import sqlite3
import threading
import time

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from store_docs import form_document
from waiverscan.store import StoreUnavailableError, open_store, retry


@pytest.fixture
def locked(tmp_path, monkeypatch):
    """A store whose statements wait 0.1 s on a lock, and a connection holding its
    write lock until ``release()``."""
    monkeypatch.setattr(retry, "SQLITE_BUSY_TIMEOUT", 0.1)
    # a handler an earlier cli.main() left on the root logger writes to a closed capture
    root = logging.getLogger()
    monkeypatch.setattr(root, "handlers", [h for h in root.handlers
                                           if not getattr(h, "_waiverscan", False)])
    path = tmp_path / "w.db"
    store = open_store(f"sqlite:///{path}", wait=1.0)
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    yield store, holder
    holder.close()
    store.close()


def test_store_retry_gives_up_after_its_bound(locked, caplog):
    store, _holder = locked
    doc = form_document("Maria_Lopez_A208123456")
    t0 = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="waiverscan.store"):
        with pytest.raises(StoreUnavailableError, match="database is locked"):
            store.save_document(doc, pipeline_version="1")
    # it gives up before a pause would overrun its 1 s bound, and the pauses have
    # +-20% jitter: well past one 0.1 s lock wait, not past the bound by much
    assert 0.4 < time.monotonic() - t0 < 5
    assert len(caplog.records) >= 2  # it did retry, with backoff, before giving up
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert "database is locked" in logged
    assert "Maria" not in logged and "A208123456" not in logged and "INSERT" not in logged


def test_store_retry_waits_for_the_lock_to_go(locked):
    store, holder = locked
    store.retry.wait = 30
    threading.Timer(1.0, lambda: holder.execute("COMMIT")).start()
    doc = form_document("f1")
    store.save_document(doc, pipeline_version="1")  # blocked ~1 s, then through
    assert store.document(doc["sha256"]) is not None


def test_store_retry_other_errors_raise_at_once(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'x.db'}", wait=30)
    calls = []

    def broken() -> None:
        calls.append(1)
        with store.engine.begin() as conn:
            conn.execute(text("SELECT * FROM no_such_table"))
    t0 = time.monotonic()
    with pytest.raises(OperationalError):
        store.retry.call(broken)
    assert calls == [1] and time.monotonic() - t0 < 1
    store.close()
