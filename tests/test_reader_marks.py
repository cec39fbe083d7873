"""The trained check-box mark classifier (extractor/reader/marks.py) on boxes drawn
here, with the test's own strokes (not the generator's marks it was trained on)."""
from __future__ import annotations

import cv2
import numpy as np
import pytest

from extractor.reader import artefacts
from extractor.reader.marks import crop_features, read_boxes


def _page_with_boxes(side: int, marks: list[str]) -> tuple[np.ndarray, list[tuple]]:
    img = np.full((side * 3, side * 3 * len(marks)), 250, np.uint8)
    boxes = []
    for i, m in enumerate(marks):
        x0, y0 = side + 3 * side * i, side
        x1, y1 = x0 + side, y0 + side
        cv2.rectangle(img, (x0, y0), (x1, y1), 30, max(1, side // 14))
        t = max(2, side // 10)
        if m == "x":
            cv2.line(img, (x0 + 3, y0 + 3), (x1 - 3, y1 - 3), 40, t)
            cv2.line(img, (x1 - 3, y0 + 3), (x0 + 3, y1 - 3), 40, t)
        elif m == "tick":
            pts = np.array([[x0 + side // 5, y0 + side // 2], [x0 + side // 2, y1 - side // 6],
                            [x1 + side // 4, y0 - side // 5]], np.int32)
            cv2.polylines(img, [pts], False, 50, t)
        elif m == "fill":
            cv2.rectangle(img, (x0 + 2, y0 + 2), (x1 - 2, y1 - 2), 60, -1)
        boxes.append((x0, y0, x1, y1))
    return img, boxes


@pytest.mark.parametrize("side", [16, 30, 56])
def test_marked_and_empty_boxes_are_told_apart(side):
    img, boxes = _page_with_boxes(side, ["empty", "x", "tick", "fill", "empty"])
    got = [r.marked for r in read_boxes(img, boxes)]
    assert got == [False, True, True, True, False]


def test_probabilities_are_confident_on_clear_boxes():
    img, boxes = _page_with_boxes(30, ["empty", "x"])
    empty, crossed = read_boxes(img, boxes)
    assert empty.p_marked < 0.1 < 0.9 < crossed.p_marked


def test_crop_features_follow_the_paper_level_not_the_absolute_grey():
    light, boxes = _page_with_boxes(30, ["x"])
    dark = (light.astype(np.float32) * 0.7).astype(np.uint8)  # a grey scan of the same box
    a, b = crop_features(light, boxes[0]), crop_features(dark, boxes[0])
    assert np.abs(a - b).max() < 0.08


def test_a_box_outside_the_image_is_a_clear_error():
    img, _ = _page_with_boxes(20, ["empty"])
    with pytest.raises(ValueError, match="outside the image"):
        crop_features(img, (5000, 5000, 5020, 5020))


def test_missing_model_names_the_command_that_rebuilds_it(tmp_path, monkeypatch):
    monkeypatch.setattr(artefacts, "MODEL_DIR", tmp_path)
    artefacts.load_arrays.cache_clear()
    artefacts.load_json.cache_clear()
    img, boxes = _page_with_boxes(20, ["x"])
    try:
        with pytest.raises(artefacts.ModelMissing, match="make train-models"):
            read_boxes(img, boxes)
    finally:
        artefacts.load_arrays.cache_clear()
        artefacts.load_json.cache_clear()


def _letters(circled: list[bool]) -> tuple[np.ndarray, list[tuple]]:
    img = np.full((400, 600), 250, np.uint8)
    spots = []
    for i, c in enumerate(circled):
        y = 60 + 110 * i
        cv2.putText(img, "B.", (120, y + 30), cv2.FONT_HERSHEY_SIMPLEX, 1.1, 20, 2)
        cv2.putText(img, "some option text", (190, y + 30), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 20, 2)
        if c:
            cv2.ellipse(img, (140, y + 18), (42, 30), 8, 0, 360, 40, 3)
        spots.append((118, y + 4, 166, y + 32))
    return img, spots


def test_letter_marks_tell_a_circled_letter_from_a_plain_one():
    from extractor.reader.marks import read_letters
    img, spots = _letters([False, True, False])
    p = read_letters(img, spots)
    assert p[1] > 0.5 > max(p[0], p[2]), p
