"""Comment listings in every style the project meets, split into entries: sections per
A-number, flat lists (comment on the header line), ruled tables (with and without the
ruling OCR'd), typewriter capitals, officer-before-date columns; and exports with `,`,
`;` and tab delimiters, cp1252 bytes and quoted newlines. All text invented here."""
import pytest

from extractor.comments import extract_comment_file, extract_comment_text

E1 = "Subject turned down travelling with her son. Witness DO P. Lindqvist."
E2 = "Bed space confirmed for Tuesday."
E3 = "Father wants to be removed with his daughter."

STYLES = {
    "sections": f"""CASE COMMENTS                         Page 1
SUBJECT A#: 208-123-456
06/01/2018 09:15 SDDO K. Brown
   {E1}
06/03/2018 DO P. Lindqvist
   {E2}
SUBJECT A#: 207-481-339
06/05/2018 DO P. Lindqvist
   {E3}
""",
    "flat": f"""06/01/2018 SDDO K. Brown A#: 208-123-456 {E1}
06/03/2018 DO P. Lindqvist A#: 208-123-456 {E2}
06/05/2018 DO P. Lindqvist A#: 207-481-339 {E3}
""",
    "ruled": """+------------+-----------------+-------------+-------------------------------------------+
| Date       | Officer         | A-Number    | Comment                                   |
+------------+-----------------+-------------+-------------------------------------------+
| 06/01/2018 | SDDO K. Brown   | 208-123-456 | Subject turned down travelling with her   |
|            |                 |             | son. Witness DO P. Lindqvist.             |
+------------+-----------------+-------------+-------------------------------------------+
| 06/03/2018 | DO P. Lindqvist | 208-123-456 | Bed space confirmed for Tuesday.          |
+------------+-----------------+-------------+-------------------------------------------+
| 06/05/2018 | DO P. Lindqvist | 207-481-339 | Father wants to be removed with his       |
|            |                 |             | daughter.                                 |
+------------+-----------------+-------------+-------------------------------------------+
""",
    "ruled_ocr": """Date | Officer | A-Number | Comment
06/01/2018 | SDDO K. Brown | 208-123-456 | Subject turned down travelling with her
| | | son. Witness DO P. Lindqvist.
06/03/2018 | DO P. Lindqvist | 208-123-456 | Bed space confirmed for Tuesday.
06/05/2018 | DO P. Lindqvist | 207-481-339 | Father wants to be removed with his
| | | daughter.
""",
    "typewriter": f"""CASE COMMENTS
A-NUMBER: 208 123 456
01 JUN 2018   SDDO K. BROWN
{E1.upper()}
03 JUN 2018   DO P. LINDQVIST
{E2.upper()}
A-NUMBER: 207 481 339
05 JUN 2018   DO P. LINDQVIST
{E3.upper()}
""",
    "officer_first": f"""A-NUMBER: 208-123-456
SDDO K. Brown     06/01/2018
   {E1}
DO P. Lindqvist   06/03/2018
   {E2}
A-NUMBER: 207-481-339
DO P. Lindqvist   06/05/2018
   {E3}
""",
}


@pytest.mark.parametrize("style", sorted(STYLES))
def test_listing_style_splits_into_dated_entries(style):
    recs = extract_comment_text(STYLES[style])
    assert [r.value("entry_date") for r in recs] == ["2018-06-01", "2018-06-03", "2018-06-05"]
    assert [r.value("a_number") for r in recs] == ["A208123456", "A208123456", "A207481339"]
    assert [str(r.value("author")).upper() for r in recs] == ["SDDO K. BROWN", "DO P. LINDQVIST",
                                                             "DO P. LINDQVIST"]
    assert [r.value("decision") for r in recs] == ["waive_reunification", None,
                                                   "requests_reunification"]
    assert str(recs[0].value("witness_name")).upper() == "DO P. LINDQVIST"


HEAD = ["A-Number", "Entry Date", "Officer", "Comment"]
ROWS = [["208-123-456", "06/01/2018", "SDDO K. Brown", E1],
        ["208-123-456", "06/03/2018", "DO P. Lindqvist", E2],
        ["207-481-339", "06/05/2018", "DO P. Lindqvist", E3]]


def _csv(rows, sep):
    def cell(c):
        return '"' + c.replace('"', '""') + '"' if any(ch in c for ch in (sep, '"', "\n")) else c
    return "\r\n".join(sep.join(cell(c) for c in r) for r in [HEAD] + rows) + "\r\n"


@pytest.mark.parametrize("sep", [",", ";", "\t"])
def test_export_delimiters(tmp_path, sep):
    p = tmp_path / "x.csv"
    p.write_text(_csv(ROWS, sep), encoding="utf-8")
    recs, _ = extract_comment_file(p, "csv")
    assert [r.value("decision") for r in recs] == ["waive_reunification", None, "requests_reunification"]
    assert [r.value("a_number") for r in recs] == ["A208123456", "A208123456", "A207481339"]


def test_export_cp1252_and_quoted_newlines(tmp_path):
    rows = [["208-123-456", "06/01/2018", "SDDO K. Brown",
             "Señora Pú said: “me voy sola”.\nWitness DO P. Lindqvist."],
            ["207-481-339", "06/05/2018", "DO P. Lindqvist", E3]]
    p = tmp_path / "x.csv"
    p.write_bytes(_csv(rows, ";").encode("cp1252"))
    recs, _ = extract_comment_file(p, "csv")
    assert len(recs) == 2
    assert recs[0].value("decision") == "waive_reunification"
    assert recs[0].value("witness_name") == "DO P. Lindqvist"
    assert "Señora Pú" in recs[0].fields["decision"].evidence  # cp1252 decoded, not mangled
    assert recs[1].value("decision") == "requests_reunification"


def test_a_subject_heading_names_the_a_number_of_the_entries_below_it():
    """A printout headed "Subject: NAME  A-Number: ..." (a name first, then the number)
    gives every entry under it that A-number. Invented people and numbers."""
    from extractor.comments import extract_comment_text
    text = ("Subject: Marisol Ajcot de la Cruz Tiney    A-Number: A204-771-358\n"
            "03/02/2018 DO T. Nakamura\n"
            "   Subject declined to take her son; wants him to stay with an aunt.\n"
            "03/09/2018 SDDO W. Okafor\n"
            "   Travel document requested from the consulate.\n")
    recs = extract_comment_text(text)
    assert [r.value("a_number") for r in recs] == ["A204771358", "A204771358"]
