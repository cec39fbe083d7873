"""C-DECISION `unknown` (contract, after the checks table): an entry that speaks of the
parent's choice but whose decision the reader could not read goes to a reviewer; only an
entry confidently unrelated is `not_applicable`. Entries invented for this test."""
import pytest

from extractor.comments import extract_comment_text
from extractor.model import Document
from scoring.rubric import score_document


def _checks(body: str) -> dict:
    recs = extract_comment_text(f"03/14/2019 DO Q. Arbuthnot\n   {body}\n")
    doc = score_document(Document(source="x", sha256="0", doc_type="case_comments", pages=1,
                                  records=list(recs)))
    return {c.id: c.status for c in doc.records[0].checks}, doc.records[0]


@pytest.mark.parametrize("body", [
    # about the child / reunification / an option / a form, but no decision stated or readable
    "Subj was asked about the minor; answer not recorded.",
    "Discussed reunifcation w/ SUBJ, interpretr line dropped before an answer.",
    "PA and the UAC spoke by phone; topic: removal w/ or w/o child.",
    "Election form partly filled in, box not legible.",
    "Rvwd the optoins w/ the fathr re: his dautgher.",
    "XQZ PLMW reunif ?? illegible ink ??",
    # French and Haitian Creole words for the child name the choice as well as English ones
    "Le pere a dit qu'il part seul, son fils reste chez une tante au Texas.",
    "Manman an di pitit li a ap rete Ozetazini ak matant li.",
    # legal help before choosing is one of the contract's choices
    "LAWYER CONSULT PER SUBJ - PORT.",
])
def test_entry_about_the_choice_without_a_read_decision_is_unknown(body):
    st, rec = _checks(body)
    assert "not_applicable" not in st.values(), st
    if rec.value("decision") is None:
        assert st["C-DECISION"] == "unknown", st


@pytest.mark.parametrize("body", [
    "Sick call: headache, given ibuprofen.",
    "Bed space confirmed at the staging facility.",
    "Commissary account topped up by a relative.",
])
def test_unrelated_entry_is_not_applicable(body):
    st, rec = _checks(body)
    assert rec.fields["decision"] is None
    assert set(st.values()) == {"not_applicable"}


@pytest.mark.parametrize("text", [
    "letter from father requesting to be removed with his son",
    "Father requested to be returned to Guatemala WITH child",
    "Father wished to be removed with his child",
])
def test_audit_quotes_still_read_as_requests(text):
    st, rec = _checks(text)
    assert rec.value("decision") == "requests_reunification"
    assert st["C-DECISION"] == "pass"


def test_no_decision_in_the_validation_sets_leaves_the_audit_silently():
    """Every hand-written entry that records a decision keeps C-DECISION in the audit:
    read (pass/fail) or, when the reader misses it, `unknown`; never `not_applicable`."""
    import json
    from pathlib import Path

    from extractor.comments import _text_fields
    from extractor.model import COMMENT_FIELDS, Record
    from scoring.rubric import score_record

    data = Path(__file__).resolve().parents[1] / "models" / "comments" / "data"
    silent, n = [], 0
    for name in ("heldout_v2.jsonl", "heldout_v3.jsonl", "heldout_v4.jsonl", "heldout_v9.jsonl"):
        for line in (data / name).read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("//"):
                continue
            row = json.loads(line)
            if not row["expect"].get("decision"):
                continue
            fields = dict.fromkeys(COMMENT_FIELDS)
            fields.update(_text_fields(row["text"]))
            rec = score_record(Record(kind="case_comment", index=0, fields=fields))
            n += 1
            if {c.id: c.status for c in rec.checks}["C-DECISION"] == "not_applicable":
                silent.append(row["text"])
    assert n > 200 and silent == []


def _page(body_conf):
    from extractor.model import Page, Word

    def line(y, words, key, conf):
        out, x = [], 100
        for i, w in enumerate(words.split()):
            out.append(Word(w, conf, (x, y, x + 22 * len(w), y + 30), (key, i, 0)))
            x += 22 * len(w) + 20
        return out
    words = (line(100, "03/14/2019 DO Q. Arbuthnot", 1, 0.95)
             + line(150, "Qrt vmn plo stae dkr sent.", 2, body_conf))
    return Page(1, 1500, 600, 300.0, words=words)


@pytest.mark.parametrize("conf,expected", [(0.3, "unknown"), (0.95, "not_applicable")])
def test_ocr_entry_read_with_low_confidence_is_not_confidently_unrelated(conf, expected):
    from extractor.comments import extract_comment_pages

    recs = extract_comment_pages([_page(conf)])
    doc = score_document(Document(source="x", sha256="0", doc_type="case_comments", pages=1,
                                  records=list(recs)))
    assert {c.id: c.status for c in doc.records[0].checks}["C-DECISION"] == expected
