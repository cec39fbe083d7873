"""Corrections of the values read, made in the Record page's values table.

The table shows each field's value *as reviewed* (earlier corrections applied) as text;
a cell the reviewer changed becomes one append-only ``correct`` decision on that field
(who, when, value before and after, the note), not tied to a check, through the
store's review log. :mod:`review_ui.reviewed` then applies it and runs again the rules
of the checks that read the field, so scores and the case category follow.
Who may correct, and which records, is what :class:`review_ui.access.Archive` says.
"""
from __future__ import annotations

import json
from typing import Any, Optional

from review_ui.access import AccessDenied, Archive
from review_ui.typed_values import typed_value


def value_text(v: Any) -> str:
    """A value as the table shows it: text as is, nothing as an empty cell, anything
    else (true/false, lists of names) as JSON, which
    :func:`review_ui.typed_values.typed_value` reads back."""
    if v is None:
        return ""
    return v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)


def field_rows(record: dict[str, Any], focus: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """The values table: field, value (text), confidence, and a mark on the fields of
    the check under review."""
    rows = []
    for name, f in (record.get("fields") or {}).items():
        f = f if isinstance(f, dict) else {}
        rows.append({"field": name, "value": value_text(f.get("value")),
                     "confidence": f.get("confidence"),
                     "under review": "◀" if name in focus else ""})
    return rows


def edited_values(rows: list[dict[str, Any]], edits: Optional[dict[str, Any]]) -> dict[str, str]:
    """``{field: new text}`` for the cells of the ``value`` column changed in a
    ``st.data_editor`` edit state (``edited_rows``: row position -> changed columns)."""
    out = {}
    for pos, cols in ((edits or {}).get("edited_rows") or {}).items():
        i = int(pos)
        if 0 <= i < len(rows) and "value" in (cols or {}):
            new = "" if cols["value"] is None else str(cols["value"])
            if new != rows[i]["value"]:
                out[rows[i]["field"]] = new
    return out


def save_corrections(archive: Archive, record_id: str, reviewed: dict[str, Any],
                     changes: dict[str, str], note: Optional[str] = None) -> list[dict[str, Any]]:
    """Store one ``correct`` decision per changed field; ``reviewed`` is the record as
    reviewed (the values the table showed: each decision's value before)."""
    if not archive.can_decide:
        raise AccessDenied(f"{archive.account.role} accounts do not record decisions")
    stored = archive.record(record_id)["record"]  # raises for a record out of reach
    note = (note or "").strip() or None
    typed = {}
    for name, text in changes.items():  # every value checked before any is stored
        if name not in (stored.get("fields") or {}):
            raise ValueError(f"the record has no field {name}")
        typed[name] = typed_value(name, text)  # InvalidValue (a ValueError) says why
    out = []
    for name, v in typed.items():
        before = (reviewed.get("fields") or {}).get(name)
        out.append(archive.store.reviews.add(
            record_id, reviewer=archive.account.name, action="correct", field=name,
            value_before=before.get("value") if isinstance(before, dict) else None,
            value_after=v, note=note))
    return out
