"""Case comments: exports (CSV/XLSX), plain-text listings and scanned printouts.

Public API (called by :mod:`extractor.pipeline`):

* :func:`extract_comment_file` (path, kind) -> (records, page count) for kind in
  {"csv", "xlsx", "text"}. The returned list is a :class:`CommentRecords` (a plain list
  with ``.issues``: rows that could not be read, each naming its row, and
  ``.mapping``: which column was used for what), so the pipeline's tuple contract holds.
* :func:`extract_comment_pages` (pages) -> records, for OCR'd printouts.

Every record has kind ``case_comment``, all eleven contract fields (None when the entry
does not record it) and no checks: :func:`scoring.rubric.score_document` scores it.
"""
from __future__ import annotations

import datetime as dt
import logging
import re
from pathlib import Path
from typing import Any, Optional

from extractor.comments import entries as E
from extractor.comments import tables as T
from extractor.comments.fields import Found, analyze
from extractor.errors import EmptyError, UnreadableError, UnsupportedTypeError
from extractor.model import COMMENT_FIELDS, Field, Page, Record
from extractor.normalize import clean_name, normalize_a_number, parse_date

log = logging.getLogger(__name__)

__all__ = ["extract_comment_file", "extract_comment_pages", "extract_comment_text",
           "count_comment_entries", "CommentRecords", "RowIssue"]

RowIssue = T.RowIssue
#: characters of one entry's comment that are analysed. Real entries run to a few
#: hundred (dev exports: 327 at most); a 50 MB cell would take the NLP minutes (spaCy
#: refuses over 1,000,000). The rest is left out, and the row says so.
MAX_COMMENT_CHARS = 10_000
#: an OCR'd entry read with less mean word confidence than this is not confidently
#: unrelated: with no decision read, C-DECISION goes to a reviewer (`unknown`)
UNRELATED_MIN_READ = 0.5
TEXT_FIELDS = ("decision", "decision_mode", "info_provided", "option_offered", "language",
               "interpreter_or_fluent", "witness_name", "child_names")


class CommentRecords(list):
    """The records of one file, plus what a reviewer needs to trust them."""

    def __init__(self, records=(), issues: Optional[list[T.RowIssue]] = None,
                 mapping: Optional[dict] = None):
        super().__init__(records)
        self.issues: list[T.RowIssue] = list(issues or [])
        self.mapping: dict = dict(mapping or {})


def _evidence(text: str, span: Optional[tuple[int, int]]) -> tuple[str, Optional[str]]:
    if not span:
        return text, None
    a, b = span
    return text[a:b], f"span:{a}-{b}"


def _text_fields(text: str, page: Optional[int] = None, bbox=None,
                 conf_scale: float = 1.0) -> dict[str, Optional[Field]]:
    found = analyze(text)
    out: dict[str, Optional[Field]] = {}
    for name in TEXT_FIELDS:
        f: Optional[Found] = found.get(name)
        if f is None:
            out[name] = None
            continue
        ev, span = _evidence(text, f.span)
        prov = ";".join(x for x in (f.how, span) if x)
        out[name] = Field(f.value, round(f.confidence * conf_scale, 3), page, bbox, ev, prov)
    about = found.get("about_choice")
    if out["decision"] is None and about is None and conf_scale < UNRELATED_MIN_READ:
        # too little of the printout was read to be sure the entry is unrelated
        out["decision"] = Field(None, round(conf_scale, 3), page, bbox, text,
                                "text read with low confidence, decision unread")
    if out["decision"] is None and about is not None:
        # the entry speaks of the parent's choice but no decision was read: a decision
        # field with no value (not a missing field) tells the rubric to send C-DECISION to
        # a reviewer as `unknown` instead of taking the entry out of the audit
        ev, span = _evidence(text, about.span)
        prov = ";".join(x for x in ("about the choice, decision unread", about.how, span) if x)
        out["decision"] = Field(None, round(about.confidence * conf_scale, 3), page, bbox, ev, prov)
    return out


def _day_first(values: list[str]) -> Optional[bool]:
    """A column's date convention: day first if any numeric date has a first part > 12,
    month first if any has a second part > 12, else unknown."""
    dfirst = mfirst = False
    for v in values:
        m = re.search(r"(?<!\d)(\d{1,2})[/\-.](\d{1,2})[/\-.]\d{2,4}", v or "")
        if m:
            a, b = int(m.group(1)), int(m.group(2))
            dfirst |= a > 12
            mfirst |= b > 12
    if dfirst and not mfirst:
        return True
    if mfirst and not dfirst:
        return False
    return None


_TIME_RE = re.compile(r"(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AaPp]\.?[Mm]\.?)?)\s*$")


def _strip_time(text: str) -> str:
    """"05/13/2018 08:34:00" -> "05/13/2018": the time is not part of the date, and
    digits next to the date could be read into it. "10-Aug-17" -> "10 Aug 2017" (the
    shared parser wants spaces and four-digit years in worded dates)."""
    s = _TIME_RE.sub("", text.strip())
    m = re.fullmatch(r"(\d{1,2})[\s\-/.]+([A-Za-zçÇéá]{3,10})\.?[\s\-/.,]+(\d{2}|\d{4})", s)
    if m:
        y = m.group(3)
        s = f"{m.group(1)} {m.group(2)} {('20' + y) if len(y) == 2 else y}"
    return s


def _date_field(raw: Any, day_first: Optional[bool], **where) -> Optional[Field]:
    d = T.cell_date(raw)
    if d is not None:
        return Field(d.isoformat(), 0.98, evidence=str(raw), provenance="cell:date", **where)
    if isinstance(raw, (int, float)) and not isinstance(raw, bool) and 20000 < raw < 60000:
        # an Excel serial date in a cell without a date format (days since 1899-12-30)
        d = dt.date(1899, 12, 30) + dt.timedelta(days=int(raw))
        return Field(d.isoformat(), 0.9, evidence=str(raw), provenance="cell:serial", **where)
    text = T.cell_text(raw)
    if not text:
        return None
    p = parse_date(_strip_time(text), day_first=day_first)
    if p is None:
        return None
    conf = 0.7 if p.ambiguous and day_first is None else 0.95
    return Field(p.iso, conf, evidence=text, provenance="date", **where)


def _capped(text: str, row: Optional[int], issues: list) -> str:
    if len(text) <= MAX_COMMENT_CHARS:
        return text
    where = row if row is not None else 0
    issues.append(T.RowIssue(where, f"a comment of {len(text):,} characters: only the first "
                                    f"{MAX_COMMENT_CHARS:,} were read"))
    return text[:MAX_COMMENT_CHARS]


def _record(index: int, header: dict[str, Optional[Field]], text_fields: dict) -> Record:
    fields = {name: None for name in COMMENT_FIELDS}
    fields.update(header)
    fields.update(text_fields)
    return Record(kind="case_comment", index=index, fields=fields)


# ---- exports --------------------------------------------------------------------------

def extract_comment_table(table: T.Table) -> CommentRecords:
    dates = [T.cell_text(r.values.get("date")) for r in table.rows]
    day_first = _day_first(dates)
    if day_first is None and T.spanish_header(table.mapping.get("date")):
        day_first = True  # "Fecha"/"Data": Spanish and Portuguese write the day first
    recs = CommentRecords(issues=table.issues, mapping=table.mapping)
    for row in table.rows:
        v = row.values
        header: dict[str, Optional[Field]] = {}
        a_raw = T.cell_text(v.get("a_number"))
        a = normalize_a_number(a_raw) if a_raw else None
        header["a_number"] = Field(a, 0.95, evidence=a_raw, provenance=f"row:{row.row}") if a else None
        header["entry_date"] = _date_field(v.get("date"), day_first)
        author = clean_name(T.cell_text(v.get("author")))
        header["author"] = Field(author, 0.95, evidence=T.cell_text(v.get("author"))) if author else None
        text = _capped(T.cell_text(v.get("comment")), row.row, recs.issues)
        recs.append(_record(len(recs), header, _text_fields(text)))
    for issue in recs.issues:
        log.warning("comment export: %s", issue)
    return recs


def extract_comment_text(text: str) -> CommentRecords:
    """A plain-text listing of dated entries."""
    entries = E.split_entries(E.lines_from_text(text))
    if not entries:
        raise UnreadableError("no dated comment entries found in the text")
    return _from_entries(entries, text_source=True)


def extract_comment_file(path: Path, kind: str) -> tuple[CommentRecords, int]:
    path = Path(path)
    if kind == "csv":
        return extract_comment_table(T.read_csv(path)), 1
    if kind == "xlsx":
        table = T.read_xlsx(path)
        return extract_comment_table(table), max(1, table.sheets)
    if kind == "text":
        data = path.read_bytes()
        if not data.strip():
            raise EmptyError("the text file is empty")
        lines, _, issues = T._decode_lines(data)
        text = "".join(lines)
        if T.header_only(text):  # one line is no table to the sniffer: it is sent here
            raise EmptyError("the export has a header but no rows under it")
        recs = extract_comment_text(text)
        recs.issues.extend(issues)
        return recs, 1
    raise UnsupportedTypeError(f"not a comment export: {kind}")


# ---- printouts ------------------------------------------------------------------------

def _from_entries(entries: list[E.Entry], text_source: bool) -> CommentRecords:
    day_first = _day_first([e.date_text for e in entries])
    recs = CommentRecords()
    for e in entries:
        hp = None if text_source else e.header.page
        hb = None if text_source else e.header.bbox
        conf = min(1.0, e.header.conf + 0.05) if not text_source else 1.0
        header: dict[str, Optional[Field]] = {}
        if e.a_number:
            al = e.a_number_line
            header["a_number"] = Field(e.a_number, round(0.95 * (al.conf if al and not text_source else 1.0), 3),
                                       None if text_source or al is None else al.page,
                                       None if text_source or al is None else al.bbox,
                                       (al.text.strip() if al else e.a_number), "header")
        else:
            header["a_number"] = None
        if e.date_text:
            p = parse_date(_strip_time(e.date_text), day_first=day_first)
            header["entry_date"] = (Field(p.iso, round(0.95 * conf, 3), hp, hb, e.date_text, "header")
                                    if p else None)
        else:
            header["entry_date"] = None
        author = clean_name(e.author)
        header["author"] = Field(author, round(0.95 * conf, 3), hp, hb, e.author, "header") if author else None
        text = _capped(e.text, None, recs.issues)
        body_page = None if text_source or not e.body else e.body[0].page
        body_box = None if text_source else E.union([l.bbox for l in e.body if l.page == body_page])
        body_conf = 1.0 if text_source else min(1.0, (sum(l.conf for l in e.body) / len(e.body) + 0.05)
                                                 if e.body else 1.0)
        recs.append(_record(len(recs), header, _text_fields(text, body_page, body_box, body_conf)))
    return recs


def extract_comment_pages(pages: list[Page]) -> list[Record]:
    """Records of a scanned printout already OCR'd (words in working coordinates)."""
    lines = [l for p in pages for l in E.lines_from_page(p)]
    return _from_entries(E.split_entries(lines), text_source=False)


def count_comment_entries(pages: list[Page]) -> int:
    """How many dated comment entries the OCR'd pages hold: a signal for the page
    classifier (every dev printout has >= 5, every dev form 0)."""
    return len(E.split_entries([l for p in pages for l in E.lines_from_page(p)]))
