"""Throughput of the whole pipeline against bare Tesseract on the same scans.

  .venv/bin/python tools/bench.py samples/forms [--lang eng+spa] [--limit N]

Both sides run sequentially on one core. Bare Tesseract is the `tesseract` binary
(OMP_THREAD_LIMIT=1, TSV output as the pipeline asks for) on each original page image:
PDF pages are rendered to PNG at 300 dpi and multi-page TIFFs split *before* timing.
`extract_document` runs in-process after one untimed warm-up call, so imports and model
loading are not counted. The last line is `extract/tesseract time ratio: X`
(extraction time / bare Tesseract time): the price of everything the pipeline adds.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractor import ingest  # noqa: E402
from extractor.errors import WaiverscanError  # noqa: E402

SCAN_KINDS = ("pdf", "png", "jpeg", "tiff")


def page_images(path: Path, kind: str, tmp: Path) -> list[Path]:
    """The page images bare Tesseract is given: the file itself for a single-page PNG
    or JPEG, else one PNG per page (PDF rendered at 300 dpi, TIFF frames split)."""
    if kind in ("png", "jpeg"):
        return [path]
    out = []
    if kind == "pdf":
        import pypdfium2 as pdfium
        pdf = pdfium.PdfDocument(str(path))
        try:
            for i in range(len(pdf)):
                target = tmp / f"{path.stem}-{i + 1}.png"
                pdf[i].render(scale=ingest.PDF_DPI / 72.0).to_pil().save(target)
                out.append(target)
        finally:
            pdf.close()
        return out
    from PIL import Image
    with Image.open(path) as im:
        for i in range(getattr(im, "n_frames", 1)):
            im.seek(i)
            target = tmp / f"{path.stem}-{i + 1}.png"
            im.save(target)
            out.append(target)
    return out


def time_tesseract(images: list[Path], lang: str) -> float:
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    t0 = time.perf_counter()
    for img in images:
        subprocess.run(["tesseract", str(img), "stdout", "-l", lang, "tsv"], env=env,
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def time_extract(files: list[Path]) -> tuple[float, int, int]:
    """Seconds, pages read and files that failed, after one untimed warm-up."""
    from extractor.pipeline import extract_document
    try:
        extract_document(files[0])  # warm-up: imports, models, Tesseract's first start
    except Exception:  # reported by the timed run below
        pass
    pages = failed = 0
    t0 = time.perf_counter()
    for f in files:
        try:
            doc = extract_document(f)
        except Exception as exc:  # a bench reports a broken stage and goes on
            print(f"extract crashed on {f.name}: {type(exc).__name__}: {exc}", file=sys.stderr)
            failed += 1
            continue
        pages += doc.page_count if doc.page_count is not None else len(doc.pages)
        failed += doc.error is not None
    return time.perf_counter() - t0, pages, failed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--lang", default="eng+spa", help="Tesseract languages (as the pipeline)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N scans")
    a = ap.parse_args(argv)

    files, skipped = [], 0
    for f in sorted(p for p in a.folder.iterdir() if p.is_file()):
        try:
            kind = ingest.sniff(f)
        except WaiverscanError:
            kind = None
        if kind in SCAN_KINDS:
            files.append((f, kind))
        else:
            skipped += 1
    if a.limit:
        files = files[: a.limit]
    if not files:
        print(f"no scans in {a.folder}", file=sys.stderr)
        return 1

    with tempfile.TemporaryDirectory(prefix="wbench-") as tmp:
        images = [img for f, kind in files for img in page_images(f, kind, Path(tmp))]
        t_tess = time_tesseract(images, a.lang)
    t_ext, ext_pages, failed = time_extract([f for f, _ in files])

    print(f"files: {len(files)} scans ({skipped} other files skipped)")
    print(f"bare tesseract: {len(images)} pages in {t_tess:.2f} s = "
          f"{len(images) / t_tess:.3f} pages/s")
    print(f"extract:        {ext_pages} pages in {t_ext:.2f} s = "
          f"{ext_pages / t_ext:.3f} pages/s" + (f" ({failed} files failed)" if failed else ""))
    print(f"extract/tesseract time ratio: {t_ext / t_tess:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
