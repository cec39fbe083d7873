"""The pages of one long file read apart, in ranges, and put back together: what lets a
batch run spread a 500-page alien file over its workers.

``read_range`` reads pages ``first..last`` of a file as :func:`extractor.pipeline.read_scan`
would: every page typed, pages grouped into documents, and every document that *starts*
in the range read there. A document still open at the range's end is followed past it
(read ahead, at most :data:`READ_AHEAD` pages) until a page shows where it ends, so a
form or printout cut by a range boundary is still read whole, by one worker. A
document at the very start of a range may be the tail of one begun before it (a form's
continuation, a printout's next page): it is read as if it began there, and
``stitch`` decides.

``stitch`` groups the typed pages of all ranges in file order, exactly as one reader
of the whole file would, and takes each document's records from the range where that
document starts, when that range read the same pages. Otherwise (a document longer
than the read-ahead) the document's pages are read again from the file. So the
records are those of the one-worker path: same pages, same grouping, same reading of
each document (page typing, OCR and reading are deterministic).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from extractor import ingest
from extractor.documents import (COMMENTS, CONTINUED, FORM, Grouper, Part,
                                 main_doc_type, read_part)
from extractor.errors import WaiverscanError
from extractor.model import Document, Page, Record
from extractor.pipeline import _release, type_page

#: pages a range follows a document past its end; a longer document is read again
READ_AHEAD = 32

Keep = Optional[Callable[[Page], Page]]


@dataclass
class ReadPart:
    """A document read in a range: its pages, and its records or the error reading gave."""

    numbers: list[int]
    records: list[Record] = field(default_factory=list)
    error: Optional[WaiverscanError] = None


@dataclass
class RangeResult:
    """What a range gives back: small (no images, no words; records)."""

    first: int
    last: int
    pages: list[Page] = field(default_factory=list)  # first..last, let go once read
    types: list[str] = field(default_factory=list)
    parts: dict[int, ReadPart] = field(default_factory=dict)  # by their first page
    #: a page could not be read (ingest, OCR): the error and the last page before it
    error: Optional[WaiverscanError] = None
    error_after: Optional[int] = None


def _read(part: Part) -> ReadPart:
    try:
        out = ReadPart(part.numbers, read_part(part))
    except WaiverscanError as exc:
        out = ReadPart(part.numbers, [], exc)
    for p in part.pages:
        _release(p)
    return out


def read_range(path: str | Path, kind: str, first: int, last: int, keep: Keep = None) -> RangeResult:
    """Pages ``first..last`` of a scan, typed; the documents starting among them read
    (``keep``: as in :func:`extractor.pipeline.read_document`)."""
    from extractor import pagetype as PT
    model = PT.load_model()
    out = RangeResult(first, last)
    grouper = Grouper()
    number = first - 1
    sources = ingest.iter_pages(path, kind, first)
    try:
        for src in sources:
            ahead = src.number > last
            if ahead and (grouper.open is None or src.number > last + READ_AHEAD):
                grouper.open = None  # past the read-ahead: stitch reads it again
                break
            page, ptype, _ = type_page(src, model)
            number = src.number
            del src
            if ptype in (FORM, CONTINUED, COMMENTS):
                page = keep(page) if keep is not None else page
            else:
                _release(page)
            if not ahead:
                out.pages.append(page)
                out.types.append(ptype)
            closed = grouper.add(page, ptype)
            for part in closed:
                out.parts[part.numbers[0]] = _read(part)
            if ahead and closed:  # the page after the document: the next range's
                if grouper.open is not None:
                    _release(page)
                grouper.open = None
        for part in grouper.close():  # the file's end
            out.parts[part.numbers[0]] = _read(part)
    except WaiverscanError as exc:
        out.error, out.error_after = exc, number
    finally:
        sources.close()  # the file, now: not when the generator is collected
    for p in out.pages:
        _release(p)
    return out


def reread(path: str | Path, kind: str, part: Part, keep: Keep = None) -> ReadPart:
    """A document no range read whole, read again from the file (its pages in order)."""
    from extractor import pagetype as PT
    model = PT.load_model()
    wanted = set(part.numbers)
    pages = []
    for src in ingest.iter_pages(path, kind, part.numbers[0], part.numbers[-1]):
        if src.number in wanted:
            page = type_page(src, model)[0]
            pages.append(keep(page) if keep is not None else page)
        del src
    return _read(Part(part.kind, pages))


def stitch(doc: Document, ranges: list[RangeResult], path: str | Path, kind: str,
           keep: Keep = None) -> None:
    """``doc``'s pages, records and doc_type from the ranges of its file (in order), as
    one reader of the whole file gives them; or ``doc`` failed as that reader would
    fail (at the first page or document it could not read)."""
    pages = [p for r in ranges for p in r.pages]
    types = [t for r in ranges for t in r.types]
    local: dict[int, ReadPart] = {}
    for r in ranges:
        local.update(r.parts)
    broken = [r for r in ranges if r.error is not None]
    stop = min(broken, key=lambda r: r.error_after) if broken else None
    grouper = Grouper()
    records: list[Record] = []
    failed: Optional[tuple[int, WaiverscanError]] = None

    def settle(parts: list[Part], at: int) -> bool:
        nonlocal failed
        for part in parts:
            hit = local.get(part.numbers[0])
            if hit is None or hit.numbers != part.numbers:
                hit = reread(path, kind, part, keep)
            if hit.error is not None:
                failed = (at, hit.error)
                return False
            records.extend(hit.records)
        return True

    ok = True
    for page, ptype in zip(pages, types):
        if stop is not None and page.number > stop.error_after:
            break
        if not settle(grouper.add(page, ptype), page.number):
            ok = False
            break
    if ok and stop is None:
        settle(grouper.close(), pages[-1].number if pages else 0)
    if failed is None and stop is not None:
        failed = (stop.error_after, stop.error)
    if failed is not None:
        doc.pages = [p for p in pages if p.number <= failed[0]]
        doc.fail(failed[1])
        return
    doc.pages, doc.records = pages, records
    doc.doc_type = main_doc_type(records)
    for i, r in enumerate(doc.records):
        r.index = i


def counts(ranges: list[RangeResult]) -> dict[str, int]:
    out: dict[str, int] = {}
    for r in ranges:
        for t in r.types:
            out[t] = out.get(t, 0) + 1
    return out

