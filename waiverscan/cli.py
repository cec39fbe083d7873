"""The `waiverscan` command line: `ocr` and `extract` over one or more files.

Every file gets an answer: a file that cannot be read still prints a document object
(with its contract ``error``) so a batch's output stays one object per input. The exit
code comes from one table, :data:`extractor.errors.EXIT_CODES`, through
:func:`extractor.errors.exit_code_for`; with several files it is the code of the first
file that failed.

Logs go to stderr and never carry personal data (names, A-numbers, document text, file
names): only counts, timings and error codes (:mod:`waiverscan.logs`). The one exception is ``-vv``, a developer
switch that prints tracebacks, which may quote document text.
"""
from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path
from typing import Any, Callable, Optional, Sequence, TextIO

from extractor.errors import EXIT_CODES, WaiverscanError, exit_code_for
from extractor.model import Document, Page, Record
# logging, redaction and crash documents are shared with the batch workers
from waiverscan.logs import crashed as _crashed
from waiverscan.logs import set_current_file as _set_current_file
from waiverscan.logs import setup_logging as _setup_logging

log = logging.getLogger("waiverscan")

_EXIT_HELP = {
    "ok": "success",
    "internal": "internal error (a bug: please report it)",
    "usage": "bad command line",
    "unreadable": "the file is damaged or cannot be decoded",
    "encrypted": "the PDF needs a password",
    "unsupported_type": "not a PDF, PNG, JPEG, TIFF, CSV, XLSX or text file",
    "too_large": "too many bytes, pages or pixels to be a scanned document",
    "empty": "nothing to read (0 bytes, no pages, a page too small to hold text)",
    "ocr_failed": "Tesseract failed on a page",
    "ocr_timeout": "Tesseract took too long on a page",
    "tool_missing": "Tesseract, a trained model or an optional part is missing (the message says what to run)",
    "store_unavailable": "the store's database stayed unreachable or locked (scan --db-wait)",
    "file_timeout": "a file took longer than scan --file-timeout (the run goes on)",
    "chain_broken": "audit verify: the review log was tampered with",
}


def exit_codes_text() -> str:
    """The exit-code table, as `--help` and the README print it."""
    rows = sorted(EXIT_CODES.items(), key=lambda kv: kv[1])
    return "\n".join(f"  {num:>2}  {code:<17} {_EXIT_HELP.get(code, '')}" for code, num in rows)


# --------------------------------------------------------------------------- runners

def _ocr(path: Path) -> Document:
    from extractor.pipeline import ocr_document
    return ocr_document(path)


def _extract(path: Path) -> Document:
    from waiverscan.pipeline import extract_document
    return extract_document(path)


def run_one(path: Path, runner: Callable[[Path], Document]) -> Document:
    """Run one file, never raising: bugs become an internal-error document."""
    t0 = time.perf_counter()
    try:
        doc = runner(path)
    except KeyboardInterrupt:
        raise
    except Exception as exc:  # noqa: BLE001  (one bad file must not stop a batch)
        log.error("internal error (%s) on a file", type(exc).__name__)
        log.debug("traceback", exc_info=True)
        doc = _crashed(path, exc)
    n_pages = doc.page_count if doc.page_count is not None else len(doc.pages)
    log.info("%s: %d pages, %d records, %.2f s", doc.doc_type, n_pages, len(doc.records),
             time.perf_counter() - t0)
    return doc


def doc_exit_code(doc: Document) -> int:
    if doc.error is None:
        return 0
    if doc.exception is None:  # an error without its exception: map the contract code
        return EXIT_CODES.get(doc.error.get("code", "internal"), 1)
    if not isinstance(doc.exception, WaiverscanError):
        return EXIT_CODES["internal"]
    return exit_code_for(doc.exception)


# --------------------------------------------------------------------------- printing

def _value_text(value: Any, width: int = 60) -> str:
    if value is None:  # the field is on the document but holds nothing readable
        return "(blank)"
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    return text if len(text) <= width else text[: width - 1] + "…"


def format_ocr_text(doc: Document) -> str:
    """Each page's words, one OCR line per text line."""
    out = [f"file: {doc.source}"]
    for page in doc.pages:
        out.append(f"--- page {page.number} ({page.width}x{page.height} px, "
                   f"{len(page.words)} words, {page.text_source}) ---")
        out.extend(_page_lines(page))
    return "\n".join(out)


def _page_lines(page: Page) -> list[str]:
    lines: list[str] = []
    key = None
    for w in page.words:
        if w.line_key != key or not lines:
            lines.append(w.text)
            key = w.line_key
        else:
            lines[-1] += " " + w.text
    return lines


def format_summary(doc: Document) -> str:
    """The readable summary of `waiverscan extract`: fields and checks per record."""
    n_pages = doc.page_count if doc.page_count is not None else len(doc.pages)
    out = [f"file:    {doc.source}",
           f"type:    {doc.doc_type}",
           f"pages:   {n_pages}",
           f"records: {len(doc.records)}"]
    for rec in doc.records:
        out.append("")
        out.extend(_record_lines(rec))
    return "\n".join(out)


def _record_lines(rec: Record) -> list[str]:
    score = "n/a (no check applies)" if rec.score is None else f"{rec.score:.0f}/100"
    where = ""  # the pages of a long file this record was read from
    if rec.pages:
        where = f", page{'s' if len(rec.pages) > 1 else ''} {', '.join(map(str, rec.pages))}"
    out = [f"record {rec.index} ({rec.kind}{where})  score: {score}",
           "  fields:  (value, confidence, page; '-' = not on the document)"]
    name_w = max((len(k) for k in rec.fields), default=10)
    for name, f in rec.fields.items():
        if f is None:
            out.append(f"    {name:<{name_w}}  -")
            continue
        page = f"p{f.page}" if f.page is not None else "text"
        out.append(f"    {name:<{name_w}}  {_value_text(f.value)}   "
                   f"(conf {f.confidence:.2f}, {page})")
    out.append("  checks:")
    for c in rec.checks:
        out.append(f"    {c.id:<17} {c.status:<14} {c.severity:<8} {c.why}")
    return out


def _emit(doc: Document, mode: str, text_fn: Callable[[Document], str],
          json_fn: Callable[[Document], dict], stdout: TextIO, stderr: TextIO) -> None:
    if mode == "json":
        stdout.write(json.dumps(json_fn(doc), ensure_ascii=False, indent=2) + "\n")
    elif mode == "jsonl":
        stdout.write(json.dumps(json_fn(doc), ensure_ascii=False) + "\n")
    elif doc.error is None:
        stdout.write(text_fn(doc) + "\n")
    if doc.error is not None:
        code = getattr(doc.exception, "code", doc.error["code"])
        stderr.write(f"waiverscan: {doc.source}: {code}: {doc.error['message']}\n")


# --------------------------------------------------------------------------- CLI

def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="waiverscan",
        description="Offline reading and audit scoring of parental waiver forms and "
                    "case-comment exports (DHS OIG-21-36).",
        epilog="exit codes:\n" + exit_codes_text()
               + "\n\nWith several files the exit code is that of the first file that failed.",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="store_true",
                        help="print the waiverscan and Tesseract versions and exit")
    parser.add_argument("-v", "--verbose", action="count", default=0,
                        help="-v: progress (INFO); -vv: debug with tracebacks, which may "
                             "quote document text (developers only)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, help_text: str) -> None:
        p = sub.add_parser(name, help=help_text, description=help_text,
                           epilog="exit codes:\n" + exit_codes_text(),
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        p.add_argument("files", nargs="+", metavar="FILE", type=Path)
        # also accepted after the command; SUPPRESS keeps a `-v` given before it
        p.add_argument("-v", "--verbose", action="count", default=argparse.SUPPRESS,
                       help="-v: progress (INFO); -vv: debug")
        out = p.add_mutually_exclusive_group()
        out.add_argument("--json", dest="mode", action="store_const", const="json",
                         help="one JSON object per file (indented)")
        out.add_argument("--jsonl", dest="mode", action="store_const", const="jsonl",
                         help="one JSON object per file, each on one line")
        p.set_defaults(mode="text")

    add("ocr", "OCR the pages of scans: words with confidence and bbox")
    add("extract", "extract the contract fields of each file and score them against "
                   "the audit's checks")
    from waiverscan.batch.command import add_scan_parser  # issue 4: batch runs
    add_scan_parser(sub)
    from waiverscan.review_cmd import add_parsers as _review_parsers  # issue 5: review UI
    _review_parsers(sub)
    from waiverscan.audit_cmd import add_parser as _audit_parser  # issue 6: tamper evidence
    _audit_parser(sub)
    from scoring.report import add_arguments as _report_arguments
    _report_arguments(sub.add_parser(
        "report", help="cases by A-number with the audit's categories, counts and chart",
        description="Roll the archive's records up into cases (one per parent A-number) "
                    "and print the audit's counts, per-check counts and per-case rows."))
    return parser


def version_text() -> str:
    from waiverscan import __version__
    try:
        from extractor.ocr.tesseract import version
        tess = f"Tesseract {version()}"
    except WaiverscanError:
        tess = "Tesseract not installed"
    return f"waiverscan {__version__}\n{tess}"


def main(argv: Optional[Sequence[str]] = None, stdout: Optional[TextIO] = None,
         stderr: Optional[TextIO] = None) -> int:
    """Entry point of the console script; returns the exit code."""
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    parser = build_parser()
    args = parser.parse_args(argv)
    _setup_logging(args.verbose)
    try:
        return _dispatch(args, parser, stdout, stderr)
    except ModuleNotFoundError as exc:  # an optional part that is not installed
        from waiverscan.extras import explain
        advice = explain(exc)
        if advice is None:
            raise
        stderr.write(f"waiverscan: {advice}\n")
        return EXIT_CODES["tool_missing"]


def _dispatch(args: argparse.Namespace, parser: argparse.ArgumentParser,
              stdout: TextIO, stderr: TextIO) -> int:
    if args.version:
        stdout.write(version_text() + "\n")
        return 0
    if args.command is None:
        parser.print_usage(stderr)
        stderr.write("waiverscan: error: a command is required (ocr or extract)\n")
        return EXIT_CODES["usage"]
    if args.command == "report":
        from waiverscan.report_cmd import run as run_report  # reads the store; scoring shapes
        return run_report(args, stdout, stderr)
    if args.command == "users":
        from waiverscan.review_cmd import run_users
        return run_users(args, sys.stdin, stdout, stderr)
    if args.command == "review":
        from waiverscan.review_cmd import run_review
        return run_review(args, stdout, stderr)
    if args.command == "audit":
        from waiverscan.audit_cmd import run as run_audit
        return run_audit(args, stdout, stderr)
    if args.command == "scan":
        from waiverscan.batch.command import run_scan
        return run_scan(args, stdout, stderr)
    if args.command == "ocr":
        runner, text_fn, json_fn = _ocr, format_ocr_text, Document.ocr_json
    else:
        runner, text_fn, json_fn = _extract, format_summary, Document.to_contract
    code = 0
    try:
        for i, path in enumerate(args.files):
            if args.mode == "text" and i > 0:
                stdout.write("\n")
            _set_current_file(path)
            doc = run_one(path, runner)
            _set_current_file(None)
            _emit(doc, args.mode, text_fn, json_fn, stdout, stderr)
            stdout.flush()
            code = code or doc_exit_code(doc)
    except KeyboardInterrupt:
        stderr.write("waiverscan: interrupted\n")
        return 130
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
