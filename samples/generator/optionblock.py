"""The option block: the printed choices (boxes, brackets, circle-one letters or numbers,
initials lines; one or two languages, stacked, inline or in two columns) and the marks on
them. The marks drawn are exactly ``spec.marked``, which is what the truth's election says.
"""
from __future__ import annotations

from . import lexicon as lx
from .blocks import SECTION, _both
from .canvas import Canvas
from .marks import mark


def options(c: Canvas) -> None:
    s, rng = c.spec, c.rng
    kind = "circle" if s.options.startswith("circle") else "box"
    if s.option_lead:
        lead = [rng.choice(lx.OPTION_LEADS[kind][l]) for l in s.option_langs]
        c.y = c.paragraph(c.x0, c.y, " / ".join(lead), c.f_bold, c.x1 - c.x0) + c.pt(4)
    bold = rng.random() < 0.4
    bs = c.pt(c.body_pt * 1.15)
    letters = {"circle_letter": rng.choice([["A.", "B.", "C."], ["(a)", "(b)", "(c)"], ["a)", "b)", "c)"]]),
               "circle_number": rng.choice([["1.", "2.", "3."], ["(1)", "(2)", "(3)"], ["Option 1:", "Option 2:", "Option 3:"]])}
    placed = {}
    for i, intent in enumerate(s.option_order):
        texts = s.option_texts.get(intent) or [rng.choice(lx.OPTIONS[intent][l]) for l in s.option_langs]
        top = c.y
        if s.options == "box_left":
            box = (c.x0, top + c.pt(1), c.x0 + bs, top + c.pt(1) + bs)
            c.rect(*box, w=c.rule_w + 1)
            tx0, tx1 = c.x0 + bs + c.pt(10), c.x1
        elif s.options == "box_right":
            box = (c.x1 - bs, top + c.pt(1), c.x1, top + c.pt(1) + bs)
            c.rect(*box, w=c.rule_w + 1)
            tx0, tx1 = c.x0, c.x1 - bs - c.pt(16)
        elif s.options == "bracket":
            c.text(c.x0, top, "[", c.f_body)
            c.text(c.x0 + bs + c.pt(4), top, "]", c.f_body)
            box = (c.x0 + c.pt(5), top + c.pt(2), c.x0 + bs + c.pt(2), top + c.line_h(c.f_body) - c.pt(2))
            tx0, tx1 = c.x0 + bs + c.pt(14), c.x1
        elif s.options == "initials":
            iw = c.pt(48)
            c.hline(c.x0, c.x0 + iw, top + c.line_h(c.f_body))
            c.text(c.x0, top + c.line_h(c.f_body) + c.pt(1), _both(c, SECTION["initials"]), c.f_small)
            box = (c.x0, top - c.pt(4), c.x0 + iw, top + c.line_h(c.f_body) - c.pt(1))
            tx0, tx1 = c.x0 + iw + c.pt(10), c.x1
        else:
            lab = letters[s.options][i]
            lw = c.text(c.x0 + c.pt(12), top, lab, c.f_bold)
            box = (c.x0 + c.pt(12), top, c.x0 + c.pt(12) + lw, top + c.line_h(c.f_bold))
            tx0, tx1 = c.x0 + c.pt(12) + lw + c.pt(8), c.x1
        y_end, first = _option_text(c, texts, tx0, tx1, top, bold)
        placed[intent] = (box, first)
        c.regions[f"option.{intent}"] = [min(box[0], tx0), top, tx1, y_end]
        low = box[3] if s.options != "initials" else top + c.line_h(c.f_body) + c.line_h(c.f_small)
        c.y = max(y_end, low) + c.pt(c.body_pt * 0.9)
    for intent in s.marked:
        box, first = placed[intent]
        if s.mark_style == "tick" and s.options.startswith("circle"):
            h = box[3] - box[1]
            box = (c.x0 - c.pt(4), box[1], c.x0 - c.pt(4) + h, box[3])
        mark(c, s.mark_style, box, first)
    c.y += c.gap


def _option_text(c: Canvas, texts: list[str], x0: int, x1: int, top: int, bold: bool):
    """Draw an option's text in one or two languages; return (y below, first-line box)."""
    s = c.spec
    f1 = c.f_bold if bold else c.f_body
    if len(texts) == 1 or s.option_bi == "inline":
        lines = c.wrap(" / ".join(texts), f1, x1 - x0)
        y = top
        for ln in lines:
            c.text(x0, y, ln, f1)
            y += c.line_h(f1)
        return y, (x0, top, x0 + c.width(lines[0], f1), top + c.line_h(f1))
    if s.option_bi == "cols":
        mid = (x0 + x1) // 2
        ya = c.paragraph(x0, top, texts[0], f1, mid - x0 - c.pt(8), 1.0)
        yb = c.paragraph(mid + c.pt(4), top, texts[1], c.f_body, x1 - mid - c.pt(4), 1.0)
        first = c.wrap(texts[0], f1, mid - x0 - c.pt(8))[0]
        return max(ya, yb), (x0, top, x0 + c.width(first, f1), top + c.line_h(f1))
    y = c.paragraph(x0, top, texts[0], f1, x1 - x0, 1.0)
    first = c.wrap(texts[0], f1, x1 - x0)[0]
    y = c.paragraph(x0, y, texts[1], c.f_small, x1 - x0, 1.0)
    return y, (x0, top, x0 + c.width(first, f1), top + c.line_h(f1))
