"""`scan --dask` on a Dask LocalCluster stores the same documents as a local run."""
from __future__ import annotations

import pytest

from batch_archive import normalised
from waiverscan.batch import scan
from waiverscan.store import open_store

pytestmark = [pytest.mark.slow, pytest.mark.integration]


def test_dask_cluster_equals_local(batch_archive, batch_reference, tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as cluster:
        store = open_store(f"sqlite:///{tmp_path / 'dask.db'}")
        s = scan([batch_archive], store, dask=cluster.scheduler_address, progress=False)
        assert (s.files, s.failed) == (len(batch_reference), 1)
        assert normalised(store.iter_documents()) == batch_reference
        assert store.runs()[-1]["args"]["dask"] == cluster.scheduler_address
        store.close()
