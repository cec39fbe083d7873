"""Labels the page OCR cut short ("Name:" read as "N") are read again from their crop
(extractor.forms.label_stubs, real Tesseract); labels that lost their slash or start with a
section's word are still labels (extractor.forms)."""
import numpy as np
from PIL import Image, ImageDraw

from extractor.forms import label_stubs
from extractor.forms import extract_form
from extractor.forms.sections import find_sections
from extractor.forms.vocabulary import LABEL_WORDS
from extractor.layout import build_lines
from extractor.model import Page, Word
from samples.generator import fonts

H = 30


def _words(y, *items):
    return [Word(text=t, conf=0.95, bbox=(x, y, x + 18 * len(t), y + H)) for x, t in items]


def _printed_page(rows):
    """A 300 dpi page with, per row, a small printed label, a fill line after it, and
    large writing on the line. Returns the page and, per row, (label box, value box)."""
    img = Image.new("L", (2550, 1400), 255)
    d = ImageDraw.Draw(img)
    serif = fonts.font(fonts.available()["lib_serif"].path, 38)
    hand = fonts.font(fonts.available()["comic"].path, 62)
    boxes = []
    for k, (label, value) in enumerate(rows):
        y = 200 + 220 * k
        d.text((200, y), label, font=serif, fill=0)
        lw = int(d.textlength(label, font=serif))
        d.line([(200 + lw + 20, y + 38), (1500, y + 38)], fill=0, width=3)
        d.text((200 + lw + 80, y - 22), value, font=hand, fill=0)
        vw = int(d.textlength(value, font=hand))
        boxes.append(((200, y + 6, 200 + lw, y + 38), (200 + lw + 80, y - 8, 200 + lw + 80 + vw, y + 40)))
    return np.asarray(img), boxes


def test_labelfix_rereads_a_label_stub_from_its_crop():
    image, boxes = _printed_page([("Name:", "Rosa Pérez"), ("A-Number:", "208 123 456")])
    (l1, v1), (l2, v2) = boxes
    # what a bad page reading gives: the labels cut to their first letters
    words = [Word("N", 0.9, (l1[0], l1[1], l1[0] + 30, l1[3])),
             Word("Rosa", 0.9, (v1[0], v1[1], v1[0] + 150, v1[3])),
             Word("Pérez", 0.9, (v1[0] + 180, v1[1], v1[2], v1[3])),
             Word("A-Numb", 0.9, (l2[0], l2[1], l2[0] + 130, l2[3])),
             Word("208", 0.9, (v2[0], v2[1], v2[0] + 100, v2[3])),
             Word("123", 0.9, (v2[0] + 130, v2[1], v2[0] + 230, v2[3])),
             Word("456", 0.9, (v2[0] + 260, v2[1], v2[2], v2[3]))]
    page = Page(number=1, width=2550, height=1400, dpi=300, words=words, image=image)
    assert [w.text for w, _ in label_stubs.find_stubs(page, LABEL_WORDS)] == ["N", "A-Numb"]
    texts = [w.text for w in label_stubs.reread_stubs(page, LABEL_WORDS)]
    assert "Name:" in texts and "A-Number:" in texts and "N" not in texts
    rec = extract_form([page])
    assert rec.fields["parent_name"].value == "Rosa Pérez"
    assert rec.fields["parent_a_number"].value == "A208123456"


def test_labelfix_whole_label_words_are_not_stubs():
    image = np.full((600, 2000), 255, np.uint8)
    words = _words(200, (200, "Child's"), (420, "A-Number(s)")) + _words(300, (200, "Name"), (500, "Rosa"))
    page = Page(number=1, width=2000, height=600, dpi=300, words=words, image=image)
    assert label_stubs.find_stubs(page, LABEL_WORDS) == []


def test_forms_label_starting_with_a_section_word_is_not_a_section_header():
    words = (_words(200, (200, "SUPERVISORY"), (450, "ACKNOWLEDGEMENT")) +
             _words(400, (220, "Supervisor"), (420, "name"), (700, "Kowalski")))
    secs = find_sections(build_lines(words))
    assert [s.key for s in secs] == ["supervisor"]
    page = Page(number=1, width=2550, height=3300, dpi=300, words=words,
                image=np.full((3300, 2550), 255, np.uint8))
    assert extract_form([page]).fields["supervisor_name"].value == "Kowalski"


def test_forms_label_whose_abbreviation_lost_its_slash_is_still_a_label():
    # "A# / No. de extranjero (A#):" read as "AF No. de extranjero (A+)"
    words = _words(300, (200, "AF"), (260, "No."), (340, "de"), (400, "extranjero"), (600, "(A+)"),
                   (800, "A-91128799"))
    page = Page(number=1, width=2550, height=3300, dpi=300, words=words,
                image=np.full((3300, 2550), 255, np.uint8))
    assert extract_form([page]).fields["parent_a_number"].value == "A091128799"


def test_forms_lowercase_word_before_a_label_still_makes_running_text():
    words = _words(300, (200, "the"), (260, "parent"), (400, "name"), (500, "is"), (560, "written"),
                   (700, "here"), (800, "by"), (850, "hand"))
    page = Page(number=1, width=2550, height=3300, dpi=300, words=words,
                image=np.full((3300, 2550), 255, np.uint8))
    f = extract_form([page]).fields["parent_name"]
    assert f.value is None and f.provenance == "not located"  # no label read in running text
