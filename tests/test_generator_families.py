"""Layout families and the train / validation / held-out split (issue 12): every drawn
form names its family; a split draws only its own families and hands; the two 2018 forms
print what their descriptions say."""
import json
from pathlib import Path

import pytest

from samples.generator import families, splits
from samples.generator.core import make_document

ROOT = Path(__file__).resolve().parent.parent


def test_splits_are_disjoint_and_cover_every_family():
    fams = [f for s in splits.SPLITS for f in splits.families(s)]
    assert len(fams) == len(set(fams))
    assert set(fams) == set(families.FAMILIES)
    hands = [f for s in splits.SPLITS for f in splits.font_ids(s, "hand")]
    assert len(hands) == len(set(hands))


def test_committed_split_table_matches_the_generator():
    assert json.loads((ROOT / "models/forms/splits.json").read_text()) == splits.as_json()


def test_default_hands_are_training_hands():
    from samples.generator import fonts
    default = {f.id for f in fonts.faces("hand")}
    train = set(splits.font_ids("train", "hand"))
    assert default <= train
    # the train hands added later are drawn only when a split asks (default draws keep their bytes)
    assert train - default <= set(fonts.SPLIT_FACES)
    for s in ("validation", "heldout"):
        assert not (default | train) & set(splits.font_ids(s, "hand"))


@pytest.mark.parametrize("split", splits.SPLITS)
def test_a_split_draws_only_its_families_and_hands(split):
    for seed in range(6):
        _, _, line, spec = make_document(1000 + seed, fmt="png", dpi=100, intensity=0, split=split)
        assert line["meta"]["family"] in splits.families(split)
        assert line["meta"]["split"] == split
        kind = "hand" if spec.fill_face in splits.font_ids(split, "hand") else "type"
        assert spec.fill_face in splits.font_ids(split, kind)


def test_default_draw_names_a_grammar_family():
    _, _, line, spec = make_document(7, fmt="png", dpi=100, intensity=0)
    assert line["meta"]["family"] == f"grammar.{spec.identity}"


def test_removal_form_has_two_options_the_reunification_line_in_english_only():
    for seed in range(8):
        spec = families.sample_family(500 + seed, "removal_2018.a")
        assert spec.option_order in (["reunify", "depart_without_child"], ["depart_without_child", "reunify"])
        assert len(spec.option_texts["reunify"]) == 1
        assert "repatria" in spec.option_texts["reunify"][0]
        assert spec.truth["election"] in ("reunify", "depart_without_child", "none_marked", "multiple_marked")
        assert spec.truth["form_languages"] == (["eng", "spa"] if len(spec.option_texts["depart_without_child"]) == 2
                                                else ["eng"])


def test_notice_form_has_three_bilingual_options():
    for seed in range(8):
        spec = families.sample_family(600 + seed, "notice_2018.c")
        assert sorted(spec.option_order) == sorted(["reunify", "depart_without_child", "consult_attorney"])
        assert all(len(t) == 2 for t in spec.option_texts.values())
        assert spec.option_bi == "cols" and spec.truth["form_languages"] == ["eng", "spa"]
        marked = spec.marked
        want = marked[0] if len(marked) == 1 else "none_marked" if not marked else "multiple_marked"
        assert spec.truth["election"] == want


def test_inline_family_puts_the_a_number_on_the_name_line():
    _, _, line, _ = make_document(77, fmt="png", dpi=100, intensity=0, family="grammar.inline",
                                  blank=())
    regions = line["meta"]["written"]
    assert line["meta"]["family"] == "grammar.inline" and regions["parent_name"] and regions["parent_a_number"]
