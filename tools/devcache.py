"""Developer tool: cache read pages (preprocessed image + OCR words) of a folder of
scans as pickles, so extraction stages can be iterated on without re-running OCR.

  .venv/bin/python tools/devcache.py ../shared/datasets/dev/files /tmp/wcache [--jobs 2]
"""
from __future__ import annotations

import argparse
import pickle
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractor import ingest  # noqa: E402
from extractor.pipeline import read_pages  # noqa: E402


def one(args):
    path, out = args
    target = out / (path.name + ".pkl")
    if target.exists():
        return path.name, "cached"
    try:
        kind = ingest.sniff(path)
        if kind not in ("pdf", "png", "jpeg", "tiff"):
            return path.name, kind
        pages = read_pages(path, kind)
    except Exception as exc:  # a dev tool: report and go on
        return path.name, f"error {exc}"
    with open(target, "wb") as fh:
        pickle.dump(pages, fh)
    return path.name, f"{len(pages)} pages"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--jobs", type=int, default=2)
    a = ap.parse_args()
    a.out.mkdir(parents=True, exist_ok=True)
    files = sorted(p for p in a.folder.iterdir() if p.is_file())
    with ProcessPoolExecutor(a.jobs) as pool:
        for name, what in pool.map(one, [(f, a.out) for f in files]):
            print(name, what, flush=True)


if __name__ == "__main__":
    main()
