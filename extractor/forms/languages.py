"""The languages a form is printed in, by function words (extractor.lexicon.STOPWORDS).

Two different questions, two counts:

- ``page_languages``: the language(s) of the whole printed page, labels included. It
  sets the date convention (a Spanish or Portuguese form writes the day first).
- ``option_languages``: the contract's ``form_languages``, the languages the printed
  ELECTION OPTIONS are in. A form with bilingual labels but English-only options (the
  June 2018 removal form prints partial Spanish in its labels) is an English form for
  F-LANGUAGE: the parent could not read the choice itself. Counted over the option
  block the election reader finds (extractor.forms.options), never over the labels. When no
  option block is found the page's languages are the only evidence, and they are taken
  as a doubt (a reviewer looks) rather than as a reading of the options.
"""
from __future__ import annotations

import re
from typing import Iterable

from extractor import lexicon
from extractor.model import Page, Word

_TOKEN = re.compile(r"[^\W\d_]+")
#: words of a confident OCR reading only
MIN_WORD_CONF = 0.5


def _counts(words: Iterable[Word]) -> dict[str, int]:
    counts = {k: 0 for k in lexicon.STOPWORDS}
    for w in words:
        if w.conf < MIN_WORD_CONF:
            continue
        # "mi(s) hijo(s)", "child(ren)": the word before its plural marker counts
        for t in _TOKEN.findall(w.text.lower()):
            for lang, sw in lexicon.STOPWORDS.items():
                if t in sw:
                    counts[lang] += 1
    return counts


def _decide(counts: dict[str, int], min_hits: int, min_share: float) -> list[str]:
    total = sum(counts.values())
    if total == 0:
        return []
    langs = [l for l, c in counts.items() if c >= min_hits and c / total >= min_share]
    if "por" in langs and "spa" in langs and counts["por"] < counts["spa"]:
        langs.remove("por")  # shared words ("antes", "junto") are not Portuguese
    if not langs:
        langs = [max(counts, key=counts.get)]
    return sorted(langs)


def page_languages(page: Page) -> tuple[list[str], float]:
    """Languages of all the page's printed words (labels and options): the date
    convention. (6 hits and 15 % of the hits each.)"""
    counts = _counts(page.words)
    total = sum(counts.values())
    langs = _decide(counts, 6, 0.15)
    if not langs:
        return [], 0.0
    conf = 0.95 if total >= 30 else 0.7
    if min(counts[l] / total for l in langs) < 0.2:
        conf -= 0.2
    return langs, conf


def option_words(page: Page) -> list[Word]:
    """The printed words of the page's election option block (all its options, each
    with its translation and continuation lines), as the election reader groups them."""
    from extractor.forms.options import find_options, page_lines
    if not page.words:
        return []
    return [w for o in find_options(page_lines(page)) for ln in o.lines for w in ln.all_words]


def option_text_ids(page: Page) -> set[int]:
    """ids of the option block's printed words, for the field reader to leave alone: an
    option's words ("... sin mi(s) hijo(s);") are neither a label nor a value. A line
    with a colon in it is a label's, even when it sits right under the options."""
    from extractor.forms.options import find_options, page_lines
    if not page.words:
        return set()
    return {id(w) for o in find_options(page_lines(page)) for ln in o.lines
            if not any(_label_colon(x.text) for x in ln.all_words) for w in ln.all_words}


def _label_colon(t: str) -> bool:
    """A word ending a label ("Name:"), not box debris read with a colon ("O:")."""
    return t.rstrip().endswith(":") and sum(c.isalpha() for c in t) >= 2


def option_languages(page: Page) -> tuple[list[str], float, str]:
    """(languages, confidence, provenance) of the printed options. An option block is a
    few sentences: a language is in it with 3 function words and a tenth of the hits (a
    translation line among longer English ones; a one-language block shows at most a
    stray hit of another language); a block with few hits is a weaker reading. No block: the page's languages, doubtful
    (below the rubric's pass cut, so a non-English page cannot pass F-LANGUAGE on the
    strength of its labels)."""
    words = option_words(page)
    counts = _counts(words)
    total = sum(counts.values())
    if words and total >= 4:
        langs = _decide(counts, 3, 0.1)
        conf = 0.9 if total >= 10 else 0.7
        if min(counts[l] / total for l in langs) < 0.25:
            conf -= 0.15
        return langs, conf, "option block stopwords"
    langs, conf = page_languages(page)
    return langs, min(conf, 0.5), "page stopwords (no option block read)"
