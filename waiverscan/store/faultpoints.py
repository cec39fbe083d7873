"""Named points between the stages of a run, where the crash-safety tests kill it.

``point(label, source)`` is called at each stage boundary of a scan (run started, file
hashed, result received, document written but not committed, committed, run
finishing...). It does nothing unless a test installed ``hook`` in this process (the
tests' scan driver, ``tests/batch_faults.py``, installs one that SIGKILLs the run at
its N-th point); nothing in the program sets it, and no environment variable does.
"""
from __future__ import annotations

from typing import Callable, Optional

#: set only by tests: called with (label, file path or None) at every point
hook: Optional[Callable[[str, Optional[str]], None]] = None


def point(label: str, source: Optional[str] = None) -> None:
    if hook is not None:
        hook(label, source)
