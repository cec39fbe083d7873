"""One uploaded file, scanned from the UI (the client check): kept under the uploads
directory by its sha256 (never by the uploader's file name, which may carry a path or
a client's name), read and scored by the same worker as `waiverscan scan`, and stored
in the archive like any scanned file.

The result shown to the uploader is the one computed for the bytes they uploaded, not a
lookup in the store: reviewers' decisions on a stored copy stay behind the usual access
rules.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any, Callable, Optional

from waiverscan.store import Store

SUFFIX = {"pdf": ".pdf", "png": ".png", "jpeg": ".jpg", "tiff": ".tif", "xlsx": ".xlsx",
          "csv": ".csv", "text": ".txt"}
MAX_BYTES = 100 * 1024 * 1024


def upload_dir() -> Path:
    """WAIVERSCAN_UPLOADS, else ./waiverscan-uploads (the directory the UI started in)."""
    return Path(os.environ.get("WAIVERSCAN_UPLOADS") or "waiverscan-uploads").resolve()


def save_upload(data: bytes, directory: Optional[Path] = None) -> Path:
    """Write the bytes as ``<sha256><suffix>`` (suffix from the bytes' own type)."""
    from extractor.ingest import sniff
    if len(data) > MAX_BYTES:
        raise ValueError(f"the file is over {MAX_BYTES // (1024 * 1024)} MB")
    directory = directory or upload_dir()
    directory.mkdir(parents=True, exist_ok=True)
    sha = hashlib.sha256(data).hexdigest()
    tmp = directory / f".{sha}.part"
    tmp.write_bytes(data)
    try:
        kind = sniff(tmp)
    except Exception:  # noqa: BLE001  (the scan reports an unreadable file properly)
        kind = ""
    path = directory / f"{sha}{SUFFIX.get(kind, '.bin')}"
    os.replace(tmp, path)
    return path


def scan_upload(store: Store, path: Path,
                step: Callable[[str], None] = lambda _msg: None) -> dict[str, Any]:
    """Read, score and store one file; ``step`` hears each stage (the progress shown).
    Returns the contract document."""
    from waiverscan import PIPELINE_VERSION
    from waiverscan.batch.worker import process_file
    step("reading the file (OCR for scans: about a second a page)")
    payload = process_file(str(path))
    contract = payload["contract"]
    contract["source"] = str(path)
    step("storing the results")
    store.save_document(contract, pipeline_version=PIPELINE_VERSION, pages=payload["pages"],
                        failure_code=payload["failure_code"], seconds=payload["seconds"])
    step("done")
    return contract
