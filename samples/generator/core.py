"""``generate()``: write N synthetic waiver/election forms and their ground truth.

The output directory gets ``files/NNNN.<ext>`` (or the files directly, ``subdir=""``),
``truth.jsonl`` in the dev corpus format (one line per file: source, sha256, doc_type,
pages, records with plain-value fields and checks, meta) and ``cases.jsonl`` (one case
per form, by the contract's category rules), so ``shared/eval/score.py --truth OUT_DIR``
scores predictions on a generated set exactly as on the dev set.

Checks come from ``scoring.rubric.check_statuses`` on the true values: the generator and
the product share one implementation of the rules.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import time
from typing import Any, Optional, Sequence

import numpy as np
from PIL import Image

from . import degrade, families, fonts, render, splits
from .spec import Spec, sample

FORM_FIELDS = ["parent_name", "parent_a_number", "child_names", "child_a_numbers", "date_signed",
               "election", "form_languages", "read_in_language", "interpreter_name", "parent_signed",
               "official_name", "official_signed", "witness_name", "supervisor_name", "supervisor_signed"]
FORMATS = {"png": 0.3, "jpg": 0.25, "pdf": 0.3, "tif": 0.15}
DPIS = {150: 0.3, 200: 0.35, 300: 0.35}
#: fixed PDF dates: PIL would write the current time and break byte-identical output
_PDF_TIME = time.struct_time((2018, 9, 1, 12, 0, 0, 5, 244, 0))


def doc_seed(seed: int, index: int) -> int:
    """Each file has its own seed, so file k is the same whatever n is."""
    return (seed * 1_000_003 + index * 7_919 + 11) % (2 ** 31)


def _choose(rng: np.random.Generator, table: dict, allowed: Optional[Sequence] = None):
    keys = [k for k in table if allowed is None or k in allowed] or list(allowed or table)
    w = np.array([table.get(k, 1.0) for k in keys], dtype=float)
    return keys[int(rng.choice(len(keys), p=w / w.sum()))]


def _to_pil(arr: np.ndarray, color: bool, fax: bool) -> Image.Image:
    im = Image.fromarray(arr, "RGB" if arr.ndim == 3 else "L")
    if fax:
        return im.convert("L").point(lambda v: 255 if v >= 128 else 0).convert("1")
    return im if color else im.convert("L")


def _encode(pages: list[Image.Image], fmt: str, dpi: int, quality: int) -> bytes:
    buf = io.BytesIO()
    first, rest = pages[0], pages[1:]
    if fmt == "png":
        if first.mode == "RGB":  # colour scans saved with an adaptive palette, as many scanners do
            first = first.quantize(64, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
        first.save(buf, "PNG", dpi=(dpi, dpi))
    elif fmt == "jpg":
        im = first.convert("L") if first.mode == "1" else first
        im.save(buf, "JPEG", quality=quality, dpi=(dpi, dpi))
    elif fmt == "tif":
        comp = "group4" if all(p.mode == "1" for p in pages) else "tiff_lzw"
        if comp == "tiff_lzw":
            pages = [p.convert("L") if p.mode == "1" else p for p in pages]
            first, rest = pages[0], pages[1:]
        first.save(buf, "TIFF", dpi=(dpi, dpi), compression=comp, save_all=bool(rest), append_images=rest)
    elif fmt == "pdf":
        extra = {"quality": quality} if all(p.mode != "1" for p in pages) else {}  # 1-bit: CCITT G4
        first.save(buf, "PDF", resolution=float(dpi), save_all=bool(rest), append_images=rest,
                   creationDate=_PDF_TIME, modDate=_PDF_TIME, title="scan", **extra)
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return buf.getvalue()


def make_document(seed: int, fmt: Optional[str] = None, dpi: Optional[int] = None,
                  intensity: float = 1.0, degradations: Optional[set[str]] = None,
                  force: frozenset[str] = frozenset(), attachment: Optional[bool] = None,
                  color: Optional[bool] = None, family: Optional[str] = None,
                  split: Optional[str] = None, **over: Any) -> tuple[bytes, str, dict[str, Any], Spec]:
    """One file: (bytes, extension, truth line without source/sha, spec).

    ``over`` pins spec choices (see :data:`spec.OVERRIDES`); ``degradations`` limits the
    artefact kinds and ``force`` makes some certain (every page). ``family`` draws a layout
    family (:mod:`.families`); ``split`` (train / validation / heldout) draws one of that
    split's families, written in that split's hands (:mod:`.splits`)."""
    fonts.check()
    if split and not family:
        fams = splits.families(split)
        family = fams[np.random.default_rng(seed + 3).integers(len(fams))]
    spec = families.sample_family(seed, family, split, **over) if family else sample(seed, **over)
    if color is not None:
        spec.color = color
    rng = np.random.default_rng(seed)
    fmt = fmt or _choose(rng, FORMATS)
    dpi = dpi or _choose(rng, DPIS)
    render_dpi = 300 if dpi >= 150 else dpi  # tests render small pages directly
    multi = attachment if attachment is not None else (fmt in ("pdf", "tif") and rng.random() < 0.3)
    if fmt not in ("pdf", "tif"):
        multi = False
    form_page = int(rng.integers(1, 3)) if multi else 1
    page, layout = render.render_form(spec, render_dpi)
    images = [page]
    if multi:
        att = render.render_attachment(seed, render_dpi, spec.color)
        images = [page, att] if form_page == 1 else [att, page]
    out_pages, labels, params = [], [], []
    for im in images:
        p = degrade.plan(rng, intensity, degradations, frozenset(force))
        if fmt in ("png", "tif"):  # strong sensor noise makes lossless files huge: keep it mild
            p = [(k, dict(v, sigma=min(v["sigma"], 4.0)) if k == "noise" else v) for k, v in p]
        arr = np.asarray(im if spec.color else im.convert("L"))  # grey pages: a third of the work
        arr = degrade.apply(arr, p, render_dpi, rng, "paper")
        arr = degrade.downscale(arr, render_dpi, dpi)
        arr = degrade.apply(arr, p, dpi, rng, "sensor")
        fax = any(k == "fax" for k, _ in p)
        out_pages.append(_to_pil(arr, spec.color and not fax, fax))
        labels.append(degrade.label(p) + ([f"dpi{dpi}"] if dpi < render_dpi else []))
        params.append(p)
    quality = int(rng.integers(45, 92))
    data = _encode(out_pages, fmt, dpi, quality)
    fields = {k: spec.truth.get(k) for k in FORM_FIELDS}
    meta = {
        "generator": "samples.generator/1", "seed": seed, "family": spec.family, "split": split, "format": fmt, "dpi": dpi,
        "render_dpi": render_dpi, "color": bool(spec.color), "layout": layout["layout"],
        "layout_parts": layout["layout_parts"], "labels": layout["labels"],
        "fonts": {"print": spec.print_face, "fill": spec.fill_face, "officer": spec.officer_face},
        "upper": spec.upper, "mark_style": spec.mark_style, "marked": spec.marked, "intent": spec.intent,
        "degradations": labels, "degradation_params": params, "form_page": form_page,
        "jpeg_quality": quality if fmt in ("jpg", "pdf") else None,
        "written": {k: v for k, v in spec.written.items() if not k.startswith("_")},
    }
    line = {"doc_type": "waiver_form", "pages": len(out_pages), "fields": fields, "meta": meta}
    return data, fmt, line, spec


def truth_line(source: str, data: bytes, line: dict[str, Any]) -> dict[str, Any]:
    from scoring.rubric import check_statuses  # the product's own rules
    sha = hashlib.sha256(data).hexdigest()
    fields = line["fields"]
    t = {"source": source, "sha256": sha, "doc_type": "waiver_form", "pages": line["pages"],
         "records": [{"record_id": f"{sha}:0", "index": 0, "kind": "waiver_form", "fields": fields,
                      "checks": check_statuses("waiver_form", fields)}],
         "meta": line["meta"]}
    return json.loads(json.dumps(t, ensure_ascii=False))  # exactly what truth.jsonl holds


def _valid(d: Optional[str]) -> bool:
    try:
        dt.date.fromisoformat(str(d))
        return True
    except ValueError:
        return False


def case_line(t: dict[str, Any]) -> dict[str, Any]:
    """The contract's case for a file whose one form is the parent's only record."""
    rec = t["records"][0]
    f, checks = rec["fields"], rec["checks"]
    from scoring.rubric import RULES_BY_KIND
    sev = {r.id: r.severity for r in RULES_BY_KIND["waiver_form"]}
    el = f["election"]
    if el == "reunify":
        cat = "requested_reunification"
    elif el == "depart_without_child":
        bad = any(st == "fail" and sev[cid] in ("critical", "major") for cid, st in checks.items())
        cat = "written_waiver_deficient" if bad else "written_waiver_complete"
    else:
        cat = "no_documentation"
    date = f["date_signed"] if el in ("reunify", "depart_without_child") and _valid(f["date_signed"]) else None
    flags = ["before_2018_07_12"] if date and date < "2018-07-12" else []
    return {"a_number": f["parent_a_number"], "records": [rec["record_id"]], "category": cat,
            "flags": flags, "earliest_decision_date": date}


def generate(out_dir: str, n: int, seed: int = 0, *, start: int = 1, subdir: str = "files",
             formats: Optional[Sequence[str]] = None, dpis: Optional[Sequence[int]] = None,
             intensity: float = 1.0, degradations: Optional[set[str]] = None,
             overrides: Optional[Sequence[dict[str, Any]]] = None,
             split: Optional[str] = None) -> list[dict[str, Any]]:
    """Write ``n`` forms into ``out_dir`` with ``truth.jsonl`` and ``cases.jsonl``; return
    the truth lines. Same arguments, same bytes.

    formats / dpis: restrict the choice (e.g. ``["png"]``, ``[100]`` for small test pages);
    intensity: scales every artefact's probability (0 = clean scans);
    degradations: only these artefact kinds (see :data:`degrade.KINDS`);
    overrides: per-file keyword arguments of :func:`make_document` (and :func:`spec.sample`),
    e.g. ``{"lang_mode": "spa", "supervisor": True, "fmt": "pdf"}``;
    split: draw each form from that split's families and hands (train / validation / heldout).
    """
    fonts.check()
    docs = []
    for i in range(n):
        s = doc_seed(seed, start + i)
        over = dict(overrides[i]) if overrides and i < len(overrides) else {}
        pick = np.random.default_rng(s + 1)
        if formats and "fmt" not in over:
            over["fmt"] = str(pick.choice(list(formats)))
        if dpis and "dpi" not in over:
            over["dpi"] = int(pick.choice(list(dpis)))
        over.setdefault("intensity", intensity)
        if split:
            over.setdefault("split", split)
        if degradations is not None:
            over.setdefault("degradations", set(degradations))
        data, ext, line, _ = make_document(s, **over)
        docs.append((f"{start + i:04d}.{ext}", data, line))
    return write_set(out_dir, docs, subdir)


def write_set(out_dir: str, docs: Sequence[tuple[str, bytes, dict[str, Any]]],
              subdir: str = "files") -> list[dict[str, Any]]:
    """Write files (name, bytes, line from make_document), truth.jsonl and cases.jsonl."""
    fdir = os.path.join(out_dir, subdir) if subdir else out_dir
    os.makedirs(fdir, exist_ok=True)
    truths = []
    for name, data, line in docs:
        with open(os.path.join(fdir, name), "wb") as fh:
            fh.write(data)
        truths.append(truth_line(f"{subdir}/{name}" if subdir else name, data, line))
    with open(os.path.join(out_dir, "truth.jsonl"), "w", encoding="utf-8") as fh:
        for t in truths:
            fh.write(json.dumps(t, ensure_ascii=False) + "\n")
    with open(os.path.join(out_dir, "cases.jsonl"), "w", encoding="utf-8") as fh:
        for t in truths:
            fh.write(json.dumps(case_line(t), ensure_ascii=False) + "\n")
    return truths

