"""Comment listings (plain text, or OCR'd printouts) -> lines -> dated entries.

A listing is a sequence of entries, each a header line (a date, or "(no date)", then an
optional time, the officer, and sometimes "A#: ...") followed by body lines. Some
printouts group entries in sections headed "SUBJECT A#: ...": every entry under such a
heading gets that A-number. Page titles ("CASE COMMENTS Page 2") and OCR specks are not
part of any entry.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from extractor.model import BBox, Page, Word
from extractor.normalize import find_a_numbers

# a digit as OCR may read it (O for 0, l/I for 1, S for 5...): a header whose date is
# misread must still start an entry, or two entries merge
_D = r"[0-9OoIl|SZB]"
_OCR_DIGITS = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1", "S": "5",
                             "Z": "2", "B": "8"})
_MONTH = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|ene|abr|ago|dic)[a-z]*\.?")
_DATE_START = re.compile(
    rf"^\s*[^\w(]{{0,3}}\s*("
    rf"{_D}{{1,4}}\s*[/\-.]\s*{_D}{{1,2}}\s*[/\-.]\s*{_D}{{2,4}}"          # 06/01/18, 2018-06-01
    rf"|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}"                           # Jul 10, 2017
    rf"|\d{{1,2}}(?:\s+de)?[\s\-]+{_MONTH}(?:\s+de)?[\s\-,]+\d{{2,4}}"  # 10 de julio de 2018
    rf"|\(?\s*(?:no date|undated|sin fecha|date unknown)\s*\)?"
    rf")", re.I)
_TIME = re.compile(r"^\s*\d{1,2}\s*[:.]\s*\d{2}(?:\s*[:.]\s*\d{2})?(?:\s*[AaPp]\.?\s*[Mm]\.?)?")
_SECTION = re.compile(r"^\W*(?:subject\s+|subj\s+)?(?:a\s*[#-]?\s*(?:number|no\.?|file)?|alien\s*(?:#|number|no\.?))"
                      r"\s*[:#.]+\s*(.+)$", re.I)
#: a printout's heading that names its subject and then the A-number ("Subject: NAME
#: A-Number: ...", "Detainee NAME  A#: ..."): the A-number of every entry below it
_SUBJECT_HEADING = re.compile(r"^\W*(?:subject|subj|detainee|alien|name|nombre)\b[^:#]{0,3}[:#]?.{0,60}?"
                              r"\s(?:A\s?#|A-?Number|A-?File|Alien\s*(?:#|No\.?|Number))"
                              r"\s*[:#.]+\s*(.+)$", re.I)
_PAGE_TITLE = re.compile(r"\bpage\s*\d+(\s*of\s*\d+)?\s*$|^\W*(subject\s+)?case\s+comments\b", re.I)
_A_LABEL = re.compile(r"\s(?:A\s?[#HhFf]|A-?Number|A-?File|Alien\s*#)\W{0,2}(?=\s|$)")
_TITLE_GLUED = re.compile(r"\b(SDDO|AFOD|FOD|ERO|IEA|DO)([A-Z]\.)")


@dataclass
class Line:
    text: str
    page: Optional[int] = None
    words: list[Word] = field(default_factory=list)
    start: int = 0  # character offset in the source text (text files)

    @property
    def bbox(self) -> Optional[BBox]:
        return union([w.bbox for w in self.words])

    @property
    def conf(self) -> float:
        return sum(w.conf for w in self.words) / len(self.words) if self.words else 1.0


@dataclass
class Entry:
    header: Line
    body: list[Line]
    date_text: str  # as written ("" when none)
    author: str  # title and name as written ("" when none)
    a_number: Optional[str]  # from the header or the section heading
    a_number_line: Optional[Line] = None

    @property
    def text(self) -> str:
        return " ".join(t for t in (_cell_text(l.text) for l in self.body) if t)


def union(boxes: list[BBox]) -> Optional[BBox]:
    boxes = [b for b in boxes if b is not None]
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))


def lines_from_page(page: Page) -> list[Line]:
    """Rebuild text lines from OCR words (grouped by the engine's line key, top to
    bottom; words of one line left to right)."""
    groups: dict[tuple, list[Word]] = {}
    for w in page.words:
        if w.text.strip():
            groups.setdefault(w.line_key, []).append(w)
    parts = sorted(groups.values(), key=lambda ws: _cy(ws))
    # one printed line can come as several groups (a text layer keyed by rounded top, or
    # Tesseract splitting a line into blocks): merge groups at the same height that do
    # not overlap horizontally, so "06/01/2018" and "SDDO K. Brown" stay one header
    merged: list[list[Word]] = []
    for ws in parts:
        if merged:
            prev = merged[-1]
            h = min(_h(prev), _h(ws)) or 1.0
            overlap = not (max(w.bbox[2] for w in prev) <= min(w.bbox[0] for w in ws)
                           or max(w.bbox[2] for w in ws) <= min(w.bbox[0] for w in prev))
            if abs(_cy(prev) - _cy(ws)) < 0.4 * h and not overlap:
                prev.extend(ws)
                continue
        merged.append(list(ws))
    lines = []
    for ws in merged:
        ws.sort(key=lambda w: w.bbox[0])
        lines.append(Line(" ".join(w.text for w in ws), page.number, ws))
    return lines


def _cy(ws: list[Word]) -> float:
    return sum(w.cy for w in ws) / len(ws)


def _h(ws: list[Word]) -> float:
    return sorted(w.height for w in ws)[len(ws) // 2]


def lines_from_text(text: str) -> list[Line]:
    out, pos = [], 0
    for raw in text.splitlines(keepends=True):
        out.append(Line(raw.rstrip("\r\n"), None, [], pos))
        pos += len(raw)
    return out


def _is_noise(text: str) -> bool:
    return sum(ch.isalnum() for ch in text) < 3


_CELL_SEP = re.compile(r"\s*[|¦]\s*|\t+|\s{3,}")
_TITLES = r"(?:SDDO|AFOD|FOD|ERO|IEA|SDO|DDO|SIEA|ADDO|DO|Officer|OFFICER|Ofc\.?|Agent|AGENT)"
_NAME_TOK = r"(?:[A-ZÀ-Ý]\.?|[A-ZÀ-Ý][A-Za-zÀ-ÿ'’\-]+)"
_AUTHOR_LEAD = re.compile(rf"^\W{{0,3}}({_TITLES}\.?\s*{_NAME_TOK}(?:\s+{_NAME_TOK}){{0,3}})")
# "SDDO K. Brown   06/01/2018": officer first, then the date (a printout's column order)
_OFFICER_FIRST = re.compile(rf"^\W{{0,3}}({_TITLES}\.?\s+{_NAME_TOK}(?:\s+{_NAME_TOK}){{0,3}})"
                            rf"\s*[|¦,;\-]?\s+(?=\S*\d)")


def _cell_text(text: str) -> str:
    """A body line without the rules of a table (continuation rows "|   |   | text |")."""
    t = text.strip()
    if t[:1] in "|¦" or t[-1:] in "|¦":
        t = " ".join(c for c in re.split(r"\s*[|¦]\s*", t) if c.strip())
    return t.strip()


def header_tail(rest: str, author: str) -> str:
    """The comment text that a flat list or a table row carries on its header line, after
    the officer and the A-number ("06/01/2018 | DO K. Brown | 208-123-456 | Subject ...")."""
    cells = [c for c in _CELL_SEP.split(rest) if c and c.strip(" .:-|,;")]
    if len(cells) > 1:
        keep = [c for c in cells if c.strip(" .:;,") != author and not _is_a_cell(c)]
        return " ".join(keep).strip()
    body = rest[len(author):] if author and rest.startswith(author) else ""
    a = re.search(r"(?:A\s?[#HhFf]|A-?Number|A-?File|Alien\s*#)?\W{0,3}\bA?\s*[-#]?\s*\d[\d\s\-]{6,}\d", body)
    if a and find_a_numbers(_ocr_a(a.group(0))):
        body = body[a.end():]
    return body.strip(" .:-|,;") if len(body.split()) >= 2 else ""


def _is_a_cell(c: str) -> bool:
    c = c.strip(" .:;,")
    return bool(find_a_numbers(_ocr_a(c))) and len(c) <= 24


def parse_header(text: str) -> Optional[tuple[str, str, str]]:
    """(date as written, author, rest) when ``text`` is an entry header line."""
    m = _DATE_START.match(text)
    if not m:
        of = _OFFICER_FIRST.match(text)
        if of:
            author = re.sub(r"\s+", " ", of.group(1)).strip()
            # the officer's name stands in for the header's rest (a bare date is no header)
            inner = parse_header(f"{text[of.end():]} {author}")
            if inner is not None and inner[0]:
                date, _, rest = inner
                rest = rest[:-len(author)].strip(" .:-|,;") if rest.endswith(author) else rest
                return date, author, f"{author} {rest}".strip()
        return None
    date = m.group(1)
    if re.fullmatch(rf"{_D}+\s*[/\-.]\s*{_D}+\s*[/\-.]\s*{_D}+", date):
        if sum(ch.isdigit() for ch in date) < 4:
            return None  # mostly letters: a word, not a misread date
        date = date.translate(_OCR_DIGITS)
    rest = text[m.end():]
    t = _TIME.match(rest)
    if t:
        rest = rest[t.end():]
    rest = rest.strip(" .:-|,;")
    if not rest and not t:
        return None  # a bare date at the start of a body line is not a header
    a = _A_LABEL.search(" " + rest)
    author_part = rest[:max(0, a.start() - 1)] if a else rest
    if not a:
        # no label: the author ends where an A-number starts
        dm = re.search(r"\s(?:A\s*[-#]?\s*)?\d[\d\s\-]{6,}", " " + author_part)
        if dm:
            author_part = author_part[:max(0, dm.start() - 1)]
    cells = [c for c in _CELL_SEP.split(author_part) if c.strip(" .:;,|")]
    if len(cells) > 1:  # a table row or wide columns: the author is one cell
        titled = [c for c in cells if _AUTHOR_LEAD.match(c)]
        author_part = (titled or cells)[0]
    else:
        lead = _AUTHOR_LEAD.match(author_part)
        if lead and len(author_part.split()) > len(lead.group(1).split()) + 2:
            author_part = lead.group(1)  # "06/01/2018 DO K. Brown Subject declined ...": flat list
    author = _TITLE_GLUED.sub(r"\1 \2", author_part.strip(" .:;,|"))
    author = re.sub(r"\s+", " ", author).strip()
    if date.lower().strip("() ") in ("no date", "undated", "sin fecha", "date unknown"):
        date = ""
    return date, author, rest


def _ocr_a(s: str) -> str:
    """"AQ33-059-239": OCR reads the 0 after the A as Q/O/D; the shared normaliser does
    not fix letters next to the prefix, so do it here where an A-number is expected."""
    return re.sub(r"\bA[QOD](?=[\d\s\-]{6,})", "A0", s)


def split_entries(lines: list[Line]) -> list[Entry]:
    entries: list[Entry] = []
    section_a: Optional[str] = None
    section_line: Optional[Line] = None
    cur: Optional[Entry] = None
    for line in lines:
        text = line.text.strip()
        if not text or _is_noise(text):
            continue
        if _PAGE_TITLE.search(text) and len(text) < 80:
            continue
        hdr = parse_header(text)
        if hdr is None:
            sec = _SECTION.match(text) if len(text) < 60 else None
            sec = sec or (_SUBJECT_HEADING.match(text) if len(text) < 90 else None)
            if sec and find_a_numbers(_ocr_a(sec.group(1))):
                section_a = find_a_numbers(_ocr_a(sec.group(1)))[0]
                section_line = line
                cur = None
                continue
        if hdr is not None:
            date, author, rest = hdr
            found = find_a_numbers(_ocr_a(rest[len(author):] if rest.startswith(author) else rest))
            a = found[0] if found else section_a
            cur = Entry(line, [], date, author, a, line if found else section_line)
            tail = header_tail(rest, author)
            if tail:  # the comment begins on the header line (flat lists, table rows)
                cur.body.append(Line(tail, line.page, line.words, line.start))
            entries.append(cur)
            continue
        if cur is not None:
            cur.body.append(line)
    return entries
