"""find_boxes on synthetic boxes: each mark style is read as marked, an empty box as
empty, under the scan artefacts the dev corpus has (noise, salt and pepper, blur,
shadow, fax binarisation)."""
from __future__ import annotations

import cv2
import numpy as np
import pytest

from checkboxes_drawing import add_noise, blank, draw_box, mark
from extractor.forms.boxes import decide, find_boxes

STYLES = [None, "x", "tick", "fill", "scribble", "corner"]
NOISES = [None, "gauss", "saltpepper", "blur", "shadow", "fax"]


def _one_box(style, noise, side=36):
    img = blank(420, 260)
    box = draw_box(img, 150, 100, side)
    if style:
        mark(img, box, style)
    if noise:
        img = add_noise(img, noise)
    return img, box


def _match(boxes, box):
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    hits = [b for b in boxes if b.bbox[0] - 4 <= cx <= b.bbox[2] + 4 and b.bbox[1] - 4 <= cy <= b.bbox[3] + 4]
    assert len(hits) == 1, f"expected one box at {box}, found {[b.bbox for b in boxes]}"
    return hits[0]


@pytest.mark.parametrize("noise", NOISES)
@pytest.mark.parametrize("style", STYLES)
def test_checkboxes_boxes_marked_decision(style, noise):
    img, box = _one_box(style, noise)
    b = _match(find_boxes(img, dpi=300), box)
    assert b.marked == (style is not None), (style, noise, b)


@pytest.mark.parametrize("side", [20, 30, 60])
def test_checkboxes_boxes_sizes(side):
    img, box = _one_box("x", None, side)
    empty = blank(420, 260)
    draw_box(empty, 150, 100, side, t=2)
    assert _match(find_boxes(img, dpi=300), box).marked
    assert not _match(find_boxes(empty, dpi=300), box).marked


def test_checkboxes_boxes_bbox_is_the_frame():
    img, box = _one_box("tick", None)
    b = _match(find_boxes(img, dpi=300), box)
    # the tick leaves the box: the bbox must still be the printed frame
    assert all(abs(u - v) <= 3 for u, v in zip(b.bbox, box)), (b.bbox, box)


def test_checkboxes_boxes_round_shapes_are_not_boxes():
    img = blank(420, 260)
    cv2.circle(img, (120, 120), 20, 0, 3)
    cv2.ellipse(img, (300, 120), (40, 25), 0, 0, 360, 0, 3)
    assert find_boxes(img, dpi=300) == []


def test_checkboxes_boxes_grey_border_and_colour_input():
    img = blank(420, 260)
    cv2.rectangle(img, (150, 100), (186, 136), 150, 2)  # a light grey printed box
    colour = cv2.cvtColor(img, cv2.COLOR_GRAY2BGR)
    (b,) = find_boxes(colour, dpi=300)
    assert not b.marked


def test_checkboxes_boxes_decide_confidence_falls_near_the_cut():
    assert decide(0.0) == (False, 1.0)
    assert decide(0.5)[0] and decide(0.5)[1] == 1.0
    near = decide(0.05)
    assert near[0] and near[1] < 0.8


def test_checkboxes_boxes_punch_hole_is_not_a_filled_box():
    img = blank(420, 260)
    cv2.circle(img, (90, 120), 38, 30, -1)  # a punch hole: a solid dark disc
    filled = draw_box(img, 250, 100, 40)
    mark(img, filled, "fill")
    boxes = find_boxes(add_noise(img, "blur"), dpi=300)
    assert len(boxes) == 1 and boxes[0].marked and boxes[0].bbox[0] > 200, boxes
