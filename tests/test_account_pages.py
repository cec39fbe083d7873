"""Counsel's account and the record page name the pages of its file each record was
read from (issue 13: one A-file holds many documents). Records invented for the test."""
from scoring.account import account_text, case_account, pages_label, record_pages


def _form(rid, pages, field_pages):
    fields = {f"f{i}": {"value": "x", "confidence": 0.9, "page": p, "bbox": None,
                        "evidence": "x"} for i, p in enumerate(field_pages)}
    fields["blank"] = None
    return {"record_id": rid, "kind": "waiver_form", "pages": pages, "fields": fields,
            "checks": [{"id": "F-DATED", "status": "fail", "severity": "critical"}],
            "score": 40.0}


def test_record_pages_join_the_records_pages_and_its_fields_pages():
    assert record_pages(_form("a:0", [4, 5], [4])) == [4, 5]
    assert record_pages(_form("a:1", None, [9, 7])) == [7, 9]
    assert record_pages({"record_id": "c:0", "fields": {"a_number": {"value": "A1",
                                                                      "page": None}}}) == []


def test_pages_label_reads_as_counsel_would_say_it():
    assert pages_label([]) == ""
    assert pages_label([3]) == "page 3"
    assert pages_label([4, 5]) == "pages 4-5"
    assert pages_label([2, 7, 8, 9]) == "pages 2, 7-9"


def test_case_account_text_names_each_records_pages():
    case = {"a_number": "A123456789", "category": "written_waiver_deficient", "flags": []}
    recs = [{"record": _form("s:0", [4, 5], [4]), "source": "afile.pdf"},
            {"record": _form("s:1", [11], [11]), "source": "afile.pdf"}]
    text = account_text(case_account(case, recs))
    assert "afile.pdf, pages 4-5" in text
    assert "afile.pdf, page 11" in text
