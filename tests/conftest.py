"""Shared fixtures: the contract's JSON Schema validator and generated bad input files.

The schema is read from ``../shared/contract/record.schema.json`` (beside the repo, as
on developers' machines and in CI) and never copied into the repo, so the tests always
check against the contract in force. Bad inputs are generated in ``tmp_path``: none is
committed.
"""
from __future__ import annotations

import io
import json
import struct
import sys
import zipfile
import zlib
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = REPO_ROOT.parent / "shared"
SCHEMA_PATH = SHARED / "contract" / "record.schema.json"
DEV_DIR = SHARED / "datasets" / "dev"

if str(REPO_ROOT) not in sys.path:  # the tests run against the work tree
    sys.path.insert(0, str(REPO_ROOT))

# the store's databases (issue 4): a throwaway PostgreSQL server, and `store_url`
# parametrised over SQLite and PostgreSQL
from pg_server import postgres_server, store_url  # noqa: E402,F401
from batch_archive import batch_archive, batch_reference  # noqa: E402,F401


@pytest.fixture(scope="session")
def contract_schema() -> dict:
    if not SCHEMA_PATH.is_file():
        pytest.fail(f"contract schema not found at {SCHEMA_PATH}: shared/ must sit beside the repo")
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def contract_validator(contract_schema):
    """A Draft 2020-12 validator of one document object (``Document.to_contract()``).
    Use ``contract_validator.validate(obj)`` (raises) or ``.iter_errors(obj)``."""
    from jsonschema import Draft202012Validator
    Draft202012Validator.check_schema(contract_schema)
    return Draft202012Validator(contract_schema)


# --------------------------------------------------------------------------- builders

def text_png(text: str = "HELLO WORLD 2018", size=(900, 220), font_px: int = 64) -> bytes:
    """A clean PNG with one line of large text (a font from fonts-dejavu-core)."""
    from PIL import Image, ImageDraw, ImageFont
    im = Image.new("L", size, 255)
    try:
        font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", font_px)
    except OSError:
        font = ImageFont.load_default()
    ImageDraw.Draw(im).text((30, 60), text, fill=0, font=font)
    buf = io.BytesIO()
    im.save(buf, "PNG", dpi=(300, 300))
    return buf.getvalue()


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def bomb_png(width: int = 100_000, height: int = 100_000) -> bytes:
    """A tiny PNG whose header claims ``width`` x ``height`` pixels."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr)
            + _png_chunk(b"IDAT", zlib.compress(b"\x00" * 1024)) + _png_chunk(b"IEND", b""))


def image_pdf(png: bytes) -> bytes:
    from PIL import Image
    buf = io.BytesIO()
    Image.open(io.BytesIO(png)).save(buf, "PDF", resolution=150)
    return buf.getvalue()


def encrypted_pdf(pdf: bytes, password: str = "secret") -> bytes:
    pypdf = pytest.importorskip("pypdf")  # dev extra
    writer = pypdf.PdfWriter()
    writer.append(io.BytesIO(pdf))
    writer.encrypt(user_password=password, owner_password=password + "-owner", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def no_pages_pdf() -> bytes:
    pypdf = pytest.importorskip("pypdf")
    buf = io.BytesIO()
    pypdf.PdfWriter().write(buf)
    return buf.getvalue()


def huge_page_pdf() -> bytes:
    """One blank page of 200 x 200 inches (the PDF maximum): 3.6 gigapixels at 300 dpi."""
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter()
    writer.add_blank_page(14400, 14400)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def zip_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("notes.txt", "not a workbook")
    return buf.getvalue()


def one_pixel_png() -> bytes:
    from PIL import Image
    buf = io.BytesIO()
    Image.new("L", (1, 1), 255).save(buf, "PNG")
    return buf.getvalue()


#: name -> (file name, builder, contract error code). File names carry a made-up
#: person's name and A-number so tests can check that messages and logs never echo them.
BAD_INPUTS = {
    "zero_bytes": ("Maria_Lopez_A208123456.pdf", lambda: b"", "empty"),
    "truncated_png": ("Maria_Lopez_A208123456.png", lambda: text_png()[:300], "unreadable"),
    "truncated_pdf": ("Maria_Lopez_A208123456.pdf",
                      lambda: (lambda b: b[: len(b) // 3])(image_pdf(text_png())), "unreadable"),
    "corrupt_pdf": ("Maria_Lopez_A208123456.pdf",
                    lambda: b"%PDF-1.4\n" + bytes(range(256)) * 8, "unreadable"),
    "encrypted_pdf": ("Maria_Lopez_A208123456.pdf",
                      lambda: encrypted_pdf(image_pdf(text_png())), "encrypted"),
    "html_named_pdf": ("Maria_Lopez_A208123456.pdf",
                       lambda: b"<!DOCTYPE html>\n<html><body><p>Maria</p></body></html>\n",
                       "unsupported_type"),
    "zip_named_pdf": ("Maria_Lopez_A208123456.pdf", zip_bytes, "unsupported_type"),
    "binary_garbage": ("Maria_Lopez_A208123456.tif", lambda: bytes(range(256)) * 16,
                       "unsupported_type"),
    "png_bomb": ("Maria_Lopez_A208123456.png", bomb_png, "too_large"),
    "pdf_huge_page": ("Maria_Lopez_A208123456.pdf", huge_page_pdf, "too_large"),
    "one_pixel_png": ("Maria_Lopez_A208123456.png", one_pixel_png, "empty"),
    "pdf_no_pages": ("Maria_Lopez_A208123456.pdf", no_pages_pdf, "empty"),
}

#: personal data planted in the bad inputs' names and bodies
PLANTED_PII = ("Maria", "Lopez", "A208123456")


@pytest.fixture(params=sorted(BAD_INPUTS))
def bad_input(request, tmp_path) -> tuple[Path, str]:
    """Each bad input in turn: (path of the generated file, expected contract code)."""
    name, build, code = BAD_INPUTS[request.param]
    path = tmp_path / request.param / name
    path.parent.mkdir()
    path.write_bytes(build())
    return path, code


# --------------------------------------------------------------------------- markers

def pytest_collection_modifyitems(config, items):
    """`postgres` and `browser` marks from what a test uses, so `make test-fast` can
    leave out the tests that start a PostgreSQL server or a Chromium without each test
    file having to remember its mark."""
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        params = getattr(getattr(item, "callspec", None), "params", {})
        if ("postgres_server" in names or params.get("store_url") == "postgresql"
                or "_pg_" in item.nodeid):
            item.add_marker(pytest.mark.postgres)
        if "browser" in names:
            item.add_marker(pytest.mark.browser)
