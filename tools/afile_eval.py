"""Developer tool: held-out generated alien files (A-files) -> page typing, forms found as
their own records, records mixing two forms, field accuracy on the forms found.

  OMP_THREAD_LIMIT=1 nice -n 10 .venv/bin/python tools/afile_eval.py OUT_DIR \
      [--n 40] [--seed 9301] [--min-pages 5] [--max-pages 60] [--dpi 150] [--jobs 2]

Writes OUT_DIR/files/*.pdf + truth.jsonl (samples.generator.afile, a seed the page
classifier was never trained on), then OUT_DIR/pred.jsonl (one line per file: the
contract document, the page types the reader gave and seconds; resumable: files already
predicted are not read again), and prints the metrics as JSON.

* page-type accuracy: per page, predicted type (blank pages count as ``other``) against
  the truth's (waiver_form | case_comments | other).
* a form is *found* when one predicted form record's pages overlap its pages and no
  other true form's pages; a record *mixes* forms when its pages overlap two true forms,
  or its parent's name or A-number is that of a true form other than the one its pages
  hold.
* field accuracy: shared/eval/score.py's comparison (canonical values; lenient names
  at difflib ratio >= 0.9 reported apart) on found forms.
* comment entries: found when an entry of the same date is read from the same page; of
  those, the share that carry the subject's A-number.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCORE = ROOT.parent / "shared" / "eval" / "score.py"


def _score_module():
    spec = importlib.util.spec_from_file_location("shared_score", SCORE)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def predict(path: str) -> dict:
    os.environ["OMP_THREAD_LIMIT"] = "1"
    from extractor.pipeline import read_document
    from scoring.rubric import score_document
    from waiverscan.pipeline import PageSpill
    t0 = time.perf_counter()
    spill = PageSpill()
    try:
        doc = read_document(path, keep=spill)
    finally:
        spill.cleanup()
    score_document(doc)
    types = [p.notes.get("page_type", "other") for p in doc.pages]
    return {"contract": doc.to_contract(), "page_types": types,
            "seconds": round(time.perf_counter() - t0, 2)}


def generate(out: Path, a) -> list[dict]:
    truth = out / "truth.jsonl"
    if not truth.exists():
        from samples.generator.afile import generate_afiles
        generate_afiles(str(out), a.n, a.seed, dpi=a.dpi, min_pages=a.min_pages,
                        max_pages=a.max_pages)
    return [json.loads(line) for line in truth.open()]


def run(out: Path, truths: list[dict], jobs: int) -> dict[str, dict]:
    pred_path = out / "pred.jsonl"
    done = {}
    if pred_path.exists():
        for line in pred_path.open():
            d = json.loads(line)
            done[d["source"]] = d
    todo = [t["source"] for t in truths if t["source"] not in done]
    with pred_path.open("a") as fh, ProcessPoolExecutor(jobs) as pool:
        for src, res in zip(todo, pool.map(predict, [str(out / s) for s in todo])):
            res["source"] = src
            fh.write(json.dumps(res) + "\n")
            fh.flush()
            done[src] = res
            print(f"  {src}: {len(res['page_types'])} pages, {res['seconds']} s", file=sys.stderr)
    return done


def metrics(truths: list[dict], preds: dict[str, dict]) -> dict:
    S = _score_module()
    pages = right = 0
    confusion: dict[str, int] = {}
    forms = found = mixed = extra = 0
    field_ok: dict[str, list[int]] = {}
    field_lenient: dict[str, list[int]] = {}
    c_true = c_found = c_anum = 0
    seconds = n_pages = 0.0
    for t in truths:
        p = preds[t["source"]]
        seconds += p["seconds"]
        n_pages += t["pages"]
        got = ["other" if x == "blank" else x for x in p["page_types"]]
        for kind, want, have in zip(t["page_kinds"], t["page_types"], got):
            pages += 1
            right += want == have
            if want != have:
                confusion[f"{kind}->{have}"] = confusion.get(f"{kind}->{have}", 0) + 1
        tforms = [r for r in t["records"] if r["kind"] == "waiver_form"]
        pforms = [r for r in p["contract"]["records"] if r["kind"] == "waiver_form"]
        owner = {pg: i for i, r in enumerate(tforms) for pg in r["pages"]}
        forms += len(tforms)
        claimed: set[int] = set()
        for r in pforms:
            hit = {owner[pg] for pg in r.get("pages") or [] if pg in owner}
            ident = {i for i, tf in enumerate(tforms) for k in ("parent_name", "parent_a_number")
                     if tf["fields"][k] and S.canon(k, tf["fields"][k], "waiver_form")
                     == S.canon(k, S.val(r["fields"].get(k)), "waiver_form")}
            if len(hit) > 1 or (hit and ident - hit):
                mixed += 1
                continue
            if not hit:
                extra += 1
                continue
            i = hit.pop()
            if i in claimed:
                extra += 1  # a second record for one form (a split)
                continue
            claimed.add(i)
            found += 1
            for k, want in tforms[i]["fields"].items():
                a = S.canon(k, want, "waiver_form")
                b = S.canon(k, S.val(r["fields"].get(k)), "waiver_form")
                field_ok.setdefault(k, [0, 0])
                field_lenient.setdefault(k, [0, 0])
                field_ok[k][0] += a == b
                field_ok[k][1] += 1
                field_lenient[k][0] += S.lenient_eq(k, a, b)
                field_lenient[k][1] += 1
        tcom = [r for r in t["records"] if r["kind"] == "case_comment"]
        pcom = {}
        for r in p["contract"]["records"]:
            if r["kind"] == "case_comment":
                key = (S.val(r["fields"].get("entry_date")), tuple(r.get("pages") or ()))
                pcom[key] = S.val(r["fields"].get("a_number"))
        c_true += len(tcom)
        for r in tcom:
            key = (r["fields"]["entry_date"], tuple(r["pages"]))
            if key in pcom:
                c_found += 1
                c_anum += pcom[key] == r["fields"]["a_number"]
    all_ok = sum(v[0] for v in field_ok.values())
    all_n = sum(v[1] for v in field_ok.values())
    return {
        "files": len(truths), "pages": pages,
        "page_type_accuracy": round(right / max(1, pages), 4), "page_type_errors": confusion,
        "forms": forms, "forms_found_own_record": round(found / max(1, forms), 4),
        "records_mixing_two_forms": mixed, "extra_form_records": extra,
        "field_accuracy": round(all_ok / max(1, all_n), 4),
        "field_accuracy_by_field": {k: round(v[0] / v[1], 3) for k, v in field_ok.items()},
        "field_accuracy_lenient_names": round(sum(v[0] for v in field_lenient.values()) / max(1, all_n), 4),
        "comment_entries": c_true,
        "comment_entries_found_by_date_and_page": round(c_found / max(1, c_true), 4),
        "comment_entries_found_with_a_number": round(c_anum / max(1, c_found), 4),
        "seconds_per_page": round(seconds / max(1, n_pages), 3),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--seed", type=int, default=9301)
    ap.add_argument("--min-pages", type=int, default=5)
    ap.add_argument("--max-pages", type=int, default=60)
    ap.add_argument("--dpi", type=int, default=150)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--score-only", action="store_true",
                    help="metrics over the files predicted so far (a run still going)")
    a = ap.parse_args()
    a.out.mkdir(parents=True, exist_ok=True)
    truths = generate(a.out, a)
    if a.score_only:
        preds = {d["source"]: d for d in map(json.loads, (a.out / "pred.jsonl").open())}
        truths = [t for t in truths if t["source"] in preds]
    else:
        preds = run(a.out, truths, a.jobs)
    print(json.dumps(metrics(truths, preds), indent=1))


if __name__ == "__main__":
    main()
