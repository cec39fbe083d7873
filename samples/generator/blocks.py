"""The parts a form is composed of. Each block draws at the canvas cursor ``c.y`` and
moves it down; which blocks appear, in what order and in what arrangement is decided by
the :class:`~.spec.Spec`, so layouts combine rather than come from fixed templates.
"""
from __future__ import annotations

from typing import Optional

from . import lexicon as lx
from .canvas import Canvas

SECTION = {"parent": {"eng": "PARENT", "spa": "PADRE O MADRE", "por": "RESPONSÁVEL", "fra": "PARENT"},
           "officer": {"eng": "OFFICER", "spa": "OFICIAL", "por": "OFICIAL", "fra": "AGENT"},
           "children": {"eng": "CHILD(REN)", "spa": "HIJO(S)", "por": "FILHO(S)", "fra": "ENFANT(S)"},
           "extra": {"eng": ["Date of birth", "Age", "Relationship"],
                     "spa": ["Fecha de nac.", "Edad", "Parentesco"], "por": ["Nascimento", "Idade", "Parentesco"],
                     "fra": ["Date de naissance", "Âge", "Lien de parenté"]},
           "initials": {"eng": "Initials", "spa": "Iniciales", "por": "Iniciais", "fra": "Initiales"}}


def _both(c: Canvas, table: dict) -> str:
    return " / ".join(dict.fromkeys(table[l] for l in c.spec.label_langs))


def header(c: Canvas) -> None:
    s, rng = c.spec, c.rng
    lang = s.label_langs[0]
    centered = rng.random() < 0.5
    if rng.random() < 0.3:  # a round seal in the top corner: print that is not text to read
        r = c.pt(24)
        cx = c.x0 + r if centered or rng.random() < 0.5 else c.x1 - r
        c.d.ellipse([cx - r, c.y, cx + r, c.y + 2 * r], outline=(22, 22, 22), width=c.rule_w + 1)
        c.d.ellipse([cx - r + c.pt(4), c.y + c.pt(4), cx + r - c.pt(4), c.y + 2 * r - c.pt(4)],
                    outline=(22, 22, 22), width=c.rule_w)
        seal = "DHS"
        c.text(cx - c.width(seal, c.f_bold) // 2, c.y + r - c.line_h(c.f_bold) // 2, seal, c.f_bold)
        if not centered or s.header_agency < 3:  # else three centred agency lines sit beside it
            c.y += 2 * r + c.pt(4)
    for line in lx.AGENCY[lang][:s.header_agency]:
        f = c.f_bold if line is lx.AGENCY[lang][0] else c.f_small
        x = (c.W - c.width(line, f)) // 2 if centered else c.x0
        c.text(x, c.y, line, f)
        c.y += c.line_h(f)
    if s.header_agency and rng.random() < 0.5:
        line = rng.choice(lx.FIELD_OFFICE[lang]).format(city=rng.choice(lx.OFFICES))
        x = (c.W - c.width(line, c.f_small)) // 2 if centered else c.x0
        c.text(x, c.y, line, c.f_small)
        c.y += c.line_h(c.f_small)
    c.y += c.pt(10)
    for i, lang in enumerate(s.title_langs):
        title = rng.choice(lx.TITLES[lang])
        f = c.f_title if i == 0 else c.f_head
        for line in c.wrap(title, f, c.x1 - c.x0):
            c.text((c.W - c.width(line, f)) // 2, c.y, line, f)
            c.y += c.line_h(f)
    if rng.random() < 0.35:
        c.y += c.pt(3)
        c.hline(c.x0, c.x1, c.y, c.rule_w + 1)
    c.y += c.pt(12)


def instructions(c: Canvas) -> None:
    rng = c.rng
    y0 = c.y
    boxed = rng.random() < 0.4
    pad = c.pt(5) if boxed else 0
    y = c.y + pad
    for i, lang in enumerate(c.spec.label_langs):
        f = c.f_body if i == 0 else c.f_small
        y = c.paragraph(c.x0 + pad, y, rng.choice(lx.INSTRUCTIONS[lang]), f, c.x1 - c.x0 - 2 * pad)
    if boxed:
        c.rect(c.x0, y0, c.x1, y + pad)
        y += pad
    c.y = y + c.gap


def _identity_items(c: Canvas) -> list[tuple[str, Optional[str]]]:
    w = c.spec.written
    items = [("parent_name", w["parent_name"]), ("parent_a_number", w["parent_a_number"])]
    items += [(d, w[d]) for d in c.spec.distractors]
    return items


def _readin_items(c: Canvas) -> list[tuple[str, Optional[str]]]:
    w, mode = c.spec.written, c.spec.readin
    out = []
    if mode in ("fields", "lang_only"):
        out.append(("read_in_language", w["read_in_language"]))
    if mode in ("fields", "interp_only"):
        out.append(("interpreter_name", w["interpreter_name"]))
    return out


def identity(c: Canvas) -> None:
    s = c.spec
    items = _identity_items(c)
    if s.readin_pos == "identity" and s.readin != "sentence":
        items += _readin_items(c)
    if s.identity == "split":
        _split(c, items)
        return
    if s.identity == "stack":
        for slot, value in items:
            c.y = c.row(c.y, [(slot, value, 1)], s.placement)
        return
    if s.identity == "inline":  # "Name: ______  A#: ______" on one line, then the rest by two
        c.y = c.row(c.y, [items[0] + (1.8,), items[1] + (1.0,)], s.placement)
        rest = items[2:]
        while rest:
            take, rest = rest[:2], rest[2:]
            c.y = c.row(c.y, [(a, b, 1.0) for a, b in take], s.placement)
        return
    # pairs / grid: the parent's name gets a full row, the rest share rows two by two
    tight = c.gap if s.identity == "grid" else 0  # grid cells abut
    c.y = c.row(c.y, [items[0] + (1,)], s.placement) - tight
    rest = items[1:]
    while rest:
        take, rest = rest[:2], rest[2:]
        c.y = c.row(c.y, [(a, b, 1.0 if i == 0 else 0.8) for i, (a, b) in enumerate(take)],
                    s.placement) - tight
    c.y += tight


def _split(c: Canvas, items: list) -> None:
    """Two boxed columns: the parent's data left, the officer's right."""
    s = c.spec
    mid = (c.x0 + c.x1) // 2
    pad = c.pt(5)
    top = c.y
    yl = top + pad
    c.text(c.x0 + pad, yl, _both(c, SECTION["parent"]), c.f_bold)
    yl += c.line_h(c.f_bold) + c.pt(4)
    place = "right" if s.placement == "box" else s.placement
    for slot, value in items:
        yl = c.field(c.x0 + pad, mid - pad, yl, slot, value, place)
    yr = top + pad
    c.text(mid + pad, yr, _both(c, SECTION["officer"]), c.f_bold)
    yr += c.line_h(c.f_bold) + c.pt(4)
    yr = c.field(mid + pad, c.x1 - pad, yr, "official_name", s.written["official_name"], place, officer=True)
    if s.officer_date:
        yr = c.field(mid + pad, c.x1 - pad, yr, "officer_date", s.written["officer_date"], place, officer=True)
    s.written["_official_done"] = True
    bottom = max(yl, yr)
    c.rect(c.x0, top, c.x1, bottom)
    c.d.line([(mid, top), (mid, bottom)], fill=(22, 22, 22), width=c.rule_w)
    c.y = bottom + c.gap


def children(c: Canvas) -> None:
    s, w, rng = c.spec, c.spec.written, c.rng
    kids, kid_a = w["child_names"], w["child_a_numbers"]
    if s.children == "line":
        c.y = c.row(c.y, [("child_names", w["child_join"].join(kids) or None, 1)], s.placement)
        if s.child_anum == "line":
            c.y = c.row(c.y, [("child_a_numbers", ", ".join(kid_a) or None, 1)], s.placement)
        return
    if s.children == "lines":
        c.draw_label(c.x0, c.y, c.label_lines("child_names"))
        c.y += sum(c.line_h(f) for _, f in c.label_lines("child_names")) + c.pt(2)
        n = max(len(kids), rng.choice([2, 3, 3, 4]))
        for i in range(n):
            num = f"{i + 1}."
            c.y += c.entry_h()
            c.text(c.x0, c.y - c.line_h(c.f_body), num, c.f_body)
            xs = c.x0 + c.width(num, c.f_body) + c.pt(6)
            split = c.x0 + int((c.x1 - c.x0) * 0.6) if s.child_anum == "per_line" else c.x1
            c.hline(xs, split, c.y)
            if i < len(kids):
                c.write(xs + c.pt(4), c.y - c.pt(2), split, kids[i], region=f"child_names.{i}")
            if s.child_anum == "per_line":
                lab = c.spec.labels["child_a_numbers"][0] + (":" if c.colon else "")
                lx0 = split + c.pt(8)
                c.text(lx0, c.y - c.line_h(c.f_small), lab, c.f_small)
                ax = lx0 + c.width(lab, c.f_small) + c.pt(4)
                c.hline(ax, c.x1, c.y)
                if i < len(kid_a):
                    c.write(ax + c.pt(3), c.y - c.pt(2), c.x1, kid_a[i], region=f"child_a_numbers.{i}")
            c.y += c.pt(4)
        c.y += c.gap
        if s.child_anum == "line":
            c.y = c.row(c.y, [("child_a_numbers", ", ".join(kid_a) or None, 1)], s.placement)
        return
    _child_table(c)


def _child_table(c: Canvas) -> None:
    s, w, rng = c.spec, c.spec.written, c.rng
    kids, kid_a = w["child_names"], w["child_a_numbers"]
    if rng.random() < 0.6:
        c.text(c.x0, c.y, _both(c, SECTION["children"]), c.f_bold)
        c.y += c.line_h(c.f_bold) + c.pt(3)
    cols: list[tuple[str, float]] = [("child_names", 3.0)]
    if s.child_anum == "column":
        cols.append(("child_a_numbers", 2.0))
    extra = rng.random() < 0.5
    if extra:
        cols.append(("extra", 1.4))
    total = sum(wt for _, wt in cols)
    xs = [c.x0]
    for _, wt in cols:
        xs.append(xs[-1] + int((c.x1 - c.x0) * wt / total))
    xs[-1] = c.x1
    extra_label = rng.choice(SECTION["extra"][s.label_langs[0]])
    head_h = max(sum(c.line_h(f) for _, f in c.label_lines(slot, small=True)) if slot != "extra"
                 else c.line_h(c.f_small) for slot, _ in cols) + c.pt(6)
    top = c.y
    for i, (slot, _) in enumerate(cols):
        if slot == "extra":
            c.text(xs[i] + c.pt(3), top + c.pt(3), extra_label, c.f_small)
        else:
            lines = [(t.rstrip(":"), f) for t, f in c.label_lines(slot, small=True)]
            c.draw_label(xs[i] + c.pt(3), top + c.pt(3), lines)
    y = top + head_h
    rows = max(len(kids), rng.choice([2, 3, 3, 4]))
    rh = c.entry_h() + c.pt(4)
    for r in range(rows):
        for i, (slot, _) in enumerate(cols):
            val = None
            if slot == "child_names" and r < len(kids):
                val = kids[r]
            elif slot == "child_a_numbers" and r < len(kid_a):
                val = kid_a[r]
            elif slot == "extra" and r < len(kids) and rng.random() < 0.5:
                val = str(rng.randint(1, 16)) if "Ag" in extra_label or "Ed" in extra_label or "Id" in extra_label else None
            if val:
                c.write(xs[i] + c.pt(5), y + rh - c.pt(6), xs[i + 1] - c.pt(3), val,
                        region=f"{slot}.{r}")
        y += rh
    for yy in [top, top + head_h] + [top + head_h + rh * (k + 1) for k in range(rows)]:
        c.hline(c.x0, c.x1, yy)
    for x in xs:
        c.d.line([(x, top), (x, y)], fill=(22, 22, 22), width=c.rule_w)
    c.y = y + c.gap


def readin(c: Canvas) -> None:
    s, w = c.spec, c.spec.written
    if s.readin == "none" or (s.readin_pos == "identity" and s.readin != "sentence"):
        return
    if s.readin != "sentence":
        items = _readin_items(c)
        place = "right" if s.placement == "box" and c.rng.random() < 0.5 else s.placement
        c.y = c.row(c.y, [(a, b, 1) for a, b in items], place)
        return
    # a sentence with blanks: "... read to the parent in ____ by ____"
    sentence = c.rng.choice(lx.READ_IN_SENTENCE[s.label_langs[0]])
    before, rest = sentence.split("{lang}")
    middle, after = rest.split("{by}")
    parts = [("t", before), ("b", "read_in_language", 110), ("t", middle), ("b", "interpreter_name", 190),
             ("t", after)]
    x, y = c.x0, c.y + c.entry_h() - c.line_h(c.f_body)
    lh = c.entry_h() + c.pt(4)
    for p in parts:
        if p[0] == "t":
            for word in p[1].split():
                ww = c.width(word + " ", c.f_body)
                if x + ww > c.x1:
                    x, y = c.x0, y + lh
                c.text(x, y, word, c.f_body)
                x += ww
        else:
            bw = c.pt(p[2])
            if x + bw > c.x1:
                x, y = c.x0, y + lh
            base = y + c.line_h(c.f_body) - c.pt(1)
            c.hline(x, x + bw, base)
            if w[p[1]]:
                c.write(x + c.pt(3), base - c.pt(2), x + bw, w[p[1]], region=p[1])
            x += bw + c.pt(5)
    c.y = y + c.line_h(c.f_body) + c.gap


def footer(c: Canvas) -> None:
    rng = c.rng
    code = rng.choice(["WSF-{n}", "ICE/ERO {n}-A", "FE-{n}", "SPR-{n}", "PE {n}"]).format(n=rng.randint(10, 99))
    mm, yy = rng.randint(1, 12), rng.choice([17, 18])
    left = rng.choice(lx.FOOTERS).format(code=code, mm=f"{mm:02d}", yy=yy)
    right = rng.choice(lx.PAGE_MARKS[c.spec.label_langs[0]])
    y = c.H - int(0.45 * c.dpi)
    c.text(c.x0, y, left, c.f_small)
    if right:
        c.text(c.x1 - c.width(right, c.f_small), y, right, c.f_small)
