"""A throwaway store for the review UI tests: the hand-built case archive of
``cases_archive`` (known categories, fails and unknowns), one form whose parent name is
markup, and one account per role (counsel assigned one A-number)."""
from __future__ import annotations

from pathlib import Path

import pytest

from cases_archive import P1, P2, archive, form

PASSWORD = "correct horse battery"
SCRIPT_NAME = "<script>alert('x')</script>"
P9 = "A909090909"  # the markup form's parent


def build_store(target: "Path | str") -> str:
    """Fill the store at ``target`` (a SQLite file path, or a database URL)."""
    from waiverscan.store import open_store
    from waiverscan.store.accounts import add_user, assign
    url = target if "://" in str(target) else f"sqlite:///{target}"
    store = open_store(url)
    docs = archive() + [form("p9-markup", P9, fails=("F-SUPERVISOR",), unknowns=("F-DATED",),
                             parent_name=SCRIPT_NAME)]
    for doc in docs:
        store.save_document(doc, pipeline_version="test")
    for name, role in (("rita", "reviewer"), ("ivan", "investigator"), ("carla", "counsel"),
                       ("ada", "admin"), ("rob", "reviewer")):
        add_user(store, name, role, PASSWORD)
    assign(store, "carla", P1)
    store.close()
    return url


@pytest.fixture
def review_db(tmp_path, monkeypatch) -> str:
    url = build_store(tmp_path / "review.db")
    monkeypatch.setenv("WAIVERSCAN_DB", url)
    return url


__all__ = ["build_store", "review_db", "PASSWORD", "SCRIPT_NAME", "P1", "P2", "P9"]
