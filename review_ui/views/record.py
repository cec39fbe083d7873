"""Record: the page image with every field's box, the values read (editable), and the
flagged checks with confirm / overturn / escalate (keys c, o, e; n and p move in the
queue). Scores and the case category are shown as reviewed."""
import json

import streamlit as st

from review_ui.access import AccessDenied, record_a_number
from review_ui.browser import KEYS_HTML
from review_ui.conflicts import conflicts
from review_ui.corrections import edited_values, field_rows, save_corrections
from review_ui.images import record_page_jpeg, source_path, value_crops
from scoring.account import pages_label, record_pages
from review_ui.queue import check_tier, decided_checks, pending_checks, queue_page
from review_ui.reviewed import apply_reviews, effective_decisions
from scoring.reviewed import ACTION_WORDS, decision_words
from review_ui.ui import esc, signed_in
from scoring.report import CATEGORY_LABELS, CHECK_FIELDS
from scoring.rubric import RUBRIC

RULES = {r.id: r for r in RUBRIC}
DONE_WORDS = {"accept": "Confirmed", "reject": "Overturned",
              "correct": "Overturned (corrected value)", "escalate": "Escalated"}
ROW = 35  # values table row height (px)
archive = signed_in()

rid = st.query_params.get("record") or st.session_state.get("record_id")
snapshot = st.session_state.get("queue_snapshot") or []
if not rid or rid not in snapshot:
    # the queue's first page (paged in the database: a record opens as fast on a large
    # archive as on a small one)
    me = archive.account.name if st.session_state.get("second_review") else None
    snapshot = [it.record_id for it in queue_page(archive, not_decided_by=me, limit=50,
                                                     counted=False).items]
    st.session_state["queue_snapshot"] = snapshot
    rid = rid or (snapshot[0] if snapshot else None)
if not rid:
    st.info("The queue is empty: nothing to review.")
    st.stop()
try:
    got = archive.record(rid)
except AccessDenied as exc:
    st.error(str(exc))
    st.stop()
st.session_state["record_id"] = rid
st.query_params["record"] = rid  # a reload comes back to this record
rec, doc = got["record"], got["document"]
file_source = archive.file_source(rid)  # to render pages from; never shown to counsel


@st.cache_data(max_entries=32, show_spinner=False)
def _page_jpeg(source, mtime, record, page, lit):
    """The drawn page, drawn once per record, page and highlight (every key press reruns
    the page; decoding and drawing a 300 dpi scan each time would be most of a run);
    ``mtime`` keys a changed source file afresh."""
    return record_page_jpeg(source, record, page, lit)


@st.cache_data(max_entries=32, show_spinner=False)
def _crops(source, mtime, record, names):
    """{field: (page, PNG bytes)} of the values found under review, cut at the source's
    full resolution (readable whatever width the page image is shown at)."""
    import io
    out = {}
    for name, (pg, img) in value_crops(source, record, list(names)).items():
        buf = io.BytesIO()
        img.save(buf, "PNG")
        out[name] = (pg, buf.getvalue())
    return out


def _mtime(source):
    p = source_path(source)
    return p.stat().st_mtime_ns if p else None


def _go(step: int) -> None:
    i = snapshot.index(rid) if rid in snapshot else -1
    j = i + step
    if 0 <= j < len(snapshot):
        st.session_state["record_id"] = snapshot[j]
        st.query_params.clear()


history = archive.history(rid)
second = bool(st.session_state.get("second_review")) and archive.can_decide
pending = pending_checks(rec, decided_checks(history, archive.account.name if second else None))
reviewed = apply_reviews(rec, history)
if rid in snapshot:
    st.header(f"Record {snapshot.index(rid) + 1} of {len(snapshot)}")
else:  # opened by its link, or every flagged check of it is decided
    st.header(f"Record (not in the queue of {len(snapshot)})")
st.caption(f"{esc(doc.get('source'))} · {rec.get('kind')} · record {esc(rid)}")


def _score(v):
    return "n/a" if v is None else f"{v:.0f}/100"


def _category():
    a = record_a_number(reviewed)
    try:
        c = archive.case(a)["case"]["category"] if a else None
    except (AccessDenied, LookupError):
        return ""
    return f" · case {esc(a)}: **{esc(CATEGORY_LABELS.get(c, c))}**" if c else ""


st.markdown(f"Score as read: **{_score(rec.get('score'))}**"
            + (f" · as reviewed: **{_score(reviewed.get('score'))}**" if reviewed is not rec else "")
            + _category())
for c in conflicts(history, rid):
    st.warning(f"Reviewers disagree on {esc(c['subject'])}: " + "; ".join(
        f"{esc(d['reviewer'])} {esc(d['verdict'])} ({str(d['at'])[:16]})" for d in c["decisions"]))
nav1, nav2, _ = st.columns([1, 1, 6])
nav1.button("Previous (p)", key="prev", on_click=_go, args=(-1,))  # callbacks: one run
nav2.button("Next (n)", key="next", on_click=_go, args=(1,))

flagged = sorted((c for c in rec.get("checks") or [] if c.get("status") in ("fail", "unknown")),
                 key=check_tier)
mine = {d["check_id"]: d for d in effective_decisions(history)
        if d["reviewer"] == archive.account.name and d.get("check_id")}
by_anyone = {d["check_id"]: d for d in effective_decisions(history) if d.get("check_id")}
# the check under review: every flagged check may be chosen (a decided one to revise or
# undo it); after a decision the next undecided one is chosen for the reviewer
ids = [c["id"] for c in flagged]
want = st.session_state.pop(f"select_{rid}", None)
if want in ids:
    st.session_state[f"current_{rid}"] = want
elif st.session_state.get(f"current_{rid}") not in ids:
    st.session_state[f"current_{rid}"] = pending[0]["id"] if pending else (ids[0] if ids else None)


def _check_label(cid):
    d = mine.get(cid) or by_anyone.get(cid)
    if d is None:
        return cid
    who = "you" if d["reviewer"] == archive.account.name else d["reviewer"]
    return f"{cid} ({DONE_WORDS[d['action']].lower()} by {who})"


current = (st.radio("Check under review", ids, horizontal=True, key=f"current_{rid}",
                    format_func=_check_label) if ids else None)
focus = tuple(CHECK_FIELDS.get(current or "", ()))
names = list(rec.get("fields") or {})



def _undo(record: str, check: str, back: bool) -> None:
    """Take a decision back before the page is drawn (a button callback): the run that
    follows draws the record once, so no half-drawn page with a stale note box is left
    to type into while a second run replaces it."""
    try:
        archive.undo(record, check)
    except ValueError as exc:
        st.session_state["undo_error"] = str(exc)
        return
    st.session_state.pop("last_decided", None)
    if back:  # the decision had moved on to the next record: come back to it
        st.session_state["record_id"] = record
        st.session_state[f"select_{record}"] = check
        st.query_params["record"] = record



def _decide(record: str, check: str, action: str, form: str, next_check, record_done: bool) -> None:
    """Record a decision before the page is drawn (a button or key callback), from the
    note and correction typed in this check's own form: the next run draws what follows
    (the next check, or the next record) once."""
    note = st.session_state.get(f"note_{form}") or ""
    fix_field = st.session_state.get(f"fix_field_{form}") or "(none)"
    fix_value = st.session_state.get(f"fix_value_{form}") or ""
    corrected = fix_field != "(none)" and fix_value.strip() != ""
    try:
        got = archive.decide(record, check, action,
                             field=fix_field if corrected and action == "overturn" else None,
                             value_after=fix_value if corrected else None, note=note)
    except ValueError as exc:  # InvalidValue too: the reason, and nothing stored
        st.session_state[f"refused_{form}"] = f"Not recorded: {exc}"
        return
    label = (f"record {snapshot.index(record) + 1} of {len(snapshot)}" if record in snapshot
             else f"record {record[:12]}")
    st.session_state["last_decided"] = {"record": record, "check": check, "label": label,
                                        "words": DONE_WORDS[got["action"]]}
    if next_check:
        st.session_state[f"select_{record}"] = next_check
    elif record_done:
        _go(1)

if err := st.session_state.pop("undo_error", None):
    st.error(err)
last = st.session_state.get("last_decided")
if last and archive.can_decide:  # what the last click or key press did, and its undo
    n1, n2 = st.columns([6, 1])
    n1.success(f"{esc(last['words'])}: {esc(last['check'])} of {esc(last['label'])}")
    n2.button("Undo", key="undo_last", on_click=_undo, args=(last["record"], last["check"], True))

left, right = st.columns([1, 1])
with left:
    pages = record_pages(rec)
    if pages:
        st.caption(f"Read from {esc(pages_label(pages))} of this file")
        p1, p2 = st.columns([1, 3])
        page = pages[0] if len(pages) == 1 else p1.selectbox("Page", pages, key="page")
        pick = p2.selectbox("Highlight", ["the check's fields", *names], key=f"highlight_{rid}")
        lit = focus if pick == "the check's fields" else (pick,)
        img = _page_jpeg(file_source, _mtime(file_source), rec, page, lit)
        if img is None:
            st.warning("The source file is not at its stored path: no page image.")
        else:
            st.image(img, width="stretch")
    else:
        st.caption("No page image: this record was read from a text or table export.")
with right:
    crops = _crops(file_source, _mtime(file_source), rec, lit if pages else ())
    if pages:
        st.markdown("**Evidence under review** (full resolution)")
        if not crops:
            st.caption("No value of these fields was found on the page: nothing to crop.")
        for name, (pg, png) in crops.items():
            st.image(png, caption=f"{name}, page {pg}, as written")
    rows = field_rows(reviewed, focus)
    if archive.can_decide:
        st.subheader("Values read (edit to correct)")
        # cells are plain text in the grid: markup read from a document shows as text;
        # the key follows the decisions, so a saved table redraws from the store
        key = f"values_{rid}_{len(history)}"
        st.data_editor(rows, hide_index=True, width="stretch", key=key, row_height=ROW,
                       height=ROW * (len(rows) + 1) + 3,  # every value in sight, no scrolling
                       disabled=["field", "confidence", "under review"], column_config={
                           "field": st.column_config.TextColumn(width=140),
                           "value": st.column_config.TextColumn(width=200),
                           "confidence": st.column_config.NumberColumn("conf.", width=50, format="%.2f"),
                           "under review": st.column_config.TextColumn("", width=30)})
        changed = edited_values(rows, st.session_state.get(key))
        fix_note = st.text_input("Note on the corrections", key=f"fix_note_{rid}")
        if st.button(f"Save {len(changed)} correction(s)", key="save_values",
                     disabled=not changed):
            try:
                save_corrections(archive, rid, reviewed, changed, fix_note)
            except ValueError as exc:  # a value the contract does not allow: none stored
                st.error(f"Not saved: {exc}")
            else:
                st.rerun()
    else:
        st.subheader("Values read")
        st.dataframe(rows, hide_index=True, width="stretch")

st.subheader("Flagged checks")
now = {c["id"]: c["status"] for c in reviewed.get("checks") or []}
for c in flagged:
    rule = RULES.get(c["id"])
    done = c not in pending
    st.markdown(f"**{esc(c['id'])}** · {c['status']}"
                + (f" → {now[c['id']]} as reviewed" if now.get(c["id"], c["status"]) != c["status"] else "")
                + f" · {c['severity']}"
                + (" · decided" if done else "") + (" · **under review**" if c["id"] == current else ""))
    if rule is not None:
        st.markdown(f"Rule: {esc(rule.description)} ({esc(rule.source)})")
    st.markdown(f"Why: {esc(c.get('why'))}")
    for name in CHECK_FIELDS.get(c["id"], ()):
        f = (rec.get("fields") or {}).get(name)
        ev = f.get("evidence") if isinstance(f, dict) else None
        st.markdown(f"Evidence, {esc(name)}: " + (f"“{esc(ev)}”" if ev else "(none)"))

if current and archive.can_decide:
    st.subheader(f"Decide {current}")
    if current in mine:
        d = mine[current]
        st.info(f"Your decision: {esc(decision_words(d))} ({str(d['at'])[:16]}). A new "
                "decision replaces it; Undo takes it back (both are added to the log).")
        st.button("Undo my decision", key=f"undo_{rid}_{current}", on_click=_undo,
                  args=(rid, current, False))
    # keys per record AND check: a note or value typed for one check never rides along
    # with the next check's decision (each check's form starts empty)
    form = f"{rid}_{current}"
    st.text_input("Note or reason (needed to overturn without a correction)", key=f"note_{form}")
    fields = [n for n in CHECK_FIELDS.get(current, ())] or names
    fcol, vcol = st.columns(2)
    fcol.selectbox("Corrected field (optional)", ["(none)", *fields], key=f"fix_field_{form}")
    vcol.text_input("Corrected value", key=f"fix_value_{form}")
    b1, b2, b3 = st.columns(3)
    rest = [c["id"] for c in pending if c["id"] != current]
    done_now = any(c["id"] == current for c in pending) and not rest  # the record's last
    for col, label, action, kind in ((b1, "Confirm (c)", "confirm", "primary"),
                                     (b2, "Overturn (o)", "overturn", "secondary"),
                                     (b3, "Escalate (e)", "escalate", "secondary")):
        col.button(label, key=action, type=kind, on_click=_decide,
                   args=(rid, current, action, form, rest[0] if rest else None, done_now))
    if err := st.session_state.pop(f"refused_{form}", None):
        st.error(err)
elif current:
    st.info("Your role does not record decisions.")
if not pending and flagged:
    st.success("Every flagged check of this record has been decided.")

if history:
    st.subheader("Decisions")
    # a plain HTML table (escaped cells): short, and readable by anything that reads the page
    st.table([{"when": str(d["at"])[:19], "who": d["reviewer"],
               "decision": ACTION_WORDS.get(d["action"], d["action"]),
               "check": d["check_id"] or "", "field": d["field"] or "",
               "before": json.dumps(d["value_before"], ensure_ascii=False),
               "after": json.dumps(d["value_after"], ensure_ascii=False),
               "note": d["note"] or ""} for d in history])

st.html(KEYS_HTML, unsafe_allow_javascript=True)  # c o e n p (review_ui.browser)
