"""How long reviewing N flagged records with the keyboard alone takes in the review UI
(headless Chromium; the UI's response time, no human thinking time).

    .venv/bin/python tools/review_timing.py [--records 20] [--forms 12]

Scans samples/forms, samples/comments and --forms forms drawn by the project's
generator (seed 5) into a throwaway store, signs a reviewer in, opens the Record page
and presses `c` (confirm) on every flagged check until N records are done (a record is
left for the next one when its last check is decided). After each key it waits for
the page to show the next check or record and for Streamlit to finish its run; then
prints the total and the per-key times.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshots import ROOT, add_users, chromium, idle, scan, serve, sign_in  # noqa: E402

STATE = ("() => Array.from(document.querySelectorAll('h2, h3')).map(e => e.innerText)"
         ".filter(t => t.startsWith('Record') || t.startsWith('Decide')).join('|')")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--records", type=int, default=20)
    ap.add_argument("--forms", type=int, default=12)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        gen = Path(tmp) / "gen"
        subprocess.run([sys.executable, "-m", "samples.generator", str(gen), "--n", str(args.forms),
                        "--seed", "5"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        url = f"sqlite:///{Path(tmp) / 'timing.db'}"
        scan(url, Path("samples/forms"), Path("samples/comments"), gen / "files")
        add_users(url)
        with serve(url) as base, chromium() as b:
            page = b.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(f"{base}/record")
            sign_in(page, "demo")
            page.wait_for_function("() => document.documentElement.dataset.waiverscanKeys === 'on'",
                                   timeout=60000)
            idle(page)
            total = int(page.get_by_role("heading", name="Record 1 of").inner_text().split()[-1])
            if total < args.records:
                print(f"only {total} flagged records: use more --forms", file=sys.stderr)
                return 1
            keys, done = [], 0
            t0 = time.perf_counter()
            while done < args.records:
                before = page.evaluate(STATE)
                t = time.perf_counter()
                page.keyboard.press("c")
                page.wait_for_function(f"() => ({STATE})() !== {before!r}", timeout=60000)
                page.get_by_role("button", name="Confirm (c)").or_(
                    page.get_by_text("Every flagged check")).or_(
                    page.get_by_text("queue is empty")).first.wait_for(timeout=60000)
                idle(page)
                keys.append(time.perf_counter() - t)
                if page.evaluate(STATE).split("|")[0] != before.split("|")[0]:
                    done += 1  # the record changed: the last one is done
            elapsed = time.perf_counter() - t0
    print(f"{args.records} flagged records, {len(keys)} keys (one confirm per flagged check): "
          f"{elapsed:.1f} s in all, {elapsed / args.records:.2f} s per record; per key "
          f"median {statistics.median(keys) * 1000:.0f} ms, "
          f"90th percentile {sorted(keys)[int(0.9 * (len(keys) - 1))] * 1000:.0f} ms, "
          f"max {max(keys) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
