"""Developer tool: contract documents for every dev file, comment extraction only.

Comment files (CSV/XLSX/text) go through extractor.comments; scanned files use the OCR
cache of tools/devcache.py (a page pickle per file) and are treated as printouts when
they hold at least 3 dated entries (extractor.comments.count_comment_entries), else
emitted as an empty waiver_form document (form extraction is another issue's work). For measuring issue 3 with score.py:

  .venv/bin/python tools/comments_pred.py ../shared/datasets/dev/files /tmp/wcache > /tmp/pred.jsonl
"""
from __future__ import annotations

import json
import pickle
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractor import ingest  # noqa: E402
from extractor.comments import extract_comment_file, extract_comment_pages  # noqa: E402
from extractor.model import Document  # noqa: E402
from scoring.rubric import score_document  # noqa: E402


def main() -> None:
    folder, cache = Path(sys.argv[1]), Path(sys.argv[2])
    for path in sorted(folder.iterdir()):
        doc = Document(source=f"files/{path.name}", sha256=ingest.sha256_file(path))
        kind = ingest.sniff(path)
        if kind in ("csv", "xlsx", "text"):
            doc.doc_type = "case_comments"
            doc.records, doc.page_count = extract_comment_file(path, kind)
        else:
            pages = pickle.loads((cache / (path.name + ".pkl")).read_bytes())
            recs = extract_comment_pages(pages)
            doc.pages = pages
            if len(recs) >= 3:
                doc.doc_type, doc.records = "case_comments", recs
            else:
                doc.doc_type = "waiver_form"
        score_document(doc)
        print(json.dumps(doc.to_contract(), ensure_ascii=False))


if __name__ == "__main__":
    main()
