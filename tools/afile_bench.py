"""Developer tool (`make bench-afile`): `waiverscan scan` of one long alien file against
single-form files, like for like: the same `scan` (2 local workers, a fresh SQLite
store), the same machine, runs interleaved (singles, A-file, singles, A-file, ...) so
that load from other processes falls on both sides. Per run: wall seconds per page,
the workers' CPU seconds per page, the largest worker's peak resident memory (VmHWM),
and the machine's load average before and after.

  OMP_THREAD_LIMIT=1 .venv/bin/python tools/afile_bench.py OUT_DIR \
      [--pages 500] [--forms 12] [--singles 60] [--rounds 2] [--workers 2] [--dpi 150]

Files are generated once into OUT_DIR (kept for re-runs); each run's result is appended
to OUT_DIR/runs.jsonl and a summary prints as JSON.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RUN = r"""
import json, os, sys, tempfile, threading, time
sys.path.insert(0, {root!r})
os.environ["OMP_THREAD_LIMIT"] = "1"
from waiverscan.batch import scan
from waiverscan.store import open_store

me = os.getpid()
peak, cpu = {{}}, {{}}
tick = os.sysconf("SC_CLK_TCK")

def descendants():
    kids = {{}}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                stat = open(f"/proc/{{d}}/stat").read()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2:].split()
            kids.setdefault(int(fields[1]), []).append((int(d), fields))
    out, todo = [], [me]
    while todo:
        for pid, fields in kids.get(todo.pop(), []):
            out.append((pid, fields))
            todo.append(pid)
    return out

def poll(stop):
    while not stop.is_set():
        for pid, fields in descendants():
            cpu[pid] = (int(fields[11]) + int(fields[12])) / tick
            try:
                hwm = next(int(l.split()[1]) for l in open(f"/proc/{{pid}}/status")
                           if l.startswith("VmHWM:"))
                peak[pid] = max(peak.get(pid, 0), hwm)
            except (OSError, StopIteration):
                pass
        stop.wait(0.5)

stop = threading.Event()
th = threading.Thread(target=poll, args=(stop,), daemon=True)
th.start()
db = tempfile.mkdtemp(prefix="afile-bench-")
store = open_store(f"sqlite:///{{db}}/bench.db")
t0 = time.perf_counter()
chunk = None if sys.argv[2] == "default" else int(sys.argv[2])
s = scan(sys.argv[3:], store, workers=int(sys.argv[1]), progress=False, chunk_pages=chunk)
secs = time.perf_counter() - t0
stop.set(); th.join()
forms = sum(r["kind"] == "waiver_form" for d in store.iter_documents() for r in d["records"])
store.close()
print(json.dumps({{"files": s.files, "failed": s.failed, "pages": s.pages, "forms": forms,
                  "seconds": round(secs, 1), "worker_cpu_seconds": round(sum(cpu.values()), 1),
                  "worker_peak_mb": round(max(peak.values(), default=0) / 1024, 1)}}))
"""


def load() -> float:
    return float(open("/proc/loadavg").read().split()[0])


def run(kind: str, paths: list[Path], workers: int, out: Path, chunk: str = "default") -> dict:
    """One `scan` in a fresh process (``chunk``: its chunk_pages, "0": one task a file)."""
    before = load()
    proc = subprocess.run([sys.executable, "-c", RUN.format(root=str(ROOT)), str(workers), chunk,
                           *map(str, paths)], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    if proc.returncode != 0:
        raise RuntimeError(f"the {kind} run failed")
    res = json.loads(proc.stdout.strip().splitlines()[-1])
    res.update(kind=kind, workers=workers, load_before=before, load_after=load(),
               at=time.strftime("%H:%M:%S"),
               wall_s_per_page=round(res["seconds"] / max(res["pages"], 1), 3),
               cpu_s_per_page=round(res["worker_cpu_seconds"] / max(res["pages"], 1), 3))
    with (out / "runs.jsonl").open("a") as fh:
        fh.write(json.dumps(res) + "\n")
    print(json.dumps(res), file=sys.stderr, flush=True)
    return res


def generate(a) -> tuple[Path, Path]:
    a.out.mkdir(parents=True, exist_ok=True)
    big = a.out / f"afile_{a.pages}.pdf"
    if not big.exists():
        from samples.generator.afile import make_afile
        data, truth = make_afile(a.seed, n_pages=a.pages, dpi=a.dpi, n_forms=a.forms)
        big.write_bytes(data)
        (a.out / f"afile_{a.pages}.truth.json").write_text(json.dumps(truth))
    singles = a.out / "singles"
    singles.mkdir(exist_ok=True)
    if len(list(singles.glob("single_*.pdf"))) < a.singles:
        from samples.generator.core import doc_seed, make_document
        for i in range(a.singles):
            p = singles / f"single_{i:03d}.pdf"
            if not p.exists():
                data, _, _, _ = make_document(doc_seed(a.seed + 1, i), fmt="pdf", dpi=a.dpi,
                                              attachment=False)
                p.write_bytes(data)
    return big, singles


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--pages", type=int, default=500)
    ap.add_argument("--forms", type=int, default=12)
    ap.add_argument("--singles", type=int, default=60)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--dpi", type=int, default=150)
    ap.add_argument("--seed", type=int, default=5150)
    ap.add_argument("--one-task", action="store_true",
                    help="also scan the A-file as one task (not spread) once, at the end")
    a = ap.parse_args()
    big, singles = generate(a)
    files = sorted(singles.glob("single_*.pdf"))[:a.singles]
    runs = []
    for _ in range(a.rounds):  # interleaved: load from other processes falls on both
        runs.append(run("singles", files, a.workers, a.out))
        runs.append(run("afile", [big], a.workers, a.out))
    if a.one_task:
        runs.append(run("afile_one_task", [big], a.workers, a.out, chunk="0"))
    side = {k: [r for r in runs if r["kind"] == k] for k in ("singles", "afile")}

    def per_page(rs, key):
        return round(sum(r[key] for r in rs) / sum(r["pages"] for r in rs), 3)
    s_wall, a_wall = per_page(side["singles"], "seconds"), per_page(side["afile"], "seconds")
    s_cpu = per_page(side["singles"], "worker_cpu_seconds")
    a_cpu = per_page(side["afile"], "worker_cpu_seconds")
    truth = json.loads((a.out / f"afile_{a.pages}.truth.json").read_text())
    print(json.dumps({
        "workers": a.workers, "rounds": a.rounds,
        "singles": {"files": len(files), "pages": side["singles"][0]["pages"],
                    "wall_s_per_page": s_wall, "cpu_s_per_page": s_cpu,
                    "worker_peak_mb_max": max(r["worker_peak_mb"] for r in side["singles"])},
        "afile": {"pages": side["afile"][0]["pages"], "forms_found": side["afile"][0]["forms"],
                  "true_forms": sum(r["kind"] == "waiver_form" for r in truth["records"]),
                  "wall_s_per_page": a_wall, "cpu_s_per_page": a_cpu,
                  "worker_peak_mb_max": max(r["worker_peak_mb"] for r in side["afile"])},
        "afile/singles wall per page": round(a_wall / s_wall, 3),
        "afile/singles cpu per page": round(a_cpu / s_cpu, 3),
        "afile_one_task": [r for r in runs if r["kind"] == "afile_one_task"],
        "load": [(r["kind"], r["load_before"], r["load_after"]) for r in runs],
    }, indent=1))


if __name__ == "__main__":
    main()
