"""The CLI's exit codes come from the one table in extractor.errors, and a failed file
still prints a valid document object."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import PLANTED_PII, REPO_ROOT, text_png
from extractor.errors import EXIT_CODES
from waiverscan import cli


def test_bad_input_exit_code_and_json(bad_input, capsys, contract_validator):
    path, code = bad_input
    rc = cli.main(["extract", str(path), "--json"])
    out, err = capsys.readouterr()
    assert rc == EXIT_CODES[code]
    doc = json.loads(out)
    contract_validator.validate(doc)
    assert doc["error"]["code"] == code
    assert code in err  # a clear message on stderr as well


def test_bad_input_text_mode_prints_error_only_to_stderr(bad_input, capsys):
    path, code = bad_input
    rc = cli.main(["extract", str(path)])
    out, err = capsys.readouterr()
    assert rc == EXIT_CODES[code]
    assert out == ""
    assert err.startswith("waiverscan: ") and code in err


def test_ocr_exit_code_matches_extract(bad_input, capsys):
    path, code = bad_input
    assert cli.main(["ocr", str(path), "--json"]) == EXIT_CODES[code]
    assert json.loads(capsys.readouterr().out)["error"]["code"] == code


def test_several_files_jsonl_first_failure_wins(tmp_path, capsys, contract_validator):
    empty = tmp_path / "a.png"
    empty.write_bytes(b"")
    html = tmp_path / "b.pdf"
    html.write_bytes(b"<html><body>x</body></html>")
    rc = cli.main(["extract", str(empty), str(html), str(tmp_path / "missing.tif"), "--jsonl"])
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    docs = [json.loads(line) for line in lines]
    for d in docs:
        contract_validator.validate(d)
    assert [d["error"]["code"] for d in docs] == ["empty", "unsupported_type", "unreadable"]
    assert rc == EXIT_CODES["empty"]


def test_internal_error_still_gives_document(monkeypatch, tmp_path, capsys, contract_validator):
    def boom(path):
        raise ValueError("could not parse 'Maria Lopez A208123456'")
    monkeypatch.setattr(cli, "_extract", boom)
    f = tmp_path / "x.png"
    f.write_bytes(text_png())
    rc = cli.main(["extract", str(f), "--json"])
    out, err = capsys.readouterr()
    assert rc == EXIT_CODES["internal"]
    doc = json.loads(out)
    contract_validator.validate(doc)
    assert "ValueError" in doc["error"]["message"]
    for planted in PLANTED_PII:  # the exception text may quote the document
        assert planted not in out and planted not in err


def test_missing_command_is_usage_error(capsys):
    assert cli.main([]) == EXIT_CODES["usage"]
    assert "command" in capsys.readouterr().err


def test_bad_option_is_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        cli.main(["extract", "--no-such-option", "f.pdf"])
    assert exc.value.code == EXIT_CODES["usage"]


def test_help_documents_every_exit_code(capsys):
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    out = capsys.readouterr().out
    for name, number in EXIT_CODES.items():
        assert f"{number:>2}  {name}" in out


def test_readme_documents_every_exit_code():
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    for name, number in EXIT_CODES.items():
        assert f"| {number} | {name} |" in readme


def test_exit_codes_are_distinct():
    assert len(set(EXIT_CODES.values())) == len(EXIT_CODES)


def test_module_entry_point_returns_exit_code(tmp_path):
    # the real process: `python -m waiverscan` wires main()'s return value to the exit status
    f = tmp_path / "z.pdf"
    f.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    proc = subprocess.run([sys.executable, "-m", "waiverscan", "extract", str(f), "--jsonl"],
                          capture_output=True, text=True, cwd=REPO_ROOT, timeout=120)
    assert proc.returncode == EXIT_CODES["unsupported_type"], proc.stderr
    assert json.loads(proc.stdout)["error"]["code"] == "unsupported_type"


def test_missing_tesseract_exit_code(monkeypatch, tmp_path, capsys):
    import pytesseract
    from extractor.ocr import tesseract
    monkeypatch.setenv(tesseract.BACKEND_ENV, "cli")  # no libtesseract either: the command
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", str(tmp_path / "no-tesseract"))
    tesseract.version.cache_clear()
    try:
        f = tmp_path / "hello.png"
        f.write_bytes(text_png())
        assert cli.main(["ocr", str(f), "--jsonl"]) == EXIT_CODES["tool_missing"]
        out, err = capsys.readouterr()
        assert json.loads(out)["error"]["code"] == "unreadable"  # the contract's nearest code
        assert "tool_missing" in err and "make setup" in err
        assert cli.main(["--version"]) == 0
        assert "Tesseract not installed" in capsys.readouterr().out
    finally:
        tesseract.version.cache_clear()


def test_ocr_timeout_exit_code(monkeypatch, tmp_path, capsys):
    import pytesseract

    def slow(*args, **kwargs):
        raise RuntimeError("Tesseract process timeout")
    monkeypatch.setenv("WAIVERSCAN_TESSERACT", "cli")  # the command's timeout path
    monkeypatch.setattr(pytesseract, "image_to_data", slow)
    f = tmp_path / "hello.png"
    f.write_bytes(text_png())
    assert cli.main(["ocr", str(f), "--jsonl"]) == EXIT_CODES["ocr_timeout"]
    assert "ocr_timeout" in capsys.readouterr().err
