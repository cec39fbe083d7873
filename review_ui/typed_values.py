"""A reviewer's typed correction, checked against the contract's type for its field
(../shared/contract/README.md, "Form fields" and "Case-comment fields") before it is
stored: a correction becomes evidence and re-runs the checks, so a value the contract
does not allow (markup typed into a yes/no field, a 5,000-character name) is refused
with the reason and changes nothing.

:func:`typed_value` takes the text as typed and returns the value to store, or raises
:class:`InvalidValue`. An empty text clears the field (None: "not on the document").
Dates keep what was written when it has the contract's shape but names no real day
(``2018-06-31`` stays ``2018-06-31``: the check then fails on it, as it should).
"""
from __future__ import annotations

import json
import re
from typing import Any

from scoring.cases import normalise_a_number

#: longest name a reviewer may type (a person's full name with titles fits easily)
MAX_NAME = 120
BOOLEAN_TEXT = {"true": True, "yes": True, "y": True, "false": False, "no": False, "n": False}
A_NUMBER = re.compile(r"A\d{9}")
ISO_SHAPE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
LANGUAGE = re.compile(r"[a-z]{3}")  # ISO 639-3

KIND_OF = {
    # form fields
    "parent_name": "name", "parent_a_number": "a_number", "child_names": "names",
    "child_a_numbers": "a_numbers", "date_signed": "date",
    "election": ("reunify", "depart_without_child", "consult_attorney", "none_marked",
                 "multiple_marked"),
    "form_languages": "languages", "read_in_language": "language", "interpreter_name": "name",
    "parent_signed": "boolean", "official_name": "name", "official_signed": "boolean",
    "witness_name": "name", "supervisor_name": "name", "supervisor_signed": "boolean",
    # case-comment fields
    "a_number": "a_number", "entry_date": "date", "author": "name",
    "decision": ("waive_reunification", "requests_reunification", "consult_attorney",
                 "undecided"),
    "decision_mode": ("oral", "written"), "info_provided": "boolean",
    "option_offered": "boolean", "language": "language", "interpreter_or_fluent": "boolean",
}


class InvalidValue(ValueError):
    """The typed value is not one the contract allows for this field (says why)."""


def _name(text: str, field: str) -> str:
    t = " ".join(text.split())
    if len(t) > MAX_NAME:
        raise InvalidValue(f"{field}: a name of at most {MAX_NAME} characters "
                           f"({len(t)} typed)")
    if re.search(r"[<>{}\x00-\x1f\x7f]", t):
        raise InvalidValue(f"{field}: a name holds no markup or control characters (< > {{ }})")
    if not re.search(r"[^\W\d_]", t):
        raise InvalidValue(f"{field}: a name needs at least one letter")
    return t


def _a_number(text: str, field: str) -> str:
    a = normalise_a_number(text)
    if a is None or not A_NUMBER.fullmatch(a):
        raise InvalidValue(f"{field}: an A-number is A followed by 8 or 9 digits "
                           f"(e.g. A012345678)")
    return a


def _date(text: str, field: str) -> str:
    t = text.strip()
    m = ISO_SHAPE.fullmatch(t)
    if not m or not (1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(3)) <= 31):
        raise InvalidValue(f"{field}: a date as YYYY-MM-DD (a day that does not exist, "
                           f"such as the 31st of June, may be kept as written)")
    return t


def _language(text: str, field: str) -> str:
    t = text.strip().lower()
    if not LANGUAGE.fullmatch(t):
        raise InvalidValue(f"{field}: a three-letter ISO 639-3 language code "
                           f"(eng, spa, quc...)")
    return t


def _items(text: str, field: str) -> list[str]:
    """A list typed as JSON (``["a", "b"]``) or separated by semicolons."""
    t = text.strip()
    if t.startswith("["):
        try:
            got = json.loads(t)
        except ValueError:
            raise InvalidValue(f"{field}: a list as [\"...\", \"...\"] or items separated "
                               f"by ;") from None
        if not isinstance(got, list) or not all(isinstance(x, str) for x in got):
            raise InvalidValue(f"{field}: a list of text items")
        return [x for x in got if x.strip()]
    return [x for x in (p.strip() for p in t.split(";")) if x]


def _boolean(text: str, field: str) -> bool:
    v = BOOLEAN_TEXT.get(text.strip().lower())
    if v is None:
        raise InvalidValue(f"{field}: yes or no (true / false)")
    return v


def typed_value(field: str, text: Any) -> Any:
    """The value to store for ``text`` typed as ``field``'s correction (None clears it).
    Raises :class:`InvalidValue` with the reason when the contract does not allow it."""
    if text is None or (isinstance(text, str) and not text.strip()):
        return None
    if not isinstance(text, str):  # a value given as data (JSON): checked as its text
        text = json.dumps(text, ensure_ascii=False)
    kind = KIND_OF.get(field)
    if kind is None:
        raise InvalidValue(f"{field}: not a field of the contract")
    if isinstance(kind, tuple):
        t = text.strip()
        if t not in kind:
            raise InvalidValue(f"{field}: one of {', '.join(kind)}")
        return t
    if kind == "boolean":
        return _boolean(text, field)
    if kind == "name":
        return _name(text, field)
    if kind == "names":
        return [_name(x, field) for x in _items(text, field)]
    if kind == "a_number":
        return _a_number(text, field)
    if kind == "a_numbers":
        return [_a_number(x, field) for x in _items(text, field)]
    if kind == "date":
        return _date(text, field)
    if kind == "language":
        return _language(text, field)
    if kind == "languages":
        return [_language(x, field) for x in _items(text, field)]
    raise AssertionError(kind)
