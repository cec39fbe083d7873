"""Queue: unreviewed flagged records, most severe first, with filters and counts left
(counted and paged in the database), and the escalation queue."""
import streamlit as st

from review_ui.access import record_a_number
from review_ui.queue import TIER_NAMES, QueueItem, queue_page, record_date
from review_ui.ui import esc, signed_in
from scoring.cases import CATEGORIES
from scoring.rubric import RUBRIC

PAGE = 50
archive = signed_in()
me = archive.account.name
st.header("Review queue")

# who decided: nobody yet (the queue), not yet me (a second review), or one reviewer
reviewers = sorted(set(archive.store.reviews.reviewers()) - {me})
modes = [("nobody", None)] + ([("not_by", me)] if archive.can_decide else []) + \
    [("not_by", r) for r in reviewers] + [("by", r) for r in sorted({me, *reviewers})]
MODE_LABELS = {"nobody": "not decided by anyone yet", "not_by": "not yet decided by {}",
               "by": "decided by {}"}


def _mode_label(m):
    kind, who = m
    if kind == "not_by" and who == me:
        return "not yet decided by me (second review)"
    return MODE_LABELS[kind].format(who)


tab_queue, tab_escalated = st.tabs(["Queue", "Escalated"])
with tab_queue:
    mode = st.selectbox("Reviewer", modes, format_func=_mode_label, key="q_reviewer",
                        help="A second review keeps the checks others decided in your queue "
                             "until you decide them too (for the agreement figures).")
    st.session_state["second_review"] = mode == ("not_by", me)
    chosen = {k: st.session_state.get(f"q_{k}") for k in ("category", "check", "doc_type")}
    chosen = {k: (None if v in (None, "(all)") else v) for k, v in chosen.items()}
    d_from, d_to = st.session_state.get("q_from"), st.session_state.get("q_to")
    dates = dict(date_from=d_from.isoformat() if d_from else None,
                 date_to=d_to.isoformat() if d_to else None)
    page_no = int(st.session_state.get("q_page") or 1)
    got = queue_page(archive, not_decided_by=mode[1] if mode[0] == "not_by" else None,
                     decided_by=mode[1] if mode[0] == "by" else None, **chosen, **dates,
                     offset=(page_no - 1) * PAGE, limit=PAGE)
    facets = got.facets  # what each choice would leave

    def _with_count(facet):
        return lambda v: v if v == "(all)" else f"{v} ({facets[facet].get(v, 0)})"

    c1, c2, c3 = st.columns(3)
    c1.selectbox("Category", ["(all)", *CATEGORIES], key="q_category", format_func=_with_count("category"))
    c2.selectbox("Check", ["(all)", *[r.id for r in RUBRIC]], key="q_check", format_func=_with_count("check"))
    c3.selectbox("Document type", ["(all)", "waiver_form", "case_comments"], key="q_doc_type",
                 format_func=_with_count("doc_type"))
    d1, d2, d3 = st.columns(3)
    d1.date_input("Dated from", value=None, key="q_from")
    d2.date_input("Dated to", value=None, key="q_to")
    pages = max(1, -(-got.total // PAGE))
    d3.number_input(f"Page (of {pages}, {PAGE} a page)", 1, pages, key="q_page")

    left = got.counts
    st.markdown(f"**{left['records']} records** ({left['checks']} flagged checks) "
                + ("decided" if mode[0] == "by" else "left") + ": "
                + ", ".join(f"{left[t]} {t}" for t in TIER_NAMES))
    items: list[QueueItem] = got.items
    first = (page_no - 1) * PAGE
    # a plain HTML table: its cells wrap, so every check id is in sight (a grid cuts
    # them at the column's width); ids, dates and categories are the program's own text,
    # the file name is escaped (table cells render markdown)
    rows = [{"no.": first + i + 1, "priority": TIER_NAMES[it.tier], "entry": it.label,
             "checks": ", ".join(it.check_ids), "category": it.category or "",
             "file": esc(it.source.replace("\\", "/").rsplit("/", 1)[-1])}
            for i, it in enumerate(items)]
    st.table(rows, hide_index=True)
    if items:
        choice = st.selectbox("Open record", range(len(items)), key="q_open",
                              format_func=lambda i: f"{first + i + 1}. {items[i].label} "
                                                    f"({', '.join(items[i].check_ids)})")
        if st.button("Review", key="q_review", type="primary", disabled=not archive.can_decide,
                     help=None if archive.can_decide else "Your role does not record decisions."):
            st.session_state["record_id"] = items[choice].record_id
            st.session_state["queue_snapshot"] = [it.record_id for it in items]
            st.switch_page("views/record.py")
    else:
        st.success("Nothing left to review with these filters.")

with tab_escalated:
    from waiverscan.store import queries
    found = queries.escalations(archive.store, archive.allowed)
    st.markdown(f"**{len(found)}** escalated checks waiting for an investigator or admin")
    esc_rows = [{"when": str(d["at"])[:16], "escalated by": d["reviewer"],
                 "check": d["check_id"], "why": d["note"] or "(no reason given)",
                 "entry": QueueItem(d["record_id"], "", "", d["record"].get("kind", ""),
                                    record_a_number(d["record"]), None, 0, [],
                                    record_date(d["record"])).label}
                for d in found]
    st.table([{k: esc(v) if k == "why" else v for k, v in r.items()} for r in esc_rows],
             hide_index=True)
    if found:
        pick = st.selectbox("Open escalated record", range(len(found)), key="esc_open",
                            format_func=lambda i: f"{esc_rows[i]['entry']}: {esc_rows[i]['check']}")
        if st.button("Open", key="esc_review"):
            st.session_state["record_id"] = found[pick]["record_id"]
            st.query_params["record"] = found[pick]["record_id"]
            st.switch_page("views/record.py")
