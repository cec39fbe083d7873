"""Passwords are stored only as salted argon2id hashes, and checked against them."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from waiverscan.store import open_store
from waiverscan.store.accounts import (AccountError, add_user, authenticate, hash_password,
                                       verify_password)
from waiverscan.store.models import User


def test_hash_is_salted_argon2id_and_verifies():
    a, b = hash_password("s3cret-pass"), hash_password("s3cret-pass")
    assert a.startswith("$argon2id$") and a != b  # a fresh salt per hash
    assert "s3cret-pass" not in a
    assert verify_password(a, "s3cret-pass") and not verify_password(a, "s3cret-pasS")
    assert not verify_password("not a hash", "s3cret-pass")


def test_store_keeps_no_plain_password_and_authenticates(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'a.db'}")
    add_user(store, "rita", "reviewer", "long enough pw")
    with store.session() as s:
        stored = s.scalar(select(User.password_hash).where(User.name == "rita"))
    assert stored.startswith("$argon2id$") and "long enough pw" not in stored
    assert authenticate(store, "rita", "long enough pw").role == "reviewer"
    assert authenticate(store, "rita", "wrong password") is None
    assert authenticate(store, "nobody", "long enough pw") is None
    assert b"long enough pw" not in (tmp_path / "a.db").read_bytes()
    store.close()


@pytest.mark.parametrize("name,role,pw", [("x", "boss", "long enough pw"),
                                          ("x", "reviewer", "short"),
                                          ("", "reviewer", "long enough pw")])
def test_bad_accounts_are_refused(tmp_path, name, role, pw):
    store = open_store(f"sqlite:///{tmp_path / 'a.db'}")
    with pytest.raises(AccountError):
        add_user(store, name, role, pw)
    store.close()


def test_duplicate_user_refused(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'a.db'}")
    add_user(store, "rita", "reviewer", "long enough pw")
    with pytest.raises(AccountError):
        add_user(store, "rita", "admin", "another long pw")
    store.close()
