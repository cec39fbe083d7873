"""A run whose store goes away stops its workers before the error travels on (the
fault tests' fake per-file function: no OCR)."""
from __future__ import annotations

import multiprocessing

import pytest

import batch_faults
import waiverscan.batch as batch
from batch_archive import comments_csv
from waiverscan.store import open_store
from waiverscan.store.retry import StoreUnavailableError


def test_batch_store_failure_stops_the_workers_before_raising(tmp_path, monkeypatch):
    archive = tmp_path / "archive"
    archive.mkdir()
    for i in range(8):
        (archive / f"c{i}.csv").write_bytes(comments_csv(i))
    monkeypatch.setattr(batch, "process_file", batch_faults.fake_process)
    monkeypatch.setenv("WAIVERSCAN_FAKE_DELAY", "0.5")  # workers are busy when it fails
    store = open_store(f"sqlite:///{tmp_path / 'ws.db'}")
    saved = []

    def save_then_fail(contract, **kw):
        saved.append(contract)
        raise StoreUnavailableError("the store stayed away")

    monkeypatch.setattr(store, "save_document", save_then_fail)
    with pytest.raises(StoreUnavailableError) as caught:
        batch.scan([archive], store, workers=2, progress=False, file_timeout=None)
    # the traceback (kept by pytest, as by an interpreter exiting) still holds the
    # run's frames: the pool must not wait for the garbage collector to be stopped
    assert caught.type is StoreUnavailableError and len(saved) == 1
    assert multiprocessing.active_children() == []
    store.close()
