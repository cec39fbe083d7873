"""The composition the shell owns: read a file (``extractor``), then score it
(``scoring``). The extractor knows no rubric and the rubric knows no file, so the one
place both meet is here, above them.

Pages stream (``extractor.pipeline.read_scan``): a page's image is dropped once its page
type is known, unless the page belongs to a form or printout still being read; such
pages past the first :data:`IN_MEMORY_PAGES` of the file are spilled to a temporary PNG
(lossless) and loaded back one at a time when an extractor looks at them. Memory thus
stays flat in the page count: a 500-page alien file holds 500 pages of *words* and a
few images. `waiverscan extract` and the batch worker run this same function.
"""
from __future__ import annotations

import os
import tempfile
import threading
from pathlib import Path
from typing import Optional

import numpy as np

from extractor.model import Document, Page
from extractor.pipeline import read_document
from scoring.rubric import score_document

#: pages kept in memory as they are; later pages still being read are spilled to disk.
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
        if "_spill_dir" not in self.__dict__:  # a copy (dataclasses.replace): in memory
            return self.__dict__.get("_held")
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
        if "_spill_dir" not in self.__dict__:
            # dataclasses.replace() makes a working copy of a page (the form reader adds
            # words to one): it holds the image its original loaded, for as long as it lives
            self.__dict__["_held"] = value
            return
        if value is None:
            path = self.__dict__.get("_spill_path")
            self.__dict__["_spill_path"] = None
            if path is not None:  # read: its file goes now, not at the end of the file
                if getattr(_cache, "path", None) == path:
                    _cache.path, _cache.image = None, None
                try:
                    os.unlink(path)
                except OSError:
                    pass
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


class PageSpill:
    """The ``keep`` hook of :func:`extractor.pipeline.read_document`: pages past the
    first :data:`IN_MEMORY_PAGES` go to a temporary directory, made only when needed."""

    def __init__(self, in_memory: Optional[int] = None):
        self.in_memory = IN_MEMORY_PAGES if in_memory is None else in_memory
        self.dir: Optional[tempfile.TemporaryDirectory] = None

    def __call__(self, page: Page) -> Page:
        if page.number <= self.in_memory or page.image is None:
            return page
        if self.dir is None:
            self.dir = tempfile.TemporaryDirectory(prefix=f"{SPILL_PREFIX}{os.getpid()}-")
        return _spilled(page, self.dir.name)

    def cleanup(self) -> None:
        _cache.path, _cache.image = None, None
        if self.dir is not None:
            self.dir.cleanup()
            self.dir = None


def extract_document(path: str | Path, in_memory: Optional[int] = None) -> Document:
    """The whole pipeline for one file: ingest, read (pages streamed), classify,
    extract, score."""
    spill = PageSpill(in_memory)
    try:
        doc = read_document(path, keep=spill)
    finally:
        spill.cleanup()
    score_document(doc)
    return doc
