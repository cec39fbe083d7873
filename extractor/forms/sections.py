"""A form's sections (Witness, Supervisory review, Children...) and the field a label
asks for within them.

Generic labels ("Name", "Signature") take their field from the section they stand in,
so the section headers are found first: a short capitalised phrase of the lexicon's
SECTIONS standing alone on its part of a line. A label's own role words outrank the
section ("Supervisor name" under "Officer" is still the supervisor's).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from extractor import lexicon
from extractor.layout import LabelHit, Line, fold, union
from extractor.model import Page, Word
from extractor.forms.roles import label_field, names_a_child


@dataclass
class Section:
    key: str
    bbox: tuple  # header bbox; the section covers the column below it
    words: list = None


def segments(line: Line) -> list[list[Word]]:
    """Split a line at wide horizontal gaps (two columns side by side)."""
    gap = 3.0 * max(line.height, 1.0)
    segs, cur = [], [line.words[0]] if line.words else []
    for a, b in zip(line.words, line.words[1:]):
        if b.bbox[0] - a.bbox[2] > gap:
            segs.append(cur)
            cur = []
        cur.append(b)
    if cur:
        segs.append(cur)
    return segs


#: words that make a phrase a field's label rather than a section header
_FIELD_WORDS = {"name", "nombre", "nome", "signature", "firma", "assinatura", "date", "fecha",
                "data", "print"}


def find_sections(lines: list[Line]) -> list[Section]:
    from rapidfuzz import fuzz
    out = []
    for line in lines:
        segs = segments(line)
        found = [(seg, _section_match(seg, fuzz)) for seg in segs]
        for k, (seg, best) in enumerate(found):
            if best and k + 1 < len(found) and found[k + 1][1] is None:
                continue  # something written right of it on its line: a label with its value
            if best and not _repeats_header_above(out, best[0], seg, line.height):
                out.append(Section(best[0], union(w.bbox for w in seg), seg))
    return out


def _section_match(seg: list[Word], fuzz) -> Optional[tuple[str, float]]:
    """(section key, score) when ``seg`` reads as a section header, else None."""
    text = fold(" ".join(w.text for w in seg))
    if not text or len(text) > 60 or any(w.text.endswith(":") for w in seg):
        return None
    if not any(ch.isupper() for w in seg for ch in w.text):
        return None  # headers are capitalised: "child(ren)" is a wrapped sentence's end
    if _FIELD_WORDS & set(text.split()):
        return None  # "Officer Name / Oficial" names a field: a label, not a section
    best = None
    for key, phrases in lexicon.SECTIONS.items():
        for p in phrases:
            fp = fold(p)
            s = fuzz.ratio(text, fp)
            if len(fp) >= 8 and text.startswith(fp[:6]) and len(text) <= 3 * len(fp) \
                    and not _FIELD_WORDS & set(text.split()[1:]):
                # a header with more words ("Supervisory review (check)"), but not
                # a label that starts with the section's word ("Supervisor name")
                s = max(s, fuzz.partial_ratio(fp, text))
            if s >= 85 and (best is None or s > best[1]):
                best = (key, s)
    return best


def _repeats_header_above(found: list[Section], key: str, seg: list[Word], height: float) -> bool:
    """A section's header is printed once: a line starting with the section's word just
    under its header ("SUPERVISOR ACKNOWLEDGEMENT", then "Supervisor ERO D. O'Brien") is
    the section's first label, with its value, not a second header."""
    x0, y0, x1 = seg[0].bbox[0], min(w.bbox[1] for w in seg), seg[-1].bbox[2]
    return any(s.key == key and 0 < y0 - s.bbox[3] < 3.0 * max(height, 1.0)
               and s.bbox[0] < x1 and x0 < s.bbox[2] for s in found)


def section_at(sections: list[Section], bbox, page_width: float) -> Optional[str]:
    """The nearest section header above ``bbox`` in the same column."""
    cx = (bbox[0] + bbox[2]) / 2
    best = None
    for s in sections:
        if s.bbox[1] > bbox[1] + 2:
            continue
        col_right = s.bbox[0] + max(s.bbox[2] - s.bbox[0], page_width * 0.4)
        if not (s.bbox[0] - 60 <= cx <= col_right + 60 or s.bbox[0] - 60 <= bbox[0] <= col_right):
            continue
        if best is None or s.bbox[1] > best.bbox[1]:
            best = s
    return best.key if best else None


def _label_names_a_child(hit: LabelHit) -> bool:
    """"A# del niño(a)", "Child's A#": an A-number label whose own words (the one
    before it, or those after it up to the number) speak of a child is the child's."""
    words = hit.line.words
    after = []
    for w in words[hit.end:hit.end + 3]:
        if any(ch.isdigit() for ch in w.text):
            break
        after.append(w.text)
    before = words[hit.start - 1].text if hit.start else ""
    return names_a_child(" ".join(after)) or names_a_child(before)


_SERVED = {"served", "notificado", "notificada", "entregado", "service"}


def _resolve_field(hit: LabelHit, sections: list[Section], page: Page) -> Optional[str]:
    sec = section_at(sections, hit.bbox, page.width)
    if hit.key == "_generic_name":
        if sec == "children":
            return "child_names"
        return lexicon.SECTION_FIELD.get(sec or "parent", "parent_name")
    if hit.key == "_stop":
        return None
    if hit.key == "date_signed" and _SERVED & set(fold(hit.text).split()):
        return None  # "Served on / Fecha": the date the officer served the form
    if hit.key == "parent_a_number" and (sec == "children" or _label_names_a_child(hit)):
        return "child_a_numbers"
    if sec == "children" and hit.key == "parent_name":
        return "child_names"
    if sec == "supervisor" and hit.key in ("official_name", "witness_name"):
        return "supervisor_name"
    if sec == "witness" and hit.key in ("official_name", "supervisor_name"):
        return "witness_name"
    return hit.key


def field_of(hit: LabelHit, sections: list[Section], page: Page) -> Optional[str]:
    """The field a label asks for: its role words first, then the lexicon entry that
    found it, then the section it stands in."""
    if hit.key == "_stop":
        return None  # a printed field that is not ours: it only bounds its neighbours
    role = label_field(hit.text)
    if role == "":
        return None
    key = role or hit.key
    probe = LabelHit(key, hit.phrase, hit.line, hit.start, hit.end, hit.score)
    return _resolve_field(probe, sections, page)
