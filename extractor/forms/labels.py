"""The printed labels of a form, found by their words: which phrase is a label, how far
it runs, and which field it names.

The lexicon's phrases (extractor.lexicon.FIELD_LABELS) are matched fuzzily on the OCR
lines; phrases the lexicon does not know come from extractor.forms.unlisted_labels.
A phrase is a label only where a label stands (before a colon or a fill line, at the
start of a short segment, as a caption): the same words in running text, a title set
in large type, a remark in brackets or a sentence about the children are not.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractor import lexicon
from extractor.layout import LabelHit, Line, find_phrases, fold, is_filler
from extractor.model import Page, Word
from extractor.forms.roles import label_field
from extractor.forms.label_stubs import reread_stubs
from extractor.forms.languages import option_text_ids
from extractor.forms.sections import Section, field_of, find_sections
from extractor.forms.unlisted_labels import (caption_labels, caption_row_headers, colon_labels,
                                             learned_labels)
from extractor.forms.vocabulary import LABEL_WORDS, READ_BY, READ_IN, is_sentence

#: labels for person fields the lexicon misses, read by the trained label classifier
#: (extractor.forms.unlisted_labels; chosen on validation forms)
LEARNED_LABELS = True


def _label_lexicon() -> dict[str, list[str]]:
    lex = dict(lexicon.FIELD_LABELS)
    # labels on a form that also run through case-comment prose ("waiver witnessed by
    # SDDO ..."): here, not in the lexicon the page classifier counts form labels with
    lex["interpreter_name"] = lex["interpreter_name"] + ["language by"]
    lex["witness_name"] = lex["witness_name"] + ["witnessed by", "en presencia de"]
    # the one-word captions ("Child(ren) / Hijo(s):"): on a form only (comment prose names
    # children too); running text is told apart by looks_like_label
    lex["child_names"] = lex["child_names"] + ["child(ren)", "children", "hijo(s)", "filho(s)",
                                               "enfant(s)"]
    lex["_generic_name"] = lexicon.GENERIC_LABELS["name"]
    lex["_stop"] = ["signature", "firma", "office", "country", "pais", "date of birth",
                    "fecha de nacimiento", "relationship", "page", "signature of parent",
                    "officer signature", "firma del oficial", "supervisor signature",
                    "signature of officer", "phone", "telephone", "telefono", "event no",
                    "event number", "case no", "case number", "numero de caso", "served on", "date served",
                    "notificado el"]
    return lex


_LEX = _label_lexicon()


def looks_like_label(hit: LabelHit, label_word_ids: set[int] = frozenset()) -> bool:
    """A printed label ends with a colon, is followed by a fill line, or stands at the
    start of its own short segment (table headers, labels under a ruling). The same
    words inside running text ("... with my child(ren) before ...") are not labels."""
    words = hit.line.words
    if len(fold(hit.phrase).split()) >= 4 and hit.score >= 90:
        return True  # a long phrase ("read to the parent in") is a label wherever it stands
    if fold(hit.phrase) in READ_IN and hit.score >= 85:
        return True  # "... read to the parent in ___ language by ___": the sentence is the form
    last = words[hit.end - 1].text
    if last.rstrip().endswith(":") or (last.rstrip().endswith(";") and hit.end - hit.start <= 6):
        return True
    if hit.end < len(words):
        nxt = words[hit.end].text
        if nxt.startswith(":") or set(nxt) <= set("_-.=~|"):
            return True
    # the printed label's own height: large writing on the line must not stretch the gaps
    own = sorted(w.height for w in words[hit.start:hit.end])
    h = max(min(hit.line.height, own[len(own) // 2]), 8.0)
    prev_gap = (words[hit.start].bbox[0] - words[hit.start - 1].bbox[2]) if hit.start else 1e9
    # "... read to the parent in ___ language by ___": that label follows the language
    sentence_label = fold(hit.phrase) in READ_BY
    if prev_gap < 1.5 * h and not words[hit.start - 1].text.endswith(("/", "|")) and not sentence_label:
        if not (hit.start and words[hit.start - 1].text in ("/", "|")) \
                and not _abbreviation_of_same_field(words[hit.start - 1], hit):
            return False
    if hit.key == "child_names" and hit.start == 0 and hit.score >= 90 \
            and len(fold(hit.phrase).split()) >= 2 and words[hit.start].text[:1].isupper():
        return True  # "Child name  Ana Ruiz; Luis Ruiz": a list of names follows its label
    # rest of the segment: a label is followed by a gap or by little text
    rest = []
    for a, b in zip(words[hit.end - 1:], words[hit.end:]):
        if b.bbox[0] - a.bbox[2] > 2.5 * h or b.height > 1.4 * h:
            break  # a gap, or writing larger than the print: the value begins
        if id(b) not in label_word_ids and b.text not in ("/", "|"):
            rest.append(b)
    if len(rest) <= 2:
        return True
    if hit.end - hit.start >= 2 and all(_NUMBER_GROUP.fullmatch(w.text) for w in rest):
        # "Alien No. 235 568 070": a number written in groups follows a label (a bare
        # "A#" inside a table row may be the column's, so it takes no such licence)
        return True
    # a person's name of three or four words follows a label, not a sentence
    caps = sum(w.text[:1].isupper() for w in rest)
    return len(rest) <= 4 and caps >= len(rest) - 1 and not is_sentence(rest) \
        and (words[hit.start].text[:1].isupper() or sentence_label)


_NUMBER_GROUP = re.compile(r"[A#]?[\d\-/.,]*\d[\d\-/.,]*")


def _abbreviation_of_same_field(prev: Word, hit: LabelHit) -> bool:
    """"A# / No. de extranjero" read as "AF No. de extranjero": a short capitals
    token (a misread abbreviation, its slash lost) before a label, naming the same
    field together with it, starts that label rather than a sentence."""
    t = prev.text.strip(":;")
    if not (1 <= len(t) <= 3) or any(ch.islower() for ch in t) or not t[0].isalpha():
        return False
    own = label_field(hit.text)
    return own is not None and own != "" and label_field(f"{prev.text} {hit.text}") == own


#: words that make a phrase about the children a sentence or a heading, never the
#: children's caption: a possessive ("my child(ren)") or a preposition
#: ("ELECTION REGARDING REUNIFICATION WITH CHILD(REN)", "sin mi(s) hijo(s)")
_ABOUT_CHILDREN = {"my", "mi", "mis", "meu", "meus", "mon", "mes", "our", "nuestros", "his", "her",
                   "sus", "with", "without", "con", "sin", "com", "sem", "avec", "sans"}


def _is_title(hit: LabelHit, page: Page) -> bool:
    """A heading in larger type ("Parent's Decision Regarding Minor Child(ren)") names
    the form, not a field, even when its words are a label's."""
    if colon_end(hit) or not page.words or hit.end - hit.start < 2:
        return False
    words = hit.line.words
    alone = not any(w.text.endswith((":", ";")) for w in words)  # a heading has no value
    left = min(w.bbox[0] for w in page.words)
    right = max(w.bbox[2] for w in page.words)
    x0, x1 = words[0].bbox[0], words[-1].bbox[2]
    centred = abs((x0 + x1) / 2 - (left + right) / 2) < 0.06 * (right - left) \
        and x0 - left > 0.12 * (right - left)
    if alone and centred:
        return True  # a line without a label's colon, in the middle of the page
    # brackets reach above and below the letters: left out of the heights
    plain = lambda ws: sorted(w.height for w in ws if not set(w.text) & set("()[]{}"))  # noqa: E731
    hs, own = plain(page.words), plain(words[hit.start:hit.end])
    # a heading has nothing beside it, or is set in capitals
    whole_line = hit.start == 0 and hit.end == len(words) \
        or all(w.text.isupper() for w in words[hit.start:hit.end])
    return whole_line and len(own) >= 2 and bool(hs) and own[(len(own) - 1) // 2] > 1.5 * hs[3 * len(hs) // 4]


def _bracketed_remark(hit: LabelHit) -> bool:
    words = hit.line.words
    first = words[hit.start].text if hit.start < len(words) else ""
    if hit.start == 0 or not first.startswith("(") or sum(c.isalpha() for c in first) < 4:
        return False  # ("File No. (A#)": a label's own bracket)
    prev = words[hit.start - 1]
    h = max(hit.line.height, 8.0)
    return not prev.text.endswith((":", "/", "|")) and words[hit.start].bbox[0] - prev.bbox[2] < 1.5 * h


def _grow_label(hit: LabelHit, taken: set[int]) -> None:
    """Grow a matched phrase to the whole printed label it belongs to: left over the
    words of the same phrase, right to its colon, or to the end of a short caption
    ("Nombre del funcionario" under a ruling)."""
    words = hit.line.words
    h = max(hit.line.height, 8.0)
    close = lambda a, b: b.bbox[0] - a.bbox[2] <= 1.3 * h  # noqa: E731
    grown = 0
    # "... in ___ language by": the word before that label is the language, not the label's
    start = hit.start
    phrase_h = max(w.height for w in words[hit.start:hit.end])
    # words after another label's colon on this line are that label's value ("Name:
    # Rosa Pérez  A#: ..."), never the start of this label
    after_colon = any(w.text.endswith(":") for w in words[:hit.start])
    while hit.start > 0 and grown < 5 and fold(hit.phrase) not in READ_BY and not after_colon:
        prev = words[hit.start - 1]
        sentence_end = prev.text.endswith((",", ";")) or (prev.text.endswith(".") and len(prev.text) > 4) \
            or fold(prev.text) in ("by", "por", "in", "en")  # "... by Andrés Muñoz (Language Line)"
        if prev.text.endswith(":") or sentence_end or id(prev) in taken \
                or not close(prev, words[hit.start]) or prev.height > 1.25 * phrase_h:
            break  # the end of a sentence or of another label; taller words are writing
        grown += 1
        if prev.conf < 0.5 or is_filler(prev.text) and prev.text not in ("/", "|") \
                or any(ch.isdigit() for ch in prev.text):
            break  # a number (a date, an A-number) is a value, never part of a label
        hit.start -= 1
    if words[start].text.startswith("(") and hit.start > 0 and hit.start < start \
            and words[hit.start - 1].text.endswith(":"):
        # "Interpreter: Marta Solís (Language Line)": the words grown over are another
        # label's value, and the bracket a remark on them, not the end of a label
        hit.start = start
    if words[hit.end - 1].text.endswith(":"):
        return
    j = hit.end
    label_h = max(w.height for w in words[hit.start:hit.end])
    while j < len(words) and j - hit.end < 6 and close(words[j - 1], words[j]) \
            and id(words[j]) not in taken:
        if words[j].text.endswith((":", ";")) and len(words[j].text) > 1:
            hit.end = j + 1  # OCR often reads a label's colon as a semicolon
            return
        if words[j].height > 1.25 * label_h:
            break  # bigger than the printed label: the writing has begun
        j += 1
    # a caption: the phrase runs to a wide gap (or the line's end) and nothing written follows
    # (not "language by" nor "read to the parent in": in that sentence the interpreter's
    # name and the language follow them)
    if j - hit.end <= 4 and fold(hit.phrase) not in READ_BY | READ_IN and (j == len(words) or words[j].bbox[0] - words[j - 1].bbox[2] > 3 * h):
        if all(words[k].conf >= 0.6 and not is_filler(words[k].text)
               and not any(ch.isdigit() for ch in words[k].text)  # a number is a value
               and not words[k - 1].text.endswith((".", ";", ":")) for k in range(hit.end, j)):
            if j == len(words) or id(words[j]) in taken:
                hit.end = j


def _merge_overlapping(hits: list[LabelHit]) -> list[LabelHit]:
    hits = sorted(hits, key=lambda h: (h.line.index, h.start, -h.end))
    out: list[LabelHit] = []
    for h in hits:
        last = out[-1] if out else None
        between = h.line.words[last.end:h.start] if last is not None and last.line is h.line else None
        bilingual = False
        if between is not None and h.start >= last.end:
            hh = max(h.line.height, 8.0)
            gap = h.line.words[h.start].bbox[0] - h.line.words[last.end - 1].bbox[2]
            bilingual = ((bool(between) and all(w.text in ("/", "|", "-") for w in between)
                          and gap < 4 * hh) or (not between and gap < 2.0 * hh
                                                and not colon_end(last))) \
                and fold(last.phrase) not in READ_BY  # its value follows it
        if last is not None and last.line is h.line and (h.start < last.end or bilingual):
            last.end = max(last.end, h.end)
            last.extra.setdefault("phrases", []).append(h.phrase)
            if last.key in ("_generic_name", "_stop") and h.key not in ("_generic_name", "_stop"):
                last.key = h.key
            continue
        out.append(h)
    return out


def colon_end(hit: LabelHit) -> bool:
    return hit.line.words[hit.end - 1].text.rstrip().endswith(":")


def form_words(page: Page) -> list[Word]:
    """The page's words, plus set-aside low-confidence words that are label vocabulary
    ('Guardian', 'Name:'): a label read at low confidence is still a label."""
    extra = [w for w in getattr(page, "dropped", ()) if fold(w.text) in LABEL_WORDS]
    return reread_stubs(page, LABEL_WORDS) + extra


@dataclass
class Labels:
    """A form page's labels and the words that can be no field's value."""
    hits: list[LabelHit]
    sections: list[Section]
    #: words of section headers, titles and the printed options: never a value
    header_ids: set[int]
    #: words of the labels themselves
    label_word_ids: set[int]
    #: the labels of each line (by Line.index), in reading order
    by_line: dict[int, list[LabelHit]]


def find_labels(page: Page, lines: list[Line], rulings) -> Labels:
    """Every label of the page: the lexicon's phrases, colon labels and captions, grown
    to the whole printed label, merged where two read as one (a bilingual label), and
    only where a label stands; then, for person fields no label names, the trained
    label reader's."""
    lex_hits = find_phrases(lines, _LEX)
    # a "heading" printed on a row of captions beside another label is that field's caption
    # (a heading under a fill line is NOT taken for a caption: forms rule a line above
    # their sections' headings; tried, and the dev check fell from 0.936 to 0.916)
    sections = caption_row_headers(find_sections(lines), lines, lex_hits)
    header_ids = {id(w) for sec in sections for w in sec.words} | option_text_ids(page)
    hits = [h for h in lex_hits
            if not any(id(w) in header_ids for w in h.line.words[h.start:h.end])]
    taken = {id(w) for h in hits for w in h.line.words[h.start:h.end]}
    hits += colon_labels(lines, taken | header_ids)
    taken = {id(w) for h in hits for w in h.line.words[h.start:h.end]}
    hits += caption_labels(lines, taken | header_ids, rulings)
    # a phrase that opens a bracket right after other words is a remark on them, not a
    # label ("by Ana Ruiz (Language Line)")
    hits = [h for h in hits if not _bracketed_remark(h)]
    taken = {id(w) for h in hits for w in h.line.words[h.start:h.end]}
    for h in hits:
        _grow_label(h, taken - {id(w) for w in h.line.words[h.start:h.end]})
    hits = _merge_overlapping(hits)
    # "my child(ren)", "WITH CHILD(REN)": a sentence or heading about the children, never a label
    hits = [h for h in hits if not (h.key == "child_names" and _ABOUT_CHILDREN & set(fold(h.text).split()))]
    label_word_ids = {id(w) for h in hits for w in h.line.words[h.start:h.end]}
    hits = [h for h in hits if h.key == "_stop" or looks_like_label(h, label_word_ids)]
    titles = [h for h in hits if _is_title(h, page)]
    header_ids |= {id(w) for h in titles for w in h.line.words[h.start:h.end]}
    hits = [h for h in hits if h not in titles]
    if LEARNED_LABELS:  # person fields no lexicon label names: the trained label reader
        have = {field_of(h, sections, page) for h in hits}
        taken = {id(w) for h in hits + titles for w in h.line.words[h.start:h.end]}
        hits += learned_labels(lines, taken | header_ids, have)
    label_word_ids = {id(w) for h in hits for w in h.line.words[h.start:h.end]}
    by_line: dict[int, list[LabelHit]] = {}
    for h in hits:
        by_line.setdefault(h.line.index, []).append(h)
    return Labels(hits, sections, header_ids, label_word_ids, by_line)
