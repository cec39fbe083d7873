"""Riding out a store that is briefly unavailable: a PostgreSQL server restarted or
unreachable, a SQLite file locked by another writer.

Every write of a run is one transaction that can simply be done again (a document is
replaced whole, a run row is created or finished), so on such an error the store waits
and runs the transaction again, with exponential backoff, for at most ``wait`` seconds
in all; past that it raises :class:`StoreUnavailableError` (exit code
``store_unavailable``), and the same command run later finishes the job. Any other
database error (a constraint, a missing table, bad credentials) is raised at once.

Messages name the kind of failure only: a driver's error text can quote the SQL
parameters, which hold file names.
"""
from __future__ import annotations

import logging
import random
import time
from dataclasses import dataclass
from typing import Callable, Optional, TypeVar

from sqlalchemy import exc as sa_exc

from extractor.errors import WaiverscanError

log = logging.getLogger("waiverscan.store")
T = TypeVar("T")

#: seconds a write keeps retrying a store that is down before giving up: short for
#: interactive use (the review UI, reports), long for a batch run (`scan --db-wait`,
#: whose help text quotes it)
DEFAULT_WAIT = 30.0
RUN_WAIT = 300.0
#: seconds one SQLite statement waits on another writer's lock before "database is
#: locked" (then the backoff here takes over, up to ``wait``)
SQLITE_BUSY_TIMEOUT = 15.0

# PostgreSQL SQLSTATEs worth waiting out: connection exceptions (class 08), the
# server shutting down or starting up, too many connections, serialization/deadlock
_PG_TRANSIENT_PREFIXES = ("08", "57P", "53300", "40001", "40P01")


class StoreUnavailableError(WaiverscanError):
    code = "store_unavailable"


def transient_reason(exc: BaseException) -> Optional[str]:
    """A short, data-free name for a database error worth waiting out, else None."""
    if not isinstance(exc, sa_exc.DBAPIError):
        return None
    if exc.connection_invalidated:
        return "connection lost"
    orig = exc.orig
    module = type(orig).__module__
    if module.startswith("sqlite3"):
        text = str(orig).lower()
        if isinstance(exc, sa_exc.OperationalError) and ("locked" in text or "busy" in text):
            return "database is locked"
        return None
    if not isinstance(exc, (sa_exc.OperationalError, sa_exc.InterfaceError)):
        return None
    state = getattr(orig, "sqlstate", None)
    if state is None:  # no answer from a server at all: refused, reset, closed
        return "server unreachable"
    if state.startswith(_PG_TRANSIENT_PREFIXES):
        return f"server unavailable (SQLSTATE {state})"
    return None


@dataclass
class RetryPolicy:
    wait: float = DEFAULT_WAIT  # seconds in all before giving up; 0: never retry
    first: float = 0.2  # first pause
    cap: float = 10.0  # longest pause

    def call(self, fn: Callable[[], T], what: str = "write") -> T:
        """``fn()``, run again after each transient error until ``wait`` runs out."""
        t0 = time.monotonic()
        pause = self.first
        tries = 0
        while True:
            try:
                result = fn()
            except sa_exc.DBAPIError as exc:
                reason = transient_reason(exc)
                if reason is None:
                    raise
                tries += 1
                waited = time.monotonic() - t0
                if waited + pause > self.wait:
                    raise StoreUnavailableError(
                        f"the store is unavailable ({reason}) and did not come back within "
                        f"{self.wait:g} s (--db-wait)") from exc
                log.warning("store %s failed (%s); retrying in %.1f s (%.0f s of %g s waited)",
                            what, reason, pause, waited, self.wait)
                time.sleep(pause * random.uniform(0.8, 1.2))  # writers do not retry in step
                pause = min(pause * 2, self.cap)
                continue
            if tries:
                log.warning("store %s succeeded after %d retries", what, tries)
            return result
