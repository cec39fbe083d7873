"""Repair of misspelled and OCR-damaged words before the classifier reads a clause.

Officers type fast ("REQESTED REUNIFACATION", "daugter") and printouts are OCR'd
("S0N", "DECLlNED", "W1TH"). A bag-of-ngrams model only knows the words it was trained
on, so an unseen spelling of a decision word is lost. Two general repairs, applied the
same way at training and at inference:

1. OCR digits inside words: a token that mixes letters with only 0/1/5/8 digits
   ("T0", "W1TH", "5UBJ") has them read back as o/l/s/b. A-numbers and dates are left
   alone (they carry other digits, or no letters).
2. Nearest known word: a token the training text never contains is replaced by the known
   word at the smallest Damerau-Levenshtein distance (1 for words of 5-7 letters, 2 from
   8 letters), ties going to the more frequent word. Short words are never touched: at
   four letters too many real words are one edit apart ("form"/"from").

The known words are those of the training text itself (saved beside the model as
``known_words.txt`` with their counts), so what counts as "a word" is learnt, not listed.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

_OCR_DIGITS = str.maketrans({"0": "o", "1": "l", "5": "s", "8": "b"})
_TOKEN_RE = re.compile(r"[a-z0-9']+")
MIN_LEN = 5


def ocr_digits(token: str) -> str:
    """"t0" -> "to", "w1th" -> "with"; "a208123456", "2018", "i-213" unchanged."""
    letters = sum(c.isalpha() for c in token)
    digits = [c for c in token if c.isdigit()]
    if not letters or not digits or any(c not in "0158" for c in digits):
        return token
    if letters < len(digits):
        return token
    return token.translate(_OCR_DIGITS)


def _deletes(word: str, depth: int) -> set[str]:
    out = {word}
    frontier = {word}
    for _ in range(depth):
        nxt = set()
        for w in frontier:
            for i in range(len(w)):
                nxt.add(w[:i] + w[i + 1:])
        out |= nxt
        frontier = nxt
    return out


def _distance(a: str, b: str) -> int:
    """Optimal string alignment distance (transpositions count 1)."""
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


def _budget(n: int) -> int:
    return 0 if n < MIN_LEN else 1 if n < 8 else 2


#: a joined split word must occur this often in the known words
JOIN_MIN_COUNT = 20


class Speller:
    """Nearest-known-word repair over a fixed vocabulary (with counts)."""

    def __init__(self, counts: dict[str, int]):
        self.counts = dict(counts)
        self.index: dict[str, list[str]] = {}
        for w in self.counts:
            if len(w) >= MIN_LEN - 1:
                for d in _deletes(w, 2 if len(w) >= 7 else 1):
                    self.index.setdefault(d, []).append(w)
        self._cache: dict[str, str] = {}

    def correct(self, token: str) -> str:
        if token in self.counts or len(token) < MIN_LEN or not token.isalpha():
            return token
        hit = self._cache.get(token)
        if hit is not None:
            return hit
        budget = _budget(len(token))
        best: Optional[tuple[int, int, str]] = None
        for d in _deletes(token, budget):
            for w in self.index.get(d, ()):
                if abs(len(w) - len(token)) > budget:
                    continue
                dist = _distance(token, w)
                if dist <= budget and dist <= _budget(len(w)):
                    key = (dist, -self.counts[w], w)
                    if best is None or key < best:
                        best = key
        out = best[2] if best else token
        self._cache[token] = out
        return out

    def repair(self, text: str) -> str:
        """Lower-cased text with every word token repaired (spacing kept, except that a
        word split in two is joined first)."""
        return _TOKEN_RE.sub(lambda m: self.correct(ocr_digits(m.group(0))), self.join_split(text.lower()))

    def join_split(self, text: str) -> str:
        """"wa nts to ta ke" -> "wants to take": OCR and typing split words at a space.
        Two neighbours are joined when one of them is not a known word and together they
        are a well-attested one (two known words, "in to", stay apart)."""
        parts = text.split(" ")
        out: list[str] = []
        i = 0
        while i < len(parts):
            a = parts[i]
            b = parts[i + 1] if i + 1 < len(parts) else ""
            if (a.isalpha() and b.isalpha() and (a not in self.counts or b not in self.counts)
                    and self.counts.get(a + b, 0) >= JOIN_MIN_COUNT):
                out.append(a + b)
                i += 2
                continue
            out.append(a)
            i += 1
        return " ".join(out)


def count_words(texts: Iterable[str]) -> Counter:
    c: Counter = Counter()
    for t in texts:
        c.update(w for w in _TOKEN_RE.findall(t.lower()) if w.isalpha())
    return c


def save_counts(counts: Counter, path: Path, min_count: int = 2) -> None:
    """One "word count" a line, sorted: a rebuild writes the same bytes."""
    rows = sorted((w, n) for w, n in counts.items() if n >= min_count)
    path.write_text("".join(f"{w} {n}\n" for w, n in rows), encoding="utf-8")


@lru_cache(maxsize=4)
def load_speller(path: str) -> Optional[Speller]:
    p = Path(path)
    if not p.exists():
        return None
    counts = {}
    for line in p.read_text(encoding="utf-8").splitlines():
        w, _, n = line.rpartition(" ")
        if w and n.isdigit():
            counts[w] = int(n)
    return Speller(counts)
