"""Document text reaches spreadsheet cells: anything a spreadsheet would run as a formula
gets a leading apostrophe, in CSV and XLSX alike."""
from __future__ import annotations

import csv
import io

import pytest

from cases_archive import comments, entry
from scoring.report import build, neutralise, write_csv, write_xlsx


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x\",\"y\")", "+1+2", "-3+4", "@SUM(A1)",
                                  "\t=1", "\r=1"])
def test_formula_starts_get_an_apostrophe(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("v", ["A208123456", "2018-06-01", "oral waiver", "", 3, -2, 0.25, None])
def test_other_values_pass_unchanged(v):
    assert neutralise(v) == v


def _hostile_report():
    # an A-number field OCR'd into something formula-shaped is kept as written
    return build([comments("evil", [entry("=cmd|' /C calc'!A0", "waive_reunification",
                                          "2018-06-01")])])


def test_csv_cells_are_neutralised(tmp_path):
    out = tmp_path / "r.csv"
    write_csv(_hostile_report(), out, io.StringIO())
    rows = list(csv.DictReader(open(out, encoding="utf-8")))
    assert rows[0]["a_number"].startswith("'=")
    for path in tmp_path.glob("*.csv"):
        for row in csv.reader(open(path, encoding="utf-8")):
            assert not any(c.startswith(("=", "+", "@")) for c in row), row


def test_xlsx_cells_are_text_not_formulas(tmp_path):
    from openpyxl import load_workbook
    out = tmp_path / "r.xlsx"
    write_xlsx(_hostile_report(), out)
    ws = load_workbook(out)["cases"]
    cell = ws.cell(row=2, column=1)
    assert cell.data_type != "f" and str(cell.value).startswith("'=")
