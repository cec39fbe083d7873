"""AppTest of the working pages: queue order, a confirm stored and attributed, markup
from a document shown as text, counsel kept to their own client, the dashboard's
agreement figures."""
from __future__ import annotations

import pytest

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
    df = at.table[0].value
    prio = list(df["priority"])
    assert prio == sorted(prio, key=["failed critical", "unknown", "failed major",
                                     "failed minor"].index)
    assert prio[0] == "failed critical" and "unknown" in prio
    assert f"**{len(df)} records**" in texts(at)
    at.selectbox(key="q_check").select("F-A-NUMBER").run()
    assert list(at.table[0].value["checks"]) == ["F-A-NUMBER"]


def test_confirm_on_record_page_is_stored_and_attributed(review_db):
    rid = _form_record(review_db, P2)
    at = page("record", review_db, "rita")
    at.session_state["record_id"] = rid
    at.run()
    assert not at.exception
    assert at.radio(key=f"current_{rid}").value == "F-DATED"  # critical first
    at.text_input(key=f"note_{rid}_F-DATED").input("31 June does not exist")
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
    assert "**0 records**" in texts(at) and len(at.table[0].value) == 0


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
    assert at.get("vega_lite_chart")  # decisions per month chart
    rates = {r["check"]: r["deficiency rate"] for _, r in at.dataframe[1].value.iterrows()}
    assert rates["F-DATED"].endswith("%")  # in percent, as the CLI prints it
    # the disagreement on F-SUPERVISOR, who decided what
    assert "**1** checks or fields where reviewers disagree" in t
    rows = at.dataframe[-1].value
    assert [(r["check or field"], r["who"], r["decided"]) for _, r in rows.iterrows()] == [
        ("F-SUPERVISOR", "rita", "confirm"), ("F-SUPERVISOR", "rob", "overturn")]
    at = page("record", review_db, "rita")
    at.query_params["record"] = rid
    at.run()
    warned = [w.value for w in at.warning if "disagree" in w.value]
    assert len(warned) == 1 and "F\\-SUPERVISOR: rita confirm (" in warned[0]
    assert "; rob overturn (" in warned[0]


def test_second_review_keeps_others_decisions_in_my_queue(review_db):
    rid = _form_record(review_db, P2)
    from review_ui.access import Archive
    from waiverscan.store.accounts import get_user
    store = open_store(review_db)
    rita = Archive(store, get_user(store, "rita"))
    rita.decide(rid, "F-DATED", "confirm")
    rita.decide(rid, "F-SUPERVISOR", "confirm")
    store.close()
    short = f"{P2} · undated · form 1"  # its date, 31 June, is no calendar day
    at = page("queue", review_db, "rob").run()
    assert short not in list(at.table[0].value["entry"])
    _reviewer(at, "not yet decided by me (second review)")
    assert short in list(at.table[0].value["entry"])
    _reviewer(at, "decided by rita")  # what rita decided: that record alone
    assert list(at.table[0].value["entry"]) == [short]
    assert list(at.table[0].value["checks"]) == ["F-DATED, F-SUPERVISOR"]
    at = page("queue", review_db, "rita").run()
    _reviewer(at, "not yet decided by me (second review)")
    assert short not in list(at.table[0].value["entry"])  # rita decided it all


def _reviewer(at, label):
    box = at.selectbox(key="q_reviewer")
    box.select_index(box.options.index(label)).run()
    assert not at.exception


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


def test_record_values_table_corrections_are_stored_and_rescore(review_db):
    rid = _form_record(review_db, P2)  # F-DATED fails on 2018-06-31, F-SUPERVISOR fails
    at = page("record", review_db, "rita")
    at.query_params["record"] = rid
    at.run()
    assert not at.exception
    editor = at.data_editor[0]
    assert editor.editing_mode == "fixed"
    fields = list(editor.value["field"])
    assert "case A301234567: **written waiver, deficient**" in texts(at)
    at.session_state[f"values_{rid}_0"] = {
        "edited_rows": {fields.index("date_signed"): {"value": "2018-06-21"},
                        fields.index("supervisor_name"): {"value": "SDDO M. Ruiz"},
                        fields.index("supervisor_signed"): {"value": "true"}},
        "added_rows": [], "deleted_rows": []}
    at.run()
    at.text_input(key=f"fix_note_{rid}").input("read on the original")
    at.run()
    save = at.button(key="save_values")
    assert save.label == "Save 3 correction(s)" and not save.disabled
    save.click().run()
    assert not at.exception
    store = open_store(review_db)
    hist = store.reviews.history(rid)
    store.close()
    assert sorted((d["reviewer"], d["action"], d["check_id"], d["field"], d["value_before"],
                   d["value_after"], d["note"]) for d in hist) == [
        ("rita", "correct", None, "date_signed", "2018-06-31", "2018-06-21", "read on the original"),
        ("rita", "correct", None, "supervisor_name", None, "SDDO M. Ruiz", "read on the original"),
        ("rita", "correct", None, "supervisor_signed", None, True, "read on the original")]
    t = texts(at)
    # both failed checks pass on the corrected values: score and the case category follow
    assert "as reviewed: **100/100**" in t and "written waiver, complete" in t
    assert "fail → pass as reviewed" in t
    values = dict(zip(at.data_editor[0].value["field"], at.data_editor[0].value["value"]))
    assert values["date_signed"] == "2018-06-21" and values["supervisor_signed"] == "true"


def test_record_values_counsel_cannot_correct(review_db):
    from review_ui.access import AccessDenied, Archive
    from review_ui.corrections import save_corrections
    from waiverscan.store.accounts import get_user
    rid = _form_record(review_db, P1)
    store = open_store(review_db)
    carla = Archive(store, get_user(store, "carla"))
    rec = carla.record(rid)["record"]
    with pytest.raises(AccessDenied):
        save_corrections(carla, rid, rec, {"date_signed": "2018-06-02"})
    assert store.reviews.history(rid) == []
    store.close()
    at = page("record", review_db, "carla")
    at.query_params["record"] = rid
    at.run()
    assert not at.exception and not at.data_editor and at.dataframe  # read-only for counsel
