"""Layout: OCR words to text lines and label matches.

Lines are rebuilt from geometry (vertical overlap), not from the OCR engine's blocks,
because Tesseract often puts a printed label and the handwriting beside it in different
blocks. Labels are found by fuzzy matching phrases of a lexicon against runs of tokens,
so OCR slips ("Nornbre", "A#:" read as "AH:") still match.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Iterable, Optional

from rapidfuzz import fuzz

from extractor.normalize import strip_accents
from extractor.model import BBox, Word
from extractor.preprocess import components


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower case, accents removed, punctuation to spaces: the form labels are matched in.
    (Memoised: every label search folds the page's words again.)"""
    s = strip_accents(text.lower())
    s = s.replace("#", " # ")
    s = re.sub(r"[^a-z0-9# ]+", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def union(boxes: Iterable[BBox]) -> Optional[BBox]:
    boxes = list(boxes)
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))


def mean_conf(words: Iterable[Word]) -> float:
    """The mean OCR confidence of ``words`` (0 for none): a value read from them."""
    confs = [w.conf for w in words]
    return sum(confs) / len(confs) if confs else 0.0


def is_filler(text: str) -> bool:
    """Underscores, dots and ruling fragments that OCR reads as 'words'."""
    return not re.sub(r"[_\-.=~|:;,'`\"()\[\]{}<>/\\—–‘’]+", "", text)


@dataclass
class Line:
    words: list[Word]
    bbox: BBox = (0, 0, 0, 0)
    index: int = 0

    def __post_init__(self):
        self.words.sort(key=lambda w: w.bbox[0])
        self.bbox = union(w.bbox for w in self.words) or (0, 0, 0, 0)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def height(self) -> float:
        hs = sorted(w.height for w in self.words)
        return hs[len(hs) // 2] if hs else 0.0


def split_fill_runs(words: list[Word]) -> list[Word]:
    """OCR glues a label, the fill line's underscores and the value into one 'word'
    ("name:__Ramon"): split at runs of underscores, boxes shared by character count."""
    out = []
    for w in words:
        parts = [p for p in re.split(r"(_{2,})", w.text) if p]
        if len(parts) <= 1:
            out.append(w)
            continue
        x0, y0, x1, y1 = w.bbox
        per = (x1 - x0) / max(1, len(w.text))
        pos = 0
        for p in parts:
            a, pos = x0 + pos * per, pos + len(p)
            out.append(Word(p, w.conf, (a, y0, x0 + pos * per, y1), w.line_key))
    return out


def build_lines(words: list[Word]) -> list[Line]:
    """Group words into lines by vertical overlap with the line's median band."""
    words = split_fill_runs(words)
    lines: list[list[Word]] = []
    bands: list[tuple[float, float]] = []
    for w in sorted(words, key=lambda w: (w.cy, w.bbox[0])):
        best, best_overlap = None, 0.0
        for i, (top, bottom) in enumerate(bands):
            overlap = min(bottom, w.bbox[3]) - max(top, w.bbox[1])
            frac = overlap / max(1.0, min(bottom - top, w.height))
            if frac > 0.5 and frac > best_overlap:
                best, best_overlap = i, frac
        if best is None:
            lines.append([w])
            bands.append((w.bbox[1], w.bbox[3]))
        else:
            lines[best].append(w)
            ws = lines[best]
            tops = sorted(x.bbox[1] for x in ws)
            bottoms = sorted(x.bbox[3] for x in ws)
            bands[best] = (tops[len(tops) // 2], bottoms[len(bottoms) // 2])
    out = [Line(ws) for ws in lines]
    out.sort(key=lambda l: (l.bbox[1] + l.bbox[3]) / 2)
    for i, l in enumerate(out):
        l.index = i
    return out


@dataclass
class LabelHit:
    """A lexicon phrase found in a line: words [start, end) of ``line``."""

    key: str  # what the phrase labels (a field name or a section/anchor name)
    phrase: str
    line: Line
    start: int
    end: int
    score: float
    extra: dict = field(default_factory=dict)

    @property
    def bbox(self) -> BBox:
        return union(w.bbox for w in self.line.words[self.start:self.end])

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.line.words[self.start:self.end])


def _tokens(line: Line) -> list[str]:
    return [fold(w.text) for w in line.words]


def _compiled(lexicon: dict[str, list[str]]) -> list[tuple[str, str, str, int, float]]:
    """(key, phrase, folded phrase, token count, threshold), cached per lexicon object."""
    cached = _COMPILED.get(id(lexicon))
    if cached is not None and cached[0] is lexicon:
        return cached[1]
    out = []
    for key, phrases in lexicon.items():
        for phrase in phrases:
            p = fold(phrase)
            if p:
                out.append((key, phrase, p, len(p.split()), 0.0))
    _COMPILED[id(lexicon)] = (lexicon, out)
    return out


_COMPILED: dict[int, tuple[dict, list]] = {}


def find_phrases(lines: list[Line], lexicon: dict[str, list[str]],
                 min_score: float = 84.0) -> list[LabelHit]:
    """Every occurrence of every phrase; overlapping hits resolved longest/best first."""
    hits: list[LabelHit] = []
    for line in lines:
        toks = _tokens(line)
        line_text = " ".join(t for t in toks if t)
        if not line_text:
            continue
        colon_before = [w.text.endswith(":") for w in line.words]
        # a wide gap splits a line into separate fields: a phrase never spans one
        h = max(line.height, 8.0)
        wide_gap = [b.bbox[0] - a.bbox[2] > 2.5 * h for a, b in zip(line.words, line.words[1:])]
        for key, phrase, p, n, _ in _compiled(lexicon):
            # boundary words ("Office") must be exact: one letter more is another word
            short = len(p) <= 4 or key == "_stop"
            threshold = min_score if len(p) > 12 else max(min_score, 90.0)
            # cheap screen: the phrase must roughly occur somewhere in the line
            if short:
                if p not in toks and f" {p} " not in f" {line_text} ":
                    continue
            elif fuzz.partial_ratio(p, line_text) < threshold - 6:
                continue
            # window sizes in OCR words: "Nombre(s) del (de los)" is 4 words, 6 tokens
            for size in range(max(1, n - 3), n + 2):
                for i in range(0, len(toks) - size + 1):
                    cand = " ".join(t for t in toks[i:i + size] if t)
                    if not cand or not toks[i]:
                        continue
                    # a colon ends a printed label: never read past it
                    if any(colon_before[i:i + size - 1]) or any(wide_gap[i:i + size - 1]):
                        continue
                    score = (100.0 if cand == p else 0.0) if short else fuzz.ratio(cand, p)
                    if not short and score < threshold and " " in p:
                        # OCR runs a label's words together ("afileno." for "A-File No.")
                        score = max(score, fuzz.ratio(cand.replace(" ", ""), p.replace(" ", "")))
                    if score >= threshold:
                        hits.append(LabelHit(key, phrase, line, i, i + size, score))
    # resolve overlaps: prefer long phrases, then high scores
    hits.sort(key=lambda h: (-len(fold(h.phrase)), -h.score))
    taken: dict[int, set[int]] = {}
    kept: list[LabelHit] = []
    for h in hits:
        used = taken.setdefault(id(h.line), set())
        span = set(range(h.start, h.end))
        if used & span:
            continue
        used |= span
        kept.append(h)
    kept.sort(key=lambda h: (h.line.index, h.start))
    return kept


def _ink_half(image):
    """Binarised ink at half resolution: rulings are long, so half the pixels find them
    at a quarter of the cost."""
    import cv2
    small = cv2.resize(image, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
    return cv2.adaptiveThreshold(small, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 21, 15)


def rulings(image) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float]]]:
    """Printed horizontal lines (fill lines, table and box edges) as (x0, x1, y) and
    vertical ones (box and table edges) as (y0, y1, x), in ``image`` pixels, found by
    morphological openings with long flat kernels: text, even underlined handwriting,
    does not survive them."""
    import cv2
    if image is None:
        return [], []
    bw = _ink_half(image)
    h, w = bw.shape[:2]
    # thicken vertically first: a line left tilted by a fraction of a degree after
    # deskew drifts a pixel or two over the kernel's length and would not survive
    thick = cv2.dilate(bw, cv2.getStructuringElement(cv2.MORPH_RECT, (1, 3)))
    horiz = cv2.morphologyEx(thick, cv2.MORPH_OPEN,
                             cv2.getStructuringElement(cv2.MORPH_RECT, (max(15, int(w * 0.06)), 1)))
    vert = cv2.morphologyEx(bw, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, 30)))
    hs, vs = [], []
    _, _, stats, _ = components(horiz)
    for x, y, ww, hh, _a in stats[1:]:
        if hh <= max(8, h // 150):
            hs.append((2.0 * x, 2.0 * (x + ww), 2.0 * y + hh))
    _, _, stats, _ = components(vert)
    for x, y, ww, hh, _a in stats[1:]:
        if ww <= 6:
            vs.append((2.0 * y, 2.0 * (y + hh), 2.0 * x + ww))
    return hs, vs
