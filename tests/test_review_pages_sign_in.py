"""AppTest: no page shows anything of the archive before sign-in; a wrong password is
refused; the right one opens the queue."""
from __future__ import annotations

import pytest

from review_apptest import page, texts
from review_store import PASSWORD, review_db  # noqa: F401


@pytest.mark.parametrize("name", ["queue", "record", "case", "dashboard", "client"])
def test_every_page_requires_sign_in(review_db, name):
    at = page(name, review_db).run()
    assert not at.exception
    assert "sign in" in texts(at)
    assert not at.dataframe and not at.table and not at.header  # nothing of the page's own content


def test_sign_in_form(review_db):
    at = page("app", review_db).run()
    at.text_input(key="sign_in_name").input("rita")
    at.text_input(key="sign_in_password").input("not the password")
    at.button[0].click().run()
    assert "Wrong user name or password" in texts(at) and not at.dataframe and not at.table
    at.text_input(key="sign_in_password").input(PASSWORD)
    at.button[0].click().run()
    assert not at.exception
    assert "Review queue" in texts(at) and at.table
    assert "Signed in as **rita** (reviewer)" in texts(at)
