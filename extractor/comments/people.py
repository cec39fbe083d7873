"""Rules for the people an officer names in a case comment: the witness of an oral
waiver or a signing, and the children. Officers' titles, name lists and upper-case text
are handled by general patterns (title + capitalised words, stop words that are never
names); :mod:`extractor.comments.fields` turns the results into fields.
"""
from __future__ import annotations

import re
from typing import Optional

# titles may stack ("Supv. DO Blanchard", "Acting SDDO Reyes")
_TITLE = (r"(?:SDDO|AFOD|FOD|ERO|IEA|DDO|SDO|SIEA|ADDO|DO|IO|Officer|OFFICER|Ofc\.?|Supervisor|"
          r"Supervisory|SUPV\.?|Supv\.?|Acting|Agent|agent|AGENT)")
# a title written out ("Supervisory Detention and Deportation Officer"), any case
_LONG_TITLE = (r"(?i:(?:(?:supervisory|assistant|deputy|acting|senior|lead)\s+)*(?:detention\s+(?:and|&)\s+deportation|"
               r"deportation|immigration\s+enforcement|enforcement\s+(?:and|&)\s+removal)\s+officer)")
# "St." and "Ste." inside surnames ("B. St. Claire"), initials, capitalised words
_NAMETOK = r"(?:(?:St|ST|Ste|STE)\.|[A-ZÀ-Ý]\.|[A-ZÀ-Ý][A-Za-zÀ-ÿ'’\-]+)"
_NAME = rf"(?:{_LONG_TITLE}\s+|(?:{_TITLE}\s+){{0,2}}){_NAMETOK}(?:\s+{_NAMETOK}){{0,3}}"
_WITNESS_BEFORE = re.compile(
    rf"\b(?i:w[il1]?tn?e?s+e?d\s*(?:by|:|-)|in\s+(?:the\s+)?presence\s+of|w[il1]?tn?e?s+(?:es)?\s*(?::|-|was|is)|"
    rf"wit\s*[:\-]|heard\s+by|with\s+witness|en\s+presencia\s+de|testigo\s*:|t[eé]moin\s*:|"
    rf"testemunha\s*:|temwen\s*:|in\s+front\s+of|"
    # "Witness present: X", "Witnessing officer: X", "heard by myself and SDDO X"
    rf"w[il1]?tn?e?s+(?:ing)?\s+(?:present|officer)\s*[:\-]|"
    rf"heard\s+by\s+(?:me|myself|this\s+officer|the\s+undersigned|(?:the\s+)?writer)\s+and\s+(?=(?:{_TITLE}|{_LONG_TITLE})\s)|"
    # "Witness to signing: DO X", "witness to the decision - X"
    rf"w[il1]?tn?e?s+(?:es)?\s+(?:to|of)\s+(?:the\s+)?(?:signing|signature|decision|election|waiver|interview)\s*[:\-]|"
    # "witnessed SDDO X": the verb right before a titled officer
    rf"w[il1]?tn?e?s+e?d\s+(?=(?:{_TITLE}|{_LONG_TITLE})\s))\s*({_NAME})")
# "WIT DO B. Karlsson", "Witness SDDO L. Marchetti": no colon, so a title or an initial must follow
_NAME_STRONG = (rf"(?:{_TITLE}\s+{_NAMETOK}(?:\s+{_NAMETOK}){{0,3}}|"
                rf"[A-ZÀ-Ý]\.\s*{_NAMETOK}(?:\s+{_NAMETOK}){{0,2}})")
_WITNESS_BARE = re.compile(rf"\b(?i:wit|w[il1]?tn?e?s+)\.?\s+({_NAME_STRONG})")
# "W: DO Yeager": the one-letter label only before a title
_WITNESS_W = re.compile(rf"(?<![A-Za-z/])W\s*:\s*({_TITLE}\s+{_NAMETOK}(?:\s+{_NAMETOK}){{0,2}})")
# "SDDO Carrow witness", "DO Brannigan wit.": a titled officer followed by the word
_WITNESS_TITLED_AFTER = re.compile(rf"\b({_TITLE}\s+{_NAMETOK}(?:\s+{_NAMETOK}){{0,2}})\s*(?:\s(?i:wit\.?|witness|as\s+witness)|"
                                   rf"\(\s*(?i:wit\.?|witness)\s*\))(?![A-Za-z])")
# "wit DO mccloskey": a title, then a lower-case surname (typed in haste), at the clause end
_WITNESS_LOWER = re.compile(rf"\b(?i:wit|w[il1]?tn?e?s+)\s*[:.\-]?\s*((?i:SDDO|AFOD|FOD|IEA|SDO|DO)\s+(?:[a-z]\.\s*)?[a-z][a-z'\-]{{2,}})\s*(?:[.;]|$)")
_WITNESS_AFTER = re.compile(
    rf"({_NAME})(?:\s*\([^()]{{0,30}}\))?,?\s+(?i:(?:who\s+)?(?:was\s+)?(?:present\s+as\s+(?:a\s+)?witness|witnessed|acted\s+as\s+witness|"
    rf"served\s+as\s+witness))")
# "SDDO WHEELER PRESENT": an officer named with a title and recorded as present
_WITNESS_PRESENT = re.compile(rf"\b({_TITLE}\s+{_NAMETOK}(?:\s+{_NAMETOK}){{0,2}})\s+(?i:(?:was\s+)?present)\b|"
                              rf"(?i:also\s+present)\s*[:\-]\s*({_TITLE}\s+{_NAMETOK}(?:\s+{_NAMETOK}){{0,2}})")


def _clean_person(s: str) -> Optional[str]:
    s = re.sub(r"\s+", " ", s).strip(" .,;:")
    if not s or s.lower() in {"this officer", "the officer", "officer", "me", "the undersigned"}:
        return None
    if s.split()[0].lower() in {"this", "the", "a", "an", "subject", "parent"}:
        return None
    return s


def witness(text: str) -> Optional[tuple[str, tuple[int, int]]]:
    """Who heard the oral waiver or witnessed the signing, and where it was read."""
    for rx in (_WITNESS_BEFORE, _WITNESS_BARE, _WITNESS_W, _WITNESS_AFTER, _WITNESS_TITLED_AFTER,
               _WITNESS_PRESENT, _WITNESS_LOWER):
        for m in rx.finditer(text):
            g = 1 if m.group(1) is not None or rx.groups < 2 else 2
            name = m.group(g)
            if rx is _WITNESS_LOWER:
                if name.split()[-1] in _STOP:
                    continue
                return name, m.span(1)
            if rx in (_WITNESS_AFTER, _WITNESS_PRESENT, _WITNESS_TITLED_AFTER):
                # keep only the name at the end of what precedes "present as witness"
                name = _trailing_name(name)
            # the name is upper-case words only up to a lower-case word
            name = _clean_person(_cut_name(name))
            if name:
                return name, (m.start(g), m.start(g) + len(m.group(g)))
    return None


def _trailing_name(s: str) -> str:
    """The name at the end of what precedes "present as witness": from the last title
    on ("U.S. AFOD R. Wilson" -> "AFOD R. Wilson"), else without leading stop words."""
    toks = s.split()
    titled = [i for i, t in enumerate(toks) if re.fullmatch(_TITLE, t)]
    if titled:
        first = titled[-1]
        while first - 1 in titled:  # stacked titles stay: "Supv. DO Blanchard"
            first -= 1
        return " ".join(toks[first:])
    while toks and toks[0].lower() in _STOP:
        toks = toks[1:]
    return " ".join(toks)


def _cut_name(s: str) -> str:
    long = re.match(rf"{_LONG_TITLE}\s+", s)
    if long:  # the title's own words ("and") are no stop
        rest = _cut_name(s[long.end():])
        return s[:long.end()] + rest if rest else ""
    toks = []
    for t in s.split():
        initial = re.fullmatch(r"[A-ZÀ-Ý]\.", t) is not None
        if t.strip(".,").lower() in _STOP and not re.fullmatch(_TITLE, t) and not initial:
            break
        toks.append(t)
    return " ".join(toks)


# Words that are never part of a child's or officer's name (upper-case text hides case).
_STOP = set("""
a about after again against all along alone also an and any are as at back be because been
before being better between both but by can case child children choice consulate could
custody daughter daughters decided decision depart departure did do does down during each
either elected election first for form from future go going had has have he her here him
his home however if immigration in into is it its just leave left located may me minor more
my no not now of on once only option or orr other our out over per placed prior pursue
relief remain removal removed returned reunification reunified reunify said same she
shelter should since so son sons stated stay still subject subj such than that the their
them then there these they this those through time to together too under until up us
very was we were what when where which while who why will with without would you your
want wants wished wishes wish requested requesting requests request remained remains
deported sent taken brought back home mr mrs ms sra sr uac kid kids family relatives
officer present witness witnessed interview interpreter interp language today advised
informed explained read signed waiver elects sponsor whom pa parent detainee mother father
is are was were en con sin mi su y el la los las de del que por para quiero
via tel telephonic interp adv advd decl req reqd reunif rptd ero do fod afod sddo iea
per pending prior re regarding concerning who has had also currently again now
see yes travel travels traveling stays goes returns accompany coordinator manager
juv juvenile supervisor counselor caseworker aunt uncle grandmother grandfather cousin
sister brother husband wife spouse
atty attys attorney lawyer abogado states says listed named noted shown recorded reported
confirmed identified old location whereabouts referral consult
""".split())
_STOP -= {"de", "del", "la", "los", "las"}  # allowed inside Spanish names (see below)
# function words of quoted or written Spanish, Portuguese, French and Creole: never a
# child's name (kept apart from _STOP: "Li", "San" occur in officers' names)
_CHILD_STOP = _STOP | set("se queda quedan quede lo le com sem os ne pas il elle avec sans mwen li ak san".split())
# time adverbs that end an English clause ("regarding his daughter yet") and the verbs of a
# parent's quoted words ("no lo voy a llevar"), in capitals as officers type them
_CHILD_STOP |= set("yet tomorrow tonight later soon anymore already again "
                   "llevar llevarla llevarlo traer dejar dejarla dejarlo ir irme voy vamos quiero quiere "
                   "levar deixar ficar vou quero mennen kite".split())
# words officers type in capitals after a child noun or "w/" that are never names
_CHILD_STOP |= set("due writer count answer subj's interrupted".split())

# "minor child Josue": a second child noun is part of the noun, not the name. Plural
# nouns and officers' shorthand ("UAC", "Baby:") introduce names too, "mother of" names
# the children ("Mother of Josselyn and Fernando"); "chiId" is "child" with OCR's I for l.
# Spanish, Portuguese, French and Haitian Creole child nouns name children too ("su hija
# Alison", "filha Larissa", "fils Mamadou"); "her 2 yr old (Name)" and "child name:" as well.
_CHILD_NOUN = (r"(?:(?:minor|usc|youngest|eldest|oldest)\s+(?:son|daughter|child)|sons?|daughters?|"
               r"chi[lI1]d(?:ren)?(?:'?s?\s+names?)?|minors?|kids?|uacs?|(?:baby|little)\s+(?:girl|boy)|baby|infant|(?:mother|father|parent)\s+of(?:\s+uac)?|"
               r"hij[oa]s?|ni[nñ][oa]s?|filh[oa]s?|fils|filles?|enfants?|pitit|"
               r"\d{1,2}[\s-]*(?:yr|year|y/o|yo)s?(?:[\s-]*old)?)")
# "AND" joins two names in capitals ("UAC ANA LUZ AND UAC JOSE"): never part of one
_NAME_WORD = r"(?!AND\b)[A-ZÀ-Ý][A-Za-zÀ-ÿ'’\-]+"
# a nickname in quotes stays inside the name as written: Jose "Pepe" Alvarado
_NICK = r"[\"“][A-ZÀ-Ý][A-Za-zÀ-ÿ'’\-]+[\"”]"
_ONE_NAME = rf"{_NAME_WORD}(?:\s+{_NICK})?(?:\s+(?:(?:de|del|de la|de los)\s+)?{_NAME_WORD}){{0,4}}"
# a child named by initials only, as agency records write a minor ("UAC M.L.P."); never "U.S."
_INITIALS = r"(?!U\.S\.)(?:[A-ZÀ-Ý]\.){2,4}(?![A-Za-z])"
# a list of names: "Elsa and Tomas", "Jose, Maria and Eliseo", "Heidy, Josue"
_CHILD_RE = re.compile(rf"\b(?i:{_CHILD_NOUN})\b\s*(?:(?i:two|three|four|both)\s+(?i:children|kids|sons|daughters)\s*)?"
                       rf"(?:(?:(?i:'s\s+name\s+is|named|called|name\s+is)|(?-i:is))\s+)?"
                       rf"[,:(]?\s*\(?\s*({_INITIALS}|{_ONE_NAME}(?:\s*(?:,|&|\b(?i:and)\b|\by\b)\s*{_ONE_NAME})*)")
_AGE_RE = re.compile(r"\s*\(\s*\d{1,2}\s*(?:y/?o|yrs?|years?(?:\s+old)?|mos?|months?)?\s*\)|"
                     r"(?<=[A-Za-zÀ-ÿ])\s+\d{1,2}\s*(?:y/?o|yrs?|years?(?:\s+old)?|mos?|months?)?"
                     r"(?=\s*[,)&;]|\s+(?:and|y|AND|Y)\s)", re.I)
_PLACE_BEFORE = re.compile(r"\b(?:location|whereabouts)\s+(?:of|for)\s+(?:the\s+|his\s+|her\s+|their\s+)?$|"
                           r"\bwhere\s+(?:the\s+|his\s+|her\s+|their\s+)$", re.I)
_LIST_TITLE = re.compile(r"^(?i:uacs?|minor|child|son|daughter|baby)\s+(?=[A-ZÀ-Ý])")
# nationalities and places after "child is" (not a name)
_DEMONYM = re.compile(r"(?i:(?:guatemal|hondur|salvador|mexic|brazil|ecuador|nicaragu|haiti|cuba|venezuel|"
                      r"colombi|peru|domin|americ|u\.?s\b|citizen|national|resident|detained|in\b|at\b)\w*)")
_LIST_SEP = re.compile(r"\s*(?:,|&|\b(?i:and)\b|\by\b|\bY\b)\s*")


# the parent's words quoted, in double or single quotes ("'NAO VOU DEIXAR ...'"); an
# apostrophe inside a word ("SUBJ'S", "O'Neil") opens no quotation
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]|(?<![A-Za-z])['‘][^'‘’\n]{3,}['’](?![A-Za-z])")


def _no_name(t: str) -> bool:
    """A stop word, also as the first part of a hyphenated word ("IN-PERSON")."""
    return t.lower() in _CHILD_STOP or ("-" in t and t.split("-")[0].lower() in _CHILD_STOP)


def _name_part(raw: str) -> Optional[str]:
    """The capitalised words of one name up to the first stop word."""
    toks = []
    for t in raw.split():
        if toks and re.fullmatch(_NICK, t):
            toks.append(t)
            continue
        if _no_name(t) or (not t[0].isupper() and t not in ("de", "del", "la", "los")):
            break
        toks.append(t)
    while toks and toks[-1] in ("de", "del", "la", "los"):
        toks.pop()
    return " ".join(toks) or None


def _language_word(name: str) -> bool:
    """A language's name or code ("CHILD (SPA, ...)"): no child's name."""
    from extractor.normalize import LANGUAGE_NAMES

    low = name.lower()
    return low in LANGUAGE_NAMES or any(low == n.lower() for ns in LANGUAGE_NAMES.values() for n in ns)


_NUMBERED = re.compile(r"(?<=[\s:,;])\(?\d{1,2}\s*[.)]\s*(?=[A-ZÀ-Ý])")


_LETTERED = re.compile(r"(?<=[\s:,;])\(\s*(?:[A-Ea-e]|i{1,3}|iv|v|I{1,3}|IV|V)\s*\)\s*(?=[A-ZÀ-Ý])")


def _unletter(text: str) -> str:
    """A list lettered "(A) Ana (B) Luis" or numbered in Roman "(i) Ana (ii) Luis" as a
    comma list, same length (only where the second item's mark follows the first's)."""
    if not re.search(r"\(\s*(?:[Aa]|i|I)\s*\)\s*[A-ZÀ-Ý].{0,80}?\(\s*(?:[Bb]|ii|II)\s*\)\s*[A-ZÀ-Ý]", text):
        return text

    def blank(m: re.Match) -> str:
        mark = m.group(0).strip(" ()").lower()
        w = len(m.group(0))
        return " " * w if mark in ("a", "i") else "," + " " * (w - 1)
    return _LETTERED.sub(blank, text)


# A nickname in quotes, then the name in brackets: 'child "Chiqui" (Ana Luisa)', 'son
# "TITO" (REAL NAME: ALBERTO)': the bracketed name is the child's; the nickname, the
# bracket and its label are blanked (same length) so the child noun reads the name
_NICK_THEN_NAME = re.compile(r"[\"“][^\"“”]{1,20}[\"”]\s*\(\s*(?:(?i:real|legal|full|true)\s+(?i:name)\s*[:\-]?\s*)?(?=[A-ZÀ-Ý])")
# "(SON, ALBERTO)": the child noun inside the bracket before the name
_KIN_IN_BRACKET = re.compile(r"(?<=\()\s*(?i:son|daughter|boy|girl|hij[oa]|filh[oa])\s*,\s*(?=[A-ZÀ-Ý])")
# names each in double quotes after a child noun: 'CHILDREN "ANA" AND "LUIS"'
_QUOTED_NAMES = re.compile(rf"(?<=\s)[\"“]({_NAME_WORD}(?:\s+{_NAME_WORD})?)[\"”](?=\s*(?:[.,;)]|$|\s+(?i:and|y|&)\s+[\"“]))")


def _unquote_names(text: str) -> str:
    """Quotes, nicknames and bracket labels around children's names blanked, same length."""
    text = _NICK_THEN_NAME.sub(lambda m: " " * len(m.group(0)), text)
    text = _KIN_IN_BRACKET.sub(lambda m: " " * len(m.group(0)), text)
    out = text
    for m in _QUOTED_NAMES.finditer(text):
        before = text[max(0, m.start() - 40):m.start()]
        if re.search(rf"(?i:\b{_CHILD_NOUN})\s*[:,]?\s*$|[\"”]\s*(?:,|&|\b(?i:and|y)\b)\s*$", before):
            out = out[:m.start()] + " " + m.group(1) + " " + out[m.end():]
    return out


def _unnumber(text: str) -> str:
    """A numbered list of names ("kids: 1) Ana 2) Luis") as a comma list, same length."""
    text = _unquote_names(_unletter(text))
    if not re.search(r"(?<![\w#])\(?1\s*[.)]\s*[A-ZÀ-Ý].{0,80}?(?<![\w#])\(?2\s*[.)]\s*[A-ZÀ-Ý]", text):
        return text

    def blank(m: re.Match) -> str:
        first = text[:m.start()].rstrip().endswith(":") or m.group(0).lstrip("(").startswith("1")
        w = len(m.group(0))
        return " " * w if first else "," + " " * (w - 1)
    return _NUMBERED.sub(blank, text)


def children(text: str) -> Optional[tuple[list[str], tuple[int, int]]]:
    """The children named in the entry, and where the first was read."""
    names: list[str] = []
    first_span = None
    # ages in brackets ("Ashley (7), Carlos (4)") would end the list: blank them, same length
    text = _AGE_RE.sub(lambda m: " " * len(m.group(0)), _unnumber(text))
    quoted = [(q.start(), q.end()) for q in _QUOTED.finditer(text)]
    for m in _CHILD_RE.finditer(text):
        if any(a <= m.start() < b for a, b in quoted):
            continue  # words inside a quotation of what the parent said
        if "(" in text[m.end(0) - len(m.group(1)) - 3:m.start(1)] and _PLACE_BEFORE.search(text[max(0, m.start() - 30):m.start()]):
            continue  # "the location of his son (shelter, city)": a place in brackets, not a name
        raw = m.group(1)
        start = m.start(1)
        if not raw[0].isupper():
            continue
        if re.search(r"\bis\s+$", text[m.start():m.start(1)]) and _DEMONYM.match(raw):
            continue  # "child is Guatemalan": what the child is, not its name
        for k, part in enumerate(_LIST_SEP.split(raw)):
            part = _LIST_TITLE.sub("", part)  # "Jonatan and UAC Elmer": the title is no name
            name = _name_part(part) if part else None
            if name is None or _language_word(name):
                break  # a stop word ends the list ("Elsa and SUBJ ..." is not a name)
            if name.lower() in (n.lower() for n in names):
                continue
            names.append(name)
            if first_span is None:
                first_span = (start, start + len(name))
            if len(name.split()) < len(part.split()):
                break  # the name stopped early: the words after it are not names
    if not names:
        return _children_elsewhere(text)
    return names, first_span


# Where no child noun stands before the names: a list after a plural child noun and a
# colon ("2 CHILDREN BEFORE REMOVAL: OSCAR AND KEILY"), a bracketed list in a clause about
# the children ("wants all 3 w/ him (Darwin, Joselyn, Ever)"), and a name as what the
# parent takes, leaves or goes with ("will not take Luis with him", "wants Yeimi to stay",
# "whether Andrea goes back").
_PLURAL_NOUN = r"(?i:children|kids|sons|daughters|girls|boys|minors|uacs|hijos|hijas|filhos|filhas|enfants)"
# "... her 2 children. Names: A, B" / "names are A and B": a names label in an entry about children
_COLON_LIST = re.compile(rf"(?:\b(?:{_PLURAL_NOUN}|(?i:child|son|daughter|uac|minor)\s+(?i:named?|names?)\b)[^.;:\n]{{0,40}}:|"
                         rf"(?:^|[.;,]\s*|\b(?i:their|his|her)\s+)(?i:names)\s*(?::|(?i:are)\b))\s*({_ONE_NAME}(?:\s*(?:,|&|\b(?i:and)\b)\s*{_ONE_NAME})*)")
_BRACKET_LIST = re.compile(rf"\(\s*({_ONE_NAME}(?:\s*,\s*{_ONE_NAME})+)\s*\)")
_TAKE = (r"(?:take|takes|taking|took|leave|leaves|leaving|left|bring|wants|want|wanted|w/|w/o|with|without|"
         r"for|whether|if|that|reunited\s+with|reunify\s+with|de\s+llevar|llevar|llevarse|(?<=[aei]r\s)a)")
_AFTER_NAME = (r"(?=\s*(?:[.;,)]|$)|\s+(?:with|w/|back|to|goes|go|stay|stays|remain|remains|be|not|is|in|"
               r"home|prior|before|behind|along|alone|con|but)\b)")
_OBJECT_NAME = re.compile(rf"(?<![\w/])(?i:{_TAKE})\s+({_NAME_WORD}(?:\s+{_NAME_WORD})?"
                          rf"(?:\s*(?:,|\b(?i:and)\b)\s*{_NAME_WORD}(?:\s+{_NAME_WORD})?)*){_AFTER_NAME}")
_NOT_CHILD = re.compile(r"(?i)\b(?:spoke|speak|speaking|talk|talked|met|call|called|consult|interview|interviewed|"
                        r"via|interp\w*|officer|do|sddo|iea|attorney|lawyer|sister|brother|wife|husband|"
                        r"family|relative|cousin|aunt|uncle|grandmother|mother|father|sponsor)\W*$")


def _children_elsewhere(text: str) -> Optional[tuple[list[str], tuple[int, int]]]:
    from extractor.normalize import LANGUAGE_NAMES

    langs = {n.lower() for names in LANGUAGE_NAMES.values() for n in names}
    codes = set(LANGUAGE_NAMES)  # "(SPA, DO FLUENT)": a language code, no name
    if not re.search(rf"(?i)\b{_CHILD_NOUN}\b|\b(?i:him|her|them|boys?|girls?|little\s+ones)\b", text):
        return None  # no child in the entry: a capitalised word is someone or somewhere else

    def usable(raw: str) -> Optional[str]:
        name = _name_part(_LIST_TITLE.sub("", raw))
        if not name or any(w.lower() in langs or w.lower() in codes or w.lower() in _PLACES
                           or re.fullmatch(_TITLE, w) for w in name.split()):
            return None
        if re.fullmatch(rf"(?i:{_CHILD_NOUN})", name.replace(" ", "")):
            return None  # a child noun split by OCR or typing ("CHI LD")
        return name

    for m in _COLON_LIST.finditer(text):
        names = [n for n in (usable(p) for p in _LIST_SEP.split(m.group(1))) if n]
        if names:
            return names, m.span(1)
    for m in _BRACKET_LIST.finditer(text):
        clause = text[max(0, text.rfind(".", 0, m.start()) + 1):m.start()]
        if re.search(rf"\b{_CHILD_NOUN}\b|\ball\s+\d\b", clause, re.I) and not _PLACE_BEFORE.search(clause) \
                and not re.search(r"(?i)\b(?:at|in|location|whereabouts|shelter|facility)\W*$", clause):
            names = [usable(p) for p in _LIST_SEP.split(m.group(1))]
            if names and all(names):
                return names, m.span(1)
    for m in _OBJECT_NAME.finditer(text):
        if _NOT_CHILD.search(text[max(0, m.start() - 25):m.start()]) or text[:m.start()].rstrip().endswith(":"):
            continue
        if m.group(1).isupper() and not text.isupper():
            continue  # an acronym in mixed-case text
        names = [usable(p) for p in _LIST_SEP.split(m.group(1))]
        if names and all(names):
            return names, (m.start(1), m.start(1) + len(names[0]))
    return None


# Places and organisations officers name after "with"/"for" (never a child's name)
_PLACES = set("""
orr ice ero dhs hhs cbp us usa u.s. language line languageline lionbridge transperfect
guatemala honduras mexico salvador el brazil haiti ecuador nicaragua texas arizona
florida california phoenix houston brownsville harlingen port isabel stewart southwest
key casa padre sponsor consulate court god jesus monday tuesday wednesday thursday friday
saturday sunday january february march april may june july august september october
november december
""".split())
