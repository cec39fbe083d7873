"""Documents within a file (extractor.documents): a form's first page starts a new form,
a continuation page joins the form before it; printout pages run together; blank pages
neither end nor join a document; any other page ends one. Pages are built from words
invented here (no OCR)."""
from extractor.documents import BLANK, COMMENTS, CONTINUED, FORM, OTHER, Grouper, main_doc_type
from extractor.model import Page, Record, Word


def _page(number: int, lines: list[str]) -> Page:
    words, y = [], 100
    for li, line in enumerate(lines):
        x = 100
        for text in line.split():
            words.append(Word(text=text, conf=0.95, bbox=(x, y, x + 20 * len(text), y + 30),
                              line_key=(1, 1, li)))
            x += 20 * len(text) + 15
        y += 60
    return Page(number=number, width=2550, height=3300, dpi=300, words=words)


FORM_TOP = ["Parent name: Odila Braga Quispe", "A-Number: A287001144", "Child name: Teo Braga"]
FORM_REST = ["I want to be removed together with my child", "Signature of parent",
             "Officer name: P. Vance"]
PRINTOUT = ["03/04/2018 SDDO R. Kell", "Subject transferred to the north unit."]


def _run(pages_types):
    g, parts = Grouper(), []
    for page, ptype in pages_types:
        parts += g.add(page, ptype)
    parts += g.close()
    return [(p.kind, p.numbers) for p in parts]


def test_afile_two_adjacent_forms_of_two_parents_stay_apart():
    pages = [(_page(1, FORM_TOP + FORM_REST), FORM), (_page(2, FORM_TOP + FORM_REST), FORM)]
    assert _run(pages) == [(FORM, [1]), (FORM, [2])]


def test_afile_a_continuation_page_joins_the_form_before_it():
    pages = [(_page(1, ["Letter text"]), OTHER), (_page(2, FORM_TOP), FORM),
             (_page(3, FORM_REST), CONTINUED), (_page(4, FORM_TOP + FORM_REST), FORM)]
    assert _run(pages) == [(FORM, [2, 3]), (FORM, [4])]


def test_afile_a_continuation_after_another_kind_of_page_is_its_own_form():
    pages = [(_page(1, FORM_TOP), FORM), (_page(2, ["Photo 1"]), OTHER),
             (_page(3, FORM_REST), CONTINUED), (_page(4, PRINTOUT), COMMENTS),
             (_page(5, FORM_REST), CONTINUED)]
    assert _run(pages) == [(FORM, [1]), (FORM, [3]), (COMMENTS, [4]), (FORM, [5])]


def test_afile_printout_pages_run_together_and_blank_pages_do_not_break_them():
    pages = [(_page(1, PRINTOUT), COMMENTS), (_page(2, []), BLANK), (_page(3, PRINTOUT), COMMENTS),
             (_page(4, FORM_TOP), FORM), (_page(5, PRINTOUT), COMMENTS), (_page(6, ["x"]), OTHER)]
    assert _run(pages) == [(COMMENTS, [1, 3]), (FORM, [4]), (COMMENTS, [5])]


def test_afile_doc_type_is_the_main_content():
    form, note = Record("waiver_form", 0, {}), Record("case_comment", 1, {})
    assert main_doc_type([note, form, note]) == FORM
    assert main_doc_type([note]) == COMMENTS
    assert main_doc_type([]) == OTHER


def test_afile_records_name_their_pages_in_the_contract():
    from extractor.model import Document
    doc = Document(source="x.pdf", sha256="a" * 64, pages=[_page(1, []), _page(2, [])])
    doc.records = [Record("waiver_form", 0, {}, pages=[2]), Record("waiver_form", 1, {})]
    out = doc.to_contract()["records"]
    assert out[0]["pages"] == [2] and out[0]["record_id"] == "a" * 64 + ":0"
    assert "pages" not in out[1]  # not a page source: no key
