"""Starting and stopping a real `waiverscan review` server in tests."""
from __future__ import annotations

import os
import socket
import subprocess


def stop_group(proc: subprocess.Popen) -> None:
    """SIGTERM to the UI's process group, then SIGKILL to whatever is left of it (a
    Streamlit server with a session open can take long to stop)."""
    for sig in (15, 9):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
