"""Composition pieces for the case-comment grammar (:mod:`training.comment_grammar`).

Everything here builds phrases from parts chosen at random, so the classifier meets a
meaning in many surface forms instead of a list of sentences:

* quoted Spanish/Portuguese speech built from a verb, a negation, a preposition and a
  child noun, labelled from what was composed (``con``/``sin`` x negation);
* officers' shorthand (SUBJ, ADV, W/, W/O, UAC, REUNIF, DEPT, POE, TEL INTERP,
  CONSULADO...) and typing/OCR noise, as transforms of any clause;
* unrelated detention-file notes from topic x event x detail;
* what the parent was told about the child's whereabouts or legal help (INFO);
* entries that only point to a form (WRITTEN, no decision);
* reported speech, hedges and decisions changed within one entry.

Nothing here was taken from the dev set: the words are the project's own.
"""
from __future__ import annotations

import random

# ---- quoted speech -------------------------------------------------------------------

ES_KIDS = ["mi hijo", "mi hija", "mis hijos", "mis hijas", "el niño", "la niña", "los niños",
           "mi bebé", "mi muchacho", "mi nena", "el chamaco"]
PT_KIDS = ["meu filho", "minha filha", "meus filhos", "o menino", "a menina", "meu bebê"]
ES_PLACES = ["aquí", "acá", "con mi hermana", "con su papá", "con mi prima", "con la tía",
             "en Estados Unidos", "con su abuela"]
PT_PLACES = ["aqui", "com a minha irmã", "com o pai", "nos Estados Unidos", "com a avó"]


def quote(r: random.Random) -> tuple[str, str]:
    """(quoted words, decision) in Spanish or Portuguese, composed."""
    if r.random() < 0.72:
        k, place = r.choice(ES_KIDS), r.choice(ES_PLACES)
        go = r.choice(["me voy", "me regreso", "regreso", "me quiero ir", "quiero irme",
                       "voy a regresar", "me van a deportar"])
        take = r.choice(["llevar a", "llevarme a", "traer a"])
        forms = [
            (f"{go} con {k}", "REQUEST"), (f"no {go} sin {k}", "REQUEST"),
            (f"quiero {take} {k}", "REQUEST"), (f"{k} se va conmigo", "REQUEST"),
            (f"quiero que {k} se vaya conmigo", "REQUEST"), (f"no me separo de {k}", "REQUEST"),
            (f"{go} sin {k}", "WAIVE"), (f"no quiero {take} {k}", "WAIVE"),
            (f"no quiero que {k} {r.choice(['sufra', 'regrese', 'vuelva', 'pase hambre'])} {r.choice(['allá', 'conmigo', ''])}".strip(), "WAIVE"),
            (f"{r.choice(['que se quede', 'que se queden', 'mejor que se quede'])} {place}", "WAIVE"),
            (f"no voy a {take} {k}", "WAIVE"), (f"{k} se queda {place}", "WAIVE"),
            (f"que {k} se quede {place}", "WAIVE"), (f"{go} {r.choice(['sola', 'solo'])}", "WAIVE"),
            (f"allá no hay futuro para {k}", "WAIVE"),
            (f"primero quiero hablar con {r.choice(['un abogado', 'mi abogada', 'el abogado'])}", "ATTORNEY"),
            (f"no sé {r.choice(['todavía', 'qué hacer', 'si llevar a ' + k])}", "UNDECIDED"),
            (f"{r.choice(['déjeme pensarlo', 'lo tengo que pensar', 'necesito pensarlo'])}", "UNDECIDED"),
        ]
    else:
        k, place = r.choice(PT_KIDS), r.choice(PT_PLACES)
        go = r.choice(["vou embora", "quero voltar", "vou voltar", "volto"])
        forms = [
            (f"{go} com {k}", "REQUEST"), (f"não {go} sem {k}", "REQUEST"),
            (f"quero levar {k}", "REQUEST"), (f"{go} sem {k}", "WAIVE"),
            (f"não vou levar {k}", "WAIVE"), (f"{k} fica {place}", "WAIVE"),
            (f"quero que {k} {r.choice(['fique', 'continue', 'permaneça'])} {place}", "WAIVE"),
            (f"quero que {k} {r.choice(['volte', 'vá', 'viaje'])} comigo", "REQUEST"),
            (f"quero falar com um advogado primeiro", "ATTORNEY"), (f"não sei ainda", "UNDECIDED"),
        ]
    text, dec = r.choice(forms)
    return (text.capitalize() if r.random() < 0.5 else text), dec


# ---- shorthand and noise ------------------------------------------------------------

_SHORT = [  # (word as the grammar writes it, officers' shorthand)
    ("Subject", "SUBJ"), ("subject", "subj"), ("The parent", "PA"), ("the parent", "PA"),
    ("advised", "ADV"), ("advised", "advd"), ("with", "W/"), ("without", "W/O"),
    ("without", "w/out"), ("the minor", "UAC"), ("the child", "UAC"), ("minor child", "UAC"),
    ("reunification", "REUNIF"), ("requested", "REQ"), ("requested", "reqd"),
    ("declined", "DECL"), ("declined", "dec'd"), ("interpreter", "INTERP"),
    ("telephonic interpreter", "TEL INTERP"), ("consulate", "CONSULADO"), ("because", "B/C"),
    ("department", "DEPT"), ("port of entry", "POE"), ("regarding", "RE:"),
    ("daughter", "dtr"), ("son", "S/O"), ("stated", "STD"), ("information", "INFO"),
    ("and", "&"), ("approximately", "approx"), ("removal", "RMVL"), ("removed", "RMVD"),
]


def shorthand(r: random.Random, text: str) -> str:
    """Some of the words an officer would abbreviate, abbreviated (whole words only)."""
    import re

    for long, short in _SHORT:
        if r.random() < 0.5:
            text = re.sub(rf"\b{re.escape(long)}\b", short, text)
    return text.upper() if r.random() < 0.5 else text


_OCR_SWAP = {"o": "0", "l": "1", "i": "l", "s": "5", "e": "c", "m": "rn", "O": "0", "I": "l",
             "S": "5", "B": "8", "n": "ri", "h": "li", "a": "o"}


def noise(r: random.Random, text: str, rate: float = 0.08) -> str:
    """Typing slips and OCR confusions in a few words: a letter dropped, doubled or
    swapped with its neighbour, a look-alike glyph, a word split in two."""
    out = []
    for w in text.split(" "):
        if len(w) >= 4 and r.random() < rate:
            i = r.randrange(1, len(w) - 1)
            kind = r.random()
            if kind < 0.3:
                w = w[:i] + w[i + 1:]
            elif kind < 0.45:
                w = w[:i] + w[i] + w[i:]
            elif kind < 0.65:
                w = w[:i - 1] + w[i] + w[i - 1] + w[i + 1:]
            elif kind < 0.9:
                w = w[:i] + _OCR_SWAP.get(w[i], w[i]) + w[i + 1:]
            else:
                w = w[:i] + " " + w[i:]
        out.append(w)
    return " ".join(out)


# ---- unrelated notes ----------------------------------------------------------------

_TOPICS = ["Travel document", "TD", "Passport", "Birth certificate", "Consular ID", "Flight",
           "Charter seat", "Bed", "Housing assignment", "Commissary account", "Sick call request",
           "Dental referral", "Bond paperwork", "Property bag", "Phone account", "Visitation",
           "Hearing notice", "Fingerprint card", "Transfer request", "Medical clearance",
           "Religious diet request", "Grievance", "Law library request", "Laundry exchange"]
_EVENTS = ["requested from", "received from", "sent to", "mailed to", "approved by", "pending with",
           "returned by", "denied by", "forwarded to", "still awaited from", "logged by",
           "cancelled by", "confirmed by"]
_PARTIES = ["the consulate", "CONSULADO", "records", "the facility", "medical", "the DEPT",
            "HQ", "ICE Air", "the housing unit", "the shelter office", "the docket clerk",
            "the law library", "the chaplain", "the night shift", "the POE"]
_DETAILS = ["", "", "", "; follow up next week", "; no action needed", "; NFA", " - see email",
            "; called twice", " per SDDO", "; resubmitted", " (second request)", "; awaiting reply"]


def unrelated(r: random.Random, s: str, p: str) -> str:
    """A detention-file note with no decision and no advisal about the child."""
    kind = r.random()
    if kind < 0.45:
        return f"{r.choice(_TOPICS)} {r.choice(_EVENTS)} {r.choice(_PARTIES)}{r.choice(_DETAILS)}"
    if kind < 0.75:
        act = r.choice([
            f"asked for {r.choice(['a blanket', 'extra socks', 'reading glasses', 'a pen', 'stamps', 'a calling card'])}",
            f"was seen by {r.choice(['medical', 'the dentist', 'mental health', 'the nurse'])} for {r.choice(['a toothache', 'a sprained wrist', 'a cold', 'sleeplessness'])}",
            f"refused {r.choice(['the breakfast tray', 'recreation', 'a haircut', 'the flu shot', 'to attend count'])}",
            f"was moved to {r.choice(['dorm C', 'pod 4', 'unit B-2', 'another facility', 'medical housing'])}{r.choice(['', ' for bed space', ' after a fight in the unit'])}",
            f"signed the {r.choice(['property receipt', 'commissary slip', 'visitation log', 'medical release'])}",
            f"received {r.choice(['mail from home', 'a money order', 'legal mail', 'a visit from a cousin'])}",
            f"called {r.choice(['the consulate', 'a cousin in Texas', 'her pastor', 'his employer'])} about {r.choice(['documents', 'money', 'a job letter', 'the flight date'])}",
            f"accepted {r.choice(['the transfer', 'the medication', 'the meal', 'the property receipt'])}",
            f"requested {r.choice(['a phone call', 'her property', 'his ID card', 'a legal call', 'a new uniform'])}",
            f"was told {r.choice(['the flight date', 'the visiting hours', 'that the TD arrived', 'about the grievance procedure'])}",
        ])
        return f"{s} {act}"
    return r.choice([
        f"{r.choice(['Case', 'File', 'A-file', 'Record'])} {r.choice(['reviewed', 'updated', 'audited', 'closed out'])}{r.choice(['', ' by supervisor', '; nothing new', '; NFA'])}",
        f"{r.choice(['Lockdown', 'Count', 'Power outage', 'Fire drill'])} {r.choice(['delayed', 'cancelled', 'postponed'])} {r.choice(['the interview', 'all visits', 'sick call', 'rec'])}",
        f"{r.choice(['IJ', 'The court', 'BIA'])} {r.choice(['continued the case', 'denied bond', 'set a hearing', 'ordered removal'])}{r.choice(['', ' to next month', '; no appeal'])}",
        f"Officer {r.choice(['spoke with', 'emailed', 'left a message for'])} {r.choice(['the consulate', 'the facility', 'the shelter', 'the sponsor'])} about {r.choice(['flight dates', 'bed space', 'a missing document', 'visiting hours'])}",
    ])


# ---- information about the child's whereabouts and legal help --------------------------

def whereabouts(r: random.Random, told: str, c: str) -> str:
    """What the parent was told about where the child is or who helps the child (INFO)."""
    where = r.choice(["is at a shelter in Phoenix", "is in ORR care in Chicago", "is safe at a children's shelter",
                      "has been placed with a sponsor in Florida", "is staying with the aunt", "is in a shelter and doing well",
                      "was released to a relative", "is at a youth home in New York"])
    help_ = r.choice(["has a legal services provider", "has an attorney", "can get free legal help",
                      "has a case manager", "will have a lawyer in immigration court", "may apply for asylum on her own"])
    return r.choice([
        f"{told} that {c} {where}",
        f"{told} that {c} {help_}",
        f"{told} that {c} {where} and {help_}",
        f"{r.choice(['Gave', 'Provided'])} {r.choice(['subject', 'PA', 'the parent', 'SUBJ'])} {r.choice(['the phone number of the shelter', 'the case manager contact', 'a list of free legal service providers', 'the ORR parent hotline number', 'the name of the child’s attorney'])}",
        f"{r.choice(['Subject', 'PA', 'Parent'])} was {r.choice(['told', 'informed', 'advised'])} where {c} {r.choice(['is placed', 'is staying', 'is being cared for'])}",
    ])


def form_reference(r: random.Random) -> str:
    """An entry that only points to a form (no decision written out)."""
    form = r.choice(["election form", "parental election form", "waiver", "signed form",
                     "Form I-xxx", "Ms. L form", "reunification form", "separation form"])
    return r.choice([
        f"{r.choice(['See', 'SEE', 'Refer to', 'Ref'])} {r.choice(['signed', 'executed', 'completed', ''])} {form} {r.choice(['in A-file', 'on file', 'attached', 'scanned to A-file', 'in the file'])}",
        f"{form.capitalize()} {r.choice(['signed', 'executed', 'completed'])}{r.choice(['', ', copy in A-file', ' and scanned', ' - see file'])}",
        f"{r.choice(['Per', 'As per'])} signed {form}{r.choice(['', ', see A-file'])}",
    ]).replace("  ", " ")


# ---- speech, hedges, changes of mind ----------------------------------------------------

def reported(r: random.Random) -> str:
    """Who the officer heard it from, in front of the clause."""
    return r.choice(["Per interpreter, ", "According to the interpreter, ", "Through the interpreter, ",
                     "Per CONSULADO, ", "As relayed by the interpreter, ", "Per subject, ",
                     "In her own words, ", "In his own words, ", "When asked, ", "Upon questioning, "])


HEDGES = ["appears to", "seems to", "apparently", "reportedly", "now"]

FIRST_MARK = ["Initially", "At first", "Originally", "Earlier", "Yesterday", "On first interview"]
LATER_MARK = [" but later", "; later", ". Later", ". However, today", " but then", "; she then changed her mind and",
              ". After thinking it over,", "; upon re-interview", ". Now", ", but now"]
PLURAL_SUBJECTS = ["Both parents", "Mother and father", "The parents", "PA and spouse",
                   "SUBJ and husband", "Father and mother", "Both PAs"]
