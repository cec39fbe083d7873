"""Case: every record of one A-number on a timeline, contradictions called out."""
import json

import streamlit as st

from review_ui.access import AccessDenied
from review_ui.ui import esc, signed_in
from scoring.cases import value
from scoring.report import CATEGORY_LABELS, FLAG_LABELS

archive = signed_in()
st.header("Case")
known = archive.a_numbers()
typed = st.text_input("A-number", value=st.query_params.get("a") or st.session_state.get("case_a") or "",
                      key="case_lookup")
if not typed and known:
    st.caption(f"{len(known)} cases you may open, e.g. {esc(known[0])}")
if not typed:
    st.stop()
try:
    got = archive.case(typed)
except (AccessDenied, LookupError) as exc:
    st.error(str(exc))
    st.stop()
st.session_state["case_a"] = typed
case = got["case"]
st.subheader(f"{esc(case['a_number'])}: {esc(CATEGORY_LABELS.get(case['category'], case['category']))}")
if case.get("earliest_decision_date"):
    st.markdown(f"Earliest decision: {esc(case['earliest_decision_date'])}")
for flag in case.get("flags") or []:
    st.warning(FLAG_LABELS.get(flag, flag))
WAIVER = {"depart_without_child": "waiver", "waive_reunification": "waiver",
          "reunify": "request to reunify", "requests_reunification": "request to reunify"}
said = {}
for r in got["records"]:
    f = r["record"].get("fields") or {}
    kind = WAIVER.get(str(value(f, "election") or value(f, "decision")))
    if kind:
        said.setdefault(kind, []).append(r["document"]["source"])
if "conflicting_records" in (case.get("flags") or []) or len(said) > 1:
    st.error("Contradiction: the records hold both a waiver and a request to reunify: "
             + "; ".join(f"{k} in {', '.join(esc(x) for x in v)}" for k, v in said.items()))
rows = []
for r in got["records"]:
    rec, f = r["record"], r["record"].get("fields") or {}
    d = value(f, "election") or value(f, "decision")
    rows.append({"date": value(f, "date_signed") or value(f, "entry_date") or "(undated)",
                 "source": r["document"]["source"], "kind": rec.get("kind"),
                 "decision": d if isinstance(d, str) else json.dumps(d, ensure_ascii=False),
                 "failed": ", ".join(c["id"] for c in rec.get("checks") or [] if c["status"] == "fail"),
                 "unknown": ", ".join(c["id"] for c in rec.get("checks") or [] if c["status"] == "unknown"),
                 "record": rec["record_id"]})
st.markdown("**Timeline**")
st.dataframe(rows, hide_index=True, width="stretch")
