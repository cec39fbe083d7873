"""The unit of work of a batch run: one file in, one small picklable payload out.

The same function runs in a local worker process (``ProcessPoolExecutor``) or on a Dask
worker, so both give the same results. Pages stream (see :mod:`waiverscan.pipeline`):
each page is read as it comes off the file and typed; its image is dropped unless the
page belongs to a form or printout still being read, and such pages past the first few
are spilled to a temporary PNG; the extractors that look at images (check marks,
signatures) load one page's image back when they ask for it. A 500-page alien file thus
holds 500 pages of *words* in memory and a few images, and gives exactly what
:func:`waiverscan.pipeline.extract_document` gives.

What goes back to the parent is the contract document object plus per-page summaries:
never images or words.
"""
from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from extractor.model import Document, Page
# the streaming machinery lives with extract_document; named here for the batch tests
from waiverscan.pipeline import (IN_MEMORY_PAGES, SPILL_PREFIX, SpilledPage,  # noqa: F401
                                 extract_document)

TEXT_KINDS = ("csv", "xlsx", "text")


def extract_streamed(path: str | Path) -> Document:
    """:func:`waiverscan.pipeline.extract_document` (which streams pages, spilling those
    still being read past the first ``IN_MEMORY_PAGES``), at this module's setting."""
    return extract_document(path, in_memory=IN_MEMORY_PAGES)


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
    if not confs and "words" in page.notes:  # a long file's page, its words let go once read
        return {"number": page.number, "width": int(page.width), "height": int(page.height),
                "dpi": float(page.dpi), "text_source": page.text_source,
                "words": int(page.notes["words"]), "mean_conf": page.notes.get("mean_conf")}
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
    except Exception as exc:  # noqa: BLE001  (one bad file must not stop a batch)
        return crash_payload(path, exc, time.perf_counter() - t0)
    return file_payload(doc, time.perf_counter() - t0)


def file_payload(doc: Document, seconds: float) -> dict[str, Any]:
    """A read file as the runner stores it: its contract, page summaries, failure code
    (the error's stable code, None when it was read) and the seconds its reading took."""
    failure = None if doc.error is None else getattr(doc.exception, "code", doc.error["code"])
    return {"contract": doc.to_contract(), "pages": [page_summary(p) for p in doc.pages],
            "failure_code": failure, "seconds": round(seconds, 3)}


def crash_payload(path: str, exc: BaseException, seconds: float) -> dict[str, Any]:
    """A file whose reading met a bug: failed ``internal`` (the crash document names it)."""
    from waiverscan.logs import crashed
    out = file_payload(crashed(Path(path), exc), seconds)
    out["failure_code"] = "internal"
    return out


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
    from extractor.pagetype import load_model
    from extractor.reread import A_NUMBER_CHARS
    load_model()  # the page classifier's weights, read once for every forked worker
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
                 "PIL.JpegImagePlugin", "extractor.classify", "extractor.pagetype",
                 "extractor.documents", "extractor.forms.election",
                 "extractor.forms.options", "extractor.forms.signatures", "extractor.reread",
                 "waiverscan.cli")


def died(task: tuple, message: str = "internal error: the worker process died on this "
                                     "file (out of memory?); please report it") -> dict:
    """The answer for a task whose worker died (or that broke otherwise): its file failed
    ``internal``. ``task`` is (job, sha256); the runner names the file's source."""
    return {"contract": {"schema_version": "1", "source": str(task[0]), "sha256": task[1],
                         "doc_type": "other", "pages": 0, "records": [],
                         "error": {"code": "unreadable", "message": message}},
            "pages": [], "failure_code": "internal", "seconds": None}


def timed_out(task: tuple, limit: float) -> dict:
    out = died(task, f"the file took longer than {limit:g} s to read (--file-timeout); "
                     "its worker was stopped and the run went on")
    out["failure_code"], out["seconds"] = "file_timeout", float(limit)
    return out
