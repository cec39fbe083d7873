"""The counsel's client report and the dashboard exports: their content, and only what
the account may see."""
from __future__ import annotations

import io

import pytest

from review_store import P1, P2, review_db  # noqa: F401
from review_ui.access import AccessDenied, Archive
from scoring.account import account_text
from waiverscan.account_pdf import account_pdf
from review_ui.exports import cases_csv, decisions_csv
from waiverscan.store import open_store
from waiverscan.store.accounts import get_user


@pytest.fixture
def store(review_db):
    s = open_store(review_db)
    yield s
    s.close()


def test_report_lists_checks_and_decisions_with_authors(store):
    ada = Archive(store, get_user(store, "ada"))
    view = ada.case(P2)
    rid = next(r["record"]["record_id"] for r in view["records"] if r["record"]["kind"] == "waiver_form")
    ada.decide(rid, "F-DATED", "overturn", field="date_signed", value_after="2018-06-30")
    text = account_text(ada.account_of(P2)[0])
    assert f"case {P2}" in text
    assert "F-SUPERVISOR (major): fail (not reviewed yet)" in text
    # as reviewed: the corrected date passes; the decision in plain words, with its author
    assert ("F-DATED (critical): read fail, after review pass (overturned: date_signed "
            "corrected to 2018-06-30 by ada on ") in text
    assert "date_signed: 2018-06-30 (corrected by a reviewer)" in text


def test_pdf_is_text_with_pages_and_the_crop_of_the_written_value(tmp_path):
    """A searchable PDF (the text extracts), long content breaks into pages, and the
    crop is of the value's box; a field not found gives no crop (its box would be the
    printed label's)."""
    from PIL import Image, ImageDraw
    from pypdf import PdfReader
    page = Image.new("RGB", (1200, 800), "white")
    ImageDraw.Draw(page).rectangle([100, 100, 500, 160], fill="black")  # the ink
    scan = tmp_path / "scan.png"
    page.save(scan)
    rec = {"record_id": "f" * 64 + ":0", "kind": "waiver_form", "score": 50.0,
           "fields": {"date_signed": {"value": "2018-07-20", "confidence": 0.9, "page": 1,
                                      "bbox": [100, 100, 500, 160]},
                      "child_names": {"value": None, "confidence": 0.0, "page": 1,
                                      "bbox": [600, 100, 900, 160]}},
           "checks": [{"id": "F-DATED", "status": "fail", "severity": "critical"},
                      {"id": "F-CHILD-NAMED", "status": "fail", "severity": "critical"}]}
    from scoring.account import case_account
    acc = case_account({"a_number": "A123456789", "category": "written_waiver_deficient"},
                       [{"record": rec, "source": "scan.png", "decisions": []}] * 30)
    pdf = account_pdf(acc, {rec["record_id"]: str(scan)})
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 3
    text = "".join(p.extract_text() for p in reader.pages)
    assert "A123456789" in text and "F-CHILD-NAMED (critical): fail" in text
    one = case_account({"a_number": "A123456789", "category": "written_waiver_deficient"},
                       [{"record": rec, "source": "scan.png", "decisions": []}])
    images = PdfReader(io.BytesIO(account_pdf(one, {rec["record_id"]: str(scan)}))).pages[0].images
    assert len(images) == 1  # the date's crop; none of the names not found
    crop = images[0].image
    assert abs(crop.width / crop.height - (400 + 28) / (60 + 28)) < 0.1


def test_counsel_report_and_exports_hold_only_their_client(store):
    carla = Archive(store, get_user(store, "carla"))
    assert carla.client_report_pdf(P1).startswith(b"%PDF")
    with pytest.raises(AccessDenied):
        carla.client_report_pdf(P2)
    Archive(store, get_user(store, "rita")).decide(
        next(r["record"]["record_id"] for r in Archive(store, get_user(store, "rita")).case(P2)["records"]
             if r["record"]["kind"] == "waiver_form"), "F-DATED", "confirm")
    csv_text = cases_csv(carla.report())
    assert P1 in csv_text and P2 not in csv_text
    assert decisions_csv(carla.history()).count("\n") == 1  # the header only
    assert decisions_csv(Archive(store, get_user(store, "rita")).history()).count("\n") == 2
