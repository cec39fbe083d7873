"""Downloads of the reviewed archive (what the signed-in account may see): cases as CSV
or XLSX (the report's case table, with categories as reviewed) and the decision log as
CSV. Cells a spreadsheet would read as a formula are neutralised."""
from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from scoring.report import case_rows, csv_text as _csv, write_xlsx


def cases_csv(report: dict[str, Any]) -> str:
    return _csv(*case_rows(report))


def cases_xlsx(report: dict[str, Any]) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "cases.xlsx"
        write_xlsx(report, out)
        return out.read_bytes()


def decisions_csv(history: list[dict[str, Any]]) -> str:
    head = ["at", "reviewer", "record_id", "check_id", "field", "action", "value_before",
            "value_after", "note", "hash"]
    rows = [[str(d["at"]), d["reviewer"], d["record_id"], d["check_id"], d["field"], d["action"],
             json.dumps(d["value_before"], ensure_ascii=False),
             json.dumps(d["value_after"], ensure_ascii=False), d["note"], d["hash"]]
            for d in history]
    return _csv(head, rows)
