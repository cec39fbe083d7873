"""`report --case`: one parent's records, the checks that failed or are unknown with the
evidence of the fields they read, category, flags and proposed links."""
from __future__ import annotations

import io
import json

from cases_archive import P1, P2, archive
from scoring.report import build, format_case
from waiverscan.cli import main


def test_case_lists_records_failed_checks_and_evidence():
    docs = archive()
    text = format_case(build(docs), docs, P2)
    assert text.startswith(f"case {P2}: written waiver, deficient")
    assert "flags: before_2018_07_12" in text
    assert "archive/p2-form.pdf" in text and "archive/export-1.csv" in text
    assert "election depart_without_child" in text
    assert "decision waive_reunification (oral)" in text
    assert "FAIL    F-DATED (critical)" in text
    assert 'date_signed: "2018-06-31" (conf 0.95, p1)  evidence: "2018-06-31"' in text
    assert "FAIL    F-SUPERVISOR (major)" in text and "supervisor_name: - (not on the document)" in text
    assert "F-CHILD-NAMED" not in text  # passing checks are not listed


def test_case_shows_proposed_links_and_accepts_unnormalised_a_numbers():
    docs = archive()
    text = format_case(build(docs), docs, "A-208 123 456")
    assert text.startswith(f"case {P1}")
    assert "proposed link (not merged): A208123457" in text
    assert "all checks pass" in text


def test_unknown_case_is_a_usage_error(tmp_path):
    src = tmp_path / "a.jsonl"
    src.write_text("".join(json.dumps(d) + "\n" for d in archive()))
    out, err = io.StringIO(), io.StringIO()
    assert main(["report", "--from-jsonl", str(src), "--case", "A999999999"], stdout=out,
                stderr=err) == 2
    assert "no case" in err.getvalue()
    assert main(["report", "--from-jsonl", str(src), "--case", P2], stdout=out) == 0
    assert "F-DATED" in out.getvalue()
