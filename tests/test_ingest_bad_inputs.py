"""Bad files never crash the pipeline: each becomes its contract error code, a valid
document object, and a message that does not echo personal data."""
from __future__ import annotations

import hashlib

import pytest

from conftest import PLANTED_PII, text_png

from extractor import ingest
from extractor.errors import EXIT_CODES, TooLargeError, WaiverscanError, exit_code_for
from extractor.pipeline import ocr_document
from waiverscan.pipeline import extract_document


def test_extract_reports_contract_error(bad_input, contract_validator):
    path, code = bad_input
    doc = extract_document(path)
    assert doc.error is not None and doc.error["code"] == code, doc.error
    assert isinstance(doc.exception, WaiverscanError)
    assert exit_code_for(doc.exception) == EXIT_CODES[code]
    out = doc.to_contract()
    assert out["doc_type"] == "other" and out["records"] == []
    assert out["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    contract_validator.validate(out)


def test_ocr_reports_same_error(bad_input):
    path, code = bad_input
    doc = ocr_document(path)
    assert doc.error is not None and doc.error["code"] == code
    assert doc.pages == []


def test_error_message_has_no_personal_data(bad_input):
    path, _ = bad_input
    doc = extract_document(path)
    for planted in PLANTED_PII:
        assert planted not in doc.error["message"]


def test_missing_file_is_unreadable(tmp_path, contract_validator):
    doc = extract_document(tmp_path / "Maria_Lopez.png")
    assert doc.error["code"] == "unreadable"
    assert "Maria" not in doc.error["message"]
    contract_validator.validate(doc.to_contract())


def test_directory_is_unreadable(tmp_path):
    doc = ocr_document(tmp_path)
    assert doc.error["code"] == "unreadable"
    assert exit_code_for(doc.exception) == EXIT_CODES["unreadable"]


def test_type_comes_from_bytes_not_name(tmp_path):
    png_named_pdf = tmp_path / "scan.pdf"
    png_named_pdf.write_bytes(text_png())
    assert ingest.sniff(png_named_pdf) == "png"
    csv_named_png = tmp_path / "export.png"
    csv_named_png.write_text("A-Number,Date,Comment\nA208123456,2018-06-01,Parent declined\n"
                             "A208123457,2018-06-02,Parent requested reunification\n")
    assert ingest.sniff(csv_named_png) == "csv"


def test_moderate_oversize_image_is_too_large_not_a_warning(tmp_path):
    # between PIL's bomb limit and twice it PIL only warns: ingest must still refuse it
    from conftest import bomb_png
    side = int((ingest.MAX_PAGE_PIXELS * 1.5) ** 0.5)
    path = tmp_path / "big.png"
    path.write_bytes(bomb_png(side, side))
    doc = ocr_document(path)
    assert doc.error["code"] == "too_large"


def test_pdf_errors_do_not_inherit_previous_failure(tmp_path):
    # PDFium keeps its last error code across calls: an empty page tree read right after
    # an encrypted file must still be "empty", and a corrupt file "unreadable"
    from conftest import encrypted_pdf, image_pdf, no_pages_pdf
    files = {"enc.pdf": encrypted_pdf(image_pdf(text_png())), "none.pdf": no_pages_pdf(),
             "bad.pdf": b"%PDF-1.4\n" + b"\x00junk" * 100}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    got = [ocr_document(tmp_path / n).error["code"] for n in ("enc.pdf", "none.pdf", "enc.pdf", "bad.pdf")]
    assert got == ["encrypted", "empty", "encrypted", "unreadable"]


def test_corrupt_xlsx_is_unreadable(tmp_path, contract_validator):
    # a ZIP that looks like a workbook but whose XML is garbage: the comment reader must
    # turn the parser's exception into the contract's code, not crash the batch
    comments = pytest.importorskip("extractor.comments")
    if not hasattr(comments, "extract_comment_file"):
        pytest.skip("extractor.comments.extract_comment_file does not exist yet")
    import zipfile
    path = tmp_path / "export.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types")
        zf.writestr("xl/workbook.xml", "\x00 not xml")
    doc = extract_document(path)
    assert doc.error is not None and doc.error["code"] == "unreadable", doc.error
    contract_validator.validate(doc.to_contract())


def test_file_over_size_limit_is_too_large(tmp_path):
    # sparse: takes no disk space; the limit is checked before any parsing
    path = tmp_path / "huge.pdf"
    with open(path, "wb") as fh:
        fh.write(b"%PDF-1.4\n")
        fh.truncate(ingest.MAX_FILE_BYTES + 1)
    with pytest.raises(TooLargeError):
        ingest.sniff(path)
