"""SQLite "database is locked": two real `waiverscan scan` processes on the same
database file, a third process appending review decisions (as the UI does), and a
fourth holding the write lock for 3 s (longer than their busy timeout, here 0.3 s).
Every writer meets the lock, backs off and retries, and all finish: each file is
stored exactly once, every decision is kept, the review chain is intact."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
import time

import pytest

from faults_common import (DRIVER, documents, expected_counts, row_counts, run_scan,
                           start_scan, tiny_archive)
from waiverscan.store import open_store

pytestmark = [pytest.mark.slow]

LOCKER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], timeout=30, isolation_level=None)
conn.execute("BEGIN IMMEDIATE")  # the write lock: every other writer waits or fails
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
"""


def test_faults_sqlite_locked_two_scans_and_a_reviewer(tmp_path):
    archive = tiny_archive(tmp_path / "archive")
    for i in range(16):
        (archive / f"g{i:02d}.txt").write_text(f"more comments {i}\n" * (i + 2))
    assert run_scan(archive, f"sqlite:///{tmp_path / 'ref.db'}").returncode == 0
    ref_store = open_store(f"sqlite:///{tmp_path / 'ref.db'}")
    reference = documents(ref_store)
    ref_store.close()

    path = tmp_path / "shared.db"
    url = f"sqlite:///{path}"
    store = open_store(url)  # created (and migrated) before the writers start
    # each writer has ~6 s of work: the lock comes in the middle of it
    short = ("--busy-timeout", "0.3", "--fake-delay", "0.25")
    scans = [start_scan(archive, url, *short, workers=0) for _ in range(2)]
    reviewer = subprocess.Popen([sys.executable, str(DRIVER), *short[:2], "--reviews", "40",
                                 "--db", url], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)
    deadline = time.monotonic() + 120
    while store.counts().get("scored", 0) < 2 or not store.reviews.history():  # under way
        assert time.monotonic() < deadline
        time.sleep(0.05)
    locker = subprocess.Popen([sys.executable, "-c", LOCKER, str(path), "3"],
                              stdout=subprocess.PIPE, text=True)
    assert locker.stdout.readline().strip() == "locked"
    assert locker.wait(timeout=60) == 0

    errs = []
    for proc in [*scans, reviewer]:
        out, err = proc.communicate(timeout=180)
        assert proc.returncode == 0, err
        errs.append(err)
    # each writer met the lock and waited it out (the lock outlived its busy timeout)
    assert all("database is locked" in e and "succeeded after" in e for e in errs), errs
    assert documents(store) == reference
    assert row_counts(store) == expected_counts(reference)  # exactly once
    assert len(store.reviews.history()) == 40 and store.reviews.verify() is None
    assert [r["finished"] is not None for r in store.runs()] == [True, True]
    store.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
