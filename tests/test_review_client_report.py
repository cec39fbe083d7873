"""The counsel's client report and the dashboard exports: their content, and only what
the account may see."""
from __future__ import annotations

import io

import pytest

from review_store import P1, P2, review_db  # noqa: F401
from review_ui.access import AccessDenied, Archive
from review_ui.client_report import Crop, Line, client_report_pdf, render_pdf, report_items
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
    view = ada.case(P2)
    items = report_items(view, {rid: ada.history(rid)}, with_crops=False)
    text = "\n".join(i.text for i in items if isinstance(i, Line))
    assert f"Client check: {P2}" in text
    assert "F-SUPERVISOR: fail (major)" in text
    assert "F-DATED: pass" in text  # as reviewed: the corrected date passes
    assert 'ada: correct F-DATED date_signed: "2018-06-31" -> "2018-06-30"' in text


def test_pdf_is_a_pdf_with_pages_and_crops():
    from PIL import Image
    from pypdf import PdfReader
    items = [Line("x" * 300)] * 80 + [Crop(Image.new("RGB", (900, 120), "grey"), "F-DATED")]
    pdf = render_pdf(items)
    assert pdf.startswith(b"%PDF")
    assert len(PdfReader(io.BytesIO(pdf)).pages) >= 3  # long lines wrap, pages break


def test_counsel_report_and_exports_hold_only_their_client(store):
    carla = Archive(store, get_user(store, "carla"))
    assert client_report_pdf(carla, P1).startswith(b"%PDF")
    with pytest.raises(AccessDenied):
        client_report_pdf(carla, P2)
    Archive(store, get_user(store, "rita")).decide(
        next(r["record"]["record_id"] for r in Archive(store, get_user(store, "rita")).case(P2)["records"]
             if r["record"]["kind"] == "waiver_form"), "F-DATED", "confirm")
    csv_text = cases_csv(carla.report())
    assert P1 in csv_text and P2 not in csv_text
    assert decisions_csv(carla.history()).count("\n") == 1  # the header only
    assert decisions_csv(Archive(store, get_user(store, "rita")).history()).count("\n") == 2
