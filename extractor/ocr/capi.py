"""Tesseract in this process, through libtesseract's C API (ctypes, no build step).

The `tesseract` command loads its language models every time it starts (eng+spa:
~0.12 s of CPU), once per page and once per field re-read: a fifth of a page's OCR.
Here a process keeps one initialised engine per language set and only recognises.
It is the same library the command runs, given the same image, page segmentation
mode and variables, and its TSV is the command's, so the words are the same
(tests/test_tesseract_wrapper.py compares the two).

Tesseract keeps many variables process-wide (``textord_heavy_nr`` set on one engine
is set for all), so every variable any call has set is put back, on every call, to
what that call asks for or to its default; and one call runs at a time per process
(``busy()`` lets a second thread use the command instead of waiting).

:mod:`extractor.ocr.tesseract` uses this when ``libtesseract.so.5`` loads and falls
back to the command otherwise.

Why not tesserocr: it binds the same library, so pages cost the same (the bench's
in-process baseline is this binding: ~5 ms of call overhead on a blank crop against
seconds a page). Its PyPI wheels (2.13) bundle their own Tesseract 5.5.4 beside
Debian's 5.3 that the command fallback, the bench and the hand model's training use,
so the two paths could read different words; building it against Debian's library
instead needs Cython and libtesseract-dev. ~200 lines of ctypes over the stable C API
cost less than either.
"""
from __future__ import annotations

import ctypes
import os
import threading
import time
from typing import Optional

import numpy as np

#: the ABI this binding is written against (Tesseract 5: Debian 12's libtesseract5)
LIBRARY = "libtesseract.so.5"
LEPTONICA = "liblept.so.5"
_LEPT_SEVERITY_NONE = 6  # leptonica's L_SEVERITY_NONE


class CapiError(RuntimeError):
    """The engine could not start (library or language data missing) or failed."""


class DeadlineExceeded(CapiError):
    pass


class LanguageMissing(CapiError):
    """The language data asked for is not installed."""


_lib: Optional[ctypes.CDLL] = None
_lib_error: Optional[str] = None
_load_lock = threading.Lock()
#: one recognition at a time in a process: the engines share global variables
_run_lock = threading.Lock()
_engines: dict[str, "_Engine"] = {}
#: every variable a call has set, with the value it had before (its default)
_defaults: dict[str, str] = {}


def _load() -> ctypes.CDLL:
    global _lib, _lib_error
    if _lib is not None:
        return _lib
    with _load_lock:
        if _lib is None and _lib_error is None:
            # OpenMP reads its thread limit when libgomp loads: set it first, as for
            # the command (parallelism is across pages, not inside one)
            os.environ.setdefault("OMP_THREAD_LIMIT", "1")
            try:
                lib = ctypes.CDLL(LIBRARY)
                _declare(lib)
                # leptonica reports boxes clipped at the page edge on stderr; the
                # command's stderr was thrown away, this process's is the user's
                lept = ctypes.CDLL(LEPTONICA)
                lept.setMsgSeverity.argtypes = [ctypes.c_int]
                lept.setMsgSeverity(_LEPT_SEVERITY_NONE)
            except (OSError, AttributeError) as exc:
                _lib_error = str(exc)
            else:
                _lib = lib
    if _lib is None:
        raise CapiError(f"libtesseract cannot be loaded: {_lib_error}")
    return _lib


def available() -> bool:
    try:
        _load()
        return True
    except CapiError:
        return False


def _declare(lib: ctypes.CDLL) -> None:
    p, c, i = ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int
    ip, dp = ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_double)
    sig = {
        "TessVersion": ([], c),
        "TessBaseAPICreate": ([], p),
        "TessBaseAPIDelete": ([p], None),
        "TessBaseAPIInit3": ([p, c, c], i),
        "TessBaseAPISetVariable": ([p, c, c], i),
        "TessBaseAPIGetStringVariable": ([p, c], c),
        "TessBaseAPIGetIntVariable": ([p, c, ip], i),
        "TessBaseAPIGetBoolVariable": ([p, c, ip], i),
        "TessBaseAPIGetDoubleVariable": ([p, c, dp], i),
        "TessBaseAPISetPageSegMode": ([p, i], None),
        "TessBaseAPISetImage": ([p, p, i, i, i, i], None),
        "TessBaseAPIRecognize": ([p, p], i),
        "TessBaseAPIGetTsvText": ([p, i], p),
        "TessBaseAPIClear": ([p], None),
        "TessDeleteText": ([p], None),
        "TessMonitorCreate": ([], p),
        "TessMonitorDelete": ([p], None),
        "TessMonitorSetDeadlineMSecs": ([p, i], None),
    }
    for name, (args, res) in sig.items():
        fn = getattr(lib, name)
        fn.argtypes, fn.restype = args, res


def version() -> str:
    return _load().TessVersion().decode()


def busy() -> bool:
    """Another thread of this process is recognising a page right now."""
    return _run_lock.locked()


class _Engine:
    """One initialised TessBaseAPI (one language set), reused page after page."""

    def __init__(self, lang: str, datapath: Optional[str] = None):
        lib = self.lib = _load()
        self.handle = lib.TessBaseAPICreate()
        # Tesseract's own messages ("Estimating resolution as ...") go nowhere, as
        # the command's stderr did
        lib.TessBaseAPISetVariable(self.handle, b"debug_file", b"/dev/null")
        if lib.TessBaseAPIInit3(self.handle, datapath.encode() if datapath else None,
                                lang.encode()) != 0:
            lib.TessBaseAPIDelete(self.handle)
            self.handle = None
            raise LanguageMissing(f"tesseract language data for {lang!r} is not installed")

    def value(self, name: str) -> str:
        """A variable's current value, as text SetVariable takes back."""
        lib, h, key = self.lib, self.handle, name.encode()
        s = lib.TessBaseAPIGetStringVariable(h, key)
        if s is not None:
            return s.decode()
        n, d = ctypes.c_int(), ctypes.c_double()
        if lib.TessBaseAPIGetIntVariable(h, key, ctypes.byref(n)):
            return str(n.value)
        if lib.TessBaseAPIGetBoolVariable(h, key, ctypes.byref(n)):
            return "1" if n.value else "0"
        if lib.TessBaseAPIGetDoubleVariable(h, key, ctypes.byref(d)):
            return repr(d.value)
        raise CapiError(f"unknown tesseract variable {name!r}")

    def set(self, name: str, value: str) -> None:
        if not self.lib.TessBaseAPISetVariable(self.handle, name.encode(), value.encode()):
            raise CapiError(f"tesseract variable {name!r} cannot be set")

    def tsv(self, image: np.ndarray, psm: int, variables: dict[str, str],
            timeout: float) -> str:
        lib, h = self.lib, self.handle
        for name in variables:
            if name not in _defaults:
                _defaults[name] = self.value(name)
        for name, default in _defaults.items():
            self.set(name, variables.get(name, default))
        lib.TessBaseAPISetPageSegMode(h, psm)
        img = np.ascontiguousarray(image, dtype=np.uint8)
        lib.TessBaseAPISetImage(h, img.ctypes.data, img.shape[1], img.shape[0], 1,
                                img.strides[0])
        monitor = lib.TessMonitorCreate()
        try:
            lib.TessMonitorSetDeadlineMSecs(monitor, max(1, int(timeout * 1000)))
            t0 = time.monotonic()
            failed = lib.TessBaseAPIRecognize(h, monitor) != 0
            if time.monotonic() - t0 >= timeout:
                raise DeadlineExceeded(f"recognition passed its {timeout:.0f}s deadline")
            if failed:
                raise CapiError("recognition failed")
            ptr = lib.TessBaseAPIGetTsvText(h, 0)
            if not ptr:
                raise CapiError("no TSV output")
            try:
                return ctypes.string_at(ptr).decode("utf-8", "replace")
            finally:
                lib.TessDeleteText(ptr)
        finally:
            lib.TessMonitorDelete(monitor)
            lib.TessBaseAPIClear(h)  # drop the page's image and results, keep the models


def ocr_tsv(image: np.ndarray, lang: str, psm: int, variables: dict[str, str],
            timeout: float, datapath: Optional[str] = None) -> str:
    """Tesseract's TSV rows (no header line) for a greyscale uint8 image; ``datapath``:
    the directory holding ``lang``'s traineddata (default: Tesseract's own)."""
    if image.ndim != 2:
        raise ValueError("ocr_tsv takes a greyscale image")
    key = f"{datapath}:{lang}" if datapath else lang
    with _run_lock:
        if key not in _engines:
            _engines[key] = _Engine(lang, datapath)
        return _engines[key].tsv(image, psm, variables, timeout)
