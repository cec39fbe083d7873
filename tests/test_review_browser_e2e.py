"""End to end in a real headless Chromium (Debian's, driven by Playwright's Python
package; no browser download): sign in, open the queue, confirm one deficiency and
overturn another with the keyboard, reload and see both persisted and attributed; a
counsel account cannot reach another client's case by URL or by search."""
from __future__ import annotations

import time

import pytest

from review_browser import chromium, history, idle, need_browser, poll, review_server, sign_in, stored_record
from review_store import P1, P2, build_store

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def ui(tmp_path_factory):
    need_browser()
    db = build_store(tmp_path_factory.mktemp("e2e") / "review.db")
    with review_server(db) as base:
        yield base, db


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


def test_keyboard_review_persists_and_is_attributed(ui, browser):
    base, db = ui
    from review_ui.access import Archive
    from waiverscan.store import open_store
    from waiverscan.store.accounts import get_user
    store = open_store(db)
    first = Archive(store, get_user(store, "rita")).queue()[0]
    store.close()
    rid, (check1, check2) = first.record_id, first.check_ids[:2]
    assert len(first.check_ids) == 2  # the second decision finishes the record

    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(base)
    sign_in(page, "rita")
    cookie = next(c for c in page.context.cookies() if c["name"] == "waiverscan_session")
    assert cookie["sameSite"] == "Strict" and cookie["path"] == "/"
    assert 35000 < cookie["expires"] - time.time() <= 36000  # the session's 10 hours
    page.get_by_text("Review queue").wait_for(timeout=30000)
    page.get_by_role("button", name="Review", exact=True).click()
    page.get_by_text("Check under review").wait_for(timeout=30000)
    page.wait_for_function("() => document.documentElement.dataset.waiverscanKeys === 'on'", timeout=30000)
    page.locator("body").press("c")
    poll(lambda: any(d["check_id"] == check1 for d in history(db, rid)), what="the confirm")
    # overturn the next check: type the reason, Esc out of the box, then o
    page.get_by_text(f"Decide {check2}").wait_for(timeout=30000)
    box = page.get_by_role("textbox", name="Note or reason (needed to overturn without a correction)")
    box.click()
    page.keyboard.type("witness named on the second page")
    page.keyboard.press("Escape")
    page.keyboard.press("o")
    poll(lambda: any(d["check_id"] == check2 for d in history(db, rid)), what="the overturn")
    got = [(d["reviewer"], d["action"], d["check_id"], d["note"]) for d in history(db, rid)]
    assert got == [("rita", "accept", check1, None),
                   ("rita", "reject", check2, "witness named on the second page")]
    page.get_by_text("Record 2 of").wait_for(timeout=30000)  # the record done: on to the next
    idle(page)  # a key pressed while the run still draws the page can reach a stale button
    page.keyboard.press("p")  # back to it
    page.get_by_text("Record 1 of").wait_for(timeout=30000)
    page.wait_for_function("rid => new URLSearchParams(location.search).get('record') === rid",
                           arg=rid, timeout=30000)  # the URL names the record: a reload keeps it

    page.reload()  # a new browser session of the same tab: the cookie signs it in
    table = page.locator("table").filter(has_text="witness named on the second page")
    table.wait_for(timeout=30000)
    assert page.get_by_role("textbox", name="User name").count() == 0
    page.get_by_text("Signed in as rita").wait_for(timeout=30000)
    text = table.inner_text()
    # the history says what the buttons said
    assert text.count("rita") == 2 and "Confirm" in text and "Overturn" in text
    assert "accept" not in text

    # correct a value in the values table with the keyboard: Enter edits the cell, and
    # the letters typed (e, o, c...) go into the cell, never to the shortcuts
    row = list(stored_record(db, rid)["fields"]).index("author")
    grid = page.locator('[data-testid="stDataFrame"]').first
    grid.scroll_into_view_if_needed()
    # the page ran to its end (the shortcuts script is its last element) and is idle
    page.wait_for_function("() => document.documentElement.dataset.waiverscanKeys === 'on'",
                           timeout=30000)
    idle(page)
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 140 + 100, box["y"] + 35 * (row + 1) + 17)  # the value cell
    page.wait_for_function("id => document.activeElement && document.activeElement.id === id",
                           arg=f"glide-cell-1-{row}", timeout=30000)
    page.keyboard.press("Enter")
    editor = page.locator("textarea.gdg-input")
    editor.wait_for(timeout=30000)
    page.keyboard.press("Control+A")
    page.keyboard.type("Officer Connie Lee")
    # the grid's editor keeps what was typed from its next render on: Enter before that
    # commits the old value
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    page.keyboard.press("Enter")
    editor.wait_for(state="detached", timeout=30000)
    page.get_by_role("button", name="Save 1 correction(s)").click()
    poll(lambda: len(history(db, rid)) == 3, what="the correction")
    d = history(db, rid)[-1]
    assert (d["reviewer"], d["action"], d["check_id"], d["field"], d["value_after"]) == (
        "rita", "correct", None, "author", "Officer Connie Lee")

    page.get_by_role("button", name="Sign out").click()  # ends the session, clears the cookie
    page.get_by_role("textbox", name="User name").wait_for(timeout=30000)
    page.wait_for_function("() => !document.cookie.includes('waiverscan_session=')", timeout=30000)
    page.reload()
    page.get_by_role("textbox", name="User name").wait_for(timeout=30000)
    assert page.get_by_text("witness named on the second page").count() == 0
    page.close()


def test_counsel_cannot_reach_another_clients_case(ui, browser):
    base, db = ui
    page = browser.new_page()
    page.goto(f"{base}/case?a={P2}")
    sign_in(page, "carla")
    page.get_by_text("not one of your cases").wait_for(timeout=30000)
    assert page.get_by_text("Timeline").count() == 0
    box = page.get_by_role("textbox", name="A-number")
    box.fill(P2)
    box.press("Enter")
    page.get_by_text("not one of your cases").wait_for(timeout=30000)
    box.fill(P1)
    box.press("Enter")
    page.get_by_text("Timeline").wait_for(timeout=30000)
    assert page.get_by_text("not one of your cases").count() == 0
    # another client's record by its link (signed in by the cookie, no new sign-in)
    page.goto(f"{base}/record?record={_record_of(db, P2)}")
    page.get_by_text("not one of your cases").wait_for(timeout=30000)
    assert page.get_by_text("Values read").count() == 0
    page.close()


def _record_of(db: str, a_number: str) -> str:
    from review_ui.access import record_a_number
    from waiverscan.store import open_store
    store = open_store(db)
    try:
        return next(r["record_id"] for d in store.iter_documents(status="scored")
                    for r in d["records"] if record_a_number(r) == a_number)
    finally:
        store.close()


def test_counsel_scans_one_file_in_the_client_check(ui, browser, tmp_path):
    base, db = ui
    csv = tmp_path / "notes.csv"
    csv.write_text("A-Number,Entry Date,Entered By,Remarks\n"
                   f"{P1},07/20/2018,DO T. Test,Parent declined reunification and will "
                   "depart without the child. Witnessed by SDDO K. Lee.\n")
    page = browser.new_page(viewport={"width": 1400, "height": 1400})
    page.goto(f"{base}/client?a={P1}")
    sign_in(page, "carla")
    page.get_by_text("Scan one file").click()
    page.locator("input[type=file]").set_input_files(str(csv))
    page.get_by_role("button", name="Scan it").click()
    page.get_by_text("Scanned and stored").wait_for(timeout=60000)
    page.get_by_text(f"A-number read: {P1}").wait_for(timeout=30000)
    # stored under its sha256 (never the uploaded name), now part of the client's case,
    # and shown to counsel as an uploaded file: never by its server path
    page.get_by_text("uploaded file").first.wait_for(timeout=30000)
    assert "waiverscan-uploads" not in page.locator("body").inner_text()
    assert page.get_by_text("notes.csv (case_comment)").count() == 0
    page.close()
