"""The signature lines of a waiver form, found by their printed labels, and whose each
one is (parent, officer, supervisor).

Layout-free (no coordinates, no form templates), by text (English and Spanish, fuzzy):
OCR words are grouped into rows and split into label segments at wide gaps, so
"Signature of Parent" and a "Date / Firmado el" label on the same row stay apart. A
segment is a signature label when it holds "signature"/"firma" (not "Date of
signature", not a "Name (print)" line). Its role comes from its own words ("Parent",
"oficial", "Supervisor"), else from the nearest role heading or field label above it (a
"SUPERVISORY REVIEW" or "WITNESS" block, a "Printed name of officer" field), else the
topmost unexplained signature line of a form is the parent's (a Spanish-only form's
bare "Firma"). extractor.forms.signatures measures the ink on each line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from statistics import median
from typing import Optional, Sequence

import numpy as np
from rapidfuzz import fuzz

from extractor.model import BBox, Page, Word
from extractor.normalize import strip_accents

ROLES = ("parent", "official", "supervisor")

# Role words, checked in this order so "Supervisory officer signature" is the supervisor's.
# English, Spanish, Portuguese, French (accents are folded before matching).
_ROLE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("supervisor", ("supervisor", "supervisory", "supervisora", "supervision", "superviseur",
                    "supervisao")),
    ("witness", ("witness", "witnessed", "testigo", "testemunha", "temoin")),
    ("interpreter", ("interpreter", "interprete", "translator", "traductor", "tradutor",
                     "traducteur")),
    ("official", ("officer", "official", "oficial", "agent", "agente", "funcionario",
                  "officier", "fonctionnaire")),
    ("parent", ("parent", "parents", "padre", "madre", "mother", "father", "guardian",
                "tutor", "interesado", "interesada", "pai", "mae", "responsavel",
                "mere", "pere")),
)

_SIGNATURE_WORDS = ("signature", "firma", "signatures", "firmas", "assinatura", "assinaturas")

_DATE_WORDS = ("date", "fecha", "firmado", "firmada", "signed", "dated", "data", "assinado",
               "assinada", "signe")

# A signed line with a printed name is a name line, never a signature line.
_NAME_WORDS = ("name", "nombre", "print", "printed", "nome", "nom")


def _norm(text: str) -> str:
    text = strip_accents(text.lower())
    return re.sub(r"[^a-z0-9' ]+", " ", text).replace("'s", "").replace("'", "")


def _tokens(text: str) -> list[str]:
    return _norm(text).split()


def _is_word(token: str, lexicon: Sequence[str], cutoff: float = 80.0) -> bool:
    """Fuzzy token match; short tokens must match exactly (OCR noise makes 'fir' ~ 'firma')."""
    for w in lexicon:
        if token == w:
            return True
        if len(token) >= 5 and len(w) >= 5 and fuzz.ratio(token, w) >= cutoff:
            return True
    return False


@dataclass
class Segment:
    """A run of words on one row with no wide gap: one printed label (or one value)."""

    words: list[Word]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def bbox(self) -> BBox:
        """Hull of the label's words, leaving out OCR junk that swallowed ink above it
        (a word box much taller than the row's words)."""
        med = float(np.median([w.height for w in self.words]))
        ws = [w for w in self.words if w.height <= 1.4 * med] or self.words
        return (min(w.bbox[0] for w in ws), min(w.bbox[1] for w in ws),
                max(w.bbox[2] for w in ws), max(w.bbox[3] for w in ws))

    @property
    def tokens(self) -> list[str]:
        return _tokens(self.text)


@dataclass
class SignatureLabel:
    role: str  # parent | official | supervisor | witness | interpreter | unknown
    how: str  # "label" (own words) | "block" (heading above) | "paired-date" (fallback)
    segment: Segment
    page: Page
    score: float  # how sure the role is
    #: the page's segments, as find_labels cut them (not cut again per label)
    page_segments: Optional[list[Segment]] = field(default=None, repr=False, compare=False)


def _rows(words: list[Word]) -> list[list[Word]]:
    """Words grouped into visual rows (not trusting OCR line ids, which can merge a
    label with stray ink or split a label in two). Words of ordinary height are grouped
    by their bottoms first; a word whose box swallowed signature ink above or below it
    (much taller than usual) then joins the row whose band it covers, and OCR debris
    (low-confidence marks read from the signature itself) is left out."""
    words = [w for w in words if w.text.strip() and w.conf >= 0.3
             and (w.conf >= 0.6 or any(c.isalnum() for c in w.text))]
    if not words:
        return []
    med_h = float(np.median([w.height for w in words]))
    normal = [w for w in words if w.height <= 1.6 * med_h]
    swollen = [w for w in words if w.height > 1.6 * med_h]
    rows: list[list[Word]] = []
    # statistics.median, not np.median: these lists are a handful of numbers and this
    # loop runs ~100k times a page, where numpy's per-call overhead was ~45 ms a page
    for w in sorted(normal, key=lambda w: w.bbox[3]):
        for row in rows:
            bot = float(median([x.bbox[3] for x in row]))
            if abs(w.bbox[3] - bot) < 0.5 * max(1.0, min(w.height, med_h)):
                row.append(w)
                break
        else:
            rows.append([w])
    for w in swollen:
        best, best_ov = None, 0.0
        for row in rows:
            top = float(median([x.bbox[1] for x in row]))
            bot = float(median([x.bbox[3] for x in row]))
            ov = (min(w.bbox[3], bot) - max(w.bbox[1], top)) / max(1.0, bot - top)
            if ov > best_ov:
                best, best_ov = row, ov
        if best is not None and best_ov >= 0.8:
            best.append(w)
        else:
            rows.append([w])
    return [sorted(r, key=lambda w: w.bbox[0]) for r in rows]


def segments(words: list[Word]) -> list[Segment]:
    """Label segments: rows cut where the gap between words exceeds ~2 word heights."""
    out: list[Segment] = []
    for row in _rows(words):
        med_h = float(np.median([w.height for w in row])) or 1.0
        cur = [row[0]]
        for w in row[1:]:
            if w.bbox[0] - cur[-1].bbox[2] > 2.2 * med_h:
                out.append(Segment(cur))
                cur = []
            cur.append(w)
        out.append(Segment(cur))
    return out


def _role_of_tokens(tokens: list[str]) -> Optional[str]:
    for role, lex in _ROLE_WORDS:
        if any(_is_word(t, lex) for t in tokens):
            return role
    return None


def _is_signature_segment(seg: Segment) -> bool:
    toks = seg.tokens
    sig = [i for i, t in enumerate(toks)
           if _is_word(t, _SIGNATURE_WORDS, 84) and not _is_word(t, _DATE_WORDS, 90)]
    if not sig:
        return False
    # "Date of signature" / "Fecha de firma" is the date's label
    dates = [i for i, t in enumerate(toks) if _is_word(t, _DATE_WORDS, 85)]
    if dates and dates[0] < sig[0]:
        return False
    # "Name of official (print)" lines are not signature lines even if they say "firma"
    return not any(_is_word(t, _NAME_WORDS, 90) for t in toks)


def _is_date_segment(seg: Segment) -> bool:
    return any(_is_word(t, _DATE_WORDS, 85) for t in seg.tokens)


def _block_role(seg: Segment, segs: list[Segment], scale: float) -> Optional[tuple[str, float]]:
    """Role of a bare "Signature" label from the nearest role line above it: a
    "SUPERVISORY REVIEW" or "WITNESS" heading, or a "Printed name of officer" field.
    Another signature label is not context, and an interpreter's name field above the
    parent's signature says nothing about whose signature it is."""
    x0, y0, x1, y1 = seg.bbox
    best: Optional[tuple[float, str, float]] = None
    for other in segs:
        gap = y0 - other.bbox[3]
        if other is seg or gap < -5 * scale or gap > 330 * scale or _is_signature_segment(other):
            continue
        r = _role_of_tokens(other.tokens)
        if r is None:
            continue
        # headings and field labels are short; sentences that mention "the parent"
        # (e.g. "confirm the parent was advised") are weak evidence
        weight = 1.0 if len(other.tokens) <= 7 else 0.4
        key = gap / weight
        if best is None or key < best[0]:
            best = (key, r, weight)
    if best is None or best[1] == "interpreter":
        return None
    _, role, weight = best
    if role in ("supervisor", "witness"):
        return role, 0.85 * (1.0 if weight == 1.0 else 0.8)
    return role, 0.75 * (1.0 if weight == 1.0 else 0.7)


def find_labels(page: Page) -> list[SignatureLabel]:
    """All signature labels on a page with the role each belongs to."""
    segs = segments(page.words)
    scale = page.dpi / 300.0
    out: list[SignatureLabel] = []
    bare: list[Segment] = []
    for seg in segs:
        if not _is_signature_segment(seg) or len(seg.tokens) > 12:
            continue  # (a long segment is a sentence mentioning signatures, not a label)
        role = _role_of_tokens(seg.tokens)
        if role is not None:
            out.append(SignatureLabel(role, "label", seg, page, 0.95))
            continue
        block = _block_role(seg, segs, scale)
        if block is not None:
            out.append(SignatureLabel(block[0], "block", seg, page, block[1]))
        else:
            bare.append(seg)
    # A form is the parent's: the topmost unexplained signature line is the parent's
    # when no line is labelled as the parent's (e.g. a Spanish-only form's bare "Firma").
    if bare and not any(l.role == "parent" for l in out):
        seg = min(bare, key=lambda s: s.bbox[1])
        x0, y0, x1, y1 = seg.bbox
        paired = any(_is_date_segment(o) and o.bbox[0] > x1
                     and abs(o.bbox[3] - y1) < 0.8 * (y1 - y0) for o in segs)
        out.append(SignatureLabel("parent", "first-bare", seg, page, 0.6 if paired else 0.5))
        bare.remove(seg)
    out.extend(SignatureLabel("unknown", "bare", s, page, 0.3) for s in bare)
    for lab in out:
        lab.page_segments = segs
    return out
