"""A file uploaded in the client check is kept by its sha256 (never its name), typed by
its bytes, limited in size, private on disk, read by the scan worker and stored;
counsel still see only their assigned A-numbers."""
from __future__ import annotations

import hashlib
import os
import stat

import pytest

from conftest import one_pixel_png, text_png, zip_bytes
from review_store import P1, build_store
from review_ui import upload
from review_ui.access import Archive
from review_ui.upload import UploadRefused, save_upload, scan_upload
from waiverscan.store import open_store
from waiverscan.store.accounts import get_user

CSV = (b"A-Number,Entry Date,Entered By,Remarks\n"
       b"A111222333,07/20/2018,DO T. Test,Parent declined reunification and will depart "
       b"without the child. Witnessed by SDDO K. Lee.\n")

HOSTILE_NAMES = ["../../etc/passwd", "/etc/passwd", "..\\..\\windows\\win.ini",
                 "form\x00.pdf", "a" * 5000 + ".pdf", "Maria_Lopez_A208123456.csv",
                 "../" * 40 + "tmp/owned.csv", "~/.bashrc", "CON", ""]


def _uploaded(name: str, data: bytes, mime: str = "application/pdf"):
    """Streamlit's own UploadedFile, as st.file_uploader returns it."""
    from streamlit.proto.Common_pb2 import FileURLs
    from streamlit.runtime.uploaded_file_manager import UploadedFile, UploadedFileRec
    return UploadedFile(UploadedFileRec("id1", name, mime, data), FileURLs())


def _tree(root):
    return {p for p in root.rglob("*")}


def test_upload_is_named_by_content_and_typed_by_bytes(tmp_path):
    p = save_upload(CSV, tmp_path / "up")
    assert p.name == hashlib.sha256(CSV).hexdigest() + ".csv" and p.read_bytes() == CSV
    png = text_png()
    # PNG bytes claimed to be a CSV: kept as what they are
    q = save_upload(_uploaded("notes.csv", png, "text/csv"), tmp_path / "up")
    assert q.name == hashlib.sha256(png).hexdigest() + ".png"
    assert save_upload(CSV, tmp_path / "up") == p  # the same bytes twice: one file
    assert sorted(x.name for x in (tmp_path / "up").iterdir()) == sorted([p.name, q.name])


@pytest.mark.parametrize("name", HOSTILE_NAMES, ids=range(len(HOSTILE_NAMES)))
def test_upload_never_uses_the_uploaders_name(tmp_path, monkeypatch, name):
    work = tmp_path / "deep" / "er" / "work"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)  # relative names would land around here
    before = _tree(tmp_path)
    p = save_upload(_uploaded(name, CSV), tmp_path / "up")
    assert _tree(tmp_path) - before == {tmp_path / "up", p}  # nothing else was written
    assert p.parent == tmp_path / "up" and p.name == hashlib.sha256(CSV).hexdigest() + ".csv"
    assert not (tmp_path / "etc").exists() and not (tmp_path / "tmp").exists()


def test_upload_directory_and_files_are_private(tmp_path):
    up = tmp_path / "up"
    up.mkdir(mode=0o755)
    os.chmod(up, 0o755)  # an existing, world-readable directory is tightened
    p = save_upload(CSV, up)
    assert stat.S_IMODE(up.stat().st_mode) == 0o700
    assert stat.S_IMODE(p.stat().st_mode) == 0o600
    fresh = save_upload(CSV, tmp_path / "new" / "up")
    assert stat.S_IMODE(fresh.parent.stat().st_mode) == 0o700


REFUSED = {
    "empty": b"",
    "html named pdf": b"<!DOCTYPE html>\n<html><body>Maria</body></html>\n",
    "zip named pdf": zip_bytes(),
    "binary garbage": bytes(range(256)) * 16,
    "legacy office": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600,
}


@pytest.mark.parametrize("kind", sorted(REFUSED))
def test_upload_refuses_by_content_and_keeps_nothing(tmp_path, kind):
    up = tmp_path / "up"
    with pytest.raises(UploadRefused) as e:
        save_upload(_uploaded("Maria_Lopez_A208123456.pdf", REFUSED[kind]), up)
    assert "Maria" not in str(e.value) and "208123456" not in str(e.value)
    assert not up.exists() or list(up.iterdir()) == []  # no file, no leftover .part


def test_upload_size_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(upload, "MAX_BYTES", 1000)
    with pytest.raises(UploadRefused, match="over"):
        save_upload(b"a,b\n" + b"1,2\n" * 300, tmp_path / "up")
    assert save_upload(one_pixel_png(), tmp_path / "up").suffix == ".png"  # under it


def test_scan_upload_stores_the_document(tmp_path):
    url = build_store(tmp_path / "r.db")
    store = open_store(url)
    steps = []
    doc = scan_upload(store, save_upload(CSV, tmp_path / "up"), step=steps.append)
    assert doc["doc_type"] == "case_comments" and doc["error"] is None
    assert steps[-1] == "done" and len(steps) >= 3
    stored = store.document(doc["sha256"])
    assert stored["source"] == str(tmp_path / "up" / (doc["sha256"] + ".csv"))
    assert stored["records"][0]["fields"]["a_number"]["value"] == "A111222333"
    rita = Archive(store, get_user(store, "rita"))
    assert "A111222333" in rita.a_numbers()
    carla = Archive(store, get_user(store, "carla"))
    assert carla.a_numbers() == [P1]
    assert all(r["record_id"] != stored["records"][0]["record_id"]
               for d in carla.documents() for r in d["records"])
    store.close()
