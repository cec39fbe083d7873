"""One form's random choices: its printed layout (parts picked independently), the
entries written on it, and the true contract values those entries make.

Truth is set here, from the same choices the renderer draws, never read back from the
image. Overrides (``Spec`` attributes or the keys of :data:`OVERRIDES`) pin choices,
e.g. for the bundled samples ("a Spanish-only form with a supervisor block").
"""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any, Optional

from . import fonts, lexicon as lx, people

INTENTS = ("reunify", "depart_without_child", "consult_attorney")
LANG_MODES = ("eng", "spa", "por", "bi_inline", "bi_stack", "bi_cols", "eng_por", "eng_fra")
OVERRIDES = ("lang_mode", "intent", "supervisor", "witness", "blank", "impossible_date",
             "mark_style", "options", "children", "identity", "placement", "readin",
             "fill_kind", "no_signature", "fonts_split", "strokes")


@dataclass
class Spec:
    seed: int
    lang_mode: str
    label_langs: list[str]
    option_langs: list[str]
    header_agency: int
    title_langs: list[str]
    instructions: bool
    identity: str  # stack | pairs | grid | split | inline (A# right of the name, same line)
    placement: str  # right (on a ruling after the label) | below (label under the ruling) |
    # under (ruling under the label) | box (label in the corner of a cell)
    children: str  # line | lines | table
    child_anum: str  # none | line | column | per_line
    options: str  # box_left | box_right | bracket | circle_letter | circle_number | initials
    option_bi: str  # stacked | cols | inline (bilingual option text)
    option_order: list[str]
    option_lead: bool
    readin: str  # none | sentence | fields | lang_only | interp_only
    readin_pos: str  # identity | before_options | after_options
    officer_date: bool
    sig_order: str  # parent_first | officer_first
    witness: bool
    supervisor: bool
    boxed_blocks: bool
    distractors: list[str]
    print_face: str
    fill_face: str
    officer_face: str
    upper: bool
    color: bool
    ink: tuple[int, int, int]
    mark_style: str
    marked: list[str]
    labels: dict[str, list[str]] = field(default_factory=dict)  # slot -> texts (one per language)
    written: dict[str, Any] = field(default_factory=dict)  # slot -> text as written (None = blank)
    signed: dict[str, bool] = field(default_factory=dict)  # parent / officer / witness / supervisor
    truth: dict[str, Any] = field(default_factory=dict)
    intent: str = ""
    family: str = ""  # layout family id (families.py); "grammar.<identity>" by default
    #: hand-written entries go through stroke augmentation (strokes.augment: slant, width,
    #: baseline wander, elastic warp). On for train-split draws only (override
    #: ``strokes``); validation and held-out draws are not augmented in this version, so
    #: their numbers stay comparable with earlier sessions', and forms drawn without a
    #: split keep their bytes.
    strokes: bool = False
    #: per option, its printed texts (one per language) when a family sets them
    option_texts: dict[str, list[str]] = field(default_factory=dict)


def _labels(rng: random.Random, langs: list[str]) -> dict[str, list[str]]:
    return {slot: [rng.choice(by_lang.get(l) or by_lang["eng"]) for l in langs]
            for slot, by_lang in lx.LABELS.items()}


def _pick(rng: random.Random, weighted: dict[str, float]) -> str:
    keys = list(weighted)
    return rng.choices(keys, weights=[weighted[k] for k in keys])[0]


def sample(seed: int, **over: Any) -> Spec:
    """Every random choice of one form, from ``seed`` (and ``over`` pinned values)."""
    rng = random.Random(seed)
    mode = over.get("lang_mode") or _pick(rng, {"eng": 3, "spa": 2, "bi_inline": 2, "bi_stack": 2,
                                               "bi_cols": 1.5, "por": 0.6, "eng_por": 0.4})
    label_langs = {"eng": ["eng"], "spa": ["spa"], "por": ["por"],
                   "eng_por": ["eng", "por"], "eng_fra": ["eng", "fra"]}.get(mode, ["eng", "spa"])
    option_langs = list(label_langs)
    if len(label_langs) == 2 and rng.random() < 0.06:
        option_langs = ["eng"]  # bilingual labels, English-only options: form_languages eng
    primary = label_langs[0]
    day_first = primary != "eng"

    options = over.get("options") or _pick(rng, {"box_left": 4, "box_right": 1, "bracket": 1,
                                                "circle_letter": 1.5, "circle_number": 1, "initials": 0.7})
    if options.startswith("circle"):
        mark_style = _pick(rng, {"circle_letter": 3, "circle_text": 2, "tick": 1})
    elif options == "initials":
        mark_style = "initials"
    else:
        mark_style = _pick(rng, {"x": 3, "tick": 2, "fill": 1.5, "scribble": 1, "preprinted_x": 0.7,
                                 "circle": 0.6})
    mark_style = over.get("mark_style") or mark_style

    printed = list(INTENTS) if rng.random() < 0.82 else ["reunify", "depart_without_child"]
    order = printed[:]
    if rng.random() < 0.6:
        rng.shuffle(order)
    intent = over.get("intent") or _pick(rng, {"depart_without_child": 45, "reunify": 25,
                                              "consult_attorney": 10, "none_marked": 9,
                                              "multiple_marked": 9})
    if intent == "consult_attorney" and "consult_attorney" not in printed:
        printed.append("consult_attorney")
        order.append("consult_attorney")
    if intent == "none_marked":
        marked: list[str] = []
    elif intent == "multiple_marked":
        marked = rng.sample(order, rng.choice([2, 2, 2, 3]) if len(order) > 2 else 2)
    else:
        marked = [intent]
    if mark_style == "preprinted_x" and not marked:
        mark_style = "x"

    print_face = rng.choice(fonts.faces("print")).id
    fill_kind = over.get("fill_kind") or ("hand" if rng.random() < 0.62 else "type")
    split = over.get("fonts_split")  # None: the long-standing faces (training's)
    fill_face = rng.choice(fonts.faces(fill_kind, split)).id
    officer_face = fill_face if rng.random() < 0.7 else rng.choice(
        fonts.faces("hand", split) + fonts.faces("type", split)).id
    color = rng.random() < 0.35
    ink = rng.choice([(20, 30, 110), (15, 15, 20), (30, 40, 140), (40, 40, 45)]) if color else (25, 25, 25)

    identity = over.get("identity") or _pick(rng, {"stack": 3, "pairs": 3, "grid": 1.5, "split": 1.2})
    placement = over.get("placement") or ("box" if identity == "grid" else
                                          _pick(rng, {"right": 5, "below": 2, "under": 1.5, "box": 1}))
    children = over.get("children") or _pick(rng, {"line": 4, "lines": 2, "table": 2.5})
    child_anum = {"line": _pick(rng, {"none": 2, "line": 2}),
                  "lines": _pick(rng, {"none": 1, "per_line": 2, "line": 1}),
                  "table": _pick(rng, {"column": 4, "none": 1})}[children]
    readin = over.get("readin") or _pick(rng, {"none": 1.2, "sentence": 2, "fields": 3,
                                              "lang_only": 1, "interp_only": 1})
    s = Spec(
        seed=seed, lang_mode=mode, label_langs=label_langs, option_langs=option_langs,
        header_agency=rng.choice([0, 1, 2, 2, 3]),
        title_langs=label_langs if rng.random() < 0.7 else label_langs[:1],
        instructions=rng.random() < 0.55, identity=identity, placement=placement,
        children=children, child_anum=child_anum, options=options,
        option_bi=_pick(rng, {"stacked": 3, "cols": 1, "inline": 1}) if mode != "bi_cols" else "cols",
        option_order=order, option_lead=rng.random() < 0.7, readin=readin,
        readin_pos=_pick(rng, {"identity": 2, "before_options": 1, "after_options": 2}),
        officer_date=rng.random() < 0.4, sig_order="parent_first" if rng.random() < 0.8 else "officer_first",
        witness=over.get("witness", rng.random() < 0.3),
        supervisor=over.get("supervisor", rng.random() < 0.45),
        boxed_blocks=rng.random() < 0.7,
        distractors=rng.sample(["dob", "country", "facility", "event_no"], rng.choice([0, 0, 1, 1, 2])),
        print_face=print_face, fill_face=fill_face, officer_face=officer_face,
        upper=rng.random() < 0.2, color=color, ink=ink, mark_style=mark_style, marked=marked,
        intent=intent, family=f"grammar.{identity}", strokes=bool(over.get("strokes", split == "train")),
    )
    s.labels = _labels(rng, label_langs)
    _fill(rng, s, over, day_first, primary)
    return s


def _blank(rng: random.Random, over: dict, slot: str, p: float) -> bool:
    forced = over.get("blank") or ()
    return slot in forced or rng.random() < p


def _fill(rng: random.Random, s: Spec, over: dict, day_first: bool, primary: str) -> None:
    """Entries as written and the truth they make."""
    w, t = s.written, s.truth
    up = (lambda x: x.upper()) if s.upper else (lambda x: x)
    given, fam = people.person(rng, primary)
    name = over.get("parent_name") or f"{given} {fam}"  # pinned: one parent's second form
    w["parent_name"] = None if _blank(rng, over, "parent_name", 0.03) else up(name)
    t["parent_name"] = w["parent_name"]

    a = people.new_a_number(rng, eight_digit=rng.random() < 0.15)
    a = over.get("parent_a_number") or a  # drawn all the same: the later draws stay as they were
    w["parent_a_number"] = None if _blank(rng, over, "parent_a_number", 0.1) else people.write_a_number(rng, a)
    t["parent_a_number"] = a if w["parent_a_number"] else None

    n = rng.choice([1, 1, 1, 1, 2, 2, 3])
    kids = [up(k) for k in people.child_names(rng, fam, n)]
    kid_a = [people.new_a_number(rng, eight_digit=rng.random() < 0.1) for _ in kids]
    if _blank(rng, over, "child_names", 0.1):
        kids, kid_a = [], []
    elif rng.random() < 0.12:
        kid_a = []
    w["child_names"] = kids
    w["child_a_numbers"] = [people.write_a_number(rng, x) for x in kid_a]
    conj = {"spa": " y ", "por": " e "}.get(primary, " and ")
    w["child_join"] = rng.choice([", ", "; ", " / ", ",  ", conj])
    t["child_names"] = list(kids)
    t["child_a_numbers"] = None if s.child_anum == "none" else list(kid_a)

    date_lang = primary if primary in ("spa", "por") else "eng"
    if _blank(rng, over, "date_signed", 0.1):
        w["date_signed"], t["date_signed"] = None, None
    else:
        if over.get("impossible_date") or rng.random() < 0.05:
            y, m, d = people.impossible_date(rng)
        else:
            dd = people.signing_date(rng)
            y, m, d = dd.year, dd.month, dd.day
        w["date_signed"] = up(people.write_date(rng, y, m, d, day_first, date_lang))
        t["date_signed"] = people.iso(y, m, d)
    if s.officer_date:  # the officer's own date: usually the same day, sometimes later
        base = dt.date.fromisoformat(t["date_signed"]) if t["date_signed"] and people.is_valid(
            *map(int, t["date_signed"].split("-"))) else people.signing_date(rng)
        od = base + dt.timedelta(days=rng.choice([0, 0, 1, 2, 3]))
        w["officer_date"] = (w["date_signed"] if w["date_signed"] and rng.random() < 0.5 else
                             people.write_date(rng, od.year, od.month, od.day, day_first, date_lang))
    for slot in s.distractors:
        if slot == "dob":
            b = people.signing_date(rng).replace(year=rng.randint(1975, 1999))
            w["dob"] = people.write_date(rng, b.year, b.month, b.day, day_first, date_lang)
        elif slot == "country":
            w["country"] = up(rng.choice(["Guatemala", "Honduras", "El Salvador", "México", "Brasil",
                                          "Ecuador", "Nicaragua"]))
        elif slot == "facility":
            w["facility"] = rng.choice(["Port Isabel SPC", "El Paso PSC", "Otay Mesa DF",
                                        "South Texas FRC", "Eloy DF"])
        else:
            w["event_no"] = f"{rng.choice(['ELP', 'SND', 'HOU', 'PHO'])}{rng.randint(1000000, 9999999)}"

    # language read in / interpreter
    code = rng.choice(["spa"] * 6 + ["quc", "mam", "kjb", "cak", "acr", "ixl"] + (["por"] if primary == "eng" else []))
    if primary == "por":
        code = rng.choice(["por", "por", "spa"])
    has_lang = s.readin in ("sentence", "fields", "lang_only")
    has_interp = s.readin in ("sentence", "fields", "interp_only")
    lang_blank = _blank(rng, over, "read_in_language", 0.15)
    w["read_in_language"] = None if not has_lang or lang_blank else rng.choice(lx.LANGUAGE_WRITTEN[code])
    t["read_in_language"] = code if w["read_in_language"] else None
    interp_blank = _blank(rng, over, "interpreter_name", 0.3 if code in ("spa", "por") else 0.12)
    w["interpreter_name"] = None if not has_interp or interp_blank else people.interpreter(rng)
    t["interpreter_name"] = w["interpreter_name"]

    t["election"] = (s.marked[0] if len(s.marked) == 1 else
                     "none_marked" if not s.marked else "multiple_marked")
    t["form_languages"] = list(s.option_langs)

    no_sig = set(over.get("no_signature") or ())
    s.signed["parent"] = "parent" not in no_sig and rng.random() > 0.07
    off = None if _blank(rng, over, "official_name", 0.08) else people.officer(rng)
    w["official_name"] = off
    t["official_name"] = off
    s.signed["officer"] = "officer" not in no_sig and rng.random() > (0.08 if off else 0.5)

    w["witness_name"] = None
    if s.witness and not _blank(rng, over, "witness_name", 0.35):
        w["witness_name"] = people.officer(rng)
    t["witness_name"] = w["witness_name"]
    s.signed["witness"] = bool(w["witness_name"]) and rng.random() < 0.9

    sup_name: Optional[str] = None
    if s.supervisor and not _blank(rng, over, "supervisor_name", 0.25):
        sup_name = people.officer(rng, people.SUPERVISOR_TITLES)
    w["supervisor_name"] = sup_name
    sup_signed = s.supervisor and "supervisor" not in no_sig and rng.random() < (0.85 if sup_name else 0.15)
    s.signed["supervisor"] = sup_signed
    t["supervisor_name"] = sup_name if s.supervisor else None
    t["supervisor_signed"] = sup_signed if s.supervisor else None
    t["parent_signed"] = s.signed["parent"]
    t["official_signed"] = s.signed["officer"]
    w["initials"] = "".join(p[0] for p in name.split()[:3]).upper()
