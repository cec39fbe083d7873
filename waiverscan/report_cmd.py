"""`waiverscan report`: the shell half. It reads the documents (the store, or
`extract --jsonl` files), hands them to :mod:`scoring.report` to shape, and saves the
roll-up back (scoring never opens a store).

From the store, everything is *as reviewed*: reviewers' decisions applied
(:mod:`scoring.reviewed`), as in the review UI. ``--case A`` reads that one case from
the store's kept roll-up (a few indexed queries, not a roll-up of the archive) and
prints counsel's account (:mod:`scoring.account`): as text, JSON, or with ``--format
pdf --out FILE.pdf`` the client PDF the review UI gives counsel.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, TextIO

from scoring.report import (build, format_case, format_json, format_table, iter_jsonl,
                            write_csv, write_xlsx, _deliver)


def run(args: Any, stdout: TextIO, stderr: TextIO) -> int:
    """Returns an exit code: 0, or 2 (usage) for a bad request."""
    from extractor.errors import EXIT_CODES
    usage = EXIT_CODES["usage"]
    if args.format == "xlsx" and args.out is None and not args.case:
        stderr.write("waiverscan: report: --format xlsx needs --out FILE.xlsx\n")
        return usage
    if args.format == "pdf" and (not args.case or args.out is None):
        stderr.write("waiverscan: report: --format pdf needs --case A_NUMBER and --out FILE.pdf\n")
        return usage
    if args.from_jsonl:
        return _from_jsonl(args, stdout, stderr, usage)
    from waiverscan.store import open_store
    store = open_store(args.db)  # None: $WAIVERSCAN_DB or the store's default
    try:
        if args.case:
            return _case(store, args, stdout, stderr, usage)
        report = build(reviewed_documents(store))
        store.save_cases(report)
        return _emit(report, args, stdout)
    finally:
        store.close()


def reviewed_documents(store: Any) -> Iterator[dict[str, Any]]:
    """Every stored document, its records as reviewed (one pass; decisions held in
    memory: they are few next to the records)."""
    from scoring.reviewed import reviewed_documents as apply
    return apply(store.iter_documents(), store.reviews.history())


def _case(store: Any, args: Any, stdout: TextIO, stderr: TextIO, usage: int) -> int:
    from scoring.account import account_text, dumps
    from waiverscan.case_account import load_account
    got = load_account(store, args.case)
    if got is None:
        stderr.write("waiverscan: report: no case with that A-number\n")
        return usage
    account, files = got
    if args.format == "pdf":
        from waiverscan.account_pdf import account_pdf
        Path(args.out).write_bytes(account_pdf(account, files))
        return 0
    text = dumps(account) if args.format == "json" else account_text(account)
    return _deliver(text, args.out, stdout)


def _from_jsonl(args: Any, stdout: TextIO, stderr: TextIO, usage: int) -> int:
    paths = list(args.from_jsonl)
    documents: Callable[[], Iterable[dict[str, Any]]] = lambda: iter_jsonl(paths)
    report = build(documents())
    if args.case:
        if args.format == "pdf":
            stderr.write("waiverscan: report: --format pdf reads the store (not --from-jsonl)\n")
            return usage
        text = format_case(report, documents(), args.case)
        if text is None:
            stderr.write("waiverscan: report: no case with that A-number\n")
            return usage
        return _deliver(text, args.out, stdout)
    return _emit(report, args, stdout)


def _emit(report: dict[str, Any], args: Any, stdout: TextIO) -> int:
    if args.chart:
        from scoring.charts import render_chart
        render_chart(report, args.chart)
    if args.format == "json":
        return _deliver(format_json(report), args.out, stdout)
    if args.format == "csv":
        write_csv(report, args.out, stdout)
        return 0
    if args.format == "xlsx":
        write_xlsx(report, args.out)
        return 0
    return _deliver(format_table(report), args.out, stdout)
