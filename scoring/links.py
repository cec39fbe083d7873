"""Proposed links between cases: A-numbers that are probably the same parent's.

Joining is exact on the normalised A-number. An A-number one digit away from another
one in the archive is usually an OCR slip (or a typing slip in a comment export), but it
may also be a different parent; an A-number field whose text could not be read may still
resemble a parent's number. Both are *proposed* to a reviewer and never merged, because
merging two parents could turn one parent's undocumented removal into a documented one.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING, Any, Iterable, Optional

if TYPE_CHECKING:
    from scoring.facts import Facts


_CONFUSABLE = {frozenset(p) for p in ("38", "58", "68", "08", "17", "56", "09", "49", "13",
                                      "35", "69", "27", "06", "89")}


def near_misses(a_numbers: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
    """For each A-number, the others that differ from it in exactly one digit.

    Buckets by the number with one position left out, one position at a time, so the
    cost grows with the archive (9 lookups per number), not with its square: archives
    hold tens of thousands of parents.
    """
    shaped = sorted({a for a in a_numbers if a and re.fullmatch(r"A\d{9}", a)})
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for pos in range(1, 10):  # one pass per digit: a small dict at a time
        buckets: dict[str, Any] = {}
        for a in shaped:
            key = a[:pos] + a[pos + 1:]
            prev = buckets.get(key)
            if prev is None:
                buckets[key] = a  # most numbers have no neighbour: no list for them
            elif isinstance(prev, list):
                prev.append(a)
            else:
                buckets[key] = [prev, a]
        for members in buckets.values():
            if not isinstance(members, list):
                continue
            for a in members:
                for b in members:
                    if a == b:
                        continue
                    pair = frozenset((a[pos], b[pos]))
                    why = (f"one digit differs (position {pos}: {a[pos]} vs {b[pos]}"
                           + (", digits OCR often confuses" if pair in _CONFUSABLE else "")
                           + ")")
                    out[a].append({"a_number": b, "distance": 1, "reason": why})
    return {a: sorted(v, key=lambda d: d["a_number"]) for a, v in out.items()}


#: characters OCR puts where a digit was written (handwriting, fax noise)
_DIGIT_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "Q": "0", "D": "0", "I": "1", "l": "1",
                                   "|": "1", "/": "1", "!": "1", "i": "1", "Z": "2", "z": "2",
                                   "S": "5", "s": "5", "G": "6", "b": "6", "B": "8", "g": "9",
                                   "q": "9"})


def evidence_digits(text: Optional[str]) -> Optional[str]:
    """The digits an unreadable A-number's OCR text probably held (look-alikes mapped,
    the leading ``A`` and its neighbour dropped), or None when too few to compare."""
    if not text:
        return None
    t = re.sub(r"^\W*A[^\s\d]?", "", text.strip())
    digits = re.sub(r"\D", "", t.translate(_DIGIT_LOOKALIKES))
    return digits if 7 <= len(digits) <= 10 else None


def evidence_links(unread: list["Facts"], known: Iterable[str],
                   max_distance: int = 2) -> dict[str, list[dict[str, Any]]]:
    """Record id -> A-numbers of the archive that an unreadable A-number's text is within
    ``max_distance`` edits of (rapidfuzz, so thousands of unread fields against tens of
    thousands of parents stay fast). Proposals only: the record keeps its own case."""
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein
    choices = {a[1:]: a for a in known if a and re.fullmatch(r"A\d{9}", a)}
    out: dict[str, list[dict[str, Any]]] = {}
    if not choices:
        return out
    keys = list(choices)
    for f in unread:
        digits = evidence_digits(f.a_evidence)
        if digits is None:
            continue
        hits = process.extract(digits, keys, scorer=Levenshtein.distance,
                               score_cutoff=max_distance, limit=3)
        if hits:
            out[f.record_id] = [
                {"a_number": choices[k], "distance": int(d),
                 "reason": f"unreadable A-number {f.a_evidence!r} reads as {digits}, "
                           f"{int(d)} edit(s) from it"} for k, d, _ in sorted(hits, key=lambda h: (h[1], h[0]))]
    return out
