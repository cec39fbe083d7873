"""The typed data model: Document > Page > Word, and Record > Field / Check.

Everything a stage produces is one of these dataclasses. They are plain, picklable
values (a page image is a numpy array) so the batch runner can ship page work to other
processes. ``Document.to_contract()`` is the only place that knows the contract's JSON
shape (shared/contract/README.md, version 1).

Coordinates: a ``Page`` keeps its words and fields in the coordinates of the *working
image* (after deskew and rescaling). ``Page.to_source`` is the 2x3 affine matrix that
maps working coordinates back to the pixels of the image the user gave (for a PDF, its
300 dpi render); bboxes are mapped through it only when serialised.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

import numpy as np

SCHEMA_VERSION = "1"

BBox = tuple[float, float, float, float]

FORM_FIELDS = (
    "parent_name", "parent_a_number", "child_names", "child_a_numbers", "date_signed",
    "election", "form_languages", "read_in_language", "interpreter_name", "parent_signed",
    "official_name", "official_signed", "witness_name", "supervisor_name",
    "supervisor_signed",
)
COMMENT_FIELDS = (
    "a_number", "entry_date", "author", "decision", "decision_mode", "info_provided",
    "option_offered", "language", "interpreter_or_fluent", "witness_name", "child_names",
)
DOC_TYPES = ("waiver_form", "case_comments", "other")
ELECTIONS = ("reunify", "depart_without_child", "consult_attorney", "none_marked",
             "multiple_marked")
DECISIONS = ("waive_reunification", "requests_reunification", "consult_attorney", "undecided")


@dataclass
class Word:
    """One OCR word (or text-layer word) in working-image pixels."""

    text: str
    conf: float  # 0..1
    bbox: BBox
    # (block, paragraph, line) from the OCR engine: words sharing it are on one line
    line_key: tuple[int, int, int] = (0, 0, 0)

    @property
    def cx(self) -> float:
        return (self.bbox[0] + self.bbox[2]) / 2

    @property
    def cy(self) -> float:
        return (self.bbox[1] + self.bbox[3]) / 2

    @property
    def height(self) -> float:
        return self.bbox[3] - self.bbox[1]


IDENTITY = ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0))


@dataclass
class Box:
    """A printed check box found on a page (:mod:`extractor.forms.election`)."""
    bbox: BBox  # x0, y0, x1, y1 in the image's pixels
    ink: float  # share of the box's inside (border excluded) covered by ink, 0..1
    marked: bool
    confidence: float  # of the marked/empty decision, 0..1


@dataclass
class Page:
    """One page: its working image, the words read from it and how to map back."""

    number: int  # 1-based, in file order
    width: int  # of the source image (what the user gave / the 300 dpi render)
    height: int
    dpi: float  # of the working image
    words: list[Word] = field(default_factory=list)
    image: Optional[np.ndarray] = None  # working image, greyscale uint8 (not serialised)
    to_source: tuple = IDENTITY  # 2x3 affine: working -> source pixels
    text_source: str = "ocr"  # "ocr" | "text_layer"
    #: words the OCR filter set aside (very low confidence: mostly specks and ruling
    #: debris, but Tesseract sometimes scores clean printed label words that low)
    dropped: list[Word] = field(default_factory=list)
    notes: dict[str, Any] = field(default_factory=dict)  # what preprocessing did
    #: the working image's ink less its rulings, as preprocessing found it
    #: (``preprocess.PackedMask``; not serialised): reused by the search for rows the
    #: OCR missed instead of being computed again (a third of that search's cost)
    text_ink: Optional[Any] = None

    def map_bbox(self, bbox: Optional[BBox]) -> Optional[list[float]]:
        """Working-image bbox -> source-image bbox (axis-aligned hull of the corners)."""
        if bbox is None:
            return None
        (a, b, c), (d, e, f) = self.to_source
        xs, ys = [], []
        for x, y in ((bbox[0], bbox[1]), (bbox[2], bbox[1]), (bbox[0], bbox[3]), (bbox[2], bbox[3])):
            xs.append(a * x + b * y + c)
            ys.append(d * x + e * y + f)
        clamp = lambda v, hi: max(0.0, min(float(hi), v))
        return [round(clamp(min(xs), self.width), 1), round(clamp(min(ys), self.height), 1),
                round(clamp(max(xs), self.width), 1), round(clamp(max(ys), self.height), 1)]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    def ocr_json(self) -> dict:
        """The page as `waiverscan ocr --json` prints it (source coordinates)."""
        return {
            "page": self.number,
            "width": self.width,
            "height": self.height,
            "words": [{"text": w.text, "conf": round(w.conf, 3), "bbox": self.map_bbox(w.bbox)}
                      for w in self.words],
        }


@dataclass
class Field:
    """One extracted value with where it came from."""

    value: Any
    confidence: float
    page: Optional[int] = None
    bbox: Optional[BBox] = None  # working-image coords of ``page``
    evidence: Optional[str] = None
    # how it was found (e.g. "label:Nombre completo", "checkbox", "ink"): for reviewers
    provenance: Optional[str] = None
    # True when ink/text is present in the field's region, whether or not it was read
    present: Optional[bool] = None
    # the reader's own confidence before calibration (extractor.reader.field_confidence)
    raw_confidence: Optional[float] = None

    def to_contract(self, pages: dict[int, Page]) -> dict:
        page = pages.get(self.page) if self.page is not None else None
        out = {
            "value": self.value,
            "confidence": round(max(0.0, min(1.0, float(self.confidence))), 3),
            "page": self.page,
            "bbox": page.map_bbox(self.bbox) if page is not None else None,
            "evidence": self.evidence,
        }
        if self.provenance:
            out["provenance"] = self.provenance
        if self.present is not None:
            # an added key (the contract allows them): ink seen in the field's region,
            # read or not. Re-scoring a stored record after a review needs it, or a
            # written-but-unread field would turn from `unknown` into `fail`.
            out["present"] = self.present
        if self.raw_confidence is not None:  # added key: what the calibration map was fed
            out["confidence_raw"] = round(float(self.raw_confidence), 4)
        return out


@dataclass
class Check:
    id: str
    status: str  # pass | fail | unknown | not_applicable
    severity: str  # critical | major | minor
    why: str = ""

    def to_contract(self) -> dict:
        return {"id": self.id, "status": self.status, "severity": self.severity, "why": self.why}


@dataclass
class Record:
    kind: str  # waiver_form | case_comment
    index: int
    fields: dict[str, Optional[Field]]
    checks: list[Check] = field(default_factory=list)
    score: Optional[float] = None
    #: the file's pages this record was read from (1-based); None: not a page source
    pages: Optional[list[int]] = None

    def value(self, name: str) -> Any:
        f = self.fields.get(name)
        return None if f is None else f.value


@dataclass
class Document:
    source: str
    sha256: str
    doc_type: str = "other"
    pages: list[Page] = field(default_factory=list)
    page_count: Optional[int] = None  # when pages were not kept (e.g. text sources)
    records: list[Record] = field(default_factory=list)
    error: Optional[dict] = None  # {"code", "message"}
    exception: Optional[BaseException] = field(default=None, repr=False, compare=False)

    def fail(self, exc) -> None:
        """Record a read failure (a WaiverscanError) as the contract's error object: the
        document keeps its sha256 and source, loses its records, and becomes 'other'."""
        self.error = {"code": exc.contract_code, "message": exc.message}
        self.exception = exc
        self.records = []
        self.doc_type = "other"

    def to_contract(self) -> dict:
        by_number = {p.number: p for p in self.pages}
        records = []
        for r in self.records:
            rec = {
                "record_id": f"{self.sha256}:{r.index}",
                "kind": r.kind,
                "fields": {k: (None if v is None else v.to_contract(by_number))
                           for k, v in r.fields.items()},
                "checks": [c.to_contract() for c in r.checks],
                "score": r.score,
            }
            if r.pages is not None:  # an added key (contract: keys may be added)
                rec["pages"] = list(r.pages)
            records.append(rec)
        return {
            "schema_version": SCHEMA_VERSION,
            "source": self.source,
            "sha256": self.sha256,
            "doc_type": self.doc_type,
            "pages": self.page_count if self.page_count is not None else len(self.pages),
            "error": self.error,
            "records": records,
        }

    def ocr_json(self) -> dict:
        return {"source": self.source, "sha256": self.sha256,
                "pages": [p.ocr_json() for p in self.pages], "error": self.error}
