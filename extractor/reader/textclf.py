"""Short texts to classes with character n-grams: robust to OCR noise and to wordings
never seen, in English, Spanish, Portuguese and French.

- ``label_slot(text)``: which contract field a printed label names (``SLOTS``; "none"
  for anything that is not one of them: another field's label, an instruction, a value)
- ``option_meaning(text)``: what an election option says (``MEANINGS``)

Both are TF-IDF over character 2-4-grams within words (accents folded, lower case: robust
to OCR noise) joined with TF-IDF over word 1-2-grams (negation and its scope: "do not
wish to be reunited" against "wish to be reunited"), and a multinomial logistic
regression, trained by ``training/forms_text.py`` on wordings drawn
from a grammar and a multilingual lexicon with OCR noise, the probabilities calibrated
by a temperature fitted on a validation split. Weights are exported (vocabulary, idf,
coefficients): the runtime is this file and numpy.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import numpy as np

from extractor.reader.artefacts import ModelMissing, load_arrays, load_json

SLOTS = ("parent_name", "parent_a_number", "child_names", "child_a_numbers", "date_signed",
         "read_in_language", "interpreter", "official_name", "witness", "supervisor",
         "signature", "official_signature", "none")
MEANINGS = ("reunify", "depart_without_child", "consult_attorney", "other")
NGRAMS = (2, 4)
_SPACE = re.compile(r"\s+")
_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token pattern


def normalise(text: str) -> str:
    """Lower case, accents folded (OCR often loses them), white space collapsed."""
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c))
    return _SPACE.sub(" ", t.lower()).strip()


def char_ngrams(text: str, lo: int = NGRAMS[0], hi: int = NGRAMS[1]) -> list[str]:
    """Character n-grams inside words padded with a space, as scikit-learn's
    ``analyzer="char_wb"`` makes them (the training vectoriser)."""
    out = []
    for w in text.split():
        w = f" {w} "
        for n in range(lo, hi + 1):
            if len(w) < n:
                break
            out.extend(w[i:i + n] for i in range(len(w) - n + 1))
            if len(w) == n:
                break
    return out


def word_ngrams(text: str) -> list[str]:
    """Word 1- and 2-grams as scikit-learn's ``analyzer="word"``, ngram_range (1, 2)."""
    toks = _TOKEN.findall(text)
    return toks + [f"{a} {b}" for a, b in zip(toks, toks[1:])]


def _tfidf(grams: list[str], vocab: dict[str, int], idf: np.ndarray) -> np.ndarray:
    v = np.zeros(len(vocab), np.float64)
    for g in grams:
        i = vocab.get(g)
        if i is not None:
            v[i] += 1.0
    nz = v > 0
    v[nz] = (1.0 + np.log(v[nz])) * idf[nz]  # sublinear tf, then idf
    n = np.linalg.norm(v)
    return v / n if n > 0 else v


class TextModel:
    def __init__(self, name: str):
        self.cfg = load_json(f"{name}.json")
        w = load_arrays(f"{name}.npz")
        self.vocab = {g: i for i, g in enumerate(self.cfg["vocabulary"])}
        self.words = {g: i for i, g in enumerate(self.cfg["word_vocabulary"])}
        self.idf, self.word_idf = w["idf"], w["word_idf"]
        self.coef, self.bias = w["coef"], w["intercept"]
        self.temperature = float(self.cfg["temperature"])
        self.classes = tuple(self.cfg["classes"])

    def vector(self, text: str) -> np.ndarray:
        t = normalise(text)
        return np.concatenate([_tfidf(char_ngrams(t), self.vocab, self.idf),
                               _tfidf(word_ngrams(t), self.words, self.word_idf)])

    def probabilities(self, text: str) -> dict[str, float]:
        z = (self.coef @ self.vector(text) + self.bias) / self.temperature
        z = np.exp(z - z.max())
        p = z / z.sum()
        return {c: float(pc) for c, pc in zip(self.classes, p)}

    def best(self, text: str) -> tuple[str, float]:
        p = self.probabilities(text)
        c = max(p, key=p.get)
        return c, round(p[c], 4)


@lru_cache(maxsize=None)
def model(name: str) -> TextModel:
    try:
        return TextModel(name)
    except KeyError as e:
        raise ModelMissing(f"models/forms/{name}.* lacks {e}: run `make train-models`") from e


def label_slot(text: str) -> tuple[str, float]:
    """(slot, calibrated probability) of a line's text read as a field label: one of
    SLOTS, "none" when it names no contract field."""
    return model("label_slot").best(text)


def option_meaning(text: str) -> tuple[str, float]:
    """(meaning, calibrated probability) of an election option's text: one of MEANINGS."""
    return model("option_meaning").best(text)
