"""Developer tool: print a scan's OCR words as `waiverscan ocr FILE --json` does
(``{"pages": [page.ocr_json(), ...]}``), for the OCR evaluators before the CLI exists.

  .venv/bin/python tools/ocr_json.py IMAGE [--lang eng+spa]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractor import ingest  # noqa: E402
from extractor.ocr import tesseract  # noqa: E402
from extractor.pipeline import read_page  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("file", type=Path)
    ap.add_argument("--lang", default=tesseract.DEFAULT_LANG)
    a = ap.parse_args()
    pages = [read_page(src, lang=a.lang) for src in ingest.iter_pages(a.file)]
    json.dump({"pages": [p.ocr_json() for p in pages]}, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
