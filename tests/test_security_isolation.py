"""Counsel isolation, table-driven: counsel ``carla`` (assigned client A) tries client
B on every page, search, export and report. The page runs in AppTest; everything it
renders and every file it hands the browser (downloads, page images) is searched for
B's traces (A-number in any spelling, names, file name, comment text, a reviewer's note,
record hash). Each surface is also opened by a reviewer, who must see B there: the
search is shown to find B where B is. The browser test covers the same through URLs."""
from __future__ import annotations

import pytest

from review_apptest import page
from review_ui.access import AccessDenied, Archive
from scoring.account import account_text
from security_store import (A, A_NAMES, B, _two_clients_built, file_text, leaks,  # noqa: F401
                            media_capture, rendered, two_clients)
from waiverscan.store import open_store
from waiverscan.store.accounts import get_user


def _queue(ids, user):
    return page("queue", ids["url"], user).run()


def _record_url(ids, user):
    at = page("record", ids["url"], user)
    at.query_params["record"] = ids["b_rid"]
    return at.run()


def _record_link(ids, user):  # the queue's "Review" button leaves the id here
    at = page("record", ids["url"], user)
    at.session_state["record_id"] = ids["b_rid"]
    return at.run()


def _comment_url(ids, user):
    at = page("record", ids["url"], user)
    at.query_params["record"] = ids["b_comment_rid"]
    return at.run()


def _case_url(ids, user):
    at = page("case", ids["url"], user)
    at.query_params["a"] = B
    return at.run()


def _case_search(ids, user):
    at = page("case", ids["url"], user).run()
    return at.text_input(key="case_lookup").input("a-444 555 666").run()


def _client_url(ids, user):
    at = page("client", ids["url"], user)
    at.query_params["a"] = B
    return at.run()


def _client_pdf(ids, user):
    at = _client_url(ids, user)
    return at.button(key="client_pdf").click().run()


def _dashboard(ids, user):  # with the exports built (they are, on a click)
    at = page("dashboard", ids["url"], user).run()
    return at.button(key="export_prepare").click().run()


def _entry_url(ids, user):  # the app's entry script with a link to B's record
    at = page("app", ids["url"], user)
    at.query_params["record"] = ids["b_rid"]
    return at.run()


SURFACES = {
    # name: (open it, what carla must see there: her own client or a refusal)
    "queue": (_queue, A),
    "record by URL": (_record_url, "not one of your cases"),
    "record by link": (_record_link, "not one of your cases"),
    "comment record by URL": (_comment_url, "not one of your cases"),
    "case by URL": (_case_url, "not one of your cases"),
    "case search": (_case_search, "not one of your cases"),
    "client check by URL": (_client_url, A),
    "client PDF report": (_client_pdf, A),
    "dashboard and exports": (_dashboard, "Parents per category"),
    "entry script with a link": (_entry_url, "Client check"),  # counsel land there
}


@pytest.mark.parametrize("surface", sorted(SURFACES))
def test_security_isolation_counsel_sees_nothing_of_another_client(two_clients, monkeypatch,
                                                                    surface):
    open_it, own = SURFACES[surface]
    media = media_capture(monkeypatch)
    at = open_it(two_clients, "carla")
    assert not at.exception, at.exception
    shown = rendered(at)
    files = "\n".join(file_text(d) for d, mime, _ in media if not mime.startswith("image/"))
    assert own in shown
    assert leaks(shown, (two_clients["b_sha"][:12],)) == []
    assert leaks(files, (two_clients["b_sha"][:12],)) == []
    assert all(B not in name for _, _, name in media)
    if surface == "client PDF report":  # the PDF was drawn, for A (its text: see below)
        assert any(m == "application/pdf" for _, m, _ in media)
    if surface.startswith(("record", "comment")):  # no page image of B's form
        assert not [m for _, m, _ in media if m.startswith("image/")]


@pytest.mark.parametrize("surface", sorted(set(SURFACES) - {"client PDF report"}))
def test_security_isolation_reviewer_does_see_the_other_client(two_clients, monkeypatch,
                                                                surface):
    """The control: the same surfaces opened by a reviewer show B, so the search above
    looks where B would be."""
    media = media_capture(monkeypatch)
    at = SURFACES[surface][0](two_clients, "rita")
    assert not at.exception, at.exception
    seen = rendered(at) + "\n".join(file_text(d) for d, m, _ in media if not m.startswith("image/"))
    assert leaks(seen)


def test_security_isolation_counsel_sees_own_page_image_and_counts(two_clients, monkeypatch):
    media = media_capture(monkeypatch)
    at = page("record", two_clients["url"], "carla")
    at.query_params["record"] = two_clients["a_rid"]
    at.run()
    assert not at.exception and A_NAMES[0] in rendered(at)
    assert [m for _, m, _ in media if m.startswith("image/")]  # her client's page image
    dash = page("dashboard", two_clients["url"], "carla").run()
    per_category = next(d.value for d in dash.dataframe if "parents" in d.value.columns)
    assert per_category["parents"].sum() == 1  # one parent: A (B and others not counted)


# --------------------------------------------------------------------------- access layer

def _archive(ids, name):
    store = open_store(ids["url"])
    return Archive(store, get_user(store, name))


REFUSED = {
    "record": lambda a, ids: a.record(ids["b_rid"]),
    "comment record": lambda a, ids: a.record(ids["b_comment_rid"]),
    "history": lambda a, ids: a.history(ids["b_rid"]),
    "case": lambda a, ids: a.case(B),
    "case, digits only": lambda a, ids: a.case("444555666"),
    "case, dashed lower case": lambda a, ids: a.case(" a-444-555-666 "),
    "page image": lambda a, ids: a.page_image(ids["b_rid"], 1),
    "PDF report": lambda a, ids: a.client_report_pdf(B),
    "decision": lambda a, ids: a.decide(ids["b_rid"], "F-DATED", "confirm"),
}


@pytest.mark.parametrize("what", sorted(REFUSED))
def test_security_isolation_access_layer_refuses(two_clients, what):
    archive = _archive(two_clients, "carla")
    with pytest.raises(AccessDenied):
        REFUSED[what](archive, two_clients)
    archive.store.close()


def _items_text(archive, a_number):
    return account_text(archive.account_of(a_number)[0])


CONTENT = {
    "queue": lambda a: repr(a.queue()),
    "documents": lambda a: repr(list(a.documents())),
    "report (dashboard counts)": lambda a: repr(a.report()),
    "A-numbers (lookup list)": lambda a: repr(a.a_numbers()),
    "decision log": lambda a: repr(a.history()),
    "cases CSV": lambda a: a.cases_csv(),
    "cases XLSX": lambda a: file_text(a.cases_xlsx()),
    "decisions CSV": lambda a: a.decisions_csv(),
    "client report text": lambda a: _items_text(a, A if a.allowed else B),
}


@pytest.mark.parametrize("what", sorted(CONTENT))
def test_security_isolation_access_layer_content(two_clients, what):
    carla, rita = _archive(two_clients, "carla"), _archive(two_clients, "rita")
    assert leaks(CONTENT[what](carla), (two_clients["b_sha"][:12],)) == []
    assert leaks(CONTENT[what](rita), (two_clients["b_sha"][:12],))  # the control
    assert carla.page_image(two_clients["a_rid"], 1) is not None
    carla.store.close()
    rita.store.close()
