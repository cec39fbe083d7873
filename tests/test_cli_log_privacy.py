"""Logs (stderr through logging, even at -vv) carry no personal data: not the file's
name, not an A-number, not the text of a comment."""
from __future__ import annotations

import logging

import pytest

from waiverscan import cli

CSV = ("A-Number,Entry Date,Author,Comment\n"
       "A208123456,06/01/2018,ERO K. Brown,Parent Maria Lopez stated she does not wish "
       "to take her son Pedro with her. Spanish interpreter present.\n"
       "A208123456,06/02/2018,ERO K. Brown,Parent Maria Lopez requested to reunify with Pedro.\n")
SECRETS = ("Maria", "Lopez", "Pedro", "208123456")


def test_real_pipeline_logs_without_personal_data(tmp_path, capsys):
    comments = pytest.importorskip("extractor.comments")
    if not hasattr(comments, "extract_comment_file"):
        pytest.skip("extractor.comments.extract_comment_file does not exist yet")
    path = tmp_path / "Maria_Lopez_A208123456.csv"
    path.write_text(CSV, encoding="utf-8")
    assert cli.main(["-vv", "extract", str(path), "--jsonl"]) == 0
    out, err = capsys.readouterr()
    assert "Lopez" in out  # the output holds the data...
    assert "INFO" in err   # ...the logs ran...
    for secret in SECRETS:  # ...and hold none of it
        assert secret not in err, [line for line in err.splitlines() if secret in line]


def test_redaction_covers_any_stage_logger(monkeypatch, tmp_path, capsys):
    path = tmp_path / "Maria_Lopez.png"

    def chatty(p):
        logging.getLogger("extractor.some_stage").warning(
            "read %s from %s (parent A-208 123 456)", p.name, p)
        raise ValueError("stop")
    monkeypatch.setattr(cli, "_ocr", chatty)
    cli.main(["ocr", str(path)])
    err = capsys.readouterr().err
    warning = next(line for line in err.splitlines() if "WARNING" in line)
    assert "Maria" not in warning and "208" not in warning
    assert "<file>" in warning and "<A-number>" in warning
