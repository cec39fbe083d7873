"""The client report counsel download: one A-number's case, each record's checks with
their result as reviewed, the evidence crops from the page, and every reviewer decision
with its author and time.

Built from :meth:`review_ui.access.Archive.case`, so it holds only what the signed-in
account may see. :func:`report_items` lays the content out (tests read it);
:func:`render_pdf` draws it onto A4 pages with Pillow (DejaVu Sans) and saves a PDF, so
no PDF library is needed.
"""
from __future__ import annotations

import io
import json
import textwrap
from dataclasses import dataclass
from typing import Any, Optional, Union

from PIL import Image, ImageDraw, ImageFont

from scoring.report import CATEGORY_LABELS, CHECK_FIELDS, FLAG_LABELS

DPI = 150
PAGE = (1240, 1754)  # A4 at 150 dpi
MARGIN = 90
FONT_PATHS = ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",)


@dataclass
class Line:
    text: str
    size: int = 20
    bold: bool = False


@dataclass
class Crop:
    image: Image.Image
    caption: str


Item = Union[Line, Crop]


def _crops(source: str, record: dict[str, Any], check_ids: list[str]) -> list[Crop]:
    """The page regions of the fields behind these checks (none when the source file
    is gone or the record came from a text export)."""
    from waiverscan.evidence import render_page, source_path
    path = source_path(source)
    if path is None:
        return []
    fields = record.get("fields") or {}
    wanted = []
    for cid in check_ids:
        for name in CHECK_FIELDS.get(cid, ()):
            f = fields.get(name)
            if isinstance(f, dict) and f.get("bbox") and isinstance(f.get("page"), int):
                wanted.append((cid, name, f["page"], f["bbox"]))
    out, pages = [], {}
    for cid, name, page, (x0, y0, x1, y1) in wanted:
        if page not in pages:
            pages[page] = render_page(path, page)
        img = pages[page]
        if img is None:
            continue
        pad = 12
        box = (max(0, int(x0) - pad), max(0, int(y0) - pad),
               min(img.width, int(x1) + pad), min(img.height, int(y1) + pad))
        if box[2] > box[0] and box[3] > box[1]:
            out.append(Crop(img.crop(box), f"{cid}: {name}, page {page}"))
    return out


def report_items(case_view: dict[str, Any], histories: dict[str, list[dict[str, Any]]],
                 *, with_crops: bool = True) -> list[Item]:
    """The report's content in order. ``case_view`` is ``Archive.case()``'s answer (its
    records already reviewed), ``histories`` each record's decisions."""
    case = case_view["case"]
    items: list[Item] = [
        Line(f"Client check: {case['a_number']}", 34, True),
        Line(f"Category: {CATEGORY_LABELS.get(case['category'], case['category'])}", 22),
        Line(f"Earliest decision: {case.get('earliest_decision_date') or 'not recorded'}"),
    ]
    items += [Line(f"Flag: {FLAG_LABELS.get(f, f)}") for f in case.get("flags") or []]
    for row in case_view["records"]:
        rec, doc = row["record"], row["document"]
        score = rec.get("score")
        items.append(Line(""))
        items.append(Line(f"{doc['source']} ({rec.get('kind')}), score "
                          f"{'n/a' if score is None else f'{score:.0f}/100'}", 24, True))
        for c in rec.get("checks") or []:
            items.append(Line(f"{c['id']}: {c['status']} ({c['severity']}) - {c.get('why') or ''}"))
        flagged = [c["id"] for c in rec.get("checks") or [] if c["status"] in ("fail", "unknown")]
        if with_crops and flagged:
            items += _crops(doc["source"], rec, flagged)
        hist = histories.get(rec["record_id"]) or []
        if hist:
            items.append(Line("Reviewer decisions:", 20, True))
        for d in hist:
            change = ""
            if d.get("field"):
                change = (f" {d['field']}: {json.dumps(d['value_before'], ensure_ascii=False)}"
                          f" -> {json.dumps(d['value_after'], ensure_ascii=False)}")
            items.append(Line(f"{str(d['at'])[:19]} {d['reviewer']}: {d['action']} "
                              f"{d.get('check_id') or ''}{change}"
                              + (f" ({d['note']})" if d.get("note") else "")))
    return items


def _font(size: int, bold: bool) -> ImageFont.ImageFont:
    path = FONT_PATHS[0].replace("DejaVuSans.ttf", "DejaVuSans-Bold.ttf") if bold else FONT_PATHS[0]
    try:
        return ImageFont.truetype(path, size)
    except OSError:
        return ImageFont.load_default()


def render_pdf(items: list[Item]) -> bytes:
    pages: list[Image.Image] = []
    page: Optional[Image.Image] = None
    y = 0

    def new_page() -> ImageDraw.ImageDraw:
        nonlocal page, y
        page = Image.new("RGB", PAGE, "white")
        pages.append(page)
        y = MARGIN
        return ImageDraw.Draw(page)

    draw = new_page()
    width = PAGE[0] - 2 * MARGIN
    for it in items:
        if isinstance(it, Line):
            font = _font(it.size, it.bold)
            chars = max(20, int(width / (it.size * 0.55)))
            for part in textwrap.wrap(it.text, chars) or [""]:
                if y + it.size * 1.5 > PAGE[1] - MARGIN:
                    draw = new_page()
                draw.text((MARGIN, y), part, fill="black", font=font)
                y += int(it.size * 1.45)
        else:
            img = it.image.convert("RGB")
            scale = min(1.0, width / img.width, 400 / img.height)
            img = img.resize((max(1, int(img.width * scale)), max(1, int(img.height * scale))))
            if y + img.height + 40 > PAGE[1] - MARGIN:
                draw = new_page()
            draw.text((MARGIN, y), it.caption, fill=(90, 90, 90), font=_font(16, False))
            y += 24
            page.paste(img, (MARGIN, y))
            draw.rectangle([MARGIN, y, MARGIN + img.width, y + img.height], outline=(120, 120, 120))
            y += img.height + 16
    buf = io.BytesIO()
    pages[0].save(buf, "PDF", save_all=True, append_images=pages[1:], resolution=DPI)
    return buf.getvalue()


def client_report_pdf(archive: Any, a_number: str) -> bytes:
    """The PDF for one A-number, as this account may see it (AccessDenied otherwise)."""
    view = archive.case(a_number)
    histories = {r["record"]["record_id"]: archive.history(r["record"]["record_id"])
                 for r in view["records"]}
    return render_pdf(report_items(view, histories))
