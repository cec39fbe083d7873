"""Where a label stands against the page's rulings (extractor.layout.rulings): a fill
line right of it or above it, a box or table edge beside it.

The rulings say where a value goes when the words alone cannot: a caption printed under
its fill line has its value above it, a label at the top left of a box has its value
below, and nothing written across a box edge belongs to the label before the edge.
Arguments: ``rulings`` as (x0, x1, y) and ``verticals`` as (y0, y1, x), page pixels;
``hh`` the label's text height.
"""
from __future__ import annotations

from extractor.layout import Line


def crosses_edge(verticals, x_from: float, x_to: float, line: Line) -> bool:
    """Is there a box or table edge between two points of a line?"""
    return any(x_from < x < x_to and y0 <= line.bbox[1] + 0.3 * line.height
               and y1 >= line.bbox[3] - 0.3 * line.height for y0, y1, x in verticals)


def fill_line_right(rulings, bbox, hh: float):
    """The fill line that starts right after a label on its baseline: (x0, x1, y)."""
    for x0, x1, y in rulings:
        if bbox[2] - 2 * hh <= x0 <= bbox[2] + 4 * hh and bbox[1] <= y <= bbox[3] + 0.9 * hh \
                and x1 - x0 > 3 * hh:
            return x0, x1, y
    return None


def ruling_right(rulings, bbox, hh: float) -> bool:
    """Does a fill line start right after the label, on its baseline? Then the value
    (or the blank) is there, not on another line."""
    return fill_line_right(rulings, bbox, hh) is not None


def in_box_cell(verticals, bbox, hh: float) -> bool:
    """A label at the top left of a box (a vertical edge just left of it running down
    past it): its value is written below it, inside the box."""
    for y0, y1, x in verticals:
        if bbox[0] - 3 * hh <= x <= bbox[0] + 0.2 * hh and y0 <= bbox[1] + 0.5 * hh \
                and y1 >= bbox[3] + 1.5 * hh:
            return True
    return False


def fill_line_above(rulings, bbox, hh: float):
    """The fill line a caption is printed under: (x0, x1, y), or None."""
    for x0, x1, y in rulings:
        if bbox[1] - 1.6 * hh <= y <= bbox[1] + 0.2 * hh and x0 <= bbox[0] + hh and x1 >= bbox[0] + hh:
            return x0, x1, y
    return None


def ruling_above(rulings, bbox, hh: float) -> bool:
    """Is the label a caption printed under a fill line?"""
    return fill_line_above(rulings, bbox, hh) is not None
