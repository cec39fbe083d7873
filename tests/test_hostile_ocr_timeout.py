"""A page that Tesseract takes too long on: the real engine is run with a timeout it
cannot meet (it is killed), the file gets `ocr_timeout` (exit code 9), and a batch goes
on with the other files; the next run retries it, since a timeout is not the file's
fault."""
from __future__ import annotations

import json

import pytest

import hostile_corpus as H
from batch_archive import comments_csv
from conftest import text_png
from extractor.errors import EXIT_CODES, OcrTimeoutError
from extractor.ocr import tesseract

pytestmark = pytest.mark.integration

_real_ocr_words = tesseract.ocr_words


def _impatient(image, **kw):
    """Tesseract itself, given 1 ms: its process is killed by the wrapper's timeout."""
    kw["timeout"] = 0.001
    return _real_ocr_words(image, **kw)


def test_hostile_ocr_timeout_is_its_own_error():
    import numpy as np
    page = np.full((400, 600), 255, np.uint8)
    page[180:220, 50:550] = 0
    with pytest.raises(OcrTimeoutError) as exc:
        _impatient(page)
    assert exc.value.code == "ocr_timeout" and "took longer than" in exc.value.message


def test_hostile_ocr_timeout_exit_code(monkeypatch, tmp_path, capsys, contract_validator):
    from waiverscan import cli
    monkeypatch.setattr(tesseract, "ocr_words", _impatient)
    f = tmp_path / "scan.png"
    f.write_bytes(text_png())
    assert cli.main(["extract", str(f), "--json"]) == EXIT_CODES["ocr_timeout"]
    out, err = capsys.readouterr()
    doc = json.loads(out)
    contract_validator.validate(doc)
    assert doc["error"]["code"] == "unreadable"  # the contract's nearest code
    assert "ocr_timeout" in err


def test_hostile_ocr_timeout_batch_goes_on_and_retries(monkeypatch, tmp_path):
    from waiverscan.batch import scan
    from waiverscan.store import open_store
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "a_comments.csv").write_bytes(comments_csv(1))
    (archive / "b_scan.png").write_bytes(text_png())
    (archive / "c_printout.pdf").write_bytes(H.printout_pdf())
    store = open_store(f"sqlite:///{tmp_path / 's.db'}")
    try:
        monkeypatch.setattr(tesseract, "ocr_words", _impatient)
        s = scan([archive], store, workers=0, progress=False)  # in this process: patched
        assert (s.scored, s.failed, s.failure_codes) == (2, 1, {"ocr_timeout": 1})
        assert [(f["source"].rsplit("/", 1)[-1], f["failure_code"]) for f in store.failures()] \
            == [("b_scan.png", "ocr_timeout")]
        monkeypatch.setattr(tesseract, "ocr_words", _real_ocr_words)
        s = scan([archive], store, workers=0, progress=False)
        assert (s.scored, s.failed, s.skipped) == (1, 0, 2)  # only the timed-out file again
        assert store.failures() == []
    finally:
        store.close()
