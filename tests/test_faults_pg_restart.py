"""PostgreSQL stopped in the middle of a real `waiverscan scan` (pg_ctl stop -m fast:
every session is cut, as an admin's restart does):

* restarted within --db-wait: the run waits, retries with backoff and completes, with
  every file stored exactly once and the store an uninterrupted run gives;
* left down past --db-wait: the run stops with a clear message and exit code 11
  (store_unavailable); once the server is back, the same command finishes the job.

On a server of this test's own (stopping the shared one would break other tests)."""
from __future__ import annotations

import time

import pytest

from extractor.errors import EXIT_CODES
from faults_common import (documents, expected_counts, row_counts, run_scan, start_scan,
                           tiny_archive)
from pg_server import start_server
from waiverscan.store import open_store

pytestmark = [pytest.mark.slow, pytest.mark.integration]


@pytest.fixture(scope="module")
def own_server():
    servers = start_server()
    yield next(servers)
    servers.close()  # stops it and removes its files


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """(archive folder, the documents an uninterrupted run stores)"""
    tmp_path = tmp_path_factory.mktemp("pg_restart")
    root = tiny_archive(tmp_path / "archive")
    for i in range(16):  # enough work that the server can go away in the middle
        (root / f"g{i:02d}.txt").write_text(f"more comments {i}\n" * (i + 2))
    ref = run_scan(root, f"sqlite:///{tmp_path / 'ref.db'}")
    assert ref.returncode == 0, ref.stderr
    store = open_store(f"sqlite:///{tmp_path / 'ref.db'}")
    reference = documents(store)
    store.close()
    return root, reference


def _wait_stored(store, n: int, proc, within: float = 120) -> None:
    deadline = time.monotonic() + within
    while store.counts().get("scored", 0) < n:
        assert proc.poll() is None, f"the scan ended early: {proc.communicate()}"
        assert time.monotonic() < deadline, f"fewer than {n} documents in {within} s"
        time.sleep(0.05)


def test_faults_postgresql_restart_mid_scan(archive, own_server):
    archive, reference = archive
    url = own_server.new_database()
    store = open_store(url)
    proc = start_scan(archive, url, "--fake-delay", "0.25", workers=1,
                      extra=("--db-wait", "120"))
    _wait_stored(store, 3, proc)
    store.close()  # our own connections would be cut too
    own_server.stop("fast")
    time.sleep(3)  # the run hits the closed server and backs off
    assert proc.poll() is None, "the run did not wait for the server"
    own_server.start()
    out, err = proc.communicate(timeout=180)
    assert proc.returncode == 0, err
    assert "retrying" in err and "succeeded after" in err  # it did meet the outage
    store = open_store(url)
    assert documents(store) == reference
    assert row_counts(store) == expected_counts(reference)  # exactly once, to the row
    store.close()


def test_faults_postgresql_down_past_db_wait_stops_then_rerun_finishes(archive, own_server):
    archive, reference = archive
    url = own_server.new_database()
    store = open_store(url)
    proc = start_scan(archive, url, "--fake-delay", "0.25", workers=1,
                      extra=("--db-wait", "3"))
    _wait_stored(store, 3, proc)
    store.close()
    own_server.stop("fast")
    t0 = time.monotonic()
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == EXIT_CODES["store_unavailable"], err
    assert time.monotonic() - t0 < 60
    assert "store is unavailable" in err and "run the same command again" in err
    assert "Traceback" not in err

    own_server.start()
    proc = run_scan(archive, url, workers=1, extra=("--db-wait", "30"))
    assert proc.returncode == 0, proc.stderr
    assert "already scored" in proc.stdout
    store = open_store(url)
    assert documents(store) == reference
    assert row_counts(store) == expected_counts(reference)
    assert store.runs()[0]["finished"] is None and store.runs()[-1]["finished"] is not None
    store.close()
