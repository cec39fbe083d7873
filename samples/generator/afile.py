"""Alien files (A-files): one long PDF holding the waiver/election forms of one or several
parents among many other pages (letters, other agencies' forms, photos, identity
documents, blank and near-blank pages, pages scanned sideways or upside down, typed
printouts of case comments), with truth per page and per record.

    from samples.generator.afile import make_afile, generate_afiles
    data, truth = make_afile(7, n_pages=20, dpi=150)
    generate_afiles("out/afiles", n=40, seed=3)      # files/NNNN.pdf + truth.jsonl

Truth line (one per file): ``source``, ``sha256``, ``doc_type`` (waiver_form when a form
is in the file, else case_comments when a printout is, else other), ``pages``,
``page_types`` (per page: waiver_form | case_comments | other), ``page_kinds`` (what was
drawn: form, form_continued, comments, letter, agency_form, attachment, photo, id_card,
blank, near_blank), ``records`` (each with ``kind``, ``pages`` (1-based) and ``fields``:
the 15 form fields, or a comment's a_number / entry_date / author) and ``meta``.
A form may run over two pages (``form_continued``: its lower part on the next page).
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import random
from typing import Any, Optional, Sequence

import numpy as np
from PIL import Image

from . import afile_pages as P, degrade, render
from .core import FORM_FIELDS, doc_seed
from .spec import sample

#: how often each kind of other page is drawn
OTHER_WEIGHTS = {"letter": 0.2, "agency_form": 0.22, "attachment": 0.12, "photo": 0.12,
                 "id_card": 0.1, "blank": 0.12, "near_blank": 0.12}
ROTATED_P = 0.08  # other pages scanned sideways or upside down
SPLIT_P = 0.15  # forms that run over two pages
PAGE_TYPE = {"form": "waiver_form", "form_continued": "waiver_form", "comments": "case_comments"}


def _degraded(im: Image.Image, render_dpi: int, dpi: int, nrng: np.random.Generator,
              intensity: float, color: bool) -> Image.Image:
    """Scan artefacts as the form generator applies them (no fax on A-file pages: a
    whole file is scanned one way)."""
    p = degrade.plan(nrng, intensity, set(degrade.KINDS) - {"fax"})
    p = [(k, dict(v, sigma=min(v["sigma"], 6.0)) if k == "noise" else v) for k, v in p]
    arr = np.asarray(im if color else im.convert("L"))
    arr = degrade.apply(arr, p, render_dpi, nrng, "paper")
    arr = degrade.downscale(arr, render_dpi, dpi)
    arr = degrade.apply(arr, p, dpi, nrng, "sensor")
    return Image.fromarray(arr, "RGB" if arr.ndim == 3 else "L")


def _split_form(img: Image.Image) -> tuple[Image.Image, Image.Image]:
    """Cut a form page at the widest blank band in the middle third of its content: the lower
    part goes to the top of a second page, as a form printed over two pages."""
    g = np.asarray(img.convert("L"))
    inked = (g < 160).sum(axis=1) > 0
    rows = np.flatnonzero(inked)
    top, bottom = int(rows[0]), int(rows[-1])
    lo, hi = top + int(0.35 * (bottom - top)), top + int(0.65 * (bottom - top))
    best, best_len, run = (lo + hi) // 2, 0, 0
    for y in range(lo, hi):
        run = run + 1 if not inked[y] else 0
        if run > best_len:
            best_len, best = run, y - run // 2
    first = img.copy()
    first.paste((255, 255, 255) if img.mode == "RGB" else 255, (0, best, img.width, img.height))
    second = Image.new(img.mode, img.size, (255, 255, 255) if img.mode == "RGB" else 255)
    second.paste(img.crop((0, best, img.width, bottom + 1)), (0, top))
    return first, second


def _plan(rng: random.Random, n_pages: int, n_forms: int) -> list[tuple[str, Any]]:
    """The file's units in order: ("form", i), ("comments", n_pages_of_it), ("other", kind)."""
    units: list[tuple[str, Any]] = [("form", i) for i in range(n_forms)]
    used = n_forms
    for _ in range(rng.choice([0, 0, 1, 1, 2])):
        if used + 2 <= n_pages:
            k = rng.choice([1, 1, 2])
            units.append(("comments", k))
            used += k
    while used < n_pages:
        kinds = list(OTHER_WEIGHTS)
        units.append(("other", rng.choices(kinds, [OTHER_WEIGHTS[k] for k in kinds])[0]))
        used += 1
    rng.shuffle(units)
    return units


def make_afile(seed: int, n_pages: Optional[int] = None, dpi: int = 150, n_forms: Optional[int] = None,
               forms: Optional[Sequence[dict[str, Any]]] = None, intensity: float = 0.5,
               min_pages: int = 5, max_pages: int = 60, color: bool = False,
               split_p: float = SPLIT_P, rotated_p: float = ROTATED_P) -> tuple[bytes, dict[str, Any]]:
    """One A-file as PDF bytes and its truth line (without ``source``).

    ``n_pages`` counts a form printed over two pages as one (the file has one page more).
    ``forms``: spec overrides of each form (their number sets ``n_forms``), e.g.
    ``[{"intent": "depart_without_child"}, {"intent": "reunify"}]``."""
    rng = random.Random(seed)
    nrng = np.random.default_rng(seed)
    n_pages = n_pages or rng.randint(min_pages, max_pages)
    if forms is not None:
        n_forms = len(forms)
    n_forms = n_forms if n_forms is not None else rng.randint(1, max(1, min(4, n_pages // 4)))
    forms = list(forms) if forms is not None else [{} for _ in range(n_forms)]
    n_pages = max(n_pages, n_forms)
    render_dpi = 300 if dpi >= 150 else dpi
    images: list[Image.Image] = []
    kinds: list[str] = []
    records: list[dict[str, Any]] = []
    rotated: list[int] = []
    specs_meta = []
    for unit, arg in _plan(rng, n_pages, n_forms):
        if unit == "form":
            fseed = doc_seed(seed, 1000 + arg)
            spec = sample(fseed, **forms[arg])
            spec.color = color
            page, layout = render.render_form(spec, render_dpi)
            parts = list(_split_form(page)) if rng.random() < split_p else [page]
            first = len(images) + 1
            for j, part in enumerate(parts):
                images.append(_degraded(part, render_dpi, dpi, nrng, intensity, color))
                kinds.append("form" if j == 0 else "form_continued")
            records.append({"kind": "waiver_form", "pages": list(range(first, first + len(parts))),
                            "fields": {k: spec.truth.get(k) for k in FORM_FIELDS}})
            specs_meta.append({"seed": fseed, "layout": layout["layout"], "intent": spec.intent,
                               "pages": len(parts)})
        elif unit == "comments":
            g, f = P.people.person(rng, "spa")
            a_num = P.people.new_a_number(rng)
            for _ in range(arg):
                page, entries = P.comment_printout(rng, dpi, color, a_num, f"{g} {f}", rng.randint(3, 8))
                images.append(_degraded(page, dpi, dpi, nrng, intensity * 0.5, color))
                kinds.append("comments")
                for e in entries:
                    records.append({"kind": "case_comment", "pages": [len(images)],
                                    "fields": {k: e[k] for k in ("a_number", "entry_date", "author")},
                                    "text": e["text"]})
        else:
            page = P.DRAW[arg](rng, dpi, color)
            im = _degraded(page, dpi, dpi, nrng, intensity * (0.3 if arg in ("blank", "near_blank") else 1),
                           color)
            if arg not in ("blank",) and rng.random() < rotated_p:
                im = im.rotate(rng.choice([90, 180, 270]), expand=True, fillcolor=255 if im.mode == "L" else (255,) * 3)
                rotated.append(len(images) + 1)
            images.append(im)
            kinds.append(arg)
    data = _pdf(images, dpi, quality=int(nrng.integers(60, 90)))
    has_form = any(r["kind"] == "waiver_form" for r in records)
    doc_type = "waiver_form" if has_form else ("case_comments" if records else "other")
    truth = {"sha256": hashlib.sha256(data).hexdigest(), "doc_type": doc_type, "pages": len(images),
             "page_types": [PAGE_TYPE.get(k, "other") for k in kinds], "page_kinds": kinds,
             "records": records,
             "meta": {"generator": "samples.generator.afile/1", "seed": seed, "dpi": dpi,
                      "rotated": rotated, "forms": specs_meta, "intensity": intensity}}
    return data, json.loads(json.dumps(truth, ensure_ascii=False))


def _pdf(images: list[Image.Image], dpi: int, quality: int) -> bytes:
    from .core import _PDF_TIME
    buf = io.BytesIO()
    first, rest = images[0], images[1:]
    first.save(buf, "PDF", resolution=float(dpi), save_all=bool(rest), append_images=rest,
               creationDate=_PDF_TIME, modDate=_PDF_TIME, title="scan", quality=quality)
    return buf.getvalue()


def generate_afiles(out_dir: str, n: int, seed: int, *, dpi: int = 150, min_pages: int = 5,
                    max_pages: int = 60, intensity: float = 0.5) -> list[dict[str, Any]]:
    """Write ``n`` A-files to ``out_dir/files/NNNN.pdf`` and ``out_dir/truth.jsonl``."""
    os.makedirs(os.path.join(out_dir, "files"), exist_ok=True)
    truths = []
    for i in range(1, n + 1):
        data, t = make_afile(doc_seed(seed, i), dpi=dpi, min_pages=min_pages, max_pages=max_pages,
                             intensity=intensity)
        name = f"files/{i:04d}.pdf"
        with open(os.path.join(out_dir, name), "wb") as fh:
            fh.write(data)
        truths.append({"source": name, **t})
    with open(os.path.join(out_dir, "truth.jsonl"), "w", encoding="utf-8") as fh:
        for t in truths:
            fh.write(json.dumps(t, ensure_ascii=False) + "\n")
    return truths
