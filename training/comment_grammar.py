"""A paraphrase grammar of officers' case-comment clauses, for training the classifiers.

Every clause is generated from a template of slots (subject, child, verb, language...)
filled at random, so the classifier sees thousands of surface forms per meaning and
learns the meaning rather than a sentence. Labels per clause:

* ``decision``: WAIVE, REQUEST, ATTORNEY, UNDECIDED or NONE (no decision in the clause)
* ``INFO``: the clause records what the parent was told (consequences, options, the form
  read to them); ``OPTION``: it records that removal with the child was offered;
  ``WRITTEN``: it says a form/waiver was signed. Negated forms ("was not advised of",
  "refused to sign") carry 0.

``generate(n, seed)`` is deterministic. Hand-written examples (tricky negation and scope)
live in ``models/comments/data/handwritten.jsonl`` and are added by the trainer.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from training import comment_phrases as P

DECISIONS = ("WAIVE", "REQUEST", "ATTORNEY", "UNDECIDED", "NONE")
FLAGS = ("INFO", "OPTION", "WRITTEN")


@dataclass
class Example:
    text: str
    decision: str = "NONE"
    flags: dict = field(default_factory=dict)

    def cats(self) -> dict:
        c = {d: float(d == self.decision) for d in DECISIONS}
        c.update({f: float(bool(self.flags.get(f))) for f in FLAGS})
        return c


FIRST = ["Maria", "José", "Ana", "Juan", "Rosa", "Pedro", "Lucía", "Diego", "Marta", "Carlos",
         "Elena", "Santos", "Wendy", "Brayan", "Yeimi", "Kevin", "Heidy", "Ángel", "Mateo",
         "Ixchel", "Fabiola", "Edwin", "Dulce", "Nelson", "Glenda", "Oscar", "Reina", "Byron"]
LAST = ["López", "Pérez", "Tzul", "Ajú", "Chávez", "Xicará", "Cux", "Ramírez", "Coj", "Batz",
        "Morales", "Hernández", "Quiñónez", "Pu", "Ordóñez", "Tum", "Sic", "Calel", "Mejía",
        "Orellana", "Castro", "Yax", "Ixcoy", "Velásquez", "Sosa", "Bámaca", "Chun", "Aguilar"]
COUNTRIES = ["Guatemala", "Honduras", "El Salvador", "Mexico", "Brazil", "Haiti", "Ecuador",
             "Nicaragua", "his country", "her country", "home country"]
TITLES = ["DO", "SDDO", "AFOD", "FOD", "ERO", "IEA", "Officer", "SDO"]
LANGS = ["Spanish", "SPANISH", "español", "Portuguese", "Haitian Creole", "Creole", "K'iche'",
         "Quiché", "Mam", "MAM", "Q'anjob'al", "Kanjobal", "Kaqchikel", "Achi", "Achí", "Ixil",
         "French", "Spanish/Español"]
SERVICES = ["Language Line", "Lionbridge", "TransPerfect", "CommGap", "LL", "telephonic"]
ORGS = ["a legal aid group", "the county legal clinic", "a church legal program", "the law school clinic",
        "a nonprofit", "her consulate", "the public defender's immigration unit", "a pro bono program"]


def _name(r: random.Random) -> str:
    return f"{r.choice(FIRST)} {r.choice(LAST)}" + (f" {r.choice(LAST)}" if r.random() < 0.4 else "")


def _officer(r: random.Random) -> str:
    last = r.choice(["Smith", "Garcia", "Nguyen", "Brown", "Kowalski", "Patel", "Rivera", "Lee",
                     "Hughes", "Davis", "O'Brien", "Fitzgerald", "Castillo", "Moore"])
    first = r.choice(["", "J. ", "K. ", "M. ", "Laura ", "Tom ", "R. "])
    return f"{r.choice(TITLES)} {first}{last}"


def subj(r: random.Random) -> tuple[str, str, str]:
    """(subject, possessive, object pronoun)."""
    g = r.random() < 0.5
    pos, obj = ("her", "her") if g else ("his", "him")
    fem = ["Subject", "SUBJ", "Subj", "PA", "Parent", "Detainee", "The mother", "Mother",
           "The parent", "Alien", "The alien", "She", "Ms. " + r.choice(LAST), "Mrs. " + r.choice(LAST),
           "Client", "Respondent", "The detainee", "Parent/alien"]
    mas = ["Subject", "SUBJ", "Subj", "PA", "Parent", "Detainee", "The father", "Father",
           "The parent", "Alien", "He", "Mr. " + r.choice(LAST), "Client", "The detainee", "Sr. " + r.choice(LAST)]
    if r.random() < 0.04:  # several parents in one entry
        return r.choice(P.PLURAL_SUBJECTS), "their", "them"
    return r.choice(fem if g else mas), pos, obj


def child(r: random.Random, pos: str) -> str:
    if r.random() < 0.06:  # the child already named before: "declined to take him"
        return r.choice(["him", "her", "them"])
    noun = r.choice(["child", "son", "daughter", "children", "minor child", "kids", "son",
                     "daughter", "child", "USC child", "two children", "minor"])
    det = r.choice([pos, pos, pos, "the", "the", ""]) if noun not in ("two children",) else pos
    out = f"{det} {noun}".strip()
    if r.random() < 0.25:
        nm = _name(r) if r.random() < 0.6 else r.choice(FIRST)
        out += r.choice([f" {nm}", f" ({nm})", f", {nm},"])
    return out


def _pick(r, xs):
    x = r.choice(xs)
    return x(r) if callable(x) else x


# ---- clause families ---------------------------------------------------------------

def waive(r: random.Random) -> Example:
    s, p, o = subj(r)
    c = child(r, p)
    ctry = r.choice(COUNTRIES)
    go = r.choice(["depart", "be removed", "be deported", "return", "leave", "go back",
                   "be repatriated", "travel", "be returned to " + ctry, "return to " + ctry])
    want = r.choice(["wants to", "wishes to", "wished to", "elects to", "elected to", "chose to",
                     "decided to", "opted to", "prefers to", "would like to", "will", "is going to",
                     "stated she will" if p == "her" else "stated he will", "agreed to", "asked to",
                     "requested to", "desires to", "plans to"])
    alone = r.choice(["alone", "by herself" if p == "her" else "by himself", "without " + c,
                      "w/o " + c, "without " + c, "without " + c, "w/o " + c])
    t = r.choice([
        f"{s} {want} {go} {alone}",
        f"{s} {want} {go} {alone} and leave {c} in the {r.choice(['US', 'U.S.', 'United States'])}",
        f"{s} {r.choice(['chose', 'decided', 'elected', 'prefers', 'wants', 'wishes'])} to leave {c} in the {r.choice(['US', 'U.S.', 'United States'])}",
        f"{s} {r.choice(['declined', 'DECLINED', 'refused', 'rejected', 'turned down', 'waived', 'relinquished', 'renounced', 'forfeited', 'gave up'])} reunification{r.choice(['', ' with ' + c, ' w/ ' + c, ' for removal'])}",
        f"{s} {r.choice(['declined', 'refused', 'rejected', 'turned down'])} the option to {r.choice(['depart', 'be removed', 'reunify'])} with {c}",
        f"{s} {r.choice(['declined', 'DECLINED', 'declined the offer', 'declined the option', 'refused'])}",
        f"{s} does not want to be {r.choice(['reunified', 'reunited', 'removed with', 'deported with'])}{' ' + c if r.random() < 0.5 else ''}{r.choice(['', ' for purposes of removal', ' prior to removal'])}",
        f"{s} {r.choice(['does not want', 'did not want', 'does not wish', 'did not wish', 'doesnt want', 'will not', 'refuses', 'refused'])} to {r.choice(['take', 'bring', 'travel with', 'be removed with', 'depart with'])} {c}{r.choice(['', ' back', ' with ' + o, ' back to ' + ctry])}",
        f"{s} {r.choice(['does not want', 'did not want', 'doesnt want'])} {c} to {r.choice(['return', 'go back', 'travel', 'be removed'])}{r.choice(['', ' to ' + ctry, ' with ' + o])}",
        f"{s} {r.choice(['wants', 'wishes for', 'would like'])} {c} to {r.choice(['stay', 'remain'])} in the {r.choice(['US', 'U.S.', 'United States'])}{r.choice(['', ' with the sponsor', ' with family', ' with a relative'])}",
        f"{s} wants {c} to {r.choice(['stay', 'remain'])} with {r.choice(['the sponsor', 'family', 'an uncle', 'her sister', 'relatives'])} and will {r.choice(['depart', 'leave', 'be removed'])} alone",
        f"{s} {r.choice(['is not asking for', 'does not seek', 'turned down'])} reunification{r.choice([' and', ';', ','])} {want} {go} {alone}",
        f"{s} {r.choice(['is not asking for', 'did not ask for', 'does not ask for', 'not asking for', 'has not requested'])} reunification",
        f"{s} {r.choice(['will not bring', 'refuses to bring', 'will not take'])} {c} back {r.choice(['to ' + ctry, 'home', ''])}{r.choice(['', ', says ' + c + ' is safer here', ' b/c of threats'])}",
        f"{s} said {c} {r.choice(['is safer', 'will be safer', 'will do better', 'has more chances'])} {r.choice(['here', 'in the US', 'with the sponsor'])} and will {r.choice(['go', 'travel', 'fly back'])} without {o if r.random()<0.3 else c}",
        f"{r.choice(['Oral waiver', 'ORAL WAIVER', 'Verbal waiver', 'Waiver'])} of reunification {r.choice(['taken', 'obtained', 'given', 'recorded', 'accepted'])}",
        f"{s} {r.choice(['orally waived', 'verbally waived', 'waived', 'gave up'])} {r.choice(['reunification', 'the right to reunification', 'reunif', 'reunification w/ ' + c])}",
        f"{s} {r.choice(['elects', 'elected', 'chose'])} to be removed alone; {c} to remain in ORR custody",
        f"{s} {r.choice(['indicated', 'said', 'stated'])} {p[0] if False else ('she' if p == 'her' else 'he')} will not take {c} with {o}",
        f"{s} will {r.choice(['depart', 'leave', 'return'])} without {c}",
        f"{s} {r.choice(['declined', 'DECLINED', 'decl', 'would not agree', 'is unwilling', 'was unwilling', 'did not agree'])} to {r.choice(['take', 'bring', 'travel with', 'fly with'])} {c}{r.choice(['', ' on the removal flight', ' back', ' with ' + o, ' along'])}",
        f"{s} {r.choice(['is leaving', 'will leave', 'leaves', 'is going to leave'])} {c} {r.choice(['with the sponsor', 'w/ the sponsor', 'with family', 'here', 'in the US', 'behind', 'with ' + r.choice(['her sister', 'an uncle', 'the grandmother'])])}",
        f"{s} {r.choice(['relinquished', 'gave up', 'waived', 'renounced'])} {r.choice([p + ' right', 'the right', 'the option'])} to be {r.choice(['removed', 'deported', 'returned', 'reunified'])} with {c}",
        f"{s} {r.choice(['DECL', 'DECLINED', 'decl'])} {r.choice(['REUNIF', 'reunif', 'reunification'])}",
        f"{s} {r.choice(['does not want', 'doesnt want', 'does not wish'])} to {r.choice(['reunify', 'be reunified'])} with {c}",
        f"{s} wants {c} to {r.choice(['stay', 'remain'])}",
        f"{s} agreed to leave {c} in ORR custody",
        f"{c} to {r.choice(['remain', 'stay'])} in {r.choice(['ORR custody', 'the US', 'the U.S.', 'the care of the sponsor'])}",
        f"{c} {r.choice(['will remain', 'to remain', 'stays'])} with {r.choice(['the sponsor', 'relatives', 'an aunt'])} in the US",
        f"{s} {r.choice(['declined', 'refused', 'rejected', 'turned down'])} {r.choice(['removal', 'repatriation', 'departure', 'being removed', 'travel'])} {r.choice(['together with', 'with', 'along with', 'w/'])} {c}",
        f"{s} {r.choice(['declined', 'refused', 'did not want'])} to have {c} {r.choice(['returned', 'removed', 'sent back', 'deported'])} with {o}",
        f"{s} has no {r.choice(['interest in', 'intention of', 'desire for'])} {r.choice(['reunifying', 'reunification', 'taking ' + c, 'being removed with ' + c])}",
        f"{s} does not intend to take {c}{r.choice(['', ' with ' + o, ' back'])}",
        f"{s} {r.choice(['would rather', 'prefers that'])} {c} {r.choice(['stay', 'remain', 'stays', 'remains'])} {r.choice(['here', 'in the US', 'with relatives in the US'])}",
    ])
    # an option turned down was an option offered
    return Example(t, "WAIVE", {"OPTION": 1} if " the option to " in t else {})


def offered_then(r: random.Random) -> Example:
    """The offer and the answer in one clause: OPTION plus the decision."""
    s, p, o = subj(r)
    c = child(r, p)
    offer = r.choice([f"was offered {r.choice(['removal', 'reunification', 'departure', 'to depart'])} with {c}",
                      f"was offered reunification{r.choice(['', ' before removal', ' prior to removal'])}",
                      f"was given the option to {r.choice(['depart', 'be removed'])} with {c}",
                      f"was asked if {_pro(r, p)} {r.choice(['wants', 'wished'])} to take {c}"])
    if r.random() < 0.5:
        ans = r.choice(["declined", "declined it", "refused", "said no", "turned it down", "rejected the offer"])
        dec = "WAIVE"
    else:
        ans = r.choice(["accepted", "accepted it", "agreed", "said yes", "accepted the offer"])
        dec = "REQUEST"
    t = r.choice([f"{s} {offer} and {ans}", f"{s} {offer}; {ans}",
                  f"{s} {offer}, {r.choice(['SUBJ', 'subject', 'PA', _pro(r, p)])} {ans}",
                  f"{s} {r.choice(['accepted', 'declined'])} the offer to {r.choice(['depart', 'be removed', 'travel'])} {r.choice(['together with', 'with'])} {c}"])
    if t.endswith(c) and " the offer to " in t:
        dec = "REQUEST" if " accepted the offer" in t else "WAIVE"
    return Example(t, dec, {"OPTION": 1})


def waive_written(r: random.Random) -> Example:
    s, p, o = subj(r)
    c = child(r, p)
    form = r.choice(["the waiver", "the election form", "the parental election form",
                     "the reunification waiver form", "the waiver form", "form I-xxx",
                     "the Ms. L election form", "the separation waiver", "a waiver"])
    t = r.choice([
        f"{s} {r.choice(['signed', 'executed', 'SIGNED', 'completed and signed', 'signed and dated'])} {form}{r.choice([' choosing to depart without ' + c, ' electing to depart w/o ' + c, ' electing removal without ' + c]) if 'waiver' not in form else r.choice(['', ' choosing to depart without ' + c])}",
        f"{s} {r.choice(['signed', 'executed'])} {form} in {r.choice(['front of this officer', 'the presence of this officer', 'my presence'])}",
        f"{r.choice(['SUBJ', 'Subject', 'PA', 'Parent'])} {r.choice(['SIGNED', 'signed'])} {r.choice(['WAIVER OF REUNIFICATION', 'waiver of reunification', 'waiver'])}{r.choice(['', ' (COPY TO A-FILE)', ', form to A-file', ' - copy in A-file'])}",
        f"{s} signed {form}; {r.choice(['elected', 'chose'])} to depart without {c}",
        f"{s} signed the form {r.choice(['electing', 'choosing'])} to {r.choice(['depart', 'be removed'])} {r.choice(['without', 'w/o'])} {c}",
        f"{s} signed {form} waiving reunification{r.choice(['', ' with ' + c])}",
        f"{r.choice(['Waiver', 'Election form', 'Form'])} signed by {s.lower() if s[0].isupper() and len(s) > 3 else s}{r.choice(['', ' electing to depart without ' + c])}",
        f"{r.choice(['Waiver', 'Reunification waiver', 'Waiver of reunification', 'Signed waiver'])} {r.choice(['signed', 'executed', 'signed and witnessed', 'signed and placed in file', 'placed in A-file', 'uploaded'])}",
        f"{s} {r.choice(['agreed to sign', 'was willing to sign', 'accepted to sign'])} {r.choice(['the waiver', 'the waiver form', 'the form waiving reunification'])}{r.choice(['', ' and signed it', '; signed'])}",
    ])
    return Example(t, "WAIVE", {"WRITTEN": 1})


def request_written(r: random.Random) -> Example:
    s, p, o = subj(r)
    c = child(r, p)
    form = r.choice(["the election form", "the parental election form", "the form",
                     "the reunification election form", "Form I-xxx"])
    t = r.choice([
        f"{s} {r.choice(['signed', 'executed', 'completed and signed'])} {form} {r.choice(['choosing', 'electing', 'requesting', 'selecting'])} {r.choice(['reunification', 'to depart with ' + c, 'removal with ' + c, 'to be reunified with ' + c])}",
        f"{s} signed {form}; {r.choice(['elected', 'chose'])} to {r.choice(['depart', 'be removed'])} with {c}",
        f"{r.choice(['Election form', 'Form'])} signed by {r.choice(['subject', 'PA', 'parent'])} requesting reunification",
    ])
    return Example(t, "REQUEST", {"WRITTEN": 1})


def form_signed_only(r: random.Random) -> Example:
    t = r.choice(["Parental election form signed", "PARENTAL ELECTION FORM SIGNED",
                  "Election form signed and placed in A-file", "Form signed",
                  "Signed election form uploaded to A-file", "Signed form scanned into the A-file"])
    return Example(t, "NONE", {"WRITTEN": 1})


def request(r: random.Random) -> Example:
    s, p, o = subj(r)
    c = child(r, p)
    ctry = r.choice(COUNTRIES)
    go = r.choice(["removed", "deported", "returned", "reunified", "repatriated", "sent back",
                   "returned to " + ctry, "removed to " + ctry, "reunited"])
    want = r.choice(["wants to be", "wishes to be", "wished to be", "requested to be",
                     "asked to be", "requests to be", "would like to be", "is requesting to be",
                     "requesting to be", "desires to be", "REQUESTED TO BE", "elected to be",
                     "wants to be"])
    with_ = r.choice(["with", "WITH", "w/", "together with", "along with"])
    t = r.choice([
        f"{s} {want} {go} {with_} {c}",
        f"{s} {want} {go} {with_} {c} prior to removal",
        f"{r.choice(['letter', 'Letter', 'note', 'written request', 'email'])} from {r.choice(['father', 'mother', 'parent', 'subject', 'PA'])} requesting to be {r.choice(['removed', 'returned', 'deported', 'reunified'])} {with_} {c}",
        f"{s} {r.choice(['wants', 'wishes', 'requested', 'asked', 'would like'])} to {r.choice(['return', 'depart', 'go back', 'travel', 'leave'])}{r.choice(['', ' to ' + ctry, ' home'])} {with_} {c}",
        f"{s} {r.choice(['will not', 'does not want to', 'refuses to', 'refused to', 'did not want to', 'is not willing to', 'wont'])} {r.choice(['leave', 'depart', 'be removed', 'go', 'return'])} without {c}",
        f"{s} {r.choice(['is not willing', 'refused', 'refuses', 'declined'])} to sign {r.choice(['any waiver', 'the waiver', 'a waiver'])}; wants {c} back",
        f"{s} wants {c} back",
        f"{s} {r.choice(['requests', 'requested', 'is requesting', 'asked for', 'wants', 'REQ', 'REQUESTS', 'seeks'])} {r.choice(['reunification', 'reunif', 'REUNIFICATION', 'to reunify'])}{r.choice(['', ' with ' + c, ' w/ ' + c, ' prior to removal'])}",
        f"{r.choice(['Requests', 'REQUESTS', 'Requested', 'Req'])} {r.choice(['reunification', 'REUNIFICATION', 'reunif'])}",
        f"Per {ctry} consular official, {s} {r.choice(['wishes', 'wants', 'requests'])} to return with {c}",
        f"{s} {r.choice(['accepted', 'agreed to', 'elected', 'chose'])} {r.choice(['reunification', 'the option to be removed with ' + c, 'removal with ' + c, 'to depart with ' + c])}",
        f"{s} {r.choice(['elected', 'chose', 'decided'])} to {r.choice(['depart', 'be removed', 'return'])} with {c}",
        f"{s} does not want to {r.choice(['depart', 'leave', 'be removed'])} without {c}",
        f"{s} wants to take {c} with {o}",
        f"{s} {r.choice(['does not want to', 'will not', 'refuses to', 'did not want to', 'cannot'])} leave {c} {r.choice(['in the US', 'here', 'behind', 'in ORR custody', 'with strangers'])}{r.choice(['', '; wants ' + r.choice(['him', 'her', 'them']) + ' on the same flight', ', wants to travel together'])}",
        f"{s} wants {r.choice(['him', 'her', 'them', c])} {r.choice(['on the same flight', 'with ' + o + ' on the plane', 'on the flight with ' + o])}",
        f"{s} {r.choice(['wants', 'wishes'])} {c} to {r.choice(['return', 'travel', 'depart', 'be removed'])} with {o}",
        f"{s} wants {c} to {r.choice(['accompany', 'go with', 'travel with'])} {o}",
        f"{s} {r.choice(['insists', 'insisted'])} on {r.choice(['reunification', 'departing with ' + c, 'taking ' + c])}",
        f"{s} {r.choice(['refused', 'declined', 'will not sign'])} {r.choice(['to waive', 'to give up'])} reunification",
        f"{s} {r.choice(['will not', 'does not want to', 'refuses to', 'stated he will not', 'stated she will not'])} {r.choice(['leave', 'depart', 'go back to', 'return to'])} {r.choice(['the US', 'the United States', ctry, 'this country'])} without {c}",
        f"{s} {r.choice(['does not want to be', 'refuses to be'])} separated from {c}{r.choice(['', ' and wants to leave with ' + o, ' again'])}",
        f"{s} {r.choice(['expressed', 'voiced'])} {r.choice(['a desire', 'the wish', 'desire'])} to {r.choice(['reunify', 'be reunified', 'depart', 'be removed'])} with {c}",
        f"{s} {r.choice(['asked', 'requested'])} that {c} {r.choice(['accompany', 'travel with', 'be removed with', 'be returned with'])} {o}",
    ])
    return Example(t, "REQUEST")


def attorney(r: random.Random) -> Example:
    s, p, o = subj(r)
    c = child(r, p)
    who = r.choice(["an attorney", "a lawyer", "counsel", "her attorney", "his lawyer",
                    "legal counsel", "an attorney from " + r.choice(ORGS), "a legal representative",
                    "her lawyer", "an abogado", "legal representation", "pro bono counsel"])
    when = r.choice(["before deciding", "first", "before making a decision", "prior to making a decision",
                     "before signing anything", "before signing", "", "prior to deciding",
                     "before any decision re: " + c])
    pro = _pro(r, p)
    # composed: an act the parent holds back, and the lawyer it waits for
    hold = r.choice(["decide", "choose", "answer", "sign anything", "put " + p + " name on anything",
                     "sign the form", "say anything about " + c, "make a choice", "commit to anything"])
    wait = r.choice([f"{who} has seen it", f"{who} reviews it", f"{who} is present", f"{pro} sees {who}",
                     f"{pro} hears from {who}", f"{pro} gets advice from {who}", f"{who} calls back",
                     f"{pro} has talked to {who}", f"{who} explains it"])
    t = r.choice([
        f"{s} {r.choice(['will not', 'refuses to', 'does not want to', 'prefers not to'])} {hold} {r.choice(['until', 'before'])} {wait}",
        f"{s} {r.choice(['asks', 'asked', 'wants', 'would like', 'needs', 'requested'])} to {r.choice(['see', 'call', 'hear from', 'get advice from', 'be advised by'])} {who} {r.choice(['before ' + pro + ' ' + r.choice(['chooses', 'decides', 'answers', 'signs']), 'first', 'before deciding', ''])}".rstrip(),
        f"{s} {r.choice(['wants', 'wishes', 'would like', 'requested', 'asked', 'needs'])} to {r.choice(['speak', 'talk', 'consult', 'meet'])} with {who} {when}",
        f"{s} {r.choice(['requested', 'requests', 'asked'])} to consult with {who} prior to making a decision{r.choice(['', ' re: ' + c, ' regarding ' + c])}",
        f"{s} {r.choice(['refused', 'declined', 'will not agree'])} to sign {r.choice(['the form', 'anything', 'the waiver'])} until {r.choice(['she', 'he'])} {r.choice(['speaks', 'talks', 'consults'])} with {who}",
        f"{s} will decide after {r.choice(['speaking', 'talking', 'consulting'])} with {who}",
        f"{s} {r.choice(['requested', 'wants', 'asked for'])} {r.choice(['an attorney', 'a lawyer', 'legal counsel', 'to see a lawyer', 'attorney consultation'])}",
        f"{s} {r.choice(['deferred', 'declined to decide'])} pending {r.choice(['consultation with counsel', 'attorney consultation', 'legal advice'])}",
        f"{s} {r.choice(['wants', 'wishes'])} {r.choice(['legal advice', 'to get legal advice'])} {when}",
        f"Decision pending attorney consultation",
        f"{s} will not {r.choice(['decide', 'make a decision', 'sign anything', 'choose'])} until {r.choice(['she', 'he'])} {r.choice(['meets', 'speaks', 'talks', 'consults'])} with {who}",
        f"{r.choice(['Subject', 'PA'])}'s {r.choice(['attorney', 'lawyer', 'counsel'])} {r.choice(['advised', 'said', 'called to say'])} that {r.choice(['she', 'he'])} will decide after {r.choice(['a legal visit', 'meeting with counsel', 'consulting counsel'])}",
        f"{s} {r.choice(['will not', 'refused to', 'refuses to', 'REFUSED TO', 'would not'])} {r.choice(['sign anything', 'sign the form', 'sign any form', 'sign any paper', 'answer', 'decide'])} {r.choice(['without', 'w/o'])} {r.choice(['her', 'his', 'an', 'a', ''])} {r.choice(['attorney', 'lawyer', 'counsel'])}{r.choice(['', ' present', ' being present'])}",
        f"{s} {r.choice(['is waiting for', 'is awaiting', 'expects'])} {r.choice(['a call from', 'a call back from', 'advice from', 'a visit from'])} {who} {r.choice(['and will decide afterwards', 'before deciding', 'before answering', 'to decide'])}",
        f"{s} wants {who} to {r.choice(['review the form', 'look at the form', 'be present', 'explain the options'])}{r.choice(['', ' first', ' before deciding', ' before signing'])}",
        f"{s} {r.choice(['would like', 'wants', 'asked for'])} {who} {r.choice(['to be present', 'present'])} for {r.choice(['any discussion', 'the interview', 'any decision'])}{r.choice(['', ' about ' + c])}",
        f"{s} {r.choice(['said', 'stated', ''])} {_pro(r, p)} {r.choice(['would only decide', 'will only decide', 'will decide', 'would decide'])} after {who} {r.choice(['explains the form', 'reviews the options', 'visits', 'calls back', 'advises ' + o])}",
        f"{s} {r.choice(['declined', 'refused'])} to {r.choice(['make a decision', 'decide', 'answer', 'choose'])} until {_pro(r, p)} {r.choice(['consults', 'speaks with', 'talks to', 'meets with'])} {who}",
    ])
    return Example(t, "ATTORNEY")


def undecided(r: random.Random) -> Example:
    s, p, o = subj(r)
    c = child(r, p)
    ctry = r.choice(COUNTRIES)
    t = r.choice([
        f"{s} {r.choice(['is undecided', 'undecided', 'remains undecided', 'UNDECIDED'])}{r.choice(['', ' at this time', ' regarding ' + c, ' at this time regarding ' + c])}",
        f"{s} {r.choice(['unable to decide', 'is unable to decide', 'could not decide', 'cannot decide', 'has not decided', 'has not yet decided', 'did not make a decision', 'did not decide', 'made no decision', 'has not made up her mind', 'has not made up his mind', 'could not make up her mind', 'is torn', 'keeps going back and forth'])}{r.choice(['', ' today', ' at this time', ' yet'])}",
        f"{s} {r.choice(['needs', 'wants', 'asked for', 'requested'])} time to think{r.choice(['', ' and will advise', ' about it', ' it over'])}",
        f"{s} {r.choice(['wants', 'wishes', 'needs'])} to {r.choice(['speak', 'talk', 'consult'])} with {r.choice(['family', 'her husband', 'his wife', 'relatives', 'the sponsor', 'family members'])}{r.choice(['', ' in ' + ctry])} first",
        f"{s} will think about it{r.choice(['', ' and advise', ' and let us know'])}",
        f"{s} {r.choice(['unsure', 'is unsure', 'not sure', 'uncertain'])} {r.choice(['if', 'whether'])} {c} should {r.choice(['stay', 'go with ' + o, 'travel', 'remain here'])}",
        f"{s} {r.choice(['may', 'might', 'could'])} {r.choice(['leave', 'take'])} {c} {r.choice(['here', 'along', 'with the sponsor'])}, but {r.choice(['wants', 'needs'])} to think about it{r.choice(['', ' overnight', ' more'])}",
        f"{s} {r.choice(['answered neither yes nor no', 'did not answer', 'would not answer', 'gave no clear answer'])}{r.choice(['', ' when asked about ' + r.choice(['removal with ' + c, c, 'reunification'])])}",
        f"No decision {r.choice(['made', 'yet', 'at this time', 'was made today'])}",
        f"{s} {r.choice(['is still deciding', 'is considering the options', 'will advise later', 'will decide later'])}",
        f"Decision pending",
        f"{s} {r.choice(['needs', 'wants', 'asked for', 'requested'])} {r.choice(['a few days', 'more time', 'some time', 'a day', 'time', 'until tomorrow'])} to {r.choice(['decide', 'make a decision', 'think it over', 'consider the options'])}{r.choice(['', ' about ' + c, ' what to do'])}",
        f"{s} {r.choice(['is not sure', 'is unsure', 'was not sure', 'does not know yet'])}{r.choice(['', ' yet', ' what to do'])}",
        f"{s} {r.choice(['gave no answer', 'did not give an answer', 'did not express a preference', 'expressed no preference', 'did not make a choice', 'has not made a choice', 'did not choose'])}{r.choice(['', ' today', ' about ' + c, ' regarding ' + c])}",
        f"{s} will {r.choice(['respond', 'answer', 'give an answer', 'let this officer know'])} {r.choice(['tomorrow', 'later', 'next week', 'at the next visit'])}",
        f"{s} {r.choice(['is still thinking', 'still thinking', 'is still considering', 'is weighing', 'is thinking'])} {r.choice(['about it', 'about whether to take ' + c, 'about what to do with ' + c, 'it over', 'about the options'])}",
        f"{s} {r.choice(['could not decide', 'cannot decide', 'is unable to decide', 'has not decided', 'is not sure', 'does not know'])} {r.choice(['whether to take ' + c, 'whether ' + c + ' should stay', 'whether to leave ' + c, 'if ' + c + ' should go with ' + o, 'what to do about ' + c])}",
    ])
    return Example(t, "UNDECIDED")


def info(r: random.Random) -> Example:
    s, p, o = subj(r)
    c = child(r, p)
    t = r.choice([
        f"{r.choice(['Informed', 'Advised', 'INFORMED', 'Adv'])} {r.choice(['subj', 'subject', 'PA', 'the parent', s.lower(), 'detainee'])} of the {r.choice(['court order', 'Ms. L court order', 'Ms. L settlement', 'class action'])} and of {r.choice(['each available option', 'all options', 'the available options', 'the options'])}",
        f"{r.choice(['Explained', 'EXPLAINED', 'Reviewed', 'Went over', 'Discussed'])} the {r.choice(['election options', 'options', 'reunification options', 'available options'])} and their consequences",
        f"{r.choice(['Explained', 'Reviewed'])} the {r.choice(['consequences', 'implications'])} of {r.choice(['departing', 'departure'])} without {c}",
        f"Read the {r.choice(['parental election form', 'election form', 'waiver form', 'form', 'Ms. L notice'])} to {r.choice(['subject', 'subj', 'PA', 'the parent', 'detainee'])}{r.choice([' in full', '', ' in its entirety', ' word for word'])}",
        f"{s} was {r.choice(['advised', 'informed', 'told', 'ADVISED', 'explained'])} that if {r.choice(['she', 'he'])} {r.choice(['departs', 'leaves', 'is removed'])} without {c}, {r.choice(['the child', 'the minor', c])} will {r.choice(['remain', 'stay'])} in ORR custody{r.choice(['', ' and may pursue immigration relief', ' and be released to a sponsor'])}",
        f"{s} was {r.choice(['advised', 'informed', 'told'])} of the {r.choice(['consequences', 'rights', 'options', 'legal options'])} {r.choice(['of waiving reunification', 'under Ms. L', 'regarding ' + c, 'of the election'])}",
        f"{r.choice(['Advised', 'Informed', 'Told'])} {r.choice(['subject', 'PA', 'subj'])} that {c} {r.choice(['would remain in ORR custody', 'may pursue immigration relief in the US', 'would be released to a sponsor'])}",
        f"{s} {r.choice(['understood', 'stated understanding of', 'acknowledged'])} the {r.choice(['options', 'consequences', 'election form'])}",
        f"Explained {r.choice(['rights', 'the process', 'the form'])} in {r.choice(LANGS)}",
        f"{r.choice(['Form', 'The election form', 'Waiver form', 'Notice', 'The Ms. L notice', 'Parental election form'])} {r.choice(['read', 'explained', 'reviewed', 'read aloud'])} to {r.choice(['subject', 'PA', 'the parent', 'detainee', s.lower()])}{r.choice(['', ' in ' + r.choice(LANGS), ' in full', ' by this officer'])}",
        f"{r.choice(['Options', 'The options', 'Consequences', 'The consequences', 'Rights'])} {r.choice(['explained', 'were explained', 'reviewed', 'discussed'])} {r.choice(['to subject', 'with PA', 'in detail', 'in ' + r.choice(LANGS)])}",
        f"{r.choice(['after being', 'once', 'having been'])} {r.choice(['told', 'advised', 'informed'])} that {c} would be {r.choice(['placed with a sponsor', 'released to a sponsor', 'kept in ORR care', 'cared for by ORR'])}",
        f"{_told(r)} that {c} {r.choice(['would', 'will', 'may'])} {r.choice(['remain in ORR care', 'be placed with a sponsor through ORR', 'continue his own immigration case', 'keep her own immigration case', 'stay in a shelter until a sponsor is approved'])}",
        f"{s} was read the {r.choice(['form', 'election form', 'waiver'])} in {r.choice(LANGS)}{r.choice(['', ' by the interpreter', ' by an interpreter', ' by this officer'])}",
    ])
    return Example(t, "NONE", {"INFO": 1})


def option(r: random.Random) -> Example:
    s, p, o = subj(r)
    c = child(r, p)
    t = r.choice([
        f"{s} was {r.choice(['given the choice', 'given the option', 'offered the option', 'offered the choice', 'GIVEN THE CHOICE', 'offered'])} to {r.choice(['depart', 'be removed', 'return', 'be reunified and removed', 'reunify'])} {r.choice(['with', 'together with', 'w/', 'along with'])} {c}",
        f"{r.choice(['Offered', 'OFFERED', 'Offered the'])} option to be {r.choice(['removed', 'deported', 'returned'])} {r.choice(['together with', 'with', 'w/'])} {c}",
        f"{r.choice(['PA', 'Subject', 'SUBJ', 'Parent', s])} {r.choice(['ADVISED', 'advised', 'informed', 'adv'])} of {r.choice(['OPTION', 'option', 'the option', 'the opportunity'])} to {r.choice(['REUNIFY', 'reunify', 'be reunified', 'depart', 'be removed'])} {r.choice(['W/', 'with', 'WITH'])} {c}{r.choice([' PRIOR TO REMOVAL', ' prior to removal', '', ' for removal'])}",
        f"{r.choice(['Advised', 'Informed', 'ADVISED', 'Adv'])} {r.choice(['subject', 'PA', 'subj', 'detainee', 'the parent'])}{r.choice(['', ' in ' + r.choice(LANGS), ' via interp', ' (officer fluent)', ' through the interpreter'])} of {r.choice(['the option', 'the opportunity', 'the right'])} to {r.choice(['be removed', 'depart', 'be reunified and removed', 'travel'])} {r.choice(['together with', 'with', 'w/'])} {c}",
        f"{r.choice(['Offered', 'Asked'])} {r.choice(['subject', 'PA', 'subj'])} {r.choice(['reunification with', 'whether she wants to depart with', 'if he wishes to be removed with'])} {c}",
        f"Option {r.choice(['to depart with', 'of removal with', 'of reunification with'])} {c} {r.choice(['was offered', 'offered', 'explained and offered'])}",
        f"{r.choice(['Reunification', 'Removal with ' + c])} {r.choice(['offered', 'was offered'])}{r.choice(['', ' to subject', ' to PA'])}",
        f"{s} was {r.choice(['advised', 'told', 'informed'])} that {r.choice(['she', 'he'])} {r.choice(['may', 'can', 'could', 'has the option to'])} {r.choice(['take', 'depart with', 'be removed with', 'travel with'])} {c}{r.choice(['', ' on the removal flight', ' when removed'])}",
    ])
    return Example(t, "NONE", {"OPTION": 1})


def info_option(r: random.Random) -> Example:
    s, p, o = subj(r)
    c = child(r, p)
    t = r.choice([
        f"Explained the option to {r.choice(['depart', 'be removed'])} with {c} and the consequences of departing without {c}",
        f"{s} was offered removal with {c} and advised that {c} would otherwise remain in ORR custody",
        # the alternatives themselves, in whatever verb the officer used
        f"{_told(r)}{r.choice([' that', ' that', ''])} {_pro(r, p)} {r.choice(['may', 'could', 'can', 'has the option to', 'is able to', 'would be able to'])} {r.choice(['be removed', 'be deported', 'depart', 'return', 'travel', 'go back'])} {r.choice(['together with', 'with', 'w/', 'along with'])} {c} or {r.choice(['leave', 'allow', 'have', 'let'])} {r.choice([c, o, o])} {r.choice(['in the US', 'in the United States', 'here', 'in ORR custody', 'to stay in the U.S.', 'remain in the US', 'with the sponsor', 'with the sponsor in ' + r.choice(['Texas', 'Florida', 'New Jersey']), 'with relatives', 'stay behind'])}{_purpose(r, p)}",
        f"{_told(r)} {_pro(r, p)} {r.choice(['may', 'could', 'can'])} {r.choice(['leave', 'depart', 'be removed', 'go'])} {r.choice(['with or without', 'either with or without'])} {c}",
        f"{_told(r)}{r.choice([' that', ''])} {_pro(r, p)} {r.choice(['may', 'could', 'can', 'is allowed to', 'is free to'])} {r.choice(['take', 'bring', 'travel with', 'fly back with', 'return with'])} {c}{r.choice(['', ' with ' + o, ' along'])}{r.choice(['', ' to ' + r.choice(COUNTRIES), ' on the flight', ' when removed'])}",
        f"{_told(r)} that {c} {r.choice(['may', 'could', 'can'])} {r.choice(['travel', 'depart', 'be removed', 'return'])} with {o} or {r.choice(['remain', 'stay'])} in the {r.choice(['US', 'U.S.', 'United States'])}{_purpose(r, p)}",
        f"{s} was {r.choice(['advised of', 'informed of', 'told', 'given', 'read'])} {r.choice([p, 'the', 'both', 'the two'])} options{r.choice([':', ',', ' -'])} {r.choice(['to be removed', 'removal', 'to depart', 'departure'])} {r.choice(['with', 'together with'])} {c} or {r.choice(['leaving', 'to leave', 'having'])} {c} {r.choice(['in the US', 'in ORR custody', 'with a sponsor', 'in the care of ORR'])}",
        f"{s} was {r.choice(['given the choice', 'given the option', 'offered the choice', 'presented with the choice'])} {r.choice(['of', 'between'])} {r.choice(['taking', 'departing with', 'being removed with'])} {c} {r.choice(['or', 'and'])} {r.choice(['leaving', 'not taking'])} {c} {r.choice(['in the US', 'behind', 'in ORR custody', 'with the sponsor'])}",
        f"{r.choice(['Options', 'Both options', 'The two options', 'Choices'])} {r.choice(['(', '- ', ': '])}{r.choice(['removal with or without', 'depart with or without', 'reunify or leave'])} {c}{r.choice([')', ' -', ','])} {r.choice(['explained', 'were explained', 'reviewed', 'discussed'])}{r.choice(['', ' with ' + s.lower(), ' in ' + r.choice(LANGS), ' through the interpreter'])}",
        f"{r.choice(['Explained', 'Reviewed', 'Went over', 'EXPLAINED'])} {r.choice(['both options', 'the two options', 'her choices', 'his choices', 'the choices'])}{r.choice([', ', ' ('])}{r.choice(['removal with or without', 'departing with or without', 'taking or leaving'])} {c}{r.choice([',', ')', ''])} {r.choice(['to PA', 'to subject', 'with the parent', ''])}",
    ])
    return Example(t, "NONE", {"INFO": 1, "OPTION": 1})


def _told(r: random.Random) -> str:
    """An officer's "I told the parent" in many forms, subject named or not."""
    verb = r.choice(["Explained", "Advised", "Informed", "Told", "EXPLAINED", "ADVISED", "Adv",
                     "It was explained", "Was explained", "Subject was told", "PA was advised",
                     "Parent was informed", "Detainee was made aware", "Made clear"])
    how = r.choice(["", "", "", f" in {r.choice(LANGS)}", " through the interpreter",
                    f" via {r.choice(SERVICES)} interp", " (officer fluent)"])
    if verb.split()[0] in ("Explained", "EXPLAINED", "Was", "It", "Made"):
        return verb + r.choice(["", " to subject", " to PA", " to the parent"]) + how
    if " " in verb:
        return verb + how
    return verb + r.choice(["", " subject", " SUBJ", " PA", " the mother", " the father", " detainee"]) + how


def _pro(r: random.Random, p: str) -> str:
    return r.choice(["she", "he"] if p == "her" else ["he", "subject"])


def _purpose(r: random.Random, p: str) -> str:
    return r.choice(["", "", f" to pursue {p} own claims", " to pursue immigration relief",
                     " with a sponsor", " pending sponsor placement", " to continue the asylum case"])


def negated_flags(r: random.Random) -> Example:
    s, p, o = subj(r)
    c = child(r, p)
    t, fl = r.choice([
        (f"Option {r.choice(['of removal with', 'to depart with', 'of reunification with', 'to be removed with'])} {c} was not {r.choice(['discussed', 'offered', 'explained', 'addressed'])}{r.choice(['', ' at this time', ' today'])}", {}),
        (f"{s} was not {r.choice(['offered', 'given'])} {r.choice(['the option', 'the choice'])} to {r.choice(['depart', 'be removed'])} with {c}", {}),
        (f"{s} {r.choice(['was not advised', 'not advised', 'was not informed', 'was never told'])} of {r.choice(['the option to reunify', 'option to reunify w/ child', 'the consequences', 'the options', 'the court order'])}", {}),
        (f"{r.choice(['Did not', 'Was unable to'])} {r.choice(['explain', 'read'])} the {r.choice(['form', 'options'])}{r.choice(['', ' due to time', ' - no interpreter available'])}", {}),
        (f"No {r.choice(['explanation', 'advisal'])} of rights {r.choice(['was given', 'given', 'documented'])}", {}),
        (f"{s} {r.choice(['refused', 'declined'])} to sign {r.choice(['the form', 'the waiver', 'anything'])}", {}),
        (f"{s} did not sign {r.choice(['the form', 'the waiver', 'any form'])}", {}),
        (f"Form not signed", {}),
    ])
    return Example(t, "NONE", fl)


FAMILIES = [(waive, 14), (waive_written, 6), (form_signed_only, 1), (request, 14), (request_written, 2),
            (attorney, 7), (undecided, 7), (info, 10), (option, 9), (info_option, 1),
            (negated_flags, 6), (offered_then, 3)]  # + comment_notes.NOTE_FAMILIES


def _surface(r: random.Random, text: str) -> str:
    """Officers' surface habits: all caps, trailing period, odd spacing."""
    x = r.random()
    if x < 0.2:
        text = text.upper()
    elif x < 0.25:
        text = text.lower()
    if r.random() < 0.7:
        text += "."
    return text


def _lead_in(r: random.Random) -> str:
    """What officers put before the substance in the same sentence."""
    lang = r.choice(LANGS)
    nm = _name(r)
    return r.choice([f"Using {lang} interpreter {nm}, ", f"Via telephonic interpreter ({nm}) in {lang}, ",
                     f"Through {r.choice(SERVICES)} interpreter #{r.randint(100, 99999)}, ",
                     f"In {lang}, ", f"Per {r.choice(COUNTRIES)} consular official, ",
                     f"After the interview, ", f"On {r.randint(1, 12)}/{r.randint(1, 28)}, ",
                     f"TEL INTERP ({lang.upper()}): ", f"Hablando en {lang}, ", "Today, ",
                     f"With {_officer(r)} present, "])


def _info_tail(r: random.Random, ex: Example) -> Example:
    """A decision with what the parent had been told in the same clause ("opted to leave
    the child after being told the child would go to a sponsor"): decision plus INFO."""
    tail = r.choice([" after being told", " after being advised", " after being informed",
                     ", having been told", " once advised"])
    what = r.choice(["the child would be placed with a sponsor", "the minor would remain in ORR care",
                     "of the consequences", "of the options", "what would happen to the child",
                     "the child could pursue relief in the US"])
    what = what if what.startswith("of ") else "that " * (r.random() < 0.5) + what
    if r.random() < 0.4:  # what was told first: "After the options were explained, ..."
        how = r.choice(["", f" in {r.choice(LANGS)}", " by interpreter", " through the interpreter"])
        lead = r.choice([f"After the options were explained{how}, ", f"After reviewing the options{how}, ",
                         f"Once advised of the consequences{how}, ", f"Having been told what happens to the child{how}, "])
        return Example(lead + ex.text[:1].lower() + ex.text[1:], ex.decision, dict(ex.flags, INFO=1))
    if r.random() < 0.3:
        tail = r.choice([" after reviewing the options with this officer", " after the options were explained",
                         " after being advised that the child keeps " + r.choice(["her", "his"]) + " own immigration case"])
        return Example(ex.text + tail, ex.decision, dict(ex.flags, INFO=1))
    return Example(f"{ex.text}{tail} {what}", ex.decision, dict(ex.flags, INFO=1))


def _join(r: random.Random, a: Example, b: Example) -> Example:
    """Two clauses in one sentence (a comma splice, or OCR reading a period as a comma):
    flags add up; the decision is the one clause that has one."""
    dec = a.decision if a.decision != "NONE" else b.decision
    flags = {k: max(a.flags.get(k, 0), b.flags.get(k, 0)) for k in FLAGS}
    sep = r.choice([", ", ", ", " - ", " and "])
    return Example(a.text + sep + b.text[0].lower() + b.text[1:] if sep == " and " else a.text + sep + b.text,
                   dec, flags)
