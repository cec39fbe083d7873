"""Issue 12: a field plainly filled but unreadable, or never located, makes its check
`pass` or `unknown`, never `fail`. Values invented here."""
from extractor.forms.blanks import marks_unread
from extractor.forms.candidates import Candidate
from extractor.forms.reader import CARRIED_FIELDS, not_located
from extractor.layout import LabelHit, Line
from extractor.model import Field, Record, Word
from scoring.rubric import check_statuses, score_record


def _values(**changes):
    base = dict(parent_name="Rosa Quintal", parent_a_number="A301555777", child_names=["Leo Quintal"],
                child_a_numbers=None, date_signed="2018-07-03", election="reunify",
                form_languages=["eng", "spa"], read_in_language=None, interpreter_name=None,
                parent_signed=True, official_name="T. Oyelaran", official_signed=True,
                witness_name=None, supervisor_name="Q. Abara", supervisor_signed=True)
    base.update(changes)
    return base


def _statuses(**fields):
    values = {k: (None if v is None else Field(value=v, confidence=1.0)) for k, v in _values().items()}
    values.update(fields)
    rec = score_record(Record(kind="waiver_form", index=0, fields=values))
    return {c.id: c.status for c in rec.checks}


def test_a_doubtful_blank_is_unknown_and_a_sure_blank_fails():
    doubtful = _statuses(child_names=Field(value=[], confidence=0.2, present=False),
                         official_name=Field(value=None, confidence=0.1, present=False))
    assert doubtful["F-CHILD-NAMED"] == "unknown" and doubtful["F-OFFICIAL-NAMED"] == "unknown"
    sure = _statuses(child_names=Field(value=[], confidence=0.8, present=False),
                     official_name=Field(value=None, confidence=0.5, present=False))
    assert sure["F-CHILD-NAMED"] == "fail" and sure["F-OFFICIAL-NAMED"] == "fail"


def test_a_signature_or_election_with_no_reading_is_as_sure_as_its_confidence():
    s = _statuses(parent_signed=Field(value=None, confidence=0.0),
                  election=Field(value=None, confidence=0.1))
    assert s["F-PARENT-SIGNED"] == "unknown" and s["F-ELECTION-CLEAR"] == "unknown"
    s = _statuses(parent_signed=Field(value=None, confidence=0.9),
                  election=Field(value=None, confidence=0.7))
    assert s["F-PARENT-SIGNED"] == "fail" and s["F-ELECTION-CLEAR"] == "fail"


def test_plain_true_values_keep_a_missing_field_a_fail():
    got = check_statuses("waiver_form", _values(parent_signed=None, election=None, official_name=None))
    assert got["F-PARENT-SIGNED"] == got["F-ELECTION-CLEAR"] == got["F-OFFICIAL-NAMED"] == "fail"


def test_a_carried_field_not_located_is_unknown_and_an_optional_one_stays_absent():
    fields = {k: None for k in _values()}
    kept = Field(value="A301555777", confidence=0.9, present=True)
    fields["parent_a_number"] = kept
    not_located(fields, 2)
    assert fields["parent_a_number"] is kept
    for name in CARRIED_FIELDS:
        if name != "parent_a_number":
            f = fields[name]
            assert f.value is None and f.present is None and f.confidence == 0.0 and f.page == 2
    assert fields["supervisor_name"] is None and fields["witness_name"] is None
    rec = score_record(Record(kind="waiver_form", index=0, fields=fields))
    s = {c.id: c.status for c in rec.checks}
    for cid in ("F-CHILD-NAMED", "F-DATED", "F-OFFICIAL-NAMED", "F-PARENT-SIGNED", "F-ELECTION-CLEAR"):
        assert s[cid] == "unknown", cid
    assert s["F-A-NUMBER"] == "pass" and s["F-SUPERVISOR"] == "fail"


def _cand(field, texts):
    label = Line([Word("Label", 0.95, (10, 10, 60, 30))])
    hit = LabelHit(key=field, phrase="label", line=label, start=0, end=1, score=1.0)
    words = [Word(t, 0.6, (80 + 30 * i, 10, 100 + 30 * i, 30)) for i, t in enumerate(texts)]
    return Candidate(field=field, hit=hit, words=words, where="above")


def test_a_mark_read_as_one_letter_where_a_value_goes_makes_presence_unknown():
    f = marks_unread(_cand("official_name", ["Q"]), Field(value=None, confidence=0.85, present=False))
    assert f.present is None and f.confidence <= 0.3
    f = marks_unread(_cand("date_signed", ["4]"]), Field(value=None, confidence=0.85, present=False))
    assert f.present is None


def test_nothing_read_or_a_list_number_alone_stays_a_blank():
    f = marks_unread(_cand("official_name", []), Field(value=None, confidence=0.85, present=False))
    assert f.present is False and f.confidence == 0.85
    f = marks_unread(_cand("official_name", ["_", "|"]), Field(value=None, confidence=0.85, present=False))
    assert f.present is False
    f = marks_unread(_cand("child_names", ["2."]), Field(value=[], confidence=0.85, present=False))
    assert f.present is False


def _page_with_writing(at):
    """A white page with a printed label (an OCR word) at (100..300, 100..130) and, if
    ``at`` is given, pen strokes no OCR word covers: letters drawn at that point."""
    import cv2
    import numpy as np
    from extractor.model import Page
    img = np.full((600, 900), 255, np.uint8)
    cv2.putText(img, "Label", (100, 128), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 0, 2)
    if at is not None:
        cv2.putText(img, "Kw7 Zo4", at, cv2.FONT_HERSHEY_SCRIPT_SIMPLEX, 1.1, 0, 2)
    label = Word("Label", 0.95, (100, 100, 300, 130))
    return Page(number=1, width=900, height=600, dpi=100, words=[label], image=img), label


def _blank_at(page, label, where):
    from extractor.forms.blanks import unseen_writing
    hit = LabelHit(key="parent_a_number", phrase="label", line=Line([label]), start=0, end=1, score=1.0)
    return unseen_writing(hit, where, Field(value=None, confidence=0.85, present=False), page, {})


def test_writing_under_a_label_with_no_value_linked_makes_presence_unknown():
    page, label = _page_with_writing((110, 200))
    assert _blank_at(page, label, "none").present is None
    page, label = _page_with_writing((110, 200))
    assert _blank_at(page, label, "table").present is None


def test_an_empty_region_under_a_label_stays_a_blank():
    page, label = _page_with_writing(None)
    assert _blank_at(page, label, "none").present is False
    page, label = _page_with_writing((110, 420))  # far below: another field's
    assert _blank_at(page, label, "table").present is False


def test_two_options_marked_in_two_ways_is_a_doubtful_multiple():
    from types import SimpleNamespace as NS
    from extractor.forms.election import MIXED_MARKS_CONF, mixed_marks
    from scoring.rubric import FAIL_MIN_CONFIDENCE
    assert mixed_marks([NS(how="circle"), NS(how="underline")])
    assert not mixed_marks([NS(how="checkbox"), NS(how="checkbox")])
    assert MIXED_MARKS_CONF < FAIL_MIN_CONFIDENCE
    s = _statuses(election=Field(value="multiple_marked", confidence=MIXED_MARKS_CONF, present=True))
    assert s["F-ELECTION-CLEAR"] == "unknown"
