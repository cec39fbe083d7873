"""Working-image coordinates map back to source pixels through Page.to_source, after
upscaling, deskewing and quarter turns."""
import numpy as np
import pytest

from extractor.model import Page
from extractor.preprocess import choose_scale, prepare
from ocr_drawing import dark_box, rotate, text_page

BOX = (900, 1500, 1300, 1580)  # x0, y0, x1, y1 in source pixels


def source_with_box(angle: float) -> np.ndarray:
    page = rotate(text_page(), angle)  # a skewed scan ...
    x0, y0, x1, y1 = BOX
    page[y0:y1, x0:x1] = 0  # ... with a dark block at a known place in its own pixels
    return page


def mapped(prep, grey) -> list:
    page = Page(number=1, width=grey.shape[1], height=grey.shape[0], dpi=prep.dpi,
                to_source=prep.to_source)
    return page.map_bbox(dark_box(prep.image))


def test_choose_scale_caps_upscaling_at_2x():
    assert choose_scale(100) == 2.0
    assert choose_scale(150) == 2.0
    assert choose_scale(200) == pytest.approx(1.5)
    assert choose_scale(300) == 1.0
    assert choose_scale(600) == 1.0


def test_bbox_in_rotated_upscaled_image_maps_to_source():
    grey = source_with_box(1.8)
    prep = prepare(grey, 100)  # 100 dpi: upscaled 2x, and deskewed by -1.8 degrees
    assert prep.notes["scale"] == 2.0 and abs(prep.notes["skew_deg"]) > 1.0
    # in working pixels the block is twice as big and elsewhere ...
    work = dark_box(prep.image)
    assert work[2] - work[0] == pytest.approx(800, abs=40)
    # ... and it maps back onto the source block: same centre; the hull of the block
    # (tilted by 1.8 degrees in working pixels) is larger by up to 400*sin(1.8) px
    x0, y0, x1, y1 = mapped(prep, grey)
    assert (x0 + x1) / 2 == pytest.approx((BOX[0] + BOX[2]) / 2, abs=3)
    assert (y0 + y1) / 2 == pytest.approx((BOX[1] + BOX[3]) / 2, abs=3)
    assert BOX[0] - 15 <= x0 <= BOX[0] + 1 and BOX[2] - 1 <= x1 <= BOX[2] + 15
    assert BOX[1] - 15 <= y0 <= BOX[1] + 1 and BOX[3] - 1 <= y1 <= BOX[3] + 15


@pytest.mark.parametrize("k", [1, 2, 3])
def test_quarter_turns_map_back_to_source(k):
    grey = np.ascontiguousarray(np.rot90(source_with_box(0.0), -k))  # a page scanned turned
    x = dark_box(grey)  # where the block is in the file's own pixels
    prep = prepare(grey, 200, quarter_turns=k)  # turned upright for reading
    assert prep.image.shape[0] > prep.image.shape[1]  # portrait again
    assert mapped(prep, grey) == pytest.approx(list(x), abs=4)
