"""Archive provenance: a file's first stored source never changes; a later scan or
upload of the same bytes adds a sighting (who, when, where); the SQLite store and its
WAL files are created owner-only; counsel never see a server path."""
from __future__ import annotations

import os
import stat

from review_store import P1, build_store
from review_ui.access import Archive
from review_ui.upload import save_upload, scan_upload
from store_docs import form_document
from waiverscan.store import open_store
from waiverscan.store.accounts import get_user

CSV = (b"A-Number,Entry Date,Entered By,Remarks\n"
       + P1.encode() + b",07/21/2018,DO T. Test,Parent declined reunification and will depart "
       b"without the child. Witnessed by SDDO K. Lee.\n")


def test_the_first_source_stays_and_later_copies_are_sightings(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 's.db'}")
    doc = form_document("provenance")
    store.save_document(doc, pipeline_version="v1", seen_by="scanner")
    store.save_document(dict(doc, source="/srv/uploads/abc.pdf"), pipeline_version="v2",
                        seen_by="carla", via="upload")
    assert store.document(doc["sha256"])["source"] == doc["source"]
    seen = store.sightings(doc["sha256"])
    assert [(x["source"], x["seen_by"], x["via"]) for x in seen] == [
        (doc["source"], "scanner", "scan"), ("/srv/uploads/abc.pdf", "carla", "upload")]
    assert all(x["seen_at"] is not None for x in seen)
    store.close()


def test_store_file_and_its_wal_are_owner_only(tmp_path):
    old = os.umask(0o022)  # the usual umask: SQLite alone would create 0644 files
    try:
        path = tmp_path / "private.db"
        store = open_store(f"sqlite:///{path}")
        store.save_document(form_document("mode"), pipeline_version="v1")
        files = [p for p in tmp_path.iterdir() if p.name.startswith("private.db")]
        assert path in files and len(files) >= 2  # the database and its WAL (and -shm)
        for p in files:
            assert stat.S_IMODE(p.stat().st_mode) == 0o600, p.name
        store.close()
    finally:
        os.umask(old)


def test_an_upload_of_bytes_already_stored_keeps_the_source(tmp_path, monkeypatch):
    monkeypatch.setenv("WAIVERSCAN_UPLOADS", str(tmp_path / "up"))
    url = build_store(tmp_path / "r.db")
    store = open_store(url)
    archived = tmp_path / "archive" / "notes.csv"
    archived.parent.mkdir()
    archived.write_bytes(CSV)
    first = scan_upload(store, archived)  # as `waiverscan scan` stored it first
    scan_upload(store, save_upload(CSV, tmp_path / "up"), seen_by="carla")
    assert store.document(first["sha256"])["source"] == str(archived)
    assert [x["seen_by"] for x in store.sightings(first["sha256"])] == [None, "carla"]
    carla = Archive(store, get_user(store, "carla"))
    rid = first["sha256"] + ":0"
    shown = carla.record(rid)["document"]["source"]
    assert shown == "notes.csv"  # the file name, never the server path
    assert all("/" not in r["document"]["source"] for r in carla.case(P1)["records"])
    rita = Archive(store, get_user(store, "rita"))
    assert rita.record(rid)["document"]["source"] == str(archived)
    store.close()
