"""A real `waiverscan scan` process killed with SIGKILL after its first document is
committed, then run again, leaves every file of the archive stored exactly once and
nothing partial: the store equals that of an uninterrupted run. On SQLite and
PostgreSQL."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import func, select

from batch_archive import normalised
from waiverscan.store import open_store
from waiverscan.store.models import DocumentRow, FieldRow, RecordRow

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

pytestmark = [pytest.mark.slow, pytest.mark.integration]


def _scan(archive, url) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "waiverscan", "scan", str(archive), "--db", url,
                             "--workers", "1", "--no-progress"],
                            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)  # its own process group: kill the workers too


def _stored(store) -> int:
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(DocumentRow))


def test_killed_run_then_rerun_stores_each_file_once(batch_archive, batch_reference, store_url):
    store = open_store(store_url)
    proc = _scan(batch_archive, store_url)
    deadline = time.monotonic() + 120
    while _stored(store) == 0:
        assert proc.poll() is None, f"scan ended before any commit: {proc.communicate()}"
        assert time.monotonic() < deadline, "no document committed in 120 s"
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    partial = normalised(store.iter_documents())
    assert 1 <= len(partial) < len(batch_reference), "the kill came too late to test a resume"
    by_source = {d["source"]: d for d in batch_reference}
    assert all(d == by_source[d["source"]] for d in partial)  # whole documents only
    assert store.runs()[-1]["finished"] is None  # the killed run is visibly unfinished

    proc = _scan(batch_archive, store_url)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert f"{len(partial)} already scored" in out
    assert normalised(store.iter_documents()) == batch_reference
    with store.session() as s:  # exactly once, down to the rows
        assert s.scalar(select(func.count()).select_from(DocumentRow)) == len(batch_reference)
        n_records = sum(len(d["records"]) for d in batch_reference)
        assert s.scalar(select(func.count()).select_from(RecordRow)) == n_records
        n_fields = sum(len(r["fields"]) for d in batch_reference for r in d["records"])
        assert s.scalar(select(func.count()).select_from(FieldRow)) == n_fields
    assert len(store.failures()) == 1  # the corrupt file, with its error
    store.close()
