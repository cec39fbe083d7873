"""Access control lives in review_ui.access (on SQLite and PostgreSQL): counsel see only assigned A-numbers, in
every read path; only deciding roles write decisions, attributed and append-only."""
from __future__ import annotations

import pytest

from review_store import P1, P2, P9, build_store
from review_ui.access import AccessDenied, Archive, record_a_number
from waiverscan.store import open_store
from waiverscan.store.accounts import get_user


@pytest.fixture
def store(store_url):  # SQLite and PostgreSQL
    s = open_store(build_store(store_url))
    yield s
    s.close()


def _as(store, name):
    return Archive(store, get_user(store, name))


def _record_of(store, a_number):
    for doc in store.iter_documents(status="scored"):
        for r in doc["records"]:
            if record_a_number(r) == a_number and r["kind"] == "waiver_form":
                return r["record_id"]
    raise AssertionError(a_number)


def test_counsel_sees_only_assigned_a_numbers_everywhere(store):
    counsel = _as(store, "carla")
    docs = list(counsel.documents())
    assert {record_a_number(r) for d in docs for r in d["records"]} == {P1}
    assert [c["a_number"] for c in counsel.report()["cases"]] == [P1]
    assert counsel.a_numbers() == [P1]
    assert all(i.a_number == P1 for i in counsel.queue())
    assert counsel.case(P1)["case"]["a_number"] == P1
    assert counsel.case("208-123-456")["case"]["a_number"] == P1  # any spelling of it
    with pytest.raises(AccessDenied):
        counsel.case(P2)
    with pytest.raises(AccessDenied):
        counsel.record(_record_of(store, P2))
    with pytest.raises(AccessDenied):
        counsel.history(_record_of(store, P2))


def test_counsel_history_hides_other_clients_decisions(store):
    rid2 = _record_of(store, P2)
    _as(store, "rita").decide(rid2, "F-DATED", "confirm")
    assert _as(store, "carla").history() == []
    assert len(_as(store, "ivan").history()) == 1


def test_reviewers_see_the_whole_archive(store):
    for name in ("rita", "ivan", "ada"):
        a = _as(store, name)
        assert {P1, P2, P9} <= set(a.a_numbers())
        assert a.record(_record_of(store, P2))["record"]["record_id"]


def test_decisions_are_attributed_and_counsel_cannot_decide(store):
    rid = _record_of(store, P2)
    with pytest.raises(AccessDenied):
        _as(store, "carla").decide(_record_of(store, P1), "F-DATED", "confirm")
    rita = _as(store, "rita")
    d = rita.decide(rid, "F-DATED", "confirm", note="date is 06/31")
    assert (d["reviewer"], d["action"], d["check_id"], d["value_before"], d["value_after"],
            d["note"]) == ("rita", "accept", "F-DATED", "fail", "fail", "date is 06/31")
    with pytest.raises(ValueError):  # overturning needs a reason or a correction
        rita.decide(rid, "F-SUPERVISOR", "overturn")
    c = rita.decide(rid, "F-SUPERVISOR", "overturn", field="supervisor_name",
                    value_after="SDDO M. Ruiz")
    assert (c["action"], c["field"], c["value_before"], c["value_after"]) == (
        "correct", "supervisor_name", None, "SDDO M. Ruiz")
    assert [h["action"] for h in store.reviews.history(rid)] == ["accept", "correct"]
    assert store.reviews.verify() is None
    assert rid not in {i.record_id for i in rita.queue()}  # both flagged checks decided


def test_unknown_a_numbers(store):
    from waiverscan.store.accounts import assign
    assign(store, "carla", "A111111111")  # assigned, but nothing scanned for it yet
    counsel = _as(store, "carla")
    with pytest.raises(LookupError) as e:
        counsel.case("A111111111")
    assert not isinstance(e.value, AccessDenied)
    with pytest.raises(AccessDenied):  # not assigned: the same answer, existing or not
        counsel.case("A999999999")
    with pytest.raises(LookupError):
        _as(store, "rita").case("A999999999")
