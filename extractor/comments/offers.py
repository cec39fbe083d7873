"""The option offered (and information given), when an officer writes it out plainly and the classifier missed it.

A general fact of these entries: an officer who *told* the parent (advised, informed,
explained, offered, read) of an option, right, choice or process about the child going
*with* the parent (reunification, removal/departure/travel with the child, taking the
child) offered the option C-OPTION asks for, however the rest of the entry is worded.
"""
from __future__ import annotations

import re
from typing import Optional

_TOLD = r"(?:adv\w*|advis\w*|inform\w*|infd|told|explain\w*|expl|explanation|offered|given|read|reread|briefed|notified)"
_WHAT = (r"(?:option\w*|opt|right|choice\w*|what\s+happens|opportunit\w*|process|(?:may|can|could)\s+(?:request|ask|choose)|"
         r"what\s+would\s+happen\s+if)")
_WITH = (r"(?:reunif\w*|(?:removed|removal|depart\w*|dept|travel\w*|return\w*|go(?:ing)?)\s+(?:together\s+)?(?:with|w/)|"
         r"(?:removed|removal|depart\w*|travel\w*|leav\w*|go(?:ing)?)\s+together|returned\s+to\s+(?:him|her|them)|"
         r"(?:take|bring|taking|bringing)\s+(?:the\s+|her\s+|his\s+|their\s+)?(?:child|children|son|daughter|kids?|uac|minor|baby|him|her|them))")
_ASKED_PARENT = r"(?:she|he|they|subj\w*|the\s+(?:parent|mother|father|detainee)|parent|detainee)"
_RES = [re.compile(rf"\b{_TOLD}\b[^.;]{{0,100}}?\b{_WHAT}\b[^.;]{{0,40}}?{_WITH}", re.I),
        # "both options were explained", "advised of both options"
        re.compile(rf"\b{_TOLD}\b[^.;]{{0,30}}?\bboth\s+(?:options|choices)\b|"
                   rf"\bboth\s+(?:options|choices)\b[^.;]{{0,20}}?\b(?:was|were)\s+{_TOLD}\b", re.I),
        # the officer asked whether the parent wanted the child with them: the question is the offer
        re.compile(rf"\basked\s+(?:(?:him|her|them|subj\w*|the\s+\w+)\s+)?(?:if|whether)\s+{_ASKED_PARENT}\s+"
                   rf"(?:wants?|wanted|wish\w*|would\s+like)\b[^.;]{{0,50}}?(?:{_WITH}|returned|back\b)", re.I),
        # "advised of the reunification option"
        re.compile(rf"\b{_TOLD}\b[^.;]{{0,40}}?\breunif\w*\s+(?:option|choice|process|right)s?\b", re.I),
        # "offered removal with the child", "offered removal together", "accepted the offer
        # of reunification": the thing offered is the option itself
        re.compile(rf"\b(?:offered|offer\s+(?:of|to))\b[^.;]{{0,40}}?{_WITH}|\breunif\w*\s+offer\b", re.I),
        # "told she can return with her son or leave him": what the parent *can* do, with the child
        re.compile(rf"\b{_TOLD}\b[^.;]{{0,40}}?\b(?:can|could|may|is\s+able\s+to)\s+(?:be\s+)?"
                   rf"(?:removed|deported|return\w*|go|depart\w*|travel\w*|leave)\b[^.;]{{0,30}}?"
                   rf"\b(?:with|w/)\s+(?:(?:her|his|their|the|both|all|two|three|four|five|\d+)\s+)*"
                   rf"(?:child\w*|son|sons|daughter\w*|kids?|baby|girls?|boys?|twins|uac|minor|"
                   rf"(?:him|her|them)(?=\s*(?:[.,;)]|$|\s+(?:or|to|back|home|together)\b)))\b", re.I),
        # what the agency can do: "told that ICE can remove her together with her child",
        # "explained that ICE will reunite him with his son before removal if he chooses"
        re.compile(rf"\b{_TOLD}\b[^.;]{{0,80}}?\b(?:can|could|will|would|may)\s+(?:be\s+able\s+to\s+)?"
                   rf"(?:reunite|remove|deport|return|send|repatriate)\s+(?:her|him|them|subj\w*|the\s+parent)\s+"
                   rf"(?:together\s+)?(?:with|w/)\s+(?:(?:her|his|their|the|both|all|two|three|four|five|\d+)\s+)*"
                   rf"(?:child\w*|son|sons|daughter\w*|kids?|baby|girls?|boys?|twins|uac|minor)\b", re.I),
        # "explained that her son could accompany her on the flight"
        re.compile(rf"\b{_TOLD}\b[^.;]{{0,60}}?\b(?:can|could|may|would\s+be\s+able\s+to)\s+(?:accompany|join|travel\s+with|"
                   rf"go\s+with|be\s+removed\s+with|fly\s+with|be\s+returned\s+to)\s+(?:her|him|them|subj\w*|the\s+parent)\b", re.I),
        # "Reunification option offered", "removal w/ child explained": the option named, then told
        re.compile(rf"(?:{_WITH}|\breunif\w*)(?:\s+(?:option|choice|process|right)s?)?\s+(?:was\s+|were\s+)?"
                   rf"(?:offered|explained|given|discussed)\b", re.I),
        # the officer asked the parent about removal with the child
        re.compile(rf"\basked\s+(?:about|re:?|regarding)\s+{_WITH}", re.I),
        # Spanish and Portuguese: "se le ofreció la opción de salir juntos", "foi oferecida a opção"
        re.compile(r"\bofreci[oó]\s+(?:la\s+)?(?:opci[oó]n|posibilidad)|\b(?:foi\s+)?oferecid[ao]\s+a\s+op[cç][aã]o|"
                   r"\bofereceu\s+a\s+op[cç][aã]o", re.I),
        # "Option of removal with her son was explained" (an option, not a right given up)
        re.compile(rf"\b(?:option|choice)s?\b[^.;]{{0,40}}?{_WITH}[^.;]{{0,60}}?\b(?:was|were)\s+{_TOLD}\b", re.I)]
# "was not advised of the option": no offer
_NEG = re.compile(r"\b(?:not|never|n't|no|without|failed\s+to)\b", re.I)


def stated_offer(text: str) -> Optional[tuple[int, int]]:
    """Where an offer of the option is written out, or None."""
    for rx in _RES:
        m = rx.search(text)
        if m and not _NEG.search(text[max(0, m.start() - 12):m.end()]):
            return m.span()
    return None


# What the parent was told about: legal help, consequences, the child's custody or place.
_ABOUT = (r"(?:attorney|atty|lawyer|counsel|pro\s*bono|legal|consequences?|custody|shelter|orr|sponsor|"
          r"safe|located|location|whereabouts|remains?|stays?|process|court)")
_INFO_RES = [re.compile(rf"\b{_TOLD}\b[^.;]{{0,80}}?\b{_ABOUT}\b", re.I),
             re.compile(r"\b(?:pro\s*bono|legal\s+(?:aid|services?))\s+list\b[^.;]{0,20}?\b(?:provided|given)|"
                        r"\b(?:provided|given|gave)\b[^.;]{0,20}?\b(?:pro\s*bono|legal\s+(?:aid|services?))\s+list\b", re.I)]


# the parent telling the officer ("told this officer", "Ms. X advised that ..."), or an
# interpreter "provided by" a service: nobody told the parent anything
_PARENT_TELLS_AFTER = re.compile(r"\w*\s+(?:by|this\s+officer|the\s+officer|officers?|me|ero|us|the\s+undersigned)\b", re.I)
_PARENT_TELLS_BEFORE = re.compile(r"\b(?:(?:Ms|Mr|Mrs|Sra|Sr)\.?\s+[A-Z][\w'-]+|detainee|subject|parent|"
                                  r"mother|father|she|he)\s+$", re.I)


def stated_information(text: str) -> Optional[tuple[int, int]]:
    """Where the entry says the parent was told something of substance, or None."""
    for rx in _INFO_RES:
        for m in rx.finditer(text):
            if _NEG.search(text[max(0, m.start() - 12):m.start() + 12]):
                continue
            if rx is _INFO_RES[0] and (_PARENT_TELLS_AFTER.match(text, m.start())
                                       or _PARENT_TELLS_BEFORE.search(text[max(0, m.start() - 30):m.start()])):
                continue
            return m.span()
    return None
