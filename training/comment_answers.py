"""Clause families added after the heldout_v9 look (issue 14h): the phenomena of its
misses and of the leave-one-set-out folds, never their sentences, all by composition.

* an offer and its answer in one clause, the offer worded many ways ("was offered the
  option of being removed with ...", "offered removal together", "was asked if she
  wanted to take ...") and the answer after it ("and accepted", ", SUBJ SAID NO"):
  OPTION plus the decision the answer gives;
* the request, waiver or attorney answer with something between the verb and what was
  asked ("asked through the Portuguese interpreter (#123) to be removed with ..."): the
  insertion changes nothing;
* the attorney answer as a noun ("ATTY CONSULT REQUESTED BY SUBJ", "Consult atty - per
  subj") or as an election ("elected to consult an attorney");
* a form whose box the parent marked and then signed: the marked option is the decision,
  WRITTEN;
* waiting for someone else before deciding (a relative's visit or call): UNDECIDED;
* where the parent wants the child sent: to the parent (a request) or to someone else
  (a waiver);
* something the parent did not choose declined, denied or approved by someone else ("bond
  request denied by IJ", "ATD enrollment declined by supervisor"): NONE.
"""
from __future__ import annotations

import random

from training.comment_grammar import COUNTRIES, LANGS, SERVICES, Example, _pro, child, subj

_OFFERED = ["was offered", "was given the option of", "was offered the option of", "was given the choice of",
            "was offered the opportunity of", "was presented with the option of"]
_OFFERED_TO = ["was offered", "was given the option", "was offered the option", "was given the opportunity",
               "was asked if {pro} wanted", "was asked whether {pro} wished"]


def _offer(r: random.Random, s: str, p: str, o: str) -> tuple[str, str]:
    """(the offer as a verb phrase, the child)."""
    c = child(r, p)
    ing = r.choice([f"being removed with {c}", f"being removed together with {c}", f"removal with {c}",
                    f"departing with {c}", f"taking {c}", f"travelling with {c}", f"reunification with {c}",
                    "reunification", "removal together", f"departure w/ {c}", f"being deported with {c}"])
    inf = r.choice([f"to be removed with {c}", f"to depart with {c}", f"to take {c}", f"to be removed together with {c}",
                    f"to travel w/ {c}", f"to have {c} returned to {o}", f"to reunify with {c}"])
    x = r.random()
    if x < 0.55:
        return f"{r.choice(_OFFERED)} {ing}", c
    verb = r.choice(_OFFERED_TO).format(pro=_pro(r, p))
    return f"{verb} {inf}", c


def offer_answered(r: random.Random) -> Example:
    s, p, o = subj(r)
    offer, c = _offer(r, s, p, o)
    who = r.choice(["", "", "subj ", "SUBJ ", _pro(r, p) + " ", "PA "])
    if r.random() < 0.5:
        ans, dec = r.choice(["accepted", "accepted", "agreed", "said yes", "accepted the offer", "ACCEPTED",
                             "agreed to it", "wants to go together", "said yes, wants " + c + " with " + o]), "REQUEST"
    else:
        ans, dec = r.choice(["declined", "declined", "said no", "refused", "DECLINED", "did not accept",
                             "turned it down", "said no, " + c + " stays", "does not want that"]), "WAIVE"
    sep = r.choice([" and ", ", ", "; ", " - "])
    lead = r.choice(["", "", f"After being told where {c} is, ", "Today "])
    text = f"{lead}{s} {offer}{sep}{who}{ans}"
    return Example(text, dec, {"OPTION": 1})


def _insertion(r: random.Random) -> str:
    lang = r.choice(LANGS)
    return r.choice([f"through {r.choice(['the', 'a', 'a telephonic'])} {lang} interpreter",
                     f"through {lang} interpreter ({r.choice(SERVICES)} #{r.randint(100, 99999)})",
                     f"via tel interp (#{r.randint(100, 99999)})", f"in {lang}", "again", "repeatedly",
                     "during the interview", "when asked", "(through the interpreter)", "several times",
                     "clearly", "today", "more than once", f"per {lang} interp"])


def interrupted(r: random.Random) -> Example:
    s, p, o = subj(r)
    c = child(r, p)
    ins = _insertion(r)
    go = r.choice(["removed", "deported", "returned", "repatriated", "sent back"])
    x = r.random()
    if x < 0.45:
        verb = r.choice(["asked", "requested", "stated that she wants" if p == "her" else "stated that he wants",
                         "wants", "wishes", "expressed the wish"])
        what = r.choice([f"to be {go} together with {c}", f"to be {go} with {c}", f"to take {c} with {o}",
                         f"to depart with {c}", f"that {c} be returned to {o}"])
        return Example(f"{s} {verb} {ins} {what}", "REQUEST")
    if x < 0.6:  # the same request, refused: a waiver
        verb = r.choice(["refused", "declined", "did not want", "does not wish", "REFUSED", "would not agree"])
        what = r.choice([f"to be {go} together with {c}", f"to be {go} with {c}", f"to take {c} with {o}",
                         f"to depart with {c}", f"to have {c} returned to {o}"])
        return Example(f"{s} {verb} {ins} {what}", "WAIVE")
    if x < 0.85:
        verb = r.choice(["stated", "said", "decided", "elected", "chose", "indicated"])
        what = r.choice([f"to be {go} without {c}", f"to leave {c} in the US", f"that {c} should stay with the sponsor",
                         f"that {_pro(r, p)} will go alone", f"to depart w/o {c}"])
        return Example(f"{s} {verb} {ins} {what}", "WAIVE")
    verb = r.choice(["asked", "requested", "stated that she wants" if p == "her" else "stated that he wants"])
    return Example(f"{s} {verb} {ins} to {r.choice(['consult', 'speak with', 'see'])} "
                   f"{r.choice(['an attorney', 'a lawyer', 'her attorney', 'counsel'])}", "ATTORNEY")


def attorney_nominal(r: random.Random) -> Example:
    s, p, o = subj(r)
    lawyer = r.choice(["ATTY", "Atty", "attorney", "ATTORNEY", "lawyer", "counsel"])
    act = r.choice(["consult", "consultation", "CONSULT"])
    by = r.choice(["by subj", "BY SUBJ", "by PA", "by the parent", "per subj", ""])
    t = r.choice([
        f"{lawyer} {act} {r.choice(['requested', 'REQUESTED', 'req', 'wanted'])} {by}".rstrip(),
        f"{r.choice(['Consult', 'CONSULT', 'consult w/'])} {lawyer} {r.choice(['- per subj', 'per subj', 'first', 'before deciding', '- PER PA', ''])}".rstrip(),
        f"{s} {r.choice(['elected', 'chose', 'opted', 'decided'])} to {r.choice(['consult', 'speak with', 'talk to', 'call'])} "
        f"{r.choice(['an attorney', 'a lawyer', 'counsel', p + ' attorney'])}{r.choice(['', ' first', ' before deciding', ' on the form'])}",
    ])
    return Example(t, "ATTORNEY")


def form_marked(r: random.Random) -> Example:
    s, p, o = subj(r)
    c = child(r, p)
    mark = r.choice(["marked", "checked", "selected", "ticked", "initialed", "MARKED", "circled"])
    if r.random() < 0.5:
        what, dec = r.choice(["reunification", "the reunification box", f"the option to depart with {c}",
                              "the box to be removed with " + c, "REUNIF"]), "REQUEST"
    else:
        what, dec = r.choice(["depart without child", "the box to depart without " + c, "the waiver option",
                              f"the option to leave {c} in the US", "DEPART W/O CHILD"]), "WAIVE"
    where = r.choice(["", " on the form", " on the separated parent form", " on the election form"])
    signed = r.choice([" and signed", ", signed", "; signed it", " and signed the form", ". FORM SIGNED"])
    return Example(f"{s} {mark} {what}{where}{signed}", dec, {"WRITTEN": 1})


def waits_for_someone(r: random.Random) -> Example:
    s, p, o = subj(r)
    c = child(r, p)
    who = r.choice([f"{p} sister", f"{p} husband" if p == "her" else f"{p} wife", "family", "the sponsor",
                    f"{p} mother", "relatives in " + r.choice(COUNTRIES), f"{c}'s father" if p == "her" else f"{c}'s mother"])
    event = r.choice(["visits", "calls", "calls back", "arrives", "can be reached", "comes on Sunday"])
    t = r.choice([
        f"{s} {r.choice(['wants', 'prefers', 'would like'])} to wait until {who} {event} "
        f"{r.choice(['before deciding', 'to decide', 'before making a decision'])}{r.choice(['', ' about ' + c])}",
        f"{s} will decide {r.choice(['after', 'once'])} {who} {event}",
        f"{s} {r.choice(['is waiting for', 'is waiting to hear from'])} {who} before {r.choice(['deciding', 'answering'])}",
    ])
    return Example(t, "UNDECIDED")


def decided_by_else(r: random.Random) -> Example:
    thing = r.choice(["ATD enrollment", "Bond request", "Parole request", "Transfer request", "Visitation request",
                      "The stay request", "Release request", "Medical diet request", "The request for a phone call",
                      "Humanitarian parole"])
    verb = r.choice(["declined", "denied", "refused", "approved", "DENIED", "rejected", "granted"])
    by = r.choice(["supervisor", "the supervisor", "the IJ", "HQ", "the AFOD", "the facility", "medical", "OPLA"])
    tail = r.choice(["", ", subj remains detained", "; subj notified", ", NFA", "; will resubmit"])
    return Example(f"{thing} {verb} by {by}{tail}", "NONE")


def child_sent(r: random.Random) -> Example:
    """Where the parent wants the child sent: to the parent (a request) or to someone
    else (a waiver)."""
    s, p, o = subj(r)
    c = child(r, p)
    verb = r.choice(["wants", "asked that", "requests", "would like", "WANTS", "now wants"])
    be = " be" if verb == "asked that" else ""
    moved = r.choice(["returned", "brought", "sent", "transported", "taken"])
    if r.random() < 0.55:
        where = r.choice([f"to {o}", f"to {o} for removal", f"to {o} before removal", f"back to {o}",
                          "to the family center so they can leave together", f"to {o} at the airport",
                          f"to {o} so they travel together"])
        return Example(f"{s} {verb} {c}{be} {moved} {where}", "REQUEST")
    where = r.choice(["to the sponsor", f"to {p} sister in the US", "to relatives in the US", "to an uncle in Texas",
                      "to the grandmother in the US", "to family here"])
    return Example(f"{s} {verb} {c}{be} {moved} {where}{r.choice(['', ' and will depart alone', ', not with ' + o])}",
                   "WAIVE")


ANSWER_FAMILIES = [(offer_answered, 4), (interrupted, 3), (attorney_nominal, 2), (form_marked, 1),
                   (waits_for_someone, 1), (decided_by_else, 1), (child_sent, 2)]
