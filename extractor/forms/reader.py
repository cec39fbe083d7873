"""The form reader's one pass over a waiver form: the steps of the other modules of
extractor.forms in their order, and what is decided only once every field has been read.

No template coordinates: labels are found by their words (extractor.forms.labels), a
field's value is the handwriting or typing right of its printed label, above a caption,
below a label or in a table's column (extractor.forms.linking), read by its kind
(extractor.forms.values) and checked against the ink where it read blank
(extractor.forms.blanks). Of several labels of one field the best value wins (``_best``);
the A-number and the read-in sentence have fallbacks for forms whose label was not read.
"""
from __future__ import annotations

import dataclasses
from typing import Optional

from extractor import lexicon
from extractor.forms import names_reread
from extractor.forms.languages import option_languages, page_languages
from extractor.layout import Line, build_lines, find_phrases, fold, mean_conf, union
from extractor.layout import rulings as find_rulings
from extractor.model import FORM_FIELDS, Field, Page, Record, Word
from extractor.normalize import find_a_numbers, language_code, normalize_a_number
from extractor.forms.read_in import read_sentence
from extractor.forms.dropped_rows import recover_words
from extractor.reader.field_confidence import calibrate_record
from extractor.reread import glyph_a_number
from extractor.forms.blanks import faint_writing, marks_unread, read_blank_line, unseen_writing
from extractor.forms.candidates import TABLE_FIELDS, Candidate, x_limits
from extractor.forms.children import children_section_rows
from extractor.forms.labels import find_labels, form_words
from extractor.forms.linking import link_values
from extractor.forms.person_names import (ACCENTED_NAME_FIELDS, NAME_FIELDS, finished_name,
                                          not_a_name, split_children)
from extractor.forms.sections import segments
from extractor.forms.values import make_field
from extractor.forms.vocabulary import text_of

#: preference among the labels of the signing date (earlier = better)
DATE_LABEL_RANK = ["date signed", "signed on", "firmado el", "fecha de firma", "assinado em",
                   "date of signature", "fecha de hoy", "today's date", "data de hoje"]


def pick_form_page(pages: list[Page]) -> Page:
    if len(pages) == 1:  # nearly every form: nothing to choose
        return pages[0]

    def score(p: Page) -> int:
        lines = build_lines(p.words)
        hits = find_phrases(lines, {k: v for k, v in lexicon.FIELD_LABELS.items()})
        return len({h.key for h in hits})
    return max(pages, key=score)


def form_languages(page: Page) -> tuple[list[str], float, list[Word]]:
    """The page's printed languages (labels and options): the date convention. The
    contract's form_languages are the options' (extractor.forms.languages.option_languages)."""
    langs, conf = page_languages(page)
    return langs, conf, []


def extract_form(pages: list[Page]) -> Record:
    """The form's fields (extractor.model.FORM_FIELDS) from its pages' OCR and images:
    labels found, values linked to them and read by their kind, then the election and
    the signatures from their marks."""
    page = pick_form_page(pages)
    # rows the page OCR dropped (label and value both) read again; kept to this
    # extraction: the page's own OCR output is not changed
    page = dataclasses.replace(page, words=page.words + recover_words(page))
    lines = build_lines(form_words(page))
    rulings, verticals = find_rulings(page.image)
    labels = find_labels(page, lines, rulings)
    sections, header_ids, label_word_ids, by_line = (labels.sections, labels.header_ids,
                                                     labels.label_word_ids, labels.by_line)
    langs, _lang_conf, _ = form_languages(page)
    day_first = bool(langs) and "eng" not in langs
    cands, used = link_values(labels, lines, page, rulings, verticals)
    if not any(c.field == "child_names" and c.words for c in cands):
        # (rows another label already took, an officer's name under a caption, are not children)
        taken_values = {id(w) for c in cands if c.field not in TABLE_FIELDS for w in c.words}
        return_fields = children_section_rows(sections, lines, label_word_ids | taken_values,
                                              header_ids, page)
        if return_fields:
            cands = [c for c in cands if c.field not in TABLE_FIELDS]
    else:
        return_fields = {}

    fields: dict[str, Optional[Field]] = {k: None for k in FORM_FIELDS}
    fields.update(return_fields)
    for name in ("parent_name", "parent_a_number", "child_names", "child_a_numbers",
                 "date_signed", "read_in_language", "interpreter_name", "official_name",
                 "witness_name", "supervisor_name"):
        if name in return_fields:
            continue
        made = [(c, make_field(name, c.words, c.hit, page, day_first, c.where,
                               x_limits(c, by_line)))
                for c in cands if c.field == name]
        made = [(c, read_blank_line(name, c, f, page, day_first)) for c, f in made]
        made = [(c, faint_writing(c, f, page, by_line)) for c, f in made]
        made = [(c, unseen_writing(c.hit, c.where, f, page, by_line)) for c, f in made]
        made = [(c, marks_unread(c, f)) for c, f in made]
        made = [(c, f) for c, f in made if f is not None]
        if made:
            fields[name] = _best(name, made)
            if name in NAME_FIELDS:  # fragments joined; a doubtful name read again from its crop
                fields[name] = names_reread.improve_best(
                    name, fields[name], made, page, lambda c: x_limits(c, by_line),
                    name in ACCENTED_NAME_FIELDS, lambda v, n=name: not_a_name(v, n))
            elif name == "child_names":  # a doubtful line of names read by the hand model
                fields[name] = names_reread.improve_children(
                    fields[name], page, split_children, lambda v: not_a_name(v, name))
    for name in (*NAME_FIELDS, "child_names"):
        fields[name] = finished_name(name, fields[name])
    if fields["parent_a_number"] is None:
        fields["parent_a_number"] = _unlabelled_a_number(lines, used, cands, page)
    if not _has_value(fields["interpreter_name"]) or not _has_value(fields["read_in_language"]):
        # "... read to the parent in Mam by Ana Ruiz" in a wording no label matched
        lang, person = read_sentence(lines, header_ids,
                                     lambda v: not not_a_name(v, "interpreter_name")
                                     and language_code(v, fuzzy=False) is None)
        for name, f in (("read_in_language", lang), ("interpreter_name", person)):
            if f is not None and not _has_value(fields[name]):
                f.page = page.number
                fields[name] = f

    opt_langs, opt_conf, how = option_languages(page)
    if opt_langs:
        fields["form_languages"] = Field(value=opt_langs, confidence=opt_conf, page=page.number,
                                         evidence="printed options' language", provenance=how)
    _merge_marks(fields, pages)
    # confidences as validation forms measured them (a map may only lower them)
    record = calibrate_record(Record(kind="waiver_form", index=0, fields=fields))
    not_located(record.fields, page.number)
    return record


#: what every waiver form carries (issue 12: the June 2018 removal form, the July 2018
#: notice and election form and their variants): the parent's name and A-number, the
#: children, the options, the parent's signature and its date, the officer's name
CARRIED_FIELDS = ("parent_name", "parent_a_number", "child_names", "election",
                  "parent_signed", "date_signed", "official_name")


def not_located(fields: dict[str, Optional[Field]], page_number: int) -> None:
    """A field every waiver form carries whose label, line or options were not found at
    all: the reader missed its place on the page (an unfamiliar wording, a label OCR
    garbled), which says nothing of whether it was filled in. It is kept as a field
    with no reading and no confidence (present unknown), not left out as if the form
    were blank there."""
    for name in CARRIED_FIELDS:
        if fields.get(name) is None:
            fields[name] = Field(value=None, confidence=0.0, page=page_number,
                                 evidence=None, provenance="not located", present=None,
                                 raw_confidence=0.0)


def _has_value(f: Optional[Field]) -> bool:
    return f is not None and f.value not in (None, "", [])


def _unlabelled_a_number(lines: list[Line], used: set[int], cands: list[Candidate],
                         page: Page) -> Optional[Field]:
    """The parent's A-number when no label for it was read: OCR often garbles a short
    handwritten-looking label ("A#" read as "AH", or run into the number as
    "At#148372519") or drops it, but nine digits written in the parent's block are
    still an A-number. Taken only when exactly one such number stands, free of any
    other label's value, above the first label about children (their numbers live
    below it; without one, in the top half of the page), and only from digits as
    written (no OCR letter-for-digit fixes); its confidence stays below a labelled
    reading's, and the glyph recogniser's agreement or disagreement moves it."""
    below = [c.hit.bbox[1] for c in cands
             if c.field in ("child_names", "child_a_numbers")]
    limit = min(below) if below else page.height / 2
    found = []
    for line in lines:
        if line.bbox[1] >= limit:
            break
        free = [w for w in line.words if id(w) not in used]
        for seg in segments(Line(free)) if free else ():
            text = text_of(seg)
            nums = find_a_numbers(text)
            strict = normalize_a_number(text, strict=True)
            if len(nums) == 1 and strict == nums[0]:
                found.append((nums[0], seg))
    if len(found) != 1:
        return None
    value, words = found[0]
    words = [w for w in words if any(ch.isdigit() for ch in w.text)]
    bbox = union(w.bbox for w in words)
    conf = min(0.6, mean_conf(words))
    glyphs = glyph_a_number(page, bbox, max(bbox[3] - bbox[1], 10.0))
    if glyphs is not None and glyphs.text == value:
        conf = max(conf, 0.8)  # the glyph recogniser reads the same number
    elif glyphs is not None and glyphs.confidence >= 0.3:
        conf = min(conf, 0.4)  # two readers disagree: a reviewer decides
    return Field(value=value, confidence=conf, page=page.number, bbox=bbox,
                 evidence=text_of(words), provenance="pattern:unlabelled A-number", present=True)


def _best(name: str, made: list[tuple[Candidate, Field]]) -> Field:
    def rank(item):
        c, f = item
        has_value = f.value not in (None, [], "")
        label_rank = 99
        if name == "date_signed":
            p = fold(c.hit.phrase)
            ps = [p] + [fold(x) for x in c.hit.extra.get("phrases", [])]
            label_rank = min(next((i for i, r in enumerate(DATE_LABEL_RANK) if fold(r) == q), 50)
                             for q in ps)
        return (not has_value, label_rank, -len(fold(c.hit.phrase)), -f.confidence)
    if name == "date_signed":
        # a label that names the signing ("Fecha de firma", "Signed on") is the parent's
        # date: a bare "Date"/"Fecha" on another line (the officer's, "Served on ...
        # Fecha") does not stand in for it, even when the signing date is blank or unread
        # (on the same line it is the other half of a bilingual label: "Date ___ Firmado el")
        rows = {m[0].hit.line.index for m in made if rank(m)[1] < 50}
        if rows:
            made = [m for m in made if rank(m)[1] < 50 or m[0].hit.line.index in rows]
    return sorted(made, key=rank)[0][1]


def _merge_marks(fields: dict[str, Optional[Field]], pages: list[Page]) -> None:
    """Election (option boxes) and signatures (ink on signature lines)."""
    try:
        from extractor.forms.election import read_election
        fields["election"] = read_election(pages)
    except ImportError:
        pass
    try:
        from extractor.forms.signatures import read_signatures
        for k, v in read_signatures(pages).items():
            fields[k] = v
    except ImportError:
        pass
