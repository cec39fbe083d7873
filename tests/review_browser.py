"""What the headless-browser tests of the review UI share: a real `waiverscan review`
server on a free port, Debian's Chromium driven by Playwright (no browser download), and
the waits and store reads the tests need."""
from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Iterator, Optional

import pytest

from review_store import PASSWORD
from ui_server import free_port, stop_group

CHROMIUM = "/usr/bin/chromium"


def need(ok: bool, why: str) -> None:
    """Skip on a developer's machine, fail under CI: CI must run the browser tests."""
    if not ok:
        if os.environ.get("CI") == "true":
            pytest.fail(why + " (make test-deps installs it)")
        pytest.skip(why)


def need_browser() -> None:
    need(Path(CHROMIUM).exists(), "Debian's chromium is not installed")
    try:
        import playwright  # noqa: F401
    except ImportError:
        need(False, "the playwright Python package is not installed")


def poll(fn, timeout: float = 30.0, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        got = fn()
        if got:
            return got
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


@contextlib.contextmanager
def review_server(db: str, cwd: Optional[Path] = None, env: Optional[dict] = None,
                  timeout: float = 90) -> Iterator[str]:
    """`waiverscan review --db DB` until the block ends; yields its base URL (also
    used by tools/screenshots.py, started in the repository)."""
    port = free_port()
    exe = Path(sys.executable).with_name("waiverscan")
    proc = subprocess.Popen([str(exe), "review", "--db", db, "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True, cwd=cwd, env=env)

    def healthy():
        assert proc.poll() is None, "the UI exited"
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=5) as r:
                return r.read() == b"ok"
        except OSError:
            return False
    try:
        poll(healthy, timeout, "the UI to start")
        yield f"http://127.0.0.1:{port}"
    finally:
        stop_group(proc)


@contextlib.contextmanager
def chromium():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"])
        try:
            yield b
        finally:
            b.close()


def sign_in(page, user: str) -> None:
    page.get_by_role("textbox", name="User name").fill(user)
    page.get_by_role("textbox", name="Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_text(f"Signed in as {user}").wait_for(timeout=30000)


def idle(page) -> None:
    """Streamlit has finished running the script (its running indicator is gone)."""
    page.wait_for_function("() => !document.querySelector('[data-testid^=stStatusWidgetRunning]')",
                           timeout=30000)


def stored_record(db: str, rid: str) -> dict:
    from waiverscan.store import open_store
    store = open_store(db)
    try:
        return store.record(rid)
    finally:
        store.close()


def history(db: str, rid: str) -> list[dict]:
    from waiverscan.store import open_store
    store = open_store(db)
    try:
        return store.reviews.history(rid)
    finally:
        store.close()
