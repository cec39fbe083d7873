"""Election option wordings by meaning, in English, Spanish, Portuguese and French, for
the option-meaning classifier: a grammar of subject + request + object phrases, with
negations that flip the meaning ("I do NOT wish to be reunited" is leaving without the
child), the two 2018 forms' options as the issue quotes them, and the generator's own
option sentences. ``other`` is what an option block also holds: leads ("Check one
box"), instructions, acknowledgements, signature captions.
"""
from __future__ import annotations

import random
from typing import Iterator

from samples.generator import lexicon as glx

# the June 2018 "Separated Parent's Removal Form", as quoted in issue 12
FORM_2018_JUNE = {
    "reunify": ["I am requesting to reunite with my child(ren) for the purpose of repatriation "
                "to my country of citizenship."],
    "depart_without_child": [
        "I am affirmatively, knowingly, and voluntarily requesting to return to my country of "
        "citizenship without my minor child(ren) who I understand will remain in the United "
        "States to pursue available claims of relief."],
}

# (subject, verb phrases) x objects; {neg} marks a phrase negated in that language
PHRASES: dict[str, dict[str, list[str]]] = {
    "reunify": {
        "eng": ["I want to be reunited with my child(ren) and removed together",
                "I wish to be removed with my child(ren)", "I request to reunite with my child(ren)",
                "I want my child(ren) to return with me to my country",
                "I elect to be reunified with my child(ren) for removal",
                "reunite me with my child(ren) before my removal",
                "I want to leave the United States together with my child(ren)",
                "I do not want to leave without my child(ren)",
                "I choose reunification with my child(ren) for the purpose of removal",
                "my child(ren) and I will depart together"],
        "spa": ["Deseo ser reunificado(a) con mi(s) hijo(s) y salir juntos",
                "Quiero que mi(s) hijo(s) regrese(n) conmigo a mi país",
                "Solicito reunirme con mi(s) hijo(s) para ser repatriados juntos",
                "Quiero salir de los Estados Unidos junto con mis hijos",
                "No quiero irme sin mi(s) hijo(s)", "Elijo la reunificación con mi hijo para la deportación"],
        "por": ["Desejo ser reunido(a) com meu(s) filho(s) e sair junto com ele(s)",
                "Quero que meu(s) filho(s) volte(m) comigo", "Solicito a reunificação com meu(s) filho(s)",
                "Não quero partir sem meu(s) filho(s)"],
        "fra": ["Je souhaite être réuni(e) avec mon (mes) enfant(s) et partir ensemble",
                "Je demande à retourner dans mon pays avec mon enfant",
                "Je veux que mes enfants repartent avec moi", "Je ne veux pas partir sans mon enfant"],
    },
    "depart_without_child": {
        "eng": ["I will depart the United States without my child(ren)",
                "I do not wish to be reunited with my child(ren)",
                "I choose to return to my country alone; my child(ren) will stay in the United States",
                "I decline reunification and will be removed without my child(ren)",
                "I am not requesting that my child(ren) be removed with me",
                "I waive reunification with my child(ren)",
                "I want to leave without my child(ren), who will remain here to pursue relief",
                "I request to return to my country of citizenship without my minor child(ren)"],
        "spa": ["Saldré de los Estados Unidos sin mi(s) hijo(s)",
                "No deseo reunirme con mi(s) hijo(s)", "Elijo regresar solo(a) a mi país",
                "Mi(s) hijo(s) se quedará(n) en los Estados Unidos",
                "Renuncio a la reunificación con mi(s) hijo(s)",
                "Solicito regresar a mi país sin mis hijos menores"],
        "por": ["Sairei dos Estados Unidos sem meu(s) filho(s)", "Não desejo ser reunido(a) com meu(s) filho(s)",
                "Escolho voltar sozinho(a) ao meu país", "Meu(s) filho(s) ficará(ão) nos Estados Unidos",
                "Renuncio à reunificação com meu(s) filho(s)"],
        "fra": ["Je quitterai les États-Unis sans mon (mes) enfant(s)",
                "Je ne souhaite pas être réuni(e) avec mon enfant", "Je choisis de rentrer seul(e) dans mon pays",
                "Mon enfant restera aux États-Unis", "Je renonce à la réunification avec mes enfants"],
    },
    "consult_attorney": {
        "eng": ["I want to speak with a lawyer before deciding", "I wish to consult an attorney first",
                "I request time to contact legal counsel", "I am not ready to decide and want legal advice",
                "I want to talk to an attorney before I make a decision",
                "I would like to consult with a legal representative"],
        "spa": ["Deseo hablar con un abogado antes de decidir", "Quiero consultar con un abogado",
                "Solicito tiempo para comunicarme con un abogado", "Necesito asesoría legal antes de decidir"],
        "por": ["Desejo falar com um advogado antes de decidir", "Quero consultar um advogado",
                "Preciso de orientação jurídica antes de decidir"],
        "fra": ["Je souhaite parler à un avocat avant de décider", "Je veux consulter un avocat",
                "Je demande du temps pour contacter un conseil juridique"],
    },
    "other": {
        "eng": ["Check one box", "I elect the following (check one)", "Circle one option",
                "I understand the options explained to me", "Signature of parent",
                "This form was read to me in a language I understand",
                "Initial next to your choice", "Notice to parent", "For official use only",
                "I acknowledge receipt of this notice", "Read the options below carefully",
                "The officer explained each option", "Date", "Name of parent"],
        "spa": ["Marque una opción", "Encierre una opción en un círculo", "Entiendo las opciones",
                "Firma del padre o madre", "Este formulario me fue leído en un idioma que entiendo",
                "Ponga sus iniciales junto a su elección", "Aviso al padre o madre"],
        "por": ["Marque uma opção", "Entendo as opções", "Assinatura do responsável",
                "Este formulário foi lido para mim em um idioma que entendo"],
        "fra": ["Cochez une case", "Je comprends les options", "Signature du parent",
                "Ce formulaire m'a été lu dans une langue que je comprends", "Entourez une option"],
    },
}


# minimal pairs: the same sentence with and without its negation has the other meaning
# ({N} is "" or the language's negation); (language, template, meaning, negated meaning)
R, D = "reunify", "depart_without_child"
NEGATABLE = [
    ("eng", "I {N}wish to be reunited with my child(ren)", R, D),
    ("eng", "I {N}want to be removed together with my child(ren)", R, D),
    ("eng", "I {N}request reunification with my child(ren)", R, D),
    ("eng", "I {N}want to leave without my child(ren)", D, R),
    ("eng", "I {N}agree to depart without my minor child(ren)", D, R),
    ("spa", "{N}deseo reunirme con mi(s) hijo(s)", R, D),
    ("spa", "{N}quiero ser deportado(a) junto con mis hijos", R, D),
    ("spa", "{N}quiero salir sin mi(s) hijo(s)", D, R),
    ("por", "{N}desejo ser reunido(a) com meu(s) filho(s)", R, D),
    ("por", "{N}quero sair sem meu(s) filho(s)", D, R),
    ("fra", "je {N}souhaite être réuni(e) avec mon enfant", R, D),
    ("fra", "je {N}veux partir sans mes enfants", D, R),
]
NEGATIONS = {"eng": ["do not ", "DO NOT ", "don't ", "do NOT "], "spa": ["no ", "NO "],
             "por": ["não ", "NÃO "], "fra": ["ne ", "NE "]}


def _negatable() -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {R: [], D: []}
    for lang, tpl, pos, neg in NEGATABLE:
        out[pos].append((lang, tpl.replace("{N}", "")))
        for n in NEGATIONS[lang]:
            t = tpl.replace("{N}", n)
            if lang == "fra":  # ne ... pas
                t = t.replace("souhaite", "souhaite pas").replace("veux", "veux pas")
            out[neg].append((lang, t))
    return out


def option_bases() -> dict[str, list[tuple[str, str]]]:
    """meaning -> [(language, wording)]: the grammar's, the 2018 forms', the generator's."""
    out = {m: [(l, t) for l, ts in by.items() for t in ts] for m, by in PHRASES.items()}
    for m, ts in FORM_2018_JUNE.items():
        out[m] += [("eng", t) for t in ts]
    for m, by in getattr(glx, "OPTIONS", {}).items():
        if m in out:
            out[m] += [(l, t) for l, ts in by.items() for t in ts]
    for m, items in _negatable().items():
        out[m] += items
    for kind in getattr(glx, "OPTION_LEADS", {}).values():
        out["other"] += [(l, t) for l, ts in kind.items() for t in ts]
    return out


def option_text(rng: random.Random, bases: dict[str, list[tuple[str, str]]], meaning: str) -> str:
    lang, t = rng.choice(bases[meaning])
    if rng.random() < 0.3:  # a bilingual option: the same meaning twice, stacked or side by side
        _, t2 = rng.choice(bases[meaning])
        t = f"{t} / {t2}" if rng.random() < 0.5 else f"{t} {t2}"
    k = rng.random()
    t = t.upper() if k < 0.1 else t.lower() if k < 0.15 else t
    if rng.random() < 0.3:
        t = rng.choice(["A. ", "B. ", "(1) ", "2. ", "[ ] ", "Option 3: ", "☐ ", "O "]) + t
    if rng.random() < 0.4:
        t = t.rstrip(".") + "."
    if rng.random() < 0.15:  # OCR cuts a wrapped option
        words = t.split()
        t = " ".join(words[:max(3, int(len(words) * rng.uniform(0.5, 0.9)))])
    return t


def options(rng: random.Random, bases: dict[str, list[tuple[str, str]]], n: int, noise: float
            ) -> Iterator[tuple[str, str]]:
    from training.forms_text_lexicon import noisy
    for _ in range(n):
        m = rng.choice(list(bases))
        yield noisy(rng, option_text(rng, bases, m), noise), m
