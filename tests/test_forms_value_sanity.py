"""Values that only look like a field's value: a heading in large type, an officer's
own date, printed role words or a label's tail where a name goes, signature strokes
read as letters. Each would otherwise pass a check on a deficient form (hand-placed
words, no OCR)."""
import numpy as np
import cv2

from extractor.forms import extract_form
from extractor.model import Page, Word


def _words(y, *items, h=30):
    return [Word(text=t, conf=0.95, bbox=(x, y, x + 18 * len(t), y + h)) for x, t in items]


def _page(words, hlines=()):
    img = np.full((3300, 2550), 255, np.uint8)
    for x0, x1, y in hlines:
        cv2.line(img, (x0, y), (x1, y), 0, 3)
    return Page(number=1, width=2550, height=3300, dpi=300, words=words, image=img)


_BODY = (_words(1800, (200, "I"), (240, "want"), (340, "to"), (400, "be"), (460, "reunited"),
                (650, "with"), (760, "my"), (830, "child")) +
         _words(1900, (200, "before"), (340, "I"), (380, "am"), (440, "removed"), (600, "from"),
                (700, "the"), (780, "United"), (920, "States")) +
         _words(2000, (200, "I"), (240, "do"), (300, "not"), (380, "wish"), (480, "to"), (540, "be"),
                (600, "reunited"), (800, "with"), (900, "my"), (960, "child")))


def test_forms_heading_in_large_type_is_not_a_children_label():
    # centred on a page whose text runs from x=200 to x=2300
    words = (_words(300, (760, "Parent's"), (960, "Decision"), (1160, "Regarding"), (1410, "Minor"),
                    (1560, "Child(ren)"), h=48) +
             _words(380, (860, "Elección"), (1060, "sobre"), (1210, "la"), (1280, "reunificación"), h=40) +
             _words(2100, (200, "Form"), (2200, "Rev."), (2262, "1")) + _BODY)
    rec = extract_form([_page(words)])
    assert rec.fields["child_names"] is None or not rec.fields["child_names"].value


def test_forms_bare_date_after_the_officer_name_is_not_the_signing_date():
    words = (_words(500, (200, "Date"), (290, "of"), (340, "signature:")) +
             _words(700, (200, "Officer"), (340, "name:"), (500, "K."), (560, "Brown"),
                    (1300, "Date:"), (1420, "08/04/2017")) + _BODY)
    rec = extract_form([_page(words, hlines=[(560, 1500, 528)])])
    f = rec.fields["date_signed"]
    assert f is not None and f.value is None
    assert rec.fields["official_name"].value == "K. Brown"


def test_forms_printed_role_words_where_the_name_goes_are_not_a_name():
    words = (_words(560, (200, "Deportation"), (420, "Officer")) +
             _words(610, (200, "Nombre"), (340, "del"), (420, "funcionario")) + _BODY)
    rec = extract_form([_page(words, hlines=[(200, 1400, 600)])])
    f = rec.fields["official_name"]
    assert f is not None and f.value is None and f.present is None and f.confidence < 0.6


def test_forms_label_tail_is_not_an_interpreter_name():
    words = _words(400, (200, "Interpreter"), (800, "tado"), (900, "por")) + _BODY
    f = extract_form([_page(words)]).fields["interpreter_name"]
    assert f is not None and f.value is None and f.present is None


def test_forms_signature_strokes_far_right_are_not_part_of_the_name():
    words = (_words(400, (200, "Supervisor"), (400, "name:"), (560, "Nelson"), (700, "Barrientos")) +
             [Word("NW", 0.6, (1520, 360, 1810, 445))] + _BODY)
    assert extract_form([_page(words)]).fields["supervisor_name"].value == "Nelson Barrientos"


def test_forms_leading_parenthesised_label_remnant_is_dropped_from_a_name():
    words = _words(400, (200, "Name"), (290, "of"), (340, "official:"), (560, "(print)"),
                   (720, "Trent"), (840, "Whitfield")) + _BODY
    assert extract_form([_page(words)]).fields["official_name"].value == "Trent Whitfield"


def test_forms_a_label_never_grows_over_a_number():
    # "A#" written before the digits must not make "A# 236 415 908" one long caption
    words = _words(400, (200, "Número"), (360, "A:"), (480, "A#"), (570, "236"), (668, "415"),
                   (771, "908")) + _BODY
    assert extract_form([_page(words)]).fields["parent_a_number"].value == "A236415908"


def test_forms_date_between_two_bilingual_labels_is_the_value():
    words = _words(400, (200, "Signature"), (400, "of"), (460, "Parent"), (1200, "Date"),
                   (1300, "09/31/2017"), (1560, "Firmado"), (1720, "el")) + _BODY
    assert extract_form([_page(words)]).fields["date_signed"].value == "2017-09-31"


def test_forms_a_list_of_a_numbers_is_not_the_parents():
    # "A-Number(s) / A# del menor" read as "A- -Number(s) of Adel menor": the label
    # runs into the value and the children's numbers would pass as the parent's
    words = _words(400, (200, "A-"), (250, "-Number(s)"), (500, "of"), (560, "Adel"), (660, "menor"),
                   (800, "A"), (840, "273-260-659,"), (1100, "A"), (1140, "278-751-172")) + _BODY
    f = extract_form([_page(words)]).fields["parent_a_number"]
    assert f is None or (f.value is None and f.present is not True)


def test_forms_a_number_beside_event_no_belongs_to_it():
    words = (_words(400, (200, "A-Number")) +
             _words(520, (200, "Event"), (300, "No..."), (420, "HOU3273973")) + _BODY)
    f = extract_form([_page(words, hlines=[(400, 1100, 428)])]).fields["parent_a_number"]
    assert f is not None and f.value is None


def test_forms_fecha_de_hoy_is_a_label_not_the_value():
    words = (_words(420, (700, "07/17/2017")) +
             _words(500, (200, "Date"), (290, "of"), (340, "signature"), (600, "Fecha"), (720, "de"),
                    (780, "hoy")) + _BODY)
    f = extract_form([_page(words, hlines=[(200, 1400, 470)])]).fields["date_signed"]
    assert f.value == "2017-07-17"


def test_forms_label_without_colon_followed_by_a_three_word_name():
    words = _words(400, (200, "Interpreted"), (420, "by"), (480, "Intérprete"), (700, "Olga"),
                   (780, "Quexbal"), (920, "Ramos")) + _BODY
    assert extract_form([_page(words)]).fields["interpreter_name"].value == "Olga Quexbal Ramos"


def test_forms_language_by_inside_the_read_to_sentence_names_the_interpreter():
    words = _words(400, (200, "This"), (280, "form"), (370, "was"), (440, "read"), (520, "to"),
                   (570, "the"), (640, "parent"), (760, "in"), (820, "Q'anjob'al"), (1020, "language"),
                   (1180, "by"), (1240, "SDDO"), (1340, "L."), (1400, "Brown")) + _BODY
    rec = extract_form([_page(words)])
    assert rec.fields["interpreter_name"].value == "SDDO L. Brown"
    assert rec.fields["read_in_language"].value == "kjb"


def test_forms_a_served_on_date_is_not_the_officers_name():
    words = (_words(400, (200, "Name"), (290, "of"), (340, "official"), (480, "present"), (620, "(print)")) +
             _words(470, (260, "Served"), (380, "on"), (430, "Mar"), (500, "6"), (540, "2018")) + _BODY)
    f = extract_form([_page(words)]).fields["official_name"]
    assert f is None or f.value is None


def test_forms_instructions_below_a_children_label_are_not_names():
    words = (_words(400, (200, "Child"), (300, "name")) +
             _words(470, (220, "Circle"), (600, "Encierre"), (760, "la"), (810, "letra"), (920, "de")) +
             _BODY)
    # the label is a caption under an empty fill line; the instructions sit below it
    f = extract_form([_page(words, hlines=[(200, 1400, 392)])]).fields["child_names"]
    assert f is not None and f.value == [] and f.present is not True


def test_forms_read_to_the_parent_sentence_is_a_label_with_words_after_its_language():
    words = _words(400, (200, "Read"), (290, "aloud"), (400, "to"), (450, "the"), (520, "parent"),
                   (650, "in"), (710, "Spanish/Español"), (1000, "by"), (1060, "Andrés"),
                   (1200, "Muñoz"), (1340, "(Language"), (1520, "Line)")) + _BODY
    assert extract_form([_page(words)]).fields["read_in_language"].value == "spa"


def test_forms_a_language_beside_interpreter_is_not_the_interpreters_name():
    from extractor.forms.person_names import not_a_name
    assert not_a_name("portugués", "interpreter_name")
    assert not not_a_name("Maribel Ramírez", "interpreter_name")


def test_forms_instruction_sentence_where_the_language_goes_is_not_a_written_language():
    # "Read this form to the parent in a language he or she understands before it is
    # signed": the rest of the printed sentence is not a language written in
    words = _words(300, (200, "Read"), (290, "this"), (370, "form"), (460, "to"), (510, "the"),
                   (580, "parent"), (710, "in"), (760, "a"), (800, "language"), (1000, "he"),
                   (1060, "or"), (1120, "she"), (1200, "understands"), (1450, "before"),
                   (1600, "it"), (1650, "is"), (1710, "signed"))
    f = extract_form([_page(words)]).fields["read_in_language"]
    assert f is None or (f.value is None and f.present is None)
