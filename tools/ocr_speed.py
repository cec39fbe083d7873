"""Cost of reading a page (preprocess + OCR, `pipeline.read_page`) against bare
Tesseract on the same original image, in CPU seconds (the machine is shared, so wall
time is noisy; both sides are single-threaded, so CPU time is what a user waits for).

  .venv/bin/python tools/ocr_speed.py IMAGE... [--lang eng+spa]

Bare Tesseract: `tesseract IMAGE stdout -l LANG tsv`, OMP_THREAD_LIMIT=1, its CPU time
from the OS (children's rusage). Ours: this process's CPU time in read_page plus the
Tesseract children it starts. Pages are read once untimed first (file cache, imports).
Prints one line per image and the total ratio ours/bare.
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["OMP_THREAD_LIMIT"] = "1"

from extractor import ingest  # noqa: E402
from extractor.ocr import tesseract  # noqa: E402
from extractor.pipeline import read_page  # noqa: E402


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def bare(image: Path, lang: str) -> float:
    c0 = _children_cpu()
    subprocess.run(["tesseract", str(image), "stdout", "-l", lang, "tsv"], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return _children_cpu() - c0


def ours(image: Path, lang: str) -> tuple[float, float, dict]:
    src = next(ingest.iter_pages(image))  # decoding is not preprocessing: untimed
    c0, p0, t0 = _children_cpu(), time.process_time(), time.perf_counter()
    page = read_page(src, lang=lang)
    cpu = (_children_cpu() - c0) + (time.process_time() - p0)
    return cpu, time.perf_counter() - t0, page.notes


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("images", nargs="+", type=Path)
    ap.add_argument("--lang", default=tesseract.DEFAULT_LANG)
    a = ap.parse_args()
    read_page(next(ingest.iter_pages(a.images[0])), lang=a.lang)  # warm-up
    tb = to = 0.0
    for img in a.images:
        b = bare(img, a.lang)
        o, wall, notes = ours(img, a.lang)
        tb, to = tb + b, to + o
        print(f"{img.name:28s} bare {b:5.2f}s  ours {o:5.2f}s  ratio {o / b:4.2f}  "
              f"(wall {wall:.2f}s, scale {notes.get('scale')}, osd {'osd' in notes})", flush=True)
    print(f"total: bare {tb:.2f}s ours {to:.2f}s  read_page/tesseract CPU ratio: {to / tb:.2f}")


if __name__ == "__main__":
    main()
