"""Screenshots of each review UI page over the demo samples, for the README.

    .venv/bin/python tools/screenshots.py [--out docs/screenshots]

Scans samples/forms and samples/comments into a throwaway store (as `make demo` does),
adds the demo reviewer, a second reviewer and a counsel account, records a few
decisions (the two reviewers agree on one check and disagree on another, so the
dashboard has agreement figures and a conflict to show), starts `waiverscan review`
and photographs each page in Debian's headless Chromium (Playwright, no browser
download). Each PNG is reduced to 256 colours to stay small (< 300 KB).
Everything is synthetic sample data.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

# the browser tests' own server and browser: one way to start them (tests/review_browser.py)
from review_browser import chromium, review_server  # noqa: E402
VENV_BIN = Path(sys.executable).parent
PASSWORD = "waiverscan-demo"
USERS = (("demo", "reviewer"), ("rob", "reviewer"), ("carla", "counsel"))
SCAN_EXCLUDES = ("--exclude", "*.jsonl", "--exclude", "*.json", "--exclude", "*.md")


def scan(url: str, *folders: Path) -> None:
    """`waiverscan scan` of these folders into the store (sources stored relative to
    the repository when they are in it, so the UI started there finds the pages)."""
    args = [str(VENV_BIN / "waiverscan"), "scan", *map(str, folders), "--db", url,
            *SCAN_EXCLUDES, "--no-progress"]
    subprocess.run(args, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def add_users(url: str) -> None:
    from waiverscan.store import open_store
    from waiverscan.store.accounts import add_user
    store = open_store(url)
    try:
        for name, role in USERS:
            add_user(store, name, role, PASSWORD)
    finally:
        store.close()


def demo_decisions(url: str) -> dict[str, str]:
    """Two reviewers on the first form in the queue: agreeing on its first check and
    disagreeing on its second; counsel assigned the case with most records. Returns
    ``{"record", "a_number", "field", "page"}`` to photograph."""
    from review_ui.access import Archive
    from scoring.cases import roll_up
    from waiverscan.store import open_store
    from waiverscan.store.accounts import assign, get_user
    store = open_store(url)
    try:
        demo = Archive(store, get_user(store, "demo"))
        rob = Archive(store, get_user(store, "rob"))
        item = next(i for i in demo.queue() if i.doc_type == "waiver_form" and len(i.checks) >= 2)
        # a field of it read with a box, to highlight and crop (which one depends on the
        # queue's order, which follows the reader's confidences)
        fields = store.record(item.record_id)["fields"]
        field, on = next((n, f["page"]) for n, f in fields.items() if isinstance(f, dict) and f.get("bbox"))
        first, second = item.check_ids[:2]
        demo.decide(item.record_id, first, "confirm", note="blank on the scan")
        rob.decide(item.record_id, first, "confirm")
        demo.decide(item.record_id, second, "confirm")
        rob.decide(item.record_id, second, "overturn", note="legible on the original")
        other = next((i for i in demo.queue() if i.record_id != item.record_id), None)
        if other is not None:  # something in the escalation queue
            demo.decide(other.record_id, other.check_ids[0], "escalate",
                                        note="needs the original file")
        cases = [c for c in roll_up(store.iter_documents(status="scored"))["cases"] if c.get("a_number")]
        case = max(cases, key=lambda c: ("conflicting_records" in (c.get("flags") or []),
                                         len(c.get("records") or [])))
        assign(store, "carla", case["a_number"])
        return {"record": item.record_id, "a_number": case["a_number"], "field": field, "page": on}
    finally:
        store.close()


def sign_in(page, user: str, password: str = PASSWORD) -> None:
    page.get_by_role("textbox", name="User name").fill(user)
    page.get_by_role("textbox", name="Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_text(f"Signed in as {user}").wait_for(timeout=60000)


def idle(page) -> None:
    """The script run is over (Streamlit's running indicator is gone) and every table
    is drawn (a grid shows a grey placeholder until its cells are laid out)."""
    page.wait_for_function(
        "() => !document.querySelector('[data-testid^=stStatusWidgetRunning]') && "
        "Array.from(document.querySelectorAll('[data-testid=stDataFrame]'))"
        ".filter(g => g.offsetParent !== null)"  # a table on a hidden tab is never drawn
        ".every(g => g.querySelector('td[data-testid^=glide-cell]'))", timeout=60000)


def shoot(page, path: Path, height: Optional[int] = None) -> int:
    """A 256-colour PNG of the page, ``height`` pixels tall (None: the whole page, up to
    3000: Streamlit scrolls an inner box, so a full-page screenshot would stop at the
    window); returns its size in bytes."""
    from PIL import Image
    idle(page)
    bottom = ("() => Math.max(...Array.from(document.querySelectorAll('[data-testid=stMain] *'))"
              ".map(e => e.getBoundingClientRect().bottom))")
    seen = [-1.0]  # tables grow to their height after their cells are laid out
    while len(seen) < 4 or len(set(seen[-4:])) > 1:
        page.wait_for_timeout(250)
        seen.append(page.evaluate(bottom))
    if height is None:
        height = min(3000, seen[-1] + 40)
    page.set_viewport_size({"width": 1400, "height": int(height)})
    idle(page)
    raw = path.with_suffix(".raw.png")
    page.screenshot(path=str(raw))
    with Image.open(raw) as im:
        im.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(
            path, optimize=True)
    raw.unlink()
    return path.stat().st_size


def photograph(base: str, out: Path, shown: dict[str, str]) -> dict[str, int]:
    out.mkdir(parents=True, exist_ok=True)
    sizes = {}
    with chromium() as b:
        page = b.new_page(viewport={"width": 1400, "height": 900})
        page.goto(base)
        page.get_by_role("button", name="Sign in").wait_for(timeout=60000)
        sizes["sign_in"] = shoot(page, out / "sign_in.png", 600)
        sign_in(page, "demo")
        page.locator('[data-testid="stTable"]').first.wait_for(timeout=60000)
        page.get_by_role("button", name="Review", exact=True).wait_for(timeout=60000)
        sizes["queue"] = shoot(page, out / "queue.png")
        page.goto(f"{base}/record?record={shown['record']}")
        page.locator('[data-testid="stImage"] img').first.wait_for(timeout=60000)
        page.get_by_text("Reviewers disagree").wait_for(timeout=60000)
        idle(page)  # the crop of a value found, beside the page
        page.get_by_role("combobox", name="Highlight").click()
        page.get_by_role("option", name=shown["field"]).click()
        page.get_by_text(f"{shown['field']}, page {shown['page']}, as written").wait_for(timeout=60000)
        sizes["record"] = shoot(page, out / "record.png", 1250)
        page.goto(f"{base}/case?a={shown['a_number']}")
        page.get_by_text("Timeline").wait_for(timeout=60000)
        sizes["case"] = shoot(page, out / "case.png")
        page.goto(f"{base}/dashboard")
        page.get_by_text("where reviewers disagree").wait_for(timeout=60000)
        page.locator('[data-testid="stVegaLiteChart"]').first.wait_for(timeout=60000)
        sizes["dashboard"] = shoot(page, out / "dashboard.png")
        page.close()
        page = b.new_page(viewport={"width": 1400, "height": 900})  # counsel, own cookies
        page.goto(f"{base}/client?a={shown['a_number']}")
        sign_in(page, "carla")
        page.get_by_role("button", name="Prepare PDF report").wait_for(timeout=60000)
        for box in page.get_by_text("Values read and the evidence").all()[:2]:
            box.click()  # the crops of the written values
        sizes["client"] = shoot(page, out / "client.png")
        page.close()
    return sizes


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'demo.db'}"
        scan(url, Path("samples/forms"), Path("samples/comments"))
        add_users(url)
        shown = demo_decisions(url)
        with review_server(url, cwd=ROOT, timeout=120) as base:
            sizes = photograph(base, args.out, shown)
    for name, size in sizes.items():
        print(f"{args.out / (name + '.png')}: {size // 1024} KB")
    return 0 if max(sizes.values()) < 300 * 1024 else 1


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
