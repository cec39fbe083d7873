"""`scan` walks its arguments in one deterministic order, without hidden or excluded
files, and lists a file named twice once."""
from __future__ import annotations

from waiverscan.batch import walk


def test_walk_order_hidden_exclude_and_duplicates(tmp_path):
    for rel in ["b/2.png", "b/10.png", "a/z/1.pdf", "a/0.csv", ".hidden/x.pdf", "a/.x.pdf",
                "a/truth.jsonl", "top.tif"]:
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(rel.encode())
    got = walk([tmp_path, tmp_path / "top.tif", tmp_path / "missing.pdf"], exclude=["*.jsonl"])
    rel = [str(p.relative_to(tmp_path)) for p in got]
    assert rel == ["a/0.csv", "a/z/1.pdf", "b/10.png", "b/2.png", "top.tif", "missing.pdf"]
    assert walk([tmp_path / "b"]) == walk([tmp_path / "b"])
