"""Re-check the parameters of the OCR's second look at uncovered ink
(extractor.pipeline._read_uncovered) on FUNSD's TRAINING split only (issue 12: every
FUNSD choice made on its training split; the testing split is for the report).

  .venv/bin/python tools/funsd_second_pass.py [--limit N] [--cache /work/cache/12/funsd]

The page pass (preprocess + one Tesseract call, as read_page does for an upright page)
is run once per image and cached; then each variant of the second look (off; region
confidence floors; minimum region aspect) is applied to the same page words and scored
with ../shared/eval/funsd_words.py's bag-of-words measure. Prints one line per variant.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import pickle
import sys
from pathlib import Path

os.environ.setdefault("OMP_THREAD_LIMIT", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
SPLIT = SHARED / "datasets" / "funsd" / "training_data"

VARIANTS = [("off", None), ("current", {}),
            ("conf 0.60/0.90", {"REGION_MIN_CONF": 0.60}), ("conf 0.80/0.90", {"REGION_MIN_CONF": 0.80}),
            ("short 0.80", {"REGION_MIN_CONF_SHORT": 0.80}), ("aspect 1.0", {"REGION_MIN_ASPECT": 1.0}),
            ("aspect 1.8", {"REGION_MIN_ASPECT": 1.8})]


def _tokens():
    spec = importlib.util.spec_from_file_location("funsd_words", SHARED / "eval" / "funsd_words.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.tokens


def page_pass(image: Path, cache: Path):
    from extractor import ingest
    from extractor.ocr import tesseract
    from extractor.preprocess import prepare
    pkl = cache / (image.stem + ".pkl")
    if pkl.exists():
        return pickle.loads(pkl.read_bytes())
    src = next(iter(ingest.iter_pages(image, ingest.sniff(image))))
    prep = prepare(src.image, src.dpi)
    words = tesseract.clean_words(tesseract.ocr_words(prep.ocr_image, lang=tesseract.DEFAULT_LANG))
    pkl.write_bytes(pickle.dumps((prep, words)))
    return prep, words


def second_look(prep, words, over):
    from extractor import pipeline, preprocess
    from extractor.ocr import tesseract
    if over is None:
        return []
    saved = {}
    for k, v in over.items():
        mod = preprocess if hasattr(preprocess, k) and k.startswith("REGION_MIN_A") else tesseract
        saved[(mod, k)] = getattr(mod, k)
        setattr(mod, k, v)
    try:
        return pipeline._read_uncovered(prep, words, tesseract.DEFAULT_LANG)
    finally:
        for (mod, k), v in saved.items():
            setattr(mod, k, v)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--cache", type=Path, default=Path("/work/cache/12/funsd"))
    a = ap.parse_args()
    a.cache.mkdir(parents=True, exist_ok=True)
    tokens = _tokens()
    anns = sorted((SPLIT / "annotations").glob("*.json"))[: a.limit or None]
    counts = {name: [0, 0, 0] for name, _ in VARIANTS}
    for ann in anns:
        gold = tokens(w["text"] for e in json.load(open(ann))["form"] for w in e["words"])
        prep, words = page_pass(SPLIT / "images" / (ann.stem + ".png"), a.cache)
        for name, over in VARIANTS:
            got = tokens(w.text for w in words + second_look(prep, words, over))
            hit = sum((gold & got).values())
            c = counts[name]
            c[0] += hit
            c[1] += sum(got.values()) - hit
            c[2] += sum(gold.values()) - hit
    print(f"FUNSD training split, {len(anns)} images (page pass as read_page, upright)")
    for name, (tp, fp, fn) in counts.items():
        p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
        print(f"  {name:16s} P {p:.4f}  R {r:.4f}  F1 {2 * p * r / max(p + r, 1e-9):.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
