"""The children named on a form whose table header was not read: the rows under the
"Children" section's header, each a name (letters) and an A-number (digits).

Forms list the children in a table or under a section header; when OCR lost the
table's header row no label leads to the names, but the section's header does.
"""
from __future__ import annotations

import re

from extractor.layout import Line, mean_conf, union
from extractor.model import Field, Page
from extractor.names import restore_accents
from extractor.normalize import clean_name, find_a_numbers
from extractor.forms.blanks import MIN_STROKES, strokes
from extractor.forms.candidates import table_rows
from extractor.forms.sections import Section
from extractor.forms.vocabulary import text_of

_NAME_WORD = re.compile(r"^[A-Za-zÀ-ÿ'.-]{2,}$")


def children_section_rows(sections: list[Section], lines: list[Line], label_ids: set[int],
                          header_ids: set[int], page: Page) -> dict[str, Field]:
    """A children table whose header row was not read: each row under the section
    header gives a name (letters) and an A-number (digits); empty rows give []."""
    secs = [s for s in sections if s.key == "children"]
    if not secs:
        return {}
    sec = secs[0]
    hh = max(sec.bbox[3] - sec.bbox[1], 10.0)
    names, numbers, used = [], [], []
    for row in table_rows(lines, sec.bbox[3], 8 * hh, label_ids | header_ids, max_words=8):
        text = " ".join(w.text for w in row)
        nums = find_a_numbers(text)
        first_digit = next((i for i, w in enumerate(row)
                            if any(ch.isdigit() for ch in w.text)), len(row))
        words = [w for w in row[:first_digit] if _NAME_WORD.match(w.text) and w.conf >= 0.5]
        if len(words) >= 2:
            names.append(restore_accents(clean_name(text_of(words))))
            used += words
        numbers += nums
    box = union([w.bbox for w in used]) or sec.bbox
    conf = mean_conf(used) if used else 0.6
    # no name read under the heading: pen strokes there that OCR did not read as words
    # (a script hand) leave it unknown whether children were named
    ink = not names and page.image is not None and strokes(
        page, (sec.bbox[0] - hh, sec.bbox[3], min(page.image.shape[1], sec.bbox[0] + 40 * hh),
               sec.bbox[3] + 6 * hh), hh) >= MIN_STROKES
    base = dict(page=page.number, bbox=box, provenance=f"section:{sec.key} (rows)")
    return {
        "child_names": Field(value=names, confidence=conf if names or not ink else 0.3,
                             evidence="; ".join(names) or None,
                             present=True if names else (None if ink else False), **base),
        "child_a_numbers": Field(value=numbers, confidence=conf if numbers else 0.6,
                                 evidence="; ".join(numbers) or None, **base),
    }
