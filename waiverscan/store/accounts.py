"""Local accounts of the review UI: users, sign-in sessions, counsel assignments.

Passwords are kept only as argon2id hashes (argon2-cffi's defaults: a random 16-byte
salt per hash, memory-hard, ~50 ms to check), so a copy of the database does not give
the passwords away and guessing them offline is slow. A session is a random token
handed to the browser session; the store keeps only its sha256 and an expiry, renewed
on use up to a hard limit, so a forgotten tab stops working by itself.

Counsel see only the A-numbers assigned to them (:func:`assigned_a_numbers`); what that
means for each page is enforced in ``review_ui.access``.
"""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Optional

from sqlalchemy import delete, select

from waiverscan.store.models import Assignment, User, UserSession

if TYPE_CHECKING:
    from waiverscan.store import Store

ROLES = ("reviewer", "investigator", "counsel", "admin")
#: a session idle this long ends; one never lasts longer than MAX_SESSION in all
IDLE_TIMEOUT = timedelta(minutes=30)
MAX_SESSION = timedelta(hours=10)
MIN_PASSWORD = 8


class AccountError(ValueError):
    """A bad account request (unknown role or user, weak password, duplicate name)."""


@dataclass(frozen=True)
class Account:
    id: int
    name: str
    role: str


def _hasher():
    from argon2 import PasswordHasher
    return PasswordHasher()


def hash_password(password: str) -> str:
    """An argon2id PHC string (salt and parameters included)."""
    return _hasher().hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError
    try:
        return _hasher().verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _aware(t: datetime) -> datetime:
    """SQLite gives datetimes back without tzinfo (they were stored in UTC)."""
    return t if t.tzinfo is not None else t.replace(tzinfo=timezone.utc)


def normalise_a(raw: str) -> str:
    from scoring.cases import normalise_a_number
    a = normalise_a_number(raw)
    if not a:
        raise AccountError("an A-number is required")
    return a


def add_user(store: "Store", name: str, role: str, password: str) -> Account:
    name = (name or "").strip()
    if not name:
        raise AccountError("a user name is required")
    if role not in ROLES:
        raise AccountError(f"role must be one of {', '.join(ROLES)}")
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"the password must have at least {MIN_PASSWORD} characters")
    with store.session() as s:
        if s.scalar(select(User.id).where(User.name == name)) is not None:
            raise AccountError(f"user {name!r} exists already")
        user = User(name=name, role=role, password_hash=hash_password(password),
                    active=True, created=_now())
        s.add(user)
        s.flush()
        return Account(user.id, user.name, user.role)


def get_user(store: "Store", name: str) -> Optional[Account]:
    with store.session() as s:
        u = s.scalar(select(User).where(User.name == name, User.active.is_(True)))
        return None if u is None else Account(u.id, u.name, u.role)


def list_users(store: "Store") -> list[Account]:
    with store.session() as s:
        return [Account(u.id, u.name, u.role) for u in s.scalars(select(User).order_by(User.name))]


def authenticate(store: "Store", name: str, password: str) -> Optional[Account]:
    """The account when name and password match an active user, else None."""
    with store.session() as s:
        u = s.scalar(select(User).where(User.name == (name or "").strip(), User.active.is_(True)))
        if u is None:
            hash_password(password or "x")  # same cost either way: no user-name probing by timing
            return None
        if not verify_password(u.password_hash, password or ""):
            return None
        return Account(u.id, u.name, u.role)


def start_session(store: "Store", account: Account, *, now: Optional[datetime] = None) -> str:
    """A new session token for a signed-in account (only its hash is stored)."""
    now = now or _now()
    token = secrets.token_urlsafe(32)
    with store.session() as s:
        # expired sessions of anyone are dropped here: the table stays small
        s.execute(delete(UserSession).where(UserSession.expires < now))
        s.add(UserSession(token_hash=_token_hash(token), user_id=account.id, created=now,
                          expires=now + IDLE_TIMEOUT))
    return token


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def session_account(store: "Store", token: Optional[str], *,
                    now: Optional[datetime] = None) -> Optional[Account]:
    """The account behind a live session token (and the session's idle expiry pushed
    on), or None when the token is unknown, expired or its user deactivated."""
    if not token:
        return None
    now = now or _now()
    with store.session() as s:
        row = s.get(UserSession, _token_hash(token))
        if row is None:
            return None
        if _aware(row.expires) <= now or now - _aware(row.created) >= MAX_SESSION:
            s.delete(row)
            return None
        user = s.get(User, row.user_id)
        if user is None or not user.active:
            return None
        row.expires = min(now + IDLE_TIMEOUT, _aware(row.created) + MAX_SESSION)
        return Account(user.id, user.name, user.role)


def end_session(store: "Store", token: Optional[str]) -> None:
    if token:
        with store.session() as s:
            s.execute(delete(UserSession).where(UserSession.token_hash == _token_hash(token)))


def assign(store: "Store", name: str, a_number: str) -> str:
    """Give counsel ``name`` access to one A-number; returns it normalised."""
    a = normalise_a(a_number)
    with store.session() as s:
        u = s.scalar(select(User).where(User.name == name))
        if u is None:
            raise AccountError(f"no user {name!r}")
        if u.role != "counsel":
            raise AccountError(f"{name!r} is {u.role}: only counsel accounts take assignments")
        if s.scalar(select(Assignment.id).where(Assignment.user_id == u.id,
                                                Assignment.a_number == a)) is None:
            s.add(Assignment(user_id=u.id, a_number=a))
    return a


def assigned_a_numbers(store: "Store", account: Account) -> frozenset[str]:
    with store.session() as s:
        return frozenset(s.scalars(select(Assignment.a_number)
                                   .where(Assignment.user_id == account.id)))
