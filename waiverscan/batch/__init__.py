"""Batch runs: `waiverscan scan PATH...` over whole archives, resumable, exactly once.

How a run stays correct when killed at any point:
  * the parent alone writes to the store, one document per transaction
    (:meth:`Store.save_document`): a document is either entirely there or not at all;
  * a file is identified by the sha256 of its bytes; files already scored with the
    current :data:`waiverscan.PIPELINE_VERSION` are skipped, so a second run picks up
    exactly where the first stopped and a re-run of a finished archive reads nothing;
  * workers only compute (:func:`worker.process_file`), so a worker orphaned by a
    killed parent can finish its file but never write it.

Work is one file per task, to local processes (``--workers N``) or to a Dask cluster
(``--dask tcp://scheduler:8786``); a bounded number of tasks is in flight, so memory
does not grow with the archive, and pages stream inside each task (see ``worker``).
A long scan's pages are spread over the workers in ranges (:mod:`.chunks`).

Faults: a local worker still busy on one file after ``file_timeout`` seconds is killed,
the file is stored as failed (``file_timeout``) and the run goes on; a database that
goes away mid-run is waited for (:mod:`waiverscan.store.retry`), and past ``--db-wait``
the run stops with ``store_unavailable``. The stage boundaries call
:func:`waiverscan.store.faultpoints.point`, where the crash tests kill the run.
"""
from __future__ import annotations

import contextlib
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator, Optional, Sequence

from waiverscan import PIPELINE_VERSION
from waiverscan.batch.walk import walk  # noqa: F401  (the run's file list; tests use it here)
from waiverscan.batch.worker import died as _died, process_file, timed_out as _timed_out
from waiverscan.logs import UNHASHED

if TYPE_CHECKING:  # the store (SQLAlchemy) is the parent's alone: workers import this
    from waiverscan.store import Store  # package for worker.py and must not pay for it


def point(label: str, source: Optional[str] = None) -> None:
    """:func:`waiverscan.store.faultpoints.point`, imported when the parent first
    calls it (importing the store package here would load SQLAlchemy into every worker:
    a quarter of a second of start-up)."""
    from waiverscan.store.faultpoints import point as store_point
    store_point(label, source)

#: seconds one file may take in a local worker (`scan --file-timeout`, whose help text
#: quotes it): generous, a 600-page scan takes ~10 minutes on one core; None or 0: no limit
DEFAULT_FILE_TIMEOUT = 3600.0
#: how often the parent looks for a file past its time limit
_TIMEOUT_POLL = 0.5
#: what the forkserver imports once, so every worker forked from it starts warm
#: (the fault tests' driver, whose workers run a fake, swaps in a lighter list).
#: Not the case-comment NLP: spaCy's import is 0.45 s, nearly half the forkserver's
#: start-up, paid before the first page of any run; a worker that meets a comment
#: export imports it then, once per worker process (0.45 s in a run of hours).
FORKSERVER_PRELOAD = ["waiverscan.batch.worker", "waiverscan.batch.chunks", "extractor.spread",
                      "extractor.pipeline", "extractor.forms",
                      "scoring.rubric",
                      "waiverscan.batch.warm"]  # engines loaded once, see worker.prewarm

#: tasks in flight per worker: enough to keep workers busy while the parent writes
WINDOW_PER_WORKER = 2


@dataclass
class ScanSummary:
    run_id: int
    files: int = 0  # files found
    scored: int = 0  # read and stored in this run
    failed: int = 0  # ... of which failed (error stored)
    skipped: int = 0  # already scored with this pipeline version (or a duplicate)
    pages: int = 0
    seconds: float = 0.0
    failure_codes: dict[str, int] = field(default_factory=dict)

    def counts(self) -> dict[str, Any]:
        return {"files": self.files, "scored": self.scored, "failed": self.failed,
                "skipped": self.skipped, "pages": self.pages,
                "seconds": round(self.seconds, 3), "failure_codes": self.failure_codes}


# --------------------------------------------------------------------------- executors

Task = tuple[Path, str]  # (path, sha256 the parent computed)
Result = tuple[Task, dict]


def _run_inline(tasks: Iterator[Task], _workers: int,
                _timeout: Optional[float] = None) -> Iterator[Result]:
    """In this process (``--workers 0``): no time limit, there is no worker to kill."""
    for task in tasks:
        yield task, process_file(_arg(task[0]))


def _run_processes(tasks: Iterator[Task], workers: int,
                   fn: Optional[Callable[[str], dict]] = None,
                   timeout: Optional[float] = None) -> Iterator[Result]:
    """Local worker processes, forked from a forkserver that has already imported the
    pipeline (a clean process: no parent state, no database connection, no
    progress-bar thread; and no per-worker import cost). A worker that dies (killed by the
    OOM killer, a crash in native code) breaks the pool: the pool is rebuilt and the
    files it held are tried again once; a file that breaks it twice is a failure.

    ``timeout``: a file still running that many seconds after its worker took it up
    is answered ``file_timeout``; its worker is killed, and the other files in flight
    go to a new pool as they were (not counted as tries). Each worker reports when and
    in which process it starts a file, so the clock runs from the real start."""
    import multiprocessing as mp
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    fn = fn or process_file  # looked up now: the tests' scan driver swaps it
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(FORKSERVER_PRELOAD)

    def new_pool() -> tuple[ProcessPoolExecutor, Any]:
        # workers say on this queue which file they start: (task key, pid, start time).
        # One per pool: a worker killed in the middle of a put cannot jam the next pool
        starts = ctx.SimpleQueue() if timeout else None
        return ProcessPoolExecutor(max_workers=workers, mp_context=ctx,
                                   initializer=_init_worker, initargs=(starts,),
                                   max_tasks_per_child=200), starts

    pool, starts = new_pool()
    window = workers * WINDOW_PER_WORKER
    pending: dict[Any, tuple[Task, int]] = {}
    keys: dict[int, Any] = {}  # task key -> its future
    running: dict[Any, tuple[int, float]] = {}  # future -> (worker pid, start)
    retry: list[tuple[Task, int]] = []
    again: list[tuple[Task, int]] = []  # in flight when a late file's worker was killed
    source = iter(tasks)
    serial = iter(range(1 << 62))
    try:
        while True:
            while len(pending) < window:
                if again:
                    task, tries = again.pop(0)
                elif retry:  # suspects of a broken pool run one at a time: a file that
                    if pending:  # kills its worker then takes no other file with it
                        break
                    task, tries = retry.pop(0)
                else:
                    task = next(source, None)
                    if task is None:
                        break
                    tries = 0
                key = next(serial)
                fut = pool.submit(_call, fn, key, _arg(task[0]))
                pending[fut], keys[key] = (task, tries), fut
            if not pending:
                return
            done, _ = wait(pending, return_when=FIRST_COMPLETED,
                           timeout=_TIMEOUT_POLL if timeout else None)
            if timeout:
                while not starts.empty():
                    key, pid, t = starts.get()
                    if keys.get(key) in pending:
                        running[keys[key]] = (pid, t)
                late = [f for f, (pid, t) in running.items()
                        if f in pending and f not in done and time.monotonic() - t > timeout]
                if late:
                    for fut in late:
                        task, _tries = pending.pop(fut)
                        _kill(running[fut][0])
                        yield task, _timed_out(task, timeout)
                    for fut in done:  # finished meanwhile: answer them before the reset
                        task, tries = pending.pop(fut)
                        yield from _answered(fut, task, tries, retry)
                    again.extend(pending.values())
                    pending.clear()
                    keys.clear()
                    running.clear()
                    _close_pool(pool)
                    pool, starts = new_pool()
                    continue
            broken = False
            for fut in done:
                task, tries = pending.pop(fut)
                running.pop(fut, None)
                broken = broken or isinstance(fut.exception(), BrokenProcessPool)
                yield from _answered(fut, task, tries, retry)
            if broken:
                for fut, (task, tries) in pending.items():
                    retry.append((task, min(tries + 1, 1)))
                pending.clear()
                keys.clear()
                running.clear()
                _close_pool(pool)
                pool, starts = new_pool()
    finally:  # a normal end has nothing in flight: let idle workers leave cleanly
        _close_pool(pool, kill=bool(pending))


def _close_pool(pool, kill: bool = True) -> None:
    """Stop a pool for good before going on: cancel what has not started, kill the
    workers still busy (their files are redone: nothing is stored until a file's
    transaction commits) and join the pool's manager thread.

    ``shutdown(wait=False)`` alone leaves that thread running; when the run then ends
    (a store that stayed away, Ctrl-C) the interpreter's exit hook for
    concurrent.futures can write to the wake-up pipe the thread has just closed and
    print an ``OSError: Bad file descriptor`` traceback after our own clear message."""
    # taken first: shutdown() forgets the processes and the manager thread
    procs = list((getattr(pool, "_processes", None) or {}).values())
    manager = getattr(pool, "_executor_manager_thread", None)
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in procs if kill else ():
        try:
            proc.kill()
        except (OSError, ValueError):  # already gone, or already closed
            pass
    if manager is not None:
        manager.join()  # it joins the workers once they are gone
    for proc in procs:
        proc.join()


def _answered(fut, task: Task, tries: int, retry: list) -> Iterator[Result]:
    """A finished future's answer; a broken pool's file goes to ``retry`` once."""
    from concurrent.futures.process import BrokenProcessPool
    try:
        payload = fut.result()
    except BrokenProcessPool:
        if tries >= 1:
            yield task, _died(task)
        else:
            retry.append((task, tries + 1))
        return
    except Exception as exc:  # noqa: BLE001  (e.g. a result that cannot unpickle)
        payload = _died(task, f"internal error in a worker ({type(exc).__name__}); "
                              "please report it")
    yield task, payload


def _kill(pid: int) -> None:
    import signal
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:  # it finished and left meanwhile
        pass


_starts = None  # in a worker: the queue on which it says which file it starts


def _arg(job: Any) -> Any:
    """What a task's function is called with: a file's path as text, or a long file's
    task (:mod:`waiverscan.batch.chunks`) as it is."""
    return str(job) if isinstance(job, (str, Path)) else job


def _call(fn: Callable[[Any], dict], key: int, job: Any) -> dict:
    if _starts is not None:
        _starts.put((key, os.getpid(), time.monotonic()))
    return fn(job)


def _init_worker(starts=None) -> None:
    global _starts
    _starts = starts
    from waiverscan.batch.worker import init_worker
    init_worker()


# --------------------------------------------------------------------------- the run

def _hashed(files: list[Path], done: set[str], summary: ScanSummary, store: Store,
            pipeline_version: str, tick: Callable[[int], None]) -> Iterator[Task]:
    """Files still to read, with their sha256; skipped ones tick the progress bar. A
    file that cannot even be opened is recorded as failed right here."""
    from extractor.ingest import sha256_file
    from extractor.errors import WaiverscanError
    seen: set[str] = set()
    for path in files:
        try:
            sha = sha256_file(path)
        except WaiverscanError as exc:
            summary.failed += 1
            summary.failure_codes[exc.code] = summary.failure_codes.get(exc.code, 0) + 1
            _record_unopenable(store, path, exc, pipeline_version, summary.run_id)
            tick(0)
            continue
        if sha in done or sha in seen:
            summary.skipped += 1
            tick(0)
            continue
        seen.add(sha)
        point("file:hashed", str(path))
        yield path, sha


def _path_key(path: Path) -> str:
    """The store key of a file that could not be hashed: the hash of its path (prefixed,
    so it can never equal a file's), one per path: never a shared placeholder, under
    which every such failure but the last would be lost."""
    import hashlib
    return hashlib.sha256(b"path:" + str(path).encode("utf-8", "surrogateescape")).hexdigest()


def _record_unopenable(store: Store, path: Path, exc, pipeline_version: str, run_id: int) -> None:
    """A path that cannot be opened has no content hash: stored under its path's key."""
    sha = _path_key(path)
    store.save_document({"source": str(path), "sha256": sha, "doc_type": "other", "pages": 0,
                         "records": [], "error": {"code": exc.contract_code, "message": exc.message}},
                        pipeline_version=pipeline_version, failure_code=exc.code, run_id=run_id)


def _runner(dask: Optional[str], workers: int, file_timeout: Optional[float],
            chunk_pages: Optional[int]) -> Callable[[Iterator[Task], int], Iterator[Result]]:
    """How tasks run: in this process (``workers=0``: one file at a time, nothing to
    spread), in local processes or on Dask, a long file's pages spread (``chunks``)."""
    if not dask and workers < 1:
        return _run_inline
    from functools import partial

    from waiverscan.batch import chunks
    size = chunks.CHUNK_PAGES if chunk_pages is None else chunk_pages
    # process_file looked up now: the tests' scan driver swaps it for a fake
    fn = partial(chunks.run_job, chunk_pages=size, read=process_file) if size else process_file
    if dask:
        from waiverscan.batch.cluster import run_dask
        runner = run_dask(dask, fn)
    else:
        runner = lambda tasks, n: _run_processes(tasks, n, fn, timeout=file_timeout or None)  # noqa: E731
    return chunks.spread(runner, size) if size else runner


def scan(paths: Sequence[str | Path], store: Store, *, workers: Optional[int] = None,
         dask: Optional[str] = None, pipeline_version: str = PIPELINE_VERSION,
         exclude: Sequence[str] = (), progress: bool = True,
         args: Optional[dict] = None,
         file_timeout: Optional[float] = DEFAULT_FILE_TIMEOUT,
         chunk_pages: Optional[int] = None) -> ScanSummary:
    """Score every file under ``paths`` into ``store`` that is not already scored with
    ``pipeline_version``. ``workers``: local processes (default: the CPU count; 0 runs
    in this process); ``dask``: a scheduler address, instead of local processes.
    ``file_timeout``: seconds one file may take in a local worker (None or 0: no limit;
    not applied with ``workers=0`` or on Dask). ``chunk_pages``: a scan of more than
    twice this many pages is spread over the workers in ranges of it (default
    :data:`chunks.CHUNK_PAGES`; 0: every file is one task)."""
    t0 = time.perf_counter()
    workers = (os.cpu_count() or 1) if workers is None else max(0, workers)
    files = walk(paths, exclude)
    run_id = store.start_run(pipeline_version, dict(args or {}, paths=[str(p) for p in paths],
                                                   workers=workers, dask=dask))
    summary = ScanSummary(run_id=run_id, files=len(files))
    done = store.done_hashes(pipeline_version)
    point("run:started")
    runner = _runner(dask, workers, file_timeout, chunk_pages)

    from tqdm import tqdm
    bar = tqdm(total=len(files), unit="file", file=sys.stderr, disable=not progress,
               dynamic_ncols=True, smoothing=0.05)

    def tick(pages: int) -> None:
        summary.pages += pages
        elapsed = max(time.perf_counter() - t0, 1e-6)
        bar.set_postfix(pages=summary.pages, pages_s=f"{summary.pages / elapsed:.2f}",
                        failed=summary.failed, refresh=False)
        bar.update(1)

    try:
        tasks = _hashed(files, done, summary, store, pipeline_version, tick)
        # closed here and now when saving fails (the store stayed away): its workers
        # stop before the error travels on. Left to the garbage collector, the runner
        # would close at interpreter exit, racing concurrent.futures' exit hook (an
        # 'OSError: Bad file descriptor' traceback after our own message)
        with contextlib.closing(runner(tasks, max(1, workers))) as results:
            for (path, _sha), payload in results:
                contract = payload["contract"]
                contract["source"] = str(path)  # as the run named it (a worker may see it otherwise)
                if contract.get("sha256") in (None, UNHASHED):  # the worker could not read it
                    contract["sha256"] = _path_key(path)
                point("file:result", str(path))
                store.save_document(contract, pipeline_version=pipeline_version,
                                    pages=payload["pages"], failure_code=payload["failure_code"],
                                    run_id=run_id, seconds=payload["seconds"])
                point("save:committed", str(path))
                if not contract.get("error"):
                    summary.scored += 1
                else:
                    summary.failed += 1
                    code = payload["failure_code"] or contract["error"]["code"]
                    summary.failure_codes[code] = summary.failure_codes.get(code, 0) + 1
                tick(int(contract.get("pages") or 0))
    finally:
        bar.close()
    summary.seconds = time.perf_counter() - t0
    point("run:finishing")
    store.finish_run(run_id, summary.counts())
    point("run:finished")
    return summary
