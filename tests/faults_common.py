"""Helpers of the fault tests: a tiny archive, the scan driver as a real process, and
the store's integrity checks (whole documents only, exactly once)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from waiverscan.store.models import CheckRow, DocumentRow, FieldRow, PageRow, RecordRow, Run

TESTS = Path(__file__).resolve().parent
DRIVER = TESTS / "batch_faults.py"


def tiny_archive(root: Path, n: int = 8, slow: int = 0) -> Path:
    """``n`` small files (one damaged, one a copy of another under a second name) and
    ``slow`` files the fake worker dawdles on."""
    root.mkdir(parents=True, exist_ok=True)
    for i in range(n - 2):
        (root / f"f{i:02d}.txt").write_text(f"comment export {i}\n" * (i + 1))
    (root / "f90_copy.txt").write_text("comment export 0\n")  # same bytes as f00
    (root / "f91_bad.pdf").write_bytes(b"%CORRUPT" + bytes(range(64)))
    for i in range(slow):
        (root / f"f5{i}_slow.txt").write_text(f"slow export {i}\n")
    return root


def scan_cmd(archive: Path, url: str, *driver_args: str, workers: int = 0,
             extra: tuple[str, ...] = ()) -> list[str]:
    return [sys.executable, str(DRIVER), *driver_args, "--", "scan", str(archive), "--db", url,
            "--workers", str(workers), "--no-progress", *extra]


def run_scan(archive: Path, url: str, *driver_args: str, workers: int = 0,
             extra: tuple[str, ...] = (), timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(scan_cmd(archive, url, *driver_args, workers=workers, extra=extra),
                          capture_output=True, text=True, timeout=timeout,
                          start_new_session=True, cwd=TESTS.parent)


def start_scan(archive: Path, url: str, *driver_args: str, workers: int = 0,
               extra: tuple[str, ...] = ()) -> subprocess.Popen:
    return subprocess.Popen(scan_cmd(archive, url, *driver_args, workers=workers, extra=extra),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, cwd=TESTS.parent)


def documents(store) -> list[dict]:
    """Stored documents as JSON carries them, in source order."""
    return sorted(json.loads(json.dumps(list(store.iter_documents()))), key=lambda d: d["source"])


def assert_whole(store, reference: list[dict]) -> None:
    """Every stored document is one of the reference's, entire: its pages, records,
    fields and checks are all there (no partial write is visible), each content is
    stored once, and each points at a run that exists."""
    ref = {d["source"]: d for d in reference}
    docs = documents(store)
    for d in docs:
        assert d == ref[d["source"]], f"{d['source']} differs from the reference"
    with store.session() as s:
        shas = s.scalars(select(DocumentRow.sha256)).all()
        assert len(shas) == len(set(shas)) == len(docs)
        for doc in s.scalars(select(DocumentRow)):
            recs = s.scalars(select(RecordRow).where(RecordRow.document_id == doc.id)).all()
            want = ref[doc.source]
            assert len(recs) == len(want["records"])
            n_pages = s.scalar(select(func.count()).select_from(PageRow)
                               .where(PageRow.document_id == doc.id))
            assert n_pages == (want["pages"] if not want["error"] else 0)
            for r, w in zip(sorted(recs, key=lambda r: r.idx), want["records"]):
                n_checks = s.scalar(select(func.count()).select_from(CheckRow)
                                    .where(CheckRow.record_pk == r.id))
                n_fields = s.scalar(select(func.count()).select_from(FieldRow)
                                    .where(FieldRow.record_pk == r.id))
                assert (n_checks, n_fields) == (len(w["checks"]), len(w["fields"]))
            assert doc.run_id is None or s.get(Run, doc.run_id) is not None


def row_counts(store) -> tuple[int, int, int, int, int]:
    with store.session() as s:
        return tuple(s.scalar(select(func.count()).select_from(t))  # type: ignore[return-value]
                     for t in (DocumentRow, PageRow, RecordRow, FieldRow, CheckRow))


def expected_counts(reference: list[dict]) -> tuple[int, int, int, int, int]:
    recs = [r for d in reference for r in d["records"]]
    return (len(reference), sum(d["pages"] for d in reference if not d["error"]), len(recs),
            sum(len(r["fields"]) for r in recs), sum(len(r["checks"]) for r in recs))

