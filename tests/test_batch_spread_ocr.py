"""Spread and one-task reading of generated alien files agree, through real Tesseract:
in local worker processes, on Dask, and when a document runs past the read-ahead (read
again from the file). And the roll-up sees every record of a spread file: two forms of
one parent with opposite choices raise ``conflicting_records``."""
from __future__ import annotations

import json
from functools import partial

import pytest

from extractor import spread as S
from extractor.ingest import sha256_file
from waiverscan.batch import _run_processes, scan
from waiverscan.batch.chunks import Assemble, Chunk, ranges, run_job, spread
from waiverscan.batch.worker import process_file
from waiverscan.store import open_store

pytestmark = [pytest.mark.slow, pytest.mark.integration]


def plain(x):
    return json.loads(json.dumps(x))


@pytest.fixture(scope="module")
def long_afile(tmp_path_factory):
    """10 pages: a form over pages 2-3, a printout page, a form over pages 6-7 and a
    printout over pages 9-10; ranges of 3 pages cut the second form and the printout."""
    from samples.generator.afile import make_afile
    data, truth = make_afile(1307, n_pages=8, dpi=100, forms=[{"intent": "depart_without_child"},
                                                            {"intent": "reunify"}],
                             split_p=0.6, rotated_p=0.0, intensity=0.2)
    assert truth["page_kinds"][5:10] == ["form", "form_continued", "agency_form", "comments", "comments"]
    path = tmp_path_factory.mktemp("spread") / "long_afile.pdf"
    path.write_bytes(data)
    whole = process_file(str(path))  # the one-task path, in this process
    assert whole["failure_code"] is None and len(whole["contract"]["records"]) >= 4
    return path, plain(whole)


def test_pool_ranges_give_the_one_task_payload(long_afile):
    path, whole = long_afile
    jobs = []

    def recording(tasks, n):
        for task, payload in _run_processes(tasks, n, partial(run_job, chunk_pages=3)):
            jobs.append(task[0])
            yield task, payload
    got = list(spread(recording, 3)(iter([(path, sha256_file(path))]), 2))
    assert len(got) == 1
    payload = plain(got[0][1])
    assert sorted((j.first, j.last) for j in jobs if isinstance(j, Chunk)) == ranges(10, 3)
    assert sum(isinstance(j, Assemble) for j in jobs) == 1
    assert payload["contract"] == whole["contract"]
    assert payload["pages"] == whole["pages"]
    assert payload["failure_code"] is None


def test_a_document_past_the_read_ahead_is_read_again(long_afile, monkeypatch):
    from extractor.model import Document
    from scoring.rubric import score_document
    path, whole = long_afile
    monkeypatch.setattr(S, "READ_AHEAD", 0)
    again = []
    real = S.reread
    monkeypatch.setattr(S, "reread", lambda *a, **k: again.append(a[2].numbers) or real(*a, **k))
    pieces = [S.read_range(path, "pdf", a, b) for a, b in ranges(10, 3)]
    doc = Document(source=str(path), sha256=whole["contract"]["sha256"])
    S.stitch(doc, pieces, path, "pdf")
    score_document(doc)
    assert plain(doc.to_contract()) == whole["contract"]
    # every document still open at its range's end (with no read-ahead, none is known
    # to be complete there): the form of pages 2-3 as much as those the ranges cut
    assert again == [[2, 3], [6, 7], [9, 10]]


def test_dask_spreads_a_long_file_with_the_same_result(long_afile, tmp_path):
    distributed = pytest.importorskip("distributed")
    path, whole = long_afile
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as cluster:
        store = open_store(f"sqlite:///{tmp_path / 'dask.db'}")
        s = scan([path], store, dask=cluster.scheduler_address, progress=False, chunk_pages=3)
        assert (s.files, s.scored, s.failed, s.pages) == (1, 1, 0, 10)
        assert plain(list(store.iter_documents())) == [dict(whole["contract"], source=str(path))]
        store.close()


def test_one_parents_opposite_forms_in_a_spread_file_conflict(tmp_path):
    """A 6-page A-file holding two forms of one parent (same name and A-number): one
    chose to leave without the child, the other asked for reunification. Scanned by 2
    workers in ranges of 2 pages, the case of that A-number holds both records and is
    flagged ``conflicting_records``; the stored file is the one-task path's."""
    from samples.generator.afile import make_afile
    from samples.generator.core import doc_seed
    from samples.generator.spec import sample
    from scoring.cases import FLAG_CONFLICT, roll_up
    from test_pipeline_afile import PARENTS, _named_seed
    # test_pipeline_afile's file, its second parent's identity replaced by the first's
    seed = _named_seed(31337)
    first = sample(doc_seed(seed, 1000), **PARENTS[0]).truth
    data, truth = make_afile(seed, n_pages=6, dpi=150, intensity=0.0, split_p=0.0, rotated_p=0.0,
                             forms=[PARENTS[0], dict(PARENTS[1], parent_name=first["parent_name"],
                                                     parent_a_number=first["parent_a_number"])])
    forms = [r for r in truth["records"] if r["kind"] == "waiver_form"]
    assert [r["fields"]["parent_a_number"] for r in forms] == [first["parent_a_number"]] * 2
    path = tmp_path / "afile.pdf"
    path.write_bytes(data)
    store = open_store(f"sqlite:///{tmp_path / 'spread.db'}")
    s = scan([path], store, workers=2, progress=False, chunk_pages=2)
    assert (s.scored, s.failed) == (1, 0)
    docs = plain(list(store.iter_documents()))
    store.close()
    assert docs == [dict(plain(process_file(str(path)))["contract"], source=str(path))]
    case = next(c for c in roll_up(docs)["cases"] if c["a_number"] == first["parent_a_number"])
    got = [r for r in docs[0]["records"] if r["record_id"] in case["records"]
           and r["kind"] == "waiver_form"]
    assert sorted(r["fields"]["election"]["value"] for r in got) == ["depart_without_child", "reunify"]
    assert [r["pages"] for r in got] == [r["pages"] for r in forms]
    assert FLAG_CONFLICT in case["flags"]
