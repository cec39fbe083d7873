"""A file that runs past `scan --file-timeout` is stored as failed with code
file_timeout, its worker is killed (nothing of the run is left behind), the other files
are all scored, and the next run tries the late file again. A real scan process; the
slow file is the fake worker's (tests/batch_faults.py), sleeping 120 s."""
from __future__ import annotations

import os
import time

import pytest

from faults_common import documents, run_scan, start_scan, tiny_archive
from waiverscan.store import open_store

pytestmark = [pytest.mark.slow]


def _group_gone(pgid: int, within: float = 10.0) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


def test_batch_file_timeout_stores_late_file_and_goes_on(tmp_path, monkeypatch):
    archive = tiny_archive(tmp_path / "archive", n=6, slow=1)
    url = f"sqlite:///{tmp_path / 's.db'}"
    monkeypatch.setenv("WAIVERSCAN_FAKE_SLOW", "120")
    t0 = time.monotonic()
    proc = run_scan(archive, url, workers=2, extra=("--file-timeout", "4"))
    elapsed = time.monotonic() - t0
    assert proc.returncode == 0, proc.stderr
    assert elapsed < 60, f"the run waited for the slow file ({elapsed:.0f} s)"
    assert "1 failed" not in proc.stdout and "2 failed" in proc.stdout  # bad.pdf + the slow one
    store = open_store(url)
    failures = {os.path.basename(f["source"]): f for f in store.failures()}
    assert sorted(failures) == ["f50_slow.txt", "f91_bad.pdf"]
    assert failures["f50_slow.txt"]["failure_code"] == "file_timeout"
    assert "--file-timeout" in failures["f50_slow.txt"]["error_message"]
    scored = [d for d in documents(store) if not d["error"]]
    assert len(scored) == 4  # f00..f03 (f90_copy is f00's bytes)

    monkeypatch.setenv("WAIVERSCAN_FAKE_SLOW", "0")  # the next run: the file is quick now
    proc = run_scan(archive, url, workers=1, extra=("--file-timeout", "30"))
    assert proc.returncode == 0, proc.stderr
    assert "1 scored" in proc.stdout and "already scored" in proc.stdout
    assert [os.path.basename(f["source"]) for f in store.failures()] == ["f91_bad.pdf"]
    store.close()


def test_batch_file_timeout_kills_the_late_worker(tmp_path, monkeypatch):
    archive = tiny_archive(tmp_path / "archive", n=3, slow=1)
    monkeypatch.setenv("WAIVERSCAN_FAKE_SLOW", "120")
    proc = start_scan(archive, f"sqlite:///{tmp_path / 's.db'}", workers=1,
                      extra=("--file-timeout", "3"))
    out, err = proc.communicate(timeout=90)
    assert proc.returncode == 0, err
    # the run's process group (its workers, the forkserver) is empty soon after: the
    # worker asleep on the slow file did not outlive the run
    assert _group_gone(proc.pid), "a worker of the run is still alive"
