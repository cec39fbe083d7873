"""Developer tool: score form extraction on the dev corpus from the OCR cache.

  .venv/bin/python tools/eval_dev_cache.py /tmp/wcache pred.jsonl [--forms] [--truth DIR]
Writes one contract document per dev file (forms from the cache; other files through
the full pipeline when possible), then run ../shared/eval/score.py on it, and
tools/field_errors.py on it to see where each field's errors come from (label not
found, value blank, OCR misread, wrong region). Rebuild the cache (tools/devcache.py)
after any change to preprocessing or OCR: a stale cache measures the old reading.
"""
from __future__ import annotations

import json
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor.model import Document  # noqa: E402
from extractor.pipeline import classify_and_extract  # noqa: E402
from waiverscan.pipeline import extract_document  # noqa: E402
from scoring.rubric import score_document  # noqa: E402

DEV = ROOT.parent / "shared" / "datasets" / "dev"


def main():
    cache, out = Path(sys.argv[1]), Path(sys.argv[2])
    only_forms = "--forms" in sys.argv
    base = Path(sys.argv[sys.argv.index("--truth") + 1]) if "--truth" in sys.argv else DEV
    truth = [json.loads(l) for l in open(base / "truth.jsonl")]
    with open(out, "w") as fh:
        for t in truth:
            path = base / t["source"]
            pkl = cache / (path.name + ".pkl")
            if pkl.exists():
                doc = Document(source=str(path), sha256=t["sha256"])
                doc.pages = pickle.load(open(pkl, "rb"))
                try:
                    classify_and_extract(doc)
                except Exception as exc:  # a dev tool: report and go on
                    print(path.name, "failed:", type(exc).__name__, exc, file=sys.stderr)
                score_document(doc)
            elif only_forms:
                continue
            else:
                try:
                    doc = extract_document(path)
                except Exception as exc:  # a dev tool: report and go on
                    print(path.name, "failed:", type(exc).__name__, exc, file=sys.stderr)
                    continue
            fh.write(json.dumps(doc.to_contract()) + "\n")


if __name__ == "__main__":
    main()
