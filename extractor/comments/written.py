"""Where an entry says the parent signed a form (the contract: decision_mode `written`
= the entry says a form was signed), in any word order and not negated."""
from __future__ import annotations

import re
from typing import Optional

# "signed the election paper", "SUBJ SIGNED", "executed the waiver": the parent signed
# (not "refused to sign", "no form signed", "witnessed the signature", "will sign")
_SIGNED_RE = re.compile(r"(?<![\w-])(?:subj\w*|she|he|parent|pa|detainee|mother|father|mom|dad|they|"
                        r"respondent|subject)\b[^.;]{0,25}?\b(?:signed|executed|firm[oó]|assinou|a\s+sign[ée])\b", re.I)
_UNSIGNED_RE = re.compile(r"\b(?:not|never|no|refused|declined|n't|unsigned|without)\b", re.I)
# The contract: written = the entry says a form was signed. Beside a decision, a form
# signed in any word order says so: "and signed it", "via signed form", "election signed
# by subj", "signed in presence of DO X", "per form signed 7/20", "subj signd form"
_FORM_SIGNED_RE = re.compile(
    r"\b(?:signed|signd|sigend)\s+(?:it|the\s+\w*\s*(?:form|waiver|election|paper|document)|"
    r"(?:a|an|his|her|their|this)\s+(?:\w+\s+){0,2}?(?:form|waiver|election)|form|waiver|election|in\s+(?:the\s+)?presence|"
    r"by\s+(?:subj\w*|the\s+(?:parent|subject|detainee|mother|father)|parent|pa|detainee|mother|father))\b|"
    r"\b(?:form|waiver|election)\s*[,;]?\s+(?:was\s+)?(?:signed|signd)\b(?!\s+by\s+(?:the\s+)?(?:interp\w*|officer|DO|SDDO|IEA|IO)\b)|"
    r"\b(?:via|per|on|in)\s+(?:a\s+|the\s+)?signed\s+(?:\w+\s+){0,2}?(?:form|waiver|election)|"
    # "witnessed subj's signature on the form": the parent's signature is there
    r"\b(?:subj\w*|parent|mother|father|detainee)(?:'s|’s|s)?\s+signature\s+(?:on|of)\b", re.I)
_UNSIGNED_BEFORE = re.compile(r"(?:\b(?:not|never|no|without|will|to)|n't)(?:\s+(?:yet|be|been|have|get))?\s*$", re.I)


# Documents other than the parent's election: a signature on one of them records no
# decision ("signed property receipt", "served with I-860 ... signed", "signed I-826
# electing a hearing": the immigration case, not the child)
_OTHER_DOCUMENT_RE = re.compile(
    r"\b(?:I-?\s?\d{3}[A-Z]?|receipts?|property|inventory|bond|notice\s+to\s+appear|NTA|warrant|"
    r"order\s+of\s+(?:expedited\s+)?removal|travel\s+documents?|passport|medical|consent\s+to\s+treat\w*|"
    r"fingerprints?|stipulat\w*|voluntary\s+departure|credible\s+fear|hearing|IJ|immigration\s+judge)\b", re.I)


_SOMEONE_ELSE = re.compile(r"\b(?:co-?parent|other\s+parent|spouse|husband|wife|partner|sponsor)(?:'s)?\s*$", re.I)


def other_document(text: str) -> bool:
    """Does the entry name a document other than the parent's election (then a bare
    signature in it is no decision written)?"""
    return _OTHER_DOCUMENT_RE.search(text) is not None


def signed(text: str) -> Optional[tuple[int, int]]:
    for m in _SIGNED_RE.finditer(text):
        if not _UNSIGNED_RE.search(m.group(0)):
            return m.span()
    for m in _FORM_SIGNED_RE.finditer(text):
        if _SOMEONE_ELSE.search(text[max(0, m.start() - 24):m.start()]):
            continue  # "co-parent signed the election": not the subject's signature
        if not _UNSIGNED_BEFORE.search(text[max(0, m.start() - 16):m.start()]) and not _UNSIGNED_RE.search(m.group(0)):
            return m.span()
    return None
