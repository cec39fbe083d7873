"""Evidence from the page: the stored source file rendered again, and crops of the
values read on it (what counsel's PDF and the reviewer's Record page show).

The contract's bboxes are in the source file's own pixels (a PDF page: its 300 dpi
render), so a page is rendered straight from the source with
:func:`extractor.ingest.iter_pages` (no preprocessing). A box counts as evidence only
where a value was found: a field the reader did not find may still carry the box of its
printed label, and a crop of "CHILD(REN)" is not evidence of what was written.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

from PIL import Image

#: pixels of page around a value's box in a crop (the ink often overhangs the box)
CROP_PAD = 14


def source_path(source: str, base: Optional[Path] = None) -> Optional[Path]:
    """The stored source path, as given to `scan` (relative ones from the directory the
    program was started in); None when the file is no longer there."""
    p = Path(source)
    if not p.is_absolute():
        p = (base or Path.cwd()) / p
    return p if p.is_file() else None


def render_page(path: Path, page: int) -> Optional[Image.Image]:
    """Page ``page`` (1-based) of an image or PDF file, RGB, in source pixels."""
    from extractor.ingest import iter_pages
    for sp in iter_pages(path):
        if sp.number == page:
            if sp.image is None:
                return None
            return Image.fromarray(sp.image).convert("RGB")
    return None


def value_found(f: Any) -> bool:
    """A field whose value was read (not None, not empty): its box shows written ink."""
    if not isinstance(f, dict):
        return False
    v = f.get("value")
    return isinstance(v, bool) or v not in (None, "", [])  # False: a blank line was read


def value_box(f: Any) -> Optional[tuple[int, list[float]]]:
    """(page, bbox) of a field whose value was found on a page, else None."""
    if not value_found(f) or not isinstance(f.get("page"), int):
        return None
    box = f.get("bbox")
    if isinstance(box, (list, tuple)) and len(box) == 4:
        return f["page"], [float(v) for v in box]
    return None


def crop(img: Image.Image, box: list[float], pad: int = CROP_PAD) -> Optional[Image.Image]:
    x0, y0, x1, y1 = box
    b = (max(0, int(x0) - pad), max(0, int(y0) - pad),
         min(img.width, int(x1) + pad), min(img.height, int(y1) + pad))
    return img.crop(b) if b[2] > b[0] and b[3] > b[1] else None


def value_crops(source: str, record: dict[str, Any],
                names: list[str]) -> dict[str, tuple[int, Image.Image]]:
    """``{field: (page, crop)}`` of these fields' values found on the source's pages
    (empty when the file is gone or the record came from a text export)."""
    path = source_path(source)
    if path is None:
        return {}
    fields = record.get("fields") or {}
    pages: dict[int, Optional[Image.Image]] = {}
    out = {}
    for name in names:
        where = value_box(fields.get(name))
        if where is None:
            continue
        page, box = where
        if page not in pages:
            pages[page] = render_page(path, page)
        if pages[page] is not None:
            c = crop(pages[page], box)
            if c is not None:
                out[name] = (page, c)
    return out
