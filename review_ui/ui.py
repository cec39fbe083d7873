"""Streamlit glue shared by the pages: the store handle, the sign-in gate, escaping.

Every page starts with ``archive = signed_in()``: without a live session it shows the
sign-in form and stops the script, so no page body ever runs signed out. The session
token lives in the browser session's ``st.session_state`` and in a SameSite=Strict
cookie that brings it back after a reload (:mod:`review_ui.browser`; never in the URL);
it is checked against the store on every run, so an expired or revoked session ends at
the next click or reload.
"""
from __future__ import annotations

import html
import os
from typing import Any

import streamlit as st

from review_ui.access import Archive
from review_ui.browser import clear_cookie_html, cookie_token, set_cookie_html
from waiverscan.store import Store, open_store
from waiverscan.store.accounts import (MAX_SESSION, SignInThrottled, authenticate,
                                       end_session, session_account, start_session,
                                       wait_text)

TOKEN_KEY = "waiverscan_token"
COOKIE_PENDING = "waiverscan_set_cookie"


@st.cache_resource(show_spinner=False)
def _store(url: str) -> Store:
    return open_store(url)


def store() -> Store:
    return _store(os.environ.get("WAIVERSCAN_DB") or "sqlite:///waiverscan.db")


def current_account():
    """The signed-in account, or None (nothing drawn)."""
    return _live_account(store())


def _live_account(s: Store):
    """The account of the token signed in in this tab, else of the cookie the browser
    sent when the tab was (re)loaded (then kept for this tab); None when neither is a
    live session in the store."""
    account = session_account(s, st.session_state.get(TOKEN_KEY))
    if account is None:
        token = cookie_token(st.context.cookies)
        account = session_account(s, token)
        if account is not None:
            st.session_state[TOKEN_KEY] = token
    return account


def signed_in(*, sidebar: bool = False) -> Archive:
    """The signed-in account's view of the archive; shows sign-in and stops otherwise.
    ``sidebar``: also draw who is signed in and the sign-out button (the entry script
    does, once per run; the pages only check)."""
    s = store()
    account = _live_account(s)
    if account is None:
        st.session_state.pop(TOKEN_KEY, None)
        st.html(clear_cookie_html(), unsafe_allow_javascript=True)  # a dead token goes too
        _sign_in_form(s)
        st.stop()
    if not sidebar:
        return Archive(s, account)
    with st.sidebar:
        if st.session_state.pop(COOKIE_PENDING, False):  # just signed in: the cookie
            st.html(set_cookie_html(st.session_state[TOKEN_KEY], MAX_SESSION.total_seconds()),
                    unsafe_allow_javascript=True)
        st.caption(f"Signed in as **{esc(account.name)}** ({account.role})")
        if st.button("Sign out", key="sign_out"):
            end_session(s, st.session_state.pop(TOKEN_KEY, None))
            st.rerun()
    return Archive(s, account)


def _sign_in_form(s: Store) -> None:
    st.title("waiverscan review: sign in")
    with st.form("sign_in"):
        name = st.text_input("User name", key="sign_in_name")
        password = st.text_input("Password", type="password", key="sign_in_password")
        ok = st.form_submit_button("Sign in")
    if ok:
        try:  # throttled per user name and source address (accounts.authenticate)
            account = authenticate(s, name, password, source=_source_address())
        except SignInThrottled as exc:
            st.error(f"Too many failed sign-ins for this user name or from this address: "
                     f"try again in {wait_text(exc.retry_after)}.")
            return
        if account is None:
            st.error("Wrong user name or password.")
        else:
            st.session_state[TOKEN_KEY] = start_session(s, account)
            st.session_state[COOKIE_PENDING] = True
            st.rerun()


def _source_address():
    """The browser's address for the per-source sign-in limit (None on localhost)."""
    try:
        return st.context.ip_address
    except Exception:  # noqa: BLE001  (no client context, e.g. in AppTest)
        return None


def esc(v: Any) -> str:
    """Text for markdown: HTML-escaped and markdown-neutralised (document text may hold
    markup or script; it must show as text)."""
    text = v if isinstance(v, str) else "" if v is None else str(v)
    # markdown first (not < > &: html.escape turns those into entities, kept whole)
    for ch in "\\`*_{}[]()#+-.!|~$":
        text = text.replace(ch, "\\" + ch)
    return html.escape(text, quote=False).replace("\n", " ")
