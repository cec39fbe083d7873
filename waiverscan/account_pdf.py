"""Counsel's account of a case (:mod:`scoring.account`) as a text PDF: searchable and
copyable (fpdf2 writes real text with an embedded DejaVu font, so names with accents
come through), with the crops of the written values behind each flagged check as
images (:func:`waiverscan.evidence.value_crops`: only values found, never a printed
label). Used by the review UI's client check and by `waiverscan report --case A
--format pdf`, so both give the same document.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

from scoring.account import review_state
from scoring.report import CATEGORY_LABELS, FLAG_LABELS
from waiverscan.evidence import value_crops

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
#: widest a crop is drawn (mm) and its scale: 300 dpi source pixels at ~150 dpi print
CROP_MAX_W, MM_PER_PX = 170.0, 25.4 / 150


def _pdf():
    from fpdf import FPDF
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=15)
    pdf.set_margins(18, 15, 18)
    regular, bold = FONT_DIR / "DejaVuSans.ttf", FONT_DIR / "DejaVuSans-Bold.ttf"
    if regular.is_file() and bold.is_file():
        pdf.add_font("body", "", str(regular))
        pdf.add_font("body", "B", str(bold))
        family = "body"
    else:  # no DejaVu: the core font (Latin-1 only), text replaced where it cannot go
        family = "helvetica"
    pdf.add_page()
    return pdf, family


def _text(pdf, family: str, text: str, size: float = 10, bold: bool = False,
          gap: float = 1.0) -> None:
    pdf.set_font(family, "B" if bold else "", size)
    if family == "helvetica":
        text = text.encode("latin-1", "replace").decode("latin-1")
    pdf.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(gap)


def account_pdf(account: dict[str, Any], file_sources: Optional[dict[str, str]] = None,
                *, with_crops: bool = True) -> bytes:
    """The PDF bytes. ``file_sources``: record id -> the stored file to crop from (never
    printed; the account's own ``source`` is what the reader is shown)."""
    pdf, fam = _pdf()
    file_sources = file_sources or {}
    _text(pdf, fam, f"Client check: {account['a_number'] or '(no A-number)'}", 18, True, 2)
    _text(pdf, fam, "Category (as reviewed): "
          + CATEGORY_LABELS.get(account["category"], account["category"]), 12)
    _text(pdf, fam, f"Earliest decision: {account['earliest_decision_date'] or 'undated'}")
    for f in account["flags"]:
        _text(pdf, fam, f"Flag: {FLAG_LABELS.get(f, f)}")
    for r in account["records"]:
        pdf.ln(3)
        where = f"{r['source']}, {r['pages']}" if r.get("pages") else r["source"]
        _text(pdf, fam, f"{where} ({r['kind']}), dated {r['date'] or '-'}", 12, True)
        _text(pdf, fam, f"Score as read {_score(r['score_read'])}, as reviewed "
                        f"{_score(r['score_reviewed'])}", 9)
        _text(pdf, fam, "Values read:", 10, True, 0)
        for v in r["values"]:
            _text(pdf, fam, f"   {v['field']}: {v['value']}"
                  + (" (corrected by a reviewer)" if v["corrected"] else ""), 9, gap=0)
        pdf.ln(1)
        _text(pdf, fam, "Checks (status as read, after review, and the reviewers' decisions):",
              10, True, 0)
        for c in r["checks"]:
            _text(pdf, fam, f"   {c['id']} ({c['severity']}): {review_state(c)}", 9, gap=0.5)
        if with_crops and r["evidence_fields"] and r["record_id"] in file_sources:
            _crops(pdf, fam, file_sources[r["record_id"]], r)
    return bytes(pdf.output())


def _crops(pdf, fam: str, source: str, r: dict[str, Any]) -> None:
    raw = r["read_record"]
    got = value_crops(source, raw, list(dict.fromkeys(r["evidence_fields"])))
    if not got:
        return
    pdf.ln(1)
    _text(pdf, fam, "Evidence (the values as written on the page):", 10, True, 0)
    for name, (page, img) in got.items():
        w = min(CROP_MAX_W, img.width * MM_PER_PX)
        h = img.height * w / img.width
        if pdf.get_y() + h + 8 > pdf.h - pdf.b_margin:
            pdf.add_page()
        _text(pdf, fam, f"   {name}, page {page}", 8, gap=0)
        pdf.image(img.convert("RGB"), x=pdf.l_margin + 4, w=w, h=h)
        pdf.ln(2)


def _score(v: Optional[float]) -> str:
    return "n/a" if v is None else f"{v:.0f}/100"
