"""One exception hierarchy for everything that can go wrong reading a file.

Each error carries a stable ``code``. Codes that the contract knows (``unreadable``,
``encrypted``, ``unsupported_type``, ``too_large``, ``empty``) appear in a document's
``error`` object; the CLI maps every code to an exit code in one place
(:data:`EXIT_CODES`).
"""
from __future__ import annotations


class WaiverscanError(Exception):
    """Base class. ``code`` is stable and machine-readable; the message is for people
    and must never contain personal data read from a document."""

    code = "internal"
    #: the contract error code this maps to in a document object
    contract_code = "unreadable"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class UnreadableError(WaiverscanError):
    code = contract_code = "unreadable"


class EncryptedError(WaiverscanError):
    code = contract_code = "encrypted"


class UnsupportedTypeError(WaiverscanError):
    code = contract_code = "unsupported_type"


class TooLargeError(WaiverscanError):
    code = contract_code = "too_large"


class EmptyError(WaiverscanError):
    code = contract_code = "empty"


class OcrError(WaiverscanError):
    """The OCR engine failed or is missing; the file itself may be fine."""

    code = "ocr_failed"
    contract_code = "unreadable"


class OcrTimeoutError(OcrError):
    code = "ocr_timeout"


class ToolMissingError(WaiverscanError):
    """An external program (tesseract) is not installed."""

    code = "tool_missing"


#: exit codes of the CLI, one per error code (0 = success, 1 = usage is argparse's 2)
EXIT_CODES = {
    "ok": 0,
    "internal": 1,
    "usage": 2,
    "unreadable": 3,
    "encrypted": 4,
    "unsupported_type": 5,
    "too_large": 6,
    "empty": 7,
    "ocr_failed": 8,
    "ocr_timeout": 9,
    "tool_missing": 10,
    # runs and the store (waiverscan scan, waiverscan audit)
    "store_unavailable": 11,
    "file_timeout": 12,
    "chain_broken": 13,
}


def exit_code_for(error: BaseException | None) -> int:
    if error is None:
        return 0
    code = getattr(error, "code", "internal")
    return EXIT_CODES.get(code, 1)
