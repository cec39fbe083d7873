"""A throwaway PostgreSQL server for the store tests (fixtures imported by conftest).

``postgres_server`` (session scope) runs Debian's own binaries: ``initdb`` in a fresh
temporary directory, then ``postgres`` on a free loopback port with its Unix socket in
that directory, and stops it at the end. ``initdb`` refuses to run as root (as CI does),
so as root everything runs as the ``postgres`` system user (the postgresql package
creates it), through ``runuser``. ``make test`` installs the package when missing.

No binaries: the PostgreSQL tests FAIL under CI (CI=true), so a broken CI image cannot
silently stop testing PostgreSQL; on a developer's machine they skip with the reason.

``store_url`` is parametrised over both databases: each test gets an empty SQLite file
or a new PostgreSQL database.

A test that stops the server (the fault tests) starts its own with ``start_server()``
and uses ``PgServer.stop()`` / ``PgServer.start()``, never the shared one.
"""
from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional, Sequence

import pytest


def _bin_dir() -> Optional[Path]:
    """Debian keeps the server binaries out of PATH, under /usr/lib/postgresql/<ver>/bin."""
    found = shutil.which("initdb")
    if found:
        return Path(os.path.realpath(found)).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    return Path(candidates[-1]).parent if candidates else None


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"PostgreSQL tests cannot run in CI: {reason} (`make test` installs "
                    f"Debian's postgresql package)")
    pytest.skip(f"PostgreSQL not available: {reason} (run `make test`, which installs it)")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class PgServer:
    host: str
    port: int
    user: str
    datadir: Path
    ctl: Sequence[str] = ()  # the pg_ctl command line, as the right user
    opts: str = ""  # the server's options (its port, socket directory...)
    log: Optional[Path] = None
    _names = itertools.count(1)

    def stop(self, mode: str = "fast") -> None:
        """``pg_ctl stop -m mode``: "fast" ends every session (as an admin's restart
        does), "immediate" is a crash."""
        subprocess.run([*self.ctl, "-D", str(self.datadir), "-m", mode, "-w", "stop"],
                       check=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)

    def start(self) -> None:
        """Start it again, on the same port and data."""
        subprocess.run([*self.ctl, "-D", str(self.datadir), "-l", str(self.log), "-o",
                        self.opts, "-w", "-t", "60", "start"],
                       check=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)

    def url(self, database: str) -> str:
        return f"postgresql://{self.user}@{self.host}:{self.port}/{database}"

    def new_database(self) -> str:
        """A fresh empty database; returns its URL."""
        import psycopg
        name = f"t{os.getpid()}_{next(self._names)}"
        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


def start_server() -> Iterator[PgServer]:
    bindir = _bin_dir()
    if bindir is None:
        _unavailable("no initdb on PATH or under /usr/lib/postgresql")
    as_root = os.geteuid() == 0
    prefix: list[str] = []
    if as_root:
        import pwd
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            _unavailable("running as root and there is no `postgres` system user to run the server as")
        prefix = ["runuser", "-u", "postgres", "--"]
    # not pytest's tmp_path: its parents are 0700 root, closed to the postgres user
    tmp = Path(tempfile.mkdtemp(prefix="waiverscan-pg-"))
    if as_root:
        shutil.chown(tmp, "postgres", "postgres")
    datadir, log = tmp / "data", tmp / "server.log"
    user = "postgres" if as_root else (os.environ.get("USER") or "postgres")
    run = lambda *cmd: subprocess.run(prefix + [str(c) for c in cmd], check=True,
                                      stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        run(bindir / "initdb", "-D", datadir, "-U", user, "-A", "trust", "-E", "UTF8",
            "--no-sync", "--no-instructions")
    except subprocess.CalledProcessError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        pytest.fail(f"initdb failed:\n{exc.stdout}")
    port = _free_port()
    opts = (f"-h 127.0.0.1 -p {port} -k {tmp} -c fsync=off -c synchronous_commit=off "
            f"-c full_page_writes=off -c max_connections=50")
    try:
        run(bindir / "pg_ctl", "-D", datadir, "-l", log, "-o", opts, "-w", "-t", "60", "start")
    except subprocess.CalledProcessError as exc:
        text = log.read_text() if log.exists() else ""
        shutil.rmtree(tmp, ignore_errors=True)
        pytest.fail(f"postgres did not start:\n{exc.stdout}\n{text}")
    try:
        yield PgServer("127.0.0.1", port, user, datadir,
                       ctl=prefix + [str(bindir / "pg_ctl")], opts=opts, log=log)
    finally:
        subprocess.run(prefix + [str(bindir / "pg_ctl"), "-D", str(datadir), "-m", "immediate",
                                 "-w", "stop"], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PgServer]:
    yield from start_server()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path) -> str:
    """An empty store's URL, once per database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'waiverscan.db'}"
    return request.getfixturevalue("postgres_server").new_database()
