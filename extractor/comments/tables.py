"""CSV and XLSX comment exports: decoding, header detection and column mapping.

Exports differ by office and system: header names ("A#", "Alien Number", "ANUM"),
column order, a title row above the header, encodings (UTF-8, UTF-8 with BOM, cp1252,
and files where a few rows were pasted in another encoding). Columns are mapped to the
four roles we need (a_number, date, author, comment) by a synonym list with fuzzy
matching; :func:`map_columns` says which column was used for what.

A row that cannot be read (wrong number of cells, undecodable bytes) becomes a
:class:`RowIssue` naming the row; the rest of the file is still read.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from rapidfuzz import fuzz

from extractor.errors import EmptyError, UnreadableError

log = logging.getLogger(__name__)

ROLES = ("a_number", "date", "author", "comment")

SYNONYMS: dict[str, list[str]] = {
    "a_number": ["a-number", "a number", "a#", "a #", "alien number", "alien #", "alien no",
                 "anum", "a-file", "a file", "subject a-file", "a-file number", "file number",
                 "alien registration number", "a_number", "anumber", "subject a#", "a no",
                 "numero a", "número a", "subject a number"],
    "date": ["date", "entry date", "comment date", "date/time", "datetime", "date time",
             "cmt_date", "created", "created date", "created on", "entered", "entered date",
             "event date", "fecha", "timestamp", "entry_date", "note date"],
    "author": ["officer", "entered by", "author", "user", "officer name", "created by",
               "staff", "entered_by", "user name", "username", "employee", "agent",
               "oficial", "written by", "by"],
    "comment": ["comment", "comments", "remarks", "remark", "narrative", "case comment",
                "case comments", "cmt_text", "comment text", "note", "notes", "text",
                "description", "details", "comentario", "comentarios", "observaciones",
                "entry", "narrative text", "comment_text"],
}

FUZZY_MIN = 85


@dataclass
class RowIssue:
    row: int  # 1-based line/row number in the file (header included)
    message: str

    def __str__(self) -> str:
        return f"row {self.row}: {self.message}"


@dataclass
class TableRow:
    row: int  # 1-based row number in the file
    values: dict[str, Any]  # role -> raw cell value (str, datetime or None)


@dataclass
class Table:
    mapping: dict[str, Optional[str]]  # role -> header name used (None = not found)
    rows: list[TableRow] = field(default_factory=list)
    issues: list[RowIssue] = field(default_factory=list)
    encoding: str = ""
    sheets: int = 1


def _norm_header(h: Any) -> str:
    s = str(h or "").strip().lower().replace("_", " ")
    s = re.sub(r"\s+", " ", s)
    return s


#: headers that look like a role but are not one ("Office" is one letter from "Officer")
NOT_ROLES = {"office", "offices", "event id", "id", "site", "location", "aor", "field office",
             "event", "type", "category", "status", "row", "#", "no", "seq"}


def _score(header: str, role: str) -> float:
    h = _norm_header(header)
    if not h or h in NOT_ROLES:
        return 0.0
    best = 0.0
    for syn in (_norm_header(x) for x in SYNONYMS[role]):
        if h == syn:
            return 100.0
        best = max(best, fuzz.ratio(h, syn))
        if len(syn) >= 4 and len(h) > len(syn) and re.search(rf"\b{re.escape(syn)}\b", h):
            best = max(best, 90.0)
    return best


def map_columns(headers: list[Any]) -> dict[str, Optional[int]]:
    """Role -> column index, by synonyms with fuzzy matching (each column used once).

    Roles are assigned greedily by best score, so "Comment Date" goes to date (exact
    synonym) before comment (partial) claims it.
    """
    cands = []
    for i, h in enumerate(headers):
        for role in ROLES:
            s = _score(h, role)
            if s >= FUZZY_MIN:
                cands.append((s, role, i))
    cands.sort(key=lambda c: (-c[0], c[2]))
    out: dict[str, Optional[int]] = dict.fromkeys(ROLES)
    used: set[int] = set()
    for s, role, i in cands:
        if out[role] is None and i not in used:
            out[role] = i
            used.add(i)
    return out


def _header_row(rows: list[list[Any]], limit: int = 10) -> int:
    """Index of the header: the first of the top rows that maps a comment column and at
    least one other role (exports often put a title and a blank row above it)."""
    best, best_n = 0, -1
    for i, row in enumerate(rows[:limit]):
        m = map_columns(row)
        n = sum(v is not None for v in m.values())
        if m["comment"] is not None and n >= 2:
            return i
        if n > best_n:
            best, best_n = i, n
    return best


def _named(mapping: dict[str, Optional[int]], headers: list[Any]) -> dict[str, Optional[str]]:
    return {r: (None if i is None else str(headers[i])) for r, i in mapping.items()}


# ---- CSV ----------------------------------------------------------------------------

def _decode_lines(data: bytes) -> tuple[list[str], str, list[RowIssue]]:
    """Decode line by line: UTF-8 (BOM stripped) where it decodes, else cp1252.

    Whole-file detection would fail on exports where a few rows were pasted from
    another system; per line, each row gets the encoding it was written in.
    """
    issues: list[RowIssue] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        enc = "utf-8-sig"
    else:
        enc = "utf-8"
    try:
        return data.decode("utf-8").splitlines(keepends=True), enc, issues
    except UnicodeDecodeError:
        pass
    lines = []
    n_cp = 0
    for no, raw in enumerate(data.splitlines(keepends=True), start=1):
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            n_cp += 1
            try:
                lines.append(raw.decode("cp1252"))
            except UnicodeDecodeError:
                lines.append(raw.decode("utf-8", errors="replace"))
                issues.append(RowIssue(no, "bytes that are neither UTF-8 nor cp1252; "
                                           "undecodable characters replaced"))
    # lines with non-ASCII bytes that are valid UTF-8: if there are none, the whole file
    # is cp1252 (an ordinary export); if there are some, the failing rows are anomalies
    n_utf8 = sum(1 for raw in data.splitlines() if any(b > 127 for b in raw) and _is_utf8(raw))
    if n_utf8 == 0:
        enc = "cp1252"
    else:
        enc = f"{enc}+cp1252"
        for no, raw in enumerate(data.splitlines(keepends=True), start=1):
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError:
                issues.append(RowIssue(no, "not UTF-8 like the rest of the file; read as cp1252"))
    return lines, enc, issues


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def read_csv(path: Path) -> Table:
    data = Path(path).read_bytes()
    if not data.strip():
        raise EmptyError("the export is empty")
    lines, enc, issues = _decode_lines(data)
    text = "".join(lines)
    dialect = _dialect(text)
    rows = list(csv.reader(io.StringIO(text, newline=""), dialect))
    # csv gives no line numbers per record; track them from the reader
    line_nos = _record_lines(text, dialect)
    rows_nb = [(ln, r) for ln, r in zip(line_nos, rows)]
    if not rows_nb:
        raise EmptyError("the export has no rows")
    hi = _header_row([r for _, r in rows_nb])
    headers = rows_nb[hi][1]
    mapping = map_columns(headers)
    if mapping["comment"] is None:
        raise UnreadableError("no comment column found in the export's header")
    table = Table(_named(mapping, headers), encoding=enc, issues=list(issues))
    width = len(headers)
    for ln, r in rows_nb[hi + 1:]:
        if not any(str(c).strip() for c in r):
            continue
        if len(r) != width:
            fixed = _rejoin(r, width, mapping, dialect.delimiter) if len(r) > width else None
            if fixed is None:
                table.issues.append(RowIssue(
                    ln, f"{len(r)} cells where the header has {width}: row skipped "
                        "(a truncated line, or cells that cannot be lined up with the header)"))
                continue
            table.issues.append(RowIssue(
                ln, f"{len(r)} cells where the header has {width}: the extra cells were read "
                    "as part of the comment (an unquoted delimiter inside it)"))
            r = fixed
        table.rows.append(TableRow(ln, {role: (r[i] if i is not None else None)
                                        for role, i in mapping.items()}))
    _log(path, table)
    return table


class _Dialect(csv.excel):
    pass


def _dialect(text: str) -> type[csv.Dialect]:
    """Excel quoting ("" inside quotes) with the delimiter the first lines agree on.

    csv.Sniffer also guesses quoting and gets it wrong on comments that quote the
    parent with doubled quotes: only the delimiter is guessed here.
    """
    head = [l for l in text.splitlines()[:10] if l.strip()]
    best, best_score = ",", -1
    for d in (",", ";", "\t", "|"):
        counts = [len(next(csv.reader([l], delimiter=d))) for l in head[:5]]
        if not counts or counts[0] < 2:
            continue
        score = counts[0] * 10 - sum(abs(c - counts[0]) for c in counts)
        if score > best_score:
            best, best_score = d, score
    _Dialect.delimiter = best
    return _Dialect


def _rejoin(r: list[str], width: int, mapping: dict[str, Optional[int]],
            delimiter: str) -> Optional[list[str]]:
    """Line up a row with too many cells by gluing the surplus back into the comment
    (officers' text holds commas; exports do not always quote it). Accepted only when
    the cells after the comment still look like what their columns hold."""
    from extractor.normalize import normalize_a_number, parse_date

    ci = mapping["comment"]
    if ci is None:
        return None
    after = width - 1 - ci
    extra = len(r) - width
    fixed = r[:ci] + [delimiter.join(r[ci:ci + extra + 1])] + r[ci + extra + 1:]
    assert len(fixed) == width and len(fixed) - ci - 1 == after
    for role, check in (("a_number", normalize_a_number), ("date", parse_date)):
        i = mapping[role]
        if i is not None and i > ci and fixed[i].strip() and check(fixed[i].strip()) is None:
            return None
    return fixed


def _record_lines(text: str, dialect) -> list[int]:
    """1-based starting line of every CSV record (records may span lines in quotes)."""
    out = []
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    start = 1
    while True:
        try:
            next(reader)
        except StopIteration:
            break
        out.append(start)
        start = reader.line_num + 1
    return out


# ---- XLSX ---------------------------------------------------------------------------

def read_xlsx(path: Path) -> Table:
    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a broken workbook
        raise UnreadableError(f"the workbook cannot be opened ({type(exc).__name__})") from exc
    table: Optional[Table] = None
    sheets = 0
    for ws in wb.worksheets:
        rows = [list(r) for r in ws.iter_rows(values_only=True)]
        if not rows:
            continue
        hi = _header_row(rows)
        mapping = map_columns(rows[hi])
        if mapping["comment"] is None:
            continue
        sheets += 1
        named = _named(mapping, rows[hi])
        if table is None:
            table = Table(named, encoding="xlsx")
        for i, r in enumerate(rows[hi + 1:], start=hi + 2):
            if not any(c not in (None, "") for c in r):
                continue
            vals = {}
            for role, ci in mapping.items():
                vals[role] = r[ci] if ci is not None and ci < len(r) else None
            table.rows.append(TableRow(i, vals))
    wb.close()
    if table is None:
        raise UnreadableError("no sheet with a comment column found in the workbook")
    table.sheets = sheets
    _log(path, table)
    return table


def _log(path: Path, table: Table) -> None:
    # names of columns only: never cell values (they hold personal data)
    log.info("comment export %s: columns %s; %d rows, %d row issues, encoding %s",
             Path(path).name, table.mapping, len(table.rows), len(table.issues), table.encoding)


def spanish_header(header: Optional[str]) -> bool:
    """A Spanish or Portuguese date header ("Fecha", "Fecha de entrada", "Data")."""
    h = _norm_header(header)
    return bool(h) and (h.startswith("fecha") or h in ("data", "data de entrada", "data do registro"))


def cell_text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v).strip()


def cell_date(v: Any) -> Optional[dt.date]:
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    return None
