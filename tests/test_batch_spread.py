"""A long scan's pages spread over the workers (`waiverscan.batch.chunks`): each file is
still answered once, with what the one-task path gives it (records, page summaries,
failure); a range that fails fails its file once and the run goes on.

The runs here go through :func:`chunks.spread` with an in-process runner (no pool: the
parent's bookkeeping and the workers' functions, as they run in workers); the pool and
Dask runs with real Tesseract are in tests/test_batch_spread_ocr.py."""
from __future__ import annotations

import io
from functools import partial
from pathlib import Path

import numpy as np
import pytest

from extractor.errors import EmptyError
from extractor.model import Document, Page
from extractor.spread import RangeResult, ReadPart, stitch
from waiverscan.batch import _arg
from waiverscan.batch.chunks import Assemble, Chunk, ranges, run_job, spread
from waiverscan.batch.worker import died, process_file


def inline_runner(fn):
    """Every task in this process, in the order the feed gives them."""
    def run(tasks, _workers):
        for task in tasks:
            yield task, fn(_arg(task[0]))
    return run


def test_ranges_cover_the_file_once():
    assert ranges(10, 3) == [(1, 3), (4, 6), (7, 9), (10, 10)]
    assert ranges(40, 20) == [(1, 20), (21, 40)]


def fake_job(job):
    """Long files are named long*; a range starting at page 4 of bad* dies."""
    if isinstance(job, Chunk):
        if "bad" in job.path and job.first == 4:
            return died((job, "0" * 64))
        return {"piece": RangeResult(job.first, job.last), "seconds": 1.0}
    if isinstance(job, Assemble):
        return {"contract": {"error": None, "ranges": [p.first for p in job.pieces]},
                "pages": [], "failure_code": None, "seconds": job.seconds}
    if Path(job).name.startswith(("long", "bad")):
        return {"spread": ("pdf", 10)}
    return {"contract": {"error": None, "ranges": None}, "pages": [], "failure_code": None,
            "seconds": 0.1}


def test_spread_answers_each_file_once_in_ranges():
    order = []

    def job(j):
        order.append(j if isinstance(j, str) else (type(j).__name__, getattr(j, "first", None)))
        return fake_job(j)
    tasks = [(Path(n), f"{i:064x}") for i, n in enumerate(["a.pdf", "long.pdf", "bad.pdf", "z.pdf"])]
    got = list(spread(inline_runner(job), 3)(iter(tasks), 2))
    assert [t[0].name for t, _ in got] == ["a.pdf", "long.pdf", "bad.pdf", "z.pdf"]
    answers = {t[0].name: p for t, p in got}
    assert answers["long.pdf"]["contract"]["ranges"] == [1, 4, 7, 10]  # in file order
    assert answers["long.pdf"]["seconds"] == 4.0  # the work of its ranges
    assert answers["bad.pdf"]["failure_code"] == "internal"  # once, its other ranges dropped
    assert "worker process died" in answers["bad.pdf"]["contract"]["error"]["message"]
    # a begun file's ranges go before new files; its assembly before more ranges
    assert order.index(("Chunk", 10)) < order.index("z.pdf")
    assert order.count(("Assemble", None)) == 1


def test_short_files_are_one_task(tmp_path):
    """Nothing to spread: the first look reads the file itself (the swapped reader)."""
    path = tmp_path / "note.pdf"
    path.write_bytes(b"%PDF-1.4 not really")
    assert run_job(str(path), chunk_pages=3, read=lambda p: {"read": p}) == {"read": str(path)}


def _stub(n: int) -> Page:
    return Page(number=n, width=100, height=100, dpi=300.0)


def test_stitch_fails_where_the_one_reader_fails():
    """A page no range could read fails the file, keeping the pages before it; a
    document whose reading failed fails it at the page that closed the document."""
    ok = RangeResult(1, 3, [_stub(n) for n in (1, 2, 3)], ["other"] * 3)
    broken = RangeResult(4, 6, [_stub(4)], ["other"], error=EmptyError("page 5 is too small"),
                         error_after=4)
    doc = Document(source="x", sha256="0" * 64)
    stitch(doc, [ok, broken], "x", "pdf")
    assert doc.error["code"] == "empty" and [p.number for p in doc.pages] == [1, 2, 3, 4]
    assert doc.records == [] and doc.doc_type == "other"

    form = RangeResult(1, 3, [_stub(n) for n in (1, 2, 3)], ["other", "waiver_form", "other"],
                       parts={2: ReadPart([2], [], EmptyError("unreadable form"))})
    rest = RangeResult(4, 5, [_stub(4), _stub(5)], ["other", "other"])
    doc = Document(source="x", sha256="0" * 64)
    stitch(doc, [form, rest], "x", "pdf")
    assert doc.error["code"] == "empty" and [p.number for p in doc.pages] == [1, 2, 3]


def _tiff(frames: list[np.ndarray]) -> bytes:
    from PIL import Image
    ims = [Image.fromarray(f) for f in frames]
    buf = io.BytesIO()
    ims[0].save(buf, format="TIFF", save_all=True, append_images=ims[1:], dpi=(100, 100))
    return buf.getvalue()


def test_a_bad_page_in_a_spread_file_gives_the_one_task_failure(tmp_path):
    """Blank pages (typed from their ink, no OCR) with a page too small to hold text:
    the spread file fails as the one-task path fails it, and the next file is read."""
    white = np.full((1100, 850), 255, np.uint8)
    frames = [white] * 10
    frames[6] = np.full((8, 8), 255, np.uint8)
    bad = tmp_path / "long_bad.tiff"
    bad.write_bytes(_tiff(frames))
    blank = tmp_path / "long_blank.tiff"
    blank.write_bytes(_tiff([white] * 9))
    from extractor.ingest import sha256_file
    tasks = [(p, sha256_file(p)) for p in (bad, blank)]
    got = dict((t[0].name, p) for t, p in spread(
        inline_runner(partial(run_job, chunk_pages=3)), 3)(iter(tasks), 1))
    for path in (bad, blank):
        whole = process_file(str(path))
        mine = got[path.name]
        assert "spread" not in mine and mine["failure_code"] == whole["failure_code"]
        assert mine["contract"] == whole["contract"]
        assert mine["pages"] == whole["pages"]
    assert got["long_bad.tiff"]["contract"]["error"]["code"] == "empty"
    assert got["long_bad.tiff"]["contract"]["pages"] == 6
    assert got["long_blank.tiff"]["contract"]["error"] is None


@pytest.mark.parametrize("kind", ["chunk", "assemble"])
def test_a_crash_in_a_spread_task_is_the_files_internal_failure(kind, monkeypatch, tmp_path):
    from waiverscan.batch import chunks

    def boom(*a, **k):
        raise RuntimeError("a bug")
    target = "extractor.spread.read_range" if kind == "chunk" else "extractor.spread.stitch"
    monkeypatch.setattr(target, boom)
    white = np.full((1100, 850), 255, np.uint8)
    path = tmp_path / "long.tiff"
    path.write_bytes(_tiff([white] * 7))
    got = list(spread(inline_runner(partial(chunks.run_job, chunk_pages=3)), 3)(
        iter([(path, "c" * 64)]), 1))
    assert len(got) == 1
    payload = got[0][1]
    assert payload["failure_code"] == "internal"
    assert "RuntimeError" in payload["contract"]["error"]["message"]
