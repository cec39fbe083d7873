"""Reviewers who disagree: `ReviewLog.conflicts` lists each check on which two or more
reviewers' latest settling decisions differ; and on PostgreSQL, two reviewers deciding
the same check at the same moment (real concurrent sessions, each with its own engine,
released together by a barrier) both keep their decision, the chain stays valid, and
the conflict is listed."""
from __future__ import annotations

import threading

import pytest

from waiverscan.store import open_store

ROUNDS = 30  # at least; more until RACES_LOST races were really lost and retried
RACES_LOST = 3
MAX_ROUNDS = 400


@pytest.fixture
def store(store_url):
    s = open_store(store_url)
    yield s
    s.close()


def _decide(store, rid, who, action, check="F-SUPERVISOR", **kw):
    value = {"accept": "fail", "reject": "pass"}.get(action)
    return store.reviews.add(rid, reviewer=who, action=action, check_id=check,
                             value_after=kw.pop("value_after", value), **kw)


def test_store_review_conflicts_listed_by_latest_outcome(store):
    _decide(store, "r1:0", "ana", "accept")
    _decide(store, "r1:0", "ben", "reject", note="the supervisor signed on page 2")
    _decide(store, "r2:0", "ana", "accept")  # agreement
    _decide(store, "r2:0", "ben", "accept")
    _decide(store, "r3:0", "ana", "reject", note="x")  # one reviewer changing their mind
    _decide(store, "r3:0", "ana", "accept")
    _decide(store, "r4:0", "ana", "reject", note="x")  # ... and so coming to agree
    _decide(store, "r4:0", "ben", "accept")
    _decide(store, "r4:0", "ana", "accept")
    _decide(store, "r5:0", "ana", "accept")  # a comment or escalation settles nothing
    store.reviews.add("r5:0", reviewer="cy", action="comment", check_id="F-SUPERVISOR", note="?")
    _decide(store, "r5:0", "dee", "escalate")
    _decide(store, "r6:0", "ana", "accept", check="F-SIGNED")  # different checks
    _decide(store, "r6:0", "ben", "reject", check="F-SUPERVISOR", note="x")
    _decide(store, "r7:0", "ana", "correct", field="parent_name", value_after="José Núñez")
    _decide(store, "r7:0", "ben", "correct", field="parent_name", value_after="Jose Nunez")
    _decide(store, "r7:0", "cy", "correct", field="parent_name", value_after="José Núñez")
    found = store.reviews.conflicts()
    assert [(c["record_id"], c["check_id"]) for c in found] == [("r1:0", "F-SUPERVISOR"),
                                                               ("r7:0", "F-SUPERVISOR")]
    assert [d["reviewer"] for d in found[0]["decisions"]] == ["ana", "ben"]
    assert [d["value_after"] for d in found[1]["decisions"]] == ["José Núñez", "Jose Nunez",
                                                                 "José Núñez"]
    assert store.reviews.conflicts("r7:0") == [found[1]]
    assert store.reviews.conflicts("r2:0") == []


def test_store_review_simultaneous_decisions_on_postgresql(postgres_server):
    url = postgres_server.new_database()
    open_store(url).close()  # migrated once, before the reviewers open theirs
    stores = [open_store(url, upgrade=False) for _ in range(2)]
    appends = [0, 0]  # transactions tried per reviewer: more than one = lost a race
    for i, s in enumerate(stores):
        call = s.retry.call

        def counted(fn, what="write", i=i, call=call):
            appends[i] += 1
            return call(fn, what)
        s.retry.call = counted
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def reviewer(i: int, rid: str) -> None:
        try:
            barrier.wait(timeout=30)
            if i == 0:
                _decide(stores[0], rid, "ana", "accept")
            else:
                _decide(stores[1], rid, "ben", "reject", note="the supervisor signed")
        except BaseException as exc:  # noqa: BLE001  (reported by the main thread)
            errors.append(exc)

    rounds = 0
    while rounds < ROUNDS or sum(appends) - 2 * rounds < RACES_LOST:
        assert rounds < MAX_ROUNDS, "the reviewers hardly ever met: no race to test"
        rid = f"{rounds:064x}:0"
        rounds += 1
        threads = [threading.Thread(target=reviewer, args=(i, rid)) for i in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
        assert not errors, errors
        hist = stores[0].reviews.history(rid)
        assert sorted(d["reviewer"] for d in hist) == ["ana", "ben"]  # neither lost
    log = stores[1].reviews
    assert len(log.history()) == 2 * rounds and log.verify() is None
    conflicts = log.conflicts()
    assert len(conflicts) == rounds
    assert all({d["reviewer"] for d in c["decisions"]} == {"ana", "ben"} for c in conflicts)
    print(f"\nconcurrent review runs: {rounds}, races lost and retried: "
          f"{sum(appends) - 2 * rounds}")
    for s in stores:
        s.close()
