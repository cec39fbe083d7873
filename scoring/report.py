"""`waiverscan report`: the archive's cases and counts as a table, CSV, XLSX or JSON,
an optional chart, and one parent's file (``--case``).

The counts follow the shape of OIG-21-36's own numbers: parents with no documentation,
oral waivers only, written waivers (complete / deficient), reunification requested,
split at 12 July 2018; then per check how many records fail it, could not be read
(unknown), pass, or are not concerned.

Spreadsheet output is neutralised against formula injection: document text ends up in
cells (names, evidence) and a cell starting with ``= + - @`` (or a tab / carriage
return) would run as a formula in Excel or LibreOffice, so it gets a leading apostrophe.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional, TextIO  # noqa: F401

from scoring.cases import CATEGORIES, FLAGS, normalise_a_number, period_of, roll_up, value

CATEGORY_LABELS = {
    "requested_reunification": "reunification requested",
    "written_waiver_complete": "written waiver, complete",
    "written_waiver_deficient": "written waiver, deficient",
    "form_referenced_not_found": "written waiver referenced, form not found",
    "oral_waiver_only": "oral waiver only",
    "no_documentation": "no documentation of the decision",
}
FLAG_LABELS = {
    "conflicting_records": "conflicting records (waiver and request)",
    "before_2018_07_12": "decision before 12 July 2018",
}
PERIODS = ("before_2018_07_12", "on_or_after_2018_07_12", "undated")

from scoring.fields import CHECK_FIELDS  # noqa: E402  (re-exported: older imports)

def link_target(link: dict[str, Any]) -> str:
    """What a proposed link points at: an A-number, or a record whose A-number is unread."""
    return link.get("a_number") or f"record {link.get('record_id')}"


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(v: Any) -> Any:
    """A spreadsheet-safe cell value: text that a spreadsheet would read as a formula
    gets a leading apostrophe; numbers and None pass through."""
    if isinstance(v, str) and v.startswith(_FORMULA_START):
        return "'" + v
    return v


def _check_meta() -> dict[str, Any]:
    from scoring.rubric import RUBRIC
    return {r.id: r for r in RUBRIC}


# --------------------------------------------------------------------------- tables

def summary_rows(report: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    """Parents per category and period, then archive-wide counts (period cells empty)."""
    s = report["summary"]
    head = ["item", "total", *PERIODS]
    rows: list[list[Any]] = []
    by_period = s["categories_by_period"]
    for cat in CATEGORIES:
        rows.append([f"parents: {CATEGORY_LABELS[cat]}", s["categories"][cat],
                     *(by_period[cat][p] for p in PERIODS)])
    written = ("written_waiver_complete", "written_waiver_deficient")
    rows.append(["parents: written waivers (complete + deficient)", s["written_waivers"],
                 *(sum(by_period[c][p] for c in written) for p in PERIODS)])
    rows.append(["parents: all cases", s["cases"],
                 *(sum(by_period[c][p] for c in CATEGORIES) for p in PERIODS)])
    for flag in FLAGS:
        rows.append([f"flag: {FLAG_LABELS[flag]}", s["flags"][flag], None, None, None])
    for key, label in (("cases_with_a_number", "cases with an A-number"),
                       ("cases_with_proposed_links", "cases with a proposed A-number link"),
                       ("cases_needing_review", "cases needing review"),
                       ("documents", "documents"),
                       ("documents_with_error", "documents that could not be read"),
                       ("records", "records")):
        rows.append([label, s[key], None, None, None])
    return head, rows


def check_rows(report: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    meta = _check_meta()
    head = ["check", "severity", "description", "fail", "unknown", "pass", "not_applicable",
            "deficiency_rate"]
    rows = []
    for cid, c in report["summary"]["checks"].items():
        r = meta.get(cid)
        rows.append([cid, r.severity if r else "", r.description if r else "", c["fail"],
                     c["unknown"], c["pass"], c["not_applicable"], c["deficiency_rate"]])
    return head, rows


def case_rows(report: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    head = ["a_number", "category", "flags", "earliest_decision_date", "period", "records",
            "proposed_links", "review_reasons", "sources", "record_ids"]
    rows = []
    for c in report["cases"]:
        rows.append([c["a_number"], c["category"], ";".join(c["flags"]),
                     c["earliest_decision_date"], period_of(c), len(c["records"]),
                     ";".join(link_target(l) for l in c.get("proposed_links", [])),
                     "; ".join(c.get("review_reasons", [])),
                     ";".join(c.get("sources", [])), ";".join(c["records"])])
    return head, rows


SHEETS: dict[str, Callable[[dict[str, Any]], tuple[list[str], list[list[Any]]]]] = {
    "summary": summary_rows, "checks": check_rows, "cases": case_rows}


# --------------------------------------------------------------------------- formats

def format_json(report: dict[str, Any]) -> str:
    """One line, so that `score.py --cases` (which reads JSON lines) takes it as is."""
    return json.dumps(report, ensure_ascii=False)


def _cell(v: Any) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{100 * v:.1f}%"
    return str(v)


def format_table(report: dict[str, Any], max_cases: Optional[int] = None) -> str:
    s = report["summary"]
    out = [f"{s['documents']} documents ({s['documents_with_error']} unreadable), "
           f"{s['records']} records, {s['cases']} cases "
           f"({s['cases_with_a_number']} with an A-number)", ""]
    head, rows = summary_rows(report)
    n_cat = len(CATEGORIES) + 2
    out.append(f"{'PARENTS BY CATEGORY':<52} {'total':>6} {'<12Jul18':>9} {'>=12Jul18':>9} {'undated':>8}")
    for r in rows[:n_cat]:
        out.append(f"  {r[0][len('parents: '):]:<50} {r[1]:>6} {r[2]:>9} {r[3]:>9} {r[4]:>8}")
    out.append("")
    out.append("FLAGS AND REVIEW")
    for r in rows[n_cat:]:
        out.append(f"  {r[0]:<50} {r[1]:>6}")
    out.append("")
    out.append(f"{'CHECKS':<20} {'severity':<9} {'fail':>6} {'unknown':>8} {'pass':>6} "
               f"{'n/a':>6} {'deficient':>10}")
    for r in check_rows(report)[1]:
        out.append(f"  {r[0]:<18} {r[1]:<9} {r[3]:>6} {r[4]:>8} {r[5]:>6} {r[6]:>6} "
                   f"{_cell(r[7]):>10}")
    out.append("  (deficient = fail / (pass + fail + unknown))")
    out.append("")
    out.append(f"{'CASES':<12} {'category':<27} {'earliest':<10} {'recs':>4}  flags / links / review")
    cases = report["cases"] if max_cases is None else report["cases"][:max_cases]
    for c in cases:
        extra = list(c["flags"])
        extra += [f"link? {link_target(l)}" for l in c.get("proposed_links", [])]
        if c.get("review_reasons"):
            extra.append("needs review")
        out.append(f"  {c['a_number'] or '(none)':<10} {c['category']:<27} "
                   f"{c['earliest_decision_date'] or '-':<10} {len(c['records']):>4}  "
                   f"{', '.join(extra)}")
    if max_cases is not None and len(report["cases"]) > max_cases:
        out.append(f"  ... {len(report['cases']) - max_cases} more")
    return "\n".join(out)


def csv_text(head: list[str], rows: list[list[Any]]) -> str:
    """CSV text with every cell neutralised against formula injection."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(head)
    for r in rows:
        w.writerow(["" if v is None else neutralise(v) for v in r])
    return buf.getvalue()


def write_csv(report: dict[str, Any], out: Optional[Path], stdout: TextIO) -> list[Path]:
    """With ``out`` (e.g. report.csv): the cases table there, and report.summary.csv and
    report.checks.csv beside it (each file one rectangular table, as CSV tools expect).
    Without: the three tables to stdout, each headed by ``# name``, blank-line separated."""
    if out is None:
        parts = [f"# {name}\n" + csv_text(*fn(report)) for name, fn in SHEETS.items()]
        stdout.write("\n".join(parts))
        return []
    written = []
    for name, fn in SHEETS.items():
        path = out if name == "cases" else out.with_name(f"{out.stem}.{name}{out.suffix or '.csv'}")
        path.write_text(csv_text(*fn(report)), encoding="utf-8", newline="")
        written.append(path)
    return written


def write_xlsx(report: dict[str, Any], out: Path) -> None:
    """One workbook, sheets summary / checks / cases."""
    from openpyxl import Workbook
    wb = Workbook()
    wb.remove(wb.active)
    for name, fn in SHEETS.items():
        ws = wb.create_sheet(name)
        head, rows = fn(report)
        ws.append(head)
        for r in rows:
            ws.append([neutralise(v) for v in r])
        ws.freeze_panes = "A2"
    wb.save(str(out))


# --------------------------------------------------------------------------- one case

def _field_line(name: str, f: Any) -> str:
    if f is None:
        return f"      {name}: - (not on the document)"
    if not isinstance(f, dict):
        return f"      {name}: {json.dumps(f, ensure_ascii=False)}"
    where = f"p{f['page']}" if f.get("page") is not None else "text"
    conf = f.get("confidence")
    ev = f.get("evidence")
    ev_text = f'  evidence: "{ev}"' if ev else ""
    conf_text = f"conf {conf:.2f}, " if isinstance(conf, (int, float)) else ""
    return (f"      {name}: {json.dumps(f.get('value'), ensure_ascii=False)} "
            f"({conf_text}{where}){ev_text}")


def format_case(report: dict[str, Any], documents: Iterable[dict[str, Any]],
                a_number: str) -> Optional[str]:
    """One parent's records (kind, date, decision, score), the checks that failed or could
    not be decided with the evidence of the fields they read, the category and flags.
    None when the archive has no case with this A-number."""
    want = normalise_a_number(a_number)
    case = next((c for c in report["cases"] if c["a_number"] == want), None)
    if case is None:
        return None
    ids = set(case["records"])
    found: dict[str, tuple[str, dict]] = {}
    for doc in documents:
        for rec in doc.get("records") or []:
            if rec.get("record_id") in ids:
                found[rec["record_id"]] = (str(doc.get("source", "")), rec)
    out = [f"case {want}: {CATEGORY_LABELS[case['category']]} ({case['category']})",
           f"  flags: {', '.join(case['flags']) or 'none'}",
           f"  earliest decision: {case['earliest_decision_date'] or '-'}",
           f"  records: {len(case['records'])}"]
    for link in case.get("proposed_links", []):
        out.append(f"  proposed link (not merged): {link_target(link)}: {link['reason']}")
    for why in case.get("review_reasons", []):
        out.append(f"  review: {why}")
    meta = _check_meta()
    for rid in case["records"]:
        source, rec = found.get(rid, ("?", {"kind": "?", "fields": {}, "checks": []}))
        fields = rec.get("fields") or {}
        if rec.get("kind") == "waiver_form":
            date, what = value(fields, "date_signed"), f"election {value(fields, 'election')}"
        else:
            date = value(fields, "entry_date")
            what = f"decision {value(fields, 'decision')} ({value(fields, 'decision_mode')})"
        score = rec.get("score")
        out.append("")
        out.append(f"  {rec.get('kind')}  {source}  [{rid}]")
        out.append(f"    date {date or '-'}, {what}, score "
                   f"{'n/a' if score is None else f'{score:.0f}/100'}")
        checks = rec.get("checks") or []
        if isinstance(checks, dict):
            checks = [{"id": k, "status": v} for k, v in checks.items()]
        bad = [c for c in checks if c.get("status") in ("fail", "unknown")]
        if not bad:
            applicable = [c for c in checks if c.get("status") != "not_applicable"]
            out.append("    all checks pass" if applicable else "    no check applies")
        for c in bad:
            sev = c.get("severity") or (meta[c["id"]].severity if c.get("id") in meta else "")
            out.append(f"    {c.get('status').upper():<7} {c.get('id')} ({sev}): {c.get('why', '')}")
            for name in CHECK_FIELDS.get(c.get("id"), ()):
                if name in fields:
                    out.append(_field_line(name, fields[name]))
    return "\n".join(out)


# --------------------------------------------------------------------------- sources

def iter_jsonl(paths: Iterable[Path]) -> Iterator[dict[str, Any]]:
    """Contract documents from `waiverscan extract --jsonl` (or `--json`) output files:
    objects one per line, indented one after another, or a JSON array."""
    dec = json.JSONDecoder()
    for path in paths:
        text = Path(path).read_text(encoding="utf-8")
        i = 0
        while True:
            while i < len(text) and text[i].isspace():
                i += 1
            if i >= len(text):
                break
            obj, i = dec.raw_decode(text, i)
            yield from (obj if isinstance(obj, list) else [obj])


def build(documents: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """The report object (the contract's ``{"summary", "cases"}``)."""
    return roll_up(documents)


# --------------------------------------------------------------------------- command
# The `report` command itself (reading the store, saving cases) is the shell's:
# waiverscan/report_cmd.py. This module only shapes what it is handed.


def _deliver(text: str, out: Optional[Path], stdout: TextIO) -> int:
    if out is None:
        stdout.write(text + "\n")
    else:
        Path(out).write_text(text + "\n", encoding="utf-8")
    return 0


def add_arguments(p: Any) -> None:
    """Declare the `report` options on an argparse (sub)parser."""
    p.add_argument("--db", metavar="URL", help="database URL or SQLite path (default: $WAIVERSCAN_DB, else "
                   "./waiverscan.db)")
    p.add_argument("--from-jsonl", metavar="FILE", type=Path, action="append",
                   help="read contract documents from `extract --jsonl` output instead of "
                        "the store (repeatable)")
    p.add_argument("--format", choices=("table", "csv", "xlsx", "json", "pdf"), default="table",
                   help="json: the contract's {summary, cases} on one line; csv with --out "
                        "X.csv writes X.csv (cases), X.summary.csv and X.checks.csv; "
                        "xlsx needs --out; pdf: with --case and --out FILE.pdf, the "
                        "client report (checks as read and as reviewed, decisions, crops)")
    p.add_argument("--out", metavar="FILE", type=Path, help="write to FILE instead of stdout")
    p.add_argument("--case", metavar="A_NUMBER",
                   help="one parent's records: values read, every check as read and as "
                        "reviewed with the reviewers' decisions, category and flags")
    p.add_argument("--chart", metavar="FILE.png", type=Path,
                   help="also draw decisions per month (waivers vs reunification requests) "
                        "with the 12 July 2018 line")
