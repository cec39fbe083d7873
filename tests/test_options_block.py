"""The option block of a page from OCR words: grouping, text column, unread lines."""
from __future__ import annotations

import dataclasses

from checkboxes_drawing import Sheet
from extractor.model import Word
from extractor.forms.options import add_unread_options, find_options, page_lines, text_column


def _page(lines):
    sh = Sheet()
    for x, y, text in lines:
        sh.text(x, y, text)
    return sh.page()


def test_options_block_groups_translation_and_continuation_lines():
    page = _page([
        (100, 60, "Check one box:"),
        (180, 200, "I want to be reunited with my child(ren) before I am removed"),
        (180, 245, "from the United States, and to depart together."),
        (180, 290, "Deseo reunirme con mi(s) hijo(s) antes de mi deportación."),
        (180, 400, "I am choosing to return to my country WITHOUT my child(ren)."),
        (180, 445, "Elijo regresar a mi país de origen SIN mi(s) hijo(s)."),
        (100, 650, "Signature of Parent"),
    ])
    opts = find_options(page_lines(page))
    assert [o.label for o in opts] == ["reunify", "depart_without_child"]
    assert [len(o.lines) for o in opts] == [3, 2]


def test_options_block_text_column_ignores_box_debris():
    sh = Sheet()
    texts = ["I want to be reunited with my child(ren).", "I am choosing to return WITHOUT my child(ren).",
             "I want to speak with an attorney first."]
    for i, t in enumerate(texts):
        y = 200 + 100 * i
        sh.text(300, y, t)
        # OCR reads the box left of each line as a short, low-confidence token
        sh.words.append(Word(["O]", "KA", "[_]"][i], 0.4, (190.0, y, 240.0, y + 35.0), (100 + i, 1, 1)))
    page = sh.page()
    # the debris joins its line (same line key as the text would have): rebuild keys
    for w in page.words:
        if w.text in ("O]", "KA", "[_]"):
            y = w.bbox[1]
            key = next(v.line_key for v in page.words if v.bbox[1] >= y - 5 and v.text == "I"
                       and abs(v.bbox[1] - y) < 20)
            w.line_key = key
    opts = find_options(page_lines(page))
    assert len(opts) == 3
    assert abs(text_column(opts) - 300) < 10


def test_options_block_unread_line_between_options_is_kept():
    page = _page([
        (180, 200, "I want to be reunited with my child(ren) before I am removed."),
        (180, 280, "Iwnt tq spek wth an a11 rney bfore I mke a dcsion."),  # garbled by a mark
        (180, 360, "I am choosing to return to my country WITHOUT my child(ren)."),
        (100, 700, "Name of official present (print):"),
    ])
    lines = page_lines(page)
    opts = find_options(lines)
    assert len(opts) == 2
    opts = add_unread_options(opts, lines, text_column(opts))
    assert [o.label for o in opts] == ["reunify", "unread", "depart_without_child"]


def _one_line(sh, parts, conf=None):
    """Render (x, text) parts as one OCR line (one line key); ``conf`` maps a word's
    text to the confidence OCR gave it."""
    start = len(sh.words)
    for x, y, text in parts:
        sh.text(x, y, text)
    key = sh.words[start].line_key
    for j in range(start, len(sh.words)):
        w = sh.words[j]
        sh.words[j] = dataclasses.replace(w, line_key=key, conf=(conf or {}).get(w.text, w.conf))


def test_options_caption_of_the_initials_line_is_not_option_text():
    """An initials form: a line for the initials, "Initials / Iniciales" printed under
    it, the option text right of it. OCR drops the leading "I" of some lines and reads
    the written initials as a word of the marked line; the caption below it then looked
    like a continuation line starting at the initials, and the column was put there."""
    sh = Sheet()
    rows = ("Reunify me with my child(ren) prior to my removal.",
            "I request time to contact legal counsel.",
            "I choose to return to my country alone.")
    for i, text in enumerate(rows):
        y = 200 + 110 * i
        words = text.split()
        if i == 2:
            words = words[1:]  # the "I" OCR dropped
        parts = [(100, y, "MMC")] if i == 0 else []
        x = 320 if words[0] != "choose" else 345
        parts.append((x, y, " ".join(words)))
        _one_line(sh, parts, conf={"I": 0.6})
        sh.text(100, y + 45, "Initials / Iniciales")
    opts = find_options(page_lines(sh.page()))
    assert [len(o.lines) for o in opts] == [1, 1, 1]
    assert abs(text_column(opts) - 320) < 10


def test_options_lower_case_line_continues_the_sentence_above():
    """A translation wrapped mid-sentence: "... / NO solicito que mi(s) hijo(s)" then
    "sea(n) deportado(s) conmigo." The second line names the reunification ("deportado
    conmigo") but carries on the departure option's sentence: it is no option."""
    page = _page([
        (180, 200, "I wish to be removed WITH my child(ren). / Deseo reunirme con mi(s) hijo(s)."),
        (180, 300, "I choose to return to my country alone. / NO solicito que mi(s) hijo(s)"),
        (180, 340, "sea(n) deportado(s) conmigo."),
    ])
    opts = find_options(page_lines(page))
    assert [o.label for o in opts] == ["reunify", "depart_without_child"]
    assert len(opts[1].lines) == 2


def test_options_lead_line_states_its_option_with_the_wrapped_line():
    """"b) I request that my child(ren) depart the United States" / "with me." states
    the reunification only with its second line."""
    sh = Sheet()
    _one_line(sh, [(100, 200, "a)"), (180, 200, "I choose to return to my country alone.")])
    _one_line(sh, [(100, 300, "b)"), (180, 300, "I request that my child(ren) depart the United States")])
    sh.text(180, 340, "with me.")
    opts = find_options(page_lines(sh.page()))
    assert [o.label for o in opts] == ["depart_without_child", "reunify"]


def test_options_text_column_is_where_each_line_starts():
    """The column is where lines start, not where inner words happen to line up: with
    the leading "I" dropped from two lead lines, the second words of three lines
    aligning further right must not win over the continuation lines' starts."""
    def line(k, y, parts):
        return [Word(t, 0.95, (float(x), float(y), float(x + 20 * len(t)), float(y + 32)), (k, 1, 1))
                for x, t in parts]
    words = (line(1, 200, [(300, "a)"), (400, "choose"), (550, "to"), (600, "return"), (740, "home")])
             + line(2, 250, [(376, "child(ren)"), (565, "will"), (650, "stay"), (740, "here")])
             + line(3, 350, [(300, "b)"), (403, "request"), (556, "that"), (650, "my"), (720, "child")])
             + line(4, 400, [(378, "States"), (510, "with"), (600, "me")]))
    from extractor.model import Page
    from extractor.forms.options import OptionLine, Option
    page = Page(number=1, width=2000, height=1000, dpi=300.0, words=words, image=None)
    lines = page_lines(page)
    opts = [Option("depart_without_child", lines[:2], 1.0), Option("reunify", lines[2:], 1.0)]
    assert abs(text_column(opts) - 376) < 10


def test_options_unlettered_first_line_states_its_option_with_the_wrapped_line():
    """No option letter, the "I" dropped: "request that my child(ren) depart the
    United" / "States with me" is the reunification, read from both lines, because
    the first line continues no option above it."""
    page = _page([
        (100, 100, "The contents of this form were explained to me."),
        (180, 200, "request that my child(ren) depart the United"),
        (180, 240, "States with me."),
        (180, 330, "I am NOT requesting that my child(ren) be removed with me."),
    ])
    opts = find_options(page_lines(page))
    assert [o.label for o in opts] == ["reunify", "depart_without_child"]
    assert len(opts[0].lines) == 2


def test_options_text_column_ignores_a_translation_column():
    """Translations printed beside the options are OCR lines of their own, as many as
    the options' lines: they must not outvote lead lines whose start a mark garbled
    ("to be reunited ..." for "I do not wish to be reunited ...")."""
    page = _page([
        (560, 200, "to be reunited with my child(ren); I"),
        (1350, 200, "NO solicito que mi(s) hijo(s) sea(n)"),
        (400, 245, "eave without them."),
        (1350, 245, "conmigo."),
        (300, 340, "I am not ready to decide and want legal advice first."),
        (1350, 340, "Quiero consultar con un abogado antes de"),
        (1350, 385, "decidir."),
        (300, 480, "Reunify me with my child(ren) prior to my removal."),
        (1350, 480, "Quiero que mi(s) hijo(s) sea(n) deportado(s) conmigo."),
    ])
    opts = find_options(page_lines(page))
    assert abs(text_column(opts) - 300) < 10


def test_options_block_line_starting_am_is_a_new_sentence_not_a_continuation():
    # the option's "I" was lost (read as box debris): "am ..." starts a sentence, even
    # right under an option whose last line has no full stop
    page = _page([
        (180, 160, "request to be reunited with my child(ren) so we go home together O"),
        (180, 205, "am requesting to return to my country without my child(ren) here"),
    ])
    opts = find_options(page_lines(page))
    assert [o.label for o in opts] == ["reunify", "depart_without_child"]
    # the same words after an "I" that ends the line above carry on its sentence
    from extractor.forms.options import _continues_sentence
    for prev, expected in (("we want to go home together before I", True),
                           ("we want to go home together soon", False)):
        lines = page_lines(_page([(180, 160, prev), (180, 205, "am removed from here")]))
        assert _continues_sentence(lines[0], lines[1]) is expected


def test_options_lead_line_takes_the_choice_its_wrapped_cue_states():
    """The cue of an option may sit on its second line, the rest of the first line's
    sentence ("... to my home country of" / "birth without my child(ren) ..."): the
    first line leads that option, so the mark beside it is the option's."""
    page = _page([
        (180, 200, "I am freely and knowingly asking to go back to my home country of"),
        (180, 245, "birth without my child(ren), who will stay here to seek relief."),
        (180, 340, "I am asking to be reunited with my child(ren) so we go home together."),
    ])
    opts = find_options(page_lines(page))
    assert [o.label for o in opts] == ["depart_without_child", "reunify"]
    assert len(opts[0].lines) == 2 and opts[0].lines[0].text.startswith("I am freely")


def test_options_caption_above_the_block_does_not_lead_an_option():
    """A caption above the options ("Please tick the following (one only)") followed by
    an option whose "I" OCR lost is no part of that option."""
    page = _page([
        (180, 100, "Please tick the following (one only)"),
        (180, 145, "request to be reunited with my child(ren) so we travel home together"),
        (180, 240, "I am asking to go home without my child(ren)."),
    ])
    opts = find_options(page_lines(page))
    assert [o.label for o in opts] == ["reunify", "depart_without_child"]
    assert opts[0].lines[0].text.startswith("request")


def test_options_long_bilingual_option_keeps_the_lines_that_carry_its_sentence():
    """An option of five lines (English and its translation, both wrapped): a line
    carrying on the sentence above stays with it past the usual line count, rather than
    becoming a line of its own between the options."""
    page = _page([
        (180, 200, "I am asking to go home without my child(ren), who I understand"),
        (180, 240, "will remain here to pursue the relief open to them."),
        (180, 280, "Solicito regresar a mi país sin mi(s) hijo(s) menor(es), quien(es)"),
        (180, 320, "entiendo que se quedará(n) aquí para buscar"),
        (180, 360, "los recursos legales disponibles."),
        (180, 460, "I am asking to be reunited with my child(ren)."),
    ])
    opts = find_options(page_lines(page))
    assert [o.label for o in opts] == ["depart_without_child", "reunify"]
    assert len(opts[0].lines) == 5


def test_options_field_label_one_pitch_below_the_options_is_no_unread_option():
    """The signature and date row printed one option pitch below the last option (a
    scrawl OCR read as words, then "Date / Fecha" and the date) is a field's label and
    entry, not an option whose text a mark garbled."""
    page = _page([
        (180, 200, "I want to be reunited with my child(ren) before I am removed."),
        (180, 300, "I am choosing to return to my country WITHOUT my child(ren)."),
        (180, 400, "Qwe Rtz Date / Fecha 3/9/19"),
    ])
    lines = page_lines(page)
    opts = find_options(lines)
    assert [o.label for o in add_unread_options(opts, lines, text_column(opts))] == \
        ["reunify", "depart_without_child"]
    # a garbled option in that slot is still kept
    page = _page([
        (180, 200, "I want to be reunited with my child(ren) before I am removed."),
        (180, 300, "I am choosing to return to my country WITHOUT my child(ren)."),
        (180, 400, "Iwnt tq spek wth an a11 rney bfore I mke a dcsion."),
    ])
    lines = page_lines(page)
    opts = find_options(lines)
    assert [o.label for o in add_unread_options(opts, lines, text_column(opts))] == \
        ["reunify", "depart_without_child", "unread"]
