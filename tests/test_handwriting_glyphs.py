"""The glyph recogniser (extractor.handwriting): segmentation of a written line into
glyphs, and A-number / date readings of crops rendered in the generator's handwriting
fonts with a fill line and scan damage. The renders use seeds the training never used."""
import random

import numpy as np
import pytest

from extractor import handwriting as hw
from training import handwriting_glyphs as T
from samples.generator import fonts, people

HAND = [f for f in fonts.faces("hand") if f.id in ("comic", "comic_it", "dkg", "dkg_it", "klee", "humor")]

def _render(text, face, seed):
    rng = random.Random(seed)
    return T.render(rng, np.random.default_rng(seed), text, face.path)


def test_handwriting_segment_one_glyph_per_character_on_separate_digits():
    face = next(f for f in fonts.faces("type") if f.id == "lib_mono")
    img = _render("A 208 123 456", face, 90001)
    seg = hw.segment(img)
    assert len(seg.glyphs) == len("A208123456")
    xs = [g.bbox[0] for g in seg.glyphs]
    assert xs == sorted(xs)


def test_handwriting_merge_keeps_a_dot_with_its_letter_and_slanted_neighbours_apart():
    # two stacked parts (an i: dot over stem) merge; two side-by-side glyphs do not
    ink = np.full((80, 120), 255, np.uint8)
    ink[10:18, 20:28] = 0   # dot
    ink[26:70, 21:27] = 0   # stem
    ink[26:70, 60:66] = 0   # another stem, right
    ink[26:70, 75:81] = 0   # and another
    seg = hw.segment(ink)
    assert len(seg.glyphs) == 3
    assert seg.glyphs[0].bbox[1] <= 10 and seg.glyphs[0].bbox[3] >= 69


def test_handwriting_reads_a_numbers_written_in_handwriting_fonts():
    rng = random.Random(4242)
    right = total = 0
    for k in range(24):
        truth = people.new_a_number(rng, eight_digit=k % 4 == 0)
        written = people.write_a_number(rng, truth)
        face = HAND[k % len(HAND)]
        got = hw.read_a_number(_render(written, face, 70000 + k))
        total += 1
        right += got is not None and got.text == truth
    assert right / total >= 0.75, f"{right}/{total}"


def test_handwriting_a_number_reader_refuses_letters_and_short_numbers():
    face = next(f for f in HAND if f.id == "comic")
    assert hw.read_a_number(_render("Rosa Maldonado", face, 81)) is None
    assert hw.read_a_number(_render("208 123", face, 82)) is None  # 6 digits is no A-number


def test_handwriting_doubtful_glyph_lowers_the_reading_confidence():
    # a letter among the digits: forced into a digit class, it keeps a low probability
    face = next(f for f in HAND if f.id == "klee")
    clean = hw.read_a_number(_render("A208123456", face, 83))
    smudged = hw.read_a_number(_render("A208M23456", face, 83))
    assert clean is not None and clean.confidence >= 0.8
    assert smudged is None or smudged.confidence < clean.confidence


def test_handwriting_reads_numeric_dates():
    from extractor.normalize import parse_date
    rng = random.Random(515)
    right = 0
    cases = [(2018, 7, 10), (2017, 12, 3), (2018, 4, 28), (2018, 11, 9), (2017, 8, 31), (2018, 1, 15)]
    for k, (y, m, d) in enumerate(cases):
        text = f"{m:02d}/{d:02d}/{y}" if k % 2 else f"{m}-{d}-{y % 100}"
        got = hw.read_numeric_date(_render(text, HAND[k % len(HAND)], 60000 + k))
        parsed = parse_date(got.text, day_first=False) if got else None
        right += parsed is not None and parsed.iso == f"{y:04d}-{m:02d}-{d:02d}"
    assert right >= 4, right


def test_handwriting_training_data_labels_line_up_with_glyphs():
    faces = [f for f in HAND if f.id in ("comic", "klee")]
    x, y, kept = T.dataset(faces, 12, seed=123)
    assert len(x) == len(y) and kept >= 0.4
    assert x.shape[1] == hw.features(hw.Glyph((0, 0, 5, 10), np.full((10, 5), 255, np.uint8)), 10, 10).shape[0]
    assert set(y.tolist()) <= set(range(len(hw.CLASSES)))


def test_handwriting_model_matches_the_feature_layout():
    m = hw.model()
    assert m.classes == hw.CLASSES
    assert m.w1.shape[0] == m.mu.shape[0]
    info = hw.model_info()
    assert info.get("validation_accuracy", 0) >= 0.9


def test_handwriting_reads_every_a_number_of_a_written_list():
    face = next(f for f in HAND if f.id == "comic")
    got = hw.read_a_numbers(_render("A 208 123 456, A-209 555 111", face, 4711))
    assert [g.text for g in got] == ["A208123456", "A209555111"]
    assert hw.read_a_numbers(_render("Rosa Maldonado", face, 4712)) == []


def test_render_with_stroke_augmentation_is_seeded_and_changes_the_writing():
    face = HAND[0]
    one = T.render(random.Random(5), np.random.default_rng(5), "Rosa Tumax", face.path, strokes=True)
    two = T.render(random.Random(5), np.random.default_rng(5), "Rosa Tumax", face.path, strokes=True)
    assert np.array_equal(one, two)
    plain = [T.render(random.Random(s), np.random.default_rng(s), "Rosa Tumax", face.path).tobytes()
             for s in range(5, 9)]
    augmented = [T.render(random.Random(s), np.random.default_rng(s), "Rosa Tumax", face.path,
                          strokes=True).tobytes() for s in range(5, 9)]
    assert sum(p != a for p, a in zip(plain, augmented)) >= 3
