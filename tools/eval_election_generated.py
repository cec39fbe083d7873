"""Election accuracy on generated validation forms with the check-box decider set to
the ink-share rule or the trained mark classifier, and with or without the option-meaning
second reading (election.MEANING_CHECK), on the same OCR'd pages.

    .venv/bin/python tools/eval_election_generated.py [--n 60] [--seed 7100000]

Forms come from samples.generator's full distribution (every option style) with seeds
of their own (not dev, not `make eval`'s held-out). OCR'd pages are cached under
/work/cache/issue-12b/ocr (or $ELECTION_CACHE). A read with confidence below 0.6 counts
as "unknown" (a review), apart from right and wrong.
"""
from __future__ import annotations

import argparse
import functools
import os
import pickle
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from extractor import ingest  # noqa: E402
from extractor.forms import election, option_marks  # noqa: E402
from extractor.pipeline import read_page  # noqa: E402
from samples.generator import make_document  # noqa: E402

CACHE = Path(os.environ.get("ELECTION_CACHE", "/work/cache/issue-12b/ocr"))
UNSURE = 0.6


def pages_of(seed: int):
    CACHE.mkdir(parents=True, exist_ok=True)
    hit = CACHE / f"{seed}.pkl"
    if hit.exists():
        return pickle.loads(hit.read_bytes())
    data, ext, line, _ = make_document(seed)
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / f"form.{ext}"
        p.write_bytes(data)
        pages = [read_page(src) for src in ingest.iter_pages(p)]
    out = (pages, line["fields"]["election"], line["meta"]["layout_parts"]["options"],
           line["meta"]["mark_style"])
    hit.write_bytes(pickle.dumps(out))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--seed", type=int, default=7_100_000)
    a = ap.parse_args()
    original = option_marks.find_boxes  # what the election reader's box search calls
    variants = {"ink": ("ink", False, False), "learned": ("learned", False, False),
                "learned+meaning": ("learned", True, False),
                "learned+meaning+letters": ("learned", True, True)}
    tally = {d: {"right": 0, "wrong": 0, "unknown": 0} for d in variants}
    diffs = []
    for i in range(a.n):
        pages, truth, kind, style = pages_of(a.seed + i)
        got = {}
        for d, (decider, meaning, letters) in variants.items():
            option_marks.find_boxes = functools.partial(original, decider=decider)
            election.MEANING_CHECK = meaning
            option_marks.LETTER_MARKS = letters
            try:
                f = election.read_election(pages)
            finally:
                option_marks.find_boxes = original
                election.MEANING_CHECK = True
                option_marks.LETTER_MARKS = False
            v, c = (f.value, f.confidence) if f is not None else (None, 0.0)
            k = "unknown" if c < UNSURE else ("right" if v == truth else "wrong")
            tally[d][k] += 1
            got[d] = (v, c, k)
        if len({g[2] for g in got.values()}) > 1:
            diffs.append((a.seed + i, kind, style, truth, *(g[:2] for g in got.values())))
    for d, t in tally.items():
        print(f"{d:24s} right {t['right']:3d}  wrong {t['wrong']:3d}  unknown {t['unknown']:3d}  "
              f"accuracy {t['right'] / a.n:.3f}")
    for row in diffs:
        print("  differs:", *row)


if __name__ == "__main__":
    main()
