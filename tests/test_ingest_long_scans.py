"""A 600-page scanned PDF (an alien file can run to hundreds of pages) is read, not
refused: MAX_PAGES (5000) only refuses absurd page trees. Ingest yields its pages one at
a time and a batch worker keeps one page image at a time, so peak memory does not grow
with the page count: the peak RSS of a subprocess after page 600 against after page 60.

OCR is faked in the extract run (this is about streaming, not reading ink). Pages are
small to keep the test quick: 2 x 2 inches for ingest (600 x 600 pixels at the 300 dpi
render: holding the 540 extra pages would add ~190 MB), 1 x 1 inch for the whole worker
(~50 MB more if its 540 extra working images were held), against a 25 MB margin."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

import hostile_corpus as H
from conftest import REPO_ROOT
from extractor import ingest

PROBE = r"""
import json, sys
sys.path.insert(0, {root!r})
from extractor import ingest

def peak_mb():  # the process's high-water mark of resident memory
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024

path, mode = sys.argv[1], sys.argv[2]
seen = []
if mode == "ingest":
    for n, page in enumerate(ingest.iter_pages(path), start=1):
        assert page.image.shape[0] >= 300
        del page
        if n == 60:
            seen.append(peak_mb())
    pages = n
else:
    from extractor.model import Word
    from extractor.ocr import tesseract
    def fake_ocr(image, **kw):  # three confident words per page, no Tesseract
        if len(seen) == 0 and fake_ocr.calls == 60:
            seen.append(peak_mb())
        fake_ocr.calls += 1
        return [Word(text=t, conf=0.95, bbox=(10 + 60 * i, 20, 60 + 60 * i, 40),
                     line_key=(1, 1, 1)) for i, t in enumerate(("Page", "of", "file"))]
    fake_ocr.calls = 0
    tesseract.ocr_words = fake_ocr
    tesseract.osd = lambda image, **kw: None
    from waiverscan.batch.worker import extract_streamed
    # what a batch worker has loaded before its first file (the forkserver's preload):
    # loaded lazily here, it would count as growth after page 60
    import extractor.classify, extractor.forms, scoring.rubric
    from extractor.comments.nlp import get_nlp
    get_nlp()
    doc = extract_streamed(path)
    assert doc.error is None, doc.error
    pages = len(doc.pages)
print(json.dumps({{"pages": pages, "peak_mb_60": seen[0], "peak_mb": peak_mb()}}))
"""


def _peak(path, mode: str) -> dict:
    proc = subprocess.run([sys.executable, "-c", PROBE.format(root=str(REPO_ROOT)), str(path), mode],
                          capture_output=True, text=True, timeout=300, cwd=REPO_ROOT)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def scans(tmp_path_factory):
    d = tmp_path_factory.mktemp("long_scans")
    out = {}
    for mode, side in (("ingest", 150), ("extract", 75)):  # pixels at 75 dpi
        out[mode] = d / f"scan_{mode}_600.pdf"
        out[mode].write_bytes(H.scanned_pdf(600, side_px=side))
    return out


def test_ingest_600_pages_are_read_not_refused():
    assert ingest.MAX_PAGES >= 600


@pytest.mark.parametrize("mode", ["ingest", "extract"])
def test_ingest_long_scan_streams_with_flat_memory(scans, mode):
    got = _peak(scans[mode], mode)
    assert got["pages"] == 600
    growth = got["peak_mb"] - got["peak_mb_60"]
    print(f"{mode}: peak RSS after 60 pages {got['peak_mb_60']:.0f} MB, after 600 "
          f"{got['peak_mb']:.0f} MB")
    assert growth < 25, f"{mode}: peak RSS grew {growth:.0f} MB from page 60 to page 600"
