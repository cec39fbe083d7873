"""The batch worker streams pages (images spilled to disk, one in memory at a time) and
still gives exactly what `extract_document` gives; nothing image-sized goes back to the
parent."""
from __future__ import annotations

import json
import pickle

import numpy as np
import pytest

from waiverscan.batch.worker import SpilledPage, extract_streamed, process_file

pytestmark = [pytest.mark.slow, pytest.mark.integration]


def test_streamed_equals_extract_document(batch_archive, batch_reference):
    from extractor.pipeline import extract_document
    form = batch_archive / "b_form.pdf"
    whole = json.loads(json.dumps(extract_document(form).to_contract()))
    ref = next(d for d in batch_reference if d["source"].endswith("b_form.pdf"))
    assert ref["pages"] == 2 and ref["doc_type"] == "waiver_form"
    assert whole == dict(ref, source=str(form))


def test_streamed_pages_hold_no_images(batch_archive):
    doc = extract_streamed(batch_archive / "c_more" / "note.png")
    assert doc.pages and all(isinstance(p, SpilledPage) for p in doc.pages)
    for p in doc.pages:
        assert p.image is None  # the spill directory is gone with the document
        assert not any(isinstance(v, np.ndarray) for v in vars(p).values())
    payload = process_file(str(batch_archive / "c_more" / "note.png"))
    assert len(pickle.dumps(payload)) < 20_000
    assert payload["pages"][0]["words"] > 0
