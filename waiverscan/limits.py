"""Limits the CLI and the review UI share (the shell configures the UI: the UI reads
these, the shell never imports the UI)."""

#: the largest file the review UI's client check accepts (Streamlit refuses bigger ones
#: before holding them in memory: `waiverscan review` passes it as maxUploadSize)
MAX_UPLOAD_BYTES = 100 * 1024 * 1024
