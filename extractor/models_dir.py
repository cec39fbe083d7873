"""Where the trained models are: the ``waiverscan_models`` package (the repository's
``models/`` folder, installed as package data), found with :mod:`importlib.resources`
rather than through the source tree, so an installed waiverscan reads the models it was
installed with.

A model that is missing or corrupt stops the reading with :class:`ModelMissingError`
(code ``tool_missing``: like a missing Tesseract, the file is fine and a re-run after
``make train-models`` reads it), never a silent fallback: a reader without its glyph
model used to lose hand-written A-numbers and dates without a word.
"""
from __future__ import annotations

import atexit
import contextlib
import functools
import importlib.resources
import struct
from pathlib import Path

from extractor.errors import ToolMissingError

PACKAGE = "waiverscan_models"
HINT = "run `make train-models`"


class ModelMissingError(ToolMissingError):
    """A trained model under models/ is missing or cannot be read."""


@functools.lru_cache(maxsize=1)
def root() -> Path:
    """The installed models folder, as a real directory (Tesseract and spaCy take paths)."""
    try:
        files = importlib.resources.files(PACKAGE)
    except ModuleNotFoundError:
        raise ModelMissingError(f"the trained models ({PACKAGE}, the repository's models/) "
                                "are not installed: run `make setup`") from None
    if isinstance(files, Path):
        return files
    # installed inside an archive: extracted once for the life of the process
    stack = contextlib.ExitStack()
    atexit.register(stack.close)
    return Path(stack.enter_context(importlib.resources.as_file(files)))


def missing(relative: str, what: str) -> ModelMissingError:
    return ModelMissingError(f"{what} (models/{relative}) is missing: {HINT}")


def corrupt(relative: str, what: str, why: str) -> ModelMissingError:
    return ModelMissingError(f"{what} (models/{relative}) cannot be read ({why}): {HINT}")


def model_file(relative: str, what: str) -> Path:
    """``models/<relative>``, a non-empty file; else :class:`ModelMissingError`."""
    path = root() / relative
    if not path.is_file():
        raise missing(relative, what)
    if path.stat().st_size == 0:
        raise corrupt(relative, what, "empty file")
    return path


def model_dir(relative: str, marker: str, what: str) -> Path:
    """``models/<relative>``, a folder holding ``marker``; else :class:`ModelMissingError`."""
    model_file(f"{relative}/{marker}", what)
    return root() / relative


def tessdata_dir(relative: str, lang: str, what: str) -> Path:
    """The folder of a Tesseract ``<lang>.traineddata``, checked for the container's
    shape (entry count, then one offset per entry, each -1 or inside the file and
    increasing): a truncated or overwritten file is reported here, not as a language
    Tesseract "does not have"."""
    name = f"{relative}/{lang}.traineddata"
    path = model_file(name, what)
    data = path.read_bytes()
    try:
        (count,) = struct.unpack_from("<i", data)
        if not 1 <= count <= 256:
            raise ValueError(f"{count} entries")
        offsets = [o for o in struct.unpack_from(f"<{count}q", data, 4) if o != -1]
    except (struct.error, ValueError) as exc:
        raise corrupt(name, what, f"not a traineddata file: {exc}") from None
    if not offsets or offsets != sorted(set(offsets)) or offsets[-1] >= len(data) \
            or offsets[0] < 4 + 8 * count:
        raise corrupt(name, what, "not a traineddata file: bad table of contents")
    return path.parent
