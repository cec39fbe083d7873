"""Field labels the lexicon pass (extractor.forms.labels) leaves out, found by general means.

- ``colon_labels``: any printed phrase ending in a colon whose role words name a field
  (extractor.forms.roles), whatever its wording ("Minor child(ren):").
- ``caption_labels``: short phrases standing alone under a fill line whose role words
  name a field.
- ``caption_row_headers``: a section heading ("ICE Officer", "WITNESS") stands alone on
  its line. The same words printed on a row of captions beside another label
  ("Signature of ICE official      ICE Officer", under a row of fill lines) are that
  field's caption, not a heading: they are given back to the label pass.
- ``learned_labels``: short runs of printed words the lexicon did not take, read by the
  trained label classifier (extractor.reader.textclf.label_slot: character n-grams,
  trained on generated label wordings in four languages, never on dev), for fields
  that have no label on the page at all ("Deportation Officer", "Oficial"). Only a
  sure reading of a short run that stands apart on its line is taken: a value or a
  sentence must not become a label.
"""
from __future__ import annotations

from typing import Sequence

from extractor.layout import LabelHit, Line, fold, union
from extractor.model import Word
from extractor.reader.textclf import label_slot
from extractor.forms.roles import label_field
from extractor.forms.rulings import ruling_above
from extractor.forms.sections import segments
from extractor.forms.vocabulary import LABEL_WORDS

#: label_slot's slot -> the contract field (signature slots are no value fields)
SLOT_FIELD = {"parent_name": "parent_name", "parent_a_number": "parent_a_number",
              "child_names": "child_names", "child_a_numbers": "child_a_numbers",
              "date_signed": "date_signed", "read_in_language": "read_in_language",
              "interpreter": "interpreter_name", "official_name": "official_name",
              "witness": "witness_name", "supervisor": "supervisor_name"}
#: fields the learned labels may supply (the person fields whose short captions the
#: lexicon misses most; the others have many printed wordings in the lexicon already)
LEARNED_FIELDS = ("official_name", "witness_name", "supervisor_name", "interpreter_name")
#: the classifier's calibrated probability a run must reach to be taken as a label
SURE = 0.9
MAX_WORDS = 6


def caption_row_headers(sections: list, lines: Sequence[Line], hits: Sequence[LabelHit]) -> list:
    """The sections whose heading shares its line with another label's words are
    captions, not headings: they are dropped from ``sections`` (returned filtered)."""
    by_word = {}
    for ln in lines:
        for w in ln.words:
            by_word[id(w)] = ln
    heading_ids = {id(w) for sec in sections for w in (sec.words or [])}
    others = [h for h in hits if not heading_ids & {id(w) for w in h.line.words[h.start:h.end]}]
    out = []
    for sec in sections:
        ids = {id(w) for w in (sec.words or [])}
        line = by_word.get(next(iter(ids), None)) if ids else None
        beside = line is not None and any(
            h.line is line and not ids & {id(w) for w in h.line.words[h.start:h.end]}
            for h in others)
        if not beside:
            out.append(sec)
    return out


def _runs(line: Line, taken: set[int]) -> list[tuple[int, int]]:
    """Runs [start, end) of the line's words not taken, split at wide gaps."""
    gap = 2.5 * max(line.height, 1.0)
    runs, start = [], None
    for i, w in enumerate(line.words):
        free = id(w) not in taken
        split = start is not None and i > 0 and w.bbox[0] - line.words[i - 1].bbox[2] > gap
        if start is not None and (not free or split):
            runs.append((start, i))
            start = None
        if free and start is None:
            start = i
    if start is not None:
        runs.append((start, len(line.words)))
    return runs


def learned_labels(lines: Sequence[Line], taken: set[int], have: set[str]) -> list[LabelHit]:
    """Labels for fields in LEARNED_FIELDS that no label names yet (``have``): runs of
    1-6 printed words (confident OCR, letters) that the classifier is sure name the
    field. One label per field: the surest."""
    best: dict[str, LabelHit] = {}
    for line in lines:
        for s, e in _runs(line, taken):
            ws = line.words[s:e]
            if not 1 <= len(ws) <= MAX_WORDS or min(w.conf for w in ws) < 0.6:
                continue
            text = " ".join(w.text for w in ws)
            if sum(c.isalpha() for c in text) < 4 or any(c.isdigit() for c in text):
                continue
            slot, p = label_slot(text)
            field = SLOT_FIELD.get(slot)
            if field not in LEARNED_FIELDS or field in have or p < SURE:
                continue
            if field not in best or p > best[field].score / 100:
                best[field] = LabelHit(field, fold(text), line, s, e, round(100 * p, 1),
                                       {"learned": True})
    return list(best.values())


def colon_labels(lines: list[Line], taken: set[int]) -> list[LabelHit]:
    """Any printed phrase ending in a colon whose role words name a field is a label,
    whether or not the lexicon knows its wording ("Minor child(ren):")."""
    out = []
    for line in lines:
        words = line.words
        h = max(line.height, 8.0)
        start = 0
        for i, w in enumerate(words):
            if i > start and w.bbox[0] - words[i - 1].bbox[2] > 2.5 * h:
                start = i
            if not (w.text.endswith(":") and len(w.text) > 1):
                continue
            if start > 0 and words[start - 1].text.endswith(":"):
                # after another label's colon, the words before this one's phrase are that
                # label's value ("Name: Rosa Pérez A-Number/A#:"): the label is the shortest
                # tail naming a field, grown left over label vocabulary only
                start = _label_tail_start(words, start, i)
            span = range(start, i + 1)
            if i - start <= 8 and not any(id(words[k]) in taken for k in span) \
                    and all(words[k].conf >= 0.3 for k in span):
                text = " ".join(words[k].text for k in span)
                field = label_field(text)
                if field is not None:  # '' = a printed field that is not ours: a boundary
                    out.append(LabelHit(field or "_stop", text, line, start, i + 1, 90.0))
            start = i + 1
    return out


def _label_tail_start(words: list[Word], start: int, colon: int) -> int:
    """Where a colon label that follows another label's value starts: the shortest tail
    ending at ``colon`` that names a field, then left over words of label vocabulary."""
    for k in range(colon, start - 1, -1):
        if label_field(" ".join(w.text for w in words[k:colon + 1])) is not None:
            while k > start and fold(words[k - 1].text) in LABEL_WORDS:
                k -= 1
            return k
    return start


def caption_labels(lines: list[Line], taken: set[int], rulings) -> list[LabelHit]:
    """Short printed phrases standing alone on their line (captions under a fill line,
    the first line of a stacked bilingual caption) whose role words name a field.
    Titles (large type) and sentences (a full stop, many words) are not captions."""
    heights = sorted(w.height for l in lines for w in l.words)
    if not heights:
        return []
    typical = heights[len(heights) // 2]
    out = []
    for line in lines:
        for seg in segments(line):
            if not (1 <= len(seg) <= 5) or any(id(w) in taken for w in seg):
                continue
            if seg[-1].text.endswith((".", ":", ";")) or any(w.conf < 0.7 for w in seg):
                continue
            if max(w.height for w in seg) > 1.35 * typical:
                continue
            if any(ch.isdigit() for w in seg for ch in w.text):
                continue  # form numbers, dates and A-numbers are not captions
            bbox = union(w.bbox for w in seg)
            if not ruling_above(rulings, bbox, max(line.height, 8.0)):
                continue  # a caption is printed under the line it names
            text = " ".join(w.text for w in seg)
            field = label_field(text)
            if field is not None and field != "_generic_name":
                start = line.words.index(seg[0])
                out.append(LabelHit(field or "_stop", text, line, start, start + len(seg), 88.0))
    return out
