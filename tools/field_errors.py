"""Developer tool: where form field errors come from, field by field.

  .venv/bin/python tools/field_errors.py PRED.jsonl [--truth DIR] [--cache DIR] [--field F]

For each form field whose prediction differs from the truth (score.py's strict rule),
prints the file, its fill font and layout, truth, prediction, evidence and provenance,
and a cause:
  no-label   the extractor produced no field object (its label was not found)
  blank      a value was expected but the field came out empty/None
  spurious   the truth is empty but a value was produced
  ocr        the page OCR (from --cache) does not contain the true value: a reading problem
  region     the true value is in the page OCR, the extractor took something else
  value      anything else (normalisation, partial lists)
Then a count of causes per field. No PII leaves the machine: this prints to a terminal.
"""
from __future__ import annotations

import argparse
import collections
import json
import pickle
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT.parent / "shared" / "eval"))

import score as S  # noqa: E402  (the evaluator's own comparison rules)

DEV = ROOT.parent / "shared" / "datasets" / "dev"


def _squash(s: str) -> str:
    return re.sub(r"[^0-9a-z]", "", S.strip_accents(s.casefold())) if hasattr(S, "strip_accents") \
        else re.sub(r"[^0-9a-z]", "", s.casefold())


def _in_ocr(value, words_text: str) -> bool:
    """Is the true value (every part of it) somewhere in the page's OCR text?"""
    if value in (None, [], ""):
        return True
    parts = value if isinstance(value, list) else [value]
    hay = _squash(words_text)
    for p in parts:
        p = str(p)
        if re.fullmatch(r"A\d{9}", p):
            p = p[1:] if p[1] != "0" else p[2:]
        elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", p):
            continue  # dates are written in many forms: not judged here
        if _squash(p) not in hay:
            return False
    return True


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("pred", type=Path)
    ap.add_argument("--truth", type=Path, default=DEV)
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--field", action="append")
    ap.add_argument("--quiet", action="store_true", help="only the counts")
    a = ap.parse_args()
    truth = [json.loads(l) for l in open(a.truth / "truth.jsonl")]
    preds = {}
    for l in open(a.pred):
        p = json.loads(l)
        preds[Path(p["source"]).name] = p
    causes: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for t in truth:
        if t["doc_type"] != "waiver_form":
            continue
        name = Path(t["source"]).name
        p = preds.get(name)
        pf = ((p or {}).get("records") or [{}])[0].get("fields", {}) if p else {}
        text = ""
        if a.cache and (a.cache / (name + ".pkl")).exists():
            pages = pickle.load(open(a.cache / (name + ".pkl"), "rb"))
            text = " ".join(w.text for pg in pages for w in list(pg.words) + list(pg.dropped or []))
        meta = t.get("meta", {})
        for field, tv in t["records"][0]["fields"].items():
            if a.field and field not in a.field:
                continue
            fo = pf.get(field)
            pv = S.val(fo)
            if S.canon(field, tv, "waiver_form") == S.canon(field, pv, "waiver_form"):
                causes[field]["ok"] += 1
                continue
            if fo is None:
                cause = "no-label"
            elif tv not in (None, [], "") and pv in (None, [], ""):
                cause = "blank"
            elif tv in (None, [], ""):
                cause = "spurious"
            elif a.cache and not _in_ocr(tv, text):
                cause = "ocr"
            elif a.cache:
                cause = "region"
            else:
                cause = "value"
            causes[field][cause] += 1
            if not a.quiet:
                ev = (fo or {}).get("evidence") if isinstance(fo, dict) else None
                prov = (fo or {}).get("provenance") if isinstance(fo, dict) else None
                conf = (fo or {}).get("confidence") if isinstance(fo, dict) else None
                print(f"{name} [{meta.get('fill_font')}/{meta.get('layout')}] {field} {cause}: "
                      f"truth={tv!r} pred={pv!r} conf={conf} ev={ev!r} prov={prov!r}")
    print()
    for field, c in causes.items():
        n = sum(c.values())
        print(f"{field:18s} {c['ok']}/{n}  " + " ".join(f"{k}={v}" for k, v in c.most_common() if k != "ok"))


if __name__ == "__main__":
    main()
