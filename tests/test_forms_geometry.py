"""Form fields from label geometry, on hand-placed words (no OCR): right of a label,
above a caption printed under a fill line, below a label in a box, table columns, and
labels the lexicon does not know."""
import numpy as np
import cv2

from extractor.forms import extract_form
from extractor.model import Page, Word

H = 30  # word height in pixels


def _words(y, *items):
    """items: (x, text) pairs on one baseline."""
    out = []
    for x, text in items:
        out.append(Word(text=text, conf=0.95, bbox=(x, y, x + 18 * len(text), y + H)))
    return out


def _page(words, hlines=(), vlines=(), size=(3300, 2550)):
    img = np.full(size, 255, np.uint8)
    for x0, x1, y in hlines:
        cv2.line(img, (x0, y), (x1, y), 0, 3)
    for y0, y1, x in vlines:
        cv2.line(img, (x, y0), (x, y1), 0, 3)
    return Page(number=1, width=size[1], height=size[0], dpi=300, words=words, image=img)


def _value(record, name):
    f = record.fields[name]
    return None if f is None else f.value


def test_forms_value_right_of_label_up_to_the_next_label():
    words = (_words(300, (200, "Parent's"), (360, "name:"), (600, "Ana"), (680, "Pérez"),
                    (1500, "A#:"), (1600, "A-208"), (1720, "123"), (1800, "456"))
             + _words(500, (200, "Date"), (290, "signed:"), (500, "06/28/2018")))
    rec = extract_form([_page(words)])
    assert _value(rec, "parent_name") == "Ana Pérez"
    assert _value(rec, "parent_a_number") == "A208123456"
    assert _value(rec, "date_signed") == "2018-06-28"


def test_forms_caption_under_a_fill_line_takes_the_writing_above():
    words = (_words(560, (260, "Karen"), (380, "Morales")) +       # written on the line
             _words(610, (200, "Nombre"), (340, "del"), (420, "funcionario")))  # caption
    rec = extract_form([_page(words, hlines=[(200, 1400, 600)])])
    assert _value(rec, "official_name") == "Karen Morales"


def test_forms_label_in_a_box_takes_the_writing_below():
    words = (_words(410, (220, "Witness"), (400, "name")) +
             _words(480, (260, "Rachel"), (400, "Gomez")) +
             _words(330, (220, "Officer"), (400, "of"), (450, "Record:")) +
             _words(330, (800, "B."), (860, "Hughes")))
    page = _page(words, hlines=[(200, 1400, 400), (200, 1400, 560)], vlines=[(400, 560, 205)])
    rec = extract_form([page])
    assert _value(rec, "witness_name") == "Rachel Gómez"
    assert _value(rec, "official_name") == "B. Hughes"


def test_forms_children_table_rows_become_one_name_each():
    words = (_words(400, (220, "Child"), (340, "name"), (1300, "A-Number")) +
             _words(480, (240, "Kevin"), (380, "Díaz"), (1310, "A212480060")) +
             _words(560, (240, "Yostin"), (400, "Díaz"), (1310, "A212480061")) +
             _words(700, (200, "Check"), (330, "ONE"), (420, "box:")))
    rec = extract_form([_page(words)])
    assert _value(rec, "child_names") == ["Kevin Díaz", "Yostin Díaz"]
    assert _value(rec, "child_a_numbers") == ["A212480060", "A212480061"]


def test_forms_children_rows_with_each_childs_a_number_label_after_the_name():
    words = (_words(400, (220, "Children's"), (400, "names:")) +
             _words(480, (200, "1."), (250, "Oren"), (380, "Vasko"), (900, "A-Number"), (1080, "of"),
                    (1130, "child:")) +
             _words(560, (200, "2."), (250, "Lisel"), (390, "Vasko"), (900, "A-Number"), (1080, "of"),
                    (1130, "child:")) +
             _words(700, (200, "Signature"), (400, "of"), (450, "parent:")))
    rec = extract_form([_page(words)])
    assert _value(rec, "child_names") == ["Oren Vasko", "Lisel Vasko"]


def test_forms_children_rows_end_at_a_row_that_starts_with_a_label():
    words = (_words(400, (220, "Children's"), (400, "names:")) +
             _words(480, (200, "1."), (900, "A-Number"), (1080, "of"), (1130, "child:")) +
             _words(560, (250, "Pell"), (380, "Arno")))
    rec = extract_form([_page(words)])
    assert _value(rec, "child_names") in (None, [])


def test_forms_blank_fill_line_is_a_blank_field_not_the_next_line():
    words = (_words(300, (200, "Interpreter"), (420, "(if"), (480, "used):")) +
             _words(380, (260, "I"), (300, "want"), (400, "to"), (460, "be"), (520, "reunited")))
    rec = extract_form([_page(words, hlines=[(620, 1600, 328)])])
    f = rec.fields["interpreter_name"]
    assert f is not None and f.value is None and f.present is False


def test_forms_running_text_is_not_a_label():
    words = _words(300, (200, "The"), (270, "officer"), (420, "must"), (520, "explain"),
                   (680, "each"), (780, "option"), (900, "to"), (950, "the"), (1020, "parent."))
    rec = extract_form([_page(words)])
    # no label: nothing read, and kept as a field not located (its check goes to a reviewer)
    assert rec.fields["official_name"].value is None
    assert rec.fields["official_name"].provenance == "not located"
    assert rec.fields["parent_name"].provenance == "not located"  # no label read there


def test_forms_a_number_written_in_groups_after_a_label_without_colon():
    # "Alien No. 235 568 070": three groups of digits after the label are its value,
    # not running text that happens to contain the words "Alien No."
    words = _words(300, (200, "Alien"), (320, "No."), (420, "235"), (500, "568"), (580, "070"),
                   (1500, "Event"), (1620, "No."), (1720, "SND9548071"))
    rec = extract_form([_page(words)])
    assert _value(rec, "parent_a_number") == "A235568070"


def test_forms_read_to_sentence_keeps_its_language_and_wraps_to_the_interpreter():
    # "... read to the parent in Spanish ____ language by" ends its line; the
    # interpreter's name starts the next line at the left margin
    words = (_words(300, (200, "This"), (300, "form"), (400, "was"), (480, "read"), (580, "to"),
                    (640, "the"), (720, "parent"), (860, "in"), (960, "Spanish"),
                    (1500, "language"), (1680, "by"))
             + _words(380, (210, "Edwin"), (340, "Cú")))
    rec = extract_form([_page(words)])
    assert _value(rec, "read_in_language") == "spa"
    assert _value(rec, "interpreter_name") == "Edwin Cú"


def test_forms_a_number_whose_label_was_garbled_is_taken_from_the_parent_block():
    # OCR read the "A#" label as "AH": nine digits in the parent's block are still the
    # parent's A-number, at a confidence a reviewer sees; the children's number below is not
    words = (_words(300, (200, "Name:"), (400, "Ana"), (500, "Pérez"))
             + _words(420, (200, "AH"), (300, "224"), (380, "591"), (460, "386"))
             + _words(600, (200, "Child"), (320, "name:"), (500, "Luis"), (600, "Pérez"))
             + _words(700, (200, "Child's"), (340, "A-Number:"), (560, "A208123456")))
    rec = extract_form([_page(words)])
    f = rec.fields["parent_a_number"]
    assert f.value == "A224591386"
    assert f.provenance == "pattern:unlabelled A-number"
    assert f.confidence <= 0.8


def test_forms_two_unlabelled_numbers_in_the_parent_block_are_not_guessed_between():
    words = (_words(300, (200, "Name:"), (400, "Ana"), (500, "Pérez"))
             + _words(420, (200, "AH"), (300, "224591386"))
             + _words(480, (200, "Ref"), (300, "208123456"))
             + _words(600, (200, "Child"), (320, "name:"), (500, "Luis"), (600, "Pérez")))
    rec = extract_form([_page(words)])
    assert rec.fields["parent_a_number"].value is None  # neither number guessed


def test_forms_a_number_label_that_names_a_child_is_the_childs():
    # "A# del niño(a)": the generic A# label, but its own words speak of a child
    words = (_words(300, (200, "No."), (270, "de"), (330, "extranjero:"), (600, "A#271853604"))
             + _words(420, (200, "Nombre"), (340, "del"), (400, "hijo(a):"), (600, "Noemí"), (680, "Xol"))
             + _words(540, (200, "A#"), (260, "del"), (330, "niño(a)"), (600, "A265937148")))
    rec = extract_form([_page(words)])
    assert _value(rec, "parent_a_number") == "A271853604"
    assert _value(rec, "child_a_numbers") == ["A265937148"]



def test_forms_a_number_label_tail_is_label_not_value():
    # "A# del padre/madre" + number: the words saying whose number it is are the label's
    from extractor.forms.candidates import label_tail
    tail = label_tail(_words(300, (270, "del"), (340, "padre/madre"), (600, "A241447515")))
    assert [w.text for w in tail] == ["del", "padre/madre"]
    assert label_tail(_words(300, (270, "Ana"), (340, "A241447515"))) == []
    assert label_tail(_words(300, (270, "of"), (320, "the"), (390, "parent:"))) != []


def test_forms_caption_under_fill_line_inside_a_big_box_takes_the_writing_above():
    # one box around the parent's block: its captions sit under their fill lines, and
    # nothing is written below them, so the entry is the writing above
    words = (_words(450, (340, "Leticia"), (500, "Martínez"), (714, "Cú")) +
             _words(505, (247, "Nombre"), (370, "del"), (423, "padre"), (514, "o"), (542, "madre")))
    page = _page(words, hlines=[(246, 1238, 495), (220, 1300, 300), (220, 1300, 900)],
                 vlines=[(300, 900, 225), (300, 900, 1300)])
    assert _value(extract_form([page]), "parent_name") == "Leticia Martínez Cú"


def test_forms_childs_full_name_is_the_child_not_the_parent():
    """'Full name' alone labels the parent; 'Child's full name' names the child, even when
    OCR was unsure of "Child's" (dev 0022: the parent's 'full name' cue took the label,
    and the child went unread)."""
    words = (_words(300, (200, "Parent's"), (360, "name"), (460, "Nombre"), (640, "Rubén"),
                    (760, "Tzoc"))
             + _words(500, (200, "Child's"), (340, "full"), (420, "name"), (520, "Nombre(s)"),
                      (700, "del"), (770, "(de"), (840, "los)"), (920, "nifio(s):"),
                      (1100, "Joel"), (1200, "Tzoc")))
    words[5] = Word(text="Child's", conf=0.45, bbox=words[5].bbox)  # as OCR was unsure of it
    rec = extract_form([_page(words)])
    assert _value(rec, "parent_name") == "Rubén Tzoc"
    assert _value(rec, "child_names") == ["Joel Tzoc"]


def test_forms_label_under_its_sections_header_is_not_a_second_header():
    """'Supervisor' with its value just under the SUPERVISOR ACKNOWLEDGEMENT header is
    the supervisor's label (dev 0053 read it as another header, and lost the name)."""
    words = (_words(300, (200, "Parent's"), (360, "name:"), (600, "Ana"), (680, "Pérez"))
             + _words(1790, (230, "SUPERVISOR"), (480, "ACKNOWLEDGEMENT"))
             + _words(1854, (230, "Supervisor"), (470, "ERO"), (560, "D."), (620, "O'Brien")))
    rec = extract_form([_page(words)])
    assert _value(rec, "supervisor_name") == "ERO D. O'Brien"


def test_forms_witnessed_by_labels_the_witness_and_the_initial_gets_its_period():
    """'Witnessed by A Thompson' (dev 0013: the label was not known, and OCR had dropped
    the initial's period)."""
    words = (_words(300, (200, "Parent's"), (360, "name:"), (600, "Ana"), (680, "Pérez"))
             + _words(1788, (200, "Witnessed"), (380, "by"), (500, "A"), (540, "Thompson")))
    rec = extract_form([_page(words)])
    assert _value(rec, "witness_name") == "A. Thompson"


def test_forms_a_wrapped_sentence_ending_is_not_a_section_header():
    """An option's wrapped last line 'child(ren)' is not the CHILDREN section (dev 0048:
    it was, and the form got an empty children table it does not have)."""
    words = (_words(300, (200, "Parent's"), (360, "name:"), (600, "Ana"), (680, "Pérez"))
             + _words(900, (260, "B."), (360, "I"), (400, "will"), (480, "depart"),
                      (600, "without"), (740, "my"))
             + _words(960, (360, "child(ren)")))
    rec = extract_form([_page(words)])
    assert rec.fields["child_a_numbers"] is None


def test_forms_parenthesised_label_remnant_is_not_part_of_the_name():
    """A garbled label ('ICE piticer:') leaves its '(print name)' before the written name
    (dev 0033); the remnant is label, the name starts after it."""
    words = (_words(300, (200, "Parent's"), (360, "name:"), (600, "Ana"), (680, "Pérez"))
             + _words(1443, (200, "ICE"), (280, "Officer:"), (440, "(print"), (560, "name)"),
                      (700, "AFOD"), (800, "D."), (860, "Smith")))
    rec = extract_form([_page(words)])
    assert _value(rec, "official_name") == "AFOD D. Smith"


def test_forms_bracketed_remark_after_a_value_is_not_a_label():
    # "(Language Line)" names the interpreter's agency; "Language" is also a label's
    # word (read_in_language), but a bracket after another label's value is a remark
    words = _words(700, (200, "Interpreter:"), (480, "Marta"), (600, "Méndez"),
                   (740, "(Language"), (920, "Line)"))
    rec = extract_form([_page(words)])
    assert _value(rec, "interpreter_name") == "Marta Méndez (Language Line)"
    assert _value(rec, "read_in_language") is None


def test_forms_officer_and_family_names_both_spelled_with_their_accents():
    words = (_words(300, (200, "Parent's"), (360, "name:"), (600, "Marisol"), (760, "Lépez"))
             + _words(500, (200, "Officer:"), (400, "FOD"), (500, "Garcia")))
    for w in words[2:4]:
        w.conf = 0.85  # a doubtful reading: the list corrects it
    rec = extract_form([_page(words)])
    assert _value(rec, "parent_name") == "Marisol López"
    assert rec.fields["parent_name"].provenance.endswith("(name list)")
    assert _value(rec, "official_name") == "FOD García"  # like anyone's name
    # a confident reading stands, known to the list or not
    words = _words(300, (200, "Parent's"), (360, "name:"), (600, "Marisol"), (760, "Lépez"))
    assert _value(extract_form([_page(words)]), "parent_name") == "Marisol Lépez"


def test_forms_rest_of_a_split_caption_is_not_its_value():
    # "Signed on / Firmado el" read as "Signed n" + "Firmado": the Spanish half is
    # printed label words, not the date, which is written on the line above
    words = (_words(560, (1600, "7/7/18")) +
             _words(610, (1500, "Signed"), (1640, "n"), (1700, "Firmado")))
    rec = extract_form([_page(words, hlines=[(1480, 2300, 600)])])
    assert _value(rec, "date_signed") == "2018-07-07"


def test_forms_lower_case_label_tail_before_a_name_is_dropped():
    # the tail of a label the lexicon does not know ("Nombre completo del adulto")
    # before the written name; a misread lower-case first word of the name stays
    words = (_words(300, (200, "Name:"), (420, "del"), (500, "adulto"), (640, "Marvin"),
                    (780, "Chávez"), (920, "Núñez"))
             + _words(500, (200, "Officer:"), (400, "nord"), (500, "Reina"), (640, "Walker")))
    rec = extract_form([_page(words)])
    assert _value(rec, "parent_name") == "Marvin Chávez Núñez"
    assert _value(rec, "official_name") == "nord Reina Walker"


def test_forms_other_half_of_a_bilingual_label_is_not_its_value():
    # "Interpreter | name/ID Interpretado por" (after "Read to parent in ... en" on the
    # same line; word boxes as OCR gave them on a generated form) is all label; the
    # entry is on the next line
    boxes = [("Read", (197, 782, 271, 806)), ("to", (284, 785, 311, 806)),
             ("parent", (324, 785, 422, 812)), ("in", (434, 785, 460, 806)),
             ("(language)", (473, 782, 632, 812)), ("Leido", (665, 782, 746, 806)),
             ("al", (759, 782, 784, 806)), ("padre", (796, 783, 882, 812)),
             ("en", (894, 791, 928, 806)), ("Interpreter", (1418, 784, 1586, 812)),
             ("name/ID", (1597, 784, 1724, 809)), ("Interpretado", (1756, 783, 1947, 813)),
             ("por", (1959, 791, 2010, 813)), ("Rosa", (1430, 860, 1520, 890)),
             ("Ramos", (1540, 860, 1650, 890))]
    words = [Word(text=t, conf=0.95, bbox=b) for t, b in boxes]
    rec = extract_form([_page(words)])
    assert _value(rec, "interpreter_name") == "Rosa Ramos"


def test_forms_child_names_without_numbering_and_numbers():
    words = _words(300, (200, "Name"), (300, "of"), (350, "child:"), (520, "1."),
                   (580, "DAYANA"), (720, "MARTÍNEZ"))
    assert _value(extract_form([_page(words)]), "child_names") == ["DAYANA MARTÍNEZ"]
    # an A-number where the names go: no name, and whether one was written is not known
    words = _words(300, (200, "Name"), (300, "of"), (350, "child:"), (520, "216"),
                   (600, "200"), (680, "072"))
    f = extract_form([_page(words)]).fields["child_names"]
    assert f.value == [] and f.present is None


def test_forms_heading_about_the_children_is_not_their_caption():
    # a heading that names the children after "WITH" is about them: the line under it
    # (its translation) is no child's name
    words = (_words(300, (200, "ELECTION"), (380, "REGARDING"), (580, "REUNIFICATION"),
                    (850, "WITH"), (950, "CHILD(REN)")) +
             _words(360, (200, "Decision"), (380, "sobre"), (500, "la"), (560, "reunificacion"),
                    (820, "familiar")))
    rec = extract_form([_page(words)])
    f = rec.fields["child_names"]
    assert f is None or not f.value


def test_forms_date_caption_under_a_blank_fill_line_does_not_take_the_row_below():
    # "Date of signature" printed under a blank line: the date written on the row under
    # it belongs to the next field, whatever it is; the signing date is blank
    words = (_words(500, (200, "Date"), (300, "of"), (350, "signature")) +
             _words(570, (200, "March"), (330, "10,"), (400, "2018")))
    rec = extract_form([_page(words, hlines=[(180, 900, 490)])])
    f = rec.fields["date_signed"]
    assert f is not None and f.value is None


def test_forms_label_over_its_entry_keeps_it_from_the_caption_style_label_below():
    """A stack of labels over their fill lines: the parent's name is written under its
    label, just over the next label (the children's, whose own line is left blank). The
    row is the parent's: a label with no fill line above it is no caption."""
    words = (_words(300, (200, "Parent"), (330, "name")) +
             _words(362, (260, "Ana"), (340, "Ruiz")) +          # written on the line at 395
             _words(420, (200, "Child(ren)"), (400, "names")))  # its line at 515, blank
    rec = extract_form([_page(words, hlines=[(200, 1400, 395), (200, 1400, 515)])])
    assert _value(rec, "parent_name") == "Ana Ruiz"
    assert not _value(rec, "child_names")


def test_forms_another_label_right_of_a_name_label_is_not_its_value():
    """Printed right of the parent's label, another field's label the lexicon does not
    know ("Padre Núm. A", read by the trained label classifier) is no name: the
    label takes the entry under it."""
    from extractor.forms.linking import _another_label
    ws = _words(300, (1300, "Padre"), (1420, "Núm."), (1520, "A"))
    assert _another_label(ws, "parent_name")
    assert not _another_label(_words(300, (1300, "Ana"), (1400, "Ruiz")), "parent_name")
    assert not _another_label(ws[:1], "parent_name")  # one word: too little to judge
    assert not _another_label(ws, "parent_a_number")  # only a person's name label asks


def test_forms_date_label_with_a_bracket_naming_the_officer_is_not_the_signing_date():
    """"Date (officer) 06/11/2018": the bracket makes it the officer's date; the
    parent's signing date is not read from it."""
    words = (_words(300, (200, "Officer"), (360, "name:"), (600, "K."), (660, "Lee")) +
             _words(400, (200, "Date"), (300, "(officer)"), (600, "07/14/2019")))
    rec = extract_form([_page(words)])
    assert _value(rec, "date_signed") != "2019-07-14"
    # without the bracket the same row is the signing date
    words = (_words(300, (200, "Officer"), (360, "name:"), (600, "K."), (660, "Lee")) +
             _words(400, (200, "Date"), (600, "07/14/2019")))
    assert _value(extract_form([_page(words)]), "date_signed") == "2019-07-14"


def test_forms_second_reading_of_a_label_does_not_claim_the_row_under_it():
    """"DATE ... Fecha 07/14/2019" read as two labels: "Fecha" takes the date, and
    "DATE", standing over nothing of its own, must not keep the officer's name written
    on the fill line under it from that line's caption."""
    words = (_words(300, (200, "DATE"), (700, "Fecha"), (820, "07/14/2019")) +
             _words(392, (260, "Rosa"), (360, "Tzul")) +
             _words(450, (200, "ICE"), (270, "Officer"), (420, "(print"), (540, "name)")))
    rec = extract_form([_page(words, hlines=[(200, 1400, 435)])])
    assert _value(rec, "official_name") == "Rosa Tzul"
    assert _value(rec, "date_signed") == "2019-07-14"
