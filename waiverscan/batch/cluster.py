"""`scan --dask`: the batch's tasks on a Dask distributed cluster (see
:mod:`waiverscan.batch` for the run around them)."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable, Iterator, Optional

from waiverscan.batch.worker import died, process_file
from waiverscan.logs import UNHASHED

#: tasks in flight per worker thread (as ``waiverscan.batch.WINDOW_PER_WORKER``)
WINDOW_PER_THREAD = 2


def run_dask(address: str, fn: Optional[Callable[[Any], dict]] = None) -> Callable:
    """The same tasks on a Dask distributed cluster. The files must be readable at the
    same paths on the workers (a shared filesystem), and the workers need waiverscan
    installed; results come back to this process, which alone writes the store.
    ``fn``: the unit of work (default :func:`process_file`), called with a file's
    absolute path or a task of a long file (:mod:`waiverscan.batch.chunks`)."""
    def run(tasks: Iterator[tuple], _workers: int) -> Iterator[tuple[tuple, dict]]:
        from distributed import Client, as_completed
        client = Client(address, set_as_default=False)
        try:
            threads = max(1, sum(client.nthreads().values()))
            window = threads * WINDOW_PER_THREAD
            source = iter(tasks)
            meta: dict[str, tuple] = {}

            def submit() -> Optional[Any]:
                task = next(source, None)
                if task is None:
                    return None
                job = task[0]
                # absolute: a worker's working directory is its own, not this one's
                job = os.path.abspath(job) if isinstance(job, (str, Path)) else job
                fut = client.submit(on_dask_worker, job, fn, pure=False, retries=1)
                meta[fut.key] = task
                return fut

            first = [f for f in (submit() for _ in range(window)) if f is not None]
            if not first:
                return
            queue = as_completed(first, loop=client.loop)
            for fut in queue:
                task = meta.pop(fut.key)
                try:
                    payload = fut.result()
                except Exception as exc:  # noqa: BLE001  (the cluster lost the task twice)
                    payload = died(task, f"internal error on the Dask cluster "
                                         f"({type(exc).__name__}); please report it")
                fut.release()
                yield task, payload
                # refilled to the window: an answer may have added several tasks
                # (a long file's pages, spread)
                while len(meta) < window:
                    nxt = submit()
                    if nxt is None:
                        break
                    queue.add(nxt)
        finally:
            client.close()
    return run


def on_dask_worker(job: Any, fn: Optional[Callable[[Any], dict]] = None) -> dict:
    """The unit of work on a Dask worker, which first says plainly when it cannot see a
    file (it is not on a filesystem the worker shares)."""
    if isinstance(job, str) and not os.path.exists(job):
        import socket
        return {"contract": {"schema_version": "1", "source": job, "sha256": UNHASHED,
                             "doc_type": "other", "pages": 0, "records": [],
                             "error": {"code": "unreadable", "message":
                                       f"the Dask worker on {socket.gethostname()} cannot see "
                                       "this file: every worker needs the files at the same "
                                       "absolute path (a shared filesystem)"}},
                "pages": [], "failure_code": "unreadable", "seconds": 0.0}
    return (fn or process_file)(job)
