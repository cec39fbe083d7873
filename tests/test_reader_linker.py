"""The label->value linker (extractor/reader/linker.py) on small pages laid out here,
with invented names and numbers."""
from __future__ import annotations

import numpy as np

from extractor.reader.linker import FEATURES, Item, link, pair_features


def _page():
    items = [
        Item("Parent name:", (50, 100, 150, 112)),       # 0 label
        Item("Rosa Quintal Ybarra", (160, 98, 300, 114)),  # 1 its value, right of it
        Item("A#:", (330, 100, 355, 112)),               # 2 label on the same line, right
        Item("A 204 117 863", (362, 99, 460, 113)),       # 3 its value
        Item("Date", (50, 150, 85, 162)),                 # 4 label, value below it
        Item("03/14/2018", (52, 170, 130, 183)),          # 5
        Item("Interpreter:", (50, 220, 140, 232)),        # 6 label left blank
        Item("PLEASE PRINT CLEARLY", (50, 60, 250, 74)),  # 7 a heading
    ]
    return items, [0, 2, 4, 6], [1, 3, 5]


def test_labels_take_their_own_values_and_a_blank_label_none():
    items, keys, values = _page()
    links = {(k, v) for k, v, _ in link(items, keys, values)}
    assert links == {(0, 1), (2, 3), (4, 5)}


def test_a_value_is_used_once():
    items, keys, values = _page()
    # a second label right beside the first competes for the same value
    items.append(Item("Name:", (50, 114, 90, 124)))
    got = link(items, keys + [len(items) - 1], values)
    used = [v for _, v, _ in got]
    assert len(used) == len(set(used))


def test_features_have_the_documented_columns_and_skip_far_pairs():
    items, keys, values = _page()
    items.append(Item("far away", (5000, 9000, 5050, 9012)))
    x, pairs = pair_features(items, keys, values + [len(items) - 1])
    assert x.shape == (len(pairs), len(FEATURES))
    assert all(v != len(items) - 1 for _, v in pairs)
    assert np.isfinite(x).all()


def test_no_labels_or_values_means_no_links():
    items, _, values = _page()
    assert link(items, [], values) == []
    assert link(items, [0], []) == []


def test_multi_lets_a_label_take_a_list_but_a_value_stays_single():
    items = [
        Item("Children:", (50, 100, 120, 112)),
        Item("Lia Quintal", (60, 120, 150, 132)),
        Item("Teo Quintal", (60, 138, 150, 150)),
        Item("Date:", (300, 100, 340, 112)),
        Item("05/02/2018", (350, 99, 430, 113)),
    ]
    single = link(items, [0, 3], [1, 2, 4])
    multi = link(items, [0, 3], [1, 2, 4], multi=True)
    assert {(k, v) for k, v, _ in single} <= {(k, v) for k, v, _ in multi}
    assert (3, 4) in {(k, v) for k, v, _ in multi}
    values = [v for _, v, _ in multi]
    assert len(values) == len(set(values))
