"""The option block of a page from OCR words: grouping, text column, unread lines."""
from __future__ import annotations

from checkboxes_drawing import Sheet
from extractor.model import Word
from extractor.options import add_unread_options, find_options, page_lines, text_column


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
