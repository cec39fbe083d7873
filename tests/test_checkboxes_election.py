"""read_election on rendered option blocks (perfect word boxes, no Tesseract): each
kind of mark on each kind of form is read as the option it marks."""
from __future__ import annotations

import dataclasses

import cv2
import pytest

from checkboxes_drawing import OPTIONS_EN, Sheet, box_form, circle_form
from extractor.forms.election import read_election
from extractor.model import Page, Word

LABELS = [label for label, _ in OPTIONS_EN]


@pytest.mark.parametrize("style", ["x", "tick", "fill", "scribble", "corner"])
@pytest.mark.parametrize("which", [0, 1, 2])
def test_checkboxes_election_box_marks(style, which):
    page, _ = box_form({which: style})
    f = read_election([page])
    assert f is not None and f.value == LABELS[which], (style, which, f)
    assert f.confidence >= 0.6 and f.page == 1
    assert f.evidence.startswith("[X]") and OPTIONS_EN[which][1].split()[2] in f.evidence


@pytest.mark.parametrize("noise", ["gauss", "saltpepper", "blur", "shadow", "fax"])
def test_checkboxes_election_box_noise(noise):
    page, _ = box_form({1: "x"}, noise=noise)
    assert read_election([page]).value == "depart_without_child"
    page, _ = box_form({}, noise=noise)
    assert read_election([page]).value == "none_marked"


def test_checkboxes_election_none_and_multiple():
    page, boxes = box_form({})
    f = read_election([page])
    assert f.value == "none_marked" and f.evidence.count("[ ]") == 3
    page, _ = box_form({0: "x", 2: "tick"})
    f = read_election([page])
    assert f.value == "multiple_marked" and f.evidence.count("[X]") == 2


def test_checkboxes_election_bbox_is_the_marked_option():
    page, boxes = box_form({2: "x"})
    f = read_election([page])
    x0, y0, x1, y1 = f.bbox
    bx = boxes[2]
    assert x0 <= bx[0] + 2 and y0 <= bx[1] + 2 and x1 > bx[2] and y1 >= bx[3] - 2
    assert y0 > boxes[1][3]  # not the whole block


@pytest.mark.parametrize("which", [0, 1, 2])
def test_checkboxes_election_circle_round_letter(which):
    f = read_election([circle_form(circled=(which,))])
    assert f.value == LABELS[which] and f.provenance == "circle", f


def test_checkboxes_election_margin_tick_and_underline():
    f = read_election([circle_form(ticked=(2,))])
    assert f.value == "consult_attorney", f
    f = read_election([circle_form(underlined=(1,))])
    assert f.value == "depart_without_child" and f.provenance == "underline", f


def test_checkboxes_election_circle_none_and_multiple():
    assert read_election([circle_form()]).value == "none_marked"
    assert read_election([circle_form(circled=(0, 1))]).value == "multiple_marked"


def test_checkboxes_election_spanish_with_negation():
    es = (("depart_without_child", "No deseo reunirme con mi(s) hijo(s). Saldré sin mi(s) hijo(s)."),
          ("reunify", "Deseo ser deportado(a) JUNTO CON mi(s) hijo(s)."),
          ("consult_attorney", "Solicito consultar con un abogado antes de decidir."))
    page, _ = box_form({0: "x"}, options=es)
    assert read_election([page]).value == "depart_without_child"
    page, _ = box_form({1: "fill"}, options=es)
    assert read_election([page]).value == "reunify"


def test_checkboxes_election_picks_the_form_page():
    attach = Sheet()
    attach.text(100, 100, "TRANSPORTATION MANIFEST (COPY)")
    attach.text(100, 200, "Detainee property record, consular notification and transfer file.")
    form, _ = box_form({2: "tick"})
    form.number = 2
    f = read_election([attach.page(number=1), form])
    assert f.value == "consult_attorney" and f.page == 2


def test_checkboxes_election_none_without_options():
    sh = Sheet()
    sh.text(100, 100, "Name of official present (print): S. O'Brien")
    sh.text(100, 200, "The parent may consult an attorney.")  # one stray mention is no block
    assert read_election([sh.page()]) is None
    assert read_election([]) is None


def test_checkboxes_election_boxes_right_of_text():
    sh = Sheet()
    sh.text(100, 60, "Mark one option only:")
    boxes = []
    for i, (_, text) in enumerate(OPTIONS_EN):
        y = 200 + i * 110
        sh.text(100, y, text)
        boxes.append((1650, y + 2, 1686, y + 38))
    img = sh.array()
    for b in boxes:
        cv2.rectangle(img, b[:2], b[2:], 0, 3)
    cv2.line(img, (1654, boxes[2][1] + 4), (1682, boxes[2][3] - 4), 0, 4)
    cv2.line(img, (1654, boxes[2][3] - 4), (1682, boxes[2][1] + 4), 0, 4)
    f = read_election([sh.page(img)])
    assert f.value == "consult_attorney" and f.provenance == "checkbox", f


def test_checkboxes_election_printed_option_labels_are_not_marks():
    # "Option 1:" printed before every option is ink in every margin: only the
    # ellipse round one of them is a mark
    sh = Sheet()
    sh.text(100, 60, "Circle one option:")
    for i, (_, text) in enumerate(OPTIONS_EN):
        y = 200 + i * 120
        sh.text(100, y, f"Option {i + 1}:")
        sh.text(330, y, text)
    img = sh.array()
    f = read_election([sh.page(img)])
    assert f.value == "none_marked", f
    cv2.ellipse(img, (190, 200 + 120 + 20), (110, 36), 0, 0, 360, 0, 3)
    f = read_election([sh.page(img)])
    assert f.value == "depart_without_child", f


def test_checkboxes_election_unread_marked_option_by_elimination():
    # OCR garbled the marked option's text (a mark over it): its box still counts, and
    # as the only option not read elsewhere it is the attorney one, at low confidence
    garbled = OPTIONS_EN[:2] + (("consult_attorney", "Iwnt tq spek wth an a11 rney bfore I mke a dcsion."),)
    page, _ = box_form({2: "x"}, options=garbled)
    f = read_election([page])
    assert f.value == "consult_attorney" and f.confidence <= 0.6, f
    page, _ = box_form({}, options=garbled)
    assert read_election([page]).value == "none_marked"


def test_checkboxes_election_sliver_more_ink_than_heavily_inked_options_is_not_trusted():
    # every option carries a circle's worth of ink (both circled, say): one with 7%
    # more is not a clear mark, so its confidence stays below the rubric's pass line;
    # a mark that stands well clear of printed margin ink keeps 0.7
    from extractor.forms.election import _decide
    from extractor.forms.options import Option
    from scoring.rubric import PASS_MIN_CONFIDENCE
    both = [Option("reunify", [], 1.0, margin_ink=2.79),
            Option("depart_without_child", [], 1.0, margin_ink=2.97)]
    _decide(both)
    assert both[1].marked and both[1].confidence < PASS_MIN_CONFIDENCE
    printed = [Option("reunify", [], 1.0, margin_ink=0.3),
               Option("depart_without_child", [], 1.0, margin_ink=2.9)]
    _decide(printed)
    assert printed[1].marked and printed[1].confidence == 0.7


def test_checkboxes_election_underline_under_wrapped_line_when_ocr_dropped_the_leading_i():
    """OCR often drops an option's leading "I", so the text column it gives sits a word
    right of where the option's lines begin; an underline under the option's second
    line, drawn from just left of that line, is still the parent's mark (dev 0072)."""
    sh = Sheet()
    sh.text(100, 60, "ELECTION OF PARENT")
    sh.text(100, 140, "CIRCLE ONE of the options below.")
    rows = (("I want to be reunited with my child(ren) before I am removed.", None),
            ("I am choosing to return to my country WITHOUT my child(ren).",
             "United States to pursue any available claims."),
            ("I want to speak with an attorney before I make a decision.", None))
    second = None
    y = 240
    for i, (first, more) in enumerate(rows):
        start = len(sh.words)
        sh.text(160, y, "ABC"[i] + ".")
        sh.text(240, y, first)
        for j in range(start + 1, len(sh.words)):  # one OCR line: letter, then text
            sh.words[j] = dataclasses.replace(sh.words[j], line_key=sh.words[start].line_key)
        del sh.words[start + 1]  # the "I" OCR did not read
        if more:
            y += 40
            second = sh.text(240, y, more)
        y += 100
    img = sh.array()
    x0, _, x1, y1 = second
    cv2.line(img, (x0 - 10, y1 + 8), (x1 + 10, y1 + 10), 0, 3)
    f = read_election([sh.page(img)])
    assert f.value == "depart_without_child" and f.provenance == "underline", f
    # and without the line nothing is marked (the wrapped line itself is no mark)
    assert read_election([sh.page(sh.array())]).value == "none_marked"


INITIALS_ROWS = ("Reunify me with my child(ren) prior to my removal.",
                 "I request time to contact legal counsel.",
                 "I choose to return to my country alone.")


def _initials_form(initials: dict[int, str], drop_i: tuple[int, ...] = ()) -> Page:
    """An initials form: a printed line for the initials left of each option with
    "Initials / Iniciales" under it; ``initials`` maps option index -> written initials
    (OCR reads them as a word of the option's line); options in ``drop_i`` lost their
    leading "I" to OCR, the others' "I" is read without confidence."""
    sh = Sheet()
    sh.text(100, 60, "ELECTION OF PARENT")
    rules = []
    for i, text in enumerate(INITIALS_ROWS):
        y = 220 + 130 * i
        start = len(sh.words)
        if i in initials:  # (the word OCR reads; the pen strokes are drawn below)
            sh.words.append(Word(initials[i], 0.9, (102.0, y - 8.0, 260.0, y + 36.0), (999, 1, 1)))
        sh.text(330, y, text)
        key = sh.words[start].line_key
        for j in range(start, len(sh.words)):
            sh.words[j] = dataclasses.replace(sh.words[j], line_key=key,
                                              conf=0.6 if sh.words[j].text == "I" else 0.95)
        if i in drop_i:
            del sh.words[len(sh.words) - len(text.split())]
        sh.text(100, y + 46, "Initials / Iniciales")
        rules.append((100, y + 40, 300, y + 40))
    img = sh.array()
    for x0, y0, x1, y1 in rules:
        cv2.line(img, (x0, y0), (x1, y1), 0, 2)
    for i, text in initials.items():
        cv2.putText(img, text, (115, 220 + 130 * i + 34), cv2.FONT_HERSHEY_SCRIPT_SIMPLEX, 1.5, 0, 3)
    return sh.page(img)


def test_checkboxes_election_initials_on_a_printed_line():
    """Initials written on one option's line mark it; the printed lines and their
    "Initials" captions, the same at every option, are no mark and no underline."""
    f = read_election([_initials_form({0: "MMC"}, drop_i=(2,))])
    assert f.value == "reunify" and f.confidence >= 0.6, f
    f = read_election([_initials_form({2: "MMC"}, drop_i=(2,))])
    assert f.value == "depart_without_child" and f.confidence >= 0.6, f
    f = read_election([_initials_form({}, drop_i=(2,))])
    assert f.value == "none_marked", f


def test_checkboxes_election_two_letter_heading_word_is_no_mark():
    """"My decision (circle one):" printed just above the options reaches into the
    first option's margin: its two-letter first word is printed text, not a mark."""
    sh = Sheet()
    sh.text(100, 165, "My decision (circle one):")
    for i, (_, text) in enumerate(OPTIONS_EN):
        y = 200 + i * 110
        sh.text(200, y, "ABC"[i] + ".")
        sh.text(270, y, text)
    img = sh.array()
    assert read_election([sh.page(img)]).value == "none_marked"
    cv2.ellipse(img, (218, 200 + 110 + 18), (40, 30), 0, 0, 360, 0, 3)
    f = read_election([sh.page(img)])
    assert f.value == "depart_without_child", f


def test_checkboxes_election_printed_word_left_of_a_shifted_column_is_no_mark():
    """OCR dropped the leading "I" of the lead lines, so the text column sits a word
    right of the text; a wrapped line's first word, which starts at the true column,
    reaches into the margin and is printed text, not a mark beside its option."""
    sh = Sheet()
    sh.text(100, 60, "CIRCLE ONE of the options below.")
    rows = (("I want my child(ren) returned to me before I am removed.", "Estados Unidos conmigo."),
            ("I will depart the United States WITHOUT my child(ren).", None),
            ("I want to consult an attorney before I make a decision.", None))
    y = 200
    for i, (first, more) in enumerate(rows):
        start = len(sh.words)
        sh.text(160, y, "abc"[i] + ")")
        sh.text(240, y, first)
        for j in range(start + 1, len(sh.words)):
            sh.words[j] = dataclasses.replace(sh.words[j], line_key=sh.words[start].line_key)
        del sh.words[start + 1]  # the "I" OCR did not read
        if more:
            y += 40
            sh.text(240, y, more)
        y += 100
    img = sh.array()
    assert read_election([sh.page(img)]).value == "none_marked"
    cv2.ellipse(img, (178, 200 + 140 + 18), (38, 30), 0, 0, 360, 0, 3)
    assert read_election([sh.page(img)]).value == "depart_without_child"



def test_checkboxes_election_marked_option_read_twice_is_doubtful():
    """A form states each option once. A mark drawn over "I do not wish to be reunited
    ..." leaves OCR "to be reunited ...": that option and another one then both read
    as the reunification, and a mark on either is no clear election."""
    from scoring.rubric import PASS_MIN_CONFIDENCE
    misread = (("reunify", "to be reunited with my child(ren); I will leave them."),
               ("consult_attorney", "I want to speak with an attorney before I make a decision."),
               ("reunify", "Reunify me with my child(ren) prior to my removal."))
    page, _ = box_form({0: "x"}, options=misread)
    f = read_election([page])
    assert f.value == "reunify" and f.confidence < PASS_MIN_CONFIDENCE, f
    page, _ = box_form({1: "x"}, options=misread)
    f = read_election([page])
    assert f.value == "consult_attorney" and f.confidence >= PASS_MIN_CONFIDENCE, f


def test_checkboxes_election_box_column_baseline_is_an_empty_box():
    """The ink round each option's place in the box column is judged against an empty
    box's (its printed frame). A filled box's reading can lose its blob altogether
    (0.0); taken as the baseline it made every empty frame a "margin mark" and a
    single filled box read as multiple_marked."""
    from extractor.forms.election import _decide
    from extractor.model import Box
    from extractor.forms.options import Option
    empty = Box((0.0, 0.0, 40.0, 40.0), 0.0, False, 1.0)
    filled = Box((0.0, 0.0, 40.0, 40.0), 1.0, True, 1.0)
    opts = [Option("reunify", [], 1.0, box=empty, column_ink=0.652),
            Option("depart_without_child", [], 1.0, box=filled, column_ink=0.0),
            Option("consult_attorney", [], 1.0, box=empty, column_ink=0.668)]
    _decide(opts)
    assert [o.marked for o in opts] == [False, True, False]


def test_checkboxes_election_top_of_an_ellipse_round_the_next_option_is_no_underline():
    """An ellipse drawn round option B's text: its top runs just under option A's
    wrapped line, as long and straight as an underline. It encloses B (it runs on down
    past B's line), so it is B's mark, not an underline of A."""
    sh = Sheet()
    sh.text(100, 60, "CIRCLE ONE of the options below.")
    sh.text(160, 200, "A.")
    sh.text(240, 200, "I want to be reunited with my child(ren) before I am removed")
    sh.text(240, 240, "from the United States, and to depart together.")
    sh.text(160, 310, "B.")
    b = sh.text(240, 310, "I am choosing to return to my country WITHOUT my child(ren).")
    sh.text(160, 420, "C.")
    sh.text(240, 420, "I want to speak with an attorney before I make a decision.")
    img = sh.array()
    cx, cy = (b[0] + b[2]) // 2, (b[1] + b[3]) // 2
    cv2.ellipse(img, (cx, cy), ((b[2] - b[0]) // 2 + 40, (b[3] - b[1]) // 2 + 22), 0, 0, 360, 0, 3)
    f = read_election([sh.page(img)])
    assert f.value == "depart_without_child", f


def test_checkboxes_election_marked_option_read_twice_next_to_a_lettered_option():
    """The misread option may be just above the other one: B has its own option
    letter, so it is another option, not the translation of A."""
    from scoring.rubric import PASS_MIN_CONFIDENCE
    # (A lost its "Não" and its "voltarei sem eles": with the latter it would read as
    # the negated reunification it is, test_options_classification)
    misread = (("reunify", "desejo ser reunido(a) com meu(s) filho(s)."),
               ("reunify", "Quero que meu(s) filho(s) seja(m) removido(s) comigo."),
               ("consult_attorney", "Quero consultar um advogado antes de tomar uma decisao."))
    sh = Sheet()
    sh.text(100, 60, "Circle one option:")
    for i, (_, text) in enumerate(misread):
        y = 200 + 110 * i
        start = len(sh.words)
        if i:  # (the circle garbled A's "(1) Nao")
            sh.text(150, y, f"({i + 1})")
        sh.text(240, y, text)
        for j in range(start, len(sh.words)):  # one OCR line: letter, then text
            sh.words[j] = dataclasses.replace(sh.words[j], line_key=sh.words[start].line_key)
    img = sh.array()
    cv2.ellipse(img, (180, 218), (50, 34), 0, 0, 360, 0, 3)
    f = read_election([sh.page(img)])
    assert f.value == "reunify" and f.confidence < PASS_MIN_CONFIDENCE, f
