"""Batch runs on text sources (no OCR, so quick), on SQLite and PostgreSQL: failures are
stored and the run goes on; a second run skips what is scored (by content, whatever the
name); a new pipeline version re-scores; reviews survive; the CLI reports and lists."""
from __future__ import annotations

import io
import shutil

import pytest

from batch_archive import comments_csv
from waiverscan.batch import scan
from waiverscan.cli import main
from waiverscan.store import open_store


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "archive"
    d.mkdir()
    for i in range(3):
        (d / f"c{i}.csv").write_bytes(comments_csv(i))
    (d / "corrupt.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8)
    (d / "page.html").write_bytes(b"<!DOCTYPE html><html><body>x</body></html>\n")
    return d


@pytest.fixture
def store(store_url):
    s = open_store(store_url)
    yield s
    s.close()


def test_failures_are_stored_and_the_run_goes_on(folder, store):
    s = scan([folder], store, workers=0, progress=False)
    assert (s.files, s.scored, s.failed, s.skipped) == (5, 3, 2, 0)
    assert s.failure_codes == {"unreadable": 1, "unsupported_type": 1}
    fails = {f["source"].rsplit("/", 1)[-1]: f["error_code"] for f in store.failures()}
    assert fails == {"corrupt.pdf": "unreadable", "page.html": "unsupported_type"}
    docs = list(store.iter_documents())
    assert len(docs) == 5 and sum(len(d["records"]) for d in docs) == 9
    assert store.runs()[-1]["counts"]["failed"] == 2 and store.runs()[-1]["finished"]


def test_second_run_skips_by_content(folder, store):
    scan([folder], store, workers=0, progress=False)
    shutil.copy(folder / "c0.csv", folder / "renamed_copy.csv")
    s = scan([folder], store, workers=0, progress=False)
    assert (s.files, s.scored, s.failed, s.skipped) == (6, 0, 0, 6)
    assert len(list(store.iter_documents())) == 5


def test_new_pipeline_version_rescores_and_keeps_reviews(folder, store):
    scan([folder], store, workers=0, progress=False, pipeline_version="t1")
    doc = next(d for d in store.iter_documents() if d["records"])
    rid = doc["records"][0]["record_id"]
    store.reviews.add(rid, reviewer="analyst", action="correct", field="decision",
                      value_before="undecided", value_after="waive_reunification")
    s = scan([folder], store, workers=0, progress=False, pipeline_version="t2")
    assert (s.scored, s.failed, s.skipped) == (3, 2, 0)
    assert store.done_hashes("t1") == set() and len(store.done_hashes("t2")) == 5
    assert [d["action"] for d in store.reviews.history(rid)] == ["correct"]
    assert store.reviews.verify() is None
    assert store.record(rid) == doc["records"][0]


def test_cli_summary_and_failure_list(folder, store_url):
    out, err = io.StringIO(), io.StringIO()
    code = main(["scan", str(folder), "--db", store_url, "--workers", "0", "--no-progress"],
                stdout=out, stderr=err)
    assert code == 0, err.getvalue()
    text = out.getvalue()
    assert "5 files: 3 scored, 2 failed, 0 already scored" in text
    assert f"waiverscan scan --failures --db {store_url}" in text
    assert "corrupt" not in text and "corrupt" not in err.getvalue()  # no names in the summary
    out = io.StringIO()
    assert main(["scan", "--failures", "--db", store_url], stdout=out, stderr=err) == 0
    lines = out.getvalue().splitlines()
    assert lines[-1] == "2 failed file(s)"
    assert lines[0].endswith("corrupt.pdf\tunreadable\tthe PDF cannot be parsed: Failed to load "
                             "document (PDFium: Data format error).") or "corrupt.pdf\t" in lines[0]
    assert main(["scan", "--db", store_url], stdout=io.StringIO(), stderr=err) == 2
