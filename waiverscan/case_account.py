"""Counsel's account of one case, read from the store: the shell's half of
:mod:`scoring.account` (which never opens a store). The client-check page, its PDF and
`waiverscan report --case` all come through :func:`load_account`: one truth.

Reads the stored case (kept up to date as reviewed, :mod:`waiverscan.store.derived`),
its records and their decisions: a handful of indexed queries, whatever the archive's
size.
"""
from __future__ import annotations

from typing import Any, Callable, Optional

from scoring.account import case_account
from scoring.cases import normalise_a_number
from waiverscan.store import queries


def load_account(store: Any, a_number: str,
                 shown: Callable[[str], str] = lambda s: s
                 ) -> Optional[tuple[dict[str, Any], dict[str, str]]]:
    """``(account, {record_id: stored file})`` of the case of ``a_number``, or None when
    the store holds no such case. ``shown`` turns a stored source into what the reader
    may see (counsel: a file name, never a server path)."""
    key = normalise_a_number(a_number)
    case = queries.case(store, key) if key else None
    if case is None:
        return None
    rows = queries.case_records(store, key)
    hist = queries.histories(store, [r["record"]["record_id"] for r in rows])
    account = case_account(case, [{"record": r["record"], "source": shown(r["source"]),
                                   "decisions": hist.get(r["record"]["record_id"], [])}
                                  for r in rows])
    return account, {r["record"]["record_id"]: r["source"] for r in rows}


def account_pdf_bytes(store: Any, a_number: str,
                      shown: Callable[[str], str] = lambda s: s) -> Optional[bytes]:
    from waiverscan.account_pdf import account_pdf
    got = load_account(store, a_number, shown)
    return None if got is None else account_pdf(*got)
