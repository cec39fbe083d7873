"""The sign-in form under attack: a locked-out name gets a clear message and no access
(even with the right password), an unknown name the very same message; and no password
ever reaches a log, at DEBUG, whether the sign-in succeeds, fails or is throttled, nor
through `waiverscan users add`."""
from __future__ import annotations

import io
import logging
import sys

import pytest

from review_apptest import page, texts
from review_store import PASSWORD, review_db  # noqa: F401
from waiverscan.store import open_store
from waiverscan.store.accounts import FREE_TRIES, SignInThrottled, authenticate

LOCKED = "Too many failed sign-ins"


def _try(at, name, password):
    at.text_input(key="sign_in_name").input(name)
    at.text_input(key="sign_in_password").input(password)
    at.button[0].click().run()
    assert not at.exception
    return texts(at)


@pytest.mark.parametrize("name", ["rita", "no-such-user"])
def test_security_sign_in_form_shows_lockout(review_db, name):
    at = page("app", review_db).run()
    for i in range(FREE_TRIES):
        assert "Wrong user name or password" in _try(at, name, f"guess {i}")
    shown = _try(at, name, PASSWORD)
    assert LOCKED in shown and "try again in" in shown and "Wrong user name" not in shown
    assert not at.dataframe and not at.table and "Signed in as" not in shown
    if name == "rita":  # another name is not locked by rita's lockout
        at2 = page("app", review_db).run()
        assert "Signed in as **ivan**" in _try(at2, "ivan", PASSWORD)


def test_security_sign_in_passwords_never_logged(review_db, caplog, capsys, monkeypatch):
    from waiverscan import cli
    caplog.set_level(logging.DEBUG)  # every logger; these two set their own levels
    caplog.set_level(logging.DEBUG, logger="sqlalchemy")  # statements and parameters
    caplog.set_level(logging.DEBUG, logger="streamlit")
    secrets = {"right": PASSWORD, "wrong": "Wr0ng-but-Secret-9", "new": "N3w-User-Passphrase"}
    store = open_store(review_db)
    assert authenticate(store, "rita", PASSWORD).name == "rita"
    assert authenticate(store, "ivan", secrets["wrong"]) is None
    for _ in range(FREE_TRIES):
        try:
            authenticate(store, "ada", secrets["wrong"])
        except SignInThrottled:
            break
    store.close()
    at = page("app", review_db).run()
    _try(at, "rob", secrets["wrong"])
    _try(at, "rob", PASSWORD)
    monkeypatch.setattr(sys, "stdin", io.StringIO(secrets["new"] + "\n"))
    assert cli.main(["-vv", "users", "add", "newbie", "--role", "reviewer",
                     "--password-stdin", "--db", review_db]) == 0
    out, err = capsys.readouterr()
    logged = caplog.text + "\n".join(str(r.args) for r in caplog.records)
    # the logs did run: SQL statements, their parameters and rows (DEBUG)
    assert {logging.INFO, logging.DEBUG} <= {r.levelno for r in caplog.records
                                             if r.name.startswith("sqlalchemy.engine")}
    for label, pw in secrets.items():
        for where, text in (("log", logged), ("stdout", out), ("stderr", err)):
            assert pw not in text, (label, where)
