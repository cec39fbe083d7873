"""Imported by the forkserver that local workers are forked from (its preload list in
:func:`waiverscan.batch._run_processes`): models and lazy imports are loaded here once,
and every worker forked afterwards starts with them (see ``worker.prewarm``)."""
from waiverscan.batch.worker import prewarm

prewarm()
