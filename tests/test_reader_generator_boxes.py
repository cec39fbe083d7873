"""The generator records where it drew each field's label (regions "label.<slot>")
beside its value (regions "<slot>"), the truth the label->value linker can learn from."""
from __future__ import annotations

from samples.generator import render
from samples.generator.spec import sample


def test_labels_are_recorded_near_their_values():
    seen = 0
    for seed in range(40, 46):
        spec = sample(seed)
        _, layout = render.render_form(spec, 100)
        regions = layout["regions"]
        labels = {k[len("label."):]: v for k, v in regions.items() if k.startswith("label.")}
        assert labels, "no label recorded"
        for slot, (x0, y0, x1, y1) in labels.items():
            assert x0 < x1 and y0 < y1
            if slot in regions:  # a value was written: it is near its label
                v = regions[slot]
                gap_y = max(0, max(y0, v[1]) - min(y1, v[3]))
                assert gap_y < 100 * 1.5, (seed, slot, labels[slot], v)  # within 1.5 inch
                seen += 1
    assert seen >= 6
