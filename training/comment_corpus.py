"""The case-comment training corpus: the grammar's clause families
(:mod:`training.comment_grammar`) and the composed ones (:mod:`training.comment_notes`,
:mod:`training.comment_offers`, :mod:`training.comment_answers`) drawn together, with the entry-level variations, lead-ins
and surface noise applied. It sits above both so that neither imports the other's user.
"""
from __future__ import annotations

import random

from training import comment_answers as A
from training import comment_grammar as G
from training import comment_notes as N
from training.comment_grammar import Example


def generate(n: int, seed: int = 13, noisy: bool = True) -> list[Example]:
    r = random.Random(seed)
    fams, weights = zip(*(G.FAMILIES + N.NOTE_FAMILIES + A.ANSWER_FAMILIES))

    def draw() -> Example:
        return r.choices(fams, weights)[0](r)

    out = []
    for _ in range(n):
        ex = N.vary(r, draw(), draw)
        x = r.random()
        if x < 0.15:
            ex.text = G._lead_in(r) + ex.text[0].lower() + ex.text[1:] if ex.text[:2] != ex.text[:2].upper() else G._lead_in(r) + ex.text
        elif x < 0.18 and ex.decision != "NONE":
            ex = G._info_tail(r, ex)
        elif x < 0.3:
            other = draw()
            if ex.decision == "NONE" or other.decision == "NONE":
                ex = G._join(r, ex, other) if r.random() < 0.5 else G._join(r, other, ex)
        ex.text = N.surface_noise(r, G._surface(r, ex.text), noisy)
        out.append(ex)
    return out
