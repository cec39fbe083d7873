"""`waiverscan audit verify`: is the review log as the reviewers left it?

Walks the review decisions in order, recomputes each one's hash from its content and
its predecessor's hash, and prints OK with the number of decisions and the head hash
(exit 0), or the first decision that breaks the chain and how: edited, deleted,
reordered or inserted (exit code ``chain_broken``). Removing the newest decisions
leaves a shorter chain that is still valid: ``--head`` takes a head hash printed by an
earlier verify and checks that it is still in the log. Reads only: the database is not
upgraded or written. The output names decisions by id and hash, never their content.
"""
from __future__ import annotations

import argparse
from typing import TextIO

HELP = "verify the review log's hash chain (tamper evidence)"


def add_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("audit", help="checks on the store's audit trail",
                       description="Checks on the store's audit trail.")
    audit = p.add_subparsers(dest="audit_command", metavar="COMMAND", required=True)
    v = audit.add_parser("verify", help=HELP, description=HELP + ": exit 0 when intact, "
                         "13 (chain_broken) at the first decision edited, deleted, reordered "
                         "or inserted behind the program's back.")
    v.add_argument("--db", metavar="URL", default=None,
                   help="store URL (default: $WAIVERSCAN_DB, else sqlite:///waiverscan.db)")
    v.add_argument("--head", metavar="HASH", default=None,
                   help="a head hash printed by an earlier verify (or its first 12+ "
                        "characters): it must still be in the log")
    v.add_argument("--db-wait", type=float, default=30.0, metavar="SECONDS",
                   help="wait this long for an unreachable database (default: 30)")
    return p


def run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from pathlib import Path

    from extractor.errors import EXIT_CODES
    from waiverscan.store import StoreUnavailableError, normalise_url, open_store

    url = normalise_url(args.db)
    if url.startswith("sqlite:///") and not Path(url[len("sqlite:///"):]).is_file():
        stderr.write("waiverscan audit verify: no store there (give --db or WAIVERSCAN_DB)\n")
        return EXIT_CODES["usage"]
    if args.head is not None and len(args.head) < 12:
        stderr.write("waiverscan audit verify: --head needs at least 12 characters of the hash\n")
        return EXIT_CODES["usage"]
    try:
        store = open_store(args.db, upgrade=False, wait=args.db_wait)
        try:
            rows = store.retry.call(store.reviews.history, "read")
        finally:
            store.close()
    except StoreUnavailableError as exc:
        stderr.write(f"waiverscan audit verify: {exc.message}\n")
        return EXIT_CODES[exc.code]
    from waiverscan.store.reviews import GENESIS, find_break
    broken = find_break(rows)
    if broken is not None:
        stdout.write(f"audit verify: BROKEN at decision {broken.id} ({broken.kind}): "
                     f"{broken.reason}\n")
        return EXIT_CODES["chain_broken"]
    if args.head is not None and not any(r["hash"].startswith(args.head.lower()) for r in rows):
        stdout.write(f"audit verify: BROKEN (deleted): the head {args.head[:12]} recorded "
                     f"earlier is no longer in the log: the newest decisions were removed\n")
        return EXIT_CODES["chain_broken"]
    head = rows[-1]["hash"] if rows else GENESIS
    stdout.write(f"audit verify: OK: {len(rows)} decisions, hash chain intact; head {head}\n")
    return 0
