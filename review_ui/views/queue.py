"""Queue: unreviewed flagged records, most severe first, with filters and counts left."""
import streamlit as st

from review_ui.queue import TIER_NAMES, counts_left, facet_counts, filter_items, queue_for
from review_ui.ui import signed_in
from scoring.cases import CATEGORIES
from scoring.rubric import RUBRIC

archive = signed_in()
me = archive.account.name
st.header("Review queue")

# who decided: nobody yet (the queue), not yet me (a second review), or one reviewer
reviewers = sorted({d["reviewer"] for d in archive.history()} - {me})
modes = [("nobody", None)] + ([("not_by", me)] if archive.can_decide else []) + \
    [("not_by", r) for r in reviewers] + [("by", r) for r in sorted({me, *reviewers})]
MODE_LABELS = {"nobody": "not decided by anyone yet", "not_by": "not yet decided by {}",
               "by": "decided by {}"}


def _mode_label(m):
    kind, who = m
    if kind == "not_by" and who == me:
        return "not yet decided by me (second review)"
    return MODE_LABELS[kind].format(who)


mode = st.selectbox("Reviewer", modes, format_func=_mode_label, key="q_reviewer",
                    help="A second review keeps the checks others decided in your queue "
                         "until you decide them too (for the agreement figures).")
st.session_state["second_review"] = mode == ("not_by", me)
every = queue_for(archive, not_decided_by=mode[1] if mode[0] == "not_by" else None,
                  decided_by=mode[1] if mode[0] == "by" else None)

chosen = {k: st.session_state.get(f"q_{k}") for k in ("category", "check", "doc_type")}
chosen = {k: (None if v in (None, "(all)") else v) for k, v in chosen.items()}
d_from, d_to = st.session_state.get("q_from"), st.session_state.get("q_to")
dates = dict(date_from=d_from.isoformat() if d_from else None,
             date_to=d_to.isoformat() if d_to else None)
facets = facet_counts(every, **chosen, **dates)  # what each choice would leave


def _with_count(facet):
    return lambda v: v if v == "(all)" else f"{v} ({facets[facet].get(v, 0)})"


c1, c2, c3 = st.columns(3)
c1.selectbox("Category", ["(all)", *CATEGORIES], key="q_category", format_func=_with_count("category"))
c2.selectbox("Check", ["(all)", *[r.id for r in RUBRIC]], key="q_check", format_func=_with_count("check"))
c3.selectbox("Document type", ["(all)", "waiver_form", "case_comments"], key="q_doc_type",
             format_func=_with_count("doc_type"))
d1, d2, _ = st.columns(3)
d1.date_input("Dated from", value=None, key="q_from")
d2.date_input("Dated to", value=None, key="q_to")

items = filter_items(every, **chosen, **dates)
left = counts_left(items)
st.markdown(f"**{left['records']} records** ({left['checks']} flagged checks) "
            + ("decided" if mode[0] == "by" else "left") + ": "
            + ", ".join(f"{left[t]} {t}" for t in TIER_NAMES))
rows = [{"#": i + 1, "priority": TIER_NAMES[it.tier], "source": it.source,
         "record": it.record_id[:12] + "…:" + it.record_id.rsplit(":", 1)[-1],
         "A-number": it.a_number or "", "category": it.category or "", "date": it.date or "",
         "checks": ", ".join(it.check_ids)} for i, it in enumerate(items)]
st.dataframe(rows, hide_index=True, width="stretch")
if items:
    choice = st.selectbox("Open record", range(len(items)), key="q_open",
                          format_func=lambda i: f"{i + 1}. {items[i].source} ({', '.join(items[i].check_ids)})")
    if st.button("Review", key="q_review", type="primary"):
        st.session_state["record_id"] = items[choice].record_id
        st.session_state["queue_snapshot"] = [it.record_id for it in items]
        st.switch_page("views/record.py")
else:
    st.success("Nothing left to review with these filters.")
