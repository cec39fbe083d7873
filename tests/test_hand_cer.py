"""tools/hand_cer.py: the measure of the hand model on hands left out of its training."""
import pytest

from tools import hand_cer


def test_held_out_hands_are_refused():
    with pytest.raises(SystemExit, match="held-out"):
        hand_cer.main(["--faces", "rufscript", "kristi", "--n", "1"])


def test_edit_distance_counts_insertions_deletions_substitutions():
    assert hand_cer.edit_distance("Quiroa", "Quiroa") == 0
    assert hand_cer.edit_distance("Tumax", "Tumaz") == 1
    assert hand_cer.edit_distance("Ana", "Anna") == 1
    assert hand_cer.edit_distance("", "Lo") == 2


def test_lines_are_seeded_and_prepared_for_the_model():
    a = hand_cer.lines("breip", 2, 5)
    b = hand_cer.lines("breip", 2, 5)
    assert [t for t, _ in a] == [t for t, _ in b]
    for (_, x), (_, y) in zip(a, b):
        assert x.dtype.name == "uint8" and x.ndim == 2 and (x == y).all()
        assert set(x.ravel().tolist()) <= {0, 255}  # binarised like hand_ocr.line_image
