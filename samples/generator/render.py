"""Compose a form page from its blocks, and draw unrelated attachment pages."""
from __future__ import annotations

import random
from typing import Any

from PIL import Image

from . import blocks, fonts, forms2018, lexicon as lx, optionblock, signoff
from .canvas import Canvas
from .spec import Spec


def _compose(spec: Spec, dpi: int, scale: float) -> Canvas:
    rng = random.Random(spec.seed * 7919 + 17)  # same stream on a retry at another scale
    c = Canvas(spec, dpi, scale, rng)
    if spec.family.startswith(("removal_2018.", "notice_2018.")):
        forms2018.compose(c)
        return c
    blocks.header(c)
    if spec.instructions:
        blocks.instructions(c)
    blocks.identity(c)
    blocks.children(c)
    if spec.readin_pos != "after_options":
        blocks.readin(c)
    optionblock.options(c)
    if spec.readin_pos == "after_options":
        blocks.readin(c)
    signoff.signatures(c)
    if spec.witness:
        signoff.witness(c)
    if spec.supervisor:
        signoff.supervisor(c)
    blocks.footer(c)
    return c


def render_form(spec: Spec, dpi: int) -> tuple[Image.Image, dict[str, Any]]:
    """The form page (RGB) and a description of its layout (for ``meta``)."""
    for scale in (1.0, 0.9, 0.8, 0.72, 0.64, 0.56):
        spec.written.pop("_official_done", None)
        c = _compose(spec, dpi, scale)
        if c.y <= c.bottom:
            break
    return c.img, layout_meta(spec, scale, c)


def layout_meta(spec: Spec, scale: float, c: Canvas) -> dict[str, Any]:
    parts = {
        "family": spec.family, "lang_mode": spec.lang_mode, "identity": spec.identity, "placement": spec.placement,
        "children": spec.children, "child_anum": spec.child_anum, "options": spec.options,
        "option_bi": spec.option_bi if len(spec.option_langs) > 1 else None,
        "option_order": spec.option_order, "readin": spec.readin, "readin_pos": spec.readin_pos,
        "officer_date": spec.officer_date, "sig_order": spec.sig_order, "witness": spec.witness,
        "supervisor": spec.supervisor, "distractors": spec.distractors, "instructions": spec.instructions,
        "scale": scale,
    }
    key = "/".join(str(parts[k]) for k in ("lang_mode", "identity", "placement", "children",
                                            "child_anum", "options", "readin"))
    labels = {k: " / ".join(spec.labels[k]) for k in ("parent_name", "parent_a_number", "child_names",
                                                      "date_signed", "official_name")}
    return {"layout": key, "layout_parts": parts, "labels": labels, "regions": c.regions}


def render_attachment(seed: int, dpi: int, color: bool) -> Image.Image:
    """An unrelated page (property receipt, checklist...) filed with the form."""
    rng = random.Random(seed * 31 + 5)
    W, H = int(round(8.5 * dpi)), int(round(11 * dpi))
    img = Image.new("RGB", (W, H), (248, 246, 238) if color else (255, 255, 255))
    from PIL import ImageDraw
    d = ImageDraw.Draw(img)
    pf = rng.choice(fonts.faces("print"))
    k = dpi / 72.0
    body = fonts.font(pf.path, int(10 * k))
    bold = fonts.font(fonts.bold_for(pf).path, int(14 * k))
    title = rng.choice(sorted(lx.ATTACHMENTS))
    x0, y = int(0.8 * dpi), int(0.8 * dpi)
    d.text((x0, y), title, font=bold, fill=(20, 20, 20))
    y += int(40 * k)
    cols = lx.ATTACHMENTS[title]
    cw = (W - 2 * x0) // len(cols)
    rh = int(22 * k)
    for i, col in enumerate(cols):
        d.text((x0 + i * cw + int(4 * k), y + int(4 * k)), col, font=body, fill=(20, 20, 20))
    rows = rng.sample(lx.ATTACHMENT_ROWS, rng.randint(5, 10))
    for r, item in enumerate(rows):
        yy = y + rh * (r + 1)
        d.text((x0 + int(4 * k), yy + int(4 * k)), item, font=body, fill=(20, 20, 20))
        d.text((x0 + cw + int(4 * k), yy + int(4 * k)), rng.choice(["1", "2", "yes", "no", "n/a", "ok"]),
               font=body, fill=(20, 20, 20))
    for r in range(len(rows) + 2):
        d.line([(x0, y + rh * r), (W - x0, y + rh * r)], fill=(20, 20, 20), width=max(1, int(0.7 * k)))
    for i in range(len(cols) + 1):
        d.line([(x0 + i * cw, y), (x0 + i * cw, y + rh * (len(rows) + 1))], fill=(20, 20, 20),
               width=max(1, int(0.7 * k)))
    return img
