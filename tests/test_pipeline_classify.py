"""Page classification stops at the first page that is clearly a form (the pages after
it, attachments, need no label search), and gives what a full search gives."""
from extractor import classify
from extractor.model import Page, Word


def _page(number: int, lines: list[str]) -> Page:
    words, y = [], 100
    for li, line in enumerate(lines):
        x = 100
        for wi, text in enumerate(line.split()):
            words.append(Word(text=text, conf=0.95, bbox=(x, y, x + 20 * len(text), y + 30),
                              line_key=(1, 1, li)))
            x += 20 * len(text) + 15
        y += 60
    return Page(number=number, width=2550, height=3300, dpi=300, words=words)


FORM = ["Parent name: Maria Lopez", "A-Number: A123456789", "Child name: Ana Lopez",
        "Date of birth: 01/02/2015", "Signature of parent", "Date signed: 06/12/2018",
        "Officer name: J. Smith", "Interpreter: none"]
LETTER = ["Dear Sir,", "please find attached the documents you asked for.", "Regards"]


def test_pipeline_classify_stops_at_the_first_form_page(monkeypatch):
    pages = [_page(1, FORM), _page(2, LETTER), _page(3, LETTER)]
    assert classify.form_label_count(pages[0]) >= 5
    seen = []
    real = classify.form_label_count
    monkeypatch.setattr(classify, "form_label_count", lambda p: seen.append(p.number) or real(p))
    assert classify.classify_pages(pages) == "waiver_form"
    assert seen == [1]


def test_pipeline_classify_reads_every_page_when_needed(monkeypatch):
    pages = [_page(1, LETTER), _page(2, LETTER), _page(3, FORM)]
    seen = []
    real = classify.form_label_count
    monkeypatch.setattr(classify, "form_label_count", lambda p: seen.append(p.number) or real(p))
    assert classify.classify_pages(pages) == "waiver_form"  # the form is the last page
    assert seen == [1, 2, 3]


DAMAGED = ["Remval Frm", "Nme of adlt", "check one", "I am asking to go home",
           "Sgnature", "Rev 03/19"]


def test_pipeline_classify_trusts_the_page_model_when_the_label_rules_find_nothing():
    """A damaged scan whose labels OCR garbled: the label rules find too few to call it
    a form; the page model, typing the page from whole-page features, decides."""
    page = _page(1, DAMAGED)
    assert classify.form_label_count(page) < 3
    assert classify.classify_pages([page]) == "other"
    page.notes["page_type"] = "waiver_form"
    assert classify.classify_pages([page]) == "waiver_form"
    # a page the model typed "other" stays other, and the label rules still come first
    page.notes["page_type"] = "other"
    assert classify.classify_pages([page]) == "other"
    letter = _page(1, LETTER)
    letter.notes["page_type"] = "other"
    form = _page(2, FORM)
    form.notes["page_type"] = "other"
    assert classify.classify_pages([letter, form]) == "waiver_form"
