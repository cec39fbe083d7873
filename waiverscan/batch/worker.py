"""The unit of work of a batch run: one file in, one small picklable payload out.

The same function runs in a local worker process (``ProcessPoolExecutor``) or on a Dask
worker, so both give the same results. Pages stream: each page is read (preprocessed and
OCR'd) as it comes off the file, and its working image is spilled to a temporary PNG
(lossless) instead of being held in memory; the extractors that look at images (check
marks, signatures) load one page's image back when they ask for it. A 300-page PDF thus
holds 300 pages of *words* in memory and one image at a time, and gives exactly what
:func:`waiverscan.pipeline.extract_document` gives.

What goes back to the parent is the contract document object plus per-page summaries:
never images or words.
"""
from __future__ import annotations

import os
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Optional

import numpy as np

from extractor.model import Document, Page

TEXT_KINDS = ("csv", "xlsx", "text")
#: pages kept in memory as they are; later pages of a long file are spilled to disk.
#: Nearly every file is a form of 1-2 pages, which thus pays nothing for streaming;
#: 4 working images at 300 dpi are ~35 MB.
IN_MEMORY_PAGES = 4
SPILL_PREFIX = "waiverscan-pages-"

# the last image decoded, per thread (Dask runs several tasks in one process's threads):
# extractors look at one page at a time, so one is enough
_cache = threading.local()


class SpilledPage(Page):
    """A :class:`Page` whose working image lives in a PNG file. Reading ``.image`` loads
    it (the last one loaded is kept, so repeated reads of one page cost nothing)."""

    @property  # type: ignore[override]
    def image(self) -> Optional[np.ndarray]:
        path = self.__dict__.get("_spill_path")
        if path is None:
            return None
        if getattr(_cache, "path", None) != path:
            import cv2
            _cache.path, _cache.image = None, None  # free the last image before the next
            _cache.image = cv2.imread(path, cv2.IMREAD_UNCHANGED)
            _cache.path = path
        return _cache.image

    @image.setter
    def image(self, value: Optional[np.ndarray]) -> None:
        if value is None:
            self.__dict__["_spill_path"] = None
            return
        import cv2
        path = os.path.join(self.__dict__["_spill_dir"], f"page-{self.number:05d}.png")
        if not cv2.imwrite(path, value, [cv2.IMWRITE_PNG_COMPRESSION, 1]):
            raise OSError("cannot write a page image to the temporary directory")
        self.__dict__["_spill_path"] = path


def _spilled(page: Page, directory: str) -> SpilledPage:
    from dataclasses import fields
    out = SpilledPage.__new__(SpilledPage)
    out.__dict__["_spill_dir"] = directory  # before __init__, whose image= spills
    Page.__init__(out, **{f.name: getattr(page, f.name) for f in fields(Page)})
    out.text_ink = None  # held in memory it would be a megabyte a page: recomputed
    return out


def extract_streamed(path: str | Path) -> Document:
    """:func:`waiverscan.pipeline.extract_document`, with pages streamed to disk."""
    from extractor import ingest
    from extractor.errors import WaiverscanError
    from extractor.pipeline import classify_and_extract, read_page
    from waiverscan.pipeline import extract_document
    from scoring.rubric import score_document

    path = Path(path)
    try:
        kind = ingest.sniff(path)
    except (WaiverscanError, OSError):
        kind = None
    if kind is None or kind in TEXT_KINDS:  # no page images: nothing to stream
        return extract_document(path)
    doc = Document(source=str(path), sha256="0" * 64)
    spill: Optional[tempfile.TemporaryDirectory] = None  # made only for a long file
    try:
        doc.sha256 = ingest.sha256_file(path)
        pages: list[Page] = []
        for i, src in enumerate(ingest.iter_pages(path, kind)):
            page = read_page(src)
            if i >= IN_MEMORY_PAGES:
                if spill is None:
                    spill = tempfile.TemporaryDirectory(prefix=f"{SPILL_PREFIX}{os.getpid()}-")
                page = _spilled(page, spill.name)
            pages.append(page)
            del src, page  # the next page's render must not sit beside this one's
        doc.pages = pages  # only once all are read, as extract_document does
        classify_and_extract(doc)
    except WaiverscanError as exc:
        doc.fail(exc)
    finally:
        _cache.path, _cache.image = None, None
        # the contract needs no image: drop them, and the spilled ones' files
        for p in doc.pages:
            p.image = None
            p.text_ink = None
        if spill is not None:
            spill.cleanup()
    score_document(doc)
    return doc


def remove_stale_spills() -> None:
    """Spill directories of workers that were killed (SIGKILL leaves no time to clean
    up): their names carry the worker's pid; a pid no longer alive marks them stale."""
    import glob
    import shutil
    for d in glob.glob(os.path.join(tempfile.gettempdir(), SPILL_PREFIX + "*-*")):
        try:
            pid = int(os.path.basename(d)[len(SPILL_PREFIX):].split("-", 1)[0])
            os.kill(pid, 0)
        except ValueError:
            continue
        except ProcessLookupError:
            shutil.rmtree(d, ignore_errors=True)
        except PermissionError:  # alive, another user's
            continue


def page_summary(page: Page) -> dict[str, Any]:
    confs = [w.conf for w in page.words]
    return {"number": page.number, "width": int(page.width), "height": int(page.height),
            "dpi": float(page.dpi), "text_source": page.text_source, "words": len(page.words),
            "mean_conf": round(float(np.mean(confs)), 4) if confs else None}


def process_file(path: str) -> dict[str, Any]:
    """Read, extract and score one file; never raises (a bug in a stage becomes the
    file's ``internal`` failure). Returns ``{"contract", "pages", "failure_code",
    "seconds"}``."""
    # Parallelism is across files: Tesseract must not also spread over cores
    os.environ["OMP_THREAD_LIMIT"] = "1"
    t0 = time.perf_counter()
    try:
        doc = extract_streamed(path)
        failure = None if doc.error is None else getattr(doc.exception, "code", doc.error["code"])
    except Exception as exc:  # noqa: BLE001  (one bad file must not stop a batch)
        from waiverscan.logs import crashed as _crashed
        doc = _crashed(Path(path), exc)
        failure = "internal"
    contract = doc.to_contract()
    return {"contract": contract, "pages": [page_summary(p) for p in doc.pages],
            "failure_code": failure, "seconds": round(time.perf_counter() - t0, 3)}


def init_worker() -> None:
    """ProcessPoolExecutor initializer: one Tesseract thread, and worker logs through
    the CLI's redacting handler (they may otherwise name a file)."""
    os.environ["OMP_THREAD_LIMIT"] = "1"
    _single_threaded_opencv()
    from waiverscan.logs import setup_logging as _setup_logging
    _setup_logging(0)
    remove_stale_spills()


def _single_threaded_opencv() -> None:
    # Parallelism is across files, one worker per core: OpenCV's own thread pool only
    # adds CPU (preprocessing a page cost 266 ms of CPU on 2 threads, 203 ms on one)
    import cv2
    cv2.setNumThreads(1)


def prewarm() -> None:
    """What every worker would otherwise do at its first file, done once in the process
    the workers are forked from (the forkserver imports :mod:`waiverscan.batch.warm`):
    the modules the pipeline imports lazily, and Tesseract's engines with their language
    models loaded (~0.3 s of CPU per worker). Forked workers share all of it."""
    os.environ["OMP_THREAD_LIMIT"] = "1"
    _single_threaded_opencv()  # before anything could start OpenCV's threads: fork
    import importlib
    for name in _LAZY_MODULES:
        importlib.import_module(name)
    from extractor.ocr import tesseract
    from extractor.reread import A_NUMBER_CHARS
    if tesseract.in_process():
        blank = np.full((32, 32), 255, np.uint8)  # nothing to read: loads the models only
        for lang, psm, variables in ((tesseract.DEFAULT_LANG, 3, tesseract.DEFAULT_VARIABLES),
                                     ("eng", 7, {"tessedit_char_whitelist": A_NUMBER_CHARS})):
            try:
                tesseract.ocr_words(blank, lang=lang, psm=psm, variables=variables)
            except Exception:  # noqa: BLE001  (a broken install fails on the first file, reported there)
                pass


#: imported at a file's first use by the pipeline; waiverscan.cli for the log handler
_LAZY_MODULES = ("PIL.Image", "PIL.PngImagePlugin", "PIL.TiffImagePlugin",
                 "PIL.JpegImagePlugin", "extractor.classify", "extractor.checkboxes",
                 "extractor.options", "extractor.signatures", "extractor.reread",
                 "waiverscan.cli")
