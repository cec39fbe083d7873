"""CLI: ``python -m samples.generator OUT_DIR --n 20 --seed 1`` (``--bundle`` rebuilds
samples/forms from its fixed recipe)."""
from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from .fonts import FontsMissing


def _pins(items: list[str]) -> dict[str, Any]:
    """``KEY=VALUE`` pins: true/false are booleans, ``blank``/``no_signature`` take lists."""
    from .spec import OVERRIDES
    out: dict[str, Any] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or key not in OVERRIDES:
            raise ValueError(f"--set {item!r}: expected KEY=VALUE with KEY in {', '.join(OVERRIDES)}")
        if key in ("blank", "no_signature"):
            out[key] = tuple(v for v in value.split(",") if v)
        elif value.lower() in ("true", "false"):
            out[key] = value.lower() == "true"
        else:
            out[key] = value
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m samples.generator", description=__doc__)
    ap.add_argument("out_dir")
    ap.add_argument("--n", type=int, default=20, help="number of forms")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--start", type=int, default=1, help="number of the first file (NNNN)")
    ap.add_argument("--formats", default=None, help="comma list of png,jpg,pdf,tif (default: mix)")
    ap.add_argument("--dpi", default=None, help="comma list of output dpi (default: 150,200,300 mix)")
    ap.add_argument("--intensity", type=float, default=1.0, help="scan artefact probability scale, 0 = clean")
    ap.add_argument("--flat", action="store_true", help="write files next to truth.jsonl, not in files/")
    ap.add_argument("--split", choices=("train", "validation", "heldout"), default=None,
                    help="draw layout families and hands of this split only (samples/generator/splits.py)")
    ap.add_argument("--bundle", action="store_true", help="write the bundled sample set (fixed recipe)")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                    help="pin a choice on every form, e.g. lang_mode=spa, intent=reunify, supervisor=true, "
                         "blank=child_names,date_signed (see spec.OVERRIDES)")
    a = ap.parse_args(argv)
    try:
        pinned = _pins(a.set)
    except ValueError as e:
        ap.error(str(e))
    t0 = time.time()
    try:
        if a.bundle:
            from .bundle import make_bundle
            truths = make_bundle(a.out_dir)
        else:
            from .core import generate
            truths = generate(a.out_dir, a.n, a.seed, start=a.start, subdir="" if a.flat else "files",
                              formats=a.formats.split(",") if a.formats else None,
                              dpis=[int(x) for x in a.dpi.split(",")] if a.dpi else None,
                              intensity=a.intensity, overrides=[pinned] * a.n if pinned else None,
                              split=a.split)
    except FontsMissing as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(f"wrote {len(truths)} forms to {a.out_dir} in {time.time() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
