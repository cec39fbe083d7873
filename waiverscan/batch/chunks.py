"""A long file's pages spread over the batch's workers.

A file is one task, and most files are a form of one or two pages. An alien file can
run to hundreds of pages: read by one worker, it would keep one core busy while the
others wait at the end of a run. So a worker's first look at a file (:func:`run_job`)
counts its pages; a scan of more than ``2 * chunk_pages`` pages is answered with that
count instead of its records, and the parent (:func:`spread`) sends its pages back out
as ranges of ``chunk_pages`` (:class:`Chunk`), which any workers read side by side
(:func:`extractor.spread.read_range`: pages typed, each document starting in the range
read there, one cut by the range's end followed past it). When every range is in, one
last task (:class:`Assemble`) puts them together in file order
(:func:`extractor.spread.stitch`) and scores the file: the records are those of the
one-task path.

The run's guarantees hold per file: nothing of a spread file is stored until its last
task answers, so a killed run reads it again; a range whose worker dies is tried again
like a file, a range that fails or passes ``--file-timeout`` fails its file (once: the
file's other ranges are then dropped). What travels is small: ranges send back page
summaries and records, never images or words.
"""
from __future__ import annotations

import collections
import itertools
import os
import time
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator, Optional

from waiverscan.batch.worker import crash_payload, file_payload, process_file

#: pages a worker reads of a long file at a time (``scan(chunk_pages=)``): small enough
#: that two workers finish a 500-page file within seconds of each other, large enough
#: that a form cut by a range's end (read past it, see extractor.spread) is rare
CHUNK_PAGES = 20


@dataclass(frozen=True)
class Chunk:
    """Pages ``first..last`` of a long file (``index``: its place among the file's)."""

    file: int
    index: int
    path: str
    kind: str
    first: int
    last: int

    def __str__(self) -> str:  # what a failure names: the file, as the run names it
        return self.path


@dataclass
class Assemble:
    """A long file's ranges, all read: put together and scored."""

    file: int
    path: str
    kind: str
    sha256: str
    pieces: list
    seconds: float = 0.0

    def __str__(self) -> str:
        return self.path


def _long_scan(path: str, chunk_pages: int) -> Optional[tuple[str, int]]:
    """(kind, pages) of a scan long enough to spread, else None; a file that cannot
    even be opened here is left to the one-task path, which reports why."""
    from extractor import ingest
    try:
        kind = ingest.sniff(path)
        if kind != "pdf" and kind not in ingest.IMAGE_KINDS:
            return None
        pages = ingest.page_count(path, kind)
    except Exception:  # noqa: BLE001  (reported by the one-task path)
        return None
    if pages > 2 * chunk_pages and pages <= ingest.MAX_PAGES:
        return kind, pages
    return None


def run_job(job: Any, chunk_pages: int = CHUNK_PAGES,
            read: Callable[[str], dict] = process_file) -> dict:
    """The unit of work of a run that spreads long files: a file's first look (its
    path: read whole by ``read``, or answered ``{"spread": (kind, pages)}``), a
    :class:`Chunk` or an :class:`Assemble`. Never raises."""
    os.environ["OMP_THREAD_LIMIT"] = "1"
    if isinstance(job, Chunk):
        return read_chunk(job)
    if isinstance(job, Assemble):
        return assemble(job)
    found = _long_scan(str(job), chunk_pages)
    if found is not None:
        return {"spread": found}
    return read(str(job))


def read_chunk(job: Chunk) -> dict:
    """One range of a long file: ``{"piece": RangeResult, "seconds"}``, or the file's
    failure (``internal``: a bug met on these pages)."""
    from extractor.spread import read_range
    from waiverscan.pipeline import PageSpill
    t0 = time.perf_counter()
    spill = PageSpill()
    try:
        piece = read_range(job.path, job.kind, job.first, job.last, keep=spill)
    except Exception as exc:  # noqa: BLE001  (one bad file must not stop a batch)
        return crash_payload(job.path, exc, time.perf_counter() - t0)
    finally:
        spill.cleanup()
    return {"piece": piece, "seconds": round(time.perf_counter() - t0, 3)}


def assemble(job: Assemble) -> dict:
    """A long file's ranges put together in file order and scored: the payload
    :func:`waiverscan.batch.worker.process_file` gives for the file."""
    import logging

    from extractor.model import Document
    from extractor.spread import counts, stitch
    from scoring.rubric import score_document
    from waiverscan.pipeline import PageSpill
    t0 = time.perf_counter()
    doc = Document(source=job.path, sha256=job.sha256)
    spill = PageSpill()
    try:
        stitch(doc, job.pieces, job.path, job.kind, keep=spill)
        score_document(doc)
    except Exception as exc:  # noqa: BLE001
        return crash_payload(job.path, exc, time.perf_counter() - t0)
    finally:
        spill.cleanup()
    secs = job.seconds + time.perf_counter() - t0
    logging.getLogger("extractor.pipeline").info(
        "%d pages (%s) in %d ranges, %.1f s of work: %.2f pages/s", len(doc.pages),
        ", ".join(f"{v} {k}" for k, v in sorted(counts(job.pieces).items())),
        len(job.pieces), secs, len(doc.pages) / max(secs, 1e-6))
    return file_payload(doc, secs)


# --------------------------------------------------------------------------- the parent

class _Feed:
    """The runner's tasks: work of files already begun first (a file's assembly, then
    its ranges: a begun file finishes before new ones start, so few are held open),
    then new files. Asked again after it ran dry, it may have more."""

    def __init__(self, files: Iterable[tuple]):
        self.files = iter(files)
        self.ready: collections.deque = collections.deque()

    def __iter__(self) -> "_Feed":
        return self

    def __next__(self) -> tuple:
        if self.ready:
            return self.ready.popleft()
        return next(self.files)


@dataclass
class _File:
    task: tuple  # (path, sha256) as the run named it
    kind: str
    pieces: list
    waiting: int
    seconds: float = 0.0
    failed: bool = False


def ranges(pages: int, chunk_pages: int) -> list[tuple[int, int]]:
    return [(a, min(pages, a + chunk_pages - 1)) for a in range(1, pages + 1, chunk_pages)]


def spread(runner: Callable[[Iterator[tuple], int], Iterator[tuple[tuple, dict]]],
           chunk_pages: int = CHUNK_PAGES) -> Callable[[Iterator[tuple], int], Iterator[tuple[tuple, dict]]]:
    """``runner`` (which calls :func:`run_job` on each task) wrapped so that long files
    are spread: what comes out is one answer per file, as from ``runner`` alone."""
    def run(tasks: Iterator[tuple], workers: int) -> Iterator[tuple[tuple, dict]]:
        feed = _Feed(tasks)
        files: dict[int, _File] = {}
        ids = itertools.count()
        for (job, sha), payload in runner(feed, workers):
            if not isinstance(job, (Chunk, Assemble)):
                if "spread" not in payload:
                    yield (job, sha), payload
                    continue
                kind, pages = payload["spread"]
                fid = next(ids)
                spans = ranges(pages, chunk_pages)
                files[fid] = _File((job, sha), kind, [None] * len(spans), len(spans))
                path = os.path.abspath(job)  # a Dask worker's directory is its own
                feed.ready.extend((Chunk(fid, i, path, kind, a, b), sha)
                                  for i, (a, b) in enumerate(spans))
                continue
            f = files[job.file]
            if isinstance(job, Assemble):
                del files[job.file]
                yield f.task, payload
                continue
            f.waiting -= 1
            if "piece" not in payload:  # the range failed, so does its file (once)
                if not f.failed:
                    f.failed, f.pieces = True, []
                    yield f.task, payload
            elif not f.failed:
                f.pieces[job.index] = payload["piece"]
                f.seconds += payload["seconds"]
                if f.waiting == 0:
                    feed.ready.appendleft((Assemble(job.file, job.path, f.kind, sha, f.pieces,
                                                    f.seconds), sha))
                    f.pieces = []
                    continue
            if f.waiting == 0 and f.failed:
                del files[job.file]
    return run
