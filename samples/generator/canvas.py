"""Drawing primitives for a form page: printed text, rulings, boxes, label+entry fields,
and entries written in a handwriting or typewriter face.

Coordinates are pixels of the page at the render dpi; sizes are given in points and
converted with :meth:`Canvas.pt`, so a form looks the same at any dpi.
"""
from __future__ import annotations

import random
from typing import Optional, Sequence

from PIL import Image, ImageDraw, ImageFont

from . import fonts, strokes
from .spec import Spec

Font = ImageFont.FreeTypeFont
BLACK = (22, 22, 22)


class Canvas:
    def __init__(self, spec: Spec, dpi: int, scale: float, rng: random.Random):
        self.spec, self.dpi, self.rng = spec, dpi, rng
        self.k = dpi / 72.0 * scale
        self.W, self.H = int(round(8.5 * dpi)), int(round(11 * dpi))
        paper = (rng.randint(244, 252), rng.randint(242, 250), rng.randint(232, 244)) if spec.color \
            else (255, 255, 255)
        self.img = Image.new("RGB", (self.W, self.H), paper)
        self.d = ImageDraw.Draw(self.img)
        av = fonts.available()
        pf = av[spec.print_face]
        bf = fonts.bold_for(pf)
        body = rng.uniform(9.3, 10.8) * pf.factor
        self.body_pt = body
        self.f_body = fonts.font(pf.path, self.pt(body))
        self.f_small = fonts.font(pf.path, self.pt(body * 0.8))
        self.f_bold = fonts.font(bf.path, self.pt(body))
        self.f_head = fonts.font(bf.path, self.pt(body * 1.1))
        self.f_title = fonts.font(bf.path, self.pt(body * rng.uniform(1.3, 1.6)))
        self.hand = av[spec.fill_face]
        self.officer_hand = av[spec.officer_face]
        self.colon = rng.random() < 0.8
        self.rule_w = max(1, self.pt(rng.choice([0.5, 0.7, 0.9])))
        margin = rng.uniform(0.55, 0.9) * dpi
        self.x0, self.x1 = int(margin), int(self.W - margin * rng.uniform(0.9, 1.1))
        self.y = int(rng.uniform(0.45, 0.75) * dpi)
        self.bottom = int(self.H - 0.6 * dpi)
        self.gap = self.pt(body * rng.uniform(0.7, 1.1))  # vertical space between rows
        self.regions: dict[str, list[int]] = {}

    # ---- units and text ----------------------------------------------------------
    def pt(self, v: float) -> int:
        return max(1, int(round(v * self.k)))

    def width(self, s: str, f: Font) -> int:
        return int(self.d.textlength(s, font=f))

    def line_h(self, f: Font) -> int:
        a, d = f.getmetrics()
        return a + d

    def text(self, x: int, y: int, s: str, f: Font, fill=BLACK) -> int:
        """Draw ``s`` with its top at ``y``; return its width."""
        self.d.text((x, y), s, font=f, fill=fill)
        return self.width(s, f)

    def wrap(self, s: str, f: Font, maxw: int) -> list[str]:
        lines, cur = [], ""
        for word in s.split():
            cand = f"{cur} {word}".strip()
            if cur and self.width(cand, f) > maxw:
                lines.append(cur)
                cur = word
            else:
                cur = cand
        if cur:
            lines.append(cur)
        return lines

    def paragraph(self, x: int, y: int, s: str, f: Font, maxw: int, lead: float = 1.15) -> int:
        for line in self.wrap(s, f, maxw):
            self.text(x, y, line, f)
            y += int(self.line_h(f) * lead)
        return y

    def hline(self, x0: int, x1: int, y: int, w: Optional[int] = None) -> None:
        self.d.line([(x0, y), (x1, y)], fill=BLACK, width=w or self.rule_w)

    def rect(self, x0: int, y0: int, x1: int, y1: int, w: Optional[int] = None) -> None:
        self.d.rectangle([x0, y0, x1, y1], outline=BLACK, width=w or self.rule_w)

    # ---- labels --------------------------------------------------------------------
    def label_lines(self, slot: str, small: bool = False) -> list[tuple[str, Font]]:
        """A field label in the form's languages: inline "EN / ES" or stacked lines."""
        texts = self.spec.labels[slot]
        f = self.f_small if small else self.f_body
        suffix = ":" if self.colon and not small else ""
        if len(texts) == 1 or texts[0] == texts[1]:
            return [(texts[0] + suffix, f)]
        if self.spec.lang_mode == "bi_stack":
            return [(texts[0] + suffix, f), (texts[1], self.f_small)]
        return [(f"{texts[0]} / {texts[1]}{suffix}", f)]

    def draw_label(self, x: int, y: int, lines: list[tuple[str, Font]]) -> tuple[int, int]:
        """Draw label lines; return (width, height)."""
        w, h = 0, 0
        for s, f in lines:
            w = max(w, self.text(x, y + h, s, f))
            h += self.line_h(f)
        return w, h

    def _label_region(self, slot: str, x: int, y: int, w: int, h: int) -> None:
        """Record where a field's label was drawn (``regions["label.<slot>"]``, beside the
        value's ``regions[slot]``): the label->value linker's truth. The first label of a
        slot is kept (a slot drawn twice keeps its first)."""
        self.regions.setdefault(f"label.{slot}", [x, y, x + w, y + h])

    # ---- entries ---------------------------------------------------------------------
    def write(self, x: int, base: int, xmax: int, s: str, officer: bool = False,
              region: Optional[str] = None) -> None:
        """Write an entry with its baseline at ``base`` between x and xmax."""
        face = fonts.covering(self.officer_hand if officer else self.hand, s)
        size = self.body_pt * face.factor * self.rng.uniform(1.0, 1.25)
        f = fonts.font(face.path, self.pt(size))
        avail = max(10, xmax - x)
        while self.width(s, f) > avail and size > self.body_pt * 0.6:
            size *= 0.9
            f = fonts.font(face.path, self.pt(size))
        asc, desc = f.getmetrics()
        w = self.width(s, f) + 4
        layer = Image.new("L", (w + 8, asc + desc + 8), 0)
        ImageDraw.Draw(layer).text((4, 4), s, font=f, fill=255)
        hand = face.role == "hand"
        if hand and self.spec.strokes:  # train draws only (Spec.strokes)
            layer = strokes.augment(layer, self.rng)
        angle = self.rng.uniform(-1.6, 1.6) if hand else self.rng.uniform(-0.3, 0.3)
        layer = layer.rotate(angle, resample=Image.BICUBIC, expand=True)
        dx = self.rng.randint(0, max(0, min(self.pt(18), avail - w))) if avail > w else 0
        dy = self.rng.randint(-self.pt(1.5), self.pt(1)) if hand else 0
        px, py = x + dx - 4, base - asc - 4 + dy + self.pt(1)
        ink = Image.new("RGB", layer.size, self.spec.ink)
        self.img.paste(ink, (px, py), layer)
        if region:
            self.regions[region] = [px, py, px + layer.size[0], py + layer.size[1]]

    def entry_h(self) -> int:
        return self.pt(self.body_pt * 2.0)

    # ---- a label + entry field ---------------------------------------------------------
    def field(self, x0: int, x1: int, y: int, slot: str, value: Optional[str], placement: str,
              officer: bool = False) -> int:
        """Draw one field; return the y below it."""
        if placement == "right":
            lines = self.label_lines(slot)
            lw = max(self.width(s, f) for s, f in lines)
            if x1 - (x0 + lw) < self.pt(70):
                placement = "below"  # no room for the entry on the label's line
            else:
                eh = self.entry_h()
                lh = sum(self.line_h(f) for _, f in lines)
                top = y + max(0, eh - self.line_h(self.f_body))
                self._label_region(slot, x0, top, *self.draw_label(x0, top, lines))
                rule_y = top + self.line_h(self.f_body) - self.pt(1)
                self.hline(x0 + lw + self.pt(4), x1, rule_y)
                if value:
                    self.write(x0 + lw + self.pt(8), rule_y - self.pt(2), x1, value, officer, slot)
                return top + max(lh, self.line_h(self.f_body)) + self.gap
        if placement == "under":  # label first, the entry on a ruling beneath it
            lw, lh = self.draw_label(x0, y, self.label_lines(slot))
            self._label_region(slot, x0, y, lw, lh)
            rule_y = y + lh + self.entry_h()
            self.hline(x0, x1, rule_y)
            if value:
                self.write(x0 + self.pt(4), rule_y - self.pt(2), x1, value, officer, slot)
            return rule_y + self.gap
        if placement == "below":
            rule_y = y + self.entry_h()
            self.hline(x0, x1, rule_y)
            if value:
                self.write(x0 + self.pt(4), rule_y - self.pt(2), x1, value, officer, slot)
            lw, lh = self.draw_label(x0, rule_y + self.pt(2), self.label_lines(slot, small=True))
            self._label_region(slot, x0, rule_y + self.pt(2), lw, lh)
            return rule_y + self.pt(2) + lh + self.gap
        # box: label small in the top-left corner, entry in the lower part
        lines = self.label_lines(slot, small=True)
        lh = sum(self.line_h(f) for _, f in lines)
        bottom = y + self.pt(3) + lh + self.entry_h() + self.pt(2)
        self.rect(x0, y, x1, bottom)
        self._label_region(slot, x0 + self.pt(3), y + self.pt(2),
                           *self.draw_label(x0 + self.pt(3), y + self.pt(2), lines))
        if value:
            self.write(x0 + self.pt(6), bottom - self.pt(5), x1 - self.pt(3), value, officer, slot)
        return bottom + self.gap

    def row(self, y: int, items: Sequence[tuple[str, Optional[str], float]], placement: str,
            x0: Optional[int] = None, x1: Optional[int] = None, officer: bool = False) -> int:
        """Several fields side by side, widths by weight; return the y below the row."""
        x0 = self.x0 if x0 is None else x0
        x1 = self.x1 if x1 is None else x1
        gap = self.pt(14) if placement != "box" else 0
        total = sum(wt for _, _, wt in items)
        span = x1 - x0 - gap * (len(items) - 1)
        ys, x = [], x0
        for slot, value, wt in items:
            w = int(span * wt / total)
            ys.append(self.field(x, x + w, y, slot, value, placement, officer))
            x += w + gap
        return max(ys)

    def signature_line(self, x0: int, x1: int, y: int, slot: str, signed: bool,
                       draw_sig, with_x: bool = False) -> int:
        """A signature ruling with its label under it; ink above it when signed."""
        rule_y = y + self.pt(self.body_pt * 3.0)
        self.hline(x0, x1, rule_y)
        if with_x:
            self.text(x0, rule_y - self.line_h(self.f_body), "X", self.f_body)
        if signed:
            draw_sig(self, x0 + self.pt(10), min(x1, x0 + self.pt(190)), rule_y)
            self.regions[slot] = [x0, y, x1, rule_y]
        lw, lh = self.draw_label(x0, rule_y + self.pt(2), self.label_lines(slot, small=True))
        self._label_region(slot, x0, rule_y + self.pt(2), lw, lh)
        return rule_y + self.pt(2) + lh + self.gap
