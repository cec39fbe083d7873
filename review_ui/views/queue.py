"""Queue: unreviewed flagged records, most severe first, with filters and counts left."""
import streamlit as st

from review_ui.queue import TIER_NAMES, counts_left
from review_ui.ui import signed_in
from scoring.cases import CATEGORIES
from scoring.rubric import RUBRIC

archive = signed_in()
st.header("Review queue")
c1, c2, c3 = st.columns(3)
category = c1.selectbox("Category", ["(all)", *CATEGORIES], key="q_category")
check = c2.selectbox("Check", ["(all)", *[r.id for r in RUBRIC]], key="q_check")
doc_type = c3.selectbox("Document type", ["(all)", "waiver_form", "case_comments"], key="q_doc_type")
d1, d2, d3 = st.columns(3)
date_from = d1.date_input("Dated from", value=None, key="q_from")
date_to = d2.date_input("Dated to", value=None, key="q_to")
second = d3.checkbox("Second review (include checks others decided)", key="q_second",
                     help="For agreement figures: checks another reviewer decided stay "
                          "in your queue until you decide them too.")
st.session_state["second_review"] = second
items = archive.queue(category=None if category == "(all)" else category,
                      check=None if check == "(all)" else check,
                      doc_type=None if doc_type == "(all)" else doc_type,
                      date_from=date_from.isoformat() if date_from else None,
                      date_to=date_to.isoformat() if date_to else None,
                      second_review=second)
left = counts_left(items)
st.markdown(f"**{left['records']} records** ({left['checks']} flagged checks) left: "
            + ", ".join(f"{left[t]} {t}" for t in TIER_NAMES))
rows = [{"#": i + 1, "priority": TIER_NAMES[it.tier], "source": it.source,
         "record": it.record_id[:12] + "…:" + it.record_id.rsplit(":", 1)[-1],
         "A-number": it.a_number or "", "category": it.category or "",
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
