"""Logging for every waiverscan process: the CLI, batch workers (local or on Dask)
and the review UI's scans share one redacting stderr handler and one way of turning a
crash into a document.

Logs never carry personal data (names, A-numbers, document text, file names): only
counts, timings and error codes. :class:`Redact` is the last line of defence for a
message that slips through; ``-vv`` tracebacks are the one, developer-only, exception.
"""
from __future__ import annotations

import logging
import re
import sys
from pathlib import Path
from typing import Optional

from extractor.model import Document

#: the stand-in sha256 of a document whose file could not be hashed. Never a store
#: key: the batch runner stores such a failure under its path (waiverscan.batch)
UNHASHED = "0" * 64

_A_NUMBER = re.compile(r"\bA[-\s]?\d{3}[-\s]?\d{3}[-\s]?\d{2,3}\b|\b\d{8,9}\b")


class Redact(logging.Filter):
    """Any stage's log message loses the current file's name and path (archive file
    names often carry the parent's name) and anything shaped like an A-number."""

    def __init__(self) -> None:
        super().__init__()
        self.secrets: list[str] = []

    def filter(self, record: logging.LogRecord) -> bool:
        msg = record.getMessage()
        for secret in self.secrets:
            msg = msg.replace(secret, "<file>")
        record.msg, record.args = _A_NUMBER.sub("<A-number>", msg), ()
        return True


redact = Redact()


def set_current_file(path: Optional[Path]) -> None:
    """The file whose name and path the log handler hides from now on (None: none)."""
    if path is None:
        redact.secrets = []
        return
    # longest first, so the full path is replaced before its name
    names = {str(path), str(path.resolve()), path.name}
    redact.secrets = sorted((n for n in names if len(n) >= 3), key=len, reverse=True)


def setup_logging(verbosity: int) -> None:
    """WARNING (0), INFO (1) or DEBUG (2+) to stderr through the redacting handler."""
    level = logging.WARNING if verbosity <= 0 else logging.INFO if verbosity == 1 else logging.DEBUG
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("waiverscan: %(levelname)s: %(message)s"))
    handler._waiverscan = True  # type: ignore[attr-defined]
    handler.addFilter(redact)
    root = logging.getLogger()
    # replace only our own handler (main() may run many times in one process, as in tests)
    root.handlers[:] = [h for h in root.handlers if not getattr(h, "_waiverscan", False)]
    root.addHandler(handler)
    root.setLevel(level)


def crashed(path: Path, exc: BaseException) -> Document:
    """A document object for a file on which the program itself failed (a bug): the
    batch output keeps one object per input; the message names only the exception type
    because its text may quote the document."""
    doc = Document(source=str(path), sha256=UNHASHED)
    try:
        from extractor.ingest import sha256_file
        doc.sha256 = sha256_file(path)
    except Exception:  # the hash is a nicety here; the file may be gone
        pass
    doc.error = {"code": "unreadable",
                 "message": f"internal error ({type(exc).__name__}); please report it"}
    doc.exception = exc
    return doc
