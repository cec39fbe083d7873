"""Dashboard: parents per category (and period), deficiency rate per check as reviewed,
decisions per month (with the July 2018 line), reviewer progress and agreement.
Every number comes from the store's kept cases and indexed counts (no roll-up of the
archive per view); exports are built only when asked for."""
import streamlit as st

from review_ui.agreement import agreement
from review_ui.conflicts import conflict_rows, conflicts
from review_ui.dashboard import monthly_chart, progress, rates_table, reviewed_check_counts
from review_ui.ui import signed_in
from scoring.report import CATEGORY_LABELS, PERIODS
from review_ui.cached import archive_counts

archive = signed_in()
st.header("Dashboard")
history = archive.history()

st.subheader("Parents per category (as reviewed)")
per = archive_counts(archive.store, archive.allowed, "periods")
PERIOD_NAMES = {"before_2018_07_12": "before 12 Jul 2018",
                "on_or_after_2018_07_12": "12 Jul 2018 or later", "undated": "undated"}
st.dataframe([{"category": CATEGORY_LABELS.get(k, k),
               "parents": sum(per.get((k, p), 0) for p in PERIODS),
               **{PERIOD_NAMES[p]: per.get((k, p), 0) for p in PERIODS}}
              for k in CATEGORY_LABELS], hide_index=True)

st.subheader("Deficiency rate per check (as reviewed)")
raw, counts = reviewed_check_counts(archive)
st.dataframe(rates_table(counts), hide_index=True)
st.caption("deficiency rate = failed / (passed + failed + unknown), as in `waiverscan report`")

st.subheader("Decisions per month")
chart = monthly_chart(archive_counts(archive.store, archive.allowed, "monthly"))
if chart is None:
    st.caption("No dated decisions yet.")
else:
    st.altair_chart(chart, width="stretch")

st.subheader("Reviewer progress")
prog = progress(archive, raw, history)
st.markdown(f"Flagged checks decided: **{prog['decided']} of {prog['flagged']}**")
st.dataframe(prog["by_reviewer"], hide_index=True)
ag = agreement(history)
if ag["pairs"]:
    st.markdown(f"Checks decided by two reviewers: **{ag['pairs']}** pairs; agreement "
                f"**{ag['agreement_rate']:.0%}**, Cohen's kappa **{ag['kappa']:.2f}**")
else:
    st.caption("No check has been decided by two reviewers yet: no agreement figures.")
found = conflicts(history)
if found:
    st.markdown(f"**{len(found)}** checks or fields where reviewers disagree (every "
                "decision is kept; each reviewer's latest counts):")
    st.dataframe(conflict_rows(found), hide_index=True, width="stretch")  # plain-text cells

st.subheader("Exports")
st.caption("The reviewed archive you may see: cases with categories as reviewed, and "
           "every decision. Built when asked for (a large archive takes a while).")
if st.button("Prepare exports", key="export_prepare"):
    with st.spinner("Building the exports"):
        st.session_state["exports"] = (archive.cases_csv(), archive.cases_xlsx(),
                                       archive.decisions_csv())
ready = st.session_state.get("exports")
if ready:
    e1, e2, e3 = st.columns(3)
    e1.download_button("Cases (CSV)", ready[0], file_name="cases.csv", mime="text/csv",
                       key="export_cases_csv")
    e2.download_button("Cases (XLSX)", ready[1], file_name="cases.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       key="export_cases_xlsx")
    e3.download_button("Decisions (CSV)", ready[2], file_name="decisions.csv",
                       mime="text/csv", key="export_decisions_csv")
