"""Fit the page classifier (``extractor.pagetype``) on generated pages: A-files from
``samples.generator.afile`` plus ordinary single-form files from ``make_document`` (with
their attachment pages), never on dev.

    OMP_THREAD_LIMIT=1 nice -n 10 .venv/bin/python -m training.pages [--files 24] [--forms 30]

Each page is read exactly as the pipeline reads it (``extractor.pipeline.read_page``);
pages read are cached under ``--cache`` (default /work/cache/13/pages, outside the repo)
so a re-fit costs no OCR. One file in five is held out to report accuracy before the
final fit on all. The blank threshold is learned too: the midpoint (in log space) between
the most-inked blank/near-blank page and the least-inked page with content, so no page
with content has ever been seen below it.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import tempfile
import time
from pathlib import Path

import numpy as np

from extractor import ingest, pagetype as PT
from extractor.pipeline import read_page

SEED = 4242
OUT = PT.MODEL_DIR


def _files(n_afiles: int, n_forms: int, seed: int):
    """(bytes, ext, page types, page kinds) of each training file."""
    from samples.generator.afile import make_afile
    from samples.generator.core import doc_seed, make_document
    rng = np.random.default_rng(seed)
    for i in range(n_afiles):
        dpi = int(rng.choice([100, 150, 150, 200]))
        data, t = make_afile(doc_seed(seed, i), dpi=dpi, min_pages=6, max_pages=18,
                             intensity=float(rng.uniform(0.2, 1.0)))
        yield data, "pdf", t["page_types"], t["page_kinds"]
    for i in range(n_forms):
        fmt = str(rng.choice(["pdf", "png", "jpg", "tif"]))
        data, ext, line, _ = make_document(doc_seed(seed + 1, i), fmt=fmt, dpi=int(rng.choice([100, 150, 200])))
        n, fp = line["pages"], line["meta"]["form_page"]
        types = ["waiver_form" if p == fp else "other" for p in range(1, n + 1)]
        yield data, ext, types, ["form" if t == "waiver_form" else "attachment" for t in types]


def read_file_pages(data: bytes, ext: str, cache: Path) -> list[tuple[PT.InkProfile, object]]:
    """(ink profile, Page without image) per page, cached by the file's sha256."""
    key = cache / (hashlib.sha256(data).hexdigest() + ".pkl")
    if key.exists():
        return pickle.loads(key.read_bytes())
    out = []
    with tempfile.NamedTemporaryFile(suffix="." + ext) as fh:
        fh.write(data)
        fh.flush()
        for src in ingest.iter_pages(fh.name):
            ink = PT.ink_profile(src.image, src.dpi)
            page = read_page(src)
            page.image, page.text_ink = None, None
            out.append((ink, page))
    cache.mkdir(parents=True, exist_ok=True)
    key.write_bytes(pickle.dumps(out))
    return out


def blank_threshold(blank_inks, content_inks) -> tuple[float, float]:
    """(ink, rows) limits under which a page counts as blank: geometric midpoints
    between the blank pages' largest and the content pages' smallest values."""
    def mid(lo_side, hi_side):
        a, b = max(max(lo_side), 1e-6), max(min(hi_side), 1e-6)
        return float(np.sqrt(a * b)) if a < b else float(min(a, b))
    return (mid([i.ink for i in blank_inks], [i.ink for i in content_inks]),
            mid([i.rows for i in blank_inks], [i.rows for i in content_inks]))


def dataset(n_afiles: int, n_forms: int, seed: int, cache: Path, verbose: bool = True):
    rows = []  # (file index, ink, page, type, kind)
    t0 = time.time()
    for fi, (data, ext, types, kinds) in enumerate(_files(n_afiles, n_forms, seed)):
        for (ink, page), ty, kind in zip(read_file_pages(data, ext, cache), types, kinds):
            rows.append((fi, ink, page, ty, kind))
        if verbose:
            print(f"  file {fi + 1}: {len(rows)} pages, {time.time() - t0:.0f} s", flush=True)
    return rows


def train(rows, blank_limits=None):
    blanks = [r[1] for r in rows if r[4] in ("blank", "near_blank")]
    content = [r[1] for r in rows if r[4] not in ("blank", "near_blank")]
    b_ink, b_rows = blank_limits or blank_threshold(blanks, content)
    kept = [r for r in rows if not (r[1].ink < b_ink and r[1].rows < b_rows)]
    x = np.stack([PT.features(r[2], r[1]) for r in kept])
    y = [PT.MODEL_CLASSES.index(_target(r)) for r in kept]
    W, b, mean, scale = PT.fit(x, y, len(PT.MODEL_CLASSES), n_dense=PT.N_DENSE)
    return PT.PageModel(PT.MODEL_CLASSES, W, b, mean, scale, b_ink, b_rows)


def _target(row) -> str:
    return PT.CONTINUED if row[4] == "form_continued" else row[3]


def accuracy(model: PT.PageModel, rows) -> dict:
    right, n, conf = 0, 0, {}
    for row in rows:
        _, ink, page, _, kind = row
        ty = _target(row)
        got = "other" if model.is_blank(ink) else model.classify(page, ink)[0]
        right += got == ty
        n += 1
        if got != ty:
            conf[f"{kind}->{got}"] = conf.get(f"{kind}->{got}", 0) + 1
    return {"pages": n, "accuracy": round(right / max(1, n), 4), "errors": conf,
            "content_called_blank": sum(1 for r in rows if r[4] not in ("blank", "near_blank")
                                        and model.is_blank(r[1]))}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(prog="python -m training.pages")
    ap.add_argument("--files", type=int, default=24, help="generated A-files")
    ap.add_argument("--forms", type=int, default=30, help="generated single-form files")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--cache", default="/work/cache/13/pages")
    ap.add_argument("--out", default=str(OUT))
    a = ap.parse_args(argv)
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    rows = dataset(a.files, a.forms, a.seed, Path(a.cache))
    n_files = 1 + max(r[0] for r in rows)
    held = {i for i in range(n_files) if i % 5 == 4}
    check = accuracy(train([r for r in rows if r[0] not in held]), [r for r in rows if r[0] in held])
    print("held-out files:", json.dumps(check))
    model = train(rows)
    meta = {"trained_on": {"afiles": a.files, "single_forms": a.forms, "seed": a.seed, "pages": len(rows)},
            "held_out_check": check}
    model.save(Path(a.out), meta)
    print(f"wrote {a.out}: blank below ink {model.blank_ink:.5f} and rows {model.blank_rows:.4f}")


if __name__ == "__main__":
    main()
