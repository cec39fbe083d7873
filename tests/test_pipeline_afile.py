"""End to end through real Tesseract on a generated alien file: the forms of two parents
(one chose to leave without the child, the other asked to be removed with the child)
among other pages give two records, each with its own parent's name, A-number and
election and the pages it came from; nothing of one form ends up in the other."""
import difflib

import pytest

from samples.generator.afile import make_afile
from waiverscan.pipeline import extract_document

pytestmark = [pytest.mark.integration, pytest.mark.slow]

PARENTS = [dict(intent="depart_without_child", lang_mode="eng", fill_kind="type"),
           dict(intent="reunify", lang_mode="eng", fill_kind="type")]


def _named_seed(base: int) -> int:
    """The first seed from ``base`` whose two forms both name their parent and give an
    A-number (as the bundled samples pick theirs: by the truth, never by a result)."""
    from samples.generator.core import doc_seed
    from samples.generator.spec import sample
    for s in range(base, base + 200):
        specs = [sample(doc_seed(s, 1000 + i), **p) for i, p in enumerate(PARENTS)]
        if all(sp.truth.get("parent_name") and sp.truth.get("parent_a_number") for sp in specs):
            return s
    raise RuntimeError("no seed names both parents")


@pytest.fixture(scope="module")
def afile(tmp_path_factory):
    data, truth = make_afile(_named_seed(31337), n_pages=6, dpi=150, forms=PARENTS, intensity=0.0,
                             split_p=0.0, rotated_p=0.0)
    path = tmp_path_factory.mktemp("afile") / "afile.pdf"
    path.write_bytes(data)
    return path, truth, extract_document(path).to_contract()


def _close(a, b) -> bool:
    return difflib.SequenceMatcher(None, str(a).casefold(), str(b).casefold()).ratio() >= 0.8


def test_pipeline_afile_two_parents_two_records(afile, contract_validator):
    path, truth, doc = afile
    contract_validator.validate(doc)
    assert doc["pages"] == 6 and doc["doc_type"] == "waiver_form"
    want = [r for r in truth["records"] if r["kind"] == "waiver_form"]
    got = [r for r in doc["records"] if r["kind"] == "waiver_form"]
    assert len(got) == 2
    assert [r["pages"] for r in got] == [r["pages"] for r in want]
    assert all(w["fields"]["parent_name"] and w["fields"]["parent_a_number"] for w in want)
    assert want[0]["fields"]["parent_a_number"] != want[1]["fields"]["parent_a_number"]
    for g, w in zip(got, want):
        f = {k: (v or {}).get("value") for k, v in g["fields"].items()}
        assert f["election"] == w["fields"]["election"]
        assert f["parent_a_number"] == w["fields"]["parent_a_number"]
        assert _close(f["parent_name"], w["fields"]["parent_name"])
        for name, field in g["fields"].items():  # read from its own pages only
            if field is not None and field.get("page") is not None:
                assert field["page"] in g["pages"], name
    elections = {(r["fields"]["election"] or {}).get("value") for r in got}
    assert elections == {"depart_without_child", "reunify"}


def test_pipeline_afile_record_ids_in_file_order(afile):
    _, _, doc = afile
    assert [r["record_id"] for r in doc["records"]] == [
        f"{doc['sha256']}:{i}" for i in range(len(doc["records"]))]
    firsts = [r["pages"][0] for r in doc["records"]]
    assert firsts == sorted(firsts)
