"""Documents within a file: consecutive pages of one kind grouped into the documents a
reviewer would see (one form, possibly running over two pages; one printout of case
comments, possibly many pages long), each read on its own.

Why each form instance is read alone: an alien file binds the forms of several parents,
often on adjacent pages; read together, one parent's name met another parent's election.
The page classifier tells a form's first page (title, the parent's identity) from a page
the form's lower part ran onto (options, signatures: ``form_continued``): every first
page starts a new form; a continuation right after a form page joins it, and one with
no form before it is read as a form of its own (it is still a form page).
Blank pages (the backs of one-sided sheets) neither end nor join a document; any other
page ends it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from extractor.model import Page, Record

FORM, COMMENTS, OTHER, BLANK = "waiver_form", "case_comments", "other", "blank"
CONTINUED = "form_continued"


@dataclass
class Part:
    """One document within a file: its kind and its pages (in file order)."""

    kind: str
    pages: list[Page] = field(default_factory=list)

    @property
    def numbers(self) -> list[int]:
        return [p.number for p in self.pages]


class Grouper:
    """Feed pages in file order with their page type; closed documents come back as soon
    as a page shows they are complete, so their images can be let go."""

    def __init__(self):
        self.open: Optional[Part] = None

    def add(self, page: Page, page_type: str) -> list[Part]:
        if page_type == BLANK:
            return []
        kind = self.open.kind if self.open is not None else None
        if (page_type == CONTINUED and kind == FORM) or (page_type == COMMENTS and kind == COMMENTS):
            self.open.pages.append(page)
            return []
        closed = self.close()
        if page_type in (FORM, CONTINUED, COMMENTS):
            self.open = Part(FORM if page_type == CONTINUED else page_type, [page])
        return closed

    def close(self) -> list[Part]:
        out = [self.open] if self.open is not None else []
        self.open = None
        return out


def read_part(part: Part) -> list[Record]:
    """The records of one document, each naming its pages (page numbers of the file)."""
    if part.kind == FORM:
        from extractor.forms import extract_form
        rec = extract_form(part.pages)
        rec.pages = part.numbers
        return [rec]
    from extractor.comments import extract_comment_pages
    records = list(extract_comment_pages(part.pages))
    for r in records:
        on = sorted({f.page for f in r.fields.values() if f is not None and f.page is not None})
        r.pages = on or part.numbers
    return records


def main_doc_type(records: list[Record]) -> str:
    """The file's doc_type is that of its main content: a file holding a form is a
    waiver form (forms are what the audit is about, printouts ride along), else a file
    holding comment entries is case comments, else other."""
    kinds = {r.kind for r in records}
    if "waiver_form" in kinds:
        return FORM
    return COMMENTS if "case_comment" in kinds else OTHER
