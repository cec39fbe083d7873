"""A worker process that dies on a file breaks the local pool: the pool is rebuilt, the
other files in flight are read again, and only the file that killed its worker twice
is recorded as failed. Each file is answered exactly once."""
from __future__ import annotations

from pathlib import Path

from batch_crashy import crashy
from waiverscan.batch import _run_processes


def test_a_file_that_kills_its_worker_fails_alone():
    names = ["a.pdf", "b.pdf", "kill.pdf", "c.pdf", "d.pdf", "e.pdf"]
    tasks = [(Path(n), f"{i:064x}") for i, n in enumerate(names)]
    got = {task[0].name: payload for task, payload in _run_processes(iter(tasks), 2, fn=crashy)}
    assert sorted(got) == sorted(names)
    assert got["kill.pdf"]["failure_code"] == "internal"
    assert "worker process died" in got["kill.pdf"]["contract"]["error"]["message"]
    assert all(got[n]["contract"]["error"] is None for n in names if n != "kill.pdf")
