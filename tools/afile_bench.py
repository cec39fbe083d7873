"""Developer tool: a long alien file against single-form files, through the batch
worker's unit of work (``waiverscan.batch.worker.process_file``), each file in a fresh
process: seconds per page and the worker's peak resident memory (VmHWM).

  OMP_THREAD_LIMIT=1 nice -n 10 .venv/bin/python tools/afile_bench.py OUT_DIR \
      [--pages 500] [--forms 12] [--singles 12] [--dpi 150]

Files are generated once into OUT_DIR (kept for re-runs); results print as JSON.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PROBE = r"""
import json, os, sys, time
sys.path.insert(0, {root!r})
os.environ["OMP_THREAD_LIMIT"] = "1"
from waiverscan.batch import worker
worker.init_worker()
worker.prewarm()  # what a forked worker has before its first file
import logging
def hwm_mb():
    return next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:")) / 1024

class Progress(logging.Handler):  # the pipeline's "page N: x pages/s" lines, with the peak
    def emit(self, record):
        print(record.getMessage(), f"peak {{hwm_mb():.0f}} MB", file=sys.stderr, flush=True)
lg = logging.getLogger("extractor.pipeline")
lg.addHandler(Progress())
lg.setLevel(logging.INFO)
lg.propagate = False
t0 = time.perf_counter()
out = worker.process_file(sys.argv[1])
secs = time.perf_counter() - t0
hwm = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:"))
c = out["contract"]
print(json.dumps({{"pages": c["pages"], "records": len(c["records"]),
                  "forms": sum(r["kind"] == "waiver_form" for r in c["records"]),
                  "seconds": round(secs, 2), "peak_mb": round(hwm / 1024, 1),
                  "error": c["error"]}}))
"""


def probe(path: Path, results: Path) -> dict:
    """One file in a fresh worker process; results are kept (a re-run skips the file),
    the pipeline's progress lines go to OUT/progress.log as they come."""
    done = {}
    if results.exists():
        done = {d["file"]: d for d in map(json.loads, results.read_text().splitlines())}
    if path.name in done:
        return done[path.name]
    with open(results.parent / "progress.log", "a") as log:
        log.write(f"== {path.name}\n")
        log.flush()
        proc = subprocess.run([sys.executable, "-c", PROBE.format(root=str(ROOT)), str(path)],
                              stdout=subprocess.PIPE, stderr=log, text=True, cwd=ROOT)
    if proc.returncode != 0:
        raise RuntimeError(f"{path.name} failed: see progress.log")
    out = dict(json.loads(proc.stdout.strip().splitlines()[-1]), file=path.name)
    with results.open("a") as fh:
        fh.write(json.dumps(out) + "\n")
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--pages", type=int, default=500)
    ap.add_argument("--forms", type=int, default=12)
    ap.add_argument("--singles", type=int, default=12)
    ap.add_argument("--dpi", type=int, default=150)
    ap.add_argument("--seed", type=int, default=5150)
    a = ap.parse_args()
    a.out.mkdir(parents=True, exist_ok=True)
    big = a.out / f"afile_{a.pages}.pdf"
    if not big.exists():
        from samples.generator.afile import make_afile
        data, truth = make_afile(a.seed, n_pages=a.pages, dpi=a.dpi, n_forms=a.forms)
        big.write_bytes(data)
        (a.out / f"afile_{a.pages}.truth.json").write_text(json.dumps(truth))
    singles = sorted(a.out.glob("single_*.pdf"))
    if len(singles) < a.singles:
        from samples.generator.core import doc_seed, make_document
        for i in range(a.singles):
            data, _, _, _ = make_document(doc_seed(a.seed + 1, i), fmt="pdf", dpi=a.dpi, attachment=False)
            (a.out / f"single_{i:02d}.pdf").write_bytes(data)
        singles = sorted(a.out.glob("single_*.pdf"))
    results = a.out / "results.jsonl"
    rows = [probe(p, results) for p in singles[:a.singles]]
    single_pages = sum(r["pages"] for r in rows)
    single_secs = sum(r["seconds"] for r in rows)
    long = probe(big, results)
    truth = json.loads((a.out / f"afile_{a.pages}.truth.json").read_text())
    print(json.dumps({
        "single_form_files": len(rows), "single_seconds_per_page": round(single_secs / single_pages, 3),
        "single_peak_mb_max": max(r["peak_mb"] for r in rows),
        "afile": long, "afile_seconds_per_page": round(long["seconds"] / long["pages"], 3),
        "afile_true_forms": sum(r["kind"] == "waiver_form" for r in truth["records"]),
        "afile_page_kinds": {k: truth["page_kinds"].count(k) for k in sorted(set(truth["page_kinds"]))},
    }, indent=1))


if __name__ == "__main__":
    main()
