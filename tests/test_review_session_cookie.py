"""A signed-in tab survives a reload: the session token goes into a SameSite=Strict
cookie at sign-in, a reloaded tab's cookie is taken back only while the store says the
session is live, and a dead one is cleared."""
from __future__ import annotations

import pytest

import review_ui.ui as ui
from review_apptest import page, texts
from review_store import PASSWORD, review_db  # noqa: F401
from review_ui.browser import COOKIE, cookie_token, set_cookie_html
from waiverscan.store import open_store
from waiverscan.store.accounts import end_session, get_user, start_session


def _scripts(at) -> list[str]:
    return [e.proto.body for e in at.get("html")]


def _token(url, user):
    store = open_store(url)
    try:
        return start_session(store, get_user(store, user))
    finally:
        store.close()


def test_review_session_cookie_set_at_sign_in(review_db):
    at = page("app", review_db).run()
    assert not any("Max-Age=36000" in s for s in _scripts(at))
    at.text_input(key="sign_in_name").input("rita")
    at.text_input(key="sign_in_password").input(PASSWORD)
    at.button[0].click().run()
    token = at.session_state[ui.TOKEN_KEY]
    sets = [s for s in _scripts(at) if token in s]
    assert len(sets) == 1  # 10 hours: the session's whole possible life
    assert f"{COOKIE}={token}; Path=/; Max-Age=36000; SameSite=Strict" in sets[0]
    at.run()  # written once: later runs do not repeat the token
    assert not any(token in s for s in _scripts(at))
    assert "Review queue" in texts(at)


def test_review_session_cookie_reload_takes_a_live_session_back(review_db, monkeypatch):
    token = _token(review_db, "rita")
    monkeypatch.setattr(ui, "cookie_token", lambda cookies: token)
    at = page("queue", review_db).run()  # a new tab session: nothing in session_state
    assert not at.exception and "Review queue" in texts(at) and at.table
    assert at.session_state[ui.TOKEN_KEY] == token


@pytest.mark.parametrize("how", ["signed out", "unknown"])
def test_review_session_cookie_dead_session_is_refused_and_cleared(review_db, monkeypatch, how):
    token = _token(review_db, "rita")
    if how == "signed out":
        store = open_store(review_db)
        end_session(store, token)
        store.close()
    else:
        token = "x" * 43
    monkeypatch.setattr(ui, "cookie_token", lambda cookies: token)
    at = page("queue", review_db).run()
    assert "sign in" in texts(at) and not at.dataframe and not at.table
    assert any(f"{COOKIE}=; Path=/; Max-Age=0; SameSite=Strict" in s for s in _scripts(at))


def test_review_session_cookie_token_shape():
    good = "A" * 43
    assert cookie_token({COOKIE: good}) == good
    assert cookie_token({COOKIE: 'a"; alert(1); "' + "a" * 30}) is None
    assert cookie_token({"other": good}) is None and cookie_token(None) is None
    with pytest.raises(ValueError):
        set_cookie_html("</script><script>x", 60)
