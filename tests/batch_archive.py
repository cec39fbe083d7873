"""A small archive for the batch tests, generated (never committed): one scanned form
(a 100 dpi PDF from the sample generator), one short typed note as a PNG, five
case-comment CSV exports and one corrupt file. About 10 s of OCR per full scan."""
from __future__ import annotations

import csv
import io
from pathlib import Path

COMMENTS = [
    "Subj advised of the option to depart with child. Subj stated he wants to be removed "
    "without his son. SDDO {o} present as witness. Interp in Spanish.",
    "PA requested reunification with daughter prior to removal. Spanish interpreter used.",
    "Subj signed waiver of reunification form, witnessed by DO {o}.",
    "Subj wishes to consult an attorney before deciding. Informed of available options.",
    "Received travel documents from consulate.",
]
OFFICERS = ["K. Brown", "M. Johnson", "R. Park", "L. Ortiz", "J. Smith"]


def comments_csv(i: int) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["A-Number", "Comment Date", "Officer", "Comment"])
    for j in range(3):
        k = (i + j) % len(COMMENTS)
        w.writerow([f"A{208100000 + 37 * i + j:09d}", f"0{1 + (i + j) % 9}/1{j}/2018",
                    f"SDDO {OFFICERS[(i + j) % 5]}", COMMENTS[k].format(o=OFFICERS[j])])
    return buf.getvalue().encode("utf-8")


def note_png() -> bytes:
    from PIL import Image, ImageDraw, ImageFont
    im = Image.new("L", (900, 300), 255)
    try:
        font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 40)
    except OSError:
        font = ImageFont.load_default()
    ImageDraw.Draw(im).text((30, 100), "Transfer note: bed space confirmed.", fill=0, font=font)
    buf = io.BytesIO()
    im.save(buf, "PNG", dpi=(150, 150))
    return buf.getvalue()


def build(root: Path) -> list[Path]:
    """Write the archive under ``root``; returns its 8 files in scan order. The first
    file is a quick CSV and the slow scanned form comes second, so a run can be killed
    while it is busy with the form."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "a_comments_1.csv").write_bytes(comments_csv(1))
    gen = root / ".gen"
    from samples.generator import generate
    generate(str(gen), 1, seed=11, formats=["pdf"], dpis=[100], intensity=0.3)
    form = next((gen / "files").iterdir())
    (root / "b_form.pdf").write_bytes(form.read_bytes())
    sub = root / "c_more"
    sub.mkdir(exist_ok=True)
    for i in range(2, 6):
        (sub / f"comments_{i}.csv").write_bytes(comments_csv(i))
    (sub / "note.png").write_bytes(note_png())
    (root / "d_corrupt.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8)
    import shutil
    shutil.rmtree(gen)
    return sorted(p for p in root.rglob("*") if p.is_file())


# --------------------------------------------------------------------------- fixtures
import json  # noqa: E402

import pytest  # noqa: E402


def normalised(docs) -> list[dict]:
    """Documents as JSON would carry them (tuples become lists), in source order."""
    return sorted(json.loads(json.dumps(list(docs))), key=lambda d: d["source"])


@pytest.fixture(scope="session")
def batch_archive(tmp_path_factory) -> Path:
    """The archive folder (8 files), built once per test session."""
    root = tmp_path_factory.mktemp("archive")
    build(root)
    return root


@pytest.fixture(scope="session")
def batch_reference(batch_archive, tmp_path_factory) -> list[dict]:
    """The archive scanned in this process (no workers) into SQLite: what every other
    way of running a scan must store."""
    from waiverscan.batch import scan
    from waiverscan.store import open_store
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('ref') / 'ref.db'}")
    try:
        scan([batch_archive], store, workers=0, progress=False)
        return normalised(store.iter_documents())
    finally:
        store.close()
