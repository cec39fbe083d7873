"""From one entry's comment text to the contract's case-comment fields.

The text-derived fields (decision, decision_mode, info_provided, option_offered,
language, interpreter_or_fluent, witness_name, child_names) come from the spaCy
pipeline in :mod:`nlp`; the header fields (a_number, entry_date, author) come from the
table's columns or the printout's header line and are added by the callers.

Each value is a :class:`Found`: value, confidence and the character span of the
comment text it was read from (the caller turns it into a Field with evidence).
"""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc

from extractor.comments import doubts, fallback, guards, offers, turns
from extractor.comments.found import Found
from extractor.comments.found import repaired as _repaired
from extractor.comments.speech import children as _children
from extractor.comments.speech import interpreter as _interpreter
from extractor.comments.speech import language as _language
from extractor.comments.speech import witness as _witness
from extractor.comments.written import other_document as _other_document
from extractor.comments.written import signed as _signed
from extractor.comments.nlp import get_nlp

DECISION_LABELS = {"WAIVE": "waive_reunification", "REQUEST": "requests_reunification",
                   "ATTORNEY": "consult_attorney", "UNDECIDED": "undecided"}
_CODES = {v: k for k, v in DECISION_LABELS.items()}
#: a clause needs this much support to carry a decision
DECISION_MIN = 0.5
#: a later decision this sure overrides an earlier one (a change of mind)
LATER_MIN = 0.7
#: a clause is confidently unrelated only when the classifier gives NONE at least this;
#: below it an entry with no decision read is about the choice (C-DECISION goes to a
#: reviewer as `unknown`, never `not_applicable`). On the validation sets every entry
#: whose decision was missed has NONE < 0.25; the unrelated notes mostly > 0.6.
NONE_CONFIDENT = 0.5
FLAG_MIN = 0.5
# "Unsure means unknown": a value read with less support than these is reported with
# UNSURE_CONFIDENCE, which is below the rubric's pass threshold (0.6) and above its fail
# threshold (0.35), so its check goes to a reviewer as `unknown` instead of passing on a
# guess. Chosen on the validation sets v2-v6 (never dev): on them every decision read
# wrongly as a waiver/request/attorney for an undecided parent scored under 0.93 and most
# under 0.7; 0.7 sends 27 of 319 right decisions to a reviewer.
DECISION_SURE = 0.7
FLAG_SURE = 0.65
UNSURE_CONFIDENCE = 0.5


def analyze(text: str) -> dict[str, Optional[Found]]:
    """The text-derived fields of one entry's comment (None = not recorded)."""
    doc = get_nlp()(text or "")
    out: dict[str, Optional[Found]] = {}
    out.update(_decision_and_flags(doc))
    dec = out["decision"]
    if dec is not None and dec.span is not None and guards.unsupported(
            doc.text, _repaired(doc.text), _CODES[dec.value], doc.text[dec.span[0]:dec.span[1]]):
        out["decision"] = out["decision_mode"] = None  # read where the entry records none
    dec = out["decision"]
    if dec is not None and dec.value == "waive_reunification" and dec.span:
        later = fallback.request_after_no(doc.text[dec.span[0]:dec.span[1]])
        if later is not None:  # the "no" answered another question; the request stands, unsure
            span = (dec.span[0] + later[0], dec.span[0] + later[1])
            out["decision"] = Found("requests_reunification", UNSURE_CONFIDENCE, span, "rule:request after another no")
    dec = out["decision"]
    fix = fallback.shorthand_answer(doc.text) or guards.negated_opposite(doc.text)
    if dec is not None and fix is not None and DECISION_LABELS[fix[0]] != dec.value:
        # "W/ SON: NO. W/O SON: YES", "is not waiving reunification": the written answer, unsure
        out["decision"] = Found(DECISION_LABELS[fix[0]], UNSURE_CONFIDENCE, fix[1], "rule:answer over textcat")
    if out["decision"] is None:
        stated = fallback.stated_decision(doc.text)
        if stated is not None:  # plain words the classifier missed: unsure, for a reviewer
            out["decision"] = Found(DECISION_LABELS[stated[0]], UNSURE_CONFIDENCE, stated[1], "rule:stated")
            out["decision_mode"] = Found("oral", UNSURE_CONFIDENCE, stated[1], "rule:stated")
    out["about_choice"] = _about_choice(doc) if out["decision"] is None else None
    out["language"] = _language(doc)
    out["interpreter_or_fluent"] = _interpreter(doc)
    out["witness_name"] = _witness(doc)
    out["child_names"] = _children(doc)
    mode = out.get("decision_mode")
    if out["decision"] is None:
        span = _signed(doc.text) if not _other_document(doc.text) else None
        if span is not None:  # "SUBJ signed the election form": written, whatever it chose
            out["decision_mode"] = Found("written", UNSURE_CONFIDENCE, span, "rule:signed, no decision read")
    elif mode is not None and mode.value == "oral":
        span = _signed(doc.text)
        if span is not None:  # the parent signed something: the decision is in writing
            out["decision_mode"] = Found("written", 0.7, span, "rule:signed")
    opt = out.get("option_offered")
    if opt is not None and opt.value is True and opt.span and guards.lawyer_offer_only(doc.text[opt.span[0]:opt.span[1]]):
        out["option_offered"] = opt = Found(False, 0.7, None, "rule:only a lawyer or call offered")
    if opt is not None and opt.value is False:
        span = offers.stated_offer(doc.text)
        if span is not None:
            out["option_offered"] = Found(True, 0.8, span, "rule:offer written out")
    info = out.get("info_provided")
    if info is not None and info.value is False:
        span = offers.stated_information(doc.text)
        if span is not None:  # read by a rule, not the classifier: a reviewer confirms
            out["info_provided"] = Found(True, UNSURE_CONFIDENCE, span, "rule:told, unsure")
    doubts.apply(doc.text, _repaired(doc.text), doc._.clause_cats or [], out)
    return out


def _classify(text: str) -> dict:
    """The clause classifier's scores for a piece of a clause."""
    from extractor.comments.features import featurize

    feats = featurize(text)
    if not feats.strip():
        return {}
    return dict(next(iter(get_nlp().get_pipe("comment_classifier").clf.pipe([feats]))).cats)


# ---- trained: decision and flags -----------------------------------------------------

def _decision_and_flags(doc: Doc) -> dict[str, Optional[Found]]:
    clauses = doc._.clause_cats or []
    decided = []  # (score, label, span) of every clause that records a decision, in order
    for a, b, cats in clauses:
        dec = {k: cats.get(k, 0.0) for k in ("WAIVE", "REQUEST", "ATTORNEY", "UNDECIDED", "NONE")}
        label = max(dec, key=dec.get)
        if label == "NONE" or dec[label] < DECISION_MIN:
            continue
        if label == "ATTORNEY" and fallback.refuses_lawyer(doc.text[a:b]):
            continue  # "does not wish to speak to an attorney": no attorney answer
        decided.append((dec[label], label, (a, b)))
    best = None
    if decided:
        # an entry ends with the outcome ("initially requested ..., later stated ..."): the
        # last confident decision counts; a weak last one yields to a clearly stronger one
        top = max(d[0] for d in decided)
        best = next(d for d in reversed(decided) if d[0] >= LATER_MIN or d[0] >= top - 0.2)
    if best is None:
        # no clause decided, but one turns from a former answer to a later one ("initially
        # said ..., but after ... changed her mind and now wants ..."): the later one, unsure
        best = next(((UNSURE_CONFIDENCE, later[0], later[1]) for a, b, _ in clauses
                     for later in [turns.later_decision(doc.text, clauses, (a, b), _classify)] if later), None)
    elif best is not None:
        # "previously wanted X but today says Y": the former decision is not the outcome
        later = turns.later_decision(doc.text, clauses, best[2], _classify)
        if later is not None and later[0] != best[1]:
            best = (UNSURE_CONFIDENCE, later[0], later[1])
    if best is not None and best[1] == "UNDECIDED":
        # "wants to see a lawyer first. No decision today": the attorney is why there is no
        # decision yet, and the more specific answer
        att = [(c.get("ATTORNEY", 0.0), (a, b)) for a, b, c in clauses
               if c.get("ATTORNEY", 0.0) >= DECISION_MIN
               and c["ATTORNEY"] == max(c.get(k, 0.0) for k in ("WAIVE", "REQUEST", "ATTORNEY", "UNDECIDED", "NONE"))]
        if att:
            best = (att[-1][0], "ATTORNEY", att[-1][1])
    out: dict[str, Optional[Found]] = {}
    if best is None:
        out["decision"] = None
    elif best[0] < DECISION_SURE:
        out["decision"] = Found(DECISION_LABELS[best[1]], UNSURE_CONFIDENCE, best[2], "textcat:unsure")
    else:
        out["decision"] = Found(DECISION_LABELS[best[1]], round(best[0], 3), best[2], "textcat")
    for flag, name in (("INFO", "info_provided"), ("OPTION", "option_offered"),
                       ("WRITTEN", "decision_mode")):
        top = max(clauses, key=lambda c: c[2].get(flag, 0.0), default=None)
        p = top[2].get(flag, 0.0) if top else 0.0
        span = (top[0], top[1]) if top and p >= FLAG_MIN else None
        if name == "decision_mode":
            if out["decision"] is None:
                out[name] = None
            elif p >= FLAG_MIN:
                out[name] = Found("written", round(p, 3), span, "textcat")
            else:
                out[name] = Found("oral", round(min(out["decision"].confidence, 1 - p), 3),
                                  out["decision"].span, "textcat")
        elif FLAG_MIN <= p < FLAG_SURE:
            out[name] = Found(True, UNSURE_CONFIDENCE, span, "textcat:unsure")
        elif p >= FLAG_MIN and name == "info_provided" and not _says_what(doc, clauses):
            # only "the form was read" / "options explained": something was told, not what
            # the form's content (its options and their consequences) is what the parent
            # was told, but not what the officer added: information, unsure, so C-INFO
            # goes to a reviewer (independent writers label this both ways)
            out[name] = Found(True, UNSURE_CONFIDENCE, span, "textcat:form read, content not recorded")
        else:
            out[name] = Found(p >= FLAG_MIN, round(p if p >= FLAG_MIN else 1 - p, 3), span, "textcat")
    return out


# Canonical words that say WHAT the parent was told (consequences, the child's custody,
# whereabouts or own case, legal help), not only that a form or a list of options was read.
# The audit faulted comments that "did not say what the parent was told".
_SUBSTANCE_WORDS = {"consequences", "consequence", "implications", "orr", "custody", "sponsor",
                    "shelter", "relief", "case", "attorney", "rights", "right", "happen",
                    "happens", "remain", "stay", "placed", "released", "located", "care",
                    "court", "order", "settlement", "process", "airport", "safe", "counsel",
                    "asylum", "claims", "class", "whereabouts", "where", "location", "would", "will"}


def _says_what(doc: Doc, clauses) -> bool:
    """Does some clause read as information also name what the parent was told?"""
    from extractor.comments.features import featurize

    for a, b, cats in clauses:
        if cats.get("INFO", 0.0) >= FLAG_MIN:
            words = set(featurize(doc.text[a:b]).replace("NOT_", "").split())
            if words & _SUBSTANCE_WORDS:
                return True
    return False


# Canonical feature words (after :func:`features.featurize`) that are about the parent's
# choice: the child, reunification, removal with/without the child, an option, a form,
# legal help (speaking with an attorney first is one of the choices the contract names).
_CHOICE_WORDS = {"child", "reunification", "reunified", "waiver", "waived", "election", "option",
                 "options", "choice", "choices", "orr", "sponsor", "elected", "form", "together",
                 "decision", "decide", "decides", "deciding", "undecided", "choose", "attorney"}


def _about_choice(doc: Doc) -> Optional[Found]:
    """Does an entry with no decision read still speak of the parent's choice? Either a
    clause the classifier is not confident is unrelated (NONE below 0.5) or gives a flag,
    or the entry's canonical words name the child, reunification, an option or a form
    (misspellings repaired first)."""
    from extractor.comments.features import featurize

    for a, b, cats in doc._.clause_cats or []:
        if not cats:
            continue  # nothing left to classify (punctuation, numbers)
        unsure = cats.get("NONE", 1.0) < NONE_CONFIDENT
        flag = max(cats.get(k, 0.0) for k in ("INFO", "OPTION", "WRITTEN"))
        words = set(featurize(doc.text[a:b]).replace("NOT_", "").split())
        if unsure or flag >= FLAG_MIN or words & _CHOICE_WORDS:
            how = "textcat" if unsure or flag >= FLAG_MIN else "words"
            return Found(True, round(max(1 - cats.get("NONE", 1.0), flag, 0.5), 3), (a, b), how)
    return None
