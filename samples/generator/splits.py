"""Which layout families and which fill fonts each split may draw: train, validation,
held-out (issue 12's protocol).

Training code draws only ``train``; choices of thresholds, features and models are made
on ``validation``; ``heldout`` is drawn with a fresh seed for each report and nothing is
tuned on it. A family is a way of laying a form out (see :mod:`.families`); a font is a
face the entries are written in (see :mod:`.fonts`). The three sets are disjoint, and
every split keeps some of each feature the reader must handle (A# beside the name,
bilingual options side by side, children on one line), so validation can guide work that
held-out then measures on layouts and hands never seen.

The split is data, not code: models/forms/splits.json holds the same table for tools
outside the generator (tests check that the two agree).
"""
from __future__ import annotations

SPLITS = ("train", "validation", "heldout")

FAMILIES: dict[str, tuple[str, ...]] = {
    "train": ("grammar.stack", "grammar.pairs", "grammar.grid", "grammar.french",
              "removal_2018.a", "removal_2018.b", "notice_2018.a", "notice_2018.b"),
    "validation": ("grammar.split", "grammar.inline", "removal_2018.c", "notice_2018.c"),
    "heldout": ("grammar.inline_cols", "grammar.boxed_inline", "removal_2018.d", "notice_2018.d"),
}

#: fill faces (handwriting and typewriter) per split. The train faces are the ones the
#: project's handwriting models are built on: the seven long-standing print-like hands
#: (``fonts.faces("hand")``, what forms drawn without a split use) and five Debian
#: handwriting and script faces added for issue 12; the others are script and informal
#: hands from Debian font packages that no model has seen. DejaVu Sans Mono was the
#: held-out typewriter face until 2026-12-08, when it was found among the faces the hand
#: models had been trained on: it is a train face now, and Courier Prime, which no model
#: has seen, is held out.
FONTS: dict[str, dict[str, tuple[str, ...]]] = {
    "train": {"hand": ("comic", "comic_it", "comic_light", "dkg", "dkg_it", "klee", "humor",
                       "delphine", "stevehand", "lobster", "leckerli", "yusei"),
              "type": ("gnutype", "lib_mono", "dejavu_mono")},
    "validation": {"hand": ("breip", "rufscript", "kaushan"),
                   "type": ("lib_mono",)},
    "heldout": {"hand": ("dancing", "kristi", "ecolier"),
                "type": ("courier_prime",)},
}


def families(split: str) -> tuple[str, ...]:
    if split not in FAMILIES:
        raise ValueError(f"unknown split {split!r}: one of {', '.join(SPLITS)}")
    return FAMILIES[split]


def font_ids(split: str, role: str) -> tuple[str, ...]:
    if split not in FONTS:
        raise ValueError(f"unknown split {split!r}: one of {', '.join(SPLITS)}")
    return FONTS[split].get(role, ())


def split_of_family(family: str) -> str:
    for split, fams in FAMILIES.items():
        if family in fams:
            return split
    raise KeyError(family)


def as_json() -> dict:
    return {"families": {k: list(v) for k, v in FAMILIES.items()},
            "fonts": {k: {r: list(ids) for r, ids in v.items()} for k, v in FONTS.items()}}
