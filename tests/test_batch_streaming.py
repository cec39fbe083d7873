"""Pages stream: a page's image is dropped once its type is known unless the page is part
of a document being read; such pages past the first few are spilled to disk and loaded
one at a time, with exactly the result of pages held in memory; nothing image-sized
stays on the document or goes back to the parent."""
from __future__ import annotations

import json
import pickle

import numpy as np
import pytest

from waiverscan.batch import worker
from waiverscan.batch.worker import SpilledPage, extract_streamed, process_file

pytestmark = [pytest.mark.slow, pytest.mark.integration]


def test_streamed_form_gives_the_batch_reference(batch_archive, batch_reference):
    from waiverscan.pipeline import extract_document
    form = batch_archive / "b_form.pdf"
    whole = json.loads(json.dumps(extract_document(form).to_contract()))
    ref = next(d for d in batch_reference if d["source"].endswith("b_form.pdf"))
    assert ref["pages"] == 2 and ref["doc_type"] == "waiver_form"
    assert whole == dict(ref, source=str(form))  # the batch reference run


@pytest.fixture(scope="module")
def two_page_form(tmp_path_factory):
    """A short alien file: a form printed over two pages among two other pages."""
    from samples.generator.afile import make_afile
    data, truth = make_afile(4711, n_pages=3, dpi=100, forms=[{"lang_mode": "eng"}], split_p=1.0,
                             rotated_p=0.0, intensity=0.2)
    path = tmp_path_factory.mktemp("stream") / "two_page_form.pdf"
    path.write_bytes(data)
    return path, truth


def test_spilled_pages_give_what_in_memory_pages_give(two_page_form, monkeypatch):
    from waiverscan.pipeline import extract_document
    path, truth = two_page_form
    form_pages = next(r["pages"] for r in truth["records"] if r["kind"] == "waiver_form")
    assert len(form_pages) == 2
    whole = json.loads(json.dumps(extract_document(path, in_memory=10).to_contract()))
    monkeypatch.setattr(worker, "IN_MEMORY_PAGES", form_pages[0])  # the form's page 2 goes to disk
    loads = []
    real = SpilledPage.image.fget
    monkeypatch.setattr(SpilledPage, "image", property(
        lambda self: loads.append(self.number) or real(self), SpilledPage.image.fset))
    spilled = extract_streamed(path)
    assert [type(p) is SpilledPage for p in spilled.pages] == [n == form_pages[1] for n in range(1, truth["pages"] + 1)]
    assert form_pages[1] in loads  # the extractors did look at the spilled page's image
    assert json.loads(json.dumps(spilled.to_contract())) == whole
    assert whole["records"][0]["pages"] == form_pages


def test_only_pages_being_read_keep_their_image(two_page_form):
    """Memory flat in the page count: a page's image is let go once its type is known,
    unless the page belongs to a document still being read."""
    from extractor.pipeline import read_document
    path, truth = two_page_form
    kept = []

    def keep(page):
        kept.append(page.number)
        return page
    doc = read_document(path, keep=keep)
    assert kept == [n for n, t in enumerate(truth["page_types"], 1) if t != "other"]
    assert all(p.image is None for p in doc.pages)


def test_no_images_leave_the_worker(batch_archive):
    note = batch_archive / "c_more" / "note.png"
    doc = extract_streamed(note)
    assert doc.pages and all(p.image is None for p in doc.pages)
    assert not any(isinstance(v, np.ndarray) for p in doc.pages for v in vars(p).values())
    payload = process_file(str(note))
    assert len(pickle.dumps(payload)) < 20_000
    assert payload["pages"][0]["words"] > 0


def test_stale_spill_directories_of_killed_workers_go(tmp_path, monkeypatch):
    import subprocess
    import sys
    import tempfile
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    stale = tmp_path / f"{worker.SPILL_PREFIX}{dead}-abc"
    live = tmp_path / f"{worker.SPILL_PREFIX}{__import__('os').getpid()}-def"
    other = tmp_path / "unrelated-123-x"
    for d in (stale, live, other):
        d.mkdir()
        (d / "page-00005.png").write_bytes(b"x")
    worker.remove_stale_spills()
    assert not stale.exists() and live.exists() and other.exists()


def test_worker_prewarm_leaves_engines_loaded_for_forked_workers(tmp_path):
    """The forkserver imports waiverscan.batch.warm: afterwards its process holds the
    Tesseract engines the pipeline uses (page: eng+spa, A-number re-read: eng), OpenCV
    runs on one thread, and a process forked from it reads a page without loading a
    model again (no new engine, same words as a cold process)."""
    import subprocess
    import sys
    from pathlib import Path
    probe = r"""
import json, os
import cv2
import waiverscan.batch.warm  # what the forkserver's preload does
from extractor.ocr import capi, tesseract
from ocr_drawing import text_page
line = text_page()[195:270, 100:1300]
r, w = os.pipe()
pid = os.fork()
if pid == 0:  # a worker, as the forkserver forks it
    before = {k: id(v) for k, v in capi._engines.items()}
    words = [x.text for x in tesseract.ocr_words(line, psm=7)]
    after = {k: id(v) for k, v in capi._engines.items()}
    os.write(w, json.dumps({"words": words, "same_engines": before == after}).encode())
    os._exit(0)
os.close(w)
child = json.loads(os.read(r, 1 << 16))
os.waitpid(pid, 0)
print(json.dumps({"threads": cv2.getNumThreads(), "engines": sorted(capi._engines),
                  "child": child}))
"""
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         cwd=root, timeout=120,
                         env={**__import__("os").environ, "PYTHONPATH": f"{root}:{root / 'tests'}"})
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got["threads"] == 1
    assert got["engines"] == ["eng", "eng+spa"]
    assert got["child"]["same_engines"]  # read with the inherited engine, none loaded
    assert "informed" in got["child"]["words"]
