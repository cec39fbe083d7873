"""A word the page OCR split where the pen lifted is joined again, by the gap between
its pieces against the value's usual gap between words (no Tesseract needed)."""
from extractor.model import Word
from extractor.forms.names_reread import join_fragments, plausibility


def _words(spec, h=40):
    """(text, x0, x1) triples on one line of height ``h``."""
    return [Word(text=t, conf=0.9, bbox=(x0, 100, x1, 100 + h)) for t, x0, x1 in spec]


def _texts(words):
    return [w.text for w in join_fragments(words)]


def test_names_reread_fragments_a_pen_lift_inside_a_word_is_joined():
    ws = _words([("Noreen", 0, 200), ("Sm", 225, 280), ("ith", 284, 330)])
    assert _texts(ws) == ["Noreen", "Smith"]
    caps = _words([("ANA", 0, 90), ("QUIÑÓN", 118, 300), ("EZ", 306, 360), ("TOMÁS", 390, 600)])
    assert _texts(caps) == ["ANA", "QUIÑÓNEZ", "TOMÁS"]


def test_names_reread_fragments_evenly_spaced_words_stay_apart():
    # tight handwriting: every gap small, none small against the others
    ws = _words([("Olga", 0, 100), ("Quexbal", 108, 250), ("Coc", 258, 330)])
    assert _texts(ws) == ["Olga", "Quexbal", "Coc"]


def test_names_reread_fragments_a_capitalised_piece_or_two_words_stay_apart():
    # a capitalised word starts a new name even when written close
    ws = _words([("Noreen", 0, 200), ("Mc", 225, 280), ("Donald", 284, 400)])
    assert _texts(ws) == ["Noreen", "Mc", "Donald"]
    # a single gap gives nothing to compare with
    assert _texts(_words([("Sm", 0, 60), ("ith", 64, 120)])) == ["Sm", "ith"]


def test_names_reread_fragments_plausibility_prefers_a_written_name():
    assert plausibility("AFOD Smith") > plausibility("AFOD epmith")
    assert plausibility("ERO S. Morales") > plausibility("ERO S Morales")
    assert plausibility("Tomás Xol") > plausibility("!OMds Xol")
    assert plausibility("Lsabel Chávez") == plausibility("Isabel Chávez")
