"""`waiverscan ocr --json` with real Tesseract: words, confidences and boxes in the
pixels of the file given (not of the rescaled working image)."""
from __future__ import annotations

import json

import pytest

from conftest import image_pdf, text_png
from waiverscan import cli

pytestmark = pytest.mark.integration


def _words(tmp_path, capsys, name: str, data: bytes) -> dict:
    f = tmp_path / name
    f.write_bytes(data)
    assert cli.main(["ocr", str(f), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def _check_hello(doc: dict, scale: float) -> None:
    (page,) = doc["pages"]
    texts = [w["text"] for w in page["words"]]
    assert "HELLO" in texts and "WORLD" in texts, texts
    for w in page["words"]:
        assert 0.0 <= w["conf"] <= 1.0
        x0, y0, x1, y1 = w["bbox"]
        assert 0 <= x0 < x1 <= page["width"] and 0 <= y0 < y1 <= page["height"]
    x0, y0, x1, y1 = page["words"][texts.index("HELLO")]["bbox"]
    # drawn at (30, 60) in a 900x220 image, with 64 px glyphs
    assert abs(x0 - 30 * scale) < 15 * scale and abs(y0 - 75 * scale) < 25 * scale
    assert 130 * scale < x1 - x0 < 320 * scale


def test_png_boxes_in_file_pixels(tmp_path, capsys):
    # declared 150 dpi: the working image is upscaled to 300 dpi, boxes must come back
    from PIL import Image
    import io
    im = Image.open(io.BytesIO(text_png()))
    buf = io.BytesIO()
    im.save(buf, "PNG", dpi=(150, 150))
    doc = _words(tmp_path, capsys, "hello.png", buf.getvalue())
    assert doc["pages"][0]["width"] == 900 and doc["error"] is None
    _check_hello(doc, 1.0)


def test_pdf_boxes_in_300dpi_render_pixels(tmp_path, capsys):
    doc = _words(tmp_path, capsys, "hello.pdf", image_pdf(text_png()))  # placed at 150 dpi
    assert abs(doc["pages"][0]["width"] - 1800) <= 2  # PDFium may round up a pixel
    _check_hello(doc, 2.0)


def test_ocr_text_mode_prints_the_words(tmp_path, capsys):
    f = tmp_path / "hello.png"
    f.write_bytes(text_png())
    assert cli.main(["ocr", str(f)]) == 0
    assert "HELLO WORLD" in capsys.readouterr().out
