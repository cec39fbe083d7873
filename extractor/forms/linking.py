"""Which words are which label's value: each label is offered the words that could be
its value (extractor.forms.candidates), and the words go to one label each.

Pass 1 gives every label the words written right of it on its line. Pass 2 lets the
labels with nothing on their right take the nearest free row of writing above (a
caption under a fill line) or below (a label over its entry, a box cell), nearest first
across all labels, so in a stack of labels and entries each entry goes to the label it
sits closest to; table headers take the column below. A label that gets nothing keeps
its fill line, where the blank checks (extractor.forms.blanks) look for writing.
"""
from __future__ import annotations

from extractor.layout import LabelHit, Line, fold
from extractor.model import Page
from extractor.forms.candidates import (DIGITLESS_NAMES, TABLE_FIELDS, Candidate, column_below,
                                        label_tail, name_before_number, row_near, value_right)
from extractor.forms.labels import Labels, colon_end
from extractor.forms.person_names import NAME_FIELDS
from extractor.forms.rulings import (fill_line_above, fill_line_right, in_box_cell, ruling_above,
                                     ruling_right)
from extractor.forms.sections import field_of
from extractor.forms.values import PARSED_FIELDS
from extractor.forms.vocabulary import BY_WORDS, READ_BY, printed_label_words


def link_values(labels: Labels, lines: list[Line], page: Page, rulings,
                verticals) -> tuple[list[Candidate], set[int]]:
    """Each label's candidate value, and the ids of every word taken (labels, headers,
    values and what printed fields not ours own)."""
    cands, used, pending = _values_right(labels, page, verticals)
    _values_near(pending, cands, used, labels, lines, rulings, verticals)
    return cands, used


def _values_right(labels: Labels, page: Page, verticals
                  ) -> tuple[list[Candidate], set[int], list[tuple[LabelHit, str]]]:
    """Pass 1: values written right of their label. Returns the candidates, the words
    taken, and the labels with nothing on their right (pending)."""
    cands: list[Candidate] = []
    used: set[int] = set(labels.label_word_ids) | labels.header_ids
    pending: list[tuple[LabelHit, str]] = []
    resolved = [(h, field_of(h, labels.sections, page)) for h in labels.hits]
    # a header row that names children makes its other columns the children's too
    # ("Child name | A-Number | Date of birth")
    child_rows = {h.line.index for h, n in resolved if n == "child_names" and not colon_end(h)}
    resolved = [(h, "child_a_numbers" if n == "parent_a_number" and h.line.index in child_rows
                 and not colon_end(h) else n) for h, n in resolved]
    # a bare "Date:" after an officer's (witness's...) name on the same line is that
    # person's date, not the parent's signing date
    person_x = {}
    for h, n in resolved:
        if n in ("official_name", "witness_name", "supervisor_name", "interpreter_name"):
            person_x[h.line.index] = min(person_x.get(h.line.index, 1e9), h.bbox[0])
    resolved = [(h, None if n == "date_signed" and _generic_date(h)
                 and person_x.get(h.line.index, 1e9) < h.bbox[0] else n) for h, n in resolved]
    # "Date (officer)": a bracket after a date label that names another person makes
    # it that person's date (the label reader leaves the bracket out as a remark)
    resolved = [(h, None if n == "date_signed" and _bracket_names_another(h) else n)
                for h, n in resolved]
    for h, name in resolved:
        if name is None:
            # a printed field that is not ours ("Office: SND") still owns what is
            # written after it: no other label may take that as its value
            right = value_right(h, labels.by_line[h.line.index], verticals)
            if colon_end(h) or any(ch.isdigit() for w in right for ch in w.text):
                # (a number beside "Event No." is that number, colon or not)
                used |= {id(w) for w in right}
            continue
        words = value_right(h, labels.by_line[h.line.index], verticals)
        if name in DIGITLESS_NAMES:
            words = name_before_number(words)
        if name == "read_in_language":
            # "read to the parent in Portuguese by Ana Ruiz (Language Line)": the sentence
            # names the language, then the interpreter after "by"
            k = next((i for i, w in enumerate(words) if fold(w.text) in BY_WORDS), None)
            if k is not None and any(ch.isalpha() for w in words[k + 1:] for ch in w.text):
                used |= {id(w) for w in words[k:]}
                cands.append(Candidate("interpreter_name", h, words[k + 1:], "right"))
                words = words[:k]
        if name == "parent_a_number":
            tail = label_tail(words)
            used |= {id(w) for w in tail}
            words = words[len(tail):]
        if (name in PARSED_FIELDS or name in NAME_FIELDS or name == "child_names") and words \
                and (printed_label_words(words) or _another_label(words, name)):
            # "Signed n | Firmado": the rest of a bilingual caption OCR split off
            # ("Signed on / Firmado el"); "Interpreter | name/ID Interpretado por": the
            # label's other half: not a value, the label is still pending
            used |= {id(w) for w in words}
            words = []
        if words:
            used |= {id(w) for w in words}
            cands.append(Candidate(name, h, words, "right"))
        else:
            pending.append((h, name))
    return cands, used, pending


def _values_near(pending: list[tuple[LabelHit, str]], cands: list[Candidate], used: set[int],
                 labels: Labels, lines: list[Line], rulings, verticals) -> None:
    """Pass 2: labels with nothing on their right take the nearest free row of writing
    above (a caption under a fill line) or below (a label over its entry, a box cell),
    nearest first across all labels, so in a stack of labels and entries each entry
    goes to the label it sits closest to. Table headers take the column below. Adds to
    ``cands`` and ``used``."""
    offers = []
    over_entry: set[int] = set()  # words offered to a label over its entry (see below)
    # (...a label whose field already has a value is a second reading of a label, "DATE"
    # beside the "Fecha" that took the date: it stands over nothing of its own)
    valued = {c.field for c in cands if c.words}
    right_rows = {c.hit.line.index for c in cands if c.where == "right" and c.words
                  and colon_end(c.hit)}
    for k, (h, name) in enumerate(pending):
        hh = max(h.line.height, 10.0)
        same_line = labels.by_line[h.line.index]
        right = [o.bbox[0] for o in same_line if o.start >= h.end]
        x0 = h.bbox[0] - 2 * hh
        x1 = min(right) - hh if right else max(h.bbox[2], h.bbox[0] + 30 * hh)
        boxed = in_box_cell(verticals, h.bbox, hh)
        # a label ending in a colon announces what follows; captions under a line have none
        colon = h.line.words[h.end - 1].text.rstrip().endswith(":")
        if ruling_right(rulings, h.bbox, hh) and not boxed:
            offers.append((0.0, k, "right", []))  # a blank fill line
            continue
        if h.line.index in right_rows:
            # its neighbours on this row are "Label: value" pairs: so is it, left blank
            offers.append((0.0, k, "right", []))
            continue
        if name in TABLE_FIELDS and (boxed or colon or not ruling_above(rulings, h.bbox, hh)):
            col = column_below(h, lines, same_line, used, labels.header_ids)
            offers.append((0.1 if col else 99.0, k, "table", col))
            continue
        if not boxed and not colon:
            d, ws = row_near(lines, h.bbox, "above", used, 3.0 * hh, (x0, x1))
            ws = name_before_number(ws) if name in DIGITLESS_NAMES else ws
            if ws:
                # a caption sits right under its line: prefer it unless the row below is nearer
                offers.append((d * (0.8 if ruling_above(rulings, h.bbox, hh) else 1.2), k, "above", ws))
        if name in PARSED_FIELDS and not boxed and not colon and ruling_above(rulings, h.bbox, hh):
            # a date's or language's caption printed under its fill line: the value is on
            # that line (read again there if OCR found it blank) or nowhere; the row below
            # is the next field's ("Date of signature" under a blank line, the officer's
            # date written on the row under it). (Names may be listed under their
            # caption: children's names under "Child(ren)" with a rule above it.)
            continue
        d, ws = row_near(lines, h.bbox, "below", used, 3.0 * hh, (x0, x1))
        ws = name_before_number(ws) if name in DIGITLESS_NAMES else ws
        if ws:
            offers.append((d, k, "below", ws))
            if not boxed and not ruling_above(rulings, h.bbox, hh) and name not in valued:
                over_entry |= {id(w) for w in ws}
        elif fold(h.phrase) in READ_BY and not right:
            # "... read to the parent in Spanish language by" ends its line: the sentence
            # wraps, and the interpreter's name starts the next line at the left margin
            x_wrap = (h.line.bbox[0] - 2 * hh, h.bbox[0])
            d, ws = row_near(lines, h.bbox, "below", used, 3.0 * hh, x_wrap)
            if ws:
                offers.append((d + hh, k, "below", ws))
        elif boxed and not colon and ruling_above(rulings, h.bbox, hh):
            # nothing below a label in a box, but a fill line right above it: a caption
            # (one box around a block of captions is not a cell with its entry below);
            # ranked after every nearer offer
            d, ws = row_near(lines, h.bbox, "above", used, 1.5 * hh, (x0, x1))
            if ws:
                offers.append((d + 2 * hh, k, "above", ws))
    # a label with no fill line above it is no caption: it stands over its entry, so the
    # row under it is its own, not the row above the next label of the stack (that
    # label's caption-style offer of the same words ranks after every other offer)
    offers = [(d + OVER_ENTRY_RANK if where == "above" and any(id(w) in over_entry for w in ws) else d,
               k, where, ws) for d, k, where, ws in offers]
    offers.sort(key=lambda o: o[0])
    done: set[int] = set()
    for _d, k, where, ws in offers:
        if k in done or any(id(w) in used for w in ws):
            continue
        done.add(k)
        used |= {id(w) for w in ws}
        h, name = pending[k]
        fill = None
        if not ws and where == "right":
            hh = max(h.line.height, 10.0)
            nxt = [o.bbox[0] for o in labels.by_line[h.line.index] if o.start >= h.end]
            fill = fill_line_right(rulings, h.bbox, hh)
            if fill is not None and nxt:
                fill = (fill[0], min(fill[1], min(nxt) - hh), fill[2])
        cands.append(Candidate(name, h, ws, where, fill))
    for k, (h, name) in enumerate(pending):
        if k not in done:
            # a caption under a fill line that OCR found nothing on: that line is where
            # the value goes (a date in faint pencil, a word the page pass dropped)
            # (only for values a reading must parse: a date, a language)
            hh = max(h.line.height, 10.0)
            line = fill_line_above(rulings, h.bbox, hh) if name in PARSED_FIELDS else None
            cands.append(Candidate(name, h, [], "none", line))


#: added to the distance of a caption-style offer ("above") of words that a label over
#: its entry was offered as the row under it: ranked after every real offer
OVER_ENTRY_RANK = 1e6

#: the trained label-slot classifier (extractor.reader.textclf) reading the words right
#: of a parent's or child's name label as another field's label this surely ...
OTHER_LABEL_SURE = 0.98
_PEOPLE = ("parent_name", "child_names")


def _another_label(words, name: str) -> bool:
    """... makes them that label, printed beside this one on its line ("Full name of
    parent:  Parent A# / Núm. A:" with the A# label not found), not this label's value:
    the label is then pending and takes the entry under or over it. Two words at least
    (one short word, a surname such as "Ahn", reads as a label too often)."""
    if name not in _PEOPLE or len(words) < 2:
        return False
    from extractor.reader.textclf import label_slot
    slot, p = label_slot(" ".join(w.text for w in words))
    return slot not in ("none", name) and p >= OTHER_LABEL_SURE


#: words that make a date label the parent's signing date, not anyone's date
_SIGNING_WORDS = {"signed", "signature", "firmado", "firma", "assinado", "assinatura", "hoy",
                  "today", "hoje", "signing"}


def _bracket_names_another(hit: LabelHit) -> bool:
    """The words right after the label are a bracket (three words at most) that, read
    with the label, make it another person's field (extractor.forms.roles)."""
    words = hit.line.words
    if hit.end >= len(words) or not words[hit.end].text.startswith("("):
        return False
    inside = []
    for w in words[hit.end:hit.end + 3]:
        inside.append(w.text)
        if w.text.rstrip(",.:;").endswith(")"):
            break
    else:
        return False
    from extractor.forms.roles import label_field
    return label_field(hit.text + " " + " ".join(inside)) == ""


def _generic_date(hit: LabelHit) -> bool:
    texts = [hit.text, hit.phrase] + list(hit.extra.get("phrases", []))
    return not any(t in _SIGNING_WORDS for x in texts for t in fold(x).split())
