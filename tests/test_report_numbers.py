"""Report numbers on the hand-built archive match what it was built with, in every
format (table, json, csv, xlsx) and through the CLI."""
from __future__ import annotations

import csv
import io
import json
import re

import pytest

from cases_archive import EXPECTED, EXPECTED_COUNTS, P1, archive
from scoring.cases import CATEGORIES
from scoring.report import (CATEGORY_LABELS, build, format_json, format_table, write_csv,
                            write_xlsx)
from waiverscan.cli import main


@pytest.fixture()
def report():
    return build(archive())


@pytest.fixture()
def jsonl(tmp_path):
    path = tmp_path / "archive.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in archive()), encoding="utf-8")
    return path


def test_summary_counts(report):
    s = report["summary"]
    assert s["categories"] == EXPECTED_COUNTS
    assert (s["documents"], s["documents_with_error"], s["records"], s["cases"],
            s["cases_with_a_number"]) == (6, 1, 13, 10, 8)
    assert s["written_waivers"] == 3
    assert s["flags"] == {"conflicting_records": 1, "before_2018_07_12": 4}
    assert s["categories_by_period"]["no_documentation"] == {
        "before_2018_07_12": 2, "on_or_after_2018_07_12": 0, "undated": 0}
    assert s["categories_by_period"]["requested_reunification"] == {
        "before_2018_07_12": 1, "on_or_after_2018_07_12": 1, "undated": 0}


def test_check_counts(report):
    checks = report["summary"]["checks"]
    assert list(checks)[:2] == ["F-CHILD-NAMED", "F-DATED"]  # rubric order
    assert checks["F-DATED"] == {"fail": 1, "unknown": 0, "pass": 3, "not_applicable": 0,
                                 "deficiency_rate": 0.25}
    assert checks["F-A-NUMBER"]["fail"] == 1
    # 9 comment entries: 2 record no decision, 7 do; every deciding one fails C-WITNESS
    assert checks["C-WITNESS"] == {"fail": 7, "unknown": 0, "pass": 0, "not_applicable": 2,
                                   "deficiency_rate": 1.0}
    assert checks["C-DECISION"]["fail"] == 1 and checks["C-DECISION"]["pass"] == 6


def test_table_shows_the_same_numbers(report):
    text = format_table(report)
    for cat, n in EXPECTED_COUNTS.items():
        line = next(l for l in text.splitlines() if l.strip().startswith(CATEGORY_LABELS[cat]))
        assert int(line[len(CATEGORY_LABELS[cat]) + 2:].split()[0]) == n, line
    assert re.search(r"F-DATED\s+critical\s+1\s+0\s+3\s+0\s+25\.0%", text)
    case_line = next(l for l in text.splitlines() if l.strip().startswith(P1))
    assert "written_waiver_complete" in case_line and "link? A208123457" in case_line


def test_json_is_the_contract_shape_on_one_line(report):
    text = format_json(report)
    assert "\n" not in text
    obj = json.loads(text)
    assert set(obj) == {"summary", "cases"}
    for case in obj["cases"]:
        assert {"a_number", "records", "category", "flags", "earliest_decision_date"} <= set(case)
        assert case["category"] in CATEGORIES
        assert set(case["flags"]) <= {"conflicting_records", "before_2018_07_12"}
        assert isinstance(case["records"], list) and case["records"]
    got = {c["a_number"]: (c["category"], sorted(c["flags"]), c["earliest_decision_date"])
           for c in obj["cases"] if c["a_number"]}
    assert got == {a: (cat, sorted(f), d) for a, (cat, f, d) in EXPECTED.items()}


def test_csv_files_hold_the_same_numbers(report, tmp_path):
    out = tmp_path / "r.csv"
    written = write_csv(report, out, io.StringIO())
    assert sorted(p.name for p in written) == ["r.checks.csv", "r.csv", "r.summary.csv"]
    summary = list(csv.DictReader(open(tmp_path / "r.summary.csv", encoding="utf-8")))
    totals = {r["item"]: int(r["total"]) for r in summary}
    for cat, n in EXPECTED_COUNTS.items():
        assert totals[f"parents: {CATEGORY_LABELS[cat]}"] == n
    checks = {r["check"]: r for r in csv.DictReader(open(tmp_path / "r.checks.csv", encoding="utf-8"))}
    assert (checks["F-DATED"]["fail"], checks["F-DATED"]["deficiency_rate"]) == ("1", "0.25")
    cases = list(csv.DictReader(open(out, encoding="utf-8")))
    assert len(cases) == 10
    row = next(r for r in cases if r["a_number"] == P1)
    assert (row["category"], row["flags"], row["proposed_links"]) == \
        ("written_waiver_complete", "before_2018_07_12", "A208123457")


def test_csv_to_stdout_has_three_sections(report):
    buf = io.StringIO()
    write_csv(report, None, buf)
    sections = buf.getvalue().split("\n\n")
    assert [s.splitlines()[0] for s in sections] == ["# summary", "# checks", "# cases"]
    assert len(list(csv.DictReader(io.StringIO(sections[2].split("\n", 1)[1])))) == 10


def test_xlsx_has_three_sheets_with_the_numbers(report, tmp_path):
    from openpyxl import load_workbook
    out = tmp_path / "r.xlsx"
    write_xlsx(report, out)
    wb = load_workbook(out)
    assert wb.sheetnames == ["summary", "checks", "cases"]
    totals = {r[0]: r[1] for r in wb["summary"].iter_rows(min_row=2, values_only=True)}
    assert totals["parents: " + CATEGORY_LABELS["no_documentation"]] == 2
    assert wb["cases"].max_row == 11


def test_cli_json_from_jsonl(jsonl, tmp_path):
    out = io.StringIO()
    assert main(["report", "--from-jsonl", str(jsonl), "--format", "json"], stdout=out) == 0
    obj = json.loads(out.getvalue())
    assert obj["summary"]["categories"] == EXPECTED_COUNTS


def test_cli_table_and_xlsx_need_out(jsonl, tmp_path):
    out, err = io.StringIO(), io.StringIO()
    assert main(["report", "--from-jsonl", str(jsonl), "--format", "xlsx"], stdout=out,
                stderr=err) == 2
    assert "--out" in err.getvalue()
    assert main(["report", "--from-jsonl", str(jsonl), "--out", str(tmp_path / "t.txt")],
                stdout=out) == 0
    assert "PARENTS BY CATEGORY" in (tmp_path / "t.txt").read_text()
