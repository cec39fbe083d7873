"""Client check (counsel): one assigned A-number's checks, results and decisions."""
import streamlit as st

from review_ui.access import AccessDenied, record_a_number
from review_ui.upload import save_upload, scan_upload
from review_ui.client_report import client_report_pdf
from review_ui.ui import esc, signed_in
from scoring.report import CATEGORY_LABELS

archive = signed_in()
st.header("Client check")

with st.expander("Scan one file (a form or a case-comment export)"):
    up = st.file_uploader("File", type=["pdf", "png", "jpg", "jpeg", "tif", "tiff", "csv",
                                        "xlsx", "txt"], key="client_upload")
    if up is not None and st.button("Scan it", key="client_scan"):
        with st.status("Scanning", expanded=True) as status:
            try:
                path = save_upload(up.getvalue())
                result = scan_upload(archive.store, path, step=st.write,
                                     seen_by=archive.account.name)
            except ValueError as exc:
                # the previous upload's result must not stand as this one's
                st.session_state.pop("client_scanned", None)
                status.update(label=str(exc), state="error")
            else:
                status.update(label="Scanned and stored", state="complete")
                st.session_state["client_scanned"] = result
    result = st.session_state.get("client_scanned")
    if result:
        if result.get("error"):
            st.error(f"{result['error']['code']}: {result['error']['message']}")
        st.markdown(f"Read as **{esc(result.get('doc_type'))}**, {len(result.get('records') or [])} record(s)")
        for rec in result.get("records") or []:
            st.markdown(f"A-number read: **{esc(record_a_number(rec) or 'none')}**, score "
                        f"{esc(rec.get('score'))}")
            st.dataframe([{"check": c["id"], "result": c["status"], "severity": c["severity"],
                           "why": c.get("why") or ""} for c in rec.get("checks") or []],
                         hide_index=True)
        st.caption("Stored in the archive: reviewers will see it in their queue.")

choices = archive.a_numbers()
if not choices:
    st.info("No A-number is assigned to you yet: ask an admin (`waiverscan users assign`).")
    st.stop()
asked = st.query_params.get("a")
a = st.selectbox("A-number", choices, key="client_a",
                 index=choices.index(asked) if asked in choices else 0)
try:
    got = archive.case(a)
except (AccessDenied, LookupError) as exc:
    st.error(str(exc))
    st.stop()
case = got["case"]
st.subheader(f"{esc(a)}: {esc(CATEGORY_LABELS.get(case['category'], case['category']))}")
for r in got["records"]:
    rec = r["record"]
    st.markdown(f"**{esc(r['document']['source'])}** ({rec.get('kind')})")
    st.dataframe([{"check": c["id"], "result": c["status"], "severity": c["severity"],
                   "why": c.get("why") or ""} for c in rec.get("checks") or []], hide_index=True)
    hist = archive.history(rec["record_id"])
    if hist:
        st.dataframe([{"when": str(d["at"])[:19], "who": d["reviewer"], "action": d["action"],
                       "check": d["check_id"] or "", "note": d["note"] or ""} for d in hist],
                     hide_index=True)
if st.button("Prepare PDF report", key="client_pdf"):
    with st.spinner("Drawing the report"):
        st.session_state["client_pdf_data"] = (a, client_report_pdf(archive, a))
ready = st.session_state.get("client_pdf_data")
if ready and ready[0] == a:
    st.download_button("Download PDF report", ready[1], file_name=f"client-check-{a}.pdf",
                       mime="application/pdf", key="client_pdf_download")
