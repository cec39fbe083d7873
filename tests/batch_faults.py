"""`waiverscan scan` as the fault tests run it: a real process, with a fake per-file
function (no OCR: these tests are about crash safety and the store, not reading) and,
on request, killed by SIGKILL at a chosen point between stages.

    python tests/batch_faults.py [--kill-at N --kill-log FILE] [--busy-timeout S] \\
        [--fake-delay S] -- scan ARCHIVE --db URL ...
    python tests/batch_faults.py [--busy-timeout S] --reviews N --db URL   # a UI writing

``--reviews N``: append N review decisions (as the review UI does), one every 150 ms,
instead of scanning.

``--kill-at N``: SIGKILL this process's whole group (the run and its workers: start it
with ``start_new_session=True``) at the N-th fault point (:mod:`waiverscan.store.faultpoints`)
that is not already listed in ``--kill-log``; the point is appended to the log first,
so every kill of a test is at a point never killed before. ``--busy-timeout``: SQLite's
lock wait, short, so "database is locked" really happens. The fake's results depend on
the file's bytes only, so every run over the same archive stores the same documents.
A file whose name holds ``slow`` sleeps ``WAIVERSCAN_FAKE_SLOW`` seconds (the per-file
time-limit test); a file starting with ``%CORRUPT`` fails as unreadable.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import signal
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
for _p in (str(HERE.parent), str(HERE)):  # the work tree, and this module for the workers
    if _p not in sys.path:
        sys.path.insert(0, _p)


def fake_process(path: str) -> dict:
    """Stands in for ``worker.process_file``: a payload of the same shape, made from the
    bytes (1-3 pages, 1-3 records each with two fields and two checks)."""
    time.sleep(float(os.environ.get("WAIVERSCAN_FAKE_DELAY", "0")))
    if "slow" in os.path.basename(path):
        time.sleep(float(os.environ.get("WAIVERSCAN_FAKE_SLOW", "60")))
    data = Path(path).read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    doc = {"schema_version": "1", "source": path, "sha256": sha, "doc_type": "case_comments",
           "pages": 0, "records": [], "error": None}
    if data.startswith(b"%CORRUPT"):
        doc.update(doc_type="other", error={"code": "unreadable", "message": "damaged file"})
        return {"contract": doc, "pages": [], "failure_code": "unreadable", "seconds": 0.0}
    h = bytes.fromhex(sha)
    n_pages, n_records = 1 + h[0] % 3, 1 + h[1] % 3
    doc["pages"] = n_pages
    for i in range(n_records):
        fail = (h[2 + i] % 2) == 1
        doc["records"].append({
            "record_id": f"{sha}:{i}", "kind": "case_comment", "score": 50.0 if fail else 100.0,
            "fields": {"a_number": {"value": f"A{int.from_bytes(h[i:i + 4], 'big') % 10**9:09d}",
                                    "confidence": 0.9, "page": 1, "bbox": [1, 2, 3, 4],
                                    "evidence": "a number"},
                       "entry_date": None},
            "checks": [{"id": "C-DECISION", "status": "fail" if fail else "pass",
                        "severity": "major", "why": "decision recorded" if not fail else "none"},
                       {"id": "C-LANGUAGE", "status": "pass", "severity": "minor", "why": "ok"}]})
    pages = [{"number": k + 1, "width": 850, "height": 1100, "dpi": 100.0, "text_source": "ocr",
              "words": 10 + h[3 + k] % 50, "mean_conf": 0.9} for k in range(n_pages)]
    return {"contract": doc, "pages": pages, "failure_code": None, "seconds": 0.01}


def _killer(kill_at: int, log_path: Path):
    used = set(log_path.read_text().splitlines()) if log_path.exists() else set()
    count = [0]

    def hook(label: str, source) -> None:
        name = f"{label}\t{os.path.basename(source) if source else '-'}"
        if name in used:
            return
        count[0] += 1
        if count[0] < kill_at:
            return
        with open(log_path, "a") as f:  # on disk before the kill
            f.write(name + "\n")
            f.flush()
            os.fsync(f.fileno())
        try:
            os.killpg(os.getpgid(0), signal.SIGKILL)
        finally:
            os.kill(os.getpid(), signal.SIGKILL)
    return hook


def _add_reviews(url: str, n: int) -> int:
    from waiverscan.logs import setup_logging as _setup_logging
    from waiverscan.store import open_store
    _setup_logging(0)  # the retry warnings, as the scan prints them
    store = open_store(url)
    for i in range(n):
        store.reviews.add(f"{'0' * 64}:{i % 3}", reviewer="ui-writer", action="accept",
                          check_id="C-DECISION", value_after="fail")
        time.sleep(0.15)
    store.close()
    return 0


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--kill-at", type=int)
    ap.add_argument("--kill-log", type=Path)
    ap.add_argument("--busy-timeout", type=float)
    ap.add_argument("--fake-delay", type=float, default=0.0)
    ap.add_argument("--reviews", type=int)
    ap.add_argument("--db")
    ap.add_argument("rest", nargs=argparse.REMAINDER)
    a = ap.parse_args(argv)
    rest = a.rest[1:] if a.rest[:1] == ["--"] else a.rest
    os.environ["WAIVERSCAN_FAKE_DELAY"] = str(a.fake_delay)  # the workers inherit it

    import batch_faults  # by its module name, so the workers can unpickle the function
    import waiverscan.batch
    from waiverscan.store import faultpoints, retry
    waiverscan.batch.process_file = batch_faults.fake_process  # inline, and for the workers
    waiverscan.batch.FORKSERVER_PRELOAD = ["batch_faults", "waiverscan.batch.worker"]  # no OCR to warm
    if a.busy_timeout is not None:
        retry.SQLITE_BUSY_TIMEOUT = a.busy_timeout
    if a.kill_at:
        faultpoints.hook = _killer(a.kill_at, a.kill_log)
    if a.reviews:
        return _add_reviews(a.db, a.reviews)
    from waiverscan.cli import main as cli_main
    return cli_main(rest)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
