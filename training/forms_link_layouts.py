"""Synthetic key/value pages for the label->value linker: boxes and texts only, no
pixels (the linker sees geometry and the shape of the text, never the image).

A page is a stack of rows in one to three columns. Row kinds are those of printed forms
in general: labels with the value right of them (near, or at a shared tab stop, several
fields on one line), the value below the label, the label under the value's line
(signature and date lines), boxed cells (label in the corner, value below it), headings,
paragraphs and instructions (items that are neither), and labels left blank. Label
wordings come from the generator's multilingual lexicon plus general form words; values
are names, dates, numbers, codes and free text drawn here. Nothing is taken from FUNSD
or dev: FUNSD only evaluates (tools/eval_funsd_links.py).
"""
from __future__ import annotations

import random
from dataclasses import dataclass

from extractor.reader.linker import Item
from samples.generator import lexicon as lx
from samples.generator import people

GENERAL_LABELS = [
    "Name", "Date", "Address", "City", "State", "Zip", "Phone", "Telephone", "Fax", "E-mail",
    "Title", "Company", "Department", "Signature", "Total", "Amount", "Number", "No.", "Code",
    "From", "To", "Subject", "Re", "Comments", "Remarks", "Description", "Quantity", "Price",
    "Account", "Reference", "Approved by", "Prepared by", "Date of birth", "Sex", "Age",
    "Country", "Location", "Period", "Start date", "End date", "Project", "Product", "Brand",
    "Budget", "Cost", "Contact", "Organization", "Position", "Office", "Room", "Time", "Pages",
    "Case number", "File No.", "Client", "Program", "Report date", "Category", "Type",
]
WORDS = ["the", "of", "and", "form", "must", "be", "completed", "by", "all", "please", "print",
         "information", "below", "return", "office", "this", "section", "for", "use", "only",
         "report", "program", "request", "notice", "agreement", "review", "date", "records"]


@dataclass
class Page:
    items: list[Item]
    keys: list[int]
    values: list[int]
    links: set[tuple[int, int]]


def _label(rng: random.Random) -> str:
    if rng.random() < 0.5:
        by_lang = rng.choice(list(lx.LABELS.values()))
        langs = list(by_lang)
        t = rng.choice(by_lang[rng.choice(langs)])
        if len(langs) > 1 and rng.random() < 0.25:  # a bilingual label
            other = rng.choice([l for l in langs if by_lang[l]])
            t = f"{t} / {rng.choice(by_lang[other])}"
    else:
        t = rng.choice(GENERAL_LABELS)
    if rng.random() < 0.25:
        t = t.upper()
    return t + (":" if rng.random() < 0.55 else "")


def _value(rng: random.Random) -> str:
    k = rng.random()
    if k < 0.25:
        return " ".join(people.person(rng, rng.choice(["eng", "spa", "por"])))
    if k < 0.4:
        d = people.signing_date(rng)
        return people.write_date(rng, d.year, d.month, d.day, rng.random() < 0.5, "eng")
    if k < 0.55:
        return "".join(rng.choice("0123456789") for _ in range(rng.randint(2, 10)))
    if k < 0.65:
        return people.write_a_number(rng, people.new_a_number(rng))
    if k < 0.75:
        return rng.choice(["X", "Yes", "No", "N/A", "$" + str(rng.randint(1, 9999))])
    return " ".join(rng.choice(WORDS + ["Main", "Street", "North", "Ave", "Suite"])
                    for _ in range(rng.randint(1, 6))).capitalize()


class _Builder:
    def __init__(self, rng: random.Random, h: float, cw: float):
        self.rng, self.h, self.cw = rng, h, cw
        self.items: list[Item] = []
        self.keys: list[int] = []
        self.values: list[int] = []
        self.links: set[tuple[int, int]] = set()

    def add(self, text: str, x: float, y: float, role: str, lines: int = 1, w: float = 0.0) -> int:
        r, h = self.rng, self.h
        w = w or max(self.cw, len(text) * self.cw * r.uniform(0.85, 1.15))
        hh = h * r.uniform(0.85, 1.2) * lines + h * 0.25 * (lines - 1)
        j = lambda: r.uniform(-0.15, 0.15) * h  # noqa: E731
        self.items.append(Item(text, (x + j(), y + j(), x + w + j(), y + hh + j())))
        n = len(self.items) - 1
        if role == "key":
            self.keys.append(n)
        elif role == "value":
            self.values.append(n)
        return n

    def field(self, x: float, y: float, span: float, kind: str, tab: float = 0.0) -> float:
        """One label (and maybe its value) in the span x..x+span; returns its height."""
        r, h = self.rng, self.h
        lab = _label(r)
        blank = r.random() < 0.25
        val = _value(r)
        vlines = 1 if r.random() < 0.85 else r.randint(2, 3)
        vw = min(span * 0.9, max(len(val) * self.cw, r.uniform(0.2, 0.8) * span)) if vlines > 1 else 0.0
        if kind == "right":
            k = self.add(lab, x, y, "key")
            kx1 = self.items[k].bbox[2]
            gap = tab - kx1 if tab > kx1 else h * r.choice([r.uniform(0.3, 1.5), r.uniform(1.5, 6)])
            if not blank:
                v = self.add(val, kx1 + gap, y + r.uniform(-0.3, 0.2) * h, "value", vlines, vw)
                self.links.add((k, v))
            return h * (vlines + 0.3)
        if kind == "below":
            k = self.add(lab, x, y, "key")
            if not blank:
                v = self.add(val, x + r.uniform(-0.5, 3) * h, y + h * r.uniform(1.2, 2.6), "value",
                             vlines, vw)
                self.links.add((k, v))
            return h * (vlines + 2.4)
        if kind == "under":  # the value on a line, its label printed under it
            dy = h * r.uniform(1.2, 2.2)
            k = self.add(lab, x, y + dy, "key")
            if not blank:
                v = self.add(val, x + r.uniform(0, 4) * h, y, "value")
                self.links.add((k, v))
            return dy + h * 1.4
        # a boxed cell: the label small in its corner, the value below it
        k = self.add(lab, x + 0.3 * h, y + 0.2 * h, "key")
        if not blank:
            v = self.add(val, x + r.uniform(0.3, 2) * h, y + h * r.uniform(1.3, 2.0), "value")
            self.links.add((k, v))
        return h * 3.2


def page(rng: random.Random) -> Page:
    h = rng.uniform(8, 15)
    b = _Builder(rng, h, h * rng.uniform(0.45, 0.6))
    W, H = 760.0, 1000.0
    x0, x1 = rng.uniform(20, 80), W - rng.uniform(20, 80)
    y = rng.uniform(20, 90)
    while y < H - 3 * h:
        kind = rng.choices(["fields", "heading", "paragraph", "other"], weights=[7, 1, 1.2, 1])[0]
        if kind == "heading":
            b.add(" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 5))).upper(),
                  rng.uniform(x0, (x0 + x1) / 2), y, "other")
            y += h * rng.uniform(1.8, 3)
            continue
        if kind == "paragraph":
            n = rng.randint(1, 4)
            b.add(" ".join(rng.choice(WORDS) for _ in range(n * 12)), x0, y, "other", n, x1 - x0)
            y += h * (n * 1.25 + 1)
            continue
        if kind == "other":  # stray printed text: a form number, a page mark, a note
            b.add(rng.choice(["Page 1 of 2", "Form 1-A", "(optional)", "OFFICE USE ONLY", "Rev. 2/99",
                              "continued", "*", "See instructions"]), rng.uniform(x0, x1 - 80), y, "other")
            y += h * 1.6
            continue
        style = rng.choices(["right", "below", "under", "cell"], weights=[5, 2.5, 1, 1.2])[0]
        ncol = rng.choice([1, 1, 2, 2, 3, 4]) if style != "under" else rng.choice([1, 2, 2, 3])
        rows = rng.randint(1, 5)
        span = (x1 - x0) / ncol
        tab = (x0 + rng.uniform(0.25, 0.45) * span) if (style == "right" and rng.random() < 0.4) else 0.0
        for _ in range(rows):
            hs = []
            for c in range(ncol):
                cx = x0 + c * span
                t = tab + c * span if tab else 0.0
                hs.append(b.field(cx, y, span * 0.95, style, t))
            y += max(hs) + h * rng.uniform(0.2, 1.0)
            if y >= H - 3 * h:
                break
    return Page(b.items, b.keys, b.values, b.links)
