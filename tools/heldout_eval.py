"""Held-out protocol (issue 12): the product measured on forms of layout families and
hands it was never built or tuned on, beside the validation split and the dev corpus.

  .venv/bin/python tools/heldout_eval.py                 # 200 held-out, 60 validation, dev
  .venv/bin/python tools/heldout_eval.py --n 20 --val-n 0 --no-dev     # a quick look
  make eval                                              # the same as the first line

* held-out: ``--n`` forms drawn from samples/generator/splits.py's held-out families and
  hands with a FRESH seed each run (printed; ``--seed`` repeats a run, never use it to
  tune), so nothing can be fitted to one draw;
* validation: ``--val-n`` forms of the validation families and hands, fixed seed
  (``--val-seed``): the set to choose on;
* dev: ../shared/datasets/dev, one more unseen set: never a reason for a code change.

Every file goes through the product's own reading and scoring (extractor.pipeline +
scoring.rubric, what ``waiverscan extract`` runs) and is scored by
../shared/eval/score.py (``--json``), whose numbers are quoted as they are: form field
accuracy (macro over the contract's form fields), election and parent_signed accuracy,
false-pass rate and fail precision over the form checks, document type accuracy. Each
2018 form family (removal_2018, notice_2018) and the grammar families are also scored
apart on held-out. OCR of image pages is cached by file hash and reader-source hash
under --cache (default /work/cache/12/ocr when it exists, else none), so a rerun of the
same files after a change above OCR is quick; a change to OCR or preprocessing makes a
new key. Runs at most --jobs processes under OMP_THREAD_LIMIT=1.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

os.environ.setdefault("OMP_THREAD_LIMIT", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCORE = ROOT.parent / "shared" / "eval" / "score.py"
DEV = ROOT.parent / "shared" / "datasets" / "dev"
DEFAULT_CACHE = Path("/work/cache/12/ocr")
#: sources whose change changes what OCR returns: part of the cache key
READER_SOURCES = ("extractor/ingest.py", "extractor/preprocess.py", "extractor/pipeline.py", "extractor/ocr")
COLUMNS = (("forms", None), ("field macro", "form_field_accuracy_macro"), ("election", "election_accuracy"),
           ("parent_signed", "parent_signed_accuracy"), ("false-pass", "false_pass_rate"),
           ("fail precision", "fail_precision"), ("doc type", "doc_type_accuracy"))


def reader_key() -> str:
    h = hashlib.sha256()
    for rel in READER_SOURCES:
        p = ROOT / rel
        for f in sorted(p.rglob("*.py")) if p.is_dir() else [p]:
            h.update(f.read_bytes())
    return h.hexdigest()[:12]


def read_one(args: tuple[str, str | None, str]) -> dict:
    """One file through the product (OCR cached): its contract document."""
    path, cache, key = args
    from extractor import ingest
    from extractor.model import Document
    from extractor.pipeline import classify_and_extract, read_pages
    from scoring.rubric import score_document
    from waiverscan.pipeline import extract_document
    p = Path(path)
    kind = ingest.sniff(p)
    if kind not in ("pdf", "png", "jpeg", "tiff"):
        return extract_document(p).to_contract()
    sha = ingest.sha256_file(p)
    pkl = Path(cache) / f"{sha}.{key}.pkl" if cache else None
    if pkl and pkl.exists():
        pages = pickle.loads(pkl.read_bytes())
    else:
        try:
            pages = read_pages(p, kind)
        except Exception:  # the product's own error object, as waiverscan extract reports it
            return extract_document(p).to_contract()
        if pkl:
            tmp = pkl.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(pickle.dumps(pages))
            tmp.replace(pkl)
    doc = Document(source=str(p), sha256=sha)
    doc.pages = pages
    classify_and_extract(doc)
    score_document(doc)
    return doc.to_contract()


def warm_one(args: tuple[str, str, str]) -> bool:
    """OCR one image file into the cache, nothing read from it: True if it was new."""
    path, cache, key = args
    from extractor import ingest
    from extractor.pipeline import read_pages
    p = Path(path)
    kind = ingest.sniff(p)
    pkl = Path(cache) / f"{ingest.sha256_file(p)}.{key}.pkl"
    if kind not in ("pdf", "png", "jpeg", "tiff") or pkl.exists():
        return False
    try:
        pages = read_pages(p, kind)
    except Exception:  # noqa: BLE001  (left for the prediction run to report)
        return False
    tmp = pkl.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_bytes(pickle.dumps(pages))
    tmp.replace(pkl)
    return True


def warm(files: list[Path], jobs: int, cache: str) -> int:
    key = reader_key()
    with ProcessPoolExecutor(max(1, jobs)) as pool:
        return sum(pool.map(warm_one, [(str(f), cache, key) for f in files]))


def predict(files: list[Path], out: Path, jobs: int, cache: str | None) -> Path:
    key = reader_key()
    pred = out / "pred.jsonl"
    with ProcessPoolExecutor(max(1, jobs)) as pool, open(pred, "w", encoding="utf-8") as fh:
        for doc in pool.map(read_one, [(str(f), cache, key) for f in files]):
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return pred


def score(truth_dir: Path, pred: Path) -> dict:
    res = json.loads(subprocess.run([sys.executable, str(SCORE), "--truth", str(truth_dir), "--pred", str(pred),
                                     "--json"], check=True, capture_output=True, text=True).stdout)
    forms = res.get("checks_form") or {}
    return {"forms": sum(1 for _ in open(truth_dir / "truth.jsonl")),
            "form_field_accuracy_macro": res.get("form_field_accuracy_macro"),
            "election_accuracy": res.get("election_accuracy"),
            "parent_signed_accuracy": res.get("parent_signed_accuracy"),
            "false_pass_rate": forms.get("false_pass_rate"), "fail_precision": forms.get("fail_precision"),
            "doc_type_accuracy": res.get("doc_type_accuracy"),
            "fields": res.get("form_field_accuracy"), "checks": res.get("checks")}


def by_family(truth_dir: Path, pred: Path) -> dict[str, dict]:
    """Score each family kind apart (score.py on a truth file holding only its forms)."""
    lines = [json.loads(l) for l in open(truth_dir / "truth.jsonl", encoding="utf-8")]
    kinds = sorted({t["meta"]["family"].split(".")[0] for t in lines})
    out = {}
    for kind in kinds:
        sub = truth_dir / f"_family_{kind}"
        sub.mkdir(exist_ok=True)
        with open(sub / "truth.jsonl", "w", encoding="utf-8") as fh:
            for t in lines:
                if t["meta"]["family"].split(".")[0] == kind:
                    fh.write(json.dumps(t, ensure_ascii=False) + "\n")
        out[kind] = score(sub, pred)
    return out


def draw(split: str, n: int, seed: int, out: Path) -> Path:
    from samples.generator import generate
    d = out / split
    generate(str(d), n, seed, split=split)
    return d


def fmt(v) -> str:
    return "   -  " if v is None else f"{v:6.3f}" if isinstance(v, float) else f"{v:6d}"


def table(rows: list[tuple[str, dict]]) -> str:
    head = f"{'set':28s}" + "".join(f"{c:>15s}" for c, _ in COLUMNS)
    lines = [head, "-" * len(head)]
    for name, r in rows:
        lines.append(f"{name:28s}" + "".join(f"{fmt(r.get(k) if k else r['forms']):>15s}" for _, k in COLUMNS))
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=200, help="held-out forms (>= 200 for a report)")
    ap.add_argument("--seed", type=int, default=None, help="held-out seed (default: fresh, from the clock)")
    ap.add_argument("--val-n", type=int, default=60, help="validation forms (0: none)")
    ap.add_argument("--val-seed", type=int, default=12)
    ap.add_argument("--no-dev", action="store_true", help="skip the dev corpus")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--cache", default=str(DEFAULT_CACHE) if DEFAULT_CACHE.parent.is_dir() else "",
                    help="OCR cache folder ('' for none)")
    ap.add_argument("--out", type=Path, default=None, help="where sets, predictions and scores go")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON too")
    ap.add_argument("--ocr-only", action="store_true",
                    help="draw the sets and OCR their pages into --cache; predict and score nothing "
                         "(so a held-out draw's only look can be run quickly later, with the same --seed)")
    a = ap.parse_args(argv)
    seed = a.seed if a.seed is not None else int(time.time()) % 1_000_000_007
    out = a.out or Path(tempfile.mkdtemp(prefix="waiverscan-heldout-"))
    out.mkdir(parents=True, exist_ok=True)
    if a.cache:
        Path(a.cache).mkdir(parents=True, exist_ok=True)
    rows: list[tuple[str, dict]] = []
    t0 = time.time()
    if a.ocr_only:
        if not a.cache:
            ap.error("--ocr-only needs --cache")
        for split, n, s in (("heldout", a.n, seed), ("validation", a.val_n, a.val_seed)):
            if n:
                d = draw(split, n, s, out)
                new = warm(sorted((d / "files").iterdir()), a.jobs, a.cache)
                print(f"# {split} seed {s}: {n} forms drawn in {d}, {new} files OCR-cached in {a.cache}")
        print(f"# {time.time() - t0:.0f} s; nothing predicted or scored")
        return 0
    if a.n:
        d = draw("heldout", a.n, seed, out)
        pred = predict(sorted((d / "files").iterdir()), d, a.jobs, a.cache or None)
        rows.append(("held-out (all)", score(d, pred)))
        rows += [(f"  held-out {k}", v) for k, v in by_family(d, pred).items()]
    if a.val_n:
        d = draw("validation", a.val_n, a.val_seed, out)
        pred = predict(sorted((d / "files").iterdir()), d, a.jobs, a.cache or None)
        rows.append(("validation (all)", score(d, pred)))
        rows += [(f"  validation {k}", v) for k, v in by_family(d, pred).items()]
    if not a.no_dev and (DEV / "truth.jsonl").exists():
        d = out / "dev"
        d.mkdir(exist_ok=True)
        pred = predict(sorted((DEV / "files").iterdir()), d, a.jobs, a.cache or None)
        rows.append(("dev (../shared/datasets/dev)", score(DEV, pred)))
    print(f"# held-out seed {seed}; validation seed {a.val_seed}; sets and predictions in {out}; "
          f"{time.time() - t0:.0f} s")
    print("# scores by ../shared/eval/score.py --json: form field macro, election, parent_signed;"
          " false-pass and fail precision over form checks")
    print(table(rows))
    (out / "scores.json").write_text(json.dumps({"heldout_seed": seed, "rows": rows}, indent=1))
    if a.json:
        print(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
