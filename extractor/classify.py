"""Document type from the text read: waiver_form, case_comments or other."""
from __future__ import annotations

import re

from extractor import lexicon
from extractor.layout import build_lines, find_phrases
from extractor.model import Page

_DATE_START = re.compile(r"^\s*(\d{1,4}[/\-.]\d{1,2}[/\-.]\d{2,4}|\d{1,2}\s+[A-Za-z]{3,9}\s+\d{4})")
_COMMENT_WORDS = {"subj", "subject", "advised", "comment", "comments", "remarks", "entered",
                  "interp", "interpreter", "ero", "sddo", "do", "afod", "fod", "detainee",
                  "declined", "requested", "removal", "case", "narrative"}


def form_label_count(page: Page) -> int:
    hits = find_phrases(build_lines(page.words), lexicon.FIELD_LABELS)
    return len({h.key for h in hits})


def comment_score(page: Page) -> int:
    lines = build_lines(page.words)
    dated = sum(1 for l in lines if _DATE_START.match(l.text))
    words = sum(1 for w in page.words if w.text.lower().strip(".,:;()") in _COMMENT_WORDS)
    return dated * 2 + words


def classify_pages(pages: list[Page]) -> str:
    """A form page anywhere makes a waiver form (attachments ride along with forms);
    otherwise dated entries make a comment printout. A file these rules leave "other"
    is a form when the page model (extractor.pagetype: whole-page features, its verdict
    in ``page.notes["page_type"]``) typed one of its pages a form page: a damaged scan,
    or a layout whose labels the lexicon does not know, still looks like a form."""
    if not pages:
        return "other"
    best_form = 0
    for p in pages:  # the first form page settles it: the rest need not be read
        best_form = max(best_form, form_label_count(p))
        if best_form >= 5:
            return "waiver_form"
    from extractor.comments import count_comment_entries
    entries = count_comment_entries(pages)
    if entries >= 2:
        return "case_comments"
    if best_form >= 3:
        return "waiver_form"
    if entries >= 1 and max(comment_score(p) for p in pages) >= 4:
        return "case_comments"
    if any(p.notes.get("page_type") == "waiver_form" for p in pages):
        return "waiver_form"
    return "other"
