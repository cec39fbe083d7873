"""Dashboard: categories, deficiency rate per check, decisions per month (with the
12 July 2018 line), reviewer progress and agreement."""
import io
import tempfile
from pathlib import Path

import streamlit as st

from review_ui.dashboard import check_rates, reviewer_progress
from review_ui.agreement import agreement
from review_ui.conflicts import conflict_rows, conflicts
from review_ui.exports import cases_csv, cases_xlsx, decisions_csv
from review_ui.ui import signed_in
from scoring.cases import roll_up
from scoring.charts import render_chart
from scoring.report import CATEGORY_LABELS

archive = signed_in()
st.header("Dashboard")
history = archive.history()
docs = archive.reviewed_documents()  # categories and rates as reviewed so far
report = roll_up(docs)

st.subheader("Parents per category")
counts = {}
for c in report["cases"]:
    counts[c["category"]] = counts.get(c["category"], 0) + 1
st.dataframe([{"category": CATEGORY_LABELS.get(k, k), "parents": counts.get(k, 0)}
              for k in CATEGORY_LABELS], hide_index=True)

st.subheader("Deficiency rate per check")
st.dataframe(check_rates(docs), hide_index=True)

st.subheader("Decisions per month")
with tempfile.TemporaryDirectory() as tmp:
    png = Path(tmp) / "chart.png"
    render_chart(report, png)
    st.image(io.BytesIO(png.read_bytes()).getvalue())

st.subheader("Reviewer progress")
prog = reviewer_progress(archive.documents(), history)  # flags as the machine raised them
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
                "decision is kept; the last one counts for the reviewed figures):")
    st.dataframe(conflict_rows(found), hide_index=True, width="stretch")  # plain-text cells

st.subheader("Exports")
st.caption("The reviewed archive you may see: cases with categories as reviewed, and "
           "every decision.")
e1, e2, e3 = st.columns(3)
e1.download_button("Cases (CSV)", cases_csv(report), file_name="cases.csv", mime="text/csv",
                   key="export_cases_csv")
e2.download_button("Cases (XLSX)", cases_xlsx(report), file_name="cases.xlsx",
                   mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                   key="export_cases_xlsx")
e3.download_button("Decisions (CSV)", decisions_csv(history), file_name="decisions.csv",
                   mime="text/csv", key="export_decisions_csv")
