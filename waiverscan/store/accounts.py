"""Local accounts of the review UI: users, sign-in sessions, counsel assignments.

Passwords are kept only as argon2id hashes (argon2-cffi's defaults: a random 16-byte
salt per hash, memory-hard, ~50 ms to check), so a copy of the database does not give
the passwords away and guessing them offline is slow. A session is a random token
handed to the browser session; the store keeps only its sha256 and an expiry, renewed
on use up to a hard limit, so a forgotten tab stops working by itself.

Counsel see only the A-numbers assigned to them (:func:`assigned_a_numbers`); what that
means for each page is enforced in ``review_ui.access``.

Brute force (issue 6): every sign-in attempt is charged to its user name, and to its
source address when there is one, *before* the password is checked (so a burst of
parallel guesses cannot all slip in before the first failure is counted). After
:data:`FREE_TRIES` charges the name is locked for :data:`BASE_DELAY`, doubling with each
further failure up to :data:`MAX_DELAY`; a success refunds the charge. Counts live in the
store (``sign_in_throttle``): they survive restarts and hold for every process. Unknown
names are charged and checked against a dummy hash exactly like known ones, so neither
timing nor lockout tells whether a name exists.
"""
from __future__ import annotations

import re

import hashlib
import secrets
from dataclasses import dataclass
from functools import lru_cache
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Optional

from sqlalchemy import delete, select

from waiverscan.store.models import Assignment, SignInThrottle, User, UserSession

if TYPE_CHECKING:
    from waiverscan.store import Store

ROLES = ("reviewer", "investigator", "counsel", "admin")
#: a session idle this long ends; one never lasts longer than MAX_SESSION in all
IDLE_TIMEOUT = timedelta(minutes=30)
MAX_SESSION = timedelta(hours=10)
MIN_PASSWORD = 8
#: sign-in attempts a user name gets before a lockout, then the first lockout, doubling
#: with every further failure up to the cap; failures are forgotten after a quiet day
FREE_TRIES = 5
BASE_DELAY = timedelta(seconds=30)
MAX_DELAY = timedelta(minutes=15)
RESET_AFTER = timedelta(hours=24)
#: one source address (many user names) gets more tries: offices share an address
SOURCE_FREE_TRIES = 20


class AccountError(ValueError):
    """A bad account request (unknown role or user, weak password, duplicate name)."""


class SignInThrottled(AccountError):
    """Too many failed sign-ins for this user name or from this source: wait."""

    def __init__(self, retry_after: timedelta):
        self.retry_after = retry_after
        super().__init__(f"too many failed sign-ins: try again in {wait_text(retry_after)}")


def wait_text(delta: timedelta) -> str:
    secs = max(1, int(delta.total_seconds() + 0.999))
    if secs < 90:
        return f"{secs} seconds"
    return f"{(secs + 59) // 60} minutes"


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


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    """A hash with the same parameters as real ones: an unknown name costs one verify
    too (no user-name probing by timing)."""
    return hash_password(secrets.token_urlsafe(16))


def authenticate(store: "Store", name: str, password: str, *,
                 source: Optional[str] = None, now: Optional[datetime] = None) -> Optional[Account]:
    """The account when name and password match an active user, else None.

    Raises :class:`SignInThrottled` (without checking the password) while the name, or
    the ``source`` address, is locked out after too many failures."""
    name = (name or "").strip()
    now = now or _now()
    keys = [(_throttle_key("user", name), FREE_TRIES)]
    if source:
        keys.append((_throttle_key("source", source), SOURCE_FREE_TRIES))
    _charge(store, keys, now)
    with store.session() as s:
        u = s.scalar(select(User).where(User.name == name, User.active.is_(True)))
        stored = u.password_hash if u is not None else _dummy_hash()
        account = None if u is None else Account(u.id, u.name, u.role)
    if not verify_password(stored, password or "") or account is None:
        return None
    _refund(store, keys)
    return account


def _throttle_key(kind: str, value: str) -> str:
    return hashlib.sha256(f"{kind}:{value}".encode("utf-8")).hexdigest()


def _delay(failures: int, free: int) -> timedelta:
    """The lockout after ``failures`` charged attempts (none below ``free``)."""
    if failures < free:
        return timedelta(0)
    return min(BASE_DELAY * (2 ** min(failures - free, 20)), MAX_DELAY)


def _charge(store: "Store", keys: list[tuple[str, int]], now: datetime) -> None:
    """Count one attempt against every key, or raise SignInThrottled (counting nothing)
    when any of them is locked."""
    with store.session() as s:
        # A write first: on SQLite it takes the database's write lock before anything is
        # read, so two processes cannot both read the same count; on PostgreSQL the
        # rows are locked below (FOR UPDATE). It also keeps the table small.
        s.execute(delete(SignInThrottle).where(SignInThrottle.last_failure < now - RESET_AFTER))
        rows = []
        for key, free in keys:
            # insert-if-missing that cannot collide with another process's insert
            s.execute(_insert(s).values(key=key, failures=0, last_failure=now)
                      .on_conflict_do_nothing(index_elements=["key"]))
            rows.append((s.scalar(select(SignInThrottle).where(SignInThrottle.key == key)
                                  .with_for_update()), free))
        wait = max((_aware(r.locked_until) - now for r, _ in rows if r.locked_until is not None),
                   default=timedelta(0))
        if wait > timedelta(0):
            # the raise rolls this transaction back: an attempt refused while locked is
            # not counted, so hammering a locked name does not lengthen its lockout
            raise SignInThrottled(wait)
        for r, free in rows:
            r.failures += 1
            r.last_failure = now
            delay = _delay(r.failures, free)
            r.locked_until = now + delay if delay else None


def _insert(s):
    if s.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(SignInThrottle)


def _refund(store: "Store", keys: list[tuple[str, int]]) -> None:
    """A successful sign-in: the name starts afresh; the source gets its try back (not a
    fresh start: an attacker with one good account must not reset a source's count)."""
    with store.session() as s:
        s.execute(delete(SignInThrottle).where(SignInThrottle.key == keys[0][0]))
        for key, free in keys[1:]:
            row = s.scalar(select(SignInThrottle).where(SignInThrottle.key == key)
                           .with_for_update())
            if row is not None:
                row.failures = max(0, row.failures - 1)
                if _delay(row.failures, free) == timedelta(0):
                    row.locked_until = None


def clear_sign_in_failures(store: "Store", name: str) -> None:
    """An admin lifts a user name's lockout (`waiverscan users unlock`)."""
    with store.session() as s:
        s.execute(delete(SignInThrottle).where(SignInThrottle.key == _throttle_key("user", name)))


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
    """Give counsel ``name`` access to one A-number; returns it normalised. An A-number
    is ``A`` + 8 or 9 digits (``A99`` is refused: it would match no case, silently)."""
    a = normalise_a(a_number)
    if not a or not re.fullmatch(r"A\d{9}", a):
        raise AccountError(f"{a_number!r} is not an A-number (A followed by 8 or 9 digits, "
                           f"e.g. A012345678)")
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
