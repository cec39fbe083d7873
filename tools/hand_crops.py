"""Developer tool: how the ``hand`` LSTM model reads the value crops of written fields,
against Tesseract's eng+spa, on a corpus with truth and an OCR cache.

  .venv/bin/python tools/hand_crops.py CACHE_DIR [--truth DIR] [--model DIR] [--save F] [--load F]

Extracts every form from the cache (as tools/eval_dev_cache.py does), takes the box of
each name field the extractor found, reads its crop with eng+spa (psm 7, as
extractor/forms/names_reread.py does) and with the hand model (extractor/hand_ocr.py), and
prints exact-match rates (score.py's name rule after the extractor's name cleaning)
and character error rates per field and per kind of fill face (hand / typed).
``--save`` keeps the boxes and both readings; ``--load`` re-reads only with the model.
"""
from __future__ import annotations

import argparse
import collections
import difflib
import json
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT.parent / "shared" / "eval"))

import score as S  # noqa: E402
from extractor import hand_ocr  # noqa: E402
from extractor.model import Document  # noqa: E402
from extractor.names import restore_accents  # noqa: E402
from extractor.normalize import clean_name  # noqa: E402
from extractor.pipeline import classify_and_extract  # noqa: E402
from extractor.ocr import tesseract  # noqa: E402
from extractor.reread import field_crop  # noqa: E402

DEV = ROOT.parent / "shared" / "datasets" / "dev"
FIELDS = ("parent_name", "interpreter_name", "official_name", "witness_name", "supervisor_name")
HAND_FACES = {"dkg", "dkg_it", "comic", "comic_it", "comic_light", "klee", "humor"}


def cer(a: str, b: str) -> float:
    """Character error rate: Levenshtein distance / len(b) (rapidfuzz's)."""
    from rapidfuzz.distance import Levenshtein
    return Levenshtein.distance(a, b) / max(1, len(b))


def finish(field: str, text: str) -> str:
    v = clean_name(text)
    return restore_accents(v) if field in ("parent_name", "interpreter_name") else v


def eng_read(image, bbox) -> tuple[str, float]:
    crop = field_crop(image, bbox, pad_x=40)
    if crop is None:
        return "", 0.0
    words = tesseract.ocr_words(crop, lang="eng+spa", psm=7)
    if not words:
        return "", 0.0
    return " ".join(w.text for w in words), sum(w.conf for w in words) / len(words)


def collect(cache: Path, truth_dir: Path) -> list[dict]:
    """Per name field the extractor found: its box, the widened band names_reread
    reads (label end to a little past the name), the truth and both first readings."""
    from extractor.forms import names_reread
    seen: dict[str, tuple] = {}
    orig = names_reread.improve

    def spy(name, field, words, page, hh, limits, finish, rejected):
        if field is not None and field.bbox is not None:
            x0, y0, x1, y1 = field.bbox
            seen[name] = ((max(limits[0], x0 - 3 * hh), y0, min(limits[1], x1 + 3 * hh), y1),
                          field.confidence)
        return orig(name, field, words, page, hh, limits, finish, rejected)

    names_reread.improve = spy
    rows = []
    for line in open(truth_dir / "truth.jsonl"):
        t = json.loads(line)
        if t["doc_type"] != "waiver_form":
            continue
        name = Path(t["source"]).name
        pkl = cache / (name + ".pkl")
        if not pkl.exists():
            continue
        doc = Document(source=str(truth_dir / t["source"]), sha256=t["sha256"])
        doc.pages = pickle.load(open(pkl, "rb"))
        seen.clear()
        classify_and_extract(doc)
        if not doc.records:
            continue
        tf = t["records"][0]["fields"]
        meta = t.get("meta", {})
        fonts_ = meta.get("fonts") or {}
        for f in FIELDS:
            # the dev set names its fill face; generated sets a fill and an officer face
            face = meta.get("fill_font") or (fonts_.get("officer") if f in ("official_name", "supervisor_name")
                                             else fonts_.get("fill")) or "?"
            pf = doc.records[0].fields.get(f)
            if pf is None or pf.bbox is None:
                continue
            page = next(p for p in doc.pages if p.number == pf.page)
            txt, conf = eng_read(page.image, pf.bbox)
            rows.append({"file": name, "field": f, "face": face, "truth": tf[f], "pred": pf.value,
                         "pred_conf": pf.confidence, "bbox": pf.bbox, "page": pf.page,
                         "wide": seen.get(f, (None,))[0], "first_conf": seen.get(f, (None, None))[1],
                         "eng": txt, "eng_conf": conf, "pkl": str(pkl)})
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("cache", type=Path)
    ap.add_argument("--truth", type=Path, default=DEV)
    ap.add_argument("--model", type=Path)
    ap.add_argument("--save", type=Path)
    ap.add_argument("--load", type=Path)
    ap.add_argument("-v", action="store_true")
    a = ap.parse_args()
    if a.model:
        hand_ocr.MODEL_DIR = a.model
    rows = pickle.load(open(a.load, "rb")) if a.load else collect(a.cache, a.truth)
    if a.save:
        pickle.dump(rows, open(a.save, "wb"))
    pages = {}
    for r in rows:
        if r["pkl"] not in pages:
            pages[r["pkl"]] = {p.number: p for p in pickle.load(open(r["pkl"], "rb"))}
        img = pages[r["pkl"]][r["page"]].image
        r["hand"], r["hand_conf"] = hand_ocr.read(img, r["bbox"])
        r["handw"], r["handw_conf"] = hand_ocr.read(img, r["wide"], pad_x=0) if r["wide"] else ("", 0.0)
    stat = collections.defaultdict(lambda: collections.Counter())
    for r in rows:
        if not r["truth"]:
            continue  # a blank field: how often a reading invents a value is the caller's to judge
        titled = r["field"] != "parent_name"
        want = S.norm_name(r["truth"], titled)
        kind = "hand" if r["face"] in HAND_FACES else "typed"
        for src in ("pred", "eng", "hand", "handw"):
            got = S.norm_name((finish(r["field"], r[src]) if src != "pred" else r[src]) or "", titled)
            s = stat[(r["field"], kind)]
            s[src + "_ok"] += got == want
            s[src + "_cer"] += cer(got, want)
            s["n"] += 1 if src == "pred" else 0
            t = stat[("ALL", kind)]
            t[src + "_ok"] += got == want
            t[src + "_cer"] += cer(got, want)
            t["n"] += 1 if src == "pred" else 0
        if a.v:
            print(f"{r['file']:10} {r['face']:9} {r['field']:17} {r['truth']!r:32} pred={r['pred']!r} "
                  f"eng={r['eng']!r}({r['eng_conf']:.2f}) hand={r['hand']!r}({r['hand_conf']:.2f}) "
                  f"wide={r['handw']!r}({r['handw_conf']:.2f})")
    print(f"{'field':18}{'kind':7}{'n':>4}  {'page-pred ok/cer':>17}  {'eng+spa crop':>15}  {'hand crop':>15}  {'hand wide':>15}")
    for (f, kind), s in sorted(stat.items()):
        n = s["n"]
        cells = "  ".join(f"{s[k + '_ok'] / n:6.2f} / {s[k + '_cer'] / n:5.3f}" for k in ("pred", "eng", "hand", "handw"))
        print(f"{f:18}{kind:7}{n:4}  {cells}")


if __name__ == "__main__":
    main()
