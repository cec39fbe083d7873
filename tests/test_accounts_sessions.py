"""Sign-in sessions expire when idle and after a hard limit, and end on sign-out (on
SQLite and PostgreSQL: their datetimes come back differently)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from waiverscan.store import open_store
from waiverscan.store.accounts import (IDLE_TIMEOUT, MAX_SESSION, add_user, end_session,
                                       session_account, start_session)

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=timezone.utc)


def _store(url):
    store = open_store(url)
    return store, add_user(store, "rita", "reviewer", "long enough pw")


def test_idle_session_expires(store_url):
    store, acct = _store(store_url)
    token = start_session(store, acct, now=T0)
    assert session_account(store, token, now=T0 + IDLE_TIMEOUT - timedelta(seconds=1)) == acct
    # that use renewed it; a full idle period after the last use ends it
    last = T0 + IDLE_TIMEOUT - timedelta(seconds=1)
    assert session_account(store, token, now=last + IDLE_TIMEOUT + timedelta(seconds=1)) is None
    # and it stays gone
    assert session_account(store, token, now=last) is None
    store.close()


def test_active_session_ends_at_hard_limit(store_url):
    store, acct = _store(store_url)
    token = start_session(store, acct, now=T0)
    t = T0
    while t + IDLE_TIMEOUT / 2 < T0 + MAX_SESSION:
        t += IDLE_TIMEOUT / 2
        assert session_account(store, token, now=t) == acct
    assert session_account(store, token, now=T0 + MAX_SESSION) is None
    store.close()


def test_sign_out_and_unknown_tokens(store_url):
    store, acct = _store(store_url)
    token = start_session(store, acct, now=T0)
    assert session_account(store, "forged-token", now=T0) is None
    assert session_account(store, None, now=T0) is None
    end_session(store, token)
    assert session_account(store, token, now=T0) is None
    store.close()
