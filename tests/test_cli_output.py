"""What `waiverscan extract` and `waiverscan ocr` print, on documents built here (so the
printing is tested apart from the extraction stages)."""
from __future__ import annotations

import json
import logging

import pytest

from conftest import PLANTED_PII
from extractor.model import COMMENT_FIELDS, FORM_FIELDS, Document, Field, Page, Record, Word
from scoring.rubric import score_document
from waiverscan import cli

SHA = "ab" * 32


def form_document(source: str = "forms/0001.png") -> Document:
    page = Page(number=1, width=1275, height=1650, dpi=300.0,
                to_source=((0.5, 0.0, 0.0), (0.0, 0.5, 0.0)))  # working image is 2x the file
    fields = {name: None for name in FORM_FIELDS}
    fields.update(
        parent_name=Field("Maria Lopez", 0.93, page=1, bbox=(100, 200, 500, 240),
                          evidence="Nombre: Maria Lopez"),
        parent_a_number=Field("A208123456", 0.88, page=1, bbox=(600, 200, 900, 240)),
        child_names=Field(["Ana Lopez"], 0.8, page=1),
        date_signed=Field("2018-06-14", 0.9, page=1),
        election=Field("depart_without_child", 0.97, page=1),
        parent_signed=Field(True, 0.85, page=1),
        official_name=Field("SDDO K. Brown", 0.7, page=1),
        witness_name=Field(None, 0.8, page=1),  # a witness line left empty
    )
    doc = Document(source=source, sha256=SHA, doc_type="waiver_form", pages=[page],
                   records=[Record(kind="waiver_form", index=0, fields=fields)])
    return score_document(doc)


def comment_document() -> Document:
    rec = Record(kind="case_comment", index=0, fields={n: None for n in COMMENT_FIELDS})
    rec.fields["entry_date"] = Field("2018-06-20", 1.0, evidence="06/20/2018")
    doc = Document(source="comments/export.csv", sha256=SHA, doc_type="case_comments",
                   page_count=1, records=[rec])
    return score_document(doc)


@pytest.fixture
def fake_extract(monkeypatch):
    docs = {}
    monkeypatch.setattr(cli, "_extract", lambda path: docs[path.name])
    return docs


def test_summary_lists_fields_checks_and_score(fake_extract, capsys):
    fake_extract["0001.png"] = form_document()
    assert cli.main(["extract", "0001.png"]) == 0
    out = capsys.readouterr().out
    assert "type:    waiver_form" in out and "pages:   1" in out
    assert "Maria Lopez" in out and "(conf 0.93, p1)" in out
    assert '["Ana Lopez"]' in out
    # a field the form does not hold is shown as missing, not dropped
    assert any(line.split()[:2] == ["supervisor_name", "-"] for line in out.splitlines())
    assert any(line.split()[:2] == ["witness_name", "(blank)"] for line in out.splitlines())
    sup = next(line for line in out.splitlines() if line.strip().startswith("F-SUPERVISOR"))
    check = next(c for c in fake_extract["0001.png"].records[0].checks if c.id == "F-SUPERVISOR")
    assert sup.split()[1:3] == ["fail", "major"] and sup.rstrip().endswith(check.why)
    rec = fake_extract["0001.png"].records[0]
    assert f"score: {rec.score:.0f}/100" in out


def test_summary_of_record_without_applicable_checks(fake_extract, capsys):
    fake_extract["export.csv"] = comment_document()
    assert cli.main(["extract", "export.csv"]) == 0
    out = capsys.readouterr().out
    assert "score: n/a" in out
    assert any(line.split()[:2] == ["a_number", "-"] for line in out.splitlines())
    assert "(conf 1.00, text)" in out  # text sources have no page
    assert "not_applicable" in out


def test_json_is_the_contract_object(fake_extract, capsys, contract_validator):
    doc = form_document()
    fake_extract["0001.png"] = doc
    assert cli.main(["extract", "0001.png", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    contract_validator.validate(out)
    assert out == json.loads(json.dumps(doc.to_contract()))
    # bbox printed in the file's pixels: the working image is twice the file's size
    assert out["records"][0]["fields"]["parent_name"]["bbox"] == [50.0, 100.0, 250.0, 120.0]


def test_jsonl_one_line_per_file(fake_extract, capsys, contract_validator):
    fake_extract["0001.png"] = form_document()
    fake_extract["export.csv"] = comment_document()
    assert cli.main(["extract", "0001.png", "export.csv", "--jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["doc_type"] for line in lines] == ["waiver_form", "case_comments"]
    for line in lines:
        contract_validator.validate(json.loads(line))


def test_json_and_jsonl_are_exclusive(capsys):
    with pytest.raises(SystemExit) as exc:
        cli.main(["extract", "a.pdf", "--json", "--jsonl"])
    assert exc.value.code == 2


def test_ocr_text_groups_words_into_lines(monkeypatch, capsys):
    page = Page(number=1, width=100, height=100, dpi=300.0, words=[
        Word("Nombre:", 0.9, (0, 0, 10, 5), (1, 1, 1)), Word("Maria", 0.9, (12, 0, 20, 5), (1, 1, 1)),
        Word("Fecha:", 0.9, (0, 10, 10, 15), (1, 1, 2)), Word("14/06/2018", 0.9, (12, 10, 30, 15), (1, 1, 2)),
    ])
    doc = Document(source="s.png", sha256=SHA, pages=[page])
    monkeypatch.setattr(cli, "_ocr", lambda path: doc)
    assert cli.main(["ocr", "s.png"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-2:] == ["Nombre: Maria", "Fecha: 14/06/2018"]
    assert "page 1 (100x100 px, 4 words, ocr)" in out[1]


def test_version_names_both_programs(capsys):
    assert cli.main(["--version"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("waiverscan 0.1.0\nTesseract ")


def test_logs_carry_no_personal_data(fake_extract, caplog, capsys):
    name = "Maria_Lopez_A208123456.png"
    fake_extract[name] = form_document(source=name)
    with caplog.at_level(logging.DEBUG):
        assert cli.main(["-v", "extract", name]) == 0
    assert caplog.records, "-v must log progress"
    logged = "\n".join(r.getMessage() for r in caplog.records)
    for planted in PLANTED_PII:
        assert planted not in logged


def test_default_log_level_is_warning(fake_extract, caplog):
    fake_extract["0001.png"] = form_document()
    cli.main(["extract", "0001.png"])
    assert logging.getLogger().level == logging.WARNING
    assert not [r for r in caplog.records if r.levelno < logging.WARNING]
