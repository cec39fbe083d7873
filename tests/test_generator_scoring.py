"""A generated set scores with the shared evaluator exactly like the dev set: perfect
predictions made from its truth get 100 %, a wrong one is counted wrong."""
import json
import os
import subprocess
import sys

import pytest

from samples.generator import generate

SCORE = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval", "score.py")


def _pred(t: dict, **change) -> dict:
    rec = t["records"][0]
    fields = dict(rec["fields"], **change)
    return {"schema_version": "1", "source": t["source"], "sha256": t["sha256"], "doc_type": "waiver_form",
            "pages": t["pages"], "error": None,
            "records": [{"record_id": rec["record_id"], "kind": "waiver_form",
                         "fields": {k: None if v is None else {"value": v, "confidence": 1.0, "page": 1,
                                                                "bbox": None, "evidence": ""}
                                    for k, v in fields.items()},
                         "checks": [{"id": k, "status": v, "severity": "major", "why": ""}
                                    for k, v in rec["checks"].items()], "score": None}]}


@pytest.mark.skipif(not os.path.exists(SCORE), reason="shared evaluator not present")
def test_score_py_reads_generated_truth(tmp_path):
    truths = generate(str(tmp_path / "set"), 4, seed=2, dpis=[72])
    preds = [_pred(t) for t in truths]
    preds[0] = _pred(truths[0], election="reunify" if truths[0]["records"][0]["fields"]["election"] != "reunify"
                     else "none_marked")
    p = tmp_path / "pred.jsonl"
    p.write_text("\n".join(json.dumps(x) for x in preds) + "\n")
    out = subprocess.run([sys.executable, SCORE, "--truth", str(tmp_path / "set"), "--pred", str(p), "--json"],
                         capture_output=True, text=True, check=True).stdout
    res = json.loads(out)
    assert res["files"] == 4 and res["predicted_files"] == 4
    assert res["form_field_accuracy"]["election"] == 0.75  # the one wrong election counted
    assert res["form_field_accuracy"]["parent_name"] == 1.0
