"""`waiverscan audit verify` on SQLite and PostgreSQL: OK (exit 0) on an intact review
log; after tampering behind the program's back (the append-only triggers dropped or
disabled, then raw SQL), the first broken decision and how it was broken, exit 13:
a decision edited, edited and re-hashed, deleted, two reordered, one inserted, and the
newest removed (caught with --head)."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from extractor.errors import EXIT_CODES
from waiverscan import cli
from waiverscan.store import open_store
from waiverscan.store.reviews import row_hash


@pytest.fixture
def store(store_url):
    s = open_store(store_url)
    for i in range(4):  # decisions 1..4
        s.reviews.add(f"{i:064x}:0", reviewer=f"analyst{i % 2}", action="accept",
                      check_id="F-SUPERVISOR", value_before="fail", value_after="fail",
                      note=f"seen {i}")
    yield s
    s.close()


def _verify(store, capsys, *extra: str) -> tuple[int, str]:
    rc = cli.main(["audit", "verify", "--db", store.engine.url.render_as_string(False), *extra])
    out, err = capsys.readouterr()
    return rc, out + err


def _tamper(store, *statements: tuple[str, dict]) -> None:
    """Raw SQL with the database's own guard off, as someone with write access could."""
    with store.engine.begin() as conn:
        if store.engine.dialect.name == "sqlite":
            conn.execute(text("DROP TRIGGER IF EXISTS review_decisions_no_update"))
            conn.execute(text("DROP TRIGGER IF EXISTS review_decisions_no_delete"))
        else:
            conn.execute(text("ALTER TABLE review_decisions DISABLE TRIGGER USER"))
        for sql, params in statements:
            conn.execute(text(sql), params)


def _ids(store) -> list[int]:
    return [d["id"] for d in store.reviews.history()]


def test_audit_verify_intact_log_is_ok(store, capsys):
    rc, out = _verify(store, capsys)
    head = store.reviews.history()[-1]["hash"]
    assert rc == 0 and f"OK: 4 decisions, hash chain intact; head {head}" in out
    assert _verify(store, capsys, "--head", head[:16])[0] == 0


def test_audit_verify_edited(store, capsys):
    second = _ids(store)[1]
    _tamper(store, ("UPDATE review_decisions SET note = 'seen nothing' WHERE id = :i",
                    {"i": second}))
    rc, out = _verify(store, capsys)
    assert rc == EXIT_CODES["chain_broken"]
    assert f"BROKEN at decision {second} (edited)" in out
    assert "seen nothing" not in out  # names decisions, never their content


def test_audit_verify_edited_and_rehashed(store, capsys):
    ids = _ids(store)
    d = store.reviews.history()[1]
    d["value_after"] = "pass"
    _tamper(store, ("UPDATE review_decisions SET value_after = :v, hash = :h WHERE id = :i",
                    {"v": json.dumps("pass"), "h": row_hash(d["prev_hash"], d), "i": ids[1]}))
    rc, out = _verify(store, capsys)
    assert rc == EXIT_CODES["chain_broken"]
    assert f"BROKEN at decision {ids[2]} (deleted)" in out and "re-hashed" in out


def test_audit_verify_deleted(store, capsys):
    ids = _ids(store)
    _tamper(store, ("DELETE FROM review_decisions WHERE id = :i", {"i": ids[1]}))
    rc, out = _verify(store, capsys)
    assert rc == EXIT_CODES["chain_broken"]
    assert f"BROKEN at decision {ids[2]} (deleted)" in out


def test_audit_verify_reordered(store, capsys):
    a, b = _ids(store)[1:3]
    swap = "UPDATE review_decisions SET id = :new WHERE id = :old"
    _tamper(store, (swap, {"new": -1, "old": a}), (swap, {"new": a, "old": b}),
            (swap, {"new": b, "old": -1}))
    rc, out = _verify(store, capsys)
    assert rc == EXIT_CODES["chain_broken"]
    assert f"BROKEN at decision {a} (reordered)" in out


def test_audit_verify_inserted(store, capsys):
    # ids spread out first (a change the chain does not see: ids are not hashed) ...
    _tamper(store, ("UPDATE review_decisions SET id = id * 10 + 1000", {}))
    assert _verify(store, capsys)[0] == 0
    ids = _ids(store)
    forged = dict(store.reviews.history()[1], note="approved by phone", id=ids[1] + 5)
    prev = "f" * 64  # it cannot take its predecessor's link: prev_hash is unique
    forged["prev_hash"], forged["hash"] = prev, row_hash(prev, forged)
    _tamper(store, ("INSERT INTO review_decisions (id, record_id, check_id, field, reviewer, at, "
                    "value_before, value_after, action, note, prev_hash, hash) VALUES "
                    "(:id, :record_id, :check_id, :field, :reviewer, :at, :vb, :va, :action, "
                    ":note, :prev_hash, :hash)",
                    dict(forged, vb=json.dumps(forged["value_before"]),
                         va=json.dumps(forged["value_after"]))))
    rc, out = _verify(store, capsys)
    assert rc == EXIT_CODES["chain_broken"]
    assert f"BROKEN at decision {ids[1] + 5} (inserted)" in out


def test_audit_verify_newest_removed_needs_head(store, capsys):
    head = store.reviews.history()[-1]["hash"]
    _tamper(store, ("DELETE FROM review_decisions WHERE id = :i", {"i": _ids(store)[-1]}))
    assert _verify(store, capsys)[0] == 0  # a shorter chain is a valid chain ...
    rc, out = _verify(store, capsys, "--head", head)  # ... unless its head was recorded
    assert rc == EXIT_CODES["chain_broken"] and "(deleted)" in out


def test_audit_verify_missing_store_is_usage_error(tmp_path, capsys):
    rc = cli.main(["audit", "verify", "--db", f"sqlite:///{tmp_path / 'none.db'}"])
    assert rc == EXIT_CODES["usage"] and "no store" in capsys.readouterr().err
    assert not (tmp_path / "none.db").exists()
