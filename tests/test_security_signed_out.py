"""Every page script (the entry script and each view) demands sign-in, however it is
reached: no session, a link to a record or case, a forged token, an expired one, one of
a deactivated user. Nothing of the archive is rendered (no A-number, name, comment text
of either client), no table, no download, no page image. And the data access behind the
downloads refuses to work without a live account."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import update

from review_apptest import UI, page, texts
from review_ui.access import AccessDenied, Archive
from review_ui.ui import TOKEN_KEY
from security_store import (A, A_NAMES, _two_clients_built, leaks, media_capture,  # noqa: F401
                            rendered, two_clients)
from waiverscan.store import open_store
from waiverscan.store.accounts import Account, add_user, get_user, start_session
from waiverscan.store.models import User

PAGES = ["app", *sorted(p.stem for p in (UI / "views").glob("*.py"))]


def _token(ids, how):
    store = open_store(ids["url"])
    try:
        if how == "forged":
            return "x" * 43
        if how == "expired":
            return start_session(store, get_user(store, "rita"),
                                 now=datetime.now(timezone.utc) - timedelta(hours=11))
        # deactivated: a live session whose user was switched off afterwards
        name = f"gone{datetime.now().timestamp()}"
        token = start_session(store, add_user(store, name, "reviewer", "long enough pw"))
        with store.session() as s:
            s.execute(update(User).where(User.name == name).values(active=False))
        return token
    finally:
        store.close()


STATES = ["no session", "links to a record and a case", "forged token", "expired token",
          "deactivated user"]


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("name", PAGES)
def test_security_signed_out_page_shows_only_sign_in(two_clients, monkeypatch, name, state):
    media = media_capture(monkeypatch)
    at = page(name, two_clients["url"])
    if state.startswith("links"):
        at.query_params["record"] = two_clients["a_rid"]
        at.query_params["a"] = A
    elif state != "no session":
        at.session_state[TOKEN_KEY] = _token(two_clients, state.split()[0])
    at.run()
    assert not at.exception, at.exception
    shown = rendered(at)
    assert "sign in" in texts(at)
    assert leaks(shown, (A, *A_NAMES, A[1:], two_clients["b_sha"][:12])) == []
    assert not at.dataframe and not at.table and not at.get("download_button") and not at.get("imgs")
    assert media == []  # no download and no image was handed to the browser
    assert TOKEN_KEY not in at.session_state  # a dead token is dropped


def test_security_signed_out_page_list_matches_the_views():
    """A new page script is covered by the table above automatically; make sure the
    glob finds the ones the app links to."""
    assert {"queue", "record", "case", "dashboard", "client"} <= set(PAGES)


def test_security_signed_out_data_access_refuses(two_clients):
    store = open_store(two_clients["url"])
    try:
        rita = get_user(store, "rita")
        stale = [None, Account(rita.id, rita.name, "admin"),  # a role it no longer has
                 Account(9999, "nobody", "admin"), "rita"]
        for account in stale:
            with pytest.raises(AccessDenied):
                Archive(store, account)
        add_user(store, "leaver", "counsel", "long enough pw")
        leaver = get_user(store, "leaver")
        with store.session() as s:
            s.execute(update(User).where(User.name == "leaver").values(active=False))
        with pytest.raises(AccessDenied):
            Archive(store, leaver)
        # the control: a live account gets the downloads
        live = Archive(store, rita)
        assert A in live.cases_csv() and live.cases_xlsx()[:2] == b"PK"
        assert live.client_report_pdf(A)[:5] == b"%PDF-"
        assert live.page_image(two_clients["a_rid"], 1) is not None
    finally:
        store.close()
