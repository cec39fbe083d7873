"""A-numbers one digit apart are proposed as links for review, never merged."""
from __future__ import annotations

import time

from cases_archive import P1, P10, archive, comments, entry, form
from scoring.cases import roll_up
from scoring.links import near_misses


def test_near_miss_is_proposed_on_both_cases_and_not_merged():
    rep = roll_up(archive())
    cases = {c["a_number"]: c for c in rep["cases"]}
    assert len(cases[P1]["records"]) == 1 and len(cases[P10]["records"]) == 1
    assert cases[P1]["category"] == "written_waiver_complete"
    assert cases[P10]["category"] == "oral_waiver_only"  # not lifted by P1's form
    assert [l["a_number"] for l in cases[P1]["proposed_links"]] == [P10]
    assert [l["a_number"] for l in cases[P10]["proposed_links"]] == [P1]
    link = cases[P1]["proposed_links"][0]
    assert link["distance"] == 1 and "position 9" in link["reason"]
    assert rep["summary"]["cases_with_proposed_links"] == 2
    others = [c for a, c in cases.items() if a not in (P1, P10)]
    assert all(c["proposed_links"] == [] for c in others)


def test_two_digits_off_or_other_lengths_are_not_proposed():
    assert near_misses(["A208123456", "A208123465", "A20812345", "A308123455"]) == {}


def test_confusable_digits_are_named_in_the_reason():
    links = near_misses(["A208123456", "A208128456"])
    assert "OCR often confuses" in links["A208123456"][0]["reason"]
    links = near_misses(["A208123456", "A208124456"])
    assert "OCR often confuses" not in links["A208123456"][0]["reason"]


def test_low_confidence_a_number_sends_the_case_to_review():
    rep = roll_up([form("f", "A208123456", a_conf=0.4),
                   comments("c", [entry("A208123459", "waive_reunification", "2018-06-01")])])
    case = next(c for c in rep["cases"] if c["a_number"] == "A208123456")
    assert any("low confidence" in r for r in case["review_reasons"])
    assert any("possible link to A208123459" in r for r in case["review_reasons"])


def _hamming1(a: str, b: str) -> bool:
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b)) == 1


def test_near_misses_equal_brute_force_and_scale_to_large_archives():
    import random
    rng = random.Random(4)
    small = [f"A{rng.randrange(10**8, 10**8 + 3000):09d}" for _ in range(400)]
    links = near_misses(small)
    for a in set(small):
        want = sorted(b for b in set(small) if _hamming1(a, b))
        assert [l["a_number"] for l in links.get(a, [])] == want
    big = [f"A{rng.randrange(10**9):09d}" for _ in range(30_000)] + ["A208123456", "A208123457"]
    t0 = time.perf_counter()
    links = near_misses(big)
    # a pairwise scan would be ~4.5e8 comparisons (minutes); this takes ~0.3 s idle
    assert time.perf_counter() - t0 < 5.0
    assert "A208123457" in [l["a_number"] for l in links["A208123456"]]


def test_unreadable_a_number_text_is_proposed_against_known_parents():
    unread = form("f", None, fails=("F-A-NUMBER",))
    unread["records"][0]["fields"]["parent_a_number"] = {
        "value": None, "confidence": 0.3, "page": 1, "bbox": None, "evidence": "AX 227 /74 03/"}
    rep = roll_up([unread, comments("c", [entry("A223174031", "waive_reunification", "2018-06-01"),
                                          entry("A999999999", "waive_reunification", "2018-06-01")])])
    cases = {c["a_number"] or "none": c for c in rep["cases"]}
    assert len(cases) == 3  # proposed, not merged
    assert cases["none"]["category"] == "written_waiver_deficient"
    assert [(l["a_number"], l["distance"]) for l in cases["none"]["proposed_links"]] == [("A223174031", 1)]
    back = cases["A223174031"]["proposed_links"]
    assert back[0]["a_number"] is None and back[0]["record_id"] == unread["records"][0]["record_id"]
    assert cases["A223174031"]["category"] == "oral_waiver_only"
    assert cases["A999999999"]["proposed_links"] == []


def test_evidence_digits_maps_look_alikes_and_drops_the_prefix():
    from scoring.links import evidence_digits
    assert evidence_digits("AX 227 /74 03/") == "227174031"
    assert evidence_digits("A-2O8 l23 456") == "208123456"
    assert evidence_digits("A2O8123456") == "208123456"
    assert evidence_digits("ho 0577") is None  # too little left to compare
    assert evidence_digits(None) is None


def test_present_but_unreadable_a_number_needs_review_missing_one_does_not():
    unread = form("u", None)
    unread["records"][0]["fields"]["parent_a_number"] = {
        "value": None, "confidence": 0.3, "page": 1, "bbox": None, "evidence": "%%"}
    missing = form("m", None, fails=("F-A-NUMBER",))
    cases = {c["records"][0]: c for c in roll_up([unread, missing])["cases"]}
    assert any("unreadable" in r for r in cases[unread["records"][0]["record_id"]]["review_reasons"])
    assert cases[missing["records"][0]["record_id"]]["review_reasons"] == []
