"""Client check (counsel's landing page): one assigned A-number's account, the same
the PDF and `waiverscan report --case` give: each check as read, after review and the
reviewers' decisions in plain words, the values read and crops of the written values."""
import streamlit as st

from review_ui.access import AccessDenied, record_a_number
from review_ui.upload import save_upload, scan_upload
from review_ui.ui import esc, signed_in
from scoring.report import CATEGORY_LABELS, FLAG_LABELS
from waiverscan.evidence import value_crops


def _score(v):
    return "n/a" if v is None else f"{v:.0f}/100"

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

if archive.allowed is not None:  # counsel: their assigned clients
    choices = archive.a_numbers()
    if not choices:
        st.info("No A-number is assigned to you yet: ask an admin (`waiverscan users assign`).")
        st.stop()
    asked = st.query_params.get("a")
    a = st.selectbox("A-number", choices, key="client_a",
                     index=choices.index(asked) if asked in choices else 0)
else:
    a = st.text_input("A-number", value=st.query_params.get("a") or "", key="client_a_typed")
    if not a:
        st.stop()
try:
    account, files = archive.account_of(a)
except (AccessDenied, LookupError) as exc:
    st.error(str(exc))
    st.stop()
# the same account the PDF and `waiverscan report --case` give (scoring.account)
st.subheader(f"{esc(account['a_number'])}: "
             f"{esc(CATEGORY_LABELS.get(account['category'], account['category']))} (as reviewed)")
st.markdown(f"Earliest decision: **{esc(account['earliest_decision_date'] or 'undated')}**"
            + "".join(f" · {esc(FLAG_LABELS.get(f, f))}" for f in account["flags"]))


@st.cache_data(max_entries=64, show_spinner=False)
def _crops(source, record, names):
    import io
    out = []
    for name, (page, img) in value_crops(source, record, list(names)).items():
        buf = io.BytesIO()
        img.save(buf, "PNG")
        out.append((name, page, buf.getvalue()))
    return out


for r in account["records"]:
    where = f"{r['source']}, {r['pages']}" if r.get("pages") else r["source"]
    st.markdown(f"**{esc(where)}** ({r['kind']}), dated {esc(r['date'] or '-')} · score "
                f"as read {_score(r['score_read'])}, as reviewed {_score(r['score_reviewed'])}")
    # plain HTML tables (escaped cells): text counsel can read, search and copy
    st.table([{"check": c["id"], "severity": c["severity"], "read": c["read"],
               "after review": c["reviewed"],
               # cells render markdown: document and reviewer text escaped (ui.esc)
               "reviewers' decision": esc("; ".join(f"{d['words']} ({d['reviewer']}, {d['at']})"
                                                    for d in c["decisions"])
                                          or ("not reviewed yet" if c["read"] in ("fail", "unknown")
                                              else ""))}
              for c in r["checks"]])
    with st.expander("Values read" + (" and the evidence" if r["evidence_fields"] else "")):
        st.table([{"field": v["field"], "value": esc(v["value"]),
                   "corrected by a reviewer": "yes" if v["corrected"] else ""}
                  for v in r["values"]])
        for name, page, png in _crops(files.get(r["record_id"], ""), r["read_record"],
                                      tuple(dict.fromkeys(r["evidence_fields"]))):
            st.image(png, caption=f"{name}, page {page}, as written")
if st.button("Prepare PDF report", key="client_pdf"):
    with st.spinner("Drawing the report"):
        st.session_state["client_pdf_data"] = (a, archive.client_report_pdf(a))
ready = st.session_state.get("client_pdf_data")
if ready and ready[0] == a:
    st.download_button("Download PDF report", ready[1], file_name=f"client-check-{a}.pdf",
                       mime="application/pdf", key="client_pdf_download")
