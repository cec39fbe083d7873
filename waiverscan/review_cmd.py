"""`waiverscan users ...` (accounts of the review UI) and `waiverscan review` (start it).

Passwords come from a prompt (typed twice, not echoed) or, for scripts, the first line
of stdin with ``--password-stdin``; they are never printed or logged.
"""
from __future__ import annotations

import argparse
import getpass
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any, TextIO

APP = Path(__file__).resolve().parent.parent / "review_ui" / "app.py"


def add_parsers(sub: Any) -> None:
    users = sub.add_parser("users", help="accounts of the review UI",
                           description="Create review UI accounts and assign counsel their cases.")
    users.add_argument("--db", default=None, help="the store (default: WAIVERSCAN_DB or ./waiverscan.db)")
    usub = users.add_subparsers(dest="users_command", metavar="ACTION")
    add = usub.add_parser("add", help="create an account")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=("reviewer", "investigator", "counsel", "admin"))
    add.add_argument("--password-stdin", action="store_true",
                     help="read the password from the first line of stdin (no prompt)")
    add.add_argument("--db", default=argparse.SUPPRESS)
    assign = usub.add_parser("assign", help="let a counsel account see one A-number")
    assign.add_argument("name")
    assign.add_argument("a_number")
    assign.add_argument("--db", default=argparse.SUPPRESS)
    unlock = usub.add_parser("unlock", help="lift a user name's sign-in lockout (after failed sign-ins)")
    unlock.add_argument("name")
    unlock.add_argument("--db", default=argparse.SUPPRESS)
    lst = usub.add_parser("list", help="accounts and roles")
    lst.add_argument("--db", default=argparse.SUPPRESS)

    review = sub.add_parser("review", help="start the review UI on localhost",
                            description="Start the Streamlit review UI (headless, 127.0.0.1).")
    review.add_argument("--db", default=None, help="the store (default: WAIVERSCAN_DB or ./waiverscan.db)")
    review.add_argument("--port", type=int, default=8501)


def run_users(args: Any, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    from waiverscan.store import open_store, normalise_url
    from waiverscan.store.accounts import AccountError, add_user, assign, list_users
    if not args.users_command:
        stderr.write("waiverscan users: an action is required (add, assign, unlock, list)\n")
        return 2
    store = open_store(normalise_url(args.db))
    try:
        if args.users_command == "add":
            if args.password_stdin:
                password = stdin.readline().rstrip("\r\n")
            else:
                password = getpass.getpass("Password: ")
                if getpass.getpass("Again: ") != password:
                    stderr.write("waiverscan users: the passwords differ\n")
                    return 2
            acct = add_user(store, args.name, args.role, password)
            stdout.write(f"user {acct.name} ({acct.role}) created\n")
        elif args.users_command == "unlock":
            from waiverscan.store.accounts import clear_sign_in_failures
            clear_sign_in_failures(store, args.name)
            stdout.write(f"sign-in failures of {args.name} cleared\n")
        elif args.users_command == "assign":
            a = assign(store, args.name, args.a_number)
            stdout.write(f"{args.name} may now see {a}\n")
        else:
            for acct in list_users(store):
                stdout.write(f"{acct.name}\t{acct.role}\n")
    except AccountError as exc:
        stderr.write(f"waiverscan users: {exc}\n")
        return 2
    finally:
        store.close()
    return 0


def review_command(db: str, port: int) -> list[str]:
    return [sys.executable, "-m", "streamlit", "run", str(APP),
            "--server.headless", "true", "--server.address", "127.0.0.1",
            "--server.port", str(port), "--browser.gatherUsageStats", "false",
            "--server.fileWatcherType", "none", "--global.developmentMode", "false",
            "--client.toolbarMode", "viewer",
            # the server refuses a bigger upload before it is held in memory (MB)
            "--server.maxUploadSize", str(_upload_limit_mb())]


def _upload_limit_mb() -> int:
    from waiverscan.config import UPLOAD_MAX_BYTES  # the UI refuses the same size
    return UPLOAD_MAX_BYTES // (1024 * 1024)


def run_review(args: Any, stdout: TextIO, stderr: TextIO) -> int:
    """Bring the store up to date, then run Streamlit in the foreground until Ctrl-C."""
    from waiverscan.store import normalise_url, open_store
    from waiverscan.extras import require
    require("streamlit")  # run in a child process: its absence is told here, plainly
    url = normalise_url(args.db)
    if url.startswith("sqlite:///") and not url.startswith("sqlite:////"):
        # relative SQLite path: absolute, so the UI finds it whatever its directory
        url = "sqlite:///" + str(Path(url[len("sqlite:///"):]).resolve())
    open_store(url).close()
    env = dict(os.environ, WAIVERSCAN_DB=url)
    if not env.get("WAIVERSCAN_UPLOADS"):
        # files scanned from the UI: beside a SQLite store, else where the UI starts
        base = (Path(url[len("sqlite:///"):]).parent if url.startswith("sqlite:///")
                else Path.cwd())
        env["WAIVERSCAN_UPLOADS"] = str(base / "waiverscan-uploads")
    stdout.write(f"review UI: http://127.0.0.1:{args.port}  (Ctrl-C stops it)\n")
    stdout.flush()
    proc = subprocess.Popen(review_command(url, args.port), env=env)

    def _stop(signum: int, _frame: Any) -> None:  # SIGTERM/SIGHUP: take Streamlit along
        raise KeyboardInterrupt

    old = {sig: signal.signal(sig, _stop) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        return proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        return 0
    finally:
        for sig, handler in old.items():
            signal.signal(sig, handler)
