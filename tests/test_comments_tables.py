"""Comment exports: column mapping variants, encodings, dates, ragged and mis-encoded rows."""
import datetime as dt

import openpyxl
import pytest

from extractor.comments import extract_comment_file
from extractor.comments.tables import map_columns

ROWS = [("A# 208 123 456", "05/13/2018", "SDDO K. Brown", "Subject declined reunification with her son."),
        ("A208-123-456", "05/20/2018", "ERO J. Smith", "Property returned to subject.")]


def _write_csv(path, header, rows, encoding="utf-8", sep=","):
    lines = [sep.join(header)] + [sep.join(f'"{c}"' for c in r) for r in rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


@pytest.mark.parametrize("header", [
    ["A-Number", "Date", "Officer", "Comment"],
    ["A#", "Entry Date", "Entered By", "Remarks"],
    ["Alien Number", "Comment Date", "Author", "Comments"],
    ["ANUM", "CMT_DATE", "USER", "CMT_TEXT"],
    ["Alien Numbr", "Fecha", "Oficer", "Remark"],  # typos: fuzzy matching
])
def test_comments_column_mapping_variants(tmp_path, header):
    recs, pages = extract_comment_file(_write_csv(tmp_path / "x.csv", header, ROWS), "csv")
    assert pages == 1 and len(recs) == 2
    assert recs.mapping == dict(zip(("a_number", "date", "author", "comment"), header))
    r = recs[0]
    assert r.value("a_number") == "A208123456"
    assert r.value("entry_date") == "2018-05-13"
    assert r.value("author") == "SDDO K. Brown"
    assert r.value("decision") == "waive_reunification"
    assert recs[1].value("decision") is None


def test_comments_column_order_and_extra_columns():
    m = map_columns(["Office", "Remarks", "Event ID", "Entered By", "Alien #", "Entry Date"])
    assert m == {"a_number": 4, "date": 5, "author": 3, "comment": 1}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_comments_encodings(tmp_path, encoding):
    rows = [("208123456", "2018-05-13", "DO José Núñez", "Subject declined reunification with her daughter Génesis.")]
    recs, _ = extract_comment_file(_write_csv(tmp_path / "x.csv", ["A#", "Date", "Officer", "Comment"],
                                              rows, encoding), "csv")
    assert recs[0].value("author") == "DO José Núñez"
    assert recs[0].value("child_names") == ["Génesis"]
    assert recs.issues == []


@pytest.mark.parametrize("raw,iso", [("05/13/2018", "2018-05-13"), ("2018-05-13 08:34", "2018-05-13"),
                                     ("13-May-2018", "2018-05-13"), ("13 de mayo de 2018", "2018-05-13"),
                                     ("05/13/18 11:40", "2018-05-13")])
def test_comments_date_forms(tmp_path, raw, iso):
    recs, _ = extract_comment_file(_write_csv(tmp_path / "x.csv", ["A#", "Date", "Officer", "Comment"],
                                              [("208123456", raw, "DO X", "Note.")]), "csv")
    assert recs[0].value("entry_date") == iso


def test_comments_day_first_column_convention(tmp_path):
    rows = [("208123456", "25/05/2018", "DO X", "Note."), ("208123456", "03/06/2018", "DO X", "Note.")]
    recs, _ = extract_comment_file(_write_csv(tmp_path / "x.csv", ["A#", "Fecha", "Oficial", "Comentario"], rows), "csv")
    assert [r.value("entry_date") for r in recs] == ["2018-05-25", "2018-06-03"]


def test_comments_ragged_row_is_reported_and_rest_read(tmp_path):
    p = tmp_path / "x.csv"
    p.write_text("A#,Date,Officer,Comment,Office\n"
                 "208123456,05/13/2018,DO X,Subject declined reunification.,HOU\n"
                 "208123456,05/14/2018,DO X\n"
                 "208123456,05/15/2018,DO X,Property returned.,HOU\n", encoding="utf-8")
    recs, _ = extract_comment_file(p, "csv")
    assert [r.value("entry_date") for r in recs] == ["2018-05-13", "2018-05-15"]
    assert len(recs.issues) == 1 and recs.issues[0].row == 3
    assert "row 3" in str(recs.issues[0]) and "skipped" in str(recs.issues[0])


def test_comments_unquoted_comma_is_glued_back_into_the_comment(tmp_path):
    p = tmp_path / "x.csv"
    p.write_text("A#,Comment,Date\n"
                 "208123456,Subject declined, then asked again, for her son.,05/14/2018\n"
                 "208123456,Property returned.,05/15/2018\n", encoding="utf-8")
    recs, _ = extract_comment_file(p, "csv")
    assert [r.value("entry_date") for r in recs] == ["2018-05-14", "2018-05-15"]
    assert recs[0].fields["decision"] is not None
    assert "then asked again, for her son" in recs[0].fields["decision"].evidence
    assert [i.row for i in recs.issues] == [2] and "part of the comment" in recs.issues[0].message


def test_comments_ragged_row_that_cannot_line_up_is_skipped(tmp_path):
    p = tmp_path / "x.csv"
    p.write_text("A#,Comment,Date\n"
                 "208123456,Subject declined, reunification,not a date\n"
                 "208123456,Property returned.,05/15/2018\n", encoding="utf-8")
    recs, _ = extract_comment_file(p, "csv")
    assert len(recs) == 1 and recs[0].value("entry_date") == "2018-05-15"
    assert [i.row for i in recs.issues] == [2]


def test_comments_mis_encoded_row_is_reported_and_decoded(tmp_path):
    p = tmp_path / "x.csv"
    good = "208123456,05/13/2018,DO Núñez,Subject declined reunification.\n".encode("utf-8")
    bad = "208123456,05/14/2018,DO Núñez,Property returned.\n".encode("cp1252")
    p.write_bytes(b"A#,Date,Officer,Comment\n" + good + bad)
    recs, _ = extract_comment_file(p, "csv")
    assert [r.value("author") for r in recs] == ["DO Núñez", "DO Núñez"]
    assert [i.row for i in recs.issues] == [3]


def test_comments_xlsx_title_rows_and_real_dates(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Case Comments Export"])
    ws.append([])
    ws.append(["Subject A-File", "Date/Time", "Officer Name", "Narrative"])
    ws.append(["208-123-456", dt.datetime(2018, 5, 30, 16, 16), "DO Ottilie Vasquez-Amundsen",
               "Interview language: SPANISH. Ms. Pu turned down travelling with the boy. DO H. Miller present as witness."])
    ws.append(["208-123-456", "2018-06-02 10:00", "SDDO Davis", "Recreation yard closed for rain."])
    p = tmp_path / "x.xlsx"
    wb.save(p)
    recs, pages = extract_comment_file(p, "xlsx")
    assert pages == 1 and len(recs) == 2
    r = recs[0]
    assert (r.value("entry_date"), r.value("language"), r.value("witness_name")) == \
        ("2018-05-30", "spa", "DO H. Miller")
    assert r.value("interpreter_or_fluent") is False
    assert recs[1].value("entry_date") == "2018-06-02"


def test_comments_records_list_every_contract_field(tmp_path):
    from extractor.model import COMMENT_FIELDS
    recs, _ = extract_comment_file(_write_csv(tmp_path / "x.csv", ["A#", "Date", "Officer", "Comment"], ROWS), "csv")
    for i, r in enumerate(recs):
        assert r.kind == "case_comment" and r.index == i
        assert set(r.fields) == set(COMMENT_FIELDS)
        assert r.checks == [] and r.score is None
    f = recs[0].fields["decision"]
    assert f.page is None and f.bbox is None and f.evidence in ROWS[0][3]


def test_comments_spanish_date_header_means_day_first(tmp_path):
    rows = [("208123456", "03/06/2018", "DO X", "Nota.")]
    recs, _ = extract_comment_file(_write_csv(tmp_path / "x.csv", ["A#", "Fecha", "Oficial", "Comentario"], rows), "csv")
    assert recs[0].value("entry_date") == "2018-06-03"


def test_comments_xlsx_serial_dates(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["A-Number", "Date", "Officer", "Comment"])
    ws.append(["208123456", 43250, "DO X", "Note."])
    p = tmp_path / "x.xlsx"
    wb.save(p)
    recs, _ = extract_comment_file(p, "xlsx")
    assert recs[0].value("entry_date") == "2018-05-30"
