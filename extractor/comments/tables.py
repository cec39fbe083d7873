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
import itertools
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from rapidfuzz import fuzz

from extractor.errors import EmptyError, TooLargeError, UnreadableError

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
#: a workbook whose parts would unpack to more than this is a zip bomb, not an export
MAX_XLSX_UNPACKED = 512 * 1024 * 1024
#: columns of a sheet looked at: exports have a dozen; a sheet claiming 16,384 columns
#: (its <dimension> or one far cell) must not make every row that wide in memory
MAX_XLSX_COLUMNS = 256

# one CSV cell may be as long as the file (a comment pasted whole, or a broken quote that
# runs to the end): the csv module's default 128 KiB limit made such a file crash the run
csv.field_size_limit(max(csv.field_size_limit(), 1 << 30))


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


#: the header is looked for among this many top rows
HEADER_ROWS = 10


def _header_row(rows: list[list[Any]], limit: int = HEADER_ROWS) -> int:
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
    """Decode line by line: UTF-8 (BOM stripped) where it decodes, else cp1252. Returns
    text pieces that join into the file (one piece when the whole file is UTF-8).

    Whole-file detection would fail on exports where a few rows were pasted from
    another system; per line, each row gets the encoding it was written in.
    """
    issues: list[RowIssue] = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with its BOM ("Unicode text")
        text = data[: len(data) - len(data) % 2].decode("utf-16", errors="replace")
        lines = text.splitlines(keepends=True)
        issues += [RowIssue(no, "bytes that are not UTF-16; undecodable characters replaced")
                   for no, line in enumerate(lines, start=1) if "\ufffd" in line]
        return lines, "utf-16", issues
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        enc = "utf-8-sig"
    else:
        enc = "utf-8"
    try:
        return [data.decode("utf-8")], enc, issues  # whole: the callers join the lines
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
    del data  # copies of a big file are dropped as soon as they are done with
    text = "".join(lines)
    del lines
    dialect = _dialect(text)
    rows_nb = _numbered_records(text, dialect)
    if not rows_nb:
        raise EmptyError("the export has no rows")
    hi = _header_row([r for _, r in rows_nb])
    headers = rows_nb[hi][1]
    mapping = map_columns(headers)
    if mapping["comment"] is None:
        raise UnreadableError("no comment column found in the export's header")
    table = Table(_named(mapping, headers), encoding=enc, issues=list(issues))
    width = len(headers)
    header = _row_key(headers)
    for ln, r in rows_nb[hi + 1:]:
        if not any(str(c).strip() for c in r):
            continue
        if _row_key(r) == header:  # the header again: exports pasted one after another
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
    if not table.rows and not table.issues:
        raise EmptyError("the export has a header but no rows under it")
    _log(path, table)
    return table


class _Dialect(csv.excel):
    pass


def _dialect(text: str) -> type[csv.Dialect]:
    """Excel quoting ("" inside quotes) with the delimiter the first lines agree on.

    csv.Sniffer also guesses quoting and gets it wrong on comments that quote the
    parent with doubled quotes: only the delimiter is guessed here.
    """
    head = [l for l in text[:65536].splitlines()[:10] if l.strip()]  # not a 50 MB line whole
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


def _numbered_records(text: str, dialect) -> list[tuple[int, list[str]]]:
    """Every CSV record with its 1-based starting line (records may span lines in
    quotes), in one pass: a 50 MB cell is parsed once."""
    out = []
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    start = 1
    for row in reader:
        out.append((start, row))
        start = reader.line_num + 1
    return out


# ---- XLSX ---------------------------------------------------------------------------

def _check_unpacked_size(path: Path) -> None:
    """Refuse a workbook whose parts declare more than :data:`MAX_XLSX_UNPACKED` bytes
    unpacked (openpyxl reads shared strings whole, so a bomb there would fill memory)."""
    import zipfile
    try:
        with zipfile.ZipFile(path) as zf:
            total = sum(max(0, i.file_size) for i in zf.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UnreadableError(f"the workbook cannot be opened ({type(exc).__name__})") from exc
    if total > MAX_XLSX_UNPACKED:
        raise TooLargeError(f"the workbook unpacks to {total} bytes, over the "
                            f"{MAX_XLSX_UNPACKED} byte limit")


def read_xlsx(path: Path) -> Table:
    """The comment sheets of a workbook. Values only: formulas give their cached value
    and are never evaluated, macros (vbaProject.bin) are never loaded, and external links
    are dropped, never followed. Rows stream: a sheet is not held in memory whole."""
    import openpyxl

    _check_unpacked_size(path)
    fh = open(path, "rb")  # a file object: openpyxl would refuse a name not ending .xlsx
    try:
        try:
            wb = openpyxl.load_workbook(fh, read_only=True, data_only=True, keep_links=False)
        except Exception as exc:  # openpyxl raises many types for a broken workbook
            raise UnreadableError(f"the workbook cannot be opened ({type(exc).__name__})") from exc
        try:
            table, sheets = _read_sheets(wb)
        except UnreadableError:
            raise
        except Exception as exc:  # noqa: BLE001  a sheet's XML broken past its header
            raise UnreadableError(f"a sheet of the workbook cannot be read ({type(exc).__name__})") from exc
        finally:
            wb.close()
    finally:
        fh.close()
    if table is None:
        raise UnreadableError("no sheet with a comment column found in the workbook")
    table.sheets = sheets
    _log(path, table)
    return table


def _read_sheets(wb) -> tuple[Optional[Table], int]:
    table: Optional[Table] = None
    sheets = 0
    for ws in wb.worksheets:
        if hasattr(ws, "reset_dimensions"):
            ws.reset_dimensions()  # the sheet's <dimension> may lie: read what the rows hold
        rows = enumerate(ws.iter_rows(values_only=True, max_col=MAX_XLSX_COLUMNS), start=1)
        top = [(i, list(r)) for i, r in itertools.islice(rows, HEADER_ROWS)]
        if not top:
            continue
        hi = _header_row([r for _, r in top], HEADER_ROWS)
        mapping = map_columns(top[hi][1])
        if mapping["comment"] is None:
            continue
        sheets += 1
        named = _named(mapping, top[hi][1])
        if table is None:
            table = Table(named, encoding="xlsx")
        header = _row_key(top[hi][1])
        for i, r in itertools.chain(top[hi + 1:], rows):
            if r.count(None) + r.count("") == len(r):  # at C speed: 1M blank rows take 1 s
                continue
            if _row_key(r) == header:  # the header again: exports pasted one after another
                continue
            vals = {}
            for role, ci in mapping.items():
                vals[role] = r[ci] if ci is not None and ci < len(r) else None
            table.rows.append(TableRow(i, vals))
    if table is not None and not table.rows:
        raise EmptyError("the workbook has a header but no rows under it")
    return table, sheets


def header_only(text: str) -> bool:
    """The text is one line, and that line is an export's header (a comment column and
    another role)."""
    lines = [l for l in text.splitlines() if l.strip()]
    if len(lines) != 1:
        return False
    m = map_columns(next(csv.reader([lines[0]], _dialect(lines[0]))))
    return m["comment"] is not None and sum(v is not None for v in m.values()) >= 2


def _row_key(r) -> tuple[str, ...]:
    """A row as header names, to compare with the header (a row with a long cell is no
    header: its cells are not normalised, which would cost seconds on a 50 MB one)."""
    if any(isinstance(c, str) and len(c) > 200 for c in r):
        return ("<data>",)
    cells = [_norm_header(c) for c in r]
    while cells and not cells[-1]:
        cells.pop()
    return tuple(cells)


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
