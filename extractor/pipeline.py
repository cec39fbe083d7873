"""The pipeline: file -> Document, as a chain of stages with one signature each.

``read_page`` is the per-page unit of work (picklable in and out) that the batch runner
fans out to processes. ``read_scan`` streams a scan's pages: each is typed
(``extractor.pagetype``: blank pages skip OCR), grouped into documents
(``extractor.documents``) and each document read on its own, so a long alien file holds
words, not images, and gives one record per form instance.
"""
from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Callable, Optional

from extractor import ingest
from extractor.errors import WaiverscanError
from extractor.model import Document, Page, Word
from extractor.ocr import tesseract
from extractor.preprocess import prepare, uncovered_ink_regions, whiten_boxes

log = logging.getLogger(__name__)


def read_page(src: ingest.SourcePage, lang: str = tesseract.DEFAULT_LANG) -> Page:
    """Preprocess and OCR one source page (or take its text layer).

    One Tesseract pass per page. Only when that pass reads badly (few confident words:
    the page may be sideways or upside down) is Tesseract's orientation detection run,
    and the page re-read turned upright if that reads better. Then the ink no word
    covers gets a second look (``_read_uncovered``)."""
    if src.image is None:
        return Page(number=src.number, width=src.width, height=src.height, dpi=src.dpi,
                    words=list(src.text_words or []), text_source="text_layer")
    prep = prepare(src.image, src.dpi)
    raw = tesseract.ocr_words(prep.ocr_image, lang=lang)
    words = tesseract.clean_words(raw)
    kept = {w.bbox for w in words}
    dropped = [w for w in raw if w.bbox not in kept]
    quality = tesseract.text_quality(words)
    if (quality < ORIENT_CHECK_BELOW or len(words) < ORIENT_CHECK_WORDS
            or tesseract.vertical_share(words) > 0.5):
        first = prep
        prep, words, quality = _reorient(src, prep, words, quality, lang)
        if prep is not first:
            dropped = []  # those were read the wrong way up
    extra = _read_uncovered(prep, words, lang)
    if extra:
        prep.notes["uncovered_words"] = len(extra)
        words = words + extra
    prep.notes["text_quality"] = round(quality, 3)
    return Page(number=src.number, width=src.width, height=src.height, dpi=prep.dpi,
                words=words, image=prep.image, to_source=prep.to_source, notes=prep.notes,
                dropped=dropped, text_ink=prep.text_ink)


#: a first pass reading worse than this (or fewer words) gets an orientation check:
#: upright pages read at ~0.9-0.95, upside-down ones at ~0.55, 90 degrees ones at ~0.6
#: or (turned clockwise) well but with vertical words
ORIENT_CHECK_BELOW = 0.70
ORIENT_CHECK_WORDS = 8


def _read_uncovered(prep, words, lang):
    """Words in the text-sized ink the page pass left uncovered, read in one sparse
    pass over those regions only, kept at stricter confidences. Tesseract's layout
    analysis passes over small print in table cells, labels beside logos and stamps
    (FUNSD word recall 0.744 -> 0.771, F1 0.7925 -> 0.8065); reading just the regions
    costs a fraction of a page pass. The new words get line keys of their own.

    Ink touching a word read on its line is left alone: it belongs to that word
    (Tesseract has segmented it), and read on its own it comes back as a fragment
    that splits a label ("A-Numb" "er") or sticks to a name (without this check the
    dev forms lost 2 fields and gained 1)."""
    boxes = [w.bbox for w in words]
    whitened = whiten_boxes(prep.ocr_image, boxes)
    regions = [r for r in uncovered_ink_regions(whitened, prep.dpi) if not _beside_a_word(r, boxes)]
    if not regions:
        return []
    found = tesseract.clean_words(tesseract.read_regions(whitened, regions, prep.dpi, lang=lang),
                                  tesseract.REGION_MIN_CONF, tesseract.REGION_MIN_CONF_SHORT)
    base = 1 + max((w.line_key[0] for w in words), default=0)
    return [Word(text=w.text, conf=w.conf, bbox=w.bbox,
                 line_key=(base + w.line_key[0],) + tuple(w.line_key[1:])) for w in found]


def _beside_a_word(region, boxes) -> bool:
    """Whether ``region`` touches one of ``boxes`` on the same line (they share more
    than half the shorter one's height)."""
    x0, y0, x1, y1 = region
    for a0, b0, a1, b1 in boxes:
        if (min(y1, b1) - max(y0, b0) > 0.5 * min(y1 - y0, b1 - b0)
                and a0 <= x1 and x0 <= a1):
            return True
    return False


def _reorient(src, prep, words, quality, lang):
    """Ask Tesseract's OSD which way is up; re-read the page turned if it is confident
    and the turned page reads better. Returns the (prep, words, quality) kept."""
    orient = tesseract.osd(prep.ocr_image)
    if orient is None or orient.rotate == 0 or orient.confidence < 1.0:
        prep.notes["osd"] = None if orient is None else [orient.rotate, round(orient.confidence, 2)]
        return prep, words, quality
    # OSD's rotate is clockwise; np.rot90 turns counter-clockwise
    turned = prepare(src.image, src.dpi, quarter_turns=-(orient.rotate // 90))
    turned.notes["osd"] = [orient.rotate, round(orient.confidence, 2)]
    words2 = tesseract.clean_words(tesseract.ocr_words(turned.ocr_image, lang=lang))
    quality2 = tesseract.text_quality(words2)
    upright = tesseract.vertical_share(words2) < tesseract.vertical_share(words)
    if (quality2 > quality or upright) and len(words2) >= len(words) // 2:
        return turned, words2, quality2
    prep.notes["osd"] = turned.notes["osd"]
    return prep, words, quality


def read_pages(path: str | Path, kind: str | None = None) -> list[Page]:
    return [read_page(src) for src in ingest.iter_pages(path, kind)]


def _relative_source(path: Path) -> str:
    return str(path)


def ocr_document(path: str | Path) -> Document:
    """Read every page of a scan (no field extraction): what `waiverscan ocr` prints.
    Errors never escape: they are recorded on the Document (contract error object)."""
    path = Path(path)
    doc = Document(source=_relative_source(path), sha256="0" * 64)
    try:
        doc.sha256 = ingest.sha256_file(path)
        kind = ingest.sniff(path)
        doc.pages = read_pages(path, kind)
    except WaiverscanError as exc:
        doc.fail(exc)
    return doc


def read_document(path: str | Path, keep: Optional[Callable[[Page], Page]] = None) -> Document:
    """Reading one file: ingest, OCR, classify, extract contract fields. No scoring:
    the extractor knows no rubric (``waiverscan.pipeline`` composes read -> score).

    ``keep`` is handed each page whose image must outlive its reading (a page of a form
    or printout still being read) and returns what to hold instead (the batch worker
    spills such pages to disk); every other page's image is dropped as soon as its page
    type is known."""
    path = Path(path)
    doc = Document(source=_relative_source(path), sha256="0" * 64)
    try:
        doc.sha256 = ingest.sha256_file(path)
        kind = ingest.sniff(path)
        if kind in ("csv", "xlsx", "text"):
            from extractor.comments import extract_comment_file  # issue 3
            doc.doc_type = "case_comments"
            doc.records, doc.page_count = extract_comment_file(path, kind)
        else:
            read_scan(doc, path, kind, keep)
    except WaiverscanError as exc:
        doc.fail(exc)
    finally:
        for p in doc.pages:  # the contract needs no image
            p.image = None
            p.text_ink = None
    return doc


#: a file this short is one document (a form with an attachment, a short printout):
#: it is judged as a whole by the document-level rules (``classify.classify_pages``),
#: as before pages were typed, and its images are held until the end for that. Only a
#: longer file is split into documents by page type. Why: the page model has learned
#: one typed style of comment printout and forms split in their middle; printouts of
#: other layouts and forms running over two pages are still read right as a whole
FALLBACK_PAGES = 3
#: -v logs the reading speed every this many pages of a long file
PROGRESS_EVERY = 25


def type_page(src: ingest.SourcePage, model=None) -> tuple[Page, str, float]:
    """Read one source page and say what it is: a blank page (too little ink, from a
    small copy of its image) is not OCR'd at all; any other page is read and classified."""
    from extractor import pagetype as PT
    model = model or PT.load_model()
    if src.image is None:  # a text layer: no ink to measure
        page = read_page(src)
        ink = PT.InkProfile(0.0, 0.0, 0, 0, 0, 0.0, src.width > src.height * 1.1)
    else:
        ink = PT.ink_profile(src.image, src.dpi)
        if model.is_blank(ink):
            page = Page(number=src.number, width=src.width, height=src.height, dpi=src.dpi,
                        notes={"page_type": PT.BLANK, "ink": round(ink.ink, 5)})
            return page, PT.BLANK, 1.0
        page = read_page(src)
    ptype, conf = model.classify(page, ink)
    page.notes["page_type"] = PT.public_type(ptype)
    page.notes["page_type_conf"] = round(conf, 3)
    if ptype == PT.CONTINUED:
        page.notes["form_part"] = "continued"
    return page, ptype, conf


class _FileReader:
    """Typed pages in, records out: the pages of a long file are grouped into documents
    (``extractor.documents``) and each document is read as soon as it is complete; a
    short file is read whole (:data:`FALLBACK_PAGES`)."""

    def __init__(self, doc: Document, keep: Optional[Callable[[Page], Page]] = None):
        from extractor.documents import Grouper
        self.doc, self.keep, self.grouper = doc, keep, Grouper()
        self.counts: dict[str, int] = {}
        self.types: list[str] = []
        self.t0 = time.perf_counter()

    def add(self, page: Page, ptype: str) -> None:
        from extractor.documents import COMMENTS, CONTINUED, FORM
        self.counts[ptype] = self.counts.get(ptype, 0) + 1
        read = ptype in (FORM, CONTINUED, COMMENTS)
        if read and self.keep is not None:
            page = self.keep(page)
        elif not read and page.number > FALLBACK_PAGES:
            _release(page)
        self.doc.pages.append(page)
        self.types.append(ptype)
        if len(self.doc.pages) == FALLBACK_PAGES + 1:  # a long file: split it
            for held, held_type in zip(self.doc.pages, self.types):
                self._group(held, held_type)
            for held, held_type in zip(self.doc.pages, self.types):
                if held_type not in (FORM, CONTINUED, COMMENTS):
                    _release(held)
        elif len(self.doc.pages) > FALLBACK_PAGES + 1:
            self._group(page, ptype)
        if page.number % PROGRESS_EVERY == 0:
            log.info("page %d: %.2f pages/s", page.number,
                     page.number / (time.perf_counter() - self.t0))

    def _group(self, page: Page, ptype: str) -> None:
        for part in self.grouper.add(page, ptype):
            self._read(part)

    def _read(self, part) -> None:
        from extractor.documents import read_part
        self.doc.records.extend(read_part(part))
        for p in part.pages:  # read: its image and words are no longer needed
            _release(p)

    def finish(self) -> None:
        from extractor.documents import COMMENTS, CONTINUED, FORM, main_doc_type
        doc = self.doc
        if len(doc.pages) <= FALLBACK_PAGES:
            if doc.pages:
                _whole_file(doc)
            typed = [p.number for p, t in zip(doc.pages, self.types) if t in (FORM, CONTINUED, COMMENTS)]
            for r in doc.records:
                r.pages = typed or [p.number for p in doc.pages]
        else:
            for part in self.grouper.close():
                self._read(part)
            doc.doc_type = main_doc_type(doc.records)
        for i, r in enumerate(doc.records):
            r.index = i
        secs = time.perf_counter() - self.t0
        log.info("%d pages (%s) in %.1f s: %.2f pages/s", len(doc.pages),
                 ", ".join(f"{v} {k}" for k, v in sorted(self.counts.items())), secs,
                 len(doc.pages) / max(secs, 1e-6))


def _release(page: Page) -> None:
    """What a long file's page holds once its document is read (or it belongs to none):
    no image and no words, only their count and mean confidence (the batch's page
    summary), so memory stays flat in the page count (words are ~0.2 MB a page)."""
    page.image, page.text_ink = None, None
    if page.words or page.dropped:
        page.notes["words"] = len(page.words)
        if page.words:
            page.notes["mean_conf"] = round(sum(w.conf for w in page.words) / len(page.words), 4)
        page.words, page.dropped = [], []


def read_scan(doc: Document, path: Path, kind: str,
              keep: Optional[Callable[[Page], Page]] = None) -> None:
    """A scan's pages one at a time: typed, grouped, each document read on its own;
    records in file order, each naming its pages."""
    from extractor import pagetype as PT
    model = PT.load_model()
    reader = _FileReader(doc, keep)
    for src in ingest.iter_pages(path, kind):
        page, ptype, _ = type_page(src, model)
        del src  # the next page's render must not sit beside this one's
        reader.add(page, ptype)
    reader.finish()


def classify_and_extract(doc: Document) -> None:
    """Records of pages already read (``doc.pages``, with their working images): the
    same typing, grouping and reading as :func:`read_scan` (for tools that cache OCR)."""
    from extractor import pagetype as PT
    model = PT.load_model()
    pages, doc.pages, doc.records = doc.pages, [], []
    reader = _FileReader(doc)
    for page in pages:
        if page.image is not None:
            ink = PT.ink_profile(page.image, page.dpi)
        else:
            ink = PT.InkProfile(0.0, 0.0, 0, 0, 0, 0.0, page.width > page.height * 1.1)
        if page.image is not None and not page.words and model.is_blank(ink):
            ptype = PT.BLANK
        else:
            ptype = model.classify(page, ink)[0]
        page.notes["page_type"] = PT.public_type(ptype)
        reader.add(page, ptype)
    reader.finish()


def _whole_file(doc: Document) -> None:
    """The whole file judged as one document by the document-level rules: a short file
    in which the page classifier found no form or printout."""
    from extractor.classify import classify_pages
    doc.doc_type = classify_pages(doc.pages)
    if doc.doc_type == "waiver_form":
        from extractor.forms import extract_form
        doc.records = [extract_form(doc.pages)]
    elif doc.doc_type == "case_comments":
        from extractor.comments import extract_comment_pages
        doc.records = extract_comment_pages(doc.pages)
