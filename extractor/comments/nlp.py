"""The case-comment spaCy pipeline: registered rule components and the trained classifier.

``get_nlp()`` builds it once per process (module-level cache) from ``spacy.blank("en")``:

1. ``comment_clauses``: sentence boundaries from :func:`features.split_clauses`
   (officer shorthand defeats spaCy's punctuation sentencizer: "FOD K. Wilson", "U.S.").
2. ``entity_ruler``: LANGUAGE (Spanish ... Ixil, with spelling variants), INTERP
   (interpreter services and shorthand: Language Line, "via interp", "TEL INTERP"),
   FLUENT (officer fluency), TITLE (DO/SDDO/AFOD/FOD/ERO/IEA...).
3. ``comment_regex_ents``: A_NUMBER and DATE spans (``doc.spans["rules"]``), via the
   shared normalisers, which already know OCR confusions and date conventions;
   ``comment_officers``: a Matcher for OFFICER spans, title + name ("SDDO K. Brown").
4. ``comment_classifier``: runs the trained ``textcat_multilabel`` pipeline
   (``models/comments/clf``) on each clause's :func:`features.featurize` text and
   stores the per-clause scores in ``Span._.cats`` / ``Doc._.clause_cats``.
"""
from __future__ import annotations

import logging
import re
import threading
from pathlib import Path
from typing import Optional

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from extractor.comments.features import featurize, fold, split_clauses
from extractor.normalize import LANGUAGE_NAMES, find_a_numbers, parse_date

log = logging.getLogger(__name__)

TITLES = ("DO", "SDDO", "AFOD", "FOD", "ERO", "IEA", "SDO", "DDO", "SIEA", "ADDO", "SDDO",
          "Officer", "Ofc", "Agent", "Supervisor")

for _name, _default in (("cats", None),):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=_default)
if not Doc.has_extension("clause_cats"):
    Doc.set_extension("clause_cats", default=None)


@Language.component("comment_clauses")
def comment_clauses(doc: Doc) -> Doc:
    """Sentence starts at the clause boundaries of :func:`split_clauses`."""
    starts = {a for a, _ in split_clauses(doc.text)}
    for i, tok in enumerate(doc):
        tok.is_sent_start = i == 0 or tok.idx in starts
    return doc


_A_LOOSE_RE = re.compile(r"A\s*[-#:]?\s*\d[\d\s\-]{7,11}\d|\b\d{2,3}[-\s]\d{3}[-\s]\d{3}\b|\b\d{8,9}\b")


@Language.component("comment_regex_ents")
def comment_regex_ents(doc: Doc) -> Doc:
    """A_NUMBER and DATE spans found by the shared normalisers."""
    spans = []
    for m in _A_LOOSE_RE.finditer(doc.text):
        if find_a_numbers(m.group(0)):
            sp = doc.char_span(m.start(), m.end(), label="A_NUMBER", alignment_mode="expand")
            if sp is not None:
                spans.append(sp)
    for m in re.finditer(r"\d{1,4}[/\-.]\d{1,2}[/\-.]\d{2,4}|[A-Za-z]{3,9}\.? \d{1,2},? \d{4}|"
                         r"\d{1,2}(?: de)? [A-Za-z]{3,10}\.?,?(?: de)? \d{4}", doc.text):
        if parse_date(m.group(0)):
            sp = doc.char_span(m.start(), m.end(), label="DATE", alignment_mode="expand")
            if sp is not None:
                spans.append(sp)
    doc.spans["rules"] = spans
    return doc


class OfficerMatcher:
    """OFFICER spans: a title (DO, SDDO, AFOD, FOD, ERO, IEA...) and the name after it
    ("SDDO K. Brown", "AFOD Wilhelmina Oyarzun"), longest match, in ``doc.spans["officers"]``."""

    def __init__(self, nlp: Language, name: str):
        from spacy.matcher import Matcher

        self.matcher = Matcher(nlp.vocab)
        name_tok = {"TEXT": {"REGEX": r"^[A-ZÀ-Ý](?:[A-Za-zÀ-ÿ'’\-]*|\.)$"}}
        self.matcher.add("OFFICER", [[{"TEXT": {"IN": list(TITLES)}}, dict(name_tok, OP="{1,3}")]],
                         greedy="LONGEST")

    def __call__(self, doc: Doc) -> Doc:
        spans = [Span(doc, s, e, label="OFFICER") for _, s, e in self.matcher(doc)]
        doc.spans["officers"] = sorted(spans, key=lambda sp: sp.start)
        return doc


@Language.factory("comment_officers")
def make_comment_officers(nlp: Language, name: str) -> OfficerMatcher:
    return OfficerMatcher(nlp, name)


class ClauseClassifier:
    """Wraps the trained clause classifier (a separate spaCy pipeline on disk)."""

    def __init__(self, nlp: Language, name: str, model_dir: str):
        self.name = name
        self.model_dir = model_dir
        self._clf: Optional[Language] = None

    @property
    def clf(self) -> Language:
        if self._clf is None:
            from extractor import models_dir
            what = "the case-comment clause classifier"
            path = (Path(self.model_dir) if self.model_dir
                    else models_dir.model_dir("comments/clf", "meta.json", what))
            if not (path / "meta.json").exists():
                raise models_dir.ModelMissingError(f"{what} is missing at {path}: {models_dir.HINT}")
            try:
                self._clf = spacy.load(path)
            except (OSError, ValueError, KeyError) as exc:  # spaCy's errors derive from these
                raise models_dir.corrupt("comments/clf", what, type(exc).__name__) from None
        return self._clf

    def __call__(self, doc: Doc) -> Doc:
        sents = list(doc.sents) if len(doc) else []
        feats = [featurize(s.text) for s in sents]
        # a clause with no words left (punctuation, numbers only) carries nothing; the
        # bag-of-ngrams model cannot take an empty doc
        live = [i for i, f in enumerate(feats) if f.strip()]
        cats = [dict() for _ in sents]
        for i, cdoc in zip(live, self.clf.pipe([feats[i] for i in live])):
            cats[i] = dict(cdoc.cats)
        out = []
        for sent, c in zip(sents, cats):
            sent._.cats = c
            out.append((sent.start_char, sent.end_char, c))
        doc._.clause_cats = out
        return doc


@Language.factory("comment_classifier", default_config={"model_dir": ""})
def make_comment_classifier(nlp: Language, name: str, model_dir: str) -> ClauseClassifier:
    return ClauseClassifier(nlp, name, model_dir)


def _language_patterns() -> list[dict]:
    pats = []
    for code, names in LANGUAGE_NAMES.items():
        variants = set()
        for n in names:
            for v in (n, fold(n), n.replace("'", "’"), n.replace("'", ""), n.replace("'", " ")):
                variants.add(v.lower())
        extra = {"quc": ["quiche", "k'iche", "kiche'", "k’iche’"], "kjb": ["q'anjobal", "q’anjob’al", "kanjobal", "qanjob'al"],
                 "acr": ["achi", "achí"], "spa": ["spanish/español", "spanish/espanol", "espanol"],
                 "hat": ["haitian-creole", "kreyol ayisyen"]}.get(code, [])
        variants.update(extra)
        for v in sorted(variants):
            pats.append({"label": "LANGUAGE", "pattern": v, "id": code})
    return pats


INTERP_PHRASES = ["interpreter", "interpreters", "interp", "interpreted", "interpreting",
                  "interpretation", "language line", "languageline", "lionbridge",
                  "transperfect", "commgap", "telephonic interpreter", "tel interp",
                  "via interp", "intérprete", "interprete", "translator", "translated",
                  "via ll", "ll interpreter", "ll interp"]  # LL: officers' shorthand for Language Line
FLUENT_PHRASES = ["fluent", "fluently", "native spanish speaker", "native speaker", "bilingual",
                  "habla español", "spanish-speaking officer"]


def _ruler_patterns() -> list[dict]:
    pats = _language_patterns()
    pats += [{"label": "INTERP", "pattern": p} for p in INTERP_PHRASES]
    pats += [{"label": "FLUENT", "pattern": p} for p in FLUENT_PHRASES]
    pats += [{"label": "TITLE", "pattern": [{"ORTH": t}]} for t in TITLES]
    return pats


_LOCK = threading.Lock()
_NLP: Optional[Language] = None


def build_nlp(model_dir: str = "") -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("comment_clauses")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(_ruler_patterns())
    nlp.add_pipe("comment_regex_ents")
    nlp.add_pipe("comment_officers")
    nlp.add_pipe("comment_classifier", config={"model_dir": model_dir})
    return nlp


def get_nlp() -> Language:
    """The pipeline, built once per process."""
    global _NLP
    if _NLP is None:
        with _LOCK:
            if _NLP is None:
                _NLP = build_nlp()
                log.info("case-comment pipeline: %s", _NLP.pipe_names)
    return _NLP
