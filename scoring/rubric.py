"""The rubric: every check of the contract as data (id, description, audit source,
severity, rule), and the scoring of a record.

A rule looks at field values and answers pass / fail, or ``None`` when its answer rests
on a field read with too little confidence: that becomes ``unknown`` (a reviewer looks),
never a guess, because a false pass certifies a deficient waiver as complete.

The same rules compute the truth checks of generated samples from plain values
(:func:`check_statuses`), so the generator's ground truth and the product can never
disagree about what a rule means.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Callable, Optional

from extractor.model import Check, Document, Field, Record

#: below this confidence a value cannot make a check pass
PASS_MIN_CONFIDENCE = 0.6
#: below this confidence a value cannot make a check fail either
FAIL_MIN_CONFIDENCE = 0.35

WEIGHTS = {"critical": 3, "major": 2, "minor": 1}


class View:
    """Read access to a record's fields for rules: value, confidence and presence."""

    def __init__(self, fields: dict[str, Any], plain: bool = False):
        self._fields = fields
        self._plain = plain

    def field(self, name: str) -> Optional[Field]:
        f = self._fields.get(name)
        if f is None:
            return None
        if self._plain:
            return Field(value=f, confidence=1.0)
        return f

    def value(self, name: str) -> Any:
        f = self.field(name)
        return None if f is None else f.value

    def conf(self, name: str) -> float:
        f = self.field(name)
        return 1.0 if f is None else float(f.confidence)

    def has_text(self, name: str) -> Optional[bool]:
        """Is something written in this field? Ink found in the field's region answers
        yes even when the handwriting could not be read; None = cannot tell."""
        f = self.field(name)
        if f is None:
            return False
        if f.present is True:
            return True
        if f.present is False:
            # no writing found there: a blank only as sure as the reader is of it (a
            # region found by a fallback, measured unreliable, goes to a reviewer)
            return _decided(False, f.confidence)
        v = f.value
        filled = bool(v.strip()) if isinstance(v, str) else bool(v)
        return _decided(filled, f.confidence)

    def is_true(self, name: str) -> Optional[bool]:
        f = self.field(name)
        if f is None:
            return False
        if f.value is None:  # a field with no reading: as sure as the reader says
            return _decided(False, f.confidence)
        return _decided(bool(f.value), f.confidence)


def _decided(outcome: bool, confidence: float) -> Optional[bool]:
    if outcome and confidence < PASS_MIN_CONFIDENCE:
        return None
    if not outcome and confidence < FAIL_MIN_CONFIDENCE:
        return None
    return outcome


def _all(*answers: Optional[bool]) -> Optional[bool]:
    if any(a is False for a in answers):
        return False
    if any(a is None for a in answers):
        return None
    return True


def _any(*answers: Optional[bool]) -> Optional[bool]:
    if any(a is True for a in answers):
        return True
    if any(a is None for a in answers):
        return None
    return False


def is_calendar_date(value: Any) -> bool:
    try:
        dt.date.fromisoformat(str(value))
        return True
    except ValueError:
        return False


# ---- form rules -------------------------------------------------------------------

def _child_named(v: View) -> Optional[bool]:
    return v.has_text("child_names")


def _dated(v: View) -> Optional[bool]:
    f = v.field("date_signed")
    if f is None:
        return False
    if f.value is None:
        if f.present is None:  # whether a date was written is not known: as sure as the field
            return _decided(False, f.confidence)
        return None if f.present else False  # ink there but no date read: a reviewer looks
    return _decided(is_calendar_date(f.value), f.confidence)


def _official_named(v: View) -> Optional[bool]:
    return v.has_text("official_name")


def _parent_signed(v: View) -> Optional[bool]:
    return v.is_true("parent_signed")


def _election_clear(v: View) -> Optional[bool]:
    f = v.field("election")
    if f is None:
        return False
    if f.value is None:  # options not read: as sure as the reader says
        return _decided(False, f.confidence)
    return _decided(f.value in ("reunify", "depart_without_child", "consult_attorney"), f.confidence)


def _language(v: View) -> Optional[bool]:
    f = v.field("form_languages")
    non_english = None if f is None else _decided(any(l != "eng" for l in (f.value or [])),
                                                  f.confidence)
    return _any(non_english if f is not None else False, v.has_text("read_in_language"))


def _interpreter(v: View) -> Optional[bool]:
    read_in = v.value("read_in_language")
    langs = v.value("form_languages") or []
    in_own_language = bool(read_in) and read_in in langs
    if in_own_language:
        in_own = _decided(True, min(v.conf("read_in_language"), v.conf("form_languages")))
    else:
        in_own = False
    return _any(v.has_text("interpreter_name"), in_own)


def _supervisor(v: View) -> Optional[bool]:
    return _all(v.has_text("supervisor_name"), v.is_true("supervisor_signed"))


def _a_number(v: View) -> Optional[bool]:
    return v.has_text("parent_a_number")


# ---- comment rules ----------------------------------------------------------------

def _c_decision(v: View) -> Optional[bool]:
    f = v.field("decision")
    if f.value is None:
        return None  # about the choice, decision unread (see _decision_unread)
    return _decided(f.value in ("waive_reunification", "requests_reunification",
                                "consult_attorney"), f.confidence)


def _c_info(v: View) -> Optional[bool]:
    return v.is_true("info_provided")


def _c_option(v: View) -> Optional[bool]:
    return v.is_true("option_offered")


def _c_language(v: View) -> Optional[bool]:
    return _all(v.has_text("language"), v.is_true("interpreter_or_fluent"))


def _c_witness(v: View) -> Optional[bool]:
    return v.has_text("witness_name")


def _c_dated(v: View) -> Optional[bool]:
    return v.has_text("entry_date")


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str  # waiver_form | case_comment
    severity: str
    description: str
    source: str  # where the requirement comes from
    rule: Callable[[View], Optional[bool]]
    fail_why: str
    pass_why: str


OIG = "OIG-21-36 (May 2021)"

RUBRIC: tuple[Rule, ...] = (
    Rule("F-CHILD-NAMED", "waiver_form", "critical", "At least one child is named on the form.",
         f"{OIG}: waiver forms lacked the child's name", _child_named,
         "no child's name on the form", "a child is named"),
    Rule("F-DATED", "waiver_form", "critical", "The parent's signing date is present and a real calendar date.",
         f"{OIG}: waiver forms were undated", _dated,
         "no valid signing date", "dated"),
    Rule("F-OFFICIAL-NAMED", "waiver_form", "critical", "The ICE official present at signing is named.",
         f"{OIG}: forms lacked the name of the official present", _official_named,
         "no official named", "official named"),
    Rule("F-PARENT-SIGNED", "waiver_form", "critical", "The parent signed the form.",
         f"{OIG}: a written election must be the parent's own", _parent_signed,
         "no parent signature", "parent signed"),
    Rule("F-ELECTION-CLEAR", "waiver_form", "critical", "Exactly one option is marked.",
         f"{OIG}: no record that the parent chose to leave the child", _election_clear,
         "no option or more than one option marked", "one option marked"),
    Rule("F-LANGUAGE", "waiver_form", "major",
         "The form is printed in a language the parent reads (not English only), or the language it was read in is recorded.",
         f"{OIG}: forms printed only in English and meant to be read aloud", _language,
         "English-only form and no reading language recorded", "language covered"),
    Rule("F-INTERPRETER", "waiver_form", "minor",
         "An interpreter is named, or the form is printed in the language it was read in.",
         f"{OIG}: no record of who interpreted", _interpreter,
         "no interpreter named", "interpreter named or not needed"),
    Rule("F-SUPERVISOR", "waiver_form", "major", "A supervisor acknowledged the election (name and signature).",
         f"{OIG}, Recommendation 1: supervisory acknowledgement", _supervisor,
         "no supervisory acknowledgement", "supervisor acknowledged"),
    Rule("F-A-NUMBER", "waiver_form", "major", "The parent's A-number is on the form.",
         f"{OIG}: records could not be tied to the parent", _a_number,
         "no A-number", "A-number present"),
    Rule("C-DECISION", "case_comment", "critical", "The entry records a decision by the parent.",
         f"{OIG}: no record that the parent chose to leave the child", _c_decision,
         "the parent's decision is not recorded", "decision recorded"),
    Rule("C-INFO", "case_comment", "major", "The entry records what the parent was told before deciding.",
         f"{OIG}: comments did not say what the parent was told", _c_info,
         "no record of what the parent was told", "information recorded"),
    Rule("C-OPTION", "case_comment", "critical", "The entry records that removal with the child was offered.",
         f"{OIG}: comments did not say whether removal with the child was offered", _c_option,
         "no record that removal with the child was offered", "option offered"),
    Rule("C-LANGUAGE", "case_comment", "major",
         "The language of the conversation is recorded with an interpreter or the officer's fluency.",
         f"{OIG}: comments did not record the language used", _c_language,
         "language or interpreter not recorded", "language and interpreter recorded"),
    Rule("C-WITNESS", "case_comment", "major", "Someone who heard the oral waiver or witnessed the signing is named.",
         f"{OIG}: comments did not say who heard the waiver", _c_witness,
         "no witness named", "witness named"),
    Rule("C-DATED", "case_comment", "minor", "The entry is dated.",
         f"{OIG}", _c_dated, "undated entry", "dated"),
)

RULES_BY_KIND = {k: [r for r in RUBRIC if r.kind == k] for k in ("waiver_form", "case_comment")}


def _not_applicable(kind: str, view: View) -> bool:
    """Only an entry confidently unrelated to the parent's choice (no decision field at
    all) is out of the comment checks."""
    return kind == "case_comment" and view.field("decision") is None


def _decision_unread(kind: str, view: View) -> bool:
    """The reader found the entry speaks of the parent's choice (the child,
    reunification, an option, a form) but could not read the decision: the decision field
    is there with no value. Contract: C-DECISION `unknown`, never `not_applicable`."""
    return kind == "case_comment" and view.field("decision") is not None and view.value("decision") is None


def evaluate(kind: str, view: View) -> list[Check]:
    checks = []
    na = _not_applicable(kind, view)
    unread = _decision_unread(kind, view)
    for r in RULES_BY_KIND[kind]:
        if na:
            checks.append(Check(r.id, "not_applicable", r.severity, "the entry records no decision"))
            continue
        outcome = r.rule(view)
        if unread and r.id == "C-DECISION":
            checks.append(Check(r.id, "unknown", r.severity,
                                "the entry speaks of the parent's choice but no decision was read: needs a reviewer"))
        elif outcome is True:
            checks.append(Check(r.id, "pass", r.severity, r.pass_why))
        elif outcome is False and unread:
            # whether this check applies depends on the decision nobody read yet
            checks.append(Check(r.id, "unknown", r.severity,
                                f"{r.fail_why}, if the entry records a decision: needs a reviewer"))
        elif outcome is False:
            checks.append(Check(r.id, "fail", r.severity, r.fail_why))
        else:
            checks.append(Check(r.id, "unknown", r.severity,
                                "read with low confidence: needs a reviewer"))
    return checks


def record_score(checks: list[Check]) -> Optional[float]:
    """Share of applicable checks that pass, weighted critical 3, major 2, minor 1."""
    applicable = [c for c in checks if c.status != "not_applicable"]
    if not applicable:
        return None
    total = sum(WEIGHTS[c.severity] for c in applicable)
    passed = sum(WEIGHTS[c.severity] for c in applicable if c.status == "pass")
    return round(100.0 * passed / total, 1)


def score_record(record: Record) -> Record:
    record.checks = evaluate(record.kind, View(record.fields))
    record.score = record_score(record.checks)
    return record


def score_document(doc: Document) -> Document:
    for r in doc.records:
        score_record(r)
    return doc


def check_statuses(kind: str, values: dict[str, Any]) -> dict[str, str]:
    """Checks computed from plain true values (the generator's ground truth)."""
    return {c.id: c.status for c in evaluate(kind, View(values, plain=True))}
