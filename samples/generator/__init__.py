"""Synthetic waiver/election forms with ground truth, for testing the extractor on
layouts, wordings, hands and scan artefacts it was not tuned on.

    from samples.generator import generate
    generate("out/synth", n=20, seed=1)      # out/synth/files/*, truth.jsonl, cases.jsonl

or ``python -m samples.generator OUT_DIR --n 20 --seed 1``. Parts:
``spec`` (random choices and truth), ``lexicon`` (printed wording), ``people``
(invented names, A-numbers, dates as written), ``canvas``/``blocks``/``marks``/``render``
(drawing), ``degrade`` (scan artefacts), ``core`` (files and truth lines),
``bundle`` (the recipe of samples/forms).
"""
from .core import FORM_FIELDS, generate, make_document
from .fonts import FontsMissing

__all__ = ["generate", "make_document", "FORM_FIELDS", "FontsMissing"]
