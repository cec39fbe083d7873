"""The recipe of the bundled samples in samples/forms: six small scans chosen to cover
English-only, Spanish-only, bilingual and Portuguese forms, a complete waiver with a
supervisor, and deficient ones (no child named, undated, impossible date, two marks).

Each recipe pins a few choices and states what the truth must be; the first seed from a
fixed base that satisfies it is used, so the bundle is reproducible
(``python -m samples.generator samples/forms --bundle``) and its README stays true.
"""
from __future__ import annotations

from typing import Any, Callable

from scoring.rubric import check_statuses

from .core import FORM_FIELDS, make_document, write_set
from .spec import sample

Pred = Callable[[dict[str, Any], dict[str, str]], bool]
BASE_SEED = 20_260_000


def _all_pass(f: dict, c: dict) -> bool:
    return all(v == "pass" for v in c.values())


#: (what it is, spec choices, file choices, required truth)
RECIPES: list[tuple[str, dict[str, Any], dict[str, Any], Pred]] = [
    ("English-only form with a 'read to the parent in ___ by ___' line; the child's name is "
     "left blank (deficient: F-CHILD-NAMED fails)",
     {"lang_mode": "eng", "readin": "sentence", "blank": ("child_names",), "intent": "depart_without_child",
      "supervisor": False},
     {"fmt": "png", "dpi": 150, "force": {"rotate", "blur", "holes"}, "intensity": 0, "color": False},
     lambda f, c: c["F-CHILD-NAMED"] == "fail" and c["F-PARENT-SIGNED"] == "pass"),
    ("Spanish-only form, complete waiver (depart without child) with a signed supervisory "
     "acknowledgement: every check passes",
     {"lang_mode": "spa", "intent": "depart_without_child", "supervisor": True, "fill_kind": "hand"},
     {"fmt": "jpg", "dpi": 200, "force": {"rotate", "illum", "noise"}, "intensity": 0},
     lambda f, c: _all_pass(f, c) and f["official_signed"]),
    ("Bilingual form (stacked English / Spanish labels) electing reunification, with an "
     "unrelated attachment page; the parent did not date it (F-DATED fails)",
     {"lang_mode": "bi_stack", "intent": "reunify", "blank": ("date_signed",)},
     {"fmt": "pdf", "dpi": 200, "attachment": True, "force": {"rotate", "perspective", "shadow"},
      "intensity": 0},
     lambda f, c: c["F-DATED"] == "fail" and c["F-CHILD-NAMED"] == "pass"),
    ("Bilingual two-column form with circle-one options, fax-binarised TIFF; the parent asks "
     "for a lawyer",
     {"lang_mode": "bi_cols", "options": "circle_letter", "intent": "consult_attorney"},
     {"fmt": "tif", "dpi": 200, "force": {"rotate", "fax", "saltpepper"}, "intensity": 0},
     lambda f, c: f["child_names"] != []),
    ("English-only colour scan, typed entries; an impossible date (F-DATED fails) and two "
     "options marked (F-ELECTION-CLEAR fails)",
     {"lang_mode": "eng", "impossible_date": True, "intent": "multiple_marked", "fill_kind": "type"},
     {"fmt": "jpg", "dpi": 150, "color": True, "force": {"rotate", "staple", "blur"}, "intensity": 0},
     lambda f, c: c["F-DATED"] == "fail" and f["date_signed"] is not None),
    ("Portuguese-only form with a children table, witness block, waiver without child",
     {"lang_mode": "por", "children": "table", "witness": True, "intent": "depart_without_child"},
     {"fmt": "png", "dpi": 150, "force": {"rotate", "illum", "holes"}, "intensity": 0, "color": False},
     lambda f, c: f["witness_name"] is not None),
]


def pick_seed(spec_over: dict[str, Any], pred: Pred, base: int) -> int:
    for s in range(base, base + 5000):
        t = sample(s, **spec_over).truth
        fields = {k: t.get(k) for k in FORM_FIELDS}
        if pred(fields, check_statuses("waiver_form", fields)):
            return s
    raise RuntimeError(f"no seed satisfies recipe {spec_over}")


def make_bundle(out_dir: str) -> list[dict[str, Any]]:
    docs = []
    for i, (what, spec_over, file_over, pred) in enumerate(RECIPES):
        s = pick_seed(spec_over, pred, BASE_SEED + 10_000 * i)
        data, ext, line, _ = make_document(s, **spec_over, **file_over)
        line["meta"]["description"] = what
        docs.append((f"{i + 1:04d}.{ext}", data, line))
    return write_set(out_dir, docs, subdir="")
