"""A real `waiverscan scan` killed with SIGKILL (the run and its workers at once) at
seeded random points between its stages, and started again each time, ends with every
file stored exactly once, nothing partial visible after any kill, and the very store
an uninterrupted run gives.

Each kill is at a point (stage, file) not killed at before in this test: run started,
file hashed, result received, document written but not committed, committed, run
finishing, run finished. The points come from `waiverscan.store.faultpoints`; the
per-file work is a fake (tests/batch_faults.py), this is about the store, not OCR."""
from __future__ import annotations

import random
import signal

import pytest

from faults_common import (assert_whole, documents, expected_counts, row_counts, run_scan,
                           tiny_archive)
from waiverscan.store import open_store

MIN_KILLS = 20

pytestmark = [pytest.mark.slow]


def test_faults_sigkill_at_20_points_then_resume_stores_each_file_once(tmp_path):
    archive = tiny_archive(tmp_path / "archive")
    ref = run_scan(archive, f"sqlite:///{tmp_path / 'ref.db'}")
    assert ref.returncode == 0, ref.stderr
    store = open_store(f"sqlite:///{tmp_path / 'ref.db'}")
    reference = documents(store)
    store.close()
    assert len(reference) == 7  # 8 files, two with the same bytes

    rng = random.Random(20180712)
    log = tmp_path / "kills.log"
    kills, campaigns = 0, 0
    while kills < MIN_KILLS or campaigns < 2:
        assert campaigns < 6, f"only {kills} kill points in 6 campaigns"
        url = f"sqlite:///{tmp_path / f'c{campaigns}.db'}"
        workers = campaigns % 2  # in-process, then one worker process
        store = open_store(url)
        for _ in range(80):
            proc = run_scan(archive, url, "--kill-at", str(rng.randint(1, 3)),
                            "--kill-log", str(log), workers=workers)
            if proc.returncode == 0:
                break  # every point left was passed over: the run completed
            assert proc.returncode == -signal.SIGKILL, proc.stderr
            kills += 1
            assert_whole(store, reference)  # only whole documents, after every kill
        else:
            pytest.fail("the campaign never completed")
        assert documents(store) == reference
        assert row_counts(store) == expected_counts(reference)
        runs = store.runs()
        assert runs[-1]["finished"] is not None and runs[-1]["counts"]["files"] == 8
        # killed runs stay visibly unfinished (no counts), unless killed after finishing
        assert all(r["counts"] == {} for r in runs if r["finished"] is None)
        store.close()
        campaigns += 1
    points = log.read_text().splitlines()
    assert len(points) == len(set(points)) == kills >= MIN_KILLS
    print(f"\nkill points survived: {kills} distinct, in {campaigns} campaigns")
