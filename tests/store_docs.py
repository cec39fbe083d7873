"""Contract document objects for the store tests, built from the data model (no OCR)."""
from __future__ import annotations

import hashlib

from extractor.model import COMMENT_FIELDS, FORM_FIELDS, Document, Field, Page, Record
from scoring.rubric import score_document


def _scored(doc: Document, score: float | None = None) -> dict:
    """Every field key listed, checks from the real rubric (as the contract wants);
    ``score`` overrides the computed one (to tell two scorings apart)."""
    for rec in doc.records:
        names = FORM_FIELDS if rec.kind == "waiver_form" else COMMENT_FIELDS
        rec.fields = {n: rec.fields.get(n) for n in names}
    score_document(doc)
    if score is not None:
        for rec in doc.records:
            rec.score = score
    return doc.to_contract()


def form_document(seed: str, *, a_number: str = "A208123456", score: float | None = None) -> dict:
    sha = hashlib.sha256(seed.encode()).hexdigest()
    page = Page(number=1, width=2550, height=3300, dpi=300.0)
    fields = {"parent_name": Field("José Núñez Pérez", 0.91, 1, (100, 200, 400, 240), "José Núñez Pérez"),
              "parent_a_number": Field(a_number, 0.88, 1, (500, 200, 800, 240), a_number),
              "child_names": Field(["Ana Núñez"], 0.7, 1, None, "Ana Núñez"),
              "election": Field("depart_without_child", 0.8, 1, None, None, provenance="checkbox"),
              "supervisor_name": None}
    doc = Document(source=f"archive/{seed}.pdf", sha256=sha, doc_type="waiver_form",
                   pages=[page], records=[Record("waiver_form", 0, fields)])
    return _scored(doc, score)


def comments_document(seed: str, n: int = 3) -> dict:
    sha = hashlib.sha256(seed.encode()).hexdigest()
    records = []
    for i in range(n):
        records.append(Record("case_comment", i, {
            "a_number": Field(f"A20800000{i}", 0.99, None, None, f"20800000{i}"),
            "entry_date": Field(f"2018-07-{10 + i}", 0.95, None, None, f"07/{10 + i}/2018"),
            "decision": None if i == n - 1 else Field("waive_reunification", 0.8, None, None, "wants to depart")}))
    doc = Document(source=f"archive/{seed}.csv", sha256=sha, doc_type="case_comments",
                   page_count=1, records=records)
    return _scored(doc)


def failed_document(seed: str, code: str = "unreadable") -> dict:
    sha = hashlib.sha256(seed.encode()).hexdigest()
    doc = Document(source=f"archive/{seed}.pdf", sha256=sha,
                   error={"code": code, "message": "the PDF cannot be parsed"})
    return doc.to_contract()
