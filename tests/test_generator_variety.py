"""Layouts and wordings vary across forms: the point of the generator is to test the
extractor on forms it was not tuned on."""
import json

import pytest

from samples.generator import generate
from samples.generator.spec import sample


@pytest.fixture(scope="module")
def truths(tmp_path_factory):
    return generate(str(tmp_path_factory.mktemp("var")), 20, seed=3, dpis=[72])


def test_twenty_forms_have_many_layouts(truths):
    assert len({t["meta"]["layout"] for t in truths}) >= 15
    parts = [t["meta"]["layout_parts"] for t in truths]
    assert len({p["lang_mode"] for p in parts}) >= 4
    assert len({p["options"] for p in parts}) >= 3
    assert len({p["children"] for p in parts}) == 3
    assert len({p["identity"] for p in parts}) >= 3
    assert len({t["meta"]["mark_style"] for t in truths}) >= 4
    assert len({t["meta"]["fonts"]["fill"] for t in truths}) >= 5


def test_twenty_forms_have_many_label_wordings(truths):
    for slot, at_least in (("parent_name", 8), ("parent_a_number", 8), ("child_names", 7),
                           ("date_signed", 6)):
        assert len({t["meta"]["labels"][slot] for t in truths}) >= at_least, slot


def test_fill_and_degradation_variety(truths):
    fmts = {t["source"].rsplit(".", 1)[1] for t in truths}
    assert fmts == {"png", "jpg", "pdf", "tif"}
    kinds = {k.rstrip("+-.0123456789") for t in truths for page in t["meta"]["degradations"] for k in page}
    assert len(kinds) >= 6
    a_formats = {json.dumps(sorted(c for c in t["meta"]["written"]["parent_a_number"] if not c.isdigit()))
                 for t in truths if t["meta"]["written"]["parent_a_number"]}
    assert len(a_formats) >= 4  # A-numbers are written in several styles


def test_truth_outcomes_vary_over_many_specs():
    """Specs alone (no drawing): every election outcome, blanks and signatures missing."""
    specs = [sample(s) for s in range(300)]
    assert {s.truth["election"] for s in specs} == {"reunify", "depart_without_child", "consult_attorney",
                                                   "none_marked", "multiple_marked"}
    assert any(s.truth["child_names"] == [] for s in specs)
    assert any(s.truth["date_signed"] is None for s in specs)
    assert any(not s.truth["parent_signed"] for s in specs)
    assert any(s.truth["form_languages"] == ["por"] for s in specs)
    assert any(s.truth["date_signed"] and s.truth["date_signed"][5:] in ("06-31", "02-30", "09-31", "04-31",
                                                                         "11-31", "02-29") for s in specs)
