"""Counts over the whole archive, kept between reruns: Streamlit runs a page's script
again on every click, and these few counts (a second or so on 100,000 documents) need
not be taken again until the archive changes. Each is cached under the store's stamp
(:func:`waiverscan.store.queries.stamp`: a saved document, a decision or a new report
moves it), the account's visible A-numbers and the filters, so a stale count is never
shown."""
from __future__ import annotations

from typing import Any, Optional

import streamlit as st

from waiverscan.store import queries


def _key(allowed: Optional[frozenset[str]]) -> Optional[tuple[str, ...]]:
    return None if allowed is None else tuple(sorted(allowed))


@st.cache_data(max_entries=256, show_spinner=False)
def _queue_counts(_store: Any, url: str, stamp: tuple, allowed: Optional[tuple],
                  items: tuple) -> dict[str, Any]:
    filters = dict(items)
    filters["allowed"] = None if allowed is None else frozenset(allowed)
    filters["exclude"] = frozenset(filters.get("exclude") or ())
    return queries.queue_counts(_store, **filters)


def queue_counts(store: Any, **filters: Any) -> dict[str, Any]:
    allowed = _key(filters.pop("allowed", None))
    filters["exclude"] = tuple(sorted(filters.get("exclude") or ()))
    return _queue_counts(store, store.url, queries.stamp(store), allowed,
                         tuple(sorted(filters.items())))


@st.cache_data(max_entries=64, show_spinner=False)
def _archive_counts(_store: Any, url: str, stamp: tuple, allowed: Optional[tuple],
                    what: str) -> Any:
    a = None if allowed is None else frozenset(allowed)
    return {"checks": queries.check_counts, "periods": queries.periods,
            "monthly": queries.monthly}[what](_store, a)


def archive_counts(store: Any, allowed: Optional[frozenset[str]], what: str) -> Any:
    """``what``: "checks" (per check and status, as read), "periods" (cases per category
    and period) or "monthly" (cases per month of decision and category)."""
    return _archive_counts(store, store.url, queries.stamp(store), _key(allowed), what)
