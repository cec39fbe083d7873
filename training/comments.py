"""Train the case-comment clause classifiers (reproducible, CPU, well under a minute).

  .venv/bin/python -m training.comments [--out models/comments/clf] [--n 20000]

Data: clauses from the paraphrase grammar (:mod:`training.comment_grammar` with
:mod:`training.comment_offers`,
:mod:`training.comment_notes` and :mod:`training.comment_phrases`, fixed seed) plus the
hand-written examples in ``models/comments/data/handwritten.jsonl`` plus, since issue 14g,
the independent hand-written entry sets ``heldout_v2..v9.jsonl`` and ``heldout_v11.jsonl``
(:mod:`training.comment_sets`; v10 is kept for validation:
whole entries with their labels, x8, and each clause with the labels its entry fixes;
``--sets`` with no names trains on the grammar alone). The words of a clean
(noise-free) pass of the same grammar are saved beside the model as ``known_words.txt``:
:mod:`extractor.comments.spelling` repairs unknown words towards them, at training and at
inference alike. The
model reads :func:`features.featurize` text, never raw text, so training and inference
see the same canonical vocabulary. One spaCy ``textcat_multilabel`` component on a
blank English pipeline with eight labels: the decision (WAIVE / REQUEST / ATTORNEY /
UNDECIDED / NONE, exactly one is 1 in training; inference takes the arg-max) and the
flags INFO / OPTION / WRITTEN. (spaCy keeps one ``doc.cats`` per doc, so an exclusive
``textcat`` beside a multilabel one would see the other's labels.) A bag-of-ngrams (1-3) model: fast, small, and with negation-marked tokens they
capture scope ("NOT_without") that a plain bag of words cannot.

``--arch ensemble`` trains spaCy's TextCatEnsemble instead (a CNN tok2vec over NORM,
PREFIX, SUFFIX and SHAPE hash embeddings, beside the same bag of n-grams): the
comparison is in models/comments/README.md.
"""
from __future__ import annotations

import argparse
import json
import random
import time
from collections import Counter
from pathlib import Path

import spacy
from spacy.training import Example as SpacyExample

from training import comment_corpus as corpus
from training import comment_grammar as grammar
from training import comment_sets
from extractor.comments import features
from extractor.comments.features import featurize
from extractor.comments.spelling import Speller, count_words, save_counts

ROOT = Path(__file__).resolve().parents[1]
MODEL_DIR = ROOT / "models" / "comments"
DATA_DIR = MODEL_DIR / "data"
SEED = 13


def load_handwritten(path: Path = DATA_DIR / "handwritten.jsonl") -> list[grammar.Example]:
    out = []
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.lstrip().startswith("//"):
                d = json.loads(line)
                out.append(grammar.Example(d["text"], d.get("decision", "NONE"),
                                           {k: 1 for k in d.get("flags", [])}))
    return out


BOW = {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": False,
       "ngram_size": 3, "no_output_layer": False, "length": 65536}
ENSEMBLE = {"@architectures": "spacy.TextCatEnsemble.v2", "nO": None,
            "tok2vec": {"@architectures": "spacy.Tok2Vec.v2",
                        "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": 64,
                                  "rows": [5000, 2000, 2000, 500],
                                  "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"],
                                  "include_static_vectors": False},
                        "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": 64,
                                   "window_size": 1, "maxout_pieces": 3, "depth": 2}},
            "linear_model": BOW}


def build_blank(arch: str = "bow") -> "spacy.language.Language":
    nlp = spacy.blank("en")
    ml = nlp.add_pipe("textcat_multilabel", config={"model": ENSEMBLE if arch == "ensemble" else BOW})
    for label in grammar.DECISIONS + grammar.FLAGS:
        ml.add_label(label)
    return nlp


def training_examples(n: int, seed: int = SEED) -> list[grammar.Example]:
    hand = load_handwritten()
    return corpus.generate(n, seed) + hand * 5  # hand-written ones weigh more


def known_words(n: int, seed: int) -> Counter:
    """Words of a noise-free pass of the grammar, the hand-written clauses and the
    feature vocabulary: what the speller may repair towards."""
    counts = count_words(e.text for e in corpus.generate(n, seed, noisy=False))
    counts.update(count_words(e.text for e in load_handwritten()))
    for k, v in features._WORDS.items():
        counts.update({w: 2 for w in (k, v) if w.isalpha()})
    return counts


def train(out: Path, n: int = 20000, epochs: int = 6, seed: int = SEED, verbose: bool = True,
          arch: str = "bow", sets: tuple[str, ...] = comment_sets.SETS, set_weight: int = 8) -> Path:
    """``sets``: hand-written entry sets trained on beside the grammar
    (:mod:`training.comment_sets`; ``()`` for the grammar alone, as before issue 14g)."""
    t0 = time.time()
    random.seed(seed)
    spacy.util.fix_random_seed(seed)
    counts = known_words(n, seed)
    kept = Counter({w: c for w, c in counts.items() if c >= 2})
    features.use_speller(Speller(kept))
    data = training_examples(n, seed)
    nlp = build_blank(arch)
    docs = [(featurize(e.text), e.cats()) for e in data]
    docs += [(featurize(t), c) for t, c in comment_sets.examples(sets, set_weight)]
    examples = [SpacyExample.from_dict(nlp.make_doc(t), {"cats": c}) for t, c in docs]
    optimizer = nlp.initialize(lambda: examples[:500])
    rng = random.Random(seed)
    for epoch in range(epochs):
        rng.shuffle(examples)
        losses: dict = {}
        for batch in spacy.util.minibatch(examples, size=64):
            nlp.update(batch, sgd=optimizer, losses=losses, drop=0.1)
        if verbose:
            print(f"epoch {epoch + 1}: " + ", ".join(f"{k} {v:.2f}" for k, v in losses.items()),
                  flush=True)
    out.mkdir(parents=True, exist_ok=True)
    nlp.meta["name"] = "waiverscan_comments"
    nlp.meta["description"] = "Clause classifiers for case comments (see models/comments/README.md)"
    nlp.meta["training"] = {"examples": len(examples), "seed": seed, "epochs": epochs,
                            "grammar_n": n, "arch": arch, "sets": list(sets),
                            "set_weight": set_weight}  # no timestamps: a rebuild is byte-identical
    nlp.to_disk(out)
    save_counts(kept, out / "known_words.txt")
    features.reset_speller()
    if verbose:
        print(f"saved {out} in {time.time() - t0:.1f}s", flush=True)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--out", type=Path, default=MODEL_DIR / "clf")
    ap.add_argument("--n", type=int, default=20000, help="grammar clauses to generate")
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--arch", choices=("bow", "ensemble"), default="bow")
    ap.add_argument("--sets", nargs="*", default=list(comment_sets.SETS),
                    help="hand-written entry sets to train on (none: the grammar alone)")
    ap.add_argument("--set-weight", type=int, default=8)
    a = ap.parse_args()
    train(a.out, a.n, a.epochs, a.seed, arch=a.arch, sets=tuple(a.sets), set_weight=a.set_weight)


if __name__ == "__main__":
    main()
