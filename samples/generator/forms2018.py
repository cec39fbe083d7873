"""The two forms real archives are dominated by, as layout families with variants,
written from their public descriptions (issue 12), never from any scanned file:

* the June 2018 "Separated Parent's Removal Form": one page for detained parents with
  final removal orders who are Ms. L. v. ICE class members; two check boxes (reunite for
  repatriation / return without the child(ren)); the reunification line in English only,
  partial Spanish elsewhere; name, A#, children, signature, date, officer;
* the July 2018 court-approved notice and election form: three options (reunify for
  removal, leave without the child, speak with an attorney first) in English and Spanish,
  to be read to the parent in a language he or she understands.

Each family has variants (a-d) that differ in block order, option style, field
arrangement and placement; wording is drawn from several phrasings per slot.
"""
from __future__ import annotations

import random

from . import blocks, optionblock, signoff
from .canvas import Canvas
from .spec import Spec

REMOVAL_TITLES = ["SEPARATED PARENT'S REMOVAL FORM", "Separated Parent's Removal Form",
                  "SEPARATED PARENT REMOVAL FORM", "Removal Form - Separated Parent"]
REMOVAL_SUBTITLES_SPA = ["Formulario de deportación del padre o madre separado",
                         "Formulario para padres separados", ""]
REMOVAL_INTRO = [
    "This form is for detained parents with final orders of removal who are class members in "
    "Ms. L. v. ICE. Please check ONE of the two boxes below.",
    "You are a member of the Ms. L. v. ICE class and have a final order of removal. Indicate your "
    "decision below by checking one box.",
    "Detained parent with a final removal order (Ms. L. v. ICE class member): mark one box.",
]
REMOVAL_INTRO_SPA = [
    "Usted es miembro de la clase Ms. L. v. ICE y tiene una orden final de deportación. Marque una casilla.",
    "Este formulario es para padres detenidos con orden final de deportación.", ""]
REMOVAL_OPTIONS = {
    "reunify": [
        "I am requesting to reunite with my child(ren) for the purpose of repatriation to my country of "
        "citizenship.",
        "I request to be reunited with my child(ren) for the purpose of repatriation to my country of "
        "citizenship.",
        "I am requesting reunification with my child(ren) so that we are repatriated together to my "
        "country of citizenship.",
    ],
    "depart_without_child": [
        "I am affirmatively, knowingly, and voluntarily requesting to return to my country of citizenship "
        "without my minor child(ren) who I understand will remain in the United States to pursue available "
        "claims of relief.",
        "I am knowingly and voluntarily requesting to return to my country of citizenship without my minor "
        "child(ren), who I understand will remain in the United States to pursue available relief.",
    ],
}
REMOVAL_DEPART_SPA = [
    "Solicito de manera afirmativa, consciente y voluntaria regresar a mi país de ciudadanía sin mi(s) "
    "hijo(s) menor(es), quien(es) entiendo que permanecerá(n) en los Estados Unidos para buscar los "
    "recursos legales disponibles.",
    "Solicito voluntariamente regresar a mi país sin mi(s) hijo(s) menor(es), quien(es) se quedará(n) en "
    "los Estados Unidos.",
]

NOTICE_TITLES = {"eng": ["NOTICE AND ELECTION FORM", "Notice to Separated Parent and Election",
                         "ELECTION FORM - MS. L. v. ICE CLASS MEMBERS", "SEPARATED PARENT NOTICE AND ELECTION"],
                 "spa": ["AVISO Y FORMULARIO DE ELECCIÓN", "Aviso al padre o madre separado y elección",
                         "FORMULARIO DE ELECCIÓN"]}
NOTICE_INTRO = {
    "eng": ["This notice must be read to the parent in a language he or she understands.",
            "Read this notice to the parent in a language he or she understands before the parent "
            "makes a choice. The court in Ms. L. v. ICE approved this form.",
            "You are a class member in Ms. L. v. ICE. Choose ONE of the options below."],
    "spa": ["Este aviso debe leerse al padre o madre en un idioma que entienda.",
            "Léale este aviso al padre o madre en un idioma que entienda antes de que elija.",
            "Usted es miembro de la clase Ms. L. v. ICE. Elija UNA de las opciones siguientes."],
}
NOTICE_OPTIONS = {
    "reunify": {"eng": ["I want to be reunified with my child(ren) and removed together to my country.",
                        "I wish to reunite with my child(ren) for the purpose of departing the United States "
                        "together.",
                        "Reunify me with my child(ren) so we can be removed together."],
                "spa": ["Quiero reunirme con mi(s) hijo(s) y ser deportados juntos a mi país.",
                        "Deseo reunirme con mi(s) hijo(s) para salir juntos de los Estados Unidos."]},
    "depart_without_child": {
        "eng": ["I want to return to my country without my child(ren), who will stay in the United States.",
                "I choose to leave the United States without my child(ren).",
                "I will depart without my child(ren); I understand they will remain in the United States."],
        "spa": ["Quiero regresar a mi país sin mi(s) hijo(s), quien(es) se quedará(n) en los Estados Unidos.",
                "Elijo salir de los Estados Unidos sin mi(s) hijo(s)."]},
    "consult_attorney": {
        "eng": ["I want to speak with an attorney before I make my decision.",
                "I wish to consult a lawyer before deciding.",
                "I need to talk to an attorney before I choose."],
        "spa": ["Quiero hablar con un abogado antes de tomar mi decisión.",
                "Deseo consultar con un abogado antes de decidir."]},
}

#: variant -> pins for spec.sample and the composition order
REMOVAL_VARIANTS = {
    "a": dict(order="fields_first", options="box_left", identity="stack", placement="right"),
    "b": dict(order="options_first", options="box_left", identity="pairs", placement="under"),
    "c": dict(order="options_first", options="box_right", identity="inline", placement="right"),
    "d": dict(order="fields_first", options="bracket", identity="inline", placement="below"),
}
NOTICE_VARIANTS = {
    "a": dict(order="fields_first", options="box_left", option_bi="stacked", lang_mode="bi_stack",
              identity="stack"),
    "b": dict(order="options_first", options="circle_letter", option_bi="inline", lang_mode="bi_inline",
              identity="pairs"),
    "c": dict(order="fields_first", options="box_left", option_bi="cols", lang_mode="bi_cols",
              identity="inline"),
    "d": dict(order="options_first", options="box_right", option_bi="cols", lang_mode="bi_inline",
              identity="inline"),
}
SPEC_KEYS = ("options", "identity", "placement", "lang_mode")


def pins(family: str) -> dict:
    """spec.sample overrides of a 2018 family variant."""
    kind, variant = family.split(".")
    table = REMOVAL_VARIANTS if kind == "removal_2018" else NOTICE_VARIANTS
    p = {k: v for k, v in table[variant].items() if k in SPEC_KEYS}
    if kind == "removal_2018":
        p.update(lang_mode="bi_inline", readin="none", witness=False, supervisor=False, children="line")
    return p


def adapt(s: Spec, rng: random.Random) -> None:
    """Set a sampled spec's option texts, order, marks and truth to the family's form."""
    kind, variant = s.family.split(".")
    if kind == "removal_2018":
        s.option_order = ["reunify", "depart_without_child"]
        if variant in ("b", "d") and rng.random() < 0.5:
            s.option_order.reverse()
        spa_depart = rng.random() < 0.6
        s.option_texts = {"reunify": [rng.choice(REMOVAL_OPTIONS["reunify"])],
                          "depart_without_child": [rng.choice(REMOVAL_OPTIONS["depart_without_child"])]
                          + ([rng.choice(REMOVAL_DEPART_SPA)] if spa_depart else [])}
        s.option_bi = "stacked"
        s.option_langs = ["eng"]  # the lead line; the reunification line is English only
        for slot in list(s.labels):  # partial Spanish: some labels English only
            if len(s.labels[slot]) > 1 and rng.random() < 0.45:
                s.labels[slot] = s.labels[slot][:1]
        s.child_anum = "none"
        s.truth["child_a_numbers"] = None
        s.truth["form_languages"] = ["eng", "spa"] if spa_depart else ["eng"]
    else:
        v = NOTICE_VARIANTS[variant]
        s.option_bi = v["option_bi"]
        s.option_langs = ["eng", "spa"]
        s.option_texts = {i: [rng.choice(NOTICE_OPTIONS[i]["eng"]), rng.choice(NOTICE_OPTIONS[i]["spa"])]
                          for i in NOTICE_OPTIONS}
        s.option_order = list(NOTICE_OPTIONS)
        if rng.random() < 0.3:
            rng.shuffle(s.option_order)
        s.truth["form_languages"] = ["eng", "spa"]
    printed = set(s.option_order)
    if s.intent == "multiple_marked":
        s.marked = rng.sample(s.option_order, 2)
    elif s.intent in printed:
        s.marked = [s.intent]
    elif s.intent != "none_marked":  # the removal form has no attorney option: draw again
        s.intent = rng.choice(["depart_without_child", "reunify"])
        s.marked = [s.intent]
    if s.mark_style == "preprinted_x" and not s.marked:
        s.mark_style = "x"
    s.truth["election"] = (s.marked[0] if len(s.marked) == 1 else
                           "none_marked" if not s.marked else "multiple_marked")


def _header(c: Canvas, titles: list[str], subtitles: list[str]) -> None:
    blocks_agency = c.spec.header_agency
    c.spec.header_agency = min(blocks_agency, 2)
    title = c.rng.choice(titles)
    sub = c.rng.choice(subtitles) if subtitles else ""
    from . import lexicon as lx
    for line in lx.AGENCY["eng"][:c.spec.header_agency]:
        c.text((c.W - c.width(line, c.f_small)) // 2, c.y, line, c.f_small)
        c.y += c.line_h(c.f_small)
    c.y += c.pt(8)
    for text, f in ((title, c.f_title), (sub, c.f_head)):
        for line in c.wrap(text, f, c.x1 - c.x0):
            c.text((c.W - c.width(line, f)) // 2, c.y, line, f)
            c.y += c.line_h(f)
    c.y += c.pt(10)


def _intro(c: Canvas, eng: str, spa: str) -> None:
    c.y = c.paragraph(c.x0, c.y, eng, c.f_body, c.x1 - c.x0)
    if spa:
        c.y = c.paragraph(c.x0, c.y + c.pt(2), spa, c.f_small, c.x1 - c.x0)
    c.y += c.gap


def compose(c: Canvas) -> None:
    s, rng = c.spec, c.rng
    kind, variant = s.family.split(".")
    if kind == "removal_2018":
        _header(c, REMOVAL_TITLES, REMOVAL_SUBTITLES_SPA)
        _intro(c, rng.choice(REMOVAL_INTRO), rng.choice(REMOVAL_INTRO_SPA))
        order = REMOVAL_VARIANTS[variant]["order"]
    else:
        _header(c, NOTICE_TITLES["eng"], NOTICE_TITLES["spa"])
        _intro(c, rng.choice(NOTICE_INTRO["eng"]), rng.choice(NOTICE_INTRO["spa"]))
        order = NOTICE_VARIANTS[variant]["order"]
    if order == "options_first":
        optionblock.options(c)
    blocks.identity(c)
    blocks.children(c)
    blocks.readin(c)
    if order == "fields_first":
        optionblock.options(c)
    signoff.signatures(c)
    if s.witness:
        signoff.witness(c)
    if s.supervisor:
        signoff.supervisor(c)
    blocks.footer(c)
