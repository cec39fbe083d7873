"""read_page turns pages scanned upside down or sideways upright (OSD only then)."""
import numpy as np
import pytest

from extractor.ingest import SourcePage
from extractor.pipeline import read_page
from ocr_drawing import text_page


def source(grey):
    return SourcePage(number=1, image=grey, dpi=200, width=grey.shape[1], height=grey.shape[0])


@pytest.mark.integration
def test_upright_page_needs_no_orientation_check():
    page = read_page(source(text_page()))
    assert "osd" not in page.notes and "rotated_deg" not in page.notes
    assert "reunify" in page.text


@pytest.mark.integration
@pytest.mark.slow
@pytest.mark.parametrize("k", [1, 2, 3])
def test_turned_page_is_read_upright(k):
    upright = text_page()
    grey = np.ascontiguousarray(np.rot90(upright, k))
    page = read_page(source(grey))
    assert "parent was informed of the option to reunify" in page.text
    assert page.notes.get("rotated_deg") == (360 - 90 * k) % 360
    # bboxes still come out in the pixels of the turned file
    word = next(w for w in page.words if w.text == "informed")
    x0, y0, x1, y1 = page.map_bbox(word.bbox)
    assert 0 <= x0 < x1 <= grey.shape[1] and 0 <= y0 < y1 <= grey.shape[0]
    assert grey[int(y0):int(y1) + 1, int(x0):int(x1) + 1].min() < 100  # ink there
