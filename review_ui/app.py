"""The review UI's entry point: `waiverscan review` runs `streamlit run` on this file.

Sign-in first (every page checks it again), then the pages this account's role uses.
The store is named by the WAIVERSCAN_DB environment variable.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `streamlit run` puts only review_ui/ on the path
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

from review_ui.ui import current_account, signed_in  # noqa: E402

st.set_page_config(page_title="waiverscan review", layout="wide")
HERE = Path(__file__).resolve().parent / "views"
account = current_account()
if account is not None and account.role == "counsel":
    # counsel land on their clients' page; the queue is for those who decide
    pages = [st.Page(str(HERE / "client.py"), title="Client check", default=True),
             st.Page(str(HERE / "case.py"), title="Case"),
             st.Page(str(HERE / "record.py"), title="Record")]
else:
    pages = [st.Page(str(HERE / "queue.py"), title="Queue", default=True),
             st.Page(str(HERE / "record.py"), title="Record"),
             st.Page(str(HERE / "case.py"), title="Case"),
             st.Page(str(HERE / "dashboard.py"), title="Dashboard"),
             st.Page(str(HERE / "client.py"), title="Client check")]
# navigation first, so the page and query named in the URL (a link to one record) are
# kept through sign-in; signed out, the page list is hidden and the sign-in form shown
nav = st.navigation(pages, position="sidebar" if account else "hidden")
signed_in(sidebar=True)
nav.run()
