"""The bundled samples in samples/forms are what samples/README.md says: small, with
valid truth, covering English-only, Spanish-only and bilingual forms, deficient forms and
a complete waiver with a supervisor, and reproducible from the recipe."""
import hashlib
import json
import os

import pytest

from scoring.rubric import check_statuses

FORMS = os.path.join(os.path.dirname(__file__), "..", "samples", "forms")


def _truth() -> list[dict]:
    return [json.loads(l) for l in open(os.path.join(FORMS, "truth.jsonl"), encoding="utf-8")]


def test_bundle_files_match_truth_and_stay_small():
    truth = _truth()
    assert 5 <= len(truth) <= 8
    total = 0
    for t in truth:
        data = open(os.path.join(FORMS, t["source"]), "rb").read()
        total += len(data)
        assert hashlib.sha256(data).hexdigest() == t["sha256"]
        assert t["meta"]["dpi"] in (150, 200)
        rec = t["records"][0]
        assert rec["checks"] == check_statuses("waiver_form", rec["fields"])
    assert total < 3_000_000
    assert {t["source"].rsplit(".", 1)[1] for t in truth} >= {"png", "jpg", "pdf", "tif"}


def test_bundle_covers_the_cases_the_readme_promises():
    recs = [t["records"][0] for t in _truth()]
    langs = [r["fields"]["form_languages"] for r in recs]
    assert ["eng"] in langs and ["spa"] in langs and ["eng", "spa"] in langs
    assert any(r["checks"]["F-CHILD-NAMED"] == "fail" or r["checks"]["F-DATED"] == "fail" for r in recs)
    assert any(all(v == "pass" for v in r["checks"].values()) and r["fields"]["supervisor_signed"]
               and r["fields"]["election"] == "depart_without_child" for r in recs)


@pytest.mark.slow
def test_bundle_is_reproducible(tmp_path):
    from samples.generator.bundle import make_bundle
    truths = make_bundle(str(tmp_path))
    assert [t["sha256"] for t in truths] == [t["sha256"] for t in _truth()]
