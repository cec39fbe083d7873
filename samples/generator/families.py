"""Layout families: named ways of laying a form out, each drawn with many variants.

A family pins the structural choices of :func:`spec.sample` (how identity fields are
arranged, which languages and how bilingual options sit) and leaves the rest (wording,
placement details, hands, marks, scan damage) to the grammar; the two 2018 forms are
families of their own (:mod:`.forms2018`). Every drawn form records its family id in its
truth ``meta.family``; :mod:`.splits` says which split each family belongs to.

Forms drawn through a family also use label wordings beyond the default lexicon
("Child(ren) / Hijo(s)", "A#" beside the name...), so a family draw is never a copy of a
default draw.
"""
from __future__ import annotations

import random
from typing import Any

from . import forms2018
from .spec import Spec, sample

GRAMMAR: dict[str, dict[str, Any]] = {
    "grammar.stack": {"identity": "stack"},
    "grammar.pairs": {"identity": "pairs"},
    "grammar.grid": {"identity": "grid"},
    "grammar.split": {"identity": "split"},
    "grammar.french": {"lang_mode": "eng_fra"},
    # the parent's A# printed on the name's line, right of it
    "grammar.inline": {"identity": "inline"},
    # ... with English and Spanish options side by side in two columns
    "grammar.inline_cols": {"identity": "inline", "lang_mode": "bi_cols"},
    # ... with every field a boxed cell
    "grammar.boxed_inline": {"identity": "inline", "placement": "box"},
}
FAMILIES = tuple(GRAMMAR) + tuple(f"{k}.{v}" for k, table in (("removal_2018", forms2018.REMOVAL_VARIANTS),
                                                              ("notice_2018", forms2018.NOTICE_VARIANTS))
                                    for v in table)

#: label wordings drawn only by family forms (added to the default lexicon's)
EXTRA_LABELS: dict[str, dict[str, list[str]]] = {
    "child_names": {"eng": ["Child(ren)", "Child(ren) Name(s)", "Children's names"],
                    "spa": ["Hijo(s)", "Hijo(s)/Hija(s)", "Nombre(s) del/de los menor(es)"]},
    "parent_name": {"eng": ["Name", "Parent Name", "NAME OF PARENT"], "spa": ["Nombre", "Nombre del padre"]},
    "parent_a_number": {"eng": ["A#", "A-Number", "A #"], "spa": ["Número A", "A#"]},
    "date_signed": {"eng": ["Date", "DATE"], "spa": ["Fecha"]},
    "official_name": {"eng": ["Officer", "ICE Officer", "Officer Name"], "spa": ["Oficial"]},
    "parent_signature": {"eng": ["Signature", "Parent Signature"], "spa": ["Firma"]},
}


def kind(family: str) -> str:
    """The family's form kind: removal_2018, notice_2018 or grammar."""
    return family.split(".")[0]


def sample_family(seed: int, family: str, fonts_split: str | None = None, **over: Any) -> Spec:
    """One form of ``family`` from ``seed``; ``fonts_split`` limits its hands to a split's."""
    if family not in FAMILIES:
        raise ValueError(f"unknown family {family!r}")
    rng = random.Random(seed * 7_368_787 + 4_211)
    pins = dict(GRAMMAR.get(family) or forms2018.pins(family))
    pins.update(over)
    if fonts_split:
        pins["fonts_split"] = fonts_split
    s = sample(seed, **pins)
    s.family = family
    for slot, by_lang in EXTRA_LABELS.items():
        if slot in s.labels and rng.random() < 0.5:
            s.labels[slot] = [rng.choice(by_lang.get(l) or s.labels[slot][i:i + 1] or by_lang["eng"])
                              for i, l in enumerate(s.label_langs)]
    if kind(family) != "grammar":
        forms2018.adapt(s, rng)
    return s
