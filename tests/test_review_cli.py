"""`waiverscan users` creates accounts without ever printing the password, assigns
counsel; `waiverscan review` serves the UI on 127.0.0.1."""
from __future__ import annotations

import io
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from waiverscan.cli import main
from waiverscan.store import open_store
from waiverscan.store.accounts import assigned_a_numbers, authenticate, get_user

PW = "a long demo password"


def _run(argv, stdin_text=""):
    out, err = io.StringIO(), io.StringIO()
    old = sys.stdin
    sys.stdin = io.StringIO(stdin_text)
    try:
        code = main(argv, stdout=out, stderr=err)
    finally:
        sys.stdin = old
    return code, out.getvalue(), err.getvalue()


def test_users_add_assign_list(tmp_path):
    db = f"sqlite:///{tmp_path / 'u.db'}"
    code, out, err = _run(["users", "add", "rita", "--role", "reviewer", "--password-stdin",
                           "--db", db], PW + "\n")
    assert code == 0 and PW not in out + err
    _run(["users", "add", "carla", "--role", "counsel", "--password-stdin", "--db", db], PW + "\n")
    code, out, _ = _run(["users", "assign", "carla", "A-208-123-456", "--db", db])
    assert code == 0 and "A208123456" in out
    code, _, err = _run(["users", "assign", "rita", "A208123456", "--db", db])
    assert code == 2 and "only counsel" in err
    for bad in ("A99", "A2081234567890", "lawyer"):  # refused, nothing assigned
        code, _, err = _run(["users", "assign", "carla", bad, "--db", db])
        assert code == 2 and "not an A-number" in err, bad
    code, _, err = _run(["users", "add", "x", "--role", "reviewer", "--password-stdin",
                         "--db", db], "short\n")
    assert code == 2 and "at least" in err and "short" not in err.replace("at least", "")
    code, out, _ = _run(["users", "list", "--db", db])
    assert out.splitlines() == ["carla\tcounsel", "rita\treviewer"]
    store = open_store(db)
    assert authenticate(store, "rita", PW).role == "reviewer"
    assert assigned_a_numbers(store, get_user(store, "carla")) == {"A208123456"}
    store.close()


from ui_server import free_port as _free_port, stop_group as _stop_group  # noqa: E402


def _start_review(tmp_path) -> tuple[subprocess.Popen, int]:
    """`waiverscan review` on a fresh SQLite store and a free port, in its own group."""
    db = f"sqlite:///{tmp_path / 'r.db'}"
    port = _free_port()
    exe = Path(sys.executable).with_name("waiverscan")
    proc = subprocess.Popen([str(exe), "review", "--db", db, "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            start_new_session=True)
    return proc, port


def _healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=5) as r:
            return r.read() == b"ok"
    except OSError:
        return False


def _wait_healthy(proc: subprocess.Popen, port: int) -> None:
    deadline = time.monotonic() + 90
    while not _healthy(port):
        assert proc.poll() is None, "the UI exited"
        assert time.monotonic() < deadline, "the UI did not answer in 90 s"
        time.sleep(0.3)


def test_review_serves_on_localhost(tmp_path):
    proc, port = _start_review(tmp_path)
    try:
        assert proc.stdout.readline().strip().startswith(f"review UI: http://127.0.0.1:{port}")
        _wait_healthy(proc, port)
    finally:
        _stop_group(proc)


def test_review_stopped_by_sigterm_takes_streamlit_along(tmp_path):
    import signal
    proc, port = _start_review(tmp_path)
    try:
        _wait_healthy(proc, port)
        proc.send_signal(signal.SIGTERM)  # the waiverscan process only, not its group
        assert proc.wait(timeout=30) == 0
        deadline = time.monotonic() + 30
        while _healthy(port):
            assert time.monotonic() < deadline, "Streamlit outlived waiverscan review"
            time.sleep(0.3)
    finally:
        _stop_group(proc)
