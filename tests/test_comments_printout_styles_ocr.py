"""Scanned printouts in a ruled-table layout and in a typewriter face, rendered here, read
by the real Tesseract and split into entries (issue 14: a ruled printout lost its
entries). Text invented for the test."""
import numpy as np
import pytest

from extractor.comments import extract_comment_pages

ROWS = [("06/01/2018", "SDDO K. Brown", "208-123-456", ["Subject turned down travelling with",
                                                         "her son. Witness DO P. Lindqvist."]),
        ("06/03/2018", "DO P. Lindqvist", "208-123-456", ["Bed space confirmed for Tuesday."]),
        ("06/05/2018", "DO P. Lindqvist", "207-481-339", ["Father wants to be removed with",
                                                           "his daughter."])]


def _font(paths, size):
    from PIL import ImageFont
    for p in paths:
        try:
            return ImageFont.truetype(p, size)
        except OSError:
            continue
    pytest.skip("no TrueType font to render the page")


def _read(img):
    from extractor import ingest
    from extractor.pipeline import read_page
    a = np.array(img)
    return read_page(ingest.SourcePage(1, a, 300.0, a.shape[1], a.shape[0]))


def _check(recs):
    assert [r.value("entry_date") for r in recs] == ["2018-06-01", "2018-06-03", "2018-06-05"]
    assert [r.value("a_number") for r in recs] == ["A208123456", "A208123456", "A207481339"]
    assert [r.value("decision") for r in recs] == ["waive_reunification", None,
                                                   "requests_reunification"]


@pytest.mark.integration
def test_ruled_table_printout_on_ocr():
    from PIL import Image, ImageDraw
    font = _font(["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "DejaVuSans.ttf"], 34)
    img = Image.new("L", (2550, 1300), 255)
    d = ImageDraw.Draw(img)
    cols = [120, 420, 830, 1140, 2430]
    y = 150
    d.text((cols[0] + 15, y + 12), "Date", font=font, fill=0)
    for x, head in zip(cols[1:4], ("Officer", "A-Number", "Comment")):
        d.text((x + 15, y + 12), head, font=font, fill=0)
    tops = [y]
    y += 70
    for date, who, anum, lines in ROWS:
        tops.append(y)
        d.text((cols[0] + 15, y + 12), date, font=font, fill=0)
        d.text((cols[1] + 15, y + 12), who, font=font, fill=0)
        d.text((cols[2] + 15, y + 12), anum, font=font, fill=0)
        for i, line in enumerate(lines):
            d.text((cols[3] + 15, y + 12 + 56 * i), line, font=font, fill=0)
        y += 56 * len(lines) + 30
    tops.append(y)
    for t in tops:
        d.line([(cols[0], t), (cols[-1], t)], fill=0, width=3)
    for x in cols:
        d.line([(x, tops[0]), (x, tops[-1])], fill=0, width=3)
    _check(extract_comment_pages([_read(img)]))


@pytest.mark.integration
def test_typewriter_printout_on_ocr():
    from PIL import Image, ImageDraw
    font = _font(["/usr/share/fonts/truetype/gnutypewriter/GNUTypewriter.ttf",
                  "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"], 40)
    img = Image.new("L", (2550, 1500), 255)
    d = ImageDraw.Draw(img)
    y = 150
    last_a = None
    for date, who, anum, lines in ROWS:
        if anum != last_a:
            d.text((150, y), f"A-NUMBER: {anum}", font=font, fill=0)
            y += 70
            last_a = anum
        d.text((150, y), f"{date}   {who.upper()}", font=font, fill=0)
        y += 66
        for line in lines:
            d.text((230, y), line.upper(), font=font, fill=0)
            y += 66
    _check(extract_comment_pages([_read(img)]))
