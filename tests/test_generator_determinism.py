"""The generator is reproducible: a seed gives the same bytes, truth and cases."""
import hashlib
import os

from samples.generator import generate


def _digest(d: str) -> dict[str, str]:
    out = {}
    for root, _, files in os.walk(d):
        for f in files:
            p = os.path.join(root, f)
            out[os.path.relpath(p, d)] = hashlib.sha256(open(p, "rb").read()).hexdigest()
    return out


def test_same_seed_same_bytes(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    # every output format, so a timestamp creeping into one of them (PDF dates) shows up
    generate(str(a), 4, seed=7, dpis=[72], formats=["png", "jpg", "pdf", "tif"])
    generate(str(b), 4, seed=7, dpis=[72], formats=["png", "jpg", "pdf", "tif"])
    da, db = _digest(str(a)), _digest(str(b))
    assert da == db
    assert {"truth.jsonl", "cases.jsonl"} <= set(da)
    assert len([k for k in da if k.startswith("files")]) == 4


def test_other_seed_other_files(tmp_path):
    t1 = generate(str(tmp_path / "a"), 3, seed=1, dpis=[72])
    t2 = generate(str(tmp_path / "b"), 3, seed=2, dpis=[72])
    assert not {t["sha256"] for t in t1} & {t["sha256"] for t in t2}


def test_file_k_does_not_depend_on_n(tmp_path):
    """File 0002 of a 2-file set is file 0002 of a 3-file set (per-file seeds)."""
    t2 = generate(str(tmp_path / "a"), 2, seed=4, dpis=[72])
    t3 = generate(str(tmp_path / "b"), 3, seed=4, dpis=[72])
    assert t2[1]["sha256"] == t3[1]["sha256"]
