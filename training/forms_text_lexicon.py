"""Wordings for the text classifiers of the form reader: field labels per contract slot
and election options per meaning, in English, Spanish, Portuguese and French.

Each slot or meaning has a few *bases* per language; ``labels()``/``options()`` expand
them (case, colon, "(print)", numbering, bilingual "A / B", a value written after the
label) and ``noisy()`` adds OCR noise. The generator's own lexicon
(``samples.generator.lexicon``) is added to the bases, so wordings the forms print are
covered. Held-out evaluation leaves whole bases out (``split_bases``): it measures
wordings never seen, not copies.
"""
from __future__ import annotations

import random
from typing import Iterator

from samples.generator import lexicon as glx

L = dict[str, list[str]]

LABEL_BASES: dict[str, L] = {
    "parent_name": {
        "eng": ["Parent's name", "Name of parent", "Parent name", "Name of parent/legal guardian",
                "Parent/guardian name", "Printed name of parent", "Name of detained parent",
                "Detainee name", "Full name", "Name of adult", "Father/mother name",
                "Your name", "Name of the parent", "Parent full name"],
        "spa": ["Nombre del padre/madre", "Nombre del padre o madre", "Nombre completo",
                "Nombre del padre, madre o tutor", "Nombre del detenido", "Su nombre",
                "Nombre del adulto", "Nombre y apellidos del padre/madre"],
        "por": ["Nome do pai/mãe", "Nome completo", "Nome do responsável", "Nome do genitor",
                "Nome do detido", "Seu nome"],
        "fra": ["Nom du parent", "Nom et prénom du parent", "Nom complet", "Nom du père/de la mère",
                "Nom du détenu", "Votre nom"],
    },
    "parent_a_number": {
        "eng": ["A#", "A-Number", "Alien number", "A-File number", "Alien registration number",
                "Parent A#", "A No.", "Parent's A-Number", "File number (A#)"],
        "spa": ["Número A", "No. de extranjero", "Número de extranjero", "Núm. A", "A# del padre/madre",
                "Número de registro de extranjero"],
        "por": ["Número A", "Nº de estrangeiro", "Número de registro de estrangeiro", "A# do responsável"],
        "fra": ["Numéro A", "N° d'étranger", "Numéro d'enregistrement d'étranger", "A# du parent"],
    },
    "child_names": {
        "eng": ["Child(ren)", "Name of child(ren)", "Child's name", "Children's names", "Minor child(ren)",
                "Name(s) of minor(s)", "Child name", "Children", "Names of children"],
        "spa": ["Hijo(s)", "Nombre del menor", "Nombre(s) del (de los) niño(s)", "Hijo(s)/hija(s)",
                "Nombre de los menores", "Niño(s)", "Nombre de los hijos"],
        "por": ["Filho(s)", "Nome da(s) criança(s)", "Nome do(s) filho(s)", "Nome do menor",
                "Crianças"],
        "fra": ["Enfant(s)", "Nom de l'enfant", "Nom(s) des enfants", "Enfants mineurs",
                "Nom du mineur"],
    },
    "child_a_numbers": {
        "eng": ["Child A#", "Child's A-Number", "A-Number(s) of child(ren)", "Minor's A#",
                "Child alien number"],
        "spa": ["Número A del menor", "A# del niño", "No. de extranjero del menor"],
        "por": ["Número A da criança", "A# do menor"],
        "fra": ["Numéro A de l'enfant", "A# du mineur"],
    },
    "date_signed": {
        "eng": ["Date", "Date signed", "Signed on", "Date of signature", "Today's date", "Dated"],
        "spa": ["Fecha", "Firmado el", "Fecha de firma", "Fecha de hoy"],
        "por": ["Data", "Assinado em", "Data da assinatura", "Data de hoje"],
        "fra": ["Date", "Signé le", "Date de signature", "Fait le"],
    },
    "read_in_language": {
        "eng": ["Language used", "Language of interview", "Read to parent in", "Language explained in",
                "Parent's language", "Language", "Read in (language)"],
        "spa": ["Idioma utilizado", "Leído al padre en", "Idioma de la entrevista", "Idioma",
                "Lengua utilizada"],
        "por": ["Idioma utilizado", "Lido ao responsável em", "Idioma", "Língua usada"],
        "fra": ["Langue utilisée", "Lu au parent en", "Langue de l'entretien", "Langue"],
    },
    "interpreter": {
        "eng": ["Interpreter", "Interpreter name/ID", "Interpreted by", "Name of interpreter",
                "Interpreter (if used)", "Interpreter ID number"],
        "spa": ["Intérprete", "Interpretado por", "Nombre del intérprete"],
        "por": ["Intérprete", "Interpretado por", "Nome do intérprete"],
        "fra": ["Interprète", "Interprété par", "Nom de l'interprète"],
    },
    "official_name": {
        "eng": ["ICE officer", "Officer name", "Name of officer", "Officer present", "Printed name of officer",
                "Name of ICE official", "Officer name and title", "Deportation officer", "Served by"],
        "spa": ["Oficial de ICE", "Nombre del oficial", "Nombre del funcionario", "Oficial presente"],
        "por": ["Nome do oficial", "Oficial do ICE", "Nome do funcionário"],
        "fra": ["Nom de l'agent", "Agent de l'ICE", "Agent présent", "Nom du fonctionnaire"],
    },
    "witness": {
        "eng": ["Witness", "Witness name", "Name of witness", "Witnessed by", "Witness (print name)"],
        "spa": ["Testigo", "Nombre del testigo"],
        "por": ["Testemunha", "Nome da testemunha"],
        "fra": ["Témoin", "Nom du témoin"],
    },
    "supervisor": {
        "eng": ["Supervisor", "Supervisor name", "Reviewing supervisor", "Supervisory review",
                "Approved by supervisor", "Name of supervisor"],
        "spa": ["Supervisor", "Nombre del supervisor", "Revisión del supervisor"],
        "por": ["Supervisor", "Nome do supervisor", "Revisão do supervisor"],
        "fra": ["Superviseur", "Nom du superviseur", "Visa du superviseur"],
    },
    "signature": {
        "eng": ["Signature of parent", "Parent's signature", "Parent/guardian signature",
                "Signature of parent or legal guardian", "Signature", "Sign here", "Your signature"],
        "spa": ["Firma del padre o madre", "Firma del padre/madre", "Firma", "Firme aquí",
                "Firma del interesado"],
        "por": ["Assinatura do responsável", "Assinatura do pai/mãe", "Assinatura", "Assine aqui"],
        "fra": ["Signature du parent", "Signature", "Signez ici", "Signature de l'intéressé"],
    },
    "official_signature": {
        "eng": ["Signature of officer", "Officer's signature", "Signature of ICE official",
                "Officer signature"],
        "spa": ["Firma del oficial", "Firma del funcionario"],
        "por": ["Assinatura do oficial", "Assinatura do funcionário"],
        "fra": ["Signature de l'agent", "Signature du fonctionnaire"],
    },
    "none": {
        "eng": ["Date of birth", "DOB", "Country of citizenship", "Nationality", "Detention facility",
                "Location", "Event No.", "Case number", "Address", "Telephone", "Sex", "Age",
                "Place of birth", "Office", "Page 1 of 1", "Check one box", "Instructions",
                "Notice to parent", "Read carefully", "For official use only", "Attachment",
                "Property", "Remarks", "Fingerprint", "Facility", "Port of entry"],
        "spa": ["Fecha de nacimiento", "País de origen", "Nacionalidad", "Centro de detención",
                "No. de caso", "Dirección", "Teléfono", "Sexo", "Edad", "Lugar de nacimiento",
                "Instrucciones", "Marque una opción", "Lea con atención", "Observaciones"],
        "por": ["Data de nascimento", "País de origem", "Nacionalidade", "Local de detenção",
                "Nº do caso", "Endereço", "Telefone", "Sexo", "Idade", "Instruções"],
        "fra": ["Date de naissance", "Pays d'origine", "Nationalité", "Centre de détention",
                "N° de dossier", "Adresse", "Téléphone", "Sexe", "Âge", "Instructions",
                "Cochez une case", "Lisez attentivement"],
    },
}
# generator lexicon slot -> this classifier's slot
_GENERATOR_SLOTS = {
    "parent_name": "parent_name", "parent_a_number": "parent_a_number", "child_names": "child_names",
    "child_a_numbers": "child_a_numbers", "date_signed": "date_signed",
    "read_in_language": "read_in_language", "interpreter_name": "interpreter",
    "parent_signature": "signature", "official_name": "official_name",
    "official_signature": "official_signature", "witness_heading": "witness",
    "witness_name": "witness", "supervisor_heading": "supervisor", "supervisor_name": "supervisor",
    "dob": "none", "country": "none", "facility": "none", "event_no": "none",
}
VALUE_LIKE = ["María López", "J. Smith", "A 123 456 789", "12/03/2018", "Spanish", "español",
              "2018-07-14", "Juan Pérez Gómez", "N/A", "X", "K'iche'", "Language Line #2231",
              "Officer R. Walker", "July 3, 2018", "Ana, Luis", "SDDO Brennan"]


def label_bases() -> dict[str, list[tuple[str, str]]]:
    """slot -> [(language, base wording)], the grammar's and the generator's."""
    out: dict[str, list[tuple[str, str]]] = {s: [] for s in LABEL_BASES}
    for slot, by_lang in LABEL_BASES.items():
        out[slot] += [(l, t) for l, ts in by_lang.items() for t in ts]
    for gslot, slot in _GENERATOR_SLOTS.items():
        for l, ts in getattr(glx, "LABELS", {}).get(gslot, {}).items():
            out[slot] += [(l, t) for t in ts if t and (l, t) not in out[slot]]
    return out


def split_bases(bases: dict[str, list[tuple[str, str]]], share: float, seed: int):
    """(train, held-out) bases: a share of each slot's wordings left out entirely."""
    rng = random.Random(seed)
    tr, ho = {}, {}
    for slot, items in bases.items():
        items = sorted(items)
        rng.shuffle(items)
        k = max(1, int(round(share * len(items))))
        ho[slot], tr[slot] = items[:k], items[k:]
    return tr, ho


_OCR = [("l", "1"), ("o", "0"), ("rn", "m"), ("m", "rn"), ("e", "c"), ("i", "l"), ("a", "o"),
        ("'", ""), ("(", "{"), (")", "}"), ("s", "5"), ("n", "ri"), ("h", "b"), ("/", "l")]


def noisy(rng: random.Random, t: str, rate: float) -> str:
    """OCR-like noise: confusable letters, dropped or doubled characters, merged words."""
    if rng.random() > rate:
        return t
    out = t
    for _ in range(rng.randint(1, 3)):
        k = rng.random()
        if k < 0.45:
            a, b = rng.choice(_OCR)
            idx = out.find(a)
            if idx >= 0:
                out = out[:idx] + b + out[idx + len(a):]
        elif k < 0.65 and len(out) > 3:
            i = rng.randrange(len(out))
            out = out[:i] + out[i + 1:]
        elif k < 0.8 and " " in out:
            i = out.index(" ")
            out = out[:i] + out[i + 1:]
        else:
            i = rng.randrange(len(out))
            out = out[:i] + rng.choice("|.,;:-_'`~") + out[i:]
    return out


def label_text(rng: random.Random, bases: dict[str, list[tuple[str, str]]], slot: str) -> str:
    lang, t = rng.choice(bases[slot])
    if rng.random() < 0.25:  # bilingual "A / B": another wording of the same slot
        l2, t2 = rng.choice(bases[slot])
        if t2 != t:
            t = f"{t} / {t2}" if rng.random() < 0.8 else f"{t} ({t2})"
    if rng.random() < 0.12:
        t += rng.choice([" (print)", " (please print)", " (PRINT)", " (if any)", " (letra de molde)"])
    k = rng.random()
    t = t.upper() if k < 0.2 else t.title() if k < 0.3 else t.lower() if k < 0.35 else t
    if rng.random() < 0.55:
        t += rng.choice([":", ":", " :", ".", " -"])
    if rng.random() < 0.1:
        t = rng.choice(["1. ", "2) ", "a. ", "(3) ", "* "]) + t
    if rng.random() < 0.15 and slot != "none":  # the value written on the same line
        t = f"{t} {rng.choice(VALUE_LIKE)}"
    return t


def labels(rng: random.Random, bases: dict[str, list[tuple[str, str]]], n: int, noise: float
           ) -> Iterator[tuple[str, str]]:
    slots = list(bases)
    for _ in range(n):
        slot = rng.choice(slots)
        if slot == "none" and rng.random() < 0.3:  # a value, a sentence: not a label either
            sentences = [s for by in getattr(glx, "INSTRUCTIONS", {}).values() for s in by]
            t = rng.choice(VALUE_LIKE if rng.random() < 0.5 or not sentences else sentences)
        else:
            t = label_text(rng, bases, slot)
        yield noisy(rng, t, noise), slot
