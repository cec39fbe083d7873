"""A file uploaded in the client check is kept by its sha256 (never its name), read by
the scan worker and stored; counsel still see only their assigned A-numbers."""
from __future__ import annotations

import hashlib

from review_store import P1, build_store
from review_ui.access import Archive
from review_ui.upload import save_upload, scan_upload
from waiverscan.store import open_store
from waiverscan.store.accounts import get_user

CSV = (b"A-Number,Entry Date,Entered By,Remarks\n"
       b"A111222333,07/20/2018,DO T. Test,Parent declined reunification and will depart "
       b"without the child. Witnessed by SDDO K. Lee.\n")


def test_upload_is_named_by_content_and_typed_by_bytes(tmp_path):
    p = save_upload(CSV, tmp_path / "up")
    assert p.name == hashlib.sha256(CSV).hexdigest() + ".csv" and p.read_bytes() == CSV
    html = save_upload(b"<html><body>not a scan</body></html>", tmp_path / "up")
    assert html.suffix in (".txt", ".bin") and not list((tmp_path / "up").glob(".*.part"))


def test_scan_upload_stores_the_document(tmp_path):
    url = build_store(tmp_path / "r.db")
    store = open_store(url)
    steps = []
    doc = scan_upload(store, save_upload(CSV, tmp_path / "up"), step=steps.append)
    assert doc["doc_type"] == "case_comments" and doc["error"] is None
    assert steps[-1] == "done" and len(steps) >= 3
    stored = store.document(doc["sha256"])
    assert stored["records"][0]["fields"]["a_number"]["value"] == "A111222333"
    rita = Archive(store, get_user(store, "rita"))
    assert "A111222333" in rita.a_numbers()
    carla = Archive(store, get_user(store, "carla"))
    assert carla.a_numbers() == [P1]
    assert all(r["record_id"] != stored["records"][0]["record_id"]
               for d in carla.documents() for r in d["records"])
    store.close()
