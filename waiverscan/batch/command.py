"""The `waiverscan scan` subcommand: argument parsing and the run summary.

Kept out of ``waiverscan/cli.py`` (which only registers it) so the batch machinery and
its command line live together.
"""
from __future__ import annotations

import argparse
import os
import shlex
from pathlib import Path
from typing import TextIO

SCAN_HELP = ("score every file under the given files and folders into the store, "
             "skipping files already scored with this pipeline version")


def add_scan_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser(
        "scan", help=SCAN_HELP, description=SCAN_HELP + ". A run killed at any point "
        "and started again finishes with every file stored exactly once.",
        epilog="The store is SQLite ./waiverscan.db unless --db or WAIVERSCAN_DB names "
               "another (sqlite:///path.db or postgresql://user@host/db).\n"
               "Exit code 0 when the run completed, even if some files failed: their "
               "errors are stored; list them with --failures. Exit code 11 "
               "(store_unavailable) when the database stayed away longer than --db-wait: "
               "every file stored so far is complete; run the same command again.",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="*", metavar="PATH", type=Path,
                   help="files and folders (folders are walked recursively, in name order)")
    p.add_argument("--db", metavar="URL", default=None,
                   help="store URL (default: $WAIVERSCAN_DB, else sqlite:///waiverscan.db)")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="local worker processes (default: the number of CPUs; 0 = no "
                        "worker processes, everything in this one)")
    p.add_argument("--dask", metavar="tcp://HOST:PORT", default=None,
                   help="run on a Dask distributed cluster (started with `dask scheduler` "
                        "and `dask worker`) instead of local processes")
    p.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                   help="leave out file names matching GLOB (repeatable), e.g. '*.jsonl'")
    # defaults None: the real ones live beside the code that uses them (store.retry,
    # batch), which `waiverscan ocr` should not have to import
    p.add_argument("--db-wait", type=float, default=None, metavar="SECONDS",
                   help="while the database is unreachable or locked (PostgreSQL "
                        "restarting, another SQLite writer), wait and retry with backoff "
                        "for up to SECONDS in all, then stop (default: 300)")
    p.add_argument("--file-timeout", type=float, default=None, metavar="SECONDS",
                   help="a file still being read after SECONDS is stored as failed "
                        "(file_timeout; retried by the next run) and its worker replaced; "
                        "0: no limit (default: 3600; needs --workers 1 or more)")
    p.add_argument("--no-progress", dest="progress", action="store_false",
                   help="no progress bar on stderr")
    p.add_argument("--failures", action="store_true",
                   help="list the files whose scoring failed (with their error) and exit")
    p.add_argument("-v", "--verbose", action="count", default=argparse.SUPPRESS,
                   help="-v: progress (INFO); -vv: debug")
    return p


def run_scan(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from extractor.errors import EXIT_CODES
    from waiverscan.store import open_store

    if not args.failures and not args.paths:
        stderr.write("waiverscan scan: error: give files or folders to scan (or --failures)\n")
        return EXIT_CODES["usage"]
    if args.workers is not None and args.workers < 0:
        stderr.write("waiverscan scan: error: --workers must be 0 or more\n")
        return EXIT_CODES["usage"]
    if (args.db_wait or 0) < 0 or (args.file_timeout or 0) < 0:
        stderr.write("waiverscan scan: error: --db-wait and --file-timeout must be 0 or more\n")
        return EXIT_CODES["usage"]
    from waiverscan.store import StoreUnavailableError
    from waiverscan.store.retry import RUN_WAIT
    try:
        store = open_store(args.db, wait=RUN_WAIT if args.db_wait is None else args.db_wait)
    except StoreUnavailableError as exc:
        stderr.write(f"waiverscan scan: {exc.message}; nothing was done\n")
        return EXIT_CODES[exc.code]
    try:
        if args.failures:
            return _list_failures(store, stdout)
        from waiverscan.batch import DEFAULT_FILE_TIMEOUT, scan
        if args.file_timeout is None:
            args.file_timeout = DEFAULT_FILE_TIMEOUT
        try:
            summary = scan(args.paths, store, workers=args.workers, dask=args.dask,
                           exclude=args.exclude, progress=args.progress,
                           args={"exclude": args.exclude}, file_timeout=args.file_timeout)
        except KeyboardInterrupt:
            stderr.write("waiverscan: interrupted: every file stored so far is complete; "
                         "run the same command again to finish\n")
            return 130
        except StoreUnavailableError as exc:
            stderr.write(f"waiverscan scan: stopped: {exc.message}. Every file stored so "
                         "far is complete: run the same command again to finish\n")
            return EXIT_CODES[exc.code]
        stdout.write(_summary_text(summary, args.db) + "\n")
        return 0
    finally:
        store.close()


def _summary_text(s, db: str | None) -> str:
    rate = s.pages / s.seconds if s.seconds > 0 else 0.0
    lines = [f"scan: {s.files} files: {s.scored} scored, {s.failed} failed, {s.skipped} "
             f"already scored (skipped); {s.pages} pages in {s.seconds:.1f} s "
             f"({rate:.2f} pages/s)"]
    if s.failed:
        codes = ", ".join(f"{k} {v}" for k, v in sorted(s.failure_codes.items()))
        db_arg = f" --db {shlex.quote(db)}" if db else ""
        if not db and os.environ.get("WAIVERSCAN_DB"):
            db_arg = ' --db "$WAIVERSCAN_DB"'
        lines.append(f"{s.failed} file(s) failed ({codes}); list them with: "
                     f"waiverscan scan --failures{db_arg}")
    return "\n".join(lines)


def _list_failures(store, stdout: TextIO) -> int:
    rows = store.failures()
    for r in rows:
        stdout.write(f"{r['source']}\t{r['failure_code'] or r['error_code']}\t"
                     f"{r['error_message']}\n")
    stdout.write(f"{len(rows)} failed file(s)\n")
    return 0
