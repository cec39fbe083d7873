"""The queue: failed critical first, then unknown, then failed major; decided checks
leave it; filters narrow it."""
from __future__ import annotations

from review_ui.queue import build_queue, check_tier, counts_left, facet_counts, filter_items


def _doc(label, checks, doc_type="waiver_form"):
    return {"source": f"{label}.pdf", "sha256": label, "doc_type": doc_type, "error": None,
            "records": [{"record_id": f"{label}:0", "kind": "waiver_form", "fields": {},
                         "checks": [{"id": i, "status": st, "severity": sev}
                                    for i, st, sev in checks]}]}


DOCS = [_doc("a-minor", [("F-INTERPRETER", "fail", "minor")]),
        _doc("b-major", [("F-SUPERVISOR", "fail", "major")]),
        _doc("c-unknown", [("F-A-NUMBER", "unknown", "major"), ("F-SUPERVISOR", "fail", "major")]),
        _doc("d-critical", [("F-DATED", "fail", "critical"), ("F-SUPERVISOR", "pass", "major")]),
        _doc("e-clean", [("F-DATED", "pass", "critical")])]


def test_most_severe_first():
    q = build_queue(DOCS, [])
    assert [i.source for i in q] == ["d-critical.pdf", "c-unknown.pdf", "b-major.pdf", "a-minor.pdf"]
    assert q[1].check_ids == ["F-A-NUMBER", "F-SUPERVISOR"]  # unknown before failed major
    assert check_tier({"status": "unknown", "severity": "minor"}) < check_tier(
        {"status": "fail", "severity": "major"})


def test_decided_checks_leave_and_counts():
    hist = [{"record_id": "d-critical:0", "check_id": "F-DATED", "reviewer": "r", "action": "accept"},
            {"record_id": "c-unknown:0", "check_id": "F-A-NUMBER", "reviewer": "r", "action": "reject"}]
    q = build_queue(DOCS, hist)
    assert [i.source for i in q] == ["b-major.pdf", "c-unknown.pdf", "a-minor.pdf"]
    left = counts_left(q)
    assert left["records"] == 3 and left["checks"] == 3 and left["failed major"] == 2


def test_filters():
    assert [i.source for i in build_queue(DOCS, [], check="F-SUPERVISOR")] == [
        "c-unknown.pdf", "b-major.pdf"]
    assert build_queue(DOCS, [], doc_type="case_comments") == []
    cats = {"a-minor:0": "written_waiver_complete", "b-major:0": "written_waiver_deficient"}
    assert [i.source for i in build_queue(DOCS, [], cats, category="written_waiver_deficient")] == [
        "b-major.pdf"]


def test_date_range_and_second_review():
    dated = [dict(d, records=[dict(r, fields={"date_signed": {"value": day, "confidence": 0.9}})
                              for r in d["records"]])
             for d, day in zip(DOCS, ["2018-06-01", "2018-07-15", None, "2018-07-12", "2018-08-01"])]
    q = build_queue(dated, [], date_from="2018-07-01", date_to="2018-07-31")
    assert [i.source for i in q] == ["d-critical.pdf", "b-major.pdf"]  # undated c left out
    hist = [{"record_id": "d-critical:0", "check_id": "F-DATED", "reviewer": "amy", "action": "accept"}]
    assert "d-critical.pdf" not in [i.source for i in build_queue(DOCS, hist)]
    assert build_queue(DOCS, hist, second_review_by="bob")[0].source == "d-critical.pdf"
    assert "d-critical.pdf" not in [i.source for i in build_queue(DOCS, hist, second_review_by="amy")]


def test_decided_by_a_reviewer_and_counts_per_choice():
    hist = [{"record_id": "c-unknown:0", "check_id": "F-SUPERVISOR", "reviewer": "amy", "action": "accept"},
            {"record_id": "a-minor:0", "check_id": "F-INTERPRETER", "reviewer": "bob", "action": "reject"}]
    mine = build_queue(DOCS, hist, decided_by="amy")
    assert [(i.source, i.check_ids) for i in mine] == [("c-unknown.pdf", ["F-SUPERVISOR"])]
    assert build_queue(DOCS, hist, decided_by="cy") == []
    q = build_queue(DOCS, hist)  # nobody's: amy's and bob's checks are gone
    assert [(i.source, i.check_ids) for i in q] == [
        ("d-critical.pdf", ["F-DATED"]), ("c-unknown.pdf", ["F-A-NUMBER"]), ("b-major.pdf", ["F-SUPERVISOR"])]
    # counts under each choice of one filter, the others applied
    counts = facet_counts(q, check="F-SUPERVISOR")
    assert counts["check"] == {"F-DATED": 1, "F-A-NUMBER": 1, "F-SUPERVISOR": 1}
    assert counts["doc_type"] == {"waiver_form": 1}  # only b-major has F-SUPERVISOR left
    assert filter_items(q, check="F-SUPERVISOR", doc_type="waiver_form") == [q[2]]


def test_correction_that_makes_a_check_pass_takes_it_out_of_the_queue():
    doc = {"source": "f.pdf", "sha256": "f", "doc_type": "waiver_form", "error": None,
           "records": [{"record_id": "f:0", "kind": "waiver_form",
                        "fields": {"child_names": {"value": [], "confidence": 0.85}},
                        "checks": [{"id": "F-CHILD-NAMED", "status": "fail", "severity": "critical"},
                                   {"id": "F-SUPERVISOR", "status": "fail", "severity": "major"}]}]}
    typed = {"record_id": "f:0", "check_id": None, "reviewer": "amy", "action": "correct",
             "field": "child_names", "value_after": ["Ana Pérez"]}
    q = build_queue([doc], [typed])
    assert [i.check_ids for i in q] == [["F-SUPERVISOR"]]
    # a correction that leaves the check failing keeps it queued
    blank = dict(typed, value_after=[])
    assert build_queue([doc], [blank])[0].check_ids == ["F-CHILD-NAMED", "F-SUPERVISOR"]
    # a second review judges the machine's reading: the check stays in that queue
    assert build_queue([doc], [typed], second_review_by="bob")[0].check_ids == [
        "F-CHILD-NAMED", "F-SUPERVISOR"]
