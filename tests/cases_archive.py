"""Builders of contract document dicts for the case and report tests, and one hand-built
archive whose categories, flags and counts are known by construction."""
from __future__ import annotations

import hashlib
from typing import Any, Optional

from extractor.model import COMMENT_FIELDS, FORM_FIELDS
from scoring.rubric import RULES_BY_KIND


def fobj(value: Any, conf: float = 0.95, evidence: Optional[str] = None) -> dict[str, Any]:
    return {"value": value, "confidence": conf, "page": 1, "bbox": [1, 2, 3, 4],
            "evidence": evidence if evidence is not None else str(value)}


def sha(label: str) -> str:
    return hashlib.sha256(label.encode()).hexdigest()


def _checks(kind: str, fails=(), unknowns=(), na: bool = False) -> list[dict[str, Any]]:
    out = []
    for r in RULES_BY_KIND[kind]:
        status = ("not_applicable" if na else "fail" if r.id in fails
                  else "unknown" if r.id in unknowns else "pass")
        out.append({"id": r.id, "status": status, "severity": r.severity, "why": "test"})
    return out


def form(label: str, a: Optional[str], election: str = "depart_without_child",
         date: Optional[str] = "2018-06-01", fails=(), unknowns=(), a_conf: float = 0.95,
         **extra: Any) -> dict[str, Any]:
    """A one-form document; ``fails``/``unknowns`` are check ids (others pass)."""
    fields: dict[str, Any] = {k: None for k in FORM_FIELDS}
    fields.update(parent_name=fobj("Ana Test"), child_names=fobj(["Luis Test"]),
                  election=fobj(election), date_signed=fobj(date) if date else None,
                  parent_a_number=fobj(a, a_conf) if a else None,
                  official_name=fobj("DO J. Doe"), parent_signed=fobj(True))
    fields.update({k: fobj(v) for k, v in extra.items()})
    h = sha(label)
    rec = {"record_id": f"{h}:0", "kind": "waiver_form", "fields": fields,
           "checks": _checks("waiver_form", fails, unknowns), "score": 80.0}
    return {"schema_version": "1", "source": f"archive/{label}.pdf", "sha256": h,
            "doc_type": "waiver_form", "pages": 1, "error": None, "records": [rec]}


def entry(a: Optional[str], decision: Optional[str], date: Optional[str],
          mode: Optional[str] = "oral", fails=("C-WITNESS",)) -> dict[str, Any]:
    """One case-comment record's fields and checks (record_id set by :func:`comments`)."""
    fields: dict[str, Any] = {k: None for k in COMMENT_FIELDS}
    fields.update(a_number=fobj(a) if a else None, entry_date=fobj(date) if date else None,
                  decision=fobj(decision) if decision else None,
                  decision_mode=fobj(mode) if decision and mode else None,
                  author=fobj("ERO K. Brown"))
    return {"kind": "case_comment", "fields": fields,
            "checks": _checks("case_comment", fails if decision else (), na=decision is None),
            "score": None if decision is None else 70.0}


def comments(label: str, entries: list[dict[str, Any]]) -> dict[str, Any]:
    h = sha(label)
    recs = [dict(e, record_id=f"{h}:{i}") for i, e in enumerate(entries)]
    return {"schema_version": "1", "source": f"archive/{label}.csv", "sha256": h,
            "doc_type": "case_comments", "pages": 1, "error": None, "records": recs}


def unreadable(label: str) -> dict[str, Any]:
    return {"schema_version": "1", "source": f"archive/{label}.pdf", "sha256": sha(label),
            "doc_type": "other", "pages": 0, "error": {"code": "unreadable", "message": "x"},
            "records": []}


P1, P2, P3, P4, P5 = "A208123456", "A301234567", "A402345678", "A503456789", "A604567890"
P6, P7, P10 = "A705678901", "A806789012", "A208123457"  # P10: one digit off P1


def archive() -> list[dict[str, Any]]:
    """Ten parents, one of each situation; expected values in :data:`EXPECTED`."""
    return [
        form("p1-form", P1, date="2018-06-01"),                                  # complete
        form("p2-form", P2, date="2018-06-31", fails=("F-DATED", "F-SUPERVISOR")),
        form("p7-form", P7, election="reunify", date="2018-07-20"),
        form("p8-form", None, fails=("F-A-NUMBER",), date="2018-08-02"),         # no A-number
        comments("export-1", [
            entry(P2, "waive_reunification", "2018-06-20"),                       # 0
            entry(P3, "waive_reunification", "2018-08-01", mode="written"),       # 1
            entry(P4, "waive_reunification", "2018-05-01"),                       # 2
            entry(P4, "requests_reunification", "2018-05-03"),                    # 3
            entry(P5, "waive_reunification", "2018-09-01"),                       # 4
            entry(P6, "undecided", "2018-05-05", fails=("C-DECISION", "C-WITNESS")),  # 5
            entry(P6, None, "2018-05-06"),                                        # 6 unrelated
            entry(None, None, "2018-05-07"),                                      # 7 no A-number
            entry(P10, "waive_reunification", "2018-07-01"),                      # 8
        ]),
        unreadable("broken"),
    ]


EXPECTED = {  # a_number -> (category, flags, earliest_decision_date)
    P1: ("written_waiver_complete", ["before_2018_07_12"], "2018-06-01"),
    P2: ("written_waiver_deficient", ["before_2018_07_12"], "2018-06-20"),
    P3: ("form_referenced_not_found", [], "2018-08-01"),
    P4: ("requested_reunification", ["conflicting_records", "before_2018_07_12"], "2018-05-01"),
    P5: ("oral_waiver_only", [], "2018-09-01"),
    P6: ("no_documentation", [], None),
    P7: ("requested_reunification", [], "2018-07-20"),
    P10: ("oral_waiver_only", ["before_2018_07_12"], "2018-07-01"),
}
EXPECTED_COUNTS = {"requested_reunification": 2, "written_waiver_complete": 1,
                   "written_waiver_deficient": 2, "form_referenced_not_found": 1,
                   "oral_waiver_only": 2, "no_documentation": 2}
