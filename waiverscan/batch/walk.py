"""The files of a batch run, in a deterministic order."""
from __future__ import annotations

import fnmatch
import os
from pathlib import Path
from typing import Iterable, Sequence


def walk(paths: Iterable[str | Path], exclude: Sequence[str] = ()) -> list[Path]:
    """Files under ``paths`` in a deterministic order (each argument in turn; a folder's
    files sorted by their path within it, folder by folder); hidden files and folders and names matching an
    ``exclude`` glob are left out; a file named twice is listed once."""
    out: list[Path] = []
    seen: set[str] = set()

    def keep(p: Path) -> bool:
        return not p.name.startswith(".") and not any(fnmatch.fnmatch(p.name, g) for g in exclude)

    def add(p: Path) -> None:
        key = os.path.realpath(p)
        if key not in seen:
            seen.add(key)
            out.append(p)

    for arg in paths:
        root = Path(arg)
        if root.is_dir():
            found = []
            for d, dirs, files in os.walk(root):
                dirs[:] = [x for x in dirs if not x.startswith(".")]
                found.extend(Path(d) / name for name in files)
            for p in sorted(found, key=lambda p: p.relative_to(root).parts):
                if keep(p) and p.is_file():
                    add(p)
        else:  # a file, or a path that does not exist: its failure is recorded
            add(root)
    return out
