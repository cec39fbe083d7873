"""label_slot on real OCR output: the OCR lines of generated validation forms that hold
a field's printed label, classified by extractor.reader.textclf.label_slot.

    .venv/bin/python tools/eval_label_slot_generated.py [--n 60] [--seed 7100000]

Pages come from the OCR cache of tools/eval_election_generated.py (same seeds). For
each of the five labels the generator records (parent name, A-number, children, date,
officer), the OCR line that best matches the printed label (fuzzy, >= 80) is the one
classified (--segments: the segment of the line, cut at wide gaps between words); a
label OCR did not read is counted apart.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

from rapidfuzz import fuzz

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_election_generated import pages_of  # noqa: E402
from extractor.reader.textclf import label_slot, normalise  # noqa: E402
from samples.generator.spec import sample  # noqa: E402

SLOTS = ["parent_name", "parent_a_number", "child_names", "date_signed", "official_name"]


def segments(pages, gap: float = 1.5):
    """OCR lines cut where the space between two words exceeds ``gap`` text heights:
    a form line often holds two fields ("Signature of parent ....  Date ....")."""
    by = defaultdict(list)
    for p in pages:
        for w in p.words:
            by[(p.number, w.line_key)].append(w)
    out = []
    for ws in by.values():
        ws = sorted(ws, key=lambda w: w.bbox[0])
        cur = [ws[0]]
        for a, b in zip(ws, ws[1:]):
            h = max(a.bbox[3] - a.bbox[1], b.bbox[3] - b.bbox[1], 1)
            if b.bbox[0] - a.bbox[2] > gap * h:
                out.append(" ".join(w.text for w in cur))
                cur = []
            cur.append(b)
        out.append(" ".join(w.text for w in cur))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--seed", type=int, default=7_100_000)
    ap.add_argument("--segments", action="store_true",
                    help="classify line segments cut at wide gaps, not whole OCR lines")
    a = ap.parse_args()
    right, total, unread = Counter(), Counter(), Counter()
    confusions = Counter()
    for i in range(a.n):
        seed = a.seed + i
        pages = pages_of(seed)[0]
        spec = sample(seed)
        texts = segments(pages) if a.segments else segments(pages, gap=1e9)
        for slot in SLOTS:
            label = normalise(spec.labels[slot][0])
            # (a segment much shorter than the label, "no" or "a", is not its reading)
            scored = [(fuzz.partial_ratio(label, normalise(t)), t) for t in texts
                      if len(normalise(t)) >= 0.6 * len(label)]
            best = max(scored, default=(0, ""))
            total[slot] += 1
            if best[0] < 80:
                unread[slot] += 1
                continue
            got, _ = label_slot(best[1])
            right[slot] += got == slot
            if got != slot:
                confusions[(slot, got)] += 1
    n_read = sum(total.values()) - sum(unread.values())
    print(f"{a.n} generated forms: {n_read} labels found in OCR lines, {sum(unread.values())} not")
    print(f"label_slot accuracy on them: {sum(right.values()) / max(1, n_read):.3f}")
    for s in SLOTS:
        k = total[s] - unread[s]
        print(f"  {s:16s} {right[s]:3d}/{k:3d}")
    for (s, g), c in confusions.most_common(8):
        print(f"  confused: {s} -> {g}: {c}")


if __name__ == "__main__":
    main()
