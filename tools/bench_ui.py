"""`make bench-ui`: how long each review UI page takes on a large archive.

Fills a SQLite store with N synthetic documents (forms and case-comment exports, ~3.5
records a document, every record with the rubric's checks, A-numbers shared by ~3
records, some unknowns and failures), written with bulk inserts straight into the
tables together with the derived columns and cases the program keeps (as
``waiverscan.store.derived`` computes them), then runs each page's real script in
Streamlit's AppTest as a reviewer (queue, a record, a case, the dashboard) and as
counsel (client page), and `waiverscan report --case`, printing the seconds each took
(first visit, then a second visit: Streamlit reruns the whole script on every click;
counts over the archive are kept between reruns until the archive changes). A first
untimed page run loads the modules, as a running server has.

    .venv/bin/python tools/bench_ui.py --docs 10000 100000 [--dir /work/cache/bench-ui]

The store is kept (``--dir``) and reused when it already holds N documents. Synthetic
values are invented here (no dev data). Fields and pages tables are left empty: no page
reads them.
"""
from __future__ import annotations

import argparse
import hashlib
import io
import os
import random
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

FIRST = ["Ana", "Luis", "Marta", "Jon", "Rosa", "Teo", "Ines", "Omar", "Lia", "Sami"]
LAST = ["Vela", "Quin", "Soto", "Mora", "Ruiz", "Pena", "Lago", "Rios", "Cano", "Bravo"]
PASSWORD = "bench password 1"


def _form_record(rng: random.Random, rid: str, a: str) -> dict:
    from extractor.model import FORM_FIELDS
    date = f"2018-{rng.randint(3, 10):02d}-{rng.randint(1, 28):02d}" if rng.random() > 0.05 else None
    fields = {k: None for k in FORM_FIELDS}

    def f(v, conf=0.9):
        return {"value": v, "confidence": conf, "page": 1, "bbox": [100, 100, 400, 140],
                "evidence": str(v)}
    fields.update(parent_name=f(f"{rng.choice(FIRST)} {rng.choice(LAST)}"),
                  parent_a_number=f(a), child_names=f([f"{rng.choice(FIRST)} {rng.choice(LAST)}"]),
                  election=f(rng.choice(["depart_without_child"] * 4 + ["reunify"])),
                  date_signed=f(date) if date else None, official_name=f("DO K. Vale"),
                  parent_signed=f(rng.random() > 0.1))
    checks = _checks(rng, "waiver_form", fail=0.08, unknown=0.12)
    return {"record_id": rid, "kind": "waiver_form", "fields": fields, "checks": checks,
            "score": round(rng.uniform(40, 100), 1)}


def _checks(rng: random.Random, kind: str, fail: float, unknown: float) -> list[dict]:
    """Every check of the kind, drawn failed below ``fail``, unknown below ``unknown``."""
    from scoring.rubric import RULES_BY_KIND
    out = []
    for r in RULES_BY_KIND[kind]:
        x = rng.random()
        status = "fail" if x < fail else "unknown" if x < unknown else "pass"
        out.append({"id": r.id, "status": status, "severity": r.severity, "why": "synthetic"})
    return out


def _comment_record(rng: random.Random, rid: str, a: str) -> dict:
    from extractor.model import COMMENT_FIELDS
    fields = {k: None for k in COMMENT_FIELDS}

    def f(v):
        return {"value": v, "confidence": 0.95, "page": None, "bbox": None, "evidence": str(v)}
    fields.update(a_number=f(a), entry_date=f(f"2018-{rng.randint(3, 10):02d}-{rng.randint(1, 28):02d}"),
                  author=f("DO M. Lind"),
                  decision=f(rng.choice(["waive_reunification", "requests_reunification",
                                         "undecided"])),
                  decision_mode=f(rng.choice(["oral", "written"])))
    checks = _checks(rng, "case_comment", fail=0.1, unknown=0.13)
    return {"record_id": rid, "kind": "case_comment", "fields": fields, "checks": checks,
            "score": round(rng.uniform(40, 100), 1)}


def fill(url: str, n_docs: int, seed: int = 7) -> None:
    """N documents into an empty store, in bulk (one transaction per 2,000 documents)."""
    from sqlalchemy import insert
    from scoring.cases import roll_up
    from waiverscan.store import derived, open_store
    from waiverscan.store.accounts import add_user, assign
    from waiverscan.store.models import (CaseRow, CheckRow, DocumentRow, OpenCheck,
                                         RecordRow, Sighting)
    rng = random.Random(seed)
    store = open_store(url)
    now = datetime.now(timezone.utc)
    n_parents = max(1, int(n_docs * 3.5 / 3))
    parents = [f"A{200000000 + i * 7:09d}" for i in range(n_parents)]
    groups: dict[str, list[tuple[dict, str]]] = {}
    rec_pk = check_pk = 0
    for start in range(0, n_docs, 2000):
        docs, recs, checks, opens, seen = [], [], [], [], []
        for d in range(start, min(n_docs, start + 2000)):
            sha = hashlib.sha256(f"bench-{seed}-{d}".encode()).hexdigest()
            is_form = rng.random() < 0.4
            source = f"archive/{d // 1000:03d}/{d:07d}" + (".png" if is_form else "_comments.csv")
            docs.append(dict(id=d + 1, sha256=sha, source=source,
                             doc_type="waiver_form" if is_form else "case_comments",
                             pages=1, status="scored", pipeline_version="bench", scored_at=now))
            seen.append(dict(document_id=d + 1, source=source, seen_at=now, via="scan"))
            n = 1 if is_form else rng.randint(1, 9)
            for i in range(n):
                rid = f"{sha}:{i}"
                a = rng.choice(parents)
                rec = (_form_record if is_form else _comment_record)(rng, rid, a)
                rec_pk += 1
                pending = derived.open_checks(rec, [])
                recs.append(dict(id=rec_pk, document_id=d + 1, record_id=rid, idx=i,
                                 kind=rec["kind"], a_number=a, score=rec["score"], data=rec,
                                 source=source, entry_date=derived.record_date(rec),
                                 flag_tier=derived.flag_tier(rec),
                                 open_tier=pending[0][1] if pending else None, case_key=a))
                for c in rec["checks"]:
                    check_pk += 1
                    checks.append(dict(id=check_pk, record_pk=rec_pk, check_id=c["id"],
                                       status=c["status"], severity=c["severity"], why=c["why"]))
                opens += [dict(record_pk=rec_pk, check_id=c, tier=t) for c, t in pending]
                groups.setdefault(a, []).append((rec, source))
        with store.session() as s:
            s.execute(insert(DocumentRow), docs)
            s.execute(insert(Sighting), seen)
            s.execute(insert(RecordRow), recs)
            s.execute(insert(CheckRow), checks)
            if opens:
                s.execute(insert(OpenCheck), opens)
        print(f"  filled {min(n_docs, start + 2000)} of {n_docs} documents", flush=True)
    rows, categories = [], {}
    for a, members in groups.items():
        case = roll_up([{"source": src, "records": [rec]} for rec, src in members])["cases"][0]
        rows.append(derived.case_row(a, case).__dict__)
        categories.setdefault(case["category"], []).append(a)
    with store.session() as s:
        cols = [c.name for c in CaseRow.__table__.columns if c.name != "id"]
        s.execute(insert(CaseRow), [{k: r[k] for k in cols} for r in rows])
        for cat, keys in categories.items():
            for i in range(0, len(keys), 500):
                s.execute(RecordRow.__table__.update()
                          .where(RecordRow.case_key.in_(keys[i:i + 500])).values(category=cat))
        derived.mark_current(s)
    add_user(store, "bench_rev", "reviewer", PASSWORD)
    add_user(store, "bench_counsel", "counsel", PASSWORD)
    assign(store, "bench_counsel", parents[0])
    store.close()


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def bench(url: str) -> dict[str, tuple[float, float]]:
    from review_apptest import page
    from waiverscan.cli import main
    from waiverscan.store import open_store, queries
    os.environ["WAIVERSCAN_DB"] = url
    store = open_store(url)
    a = queries.case_keys(store, limit=1)[0]
    rid = queries.queue_rows(store, limit=1)[0]["record_id"]
    store.close()

    def run_page(name, user, **query):
        at = page(name, url, user)
        for k, v in query.items():
            at.query_params[k] = v
        first = timed(at.run)
        assert not at.exception, at.exception
        again = timed(at.run)  # a rerun, as on every click
        return first, again
    # warm-up: the modules a running server has loaded already (not counted); no page
    # of this store is run, so no count is cached before the timing
    import altair  # noqa: F401
    import pandas  # noqa: F401
    import pyarrow  # noqa: F401
    from waiverscan import account_pdf, case_account  # noqa: F401
    run_page("case", "bench_rev")
    out = {"queue": run_page("queue", "bench_rev"),
           "record": run_page("record", "bench_rev", record=rid),
           "case": run_page("case", "bench_rev", a=a),
           "dashboard": run_page("dashboard", "bench_rev"),
           "client (counsel)": run_page("client", "bench_counsel")}
    t = timed(lambda: main(["report", "--db", url, "--case", a], stdout=io.StringIO()))
    out["report --case (CLI)"] = (t, t)
    return out


def main_(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--docs", type=int, nargs="+", default=[10000, 100000])
    p.add_argument("--dir", type=Path, default=Path("/work/cache/bench-ui"))
    args = p.parse_args(argv)
    args.dir.mkdir(parents=True, exist_ok=True)
    from waiverscan.store import open_store
    for n in args.docs:
        db = args.dir / f"ui-{n}.db"
        url = f"sqlite:///{db}"
        have = 0
        if db.exists():
            st = open_store(url)
            have = st.counts().get("scored", 0)
            st.close()
        if have != n:
            for p_ in args.dir.glob(f"ui-{n}.db*"):
                p_.unlink()
            t = time.perf_counter()
            print(f"filling a store with {n} documents ({db})", flush=True)
            fill(url, n)
            print(f"  filled in {time.perf_counter() - t:.0f} s", flush=True)
        st = open_store(url)
        c = st.counts()
        st.close()
        print(f"\n{n} documents, {c['records']} records: seconds per page "
              f"(first visit / rerun on a click)")
        for name, (first, again) in bench(url).items():
            print(f"  {name:<22} {first:6.2f}  {again:6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main_())
