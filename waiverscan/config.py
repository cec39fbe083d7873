"""Settings read by more than one layer. Here, at the bottom of the shell, so both the
CLI (`waiverscan review` passes the limit to Streamlit) and the review UI (which refuses
a bigger upload itself) read the same number without the shell importing the UI."""
from __future__ import annotations

#: the largest file the review UI accepts for a client check (bytes)
UPLOAD_MAX_BYTES = 100 * 1024 * 1024
