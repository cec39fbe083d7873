"""`scan --dask` on a real cluster whose scheduler and worker run as their own processes
in other directories: relative paths still reach the files (they are made absolute
before they are shipped), a worker that cannot see a file says so, and files that fail
unhashed are each stored as their own failure, never one under a shared placeholder."""
from __future__ import annotations

import io
import json
import subprocess
import sys
import time
from contextlib import redirect_stdout
from pathlib import Path

import pytest

import waiverscan.batch as batch
from waiverscan.batch import scan
from waiverscan.cli import main
from waiverscan.store import open_store

pytestmark = [pytest.mark.slow, pytest.mark.integration]
distributed = pytest.importorskip("distributed")
DASK = str(Path(sys.executable).with_name("dask"))


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """A `dask scheduler` and one `dask worker` (2 threads), each started in a folder of
    its own; yields the scheduler's address."""
    sched_dir, worker_dir = tmp_path_factory.mktemp("sched"), tmp_path_factory.mktemp("elsewhere")
    info = sched_dir / "scheduler.json"
    procs = [subprocess.Popen([DASK, "scheduler", "--host", "127.0.0.1", "--port", "0",
                               "--no-dashboard", "--scheduler-file", str(info)],
                              cwd=sched_dir, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        deadline = time.monotonic() + 60
        while not info.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        address = json.loads(info.read_text())["address"]
        procs.append(subprocess.Popen(
            [DASK, "worker", address, "--nworkers", "1", "--nthreads", "2", "--no-dashboard",
             "--local-directory", str(worker_dir)],
            cwd=worker_dir, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        with distributed.Client(address, timeout=60) as client:
            client.wait_for_workers(1, timeout=120)
        yield address
    finally:
        for proc in reversed(procs):
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _cli(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    with redirect_stdout(out):
        rc = main(list(args), stdout=out)
    return rc, out.getvalue()


def test_relative_paths_on_a_cluster_give_the_local_report(cluster, batch_archive, tmp_path,
                                                           monkeypatch):
    monkeypatch.chdir(batch_archive.parent)
    rel = batch_archive.name  # relative to this process's directory only
    reports = {}
    for name, how in (("dask", ["--dask", cluster]), ("local", ["--workers", "2"])):
        db = f"sqlite:///{tmp_path / name}.db"
        rc, text = _cli("scan", rel, "--db", db, "--no-progress", *how)
        assert rc == 0 and "8 files: 7 scored, 1 failed" in text, text
        rc, reports[name] = _cli("report", "--db", db, "--format", "json")
        assert rc == 0
    assert json.loads(reports["dask"]) == json.loads(reports["local"])
    assert json.loads(reports["dask"])  # a report with something in it


@pytest.fixture
def vanishing(tmp_path, monkeypatch) -> list[Path]:
    """8 distinct files deleted right after the parent hashed each one: the worker that
    then looks for it cannot see it (as a worker on another machine without the share)."""
    files = []
    for i in range(8):
        files.append(tmp_path / "gone" / f"file_{i}.csv")
        files[-1].parent.mkdir(exist_ok=True)
        files[-1].write_text(f"A-Number,Comment\nA{100200300 + i:09d},note {i}\n")
    real_point = batch.point

    def point(label, source=None):
        if label == "file:hashed":
            Path(source).unlink()
        real_point(label, source)

    monkeypatch.setattr(batch, "point", point)
    return files


@pytest.mark.parametrize("where", ["dask", "inline"])
def test_eight_unreadable_files_are_eight_failures(cluster, vanishing, tmp_path, where):
    store = open_store(f"sqlite:///{tmp_path / 'fail.db'}")
    try:
        s = scan([tmp_path / "gone"], store, progress=False,
                 **({"dask": cluster} if where == "dask" else {"workers": 0}))
        assert (s.files, s.failed) == (8, 8)
        failures = store.failures()
        assert sorted(f["source"] for f in failures) == sorted(str(p) for p in vanishing)
        if where == "dask":
            assert all("cannot see this file" in f["error_message"] for f in failures)
    finally:
        store.close()


def test_eight_unopenable_paths_are_eight_failures(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'fail.db'}")
    try:
        named = [tmp_path / f"missing_{i}.pdf" for i in range(8)]
        s = scan(named, store, workers=0, progress=False)
        assert (s.files, s.failed) == (8, 8)
        assert len(store.failures()) == 8
    finally:
        store.close()
