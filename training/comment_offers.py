"""Clause families for the case-comment grammar added after the issue-14b first looks
(the phenomena, never the sentences, of heldout_v4/v5/v6 misses), all by composition:

* offers worded as what the parent may *request* or *ask for* ("may request to depart
  with", "can ask that the child be returned to her") and options listed as choices
  (OPTION);
* an option declined or accepted by name ("declined the option to take her son"): the
  decision and OPTION, since an option turned down was an option offered;
* refusing to say or to answer, without a lawyer in sight (UNDECIDED), against the same
  refusal until a lawyer is there (ATTORNEY, in the grammar's attorney family);
* legal help named many ways (public defender, abogado, legal aid): ATTORNEY;
* what the parent was told, named as a topic ("advised of the right to counsel and of
  the child's location", "briefed on what would happen if ...") (INFO);
* decisions written as nouns ("REUNIF REQUESTED BY SUBJ", "chose departure w/o child");
* requests for something unrelated ("requested a laundry exchange"): NONE, so the word
  "requested" alone decides nothing.
"""
from __future__ import annotations

import random

from training.comment_grammar import Example, _pro, _told, child, subj

_MAY = ["may", "can", "could", "is able to", "has the right to", "is entitled to"]
_ASK = ["request", "ask", "REQ", "apply"]


def offer_as_request(r: random.Random) -> Example:
    s, p, o = subj(r)
    c = child(r, p)
    pro = _pro(r, p)
    what = r.choice([f"to depart with {c}", f"to be removed with {c}", f"to be removed together with {c}",
                     f"that {c} be returned to {o} prior to removal", f"that {c} travel with {o}",
                     f"reunification with {c}", f"to take {c}", f"to have {c} brought to the airport"])
    ask = r.choice(_ASK)
    what = what if ask != "apply" else r.choice([f"for reunification with {c}", f"to depart with {c}"])
    t = r.choice([
        f"{_told(r)} that {pro} {r.choice(_MAY)} {ask} {what}",
        f"{s} was {r.choice(['advised', 'told', 'informed', 'ADV'])} that {pro} {r.choice(_MAY)} {ask} {what}",
        f"{_told(r)} {p} options{r.choice([' including', ', including', ':'])} {r.choice(['departing with', 'removal with', 'being removed with', 'taking'])} {c}",
        f"{_told(r)} that {pro} could {r.choice(['be removed', 'depart', 'travel', 'go'])} with {c}",
        f"{s} was told {pro} could take {c}{r.choice(['', ' but that the sponsor case would close', ' if ' + pro + ' wished'])}",
    ])
    return Example(t, "NONE", {"OPTION": 1})


def option_answered(r: random.Random) -> Example:
    s, p, o = subj(r)
    c = child(r, p)
    thing = r.choice(["the option", "the offer", "the opportunity", "the chance", "the choice"])
    act = r.choice([f"take {c}", f"bring {c}", f"depart with {c}", f"be removed with {c}",
                    f"travel with {c}", f"reunify with {c}", f"take {c} with {o}"])
    if r.random() < 0.6:
        verb = r.choice(["declined", "DECLINED", "refused", "rejected", "turned down", "did not take",
                         "did not accept", "decl", "waived"])
        return Example(f"{s} {verb} {thing} to {act}", "WAIVE", {"OPTION": 1})
    verb = r.choice(["accepted", "ACCEPTED", "took", "agreed to", "chose"])
    return Example(f"{s} {verb} {thing} to {act}", "REQUEST", {"OPTION": 1})


def refused_to_say(r: random.Random) -> Example:
    s, p, o = subj(r)
    c = child(r, p)
    pro = _pro(r, p)
    what = r.choice([f"whether {pro} wants {c} removed with {o}", f"whether or not {pro} will take {c}",
                     f"if {pro} wants to depart with {c}", "what " + pro + " wants", f"whether {c} goes with {o}"])
    t = r.choice([
        f"{s} {r.choice(['refused', 'declined', 'would not', 'did not want'])} to {r.choice(['say', 'answer', 'state', 'tell this officer', 'disclose'])} {what}",
        f"{s} {r.choice(['declined to answer', 'did not provide a clear answer', 'gave no clear answer', 'refused to answer', 'would not commit'])}{r.choice(['', ' today', ' when asked ' + what])}",
        f"{s} {r.choice(['has not made up', 'hasnt made up', 'has not made'])} {p} mind about {what}",
    ])
    return Example(t, "UNDECIDED")


def legal_help(r: random.Random) -> Example:
    s, p, o = subj(r)
    who = r.choice(["a public defender", "the public defender", "an abogado", "her abogada", "legal aid",
                    "an immigration lawyer", "a legal services provider", "his attorney of record", "a notary lawyer"])
    t = r.choice([
        f"{s} {r.choice(['wants', 'req', 'REQ', 'requested', 'asked', 'would like'])} to {r.choice(['speak', 'talk', 'consult'])} {r.choice(['to', 'with', 'w/'])} {who}{r.choice(['', ' first', ' before deciding', ' before answering'])}",
        f"{s} {r.choice(['wants', 'asked for', 'requested'])} {who}{r.choice(['', ' before deciding', ' first'])}",
    ])
    return Example(t, "ATTORNEY")


def told_topics(r: random.Random) -> Example:
    s, p, o = subj(r)
    c = child(r, p)
    pro = _pro(r, p)
    topics = [f"{p} right to counsel", "the right to consult an attorney", f"{c}'s location",
              f"where {c} is", "the list of free legal services", f"what would happen to {c}",
              f"{c}'s placement in ORR care", "the consequences of each choice"]
    a, b = r.sample(topics, 2)
    t = r.choice([
        f"{r.choice(['Advised', 'ADV', 'Informed', 'Told'])} {r.choice(['SUBJ', 'subject', 'PA'])} of {a}{r.choice(['', ' and ' + b, ', ' + b])}",
        f"{s} was {r.choice(['briefed', 'told', 'informed'])} {r.choice(['on', 'about', 'of'])} what would happen if {pro} {r.choice(['chose to travel with', 'took', 'left', 'departed without'])} {c}",
        f"{s} was {r.choice(['informed', 'advised', 'told'])} of {a}",
    ])
    return Example(t, "NONE", {"INFO": 1})


def request_else(r: random.Random) -> Example:
    s, _, _ = subj(r)
    thing = r.choice(["laundry exchange", "a laundry exchange", "a haircut", "hygiene items", "a Bible",
                      "new shoes", "a commissary form", "a medical visit", "a legal call", "extra blankets",
                      "a copy of the handbook", "a sick call slip", "a call to the consulate", "a diet tray"])
    return Example(f"{s} {r.choice(['requested', 'REQUESTED', 'req', 'asked for', 'REQUESTS', 'requests'])} {thing}", "NONE")


def nominal(r: random.Random) -> Example:
    s, p, o = subj(r)
    c = child(r, p)
    by = s if s[:1].isupper() and s.split()[0] in ("SUBJ", "PA") else s.lower() if len(s) > 3 else s
    go = r.choice(["departure", "removal", "return", "repatriation", "travel"])
    if r.random() < 0.5:
        t = r.choice([
            f"{r.choice(['Reunification', 'REUNIF', 'Reunif', 'Removal with ' + c, 'Departure with ' + c])} {r.choice(['requested', 'REQUESTED', 'req', 'chosen', 'elected', 'desired'])} by {by}",
            f"{s} {r.choice(['chose', 'elected', 'opted for', 'requested', 'wants', 'prefers'])} {go} {r.choice(['with', 'w/', 'together with'])} {c}",
        ])
        return Example(t, "REQUEST")
    t = r.choice([
        f"{r.choice(['Departure', 'Removal', 'Return'])} {r.choice(['without', 'w/o', 'W/O'])} {c} {r.choice(['chosen', 'elected', 'requested', 'preferred'])} by {by}",
        f"{s} {r.choice(['chose', 'elected', 'opted for', 'requested', 'wants', 'prefers'])} {go} {r.choice(['without', 'w/o', 'W/O'])} {c}",
        f"{r.choice(['Waiver of reunification', 'Reunification waived', 'REUNIF DECLINED'])} by {by}",
    ])
    return Example(t, "WAIVE")


OFFER_FAMILIES = [(nominal, 3), (offer_as_request, 3), (option_answered, 3), (refused_to_say, 2), (legal_help, 2),
                  (told_topics, 3), (request_else, 2)]
