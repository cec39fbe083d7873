"""Comment listings: splitting text and OCR'd printouts into dated entries."""
import numpy as np
import pytest

from extractor.comments import extract_comment_file, extract_comment_pages, extract_comment_text
from extractor.comments.entries import parse_header

LISTING = """CASE COMMENTS                                  Page 1
SUBJECT A#: 208-123-456
06/01/2018 09:15 SDDO K. Brown
   File opened for this detainee; intake notes scanned.
06/02/2018 AFOD A. Miller
   Via telephonic interpreter (Rosa Tum) in Mam. Subject was offered
   travel together with her son. Subject declined. Witnessed by DO Nguyen.
SUBJECT A#: 207-481-339
(no date) DO Hughes
   Subject asks to see her lawyer before she chooses anything.
Jul 10, 2018 02:53 PM FOD M. Anderson   A#: A211-000-111
   Passport copy mailed to the Guatemalan consular section.
"""


def test_comments_text_listing_split_into_entries():
    recs = extract_comment_text(LISTING)
    assert [r.value("entry_date") for r in recs] == ["2018-06-01", "2018-06-02", None, "2018-07-10"]
    assert [r.value("author") for r in recs] == ["SDDO K. Brown", "AFOD A. Miller", "DO Hughes",
                                                "FOD M. Anderson"]
    # the section heading gives its A-number to every entry under it; a header's own wins
    assert [r.value("a_number") for r in recs] == ["A208123456", "A208123456", "A207481339",
                                                  "A211000111"]
    r = recs[1]
    assert (r.value("decision"), r.value("option_offered"), r.value("language"),
            r.value("interpreter_or_fluent"), r.value("witness_name")) == \
        ("waive_reunification", True, "mam", True, "DO Nguyen")
    assert recs[2].value("decision") == "consult_attorney"
    assert recs[0].value("decision") is None


def test_comments_text_file_kind(tmp_path):
    p = tmp_path / "listing.txt"
    p.write_text(LISTING, encoding="utf-8")
    recs, pages = extract_comment_file(p, "text")
    assert pages == 1 and len(recs) == 4


@pytest.mark.parametrize("line,date,author", [
    ("06/01/18 07:04 SDDO H. Davis A#: A# 61 581 381", "06/01/18", "SDDO H. Davis"),
    ("Jun 03, 2018 07:03 AM DOA. Garcia A#: A047-690-633", "Jun 03, 2018", "DO A. Garcia"),
    ("07/29/2018 AFOD Wilhelmina Oyarzún", "07/29/2018", "AFOD Wilhelmina Oyarzún"),
    ("(no date) FOD M. Anderson AH: A43-600-982", "", "FOD M. Anderson"),
])
def test_comments_header_lines(line, date, author):
    d, a, _ = parse_header(line)
    assert (d, a) == (date, author)


def test_comments_body_line_with_a_date_is_not_a_header():
    assert parse_header("05/05/2018") is None


def _render(lines, size=(2550, 1400)):
    from PIL import Image, ImageDraw, ImageFont
    img = Image.new("L", size, 255)
    draw = ImageDraw.Draw(img)
    font = None
    for name in ("DejaVuSansMono.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
                 "LiberationMono-Regular.ttf"):
        try:
            font = ImageFont.truetype(name, 38)
            break
        except OSError:
            continue
    if font is None:
        pytest.skip("no TrueType font to render the page")
    y = 150
    for indent, text in lines:
        draw.text((150 + indent, y), text, font=font, fill=0)
        y += 62
    return np.array(img)


@pytest.mark.integration
def test_comments_printout_split_on_ocr_page():
    from extractor import ingest
    from extractor.pipeline import read_page

    image = _render([
        (0, "CASE COMMENTS                    Page 1"),
        (0, "SUBJECT A#: 208-123-456"),
        (40, "06/02/2018 AFOD A. Miller"),
        (100, "Explained the election options and their consequences."),
        (100, "Subject declined reunification with her son."),
        (40, "06/09/2018 SDDO Toivo Brandt"),
        (100, "Laundry bag swapped at the unit."),
    ])
    page = read_page(ingest.SourcePage(1, image, 300.0, image.shape[1], image.shape[0]))
    recs = extract_comment_pages([page])
    assert len(recs) == 2
    r = recs[0]
    assert r.value("a_number") == "A208123456" and recs[1].value("a_number") == "A208123456"
    assert r.value("entry_date") == "2018-06-02"
    assert r.value("author") == "AFOD A. Miller"
    assert r.value("decision") == "waive_reunification"
    assert r.value("info_provided") is True
    f = r.fields["decision"]
    assert f.page == 1 and f.bbox is not None
    x0, y0, x1, y1 = page.map_bbox(f.bbox)
    assert 150 < y0 < y1 < 150 + 62 * 5 + 20  # the body lines of the first entry
    assert recs[1].value("decision") is None


def _words(y, items, key0):
    from extractor.model import Word
    out = []
    for i, (x, text) in enumerate(items):
        out.append(Word(text, 0.95, (x, y, x + 20 * len(text), y + 30), (key0 + i, 0, 0)))
    return out


def test_comments_line_split_in_groups_is_merged_back():
    """A text layer or OCR block split can key one printed line as several groups."""
    from extractor.model import Page

    words = (_words(100, [(100, "06/02/2018")], 1) + _words(102, [(400, "AFOD"), (520, "A."), (580, "Miller")], 5)
             + _words(150, [(160, "Subject"), (330, "declined"), (520, "reunification.")], 9)
             + _words(200, [(100, "O6/O9/2018"), (400, "DO"), (480, "Hughes")], 20)
             + _words(250, [(160, "Property"), (360, "returned.")], 30))
    recs = extract_comment_pages([Page(1, 1000, 1000, 300.0, words=words)])
    assert [r.value("author") for r in recs] == ["AFOD A. Miller", "DO Hughes"]
    assert [r.value("entry_date") for r in recs] == ["2018-06-02", "2018-06-09"]
    assert recs[0].value("decision") == "waive_reunification"
    assert recs[0].fields["decision"].bbox[1] == 150
