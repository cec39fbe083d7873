"""Sign-in resists brute force: every attempt is charged to its user name (and source
address) before the password is checked, a name locks after FREE_TRIES with a delay
doubling up to MAX_DELAY, the counts live in the store (another process, a restart and
parallel guessers all see them), and an unknown name behaves exactly like a known one
(same lockout, same time)."""
from __future__ import annotations

import multiprocessing
import statistics
import time
from datetime import datetime, timedelta, timezone

import pytest

from waiverscan.store import open_store
from waiverscan.store import accounts
from waiverscan.store.accounts import (BASE_DELAY, FREE_TRIES, MAX_DELAY, SOURCE_FREE_TRIES,
                                       SignInThrottled, add_user, authenticate,
                                       clear_sign_in_failures)

PW = "long enough pw"
T0 = datetime(2026, 1, 5, 9, 0, tzinfo=timezone.utc)


@pytest.fixture(autouse=True)
def cheap_hashes(request, monkeypatch):
    """argon2id at its smallest cost: these tests count attempts, not hash work (the
    timing test keeps the real cost). Fork-started processes inherit the patch."""
    if "take_as_long" in request.node.name:
        yield
        return
    from argon2 import PasswordHasher
    monkeypatch.setattr(accounts, "_hasher",
                        lambda: PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    accounts._dummy_hash.cache_clear()
    yield
    accounts._dummy_hash.cache_clear()


@pytest.fixture
def store(tmp_path):
    s = open_store(f"sqlite:///{tmp_path / 'a.db'}")
    add_user(s, "rita", "reviewer", PW)
    yield s
    s.close()


def _fail(store, name, n, now, **kw):
    """n wrong passwords; how many were checked (None) before a lockout."""
    checked = 0
    for _ in range(n):
        try:
            assert authenticate(store, name, "wrong guess", now=now, **kw) is None
            checked += 1
        except SignInThrottled:
            break
    return checked


@pytest.mark.parametrize("name", ["rita", "nobody-here"])
def test_accounts_throttle_locks_known_and_unknown_names_alike(store, name):
    assert _fail(store, name, FREE_TRIES + 3, T0) == FREE_TRIES
    with pytest.raises(SignInThrottled) as e:  # the right password is not even checked
        authenticate(store, name, PW, now=T0 + timedelta(seconds=1))
    assert e.value.retry_after == BASE_DELAY - timedelta(seconds=1)
    assert "try again in 29 seconds" in str(e.value)


def test_accounts_throttle_delay_doubles_to_the_cap_and_success_resets(store):
    t = T0
    _fail(store, "rita", FREE_TRIES, t)
    waits = []
    for _ in range(8):
        with pytest.raises(SignInThrottled) as e:
            authenticate(store, "rita", "wrong guess", now=t)
        waits.append(e.value.retry_after)
        t += e.value.retry_after  # wait it out, then fail once more
        assert authenticate(store, "rita", "wrong guess", now=t) is None
    assert waits[:4] == [BASE_DELAY, 2 * BASE_DELAY, 4 * BASE_DELAY, 8 * BASE_DELAY]
    assert waits[-1] == MAX_DELAY and max(waits) == MAX_DELAY
    with pytest.raises(SignInThrottled):
        authenticate(store, "rita", PW, now=t)
    t += MAX_DELAY
    assert authenticate(store, "rita", PW, now=t).name == "rita"
    # a success starts the name afresh: FREE_TRIES failures again before a lockout
    assert _fail(store, "rita", FREE_TRIES + 1, t) == FREE_TRIES


def test_accounts_throttle_attempts_while_locked_do_not_lengthen_it(store):
    _fail(store, "rita", FREE_TRIES, T0)
    for s in range(1, 20):
        with pytest.raises(SignInThrottled):
            authenticate(store, "rita", "wrong guess", now=T0 + timedelta(seconds=s))
    assert authenticate(store, "rita", PW, now=T0 + BASE_DELAY).name == "rita"


def test_accounts_throttle_is_forgotten_after_a_quiet_day_and_admin_unlock(store):
    _fail(store, "rita", FREE_TRIES - 1, T0)
    later = T0 + accounts.RESET_AFTER + timedelta(seconds=1)
    assert _fail(store, "rita", FREE_TRIES + 1, later) == FREE_TRIES
    clear_sign_in_failures(store, "rita")
    assert authenticate(store, "rita", PW, now=later).name == "rita"


def test_accounts_throttle_survives_restart_and_other_handles(tmp_path):
    url = f"sqlite:///{tmp_path / 'a.db'}"
    first = open_store(url)
    add_user(first, "rita", "reviewer", PW)
    _fail(first, "rita", FREE_TRIES, T0)
    first.close()  # "restart"
    second, third = open_store(url), open_store(url)
    for s in (second, third):
        with pytest.raises(SignInThrottled):
            authenticate(s, "rita", PW, now=T0 + timedelta(seconds=5))
    second.close()
    third.close()


def test_accounts_throttle_per_source_covers_many_names(store):
    names = [f"guess{i}" for i in range(SOURCE_FREE_TRIES)]
    for n in names:  # one try per name: no name is locked, the source is
        assert _fail(store, n, 1, T0, source="203.0.113.7") == 1
    with pytest.raises(SignInThrottled):
        authenticate(store, "rita", PW, now=T0, source="203.0.113.7")
    assert authenticate(store, "rita", PW, now=T0, source="198.51.100.2").name == "rita"


def test_accounts_throttle_source_success_refunds_but_does_not_reset(store):
    src = "203.0.113.9"
    for i in range(SOURCE_FREE_TRIES - 2):
        _fail(store, f"guess{i}", 1, T0, source=src)
    for _ in range(3):  # an attacker's own good account does not wipe the count
        assert authenticate(store, "rita", PW, now=T0, source=src).name == "rita"
    assert _fail(store, "other", 3, T0, source=src) == 2


def _guesser(url, n, out):
    s = open_store(url, upgrade=False)
    checked = 0
    for _ in range(n):
        try:
            authenticate(s, "rita", "wrong guess")
            checked += 1
        except SignInThrottled:
            pass
    s.close()
    out.put(checked)


def test_accounts_throttle_holds_against_parallel_processes(store_url):
    """Four processes guessing at once get FREE_TRIES password checks between them, not
    FREE_TRIES each (the attempt is charged before the slow check)."""
    s = open_store(store_url)
    add_user(s, "rita", "reviewer", PW)
    s.close()
    ctx = multiprocessing.get_context("fork")
    out = ctx.Queue()
    procs = [ctx.Process(target=_guesser, args=(store_url, FREE_TRIES, out)) for _ in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    assert all(p.exitcode == 0 for p in procs)
    total = sum(out.get(timeout=5) for _ in procs)
    assert total == FREE_TRIES


def test_accounts_throttle_unknown_names_take_as_long_as_known(store, monkeypatch):
    monkeypatch.setattr(accounts, "FREE_TRIES", 10_000)  # measure the check, not the lock
    authenticate(store, "warm-up", "x")
    known, unknown = [], []
    for i in range(10):  # interleaved, so load on the machine hits both alike
        t = time.perf_counter()
        authenticate(store, "rita", f"wrong {i}")
        known.append(time.perf_counter() - t)
        t = time.perf_counter()
        authenticate(store, f"nobody{i}", f"wrong {i}")
        unknown.append(time.perf_counter() - t)
    ratio = statistics.median(unknown) / statistics.median(known)
    # without the dummy verify an unknown name answers ~50x faster; with it, alike
    assert 0.6 < ratio < 1.6, (statistics.median(known), statistics.median(unknown))


def test_accounts_throttle_admin_unlocks_from_the_command_line(tmp_path, capsys):
    from waiverscan import cli
    url = f"sqlite:///{tmp_path / 'a.db'}"
    s = open_store(url)
    add_user(s, "rita", "reviewer", PW)
    _fail(s, "rita", FREE_TRIES, datetime.now(timezone.utc))
    with pytest.raises(SignInThrottled):
        authenticate(s, "rita", PW)
    assert cli.main(["users", "unlock", "rita", "--db", url]) == 0
    assert "cleared" in capsys.readouterr().out
    assert authenticate(s, "rita", PW).name == "rita"
    s.close()
