"""AppTest of the working pages: queue order, a confirm stored and attributed, markup
from a document shown as text, counsel kept to their own client, the dashboard's
agreement figures."""
from __future__ import annotations

from review_apptest import page, texts
from cases_archive import P4
from review_store import P1, P2, P9, SCRIPT_NAME, review_db  # noqa: F401
from review_ui.access import record_a_number
from waiverscan.store import open_store


def _form_record(url, a_number):
    store = open_store(url)
    try:
        for doc in store.iter_documents(status="scored"):
            for r in doc["records"]:
                if r["kind"] == "waiver_form" and record_a_number(r) == a_number:
                    return r["record_id"]
    finally:
        store.close()
    raise AssertionError(a_number)


def test_queue_most_severe_first_with_counts(review_db):
    at = page("queue", review_db, "rita").run()
    assert not at.exception
    df = at.dataframe[0].value
    prio = list(df["priority"])
    assert prio == sorted(prio, key=["failed critical", "unknown", "failed major",
                                     "failed minor"].index)
    assert prio[0] == "failed critical" and "unknown" in prio
    assert f"**{len(df)} records**" in texts(at)
    at.selectbox(key="q_check").select("F-A-NUMBER").run()
    assert list(at.dataframe[0].value["checks"]) == ["F-A-NUMBER"]


def test_confirm_on_record_page_is_stored_and_attributed(review_db):
    rid = _form_record(review_db, P2)
    at = page("record", review_db, "rita")
    at.session_state["record_id"] = rid
    at.run()
    assert not at.exception
    assert at.radio(key=f"current_{rid}").value == "F-DATED"  # critical first
    at.text_input(key=f"note_{rid}").input("31 June does not exist")
    at.button(key="confirm").click().run()
    assert not at.exception
    store = open_store(review_db)
    hist = store.reviews.history(rid)
    store.close()
    assert [(d["reviewer"], d["action"], d["check_id"], d["note"]) for d in hist] == [
        ("rita", "accept", "F-DATED", "31 June does not exist")]
    # the next flagged check of the record is now under review
    assert at.radio(key=f"current_{rid}").value == "F-SUPERVISOR"


def test_markup_in_a_document_shows_as_text(review_db):
    rid = _form_record(review_db, P9)
    at = page("record", review_db, "rita")
    at.query_params["record"] = rid
    at.run()
    assert not at.exception
    values = list(at.dataframe[0].value["value"])
    assert SCRIPT_NAME in values  # in a plain-text cell, verbatim
    assert "<script" not in texts(at)  # never as raw markup in any markdown


def test_counsel_cannot_open_another_clients_record_or_case(review_db):
    other = _form_record(review_db, P2)
    at = page("record", review_db, "carla")
    at.query_params["record"] = other
    at.run()
    assert "not one of your cases" in texts(at) and not at.dataframe
    at = page("case", review_db, "carla")
    at.query_params["a"] = P2
    at.run()
    assert "not one of your cases" in texts(at) and not at.dataframe
    at = page("case", review_db, "carla")
    at.query_params["a"] = P1
    at.run()
    assert not at.exception and P1 in texts(at) and at.dataframe
    at = page("client", review_db, "carla").run()
    assert at.selectbox(key="client_a").options == [P1]
    at = page("queue", review_db, "carla").run()
    # P1's only record passes every check; the other clients' flagged records are hidden
    assert "**0 records**" in texts(at) and len(at.dataframe[0].value) == 0


def test_case_page_calls_out_contradictions(review_db):
    at = page("case", review_db, "ivan")
    at.query_params["a"] = P4  # a waiver and a request to reunify
    at.run()
    assert not at.exception
    assert "Contradiction" in texts(at)
    assert len(at.dataframe[0].value) == 2


def test_dashboard_agreement_of_two_reviewers(review_db):
    rid = _form_record(review_db, P2)
    from review_ui.access import Archive
    from waiverscan.store.accounts import get_user
    store = open_store(review_db)
    Archive(store, get_user(store, "rita")).decide(rid, "F-DATED", "confirm")
    Archive(store, get_user(store, "rob")).decide(rid, "F-DATED", "confirm")
    Archive(store, get_user(store, "rita")).decide(rid, "F-SUPERVISOR", "confirm")
    Archive(store, get_user(store, "rob")).decide(rid, "F-SUPERVISOR", "overturn", note="signed")
    store.close()
    at = page("dashboard", review_db, "ada").run()
    assert not at.exception
    t = texts(at)
    assert "**2** pairs" in t and "agreement **50%**" in t and "kappa **0.00**" in t
    assert len(at.image) == 1  # decisions per month chart


def test_second_review_keeps_others_decisions_in_my_queue(review_db):
    rid = _form_record(review_db, P2)
    from review_ui.access import Archive
    from waiverscan.store.accounts import get_user
    store = open_store(review_db)
    rita = Archive(store, get_user(store, "rita"))
    rita.decide(rid, "F-DATED", "confirm")
    rita.decide(rid, "F-SUPERVISOR", "confirm")
    store.close()
    short = rid[:12] + "…:" + rid.rsplit(":", 1)[-1]
    at = page("queue", review_db, "rob").run()
    assert short not in list(at.dataframe[0].value["record"])
    at.checkbox(key="q_second").check().run()
    assert short in list(at.dataframe[0].value["record"])
    at = page("queue", review_db, "rita").run()
    at.checkbox(key="q_second").check().run()
    assert short not in list(at.dataframe[0].value["record"])  # rita decided it all


def test_case_page_a_form_and_a_comment_agreeing_is_no_contradiction(review_db):
    at = page("case", review_db, "ivan")
    at.query_params["a"] = P2  # a form electing to depart, a comment recording the waiver
    at.run()
    assert not at.exception and len(at.dataframe[0].value) == 2
    assert "Contradiction" not in texts(at)


def test_client_check_prepares_the_pdf_for_an_assigned_client(review_db):
    at = page("client", review_db, "carla")
    at.query_params["a"] = P1
    at.run()
    assert not at.exception and at.selectbox(key="client_a").value == P1
    at.button(key="client_pdf").click().run()
    assert not at.exception
    a, pdf = at.session_state["client_pdf_data"]
    assert a == P1 and pdf.startswith(b"%PDF")
