"""One uploaded file, scanned from the UI (the client check): kept under the uploads
directory by its sha256 (never by the uploader's file name, which may carry a path or
a client's name), read and scored by the same worker as `waiverscan scan`, and stored
in the archive like any scanned file.

What is refused before anything is kept: an empty file, one over :data:`MAX_BYTES`,
and one whose *bytes* are not a PDF, PNG, JPEG, TIFF, XLSX, CSV or text file (the
extension and the browser's content type are not trusted). The uploads directory is
private (0700) and each file in it 0600: the files hold clients' personal data.

The result shown to the uploader is the one computed for the bytes they uploaded, not a
lookup in the store: reviewers' decisions on a stored copy stay behind the usual access
rules.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import Any, Callable, Optional, Union

from waiverscan.store import Store

SUFFIX = {"pdf": ".pdf", "png": ".png", "jpeg": ".jpg", "tiff": ".tif", "xlsx": ".xlsx",
          "csv": ".csv", "text": ".txt"}
from waiverscan.config import UPLOAD_MAX_BYTES as MAX_BYTES  # noqa: E402  (one setting, read by `waiverscan review` too)


class UploadRefused(ValueError):
    """The upload is not kept: empty, too large, or not a type the scan reads."""


def upload_dir() -> Path:
    """WAIVERSCAN_UPLOADS, else ./waiverscan-uploads (the directory the UI started in)."""
    return Path(os.environ.get("WAIVERSCAN_UPLOADS") or "waiverscan-uploads").resolve()


def _private_dir(directory: Path) -> Path:
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(directory, 0o700)  # an existing directory too (mkdir's mode obeys umask)
    return directory


def save_upload(upload: Union[bytes, Any], directory: Optional[Path] = None) -> Path:
    """Keep the uploaded bytes as ``<sha256><suffix>``, the suffix from the bytes' own
    type. ``upload`` is the bytes, or Streamlit's UploadedFile: only its bytes are used,
    never its name (which may be ``../../etc/passwd``, absolute, hold NUL bytes, or be
    thousands of characters long) nor its claimed content type."""
    from extractor.errors import WaiverscanError
    from extractor.ingest import sniff
    data = upload if isinstance(upload, (bytes, bytearray)) else upload.getvalue()
    if not data:
        raise UploadRefused("the file is empty")
    if len(data) > MAX_BYTES:
        raise UploadRefused(f"the file is over {MAX_BYTES // (1024 * 1024)} MB")
    directory = _private_dir(directory or upload_dir())
    sha = hashlib.sha256(data).hexdigest()
    # a private temporary name of our own (0600, unique: two uploads at once never
    # share it), typed from its bytes, then renamed into place
    fd, tmp_name = tempfile.mkstemp(prefix=".upload-", suffix=".part", dir=directory)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        try:
            kind = sniff(tmp)
        except WaiverscanError as exc:
            raise UploadRefused(str(exc)) from None
        if kind not in SUFFIX:
            raise UploadRefused(f"unsupported file type: {kind}")
        path = directory / f"{sha}{SUFFIX[kind]}"
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
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
