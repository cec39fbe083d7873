"""Ingest: what a file is (by its bytes, never its name) and its pages as images.

PDF pages with a real text layer give their words directly (pdfplumber); image-only
pages are rendered at 300 dpi (pypdfium2). TIFFs may hold several pages. Everything
that cannot be read raises a WaiverscanError with the contract's error code.
"""
from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional

import numpy as np

from extractor.errors import (EmptyError, EncryptedError, TooLargeError, UnreadableError,
                              UnsupportedTypeError)
from extractor.model import Word

PDF_DPI = 300
MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_PAGE_PIXELS = 120_000_000  # ~ a 36x44 inch page at 300 dpi: anything bigger is a bomb
#: 5000 pages refuses only absurd page trees: an A-file of a parent can run to hundreds
#: of pages and is read (pages stream one at a time, so memory does not grow with them)
MAX_PAGES = 5000
#: a page side under this many pixels (at its own or the 300 dpi render) holds no text
MIN_PAGE_SIDE = 16
#: a PDF text layer of fewer words than this is not the page's text (a scan's stray marks)
MIN_LAYER_WORDS = 5
#: PDF pages parsed per pdfplumber open (see _TextLayer)
LAYER_CHUNK = 32

IMAGE_KINDS = ("png", "jpeg", "tiff")


@dataclass
class SourcePage:
    """A page as the file gives it, before preprocessing."""

    number: int  # 1-based
    image: Optional[np.ndarray]  # greyscale uint8, or None for a text-only page
    dpi: float
    width: int
    height: int
    text_words: Optional[list[Word]] = None  # from a PDF text layer, in 300 dpi pixels


def sha256_file(path: str | Path) -> str:
    """Hex digest of the file's bytes. The first thing the pipeline does with a path, so
    a missing, unreadable or non-regular file becomes an ``unreadable`` error here (the
    message names the OS reason, never the path, which may hold a person's name)."""
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    except OSError as exc:
        raise UnreadableError(f"the file cannot be opened: {exc.strerror or type(exc).__name__}") from exc
    return h.hexdigest()


def sniff(path: str | Path) -> str:
    """The file's kind from its first bytes: pdf, png, jpeg, tiff, xlsx, csv, text."""
    path = Path(path)
    size = path.stat().st_size
    if size == 0:
        raise EmptyError("the file is empty (0 bytes)")
    if size > MAX_FILE_BYTES:
        raise TooLargeError(f"the file is {size} bytes, over the {MAX_FILE_BYTES} byte limit")
    with open(path, "rb") as fh:
        head = fh.read(8192)
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "tiff"
    if head.startswith(b"PK\x03\x04"):
        return "xlsx" if _is_xlsx(path) else _unsupported("a ZIP archive that is not an XLSX workbook")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return _unsupported("a legacy Office (OLE) file; save it as XLSX or CSV")
    text = _head_text(head, cut=size > len(head))
    if text is not None:
        low = text.lstrip("\ufeff \t\r\n").lower()
        if low.startswith(("<!doctype html", "<html", "<?xml", "{", "[")):
            return _unsupported("an HTML, XML or JSON file")
        return "csv" if _looks_like_csv(text) else "text"
    return _unsupported("not a PDF, PNG, JPEG, TIFF, CSV, XLSX or text file")


def _unsupported(what: str) -> str:
    raise UnsupportedTypeError(f"unsupported file type: {what}")


def _is_xlsx(path: Path) -> bool:
    import zipfile
    try:
        with zipfile.ZipFile(path) as zf:
            return "xl/workbook.xml" in zf.namelist()
    except zipfile.BadZipFile:
        return False


#: share of a text sample's characters that may be undecodable or control characters:
#: an export with a few stray bytes is still text (its rows say which were replaced);
#: binary data has ~11% control bytes
MAX_JUNK_SHARE = 0.02
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _head_text(head: bytes, cut: bool) -> Optional[str]:
    """The file's first bytes as text, or None when they are not text: UTF-16 with a
    byte order mark (Excel's "Unicode text"), else each line UTF-8 or else cp1252, with
    at most :data:`MAX_JUNK_SHARE` undecodable or control characters."""
    if head.startswith(UTF16_BOMS):
        body = head[: len(head) - len(head) % 2]
        text = body.decode("utf-16", errors="replace")
        return text if _junk_share(text[:-1] if cut else text) <= MAX_JUNK_SHARE else None
    if b"\x00" in head:
        return None
    lines = head.splitlines(keepends=True)
    if cut and len(lines) > 1:
        lines = lines[:-1]  # a line (or a multi-byte character) cut by the sample's end
    parts = []
    for raw in lines:
        try:
            parts.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            parts.append(raw.decode("cp1252", errors="replace"))
    text = "".join(parts)
    return text if _junk_share(text) <= MAX_JUNK_SHARE else None


def _junk_share(text: str) -> float:
    junk = sum(1 for ch in text if ch == "\ufffd" or (ord(ch) < 32 and ch not in "\t\n\r\f\v"))
    return junk / max(1, len(text))


def _looks_like_csv(text: str) -> bool:
    """Two or more cells per record, the first two records agreeing, for one of the
    delimiters. Records are read as CSV (quoted cells may hold delimiters, quotes and line
    breaks); csv.Sniffer gave up on cells holding quotes and semicolons."""
    import csv
    import io
    text = text.lstrip("\ufeff")
    for delimiter in (",", ";", "\t", "|"):
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        counts = []
        try:
            for row in reader:
                if any(c.strip() for c in row):
                    counts.append(len(row))
                if len(counts) == 2:
                    break
        except csv.Error:
            continue
        if len(counts) == 2 and counts[0] >= 2 and counts[0] == counts[1]:
            return True
    return False


def iter_pages(path: str | Path, kind: Optional[str] = None, first: int = 1,
               last: Optional[int] = None) -> Iterator[SourcePage]:
    """Pages of an image or PDF file, one at a time (memory stays bounded); ``first`` to
    ``last`` (1-based, inclusive) only: a batch worker reads a range of a long file."""
    kind = kind or sniff(path)
    if kind == "pdf":
        yield from _pdf_pages(Path(path), first, last)
    elif kind in IMAGE_KINDS:
        yield from _image_pages(Path(path), first, last)
    else:
        raise UnsupportedTypeError(f"{kind} files have no pages to scan")


def page_count(path: str | Path, kind: Optional[str] = None) -> int:
    kind = kind or sniff(path)
    if kind == "pdf":
        pdf = _open_pdf(Path(path))
        try:
            return len(pdf)
        finally:
            pdf.close()
    from PIL import Image
    with Image.open(path) as im:
        return getattr(im, "n_frames", 1)


def _image_pages(path: Path, first: int = 1, last: Optional[int] = None) -> Iterator[SourcePage]:
    from PIL import Image, UnidentifiedImageError
    Image.MAX_IMAGE_PIXELS = MAX_PAGE_PIXELS
    try:
        with warnings.catch_warnings():
            # PIL only warns between its limit and twice it: refuse those too, silently
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            im = Image.open(path)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise TooLargeError("the image's dimensions are too large to be a scanned page") from exc
    except (UnidentifiedImageError, OSError) as exc:
        raise UnreadableError(f"the image cannot be decoded: {exc}") from exc
    with im:
        n = getattr(im, "n_frames", 1)
        if n > MAX_PAGES:
            raise TooLargeError(f"the image has {n} frames, over the {MAX_PAGES} page limit")
        for i in range(first - 1, n if last is None else min(n, last)):
            try:
                im.seek(i)
                w, h = im.size
                if w * h > MAX_PAGE_PIXELS:
                    raise TooLargeError(f"page {i + 1} is {w}x{h} pixels, too large to be a scanned page")
                if w < MIN_PAGE_SIDE or h < MIN_PAGE_SIDE:  # decodes fine, holds nothing: "empty", not "damaged"
                    raise EmptyError(f"page {i + 1} is {w}x{h} pixels, too small to hold text")
                grey = np.asarray(im.convert("L"), dtype=np.uint8)
            except (OSError, ValueError, SyntaxError) as exc:
                raise UnreadableError(f"page {i + 1} cannot be decoded: {exc}") from exc
            dpi = _image_dpi(im, w, h)
            yield SourcePage(number=i + 1, image=grey, dpi=dpi, width=w, height=h)


def _image_dpi(im, w: int, h: int) -> float:
    """The image's resolution: its own metadata when plausible, else guessed from the
    page size (a scan is nearly always of a US letter or A4 sheet)."""
    dpi = im.info.get("dpi")
    try:
        d = float(dpi[0]) if dpi else 0.0
    except (TypeError, ValueError, IndexError):
        d = 0.0
    if 70 <= d <= 1200 and d != 72:  # 72 is the "unknown" default of many writers
        return d
    return max(w, h) / 11.0


def _open_pdf(path: Path):
    import pypdfium2 as pdfium
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        # PDFium refuses a well-formed PDF whose page tree is empty, without setting its
        # error code: the code (and message) then still say the previous failure's
        # reason, so neither is trusted alone.
        if _pdf_has_no_pages(path):
            raise EmptyError("the PDF has no pages") from exc
        msg = str(exc).lower()
        # PDFium error codes 4 and 5: FPDF_ERR_PASSWORD, FPDF_ERR_SECURITY
        said_encrypted = getattr(exc, "err_code", None) in (4, 5) or "password" in msg \
            or "security" in msg
        if said_encrypted and _has_encrypt_dict(path):
            raise EncryptedError("the PDF is encrypted and needs a password") from exc
        raise UnreadableError(f"the PDF cannot be parsed: {exc}") from exc


def _has_encrypt_dict(path: Path) -> bool:
    """The file has an /Encrypt entry (in its trailer or xref stream)."""
    import mmap
    with open(path, "rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as mm:
        return mm.find(b"/Encrypt") >= 0


def _pdf_has_no_pages(path: Path) -> bool:
    """True when pdfminer parses the file and finds zero pages (only asked about small
    files PDFium refused: an empty page tree takes a few hundred bytes)."""
    if path.stat().st_size > 1 << 20:
        return False
    import pdfplumber
    try:
        with pdfplumber.open(str(path)) as pdf:
            return len(pdf.pages) == 0
    except Exception:  # pdfminer raises many types: any failure means "not parseable"
        return False


def _pdf_pages(path: Path, first: int = 1, last: Optional[int] = None) -> Iterator[SourcePage]:
    pdf = _open_pdf(path)
    layer = _TextLayer(path)
    try:
        n = len(pdf)
        if n == 0:
            raise EmptyError("the PDF has no pages")
        if n > MAX_PAGES:
            raise TooLargeError(f"the PDF has {n} pages, over the {MAX_PAGES} page limit")
        for i in range(first - 1, n if last is None else min(n, last)):
            page = pdf[i]
            try:
                wpt, hpt = page.get_size()
                scale = PDF_DPI / 72.0
                w, h = int(round(wpt * scale)), int(round(hpt * scale))
                if w * h > MAX_PAGE_PIXELS:
                    raise TooLargeError(f"page {i + 1} is {wpt:.0f}x{hpt:.0f} pt, too large to render")
                if w < MIN_PAGE_SIDE or h < MIN_PAGE_SIDE:  # as for images; and a 0-pixel
                    # side would crash the preprocessing's resize
                    raise EmptyError(f"page {i + 1} is {wpt:.1f}x{hpt:.1f} pt, too small to hold text")
                words = layer.words(i, scale) if _pdfium_chars(page) >= MIN_LAYER_WORDS else None
                if words is not None:
                    yield SourcePage(number=i + 1, image=None, dpi=PDF_DPI, width=w, height=h,
                                     text_words=words)
                    continue
                bitmap = page.render(scale=scale, grayscale=True)
                grey = np.array(bitmap.to_numpy(), dtype=np.uint8)
                if grey.ndim == 3:
                    grey = grey[..., 0]
                yield SourcePage(number=i + 1, image=grey, dpi=PDF_DPI,
                                 width=grey.shape[1], height=grey.shape[0])
            finally:
                page.close()
    finally:
        layer.close()
        pdf.close()


def _pdfium_chars(page) -> int:
    """Non-blank characters in a page's text layer as PDFium reads it (the page is loaded
    already, so this is cheap): a scan has none, and need not be parsed again by pdfplumber."""
    try:
        textpage = page.get_textpage()
    except Exception:  # noqa: BLE001  (unknown: let pdfplumber decide)
        return MIN_LAYER_WORDS
    try:
        return sum(not ch.isspace() for ch in textpage.get_text_range())
    finally:
        textpage.close()


class _TextLayer:
    """pdfplumber over a window of :data:`LAYER_CHUNK` pages at a time, opened only when a
    page has a text layer. Opening pdfplumber walks the whole page tree, so one open per
    page made long files quadratic (a 600-page PDF spent 100 s here before any OCR);
    keeping the whole document open would keep every parsed page's objects instead."""

    def __init__(self, path: Path):
        self.path = path
        self.pdf = None
        self.first = 0
        self.dead = False  # pdfminer cannot read this file's pages: render them all

    def words(self, index: int, scale: float) -> Optional[list[Word]]:
        import pdfplumber
        if self.dead:
            return None
        try:
            if self.pdf is None or not self.first <= index < self.first + len(self.pdf.pages):
                self.close()
                self.pdf = pdfplumber.open(str(self.path), pages=list(
                    range(index + 1, index + 1 + LAYER_CHUNK)))
                self.first = index
                if not self.pdf.pages:
                    self.dead = True
                    return None
            page = self.pdf.pages[index - self.first]
            try:
                raw = page.extract_words(keep_blank_chars=False, use_text_flow=False)
            finally:
                page.close()  # its parsed objects: the window holds pages, not their text
        except Exception:  # noqa: BLE001  pdfminer raises many types: a bad layer is rendered
            self.dead = self.pdf is None
            return None
        return _layer_words(raw, scale)

    def close(self) -> None:
        if self.pdf is not None:
            self.pdf.close()
            self.pdf = None


def _layer_words(raw: list[dict], scale: float) -> Optional[list[Word]]:
    """Words of a PDF page's text layer, or None when it holds no real text (a scan, or
    an OCR layer of junk): fewer than 5 words or mostly non-letters."""
    texts = [w["text"] for w in raw]
    letters = sum(ch.isalpha() for t in texts for ch in t)
    total = sum(len(t) for t in texts)
    if len(texts) < MIN_LAYER_WORDS or total == 0 or letters / total < 0.5:
        return None
    words = []
    for w in raw:
        bbox = (w["x0"] * scale, w["top"] * scale, w["x1"] * scale, w["bottom"] * scale)
        words.append(Word(text=w["text"], conf=1.0, bbox=bbox,
                          line_key=(0, 0, int(round(w["top"] * scale / 10)))))
    return words
