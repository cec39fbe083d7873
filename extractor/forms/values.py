"""A field's value from the words its label was linked to: a name, an A-number, the
children, a date, a language, each checked the way its kind can be.

The page's OCR is the first reader. Where it makes no sense of handwriting (no date,
no A-number, no language) the crop is read again (Tesseract on the crop alone, the
project's handwriting model, the glyph recogniser), and what only a second reader made
sense of is taken at a confidence below the rubric's pass cut: a misread value looks as
valid as a right one, so it goes to a reviewer, never passes alone.
"""
from __future__ import annotations

from typing import Any, Callable, Optional

from extractor import hand_ocr
from extractor.layout import LabelHit, fold, mean_conf, union
from extractor.model import BBox, Field, Page, Word
from extractor.names import restore_accents
from extractor.normalize import (clean_name, find_a_numbers, language_code, normalize_a_number,
                                 parse_date)
from extractor.reread import A_NUMBER_CHARS, glyph_a_number, glyph_a_numbers, glyph_date_text, reread
from extractor.forms.roles import names_a_child
from extractor.forms.person_names import (ACCENTED_NAME_FIELDS, is_instruction, is_numeric,
                                          NAME_FIELDS, name_words, not_a_name, OFFICER_TITLES,
                                          split_children)
from extractor.forms.vocabulary import is_label_text, is_sentence, SEPARATORS, text_of

#: confidence of a date only a second reader (crop re-read, hand model) made sense of:
#: below the rubric's pass cut
SECOND_READ_DATE_CONF = 0.55


def _list_text(words: list[Word]) -> str:
    """Text of a list value with its separators: written ones, and wide gaps."""
    parts: list[str] = []
    prev = None
    for w in words:
        if prev is not None and w.bbox[0] - prev.bbox[2] > 2.2 * max(prev.height, w.height, 1):
            parts.append(";")
        if w.text in SEPARATORS:
            parts.append(";")
        elif sum(ch.isalnum() for ch in w.text) and w.conf >= 0.1:
            parts.append(w.text)
        prev = w
    return " ".join(parts)


#: fields whose reading must parse to be taken (a date, a language code)
PARSED_FIELDS = ("date_signed", "read_in_language")


def language_of(text: str) -> Optional[str]:
    lc = language_code(text)
    return lc[0] if lc else None


def date_of(text: str, day_first: bool) -> Optional[str]:
    d = parse_date(text, day_first=day_first)
    return d.iso if d is not None and _in_waiver_years(d.iso) else None


def read_again(page: Page, bbox: BBox, parse: Callable[[str], Any]) -> tuple[Any, str, float, str]:
    """A value the page reading could not make sense of, read again from its crop: by
    eng+spa, then by the project's handwriting model (extractor.hand_ocr), until
    ``parse`` makes something of the text. Returns (parsed, text, confidence, how) for
    the reading taken, or (None, '', 0.0, '') when neither makes sense."""
    for how, read in (("re-read", lambda: reread(page, bbox, lang="eng+spa")),
                      ("hand model", lambda: hand_ocr.read(page.image, bbox))):
        text, conf = read()
        parsed = parse(text)
        if parsed is not None:
            return parsed, text, conf, how
    return None, "", 0.0, ""


def make_field(name: str, words: list[Word], hit: LabelHit, page: Page, day_first: bool,
               where: str, limits: tuple[float, float] = (0.0, 1e9)) -> Optional[Field]:
    label_box = hit.bbox
    evidence = text_of(words)
    meaningful = [w for w in words if sum(ch.isalnum() for ch in w.text) >= 1 and w.conf >= 0.1]
    present = sum(sum(ch.isalnum() for ch in w.text) for w in meaningful) >= 2
    bbox = union(w.bbox for w in words) if words else label_box
    conf = mean_conf(meaningful) if meaningful else 0.9
    prov = f"label:{hit.text}"
    base = dict(page=page.number, bbox=bbox, evidence=evidence or hit.text,
                provenance=prov + (f" ({where})" if where != "right" else ""))
    if name in NAME_FIELDS:
        if not present:
            return Field(value=None, confidence=0.85, present=False, **base)
        meaningful = name_words(meaningful)
        if not meaningful:
            return Field(value=None, confidence=0.3, present=None, **base)
        base["bbox"] = union(w.bbox for w in meaningful)
        value = clean_name(text_of(meaningful))
        if not_a_name(value, name, meaningful):
            # printed words where the name goes: whether one was written is not known
            return Field(value=None, confidence=0.3, present=None, **base)
        if name in ACCENTED_NAME_FIELDS:
            value = restore_accents(value)
        return Field(value=value, confidence=conf, present=True, **base)
    if name == "parent_a_number":
        if not present:
            return Field(value=None, confidence=0.85, present=False, **base)
        if len(find_a_numbers(evidence)) >= 2 or names_a_child(evidence):
            # a list of A-numbers, or the label running on about a child ("... del menor
            # A 273-260-659, A 278-751-172"): the children's numbers, not the parent's
            return Field(value=None, confidence=0.3, present=None, **base)
        a = normalize_a_number(evidence)
        strict = normalize_a_number(evidence, strict=True)
        c = conf if a and a == strict else conf * 0.7
        hh = max(hit.line.height, 10.0)
        glyphs = glyph_a_number(page, bbox, hh, limits)
        if a is None or c < 0.9:
            # handwriting: read the crop again as one line of A-number characters
            text, rconf = reread(page, bbox, A_NUMBER_CHARS)
            again = normalize_a_number(text)
            if again:
                if again == a:
                    c = max(c, 0.9)
                else:
                    base["evidence"] = text
                    base["provenance"] += " (re-read)"
                    a, c = again, min(max(rconf, 0.5), 0.85) if a is None else 0.55
            if glyphs is not None:
                a, c = vote_a_number(a, c, again, glyphs, base)
        elif glyphs is not None and glyphs.text == a:
            c = max(c, 0.95)  # two independent readers agree
        # marks that do not read as an A-number may be one or may be noise: a reviewer decides
        return Field(value=a, confidence=c if a else 0.3, present=True if a else None, **base)
    if name == "child_a_numbers":
        nums = find_a_numbers(evidence)
        hh = max(hit.line.height, 10.0)
        one_line = bool(words) and bbox[3] - bbox[1] < 2.2 * max(w.height for w in words)
        if not nums and present and one_line and any(ch.isdigit() for ch in evidence):
            # handwriting Tesseract could not read: the glyph recogniser's numbers,
            # at their own (capped) confidence
            got = glyph_a_numbers(page, bbox, hh, limits)
            if got:
                base.update(evidence=f"{evidence} [glyphs: {', '.join(g.text for g in got)}]",
                            provenance=base["provenance"] + " (glyphs)")
                return Field(value=[g.text for g in got], present=True,
                             confidence=min(0.85, 0.9 * min(g.confidence for g in got)), **base)
        return Field(value=nums, confidence=conf if nums else 0.8, present=bool(nums) or None if present else False, **base)
    if name == "child_names":
        names = split_children(_list_text(words)) if present else []
        # the rest of a bilingual caption ("Child(ren) Name(s) | Hijo(s)") is no name
        names = [n for n in names if not is_label_text(n) and not OFFICER_TITLES & set(fold(n).split())]
        if present and not names:
            # writing there, but no name read from it: filled in or not is not known
            return Field(value=[], confidence=0.3, present=None, **base)
        if any(is_instruction(n) or is_numeric(n) for n in names):
            # printed instructions, or numbers (an A-number in the names' column), where
            # the names go: not names; if nothing else is there, filled in or not?
            names = [n for n in names if not is_instruction(n) and not is_numeric(n)]
            if not names:
                return Field(value=[], confidence=0.3, present=None, **base)
        return Field(value=names, confidence=conf if names else 0.85, present=present, **base)
    if name == "date_signed":
        if not present:
            return Field(value=None, confidence=0.85, present=False, **base)
        d = parse_date(evidence, day_first=day_first)
        if d is None or not _in_waiver_years(d.iso):
            def plausible_date(text: str):
                again = parse_date(text, day_first=day_first)
                return again if again is not None and _in_waiver_years(again.iso) else None
            again, _, _, how = read_again(page, bbox, plausible_date)
            if again is not None:
                # a second reader's date where the page reading made no date of the
                # writing: a misread impossible date ('6/31' read '1.11') looks as valid
                # as a right one, so it is a value for a reviewer, never a pass alone
                d = again
                base["provenance"] += f" ({how})"
                conf = min(conf, SECOND_READ_DATE_CONF)
        if d is None or not _in_waiver_years(d.iso) or conf < 0.95:
            # handwriting: the glyph recogniser confirms, supplies or doubts the date
            hh = max(hit.line.height, 10.0)
            value, c2, ev = vote_date(d.iso if d is not None and _in_waiver_years(d.iso) else None,
                                      conf, page, bbox, hh, day_first, evidence, limits)
            if value is not None and (d is None or value != d.iso):
                base.update(evidence=ev, provenance=base["provenance"] + " (glyphs)")
                return Field(value=value, confidence=c2, present=True, **base)
            if d is not None:
                conf = c2
        if d is None:
            return Field(value=None, confidence=0.3, present=True, **base)
        c = conf * (0.8 if d.ambiguous else 1.0)
        base["evidence"] = d.evidence
        return Field(value=d.iso, confidence=c, present=True, **base)
    if name == "read_in_language":
        if not present:
            return Field(value=None, confidence=0.85, present=False, **base)
        lc = language_code(evidence)
        if lc is None and words:
            # handwriting the page pass garbled ("Mom", "2 ami"): the crop read again as
            # one line; only a language name it makes sense of is taken, and as doubtful
            again, text, rconf, how = read_again(page, bbox, language_code)
            if again is not None:
                base.update(evidence=text, provenance=base["provenance"] + f" ({how})")
                return Field(value=again[0], confidence=min(0.7, again[1], max(rconf, 0.3)),
                             present=True, **base)
        if lc is None:
            # printed running text where the language goes (the rest of an instruction
            # sentence) says nothing about whether a language was written
            return Field(value=None, confidence=0.3,
                         present=None if is_sentence(words) else True, **base)
        return Field(value=lc[0], confidence=min(conf, lc[1]) if conf else lc[1], present=True, **base)
    return None


def vote_a_number(a, c: float, again, glyphs, base: dict) -> tuple:
    """Tesseract's doubtful reading(s) against the glyph recogniser's: agreement makes
    a confident value; the glyph reading alone is taken at its own (capped) confidence,
    since on handwriting it is the better reader; a weak glyph reading stays doubtful."""
    if glyphs.text in (a, again):
        return glyphs.text, max(c, 0.9)
    if glyphs.confidence < 0.3 and (a or again):
        return a or again, min(c, 0.5)  # two doubtful readers that disagree
    base["provenance"] += " (glyphs)"
    base["evidence"] = f"{base['evidence']} [glyphs: {glyphs.text}]"
    return glyphs.text, min(0.85, glyphs.confidence * 0.9)


def vote_date(value: Optional[str], conf: float, page: Page, bbox, hh: float, day_first: bool,
              evidence: str, limits=(0.0, 1e9)) -> tuple[Optional[str], float, str]:
    """Tesseract's date (or None) against the glyph recogniser's reading of a numeric
    date: agreement confirms it, a glyph date alone is taken at its own capped
    confidence, disagreement between two dates is doubtful."""
    g = glyph_date_text(page, bbox, hh, limits)
    gd = parse_date(g.text, day_first=day_first) if g is not None else None
    if gd is None or not _in_waiver_years(gd.iso):
        return value, conf, evidence
    if value == gd.iso:
        return value, max(conf, 0.85), evidence
    if value is None:
        return gd.iso, min(0.8, g.confidence * 0.85), f"{evidence} [glyphs: {g.text}]"
    # two readers, two dates ('02/30' read '07/30'): doubtful either way, a reviewer
    # looks; the value is the more confident reader's
    better = gd.iso if g.confidence >= 0.9 and g.confidence > conf else value
    return better, min(conf, 0.5), f"{evidence} [glyphs: {g.text}]"


def _in_waiver_years(iso: str) -> bool:
    """Within the years a separation-era waiver can carry (a 2-digit '20' read as 2020
    is a misread, not a date)."""
    return "2015" <= iso[:4] <= "2022"
