"""Files are what their extension says, at the requested resolution, and the generator
fails clearly without fonts."""
import io

import pytest
from PIL import Image

from samples.generator import FontsMissing, fonts, make_document


@pytest.mark.parametrize("fmt,magic", [("png", b"\x89PNG"), ("jpg", b"\xff\xd8"), ("pdf", b"%PDF"),
                                       ("tif", b"II*\x00")])
def test_formats_and_magic(fmt, magic):
    data, ext, line, _ = make_document(123, fmt=fmt, dpi=72, intensity=0)
    assert ext == fmt and data.startswith(magic)
    if fmt != "pdf":
        im = Image.open(io.BytesIO(data))
        assert im.size == (612, 792)  # letter at 72 dpi
        assert round(im.info["dpi"][0]) == 72


def test_fax_pages_are_bilevel():
    data, _, line, _ = make_document(5, fmt="png", dpi=72, force={"fax"}, intensity=0)
    assert Image.open(io.BytesIO(data)).mode == "1"
    assert "fax" in line["meta"]["degradations"][0]


def test_attachment_makes_two_pages():
    data, _, line, _ = make_document(9, fmt="tif", dpi=72, attachment=True, intensity=0)
    assert line["pages"] == 2 == Image.open(io.BytesIO(data)).n_frames
    assert line["meta"]["form_page"] in (1, 2)


def test_low_dpi_is_downscaled_from_300():
    data, _, line, _ = make_document(2, fmt="png", dpi=150, intensity=0)
    assert Image.open(io.BytesIO(data)).size == (1275, 1650)
    assert line["meta"]["render_dpi"] == 300 and line["meta"]["degradations"][0] == ["dpi150"]


def test_missing_fonts_fail_with_install_hint(monkeypatch, tmp_path):
    monkeypatch.setattr(fonts, "FONT_DIRS", (str(tmp_path),))
    fonts._index.cache_clear()
    fonts.available.cache_clear()
    try:
        with pytest.raises(FontsMissing, match="apt-get install"):
            make_document(1, dpi=72)
    finally:
        fonts._index.cache_clear()
        fonts.available.cache_clear()
