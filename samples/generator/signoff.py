"""Sign-off blocks: parent and officer signatures with dates, witness and supervisor
acknowledgement (boxed or not). Ink is drawn only where ``spec.signed`` says so.
"""
from __future__ import annotations

from . import lexicon as lx
from .canvas import Canvas
from .marks import signature


def signatures(c: Canvas) -> None:
    order = [_parent_sig, _officer_sig]
    if c.spec.sig_order == "officer_first":
        order.reverse()
    for block in order:
        block(c)


def _parent_sig(c: Canvas) -> None:
    s = c.spec
    mid = c.x0 + int((c.x1 - c.x0) * c.rng.uniform(0.5, 0.6))
    y0 = c.y
    if c.rng.random() < 0.75:  # date beside the signature
        yd = c.field(mid + c.pt(20), c.x1, y0 + c.pt(c.body_pt * 1.0), "date_signed", s.written["date_signed"],
                     "below" if c.rng.random() < 0.6 else "right")
        ys = c.signature_line(c.x0, mid - c.pt(10), y0, "parent_signature", s.signed["parent"], signature,
                              with_x=c.rng.random() < 0.2)
        c.y = max(yd, ys)
    else:
        c.y = c.signature_line(c.x0, mid, y0, "parent_signature", s.signed["parent"], signature)
        c.y = c.row(c.y, [("date_signed", s.written["date_signed"], 1)], "right",
                    x1=c.x0 + int((c.x1 - c.x0) * 0.55))


def _officer_sig(c: Canvas) -> None:
    s = c.spec
    w = s.written
    mid = c.x0 + int((c.x1 - c.x0) * 0.55)
    if w.get("_official_done"):
        c.y = c.signature_line(c.x0, mid, c.y, "official_signature", s.signed["officer"], signature)
        return
    if c.rng.random() < 0.5:  # name on its own line, signature under it
        items = [("official_name", w["official_name"], 1.6)]
        if s.officer_date:
            items.append(("officer_date", w["officer_date"], 1))
        c.y = c.row(c.y, items, "right" if s.placement == "box" else s.placement, officer=True)
        c.y = c.signature_line(c.x0, mid, c.y, "official_signature", s.signed["officer"], signature)
    else:  # signature left, printed name right
        y0 = c.y
        ys = c.signature_line(c.x0, mid - c.pt(10), y0, "official_signature", s.signed["officer"], signature)
        yn = c.field(mid + c.pt(10), c.x1, y0 + c.pt(c.body_pt * 1.0), "official_name", w["official_name"],
                     "below", officer=True)
        c.y = max(ys, yn)
        if s.officer_date:
            c.y = c.row(c.y, [("officer_date", w["officer_date"], 1)], "right",
                        x1=c.x0 + int((c.x1 - c.x0) * 0.5), officer=True)


def _boxed(c: Canvas, draw) -> None:
    boxed = c.spec.boxed_blocks
    pad = c.pt(6) if boxed else 0
    top = c.y
    x0, x1 = c.x0, c.x1
    if boxed:
        c.x0, c.x1 = x0 + pad, x1 - pad
    c.y += pad
    try:
        draw(c)
    finally:
        c.x0, c.x1 = x0, x1
    if boxed:
        c.rect(x0, top, x1, c.y - c.gap + pad)
        c.y += pad + c.pt(4)


def witness(c: Canvas) -> None:
    def draw(c: Canvas) -> None:
        s = c.spec
        c.text(c.x0, c.y, " / ".join(dict.fromkeys(s.labels["witness_heading"])), c.f_bold)
        c.y += c.line_h(c.f_bold) + c.pt(2)
        mid = c.x0 + int((c.x1 - c.x0) * 0.55)
        y0 = c.y
        yn = c.field(c.x0, mid - c.pt(10), y0 + c.pt(c.body_pt), "witness_name", s.written["witness_name"],
                     "right" if c.rng.random() < 0.6 else "below", officer=True)
        ys = c.signature_line(mid + c.pt(10), c.x1, y0, "witness_signature", s.signed["witness"], signature)
        c.y = max(yn, ys)
    _boxed(c, draw)


def supervisor(c: Canvas) -> None:
    def draw(c: Canvas) -> None:
        s, rng = c.spec, c.rng
        c.text(c.x0, c.y, " / ".join(dict.fromkeys(s.labels["supervisor_heading"])), c.f_bold)
        c.y += c.line_h(c.f_bold) + c.pt(2)
        txt = rng.choice(lx.LABELS["supervisor_text"][s.label_langs[0]])
        if txt:
            c.y = c.paragraph(c.x0, c.y, txt, c.f_small, c.x1 - c.x0)
        mid = c.x0 + int((c.x1 - c.x0) * 0.55)
        y0 = c.y
        yn = c.field(c.x0, mid - c.pt(10), y0 + c.pt(c.body_pt), "supervisor_name", s.written["supervisor_name"],
                     "right" if rng.random() < 0.6 else "below", officer=True)
        ys = c.signature_line(mid + c.pt(10), c.x1, y0, "supervisor_signature", s.signed["supervisor"], signature)
        c.y = max(yn, ys)
    _boxed(c, draw)
