"""Running the review UI's pages in Streamlit's AppTest, signed in or not."""
from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

UI = Path(__file__).resolve().parent.parent / "review_ui"


def page(name: str, url: str, user: str | None = None) -> AppTest:
    """An AppTest of ``review_ui/views/<name>.py`` (or ``app``), with a live session of
    ``user`` when given (as the sign-in form would leave it)."""
    from review_ui.ui import TOKEN_KEY
    from waiverscan.store import open_store
    from waiverscan.store.accounts import get_user, start_session
    path = UI / "app.py" if name == "app" else UI / "views" / f"{name}.py"
    at = AppTest.from_file(str(path), default_timeout=60)
    if user:
        store = open_store(url)
        at.session_state[TOKEN_KEY] = start_session(store, get_user(store, user))
        store.close()
    return at


def texts(at: AppTest) -> str:
    """Everything the page shows as text (markdown, captions, alerts, headers)."""
    parts = []
    for kind in ("markdown", "caption", "error", "warning", "info", "success", "header",
                 "subheader", "title"):
        parts.extend(str(e.value) for e in getattr(at, kind))
    return "\n".join(parts)
