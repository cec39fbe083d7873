"""tools/heldout_eval.py --ocr-only: pages are OCR-cached under the reader key and
nothing is predicted; a cached or non-image file is left alone."""
from __future__ import annotations

import pickle

from PIL import Image, ImageDraw

from tools import heldout_eval


def test_warm_caches_an_image_page_once_and_skips_text_files(tmp_path):
    img = Image.new("L", (900, 300), 255)
    ImageDraw.Draw(img).text((40, 120), "Name of parent: Odalys Ferrer", fill=0)
    page = tmp_path / "page.png"
    img.save(page, dpi=(300, 300))
    csv = tmp_path / "notes.csv"
    csv.write_text("A-Number,Remarks\nA123456789,invented entry\n")
    cache = tmp_path / "cache"
    cache.mkdir()
    assert heldout_eval.warm([page, csv], 1, str(cache)) == 1
    cached = list(cache.iterdir())
    assert len(cached) == 1 and cached[0].name.endswith(f".{heldout_eval.reader_key()}.pkl")
    pages = pickle.loads(cached[0].read_bytes())
    assert len(pages) == 1  # the page as read_pages returns it, for the prediction run
    assert heldout_eval.warm([page, csv], 1, str(cache)) == 0  # already there
