"""More clause families for the case-comment grammar, built by composition
(:mod:`training.comment_phrases`): context lines (language, interpreter, witness) and
unrelated notes (NONE), quoted speech, what the parent was told about the child's
whereabouts or legal help (INFO), form references (WRITTEN, no decision), bare answers
to an offer, and the entry-level variations :func:`vary` applies to any clause (reported
speech, hedges, several parents, a decision changed within one clause, shorthand, noise).
"""
from __future__ import annotations

import random

from training import comment_phrases as P
from training.comment_grammar import (COUNTRIES, LANGS, LAST, ORGS, SERVICES, TITLES, Example,
                                      _name, _officer, _told, child, subj)

_INTERP_WORDS = ["interpreter", "interp", "INTERP", "interpretation", "translator"]


def _interp_line(r: random.Random, lang: str) -> str:
    svc = r.choice(SERVICES + ["phone", "video", "in-person", "contract"])
    num = r.choice(["", f" #{r.randint(100, 99999)}", f" ID {r.randint(1000, 9999)}", f" ({_name(r)})"])
    return r.choice([
        f"{r.choice(['Via', 'Using', 'Through', 'With', 'W/'])} {svc} {r.choice(_INTERP_WORDS)}{num} {r.choice(['in', '-', '/', ':'])} {lang}",
        f"{lang} {r.choice(_INTERP_WORDS)}{num} {r.choice(['on the line', 'present', 'by phone', 'assisted'])}",
        f"TEL INTERP {r.choice(['(', ''])}{lang.upper()}{r.choice([')', ''])}{num}",
        f"{r.choice(['Lang', 'Language', 'Interview language', 'Idioma'])}: {lang}{r.choice(['', ', ' + r.choice(_INTERP_WORDS) + ' used', '; ' + svc + ' ' + r.choice(_INTERP_WORDS)])}",
        f"{r.choice(['Spoke', 'Talked', 'Interviewed', 'Met'])} {r.choice(['with subject', 'w/ PA', 'w/ SUBJ', ''])} in {lang}{r.choice([' (officer fluent)', '; officer is fluent', ', no interpreter needed (fluent)', ' myself, bilingual'])}",
        f"{r.choice(TITLES)} {r.choice(LAST)} {r.choice(['(fluent ' + lang + ')', 'speaks ' + lang, 'is bilingual in ' + lang])} {r.choice(['conducted the interview', 'translated', 'spoke to subject'])}",
    ])


def _witness_line(r: random.Random) -> str:
    off = _officer(r)
    return r.choice([
        f"{r.choice(['WIT', 'Wit', 'WIT:', 'Witness', 'Witness:', 'WITNESS -', 'Witnessed by', 'WITNESSED BY', 'WITNSED BY', 'Witnesed by', 'Witness was', 'In the presence of', 'Heard by'])} {off}",
        f"{off} {r.choice(['present as witness', 'witnessed', 'was the witness', 'acted as witness', 'heard the waiver', 'served as witness'])}",
    ])


def neutral(r: random.Random) -> Example:
    """No decision and no flag: language, interpreter and witness lines, officers' own
    steps, and the unrelated routine of a detention file."""
    s, p, o = subj(r)
    c = child(r, p)
    lang = r.choice(LANGS)
    x = r.random()
    if x < 0.3:
        t = _interp_line(r, lang)
    elif x < 0.45:
        t = _witness_line(r)
    elif x < 0.55:
        t = r.choice([
            f"{s} {r.choice(['spoke with', 'called', 'had a video call with'])} {c}{r.choice(['', ' for ten minutes', ' via the shelter', ' by phone'])}",
            f"{r.choice(['Relative', 'Sister', 'Cousin', 'Sponsor'])} called asking about {c}",
            f"{s} asked {r.choice(['when the flight leaves', 'about ' + p + ' asylum case', 'for a copy of ' + p + ' papers', 'to call home'])}",
            f"{s} was served {r.choice(['the NTA', 'an I-205', 'a hearing notice', 'the I-860'])}",
            f"{s} {r.choice(['claimed fear', 'expressed fear of return'])}; {r.choice(['referral made', 'CFI pending', 'sent for screening'])}",
        ])
    else:
        t = P.unrelated(r, s, p)
    return Example(t, "NONE")


def quoted(r: random.Random) -> Example:
    s, _, _ = subj(r)
    words, dec = P.quote(r)
    say = r.choice(["said", "stated", "told this officer", "replied", "dijo", "STATED", "answered",
                    "said in Spanish", "told the interpreter", "disse"])
    t = r.choice([f"{s} {say}{r.choice([':', '', ','])} \"{words}\"", f"{s}: \"{words}\"",
                  f"\"{words}\" - {s.lower() if len(s) > 4 else s}", f"{s} {say} '{words}'"])
    return Example(t, dec)


def whereabouts_info(r: random.Random) -> Example:
    _, p, _ = subj(r)
    return Example(P.whereabouts(r, _told(r), child(r, p)), "NONE", {"INFO": 1})


def form_reference(r: random.Random) -> Example:
    return Example(P.form_reference(r), "NONE", {"WRITTEN": 1})


def bare_answer(r: random.Random) -> Example:
    """"SUBJ ACCEPTS." after an offer: yes is a request, no a waiver."""
    s, p, o = subj(r)
    if r.random() < 0.5:
        ans = r.choice(["accepts", "accepted", "ACCEPTS", "agreed", "agrees", "said yes", "accepted the offer",
                        "accepted reunification", "wants to go together", "will take " + child(r, p)])
        return Example(f"{s} {ans}", "REQUEST")
    ans = r.choice(["said no", "declines", "did not accept", "rejected it", "turned it down", "does not accept"])
    return Example(f"{s} {ans}", "WAIVE")


def accept_about_else(r: random.Random) -> Example:
    """Acceptance of something else decides nothing."""
    s, _, _ = subj(r)
    what = r.choice(["the meal tray", "the medication", "the transfer", "the property receipt",
                     "the flu shot", "a blanket", "the consular call"])
    what = r.choice([what, "recreation time", "the haircut", "the meal", "a shower", "the interview room",
                     "the medical exam", "to attend count", "the phone call"])
    return Example(f"{s} {r.choice(['accepted', 'accepts', 'agreed to', 'declined', 'refused', 'DECLINED', 'turned down'])} {what}", "NONE")


def admin(r: random.Random) -> Example:
    """Unrelated case notes (no decision, no advisal about the child): the routine of a
    detention file. Several use the words decisions are made of ("refused", "requested",
    "counsel", "pending", "with him", "explained") about something else, so the model
    learns that those words alone decide nothing."""
    s, p, o = subj(r)
    ctry = r.choice(COUNTRIES)
    fac = r.choice(["Port Isabel SPC", "Otero County PC", "Karnes", "Dilley", "Eloy DC",
                    "IAH Polk", "El Paso SPC", "Stewart DC", "the staging facility"])
    t = r.choice([
        r.choice(["No further action", "NO FURTHER ACTION", "NFA", "No further action at this time",
                  "No further action needed", "No action required", "Nothing further", "No changes"]),
        f"{r.choice(['Case reviewed', 'CASE REVIEWED', 'File reviewed', 'A-file reviewed', 'Case file reviewed'])}{r.choice(['', ' by SDDO', ' by supervisor', ' - NFA', ', no changes', ', no issues'])}",
        f"{r.choice(['Pending TD', 'TD pending', 'Awaiting TD', 'TD requested', 'TD received', 'ETD pending', 'Pending travel document', 'Pending flight'])}{r.choice(['', ' from consulate', ' from ' + ctry + ' consulate'])}",
        f"{r.choice(['Medical', 'Sick call', 'IHSC', 'Dental', 'Mental health'])} {r.choice(['screening completed', 'visit', 'request', 'clearance received', 'follow-up scheduled', 'referral made'])}{r.choice(['', ': ' + r.choice(['rash', 'headache', 'tooth pain', 'cough', 'fever']), '; cleared for travel', '; no issues'])}",
        f"{s} {r.choice(['seen by', 'evaluated by', 'referred to'])} {r.choice(['medical', 'the nurse', 'IHSC', 'PA-C', 'the clinic', 'the doctor', 'dental'])}{r.choice(['', ' for ' + r.choice(['high blood pressure', 'a rash', 'back pain', 'a cough']), '; cleared', '; returned to housing'])}",
        f"{r.choice(['Property', 'PROPERTY', 'Belongings', 'Personal property'])} {r.choice(['inventoried', 'inventory completed', 'bagged and tagged', 'sent with ' + o, 'released to family', 'returned', 'transferred with ' + o, 'logged'])}",
        f"{s}'s {r.choice(['belongings', 'property', 'clothes', 'documents', 'passport', 'ID card'])} {r.choice(['bagged and tagged', 'located in property', 'copied to A-file', 'sent with ' + o, 'returned to ' + o, 'received from family'])}",
        f"{s} {r.choice(['transferred', 'moved', 'relocated'])} {r.choice(['to ' + fac, 'from Dilley to ' + fac, 'to housing unit B-4', 'to ' + fac + ' for bed space', 'to ' + fac + ' due to bed space'])}{r.choice(['', '; property sent with ' + o, ' with ' + p + ' property'])}",
        f"{r.choice(['Bed space', 'BED SPACE', 'Transfer', 'Housing'])} {r.choice(['confirmed', 'unavailable', 'request pending', 'requested at ' + fac, 'cancelled', 'approved'])}",
        f"{s} {r.choice(['refused', 'refuses', 'declined'])} {r.choice(['the meal tray', 'meals', 'medication', 'medical treatment', 'the TB test', 'to sign the property receipt', 'to speak with the consular officer', 'recreation', 'the transfer', 'a phone call', 'to attend sick call'])}",
        f"{r.choice(['Habeas petition', 'Motion to reopen', 'Appeal', 'G-28', 'Stay request', 'Notice of appearance', 'Bond motion'])} {r.choice(['filed by counsel', 'received', 'filed by attorney', 'placed in A-file', 'submitted by ' + r.choice(ORGS)])}{r.choice(['', '; OPLA notified', '; forwarded to docket'])}",
        f"{r.choice(['Attorney', 'Counsel', 'Subject' + chr(39) + 's attorney', 'Legal rep'])} {r.choice(['called requesting case status', 'called for status of case', 'visited', 'requested a copy of the I-213', 'requested a legal visit', 'emailed re: bond'])}",
        f"{r.choice(['Court date', 'Master calendar hearing', 'Individual hearing', 'Hearing', 'CFI', 'Credible fear interview'])} {r.choice(['scheduled', 'set', 'rescheduled', 'continued', 'held'])}{r.choice(['', ' for next week', ' before IJ ' + r.choice(LAST), ' with USCIS'])}",
        f"{s} {r.choice(['attended', 'appeared at'])} {r.choice(['the hearing', 'master calendar hearing', 'court'])}{r.choice(['', '; IJ ordered removal', '; case continued', '; relief denied'])}",
        f"{r.choice(['Consular interview', 'Consulate interview', 'Consular visit'])} {r.choice(['conducted', 'completed', 'held', 'done'])}{r.choice(['', ' telephonically', ' by video', ' in person'])}{r.choice(['', '; nationality confirmed', '; TD to follow', '; TD pending'])}",
        f"{ctry} {r.choice(['consulate', 'consular officer'])} {r.choice(['interviewed subject', 'confirmed nationality', 'requested a list of detainees', 'issued TD'])}",
        f"{s} {r.choice(['requested', 'asked for', 'wants', 'wishes', 'would like'])} to {r.choice(['call ' + p + ' consulate', 'file a complaint', 'file a grievance', 'call family', 'see the chaplain', 'buy commissary', 'get a copy of ' + p + ' birth certificate', 'see medical'])}",
        f"{_told(r)} that {r.choice([p + ' removal flight was postponed', 'the transfer is scheduled for tomorrow', p + ' property will be returned at release', 'visitation hours changed', 'the TD has not arrived', p + ' bond was denied'])}",
        f"{r.choice(['Explained', 'Reviewed'])} {r.choice(['the property release procedure', 'the grievance process', 'facility rules', 'the commissary process', 'visitation rules'])}{r.choice(['', ' to ' + s.lower()])}",
        f"{s} {r.choice(['released on OSUP', 'released on bond', 'bonded out', 'removed to ' + ctry, 'departed via charter', 'placed in SMU', 'placed on hunger strike watch'])}",
        f"{r.choice(['Departure verified', 'Removal verified', 'Removal completed'])}{r.choice(['', ' to ' + ctry, ' via ICE Air'])}",
        f"{r.choice(['Interview not conducted', 'No interview today', 'Interview rescheduled'])}{r.choice(['', ' due to lockdown', ' - interpreter unavailable', ' due to court'])}",
        f"{r.choice(['Interpreter', 'Telephonic interpreter', 'Language Line'])} {r.choice(['unavailable', 'not available'])}{r.choice(['', '; interview rescheduled'])}",
        f"{r.choice(['Fingerprints', 'Biometrics', 'The I-213', 'A-file', 'Records check'])} {r.choice(['resubmitted', 'reviewed', 'requested from records', 'completed', 'received'])}{r.choice(['', '; no discrepancies'])}",
        f"{r.choice(['Sponsor', 'The sponsor', 'ORR'])} {r.choice(['vetting in progress', 'application received', 'assessment pending', 'home study scheduled'])}",
        f"Case {r.choice(['transferred', 'reassigned'])} to {_officer(r)}",
    ])
    return Example(t, "NONE")


# admin first: it followed the grammar's own families before it moved here, so the
# random stream (and the model) stays the same
NOTE_FAMILIES = [(admin, 12), (neutral, 22), (quoted, 5), (whereabouts_info, 4), (form_reference, 2),
                 (bare_answer, 2), (accept_about_else, 2)]


def _offer_families():
    from training.comment_offers import OFFER_FAMILIES  # it builds on the grammar's slots
    return OFFER_FAMILIES


NOTE_FAMILIES += _offer_families()


def _lower_first(t: str) -> str:
    return t[:1].lower() + t[1:] if t[:2] != t[:2].upper() else t


def vary(r: random.Random, ex: Example, draw) -> Example:
    """Entry-level variations of one clause. ``draw()`` returns a fresh example."""
    x = r.random()
    if x < 0.04 and ex.decision != "NONE":
        # a decision changed within one clause: the later one counts
        first = draw()
        for _ in range(5):
            if first.decision not in ("NONE", ex.decision):
                break
            first = draw()
        if first.decision not in ("NONE", ex.decision):
            mark = r.choice([m for m in P.LATER_MARK if "." not in m])
            text = f"{r.choice(P.FIRST_MARK)} {_lower_first(first.text)}{mark} {_lower_first(ex.text)}"
            flags = {k: max(first.flags.get(k, 0), ex.flags.get(k, 0)) for k in ("INFO", "OPTION", "WRITTEN")}
            return Example(text, ex.decision, flags)
    elif x < 0.08:
        return Example(P.reported(r) + _lower_first(ex.text), ex.decision, dict(ex.flags))
    elif x < 0.11 and ex.decision in ("WAIVE", "REQUEST"):
        words = ex.text.split(" ", 1)
        if len(words) == 2 and words[1][:1].islower():
            return Example(f"{words[0]} {r.choice(P.HEDGES)} {words[1]}", ex.decision, dict(ex.flags))
    return ex


def surface_noise(r: random.Random, text: str, noisy: bool = True) -> str:
    """Shorthand always may apply (its words are real words to learn); typing/OCR noise
    only when ``noisy`` (the vocabulary of known words is counted without it)."""
    x = r.random()
    if x < 0.15:
        text = P.shorthand(r, text)
    if r.random() < 0.12 and noisy:
        text = P.noise(r, text)
    return text


__all__ = ["NOTE_FAMILIES", "vary", "surface_noise", "COUNTRIES"]
