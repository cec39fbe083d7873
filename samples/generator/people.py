"""Invented people and the way their data gets written on a form.

All names are random combinations of common given and family names: no real person.
Each ``write_*`` function returns (text as written on the form, truth value) so the
truth never depends on re-parsing what was drawn.
"""
from __future__ import annotations

import calendar
import datetime as dt
import random

GIVEN_F = ["María", "Ana", "Lucía", "Rosa", "Glenda", "Yesenia", "Marisol", "Sonia", "Dalia",
           "Érika", "Ingrid", "Mónica", "Reina", "Maribel", "Leticia", "Ángela", "Inés",
           "Wendy", "Yadira", "Brenda", "Karla", "Zoila", "Mirna", "Noemí", "Delmy", "Sandra"]
GIVEN_M = ["José", "Juan", "Luis", "Óscar", "Julián", "Héctor", "Andrés", "Rubén", "Edwin",
           "Mario", "Nelson", "Iván", "Marvin", "Elmer", "Ramón", "Tomás", "Germán", "Cristóbal",
           "Jesús", "Darwin", "Wilber", "Selvin", "Fredy", "Bayron", "Efraín", "Adán"]
GIVEN_CHILD = ["Sofía", "Valentina", "Camila", "Ximena", "Dayana", "Génesis", "Aylin", "Nayeli",
               "Estefanía", "Belén", "Mateo", "Santiago", "Josué", "Ángel", "Kevin", "Brayan",
               "Elías", "Matías", "Jonás", "Yostin", "Dylan", "Isaías", "Rocío", "Paola", "Joel"]
FAMILY = ["García", "Hernández", "López", "Martínez", "Pérez", "Ramírez", "Gómez", "Díaz",
          "Cruz", "Morales", "Reyes", "Jiménez", "Vásquez", "Castillo", "Ortiz", "Chávez",
          "Méndez", "Juárez", "Quiñónez", "Velásquez", "Núñez", "Ibáñez", "Muñoz", "Orellana",
          "Aguilar", "Zúñiga", "Tzoc", "Xol", "Coc", "Pop", "Chub", "Cú", "Tiul", "Ajcot",
          "Batz", "Chocoj", "Mejía", "Alvarado", "Solís", "Barrientos", "Carías", "Fúnez"]
GIVEN_PT = ["João", "Antônio", "Luíza", "Conceição", "Sebastião", "Fabrício", "Joana", "Thaís"]
FAMILY_PT = ["da Silva", "Gonçalves", "Araújo", "dos Reis", "Magalhães", "Conceição", "Simões"]

OFFICER_TITLES = ["SDDO", "DO", "AFOD", "FOD", "ERO", "Officer", "IEA", "SDO"]
SUPERVISOR_TITLES = ["SDDO", "AFOD", "FOD", "Supervisor", "SDO"]
OFFICER_FAMILY = ["Walker", "Nguyen", "Okafor", "Brennan", "Castellanos", "Whitfield", "Ostrowski",
                  "Delacroix", "Harmon", "Yamada", "Fuentes", "Lindqvist", "Abernathy", "Choi",
                  "Villarreal", "Kaminski", "Pruitt", "Santangelo", "Haddad", "Mercer", "Tran"]
OFFICER_GIVEN = ["Karen", "Mark", "Denise", "Paul", "Rachel", "Victor", "Alicia", "Trent", "Gloria",
                 "Samuel", "Nadia", "Curtis", "Leah", "Roberto", "Irene"]
INTERPRETER_COMPANIES = ["Language Line", "LanguageLine", "Lionbridge", "TransPerfect", "CommGap",
                         "Telelanguage", "Propio"]

MONTHS = {
    "eng": ["January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"],
    "spa": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
            "septiembre", "octubre", "noviembre", "diciembre"],
    "por": ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
            "setembro", "outubro", "novembro", "dezembro"],
}


def person(rng: random.Random, lang: str, female: bool | None = None) -> tuple[str, str]:
    """(given names, family names) of an adult."""
    if lang == "por" and rng.random() < 0.7:
        return rng.choice(GIVEN_PT), rng.choice(FAMILY_PT)
    female = rng.random() < 0.5 if female is None else female
    pool = GIVEN_F if female else GIVEN_M
    given = rng.choice(pool)
    if rng.random() < 0.25:
        second = rng.choice(pool)
        if second != given:
            given = f"{given} {second}"
    fam = rng.choice(FAMILY)
    if rng.random() < 0.75:
        other = rng.choice(FAMILY)
        if other != fam:
            fam = f"{fam} {other}"
    return given, fam


def child_names(rng: random.Random, parent_family: str, n: int) -> list[str]:
    first = parent_family.split(" ")[0]
    second = rng.choice(FAMILY)
    names: list[str] = []
    while len(names) < n:
        nm = f"{rng.choice(GIVEN_CHILD)} {first}" + (f" {second}" if rng.random() < 0.7 else "")
        if nm not in names:
            names.append(nm)
    return names


def officer(rng: random.Random, titles: list[str] = OFFICER_TITLES) -> str:
    """An officer's name as written: title, initial or given name, family name."""
    fam = rng.choice(OFFICER_FAMILY + FAMILY[:14])
    r = rng.random()
    core = (f"{rng.choice(OFFICER_GIVEN)[0]}. {fam}" if r < 0.45
            else f"{rng.choice(OFFICER_GIVEN)} {fam}" if r < 0.7 else fam)
    if rng.random() < 0.55:
        core = f"{rng.choice(titles)} {core}"
    return core  # spelled like anyone's: a Hispanic family name keeps its accents


def interpreter(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.3:
        return f"{rng.choice(INTERPRETER_COMPANIES)} #{rng.randint(1000, 99999)}"
    g, f = person(rng, "spa")
    name = f"{g.split()[0]} {f.split()[0]}"
    if r < 0.6:
        return f"{name} ({rng.choice(INTERPRETER_COMPANIES)})"
    if r < 0.8:
        return name
    return officer(rng)


def new_a_number(rng: random.Random, eight_digit: bool = False) -> str:
    """Truth form `A` + 9 digits; eight-digit numbers carry the leading 0."""
    if eight_digit:
        return "A0" + str(rng.randint(10_000_000, 99_999_999))
    return "A" + str(rng.randint(200_000_000, 299_999_999))


A_FORMATS = ["A-{a} {b} {c}", "A#{d}", "{a}-{b}-{c}", "A{d}", "A {a}-{b}-{c}", "A# {a} {b} {c}",
             "{a} {b} {c}", "A-{d}", "{d}"]
A_FORMATS_8 = ["A {e}", "{e}", "A-{e2}", "A#{e}", "{e3}"]


def write_a_number(rng: random.Random, truth: str) -> str:
    """One of many ways an A-number is written; 8-digit ones drop the leading 0."""
    d = truth[1:]
    if d.startswith("0") and rng.random() < 0.7:
        e = d[1:]
        return rng.choice(A_FORMATS_8).format(e=e, e2=f"{e[:2]}-{e[2:5]}-{e[5:]}",
                                              e3=f"{e[:2]} {e[2:5]} {e[5:]}")
    return rng.choice(A_FORMATS).format(a=d[:3], b=d[3:6], c=d[6:], d=d)


def signing_date(rng: random.Random) -> dt.date:
    """A day in the zero-tolerance period and after (2017-07 to 2018-10)."""
    start = dt.date(2017, 7, 1)
    return start + dt.timedelta(days=rng.randint(0, 487))


def impossible_date(rng: random.Random) -> tuple[int, int, int]:
    y = rng.choice([2017, 2018])
    m, d = rng.choice([(6, 31), (2, 30), (9, 31), (4, 31), (11, 31), (2, 29)])  # 2017/18: no leap day
    return y, m, d


def iso(y: int, m: int, d: int) -> str:
    return f"{y:04d}-{m:02d}-{d:02d}"


def write_date(rng: random.Random, y: int, m: int, d: int, day_first: bool, lang: str) -> str:
    """A date as written: numeric (order by form language) or with a written month."""
    yy = y % 100
    if rng.random() < 0.3:  # written month
        mon = MONTHS[lang][m - 1]
        if lang == "eng":
            return rng.choice([f"{mon} {d}, {y}", f"{mon[:3]} {d} {y}", f"{mon[:3]}. {d}, {y}",
                               f"{d} {mon} {y}"])
        return rng.choice([f"{d} de {mon} de {y}", f"{d} {mon} {y}", f"{d}-{mon[:3]}-{y}",
                           f"{d} de {mon[:3]}. {y}"])
    a, b = (d, m) if day_first else (m, d)
    forms = [f"{a:02d}/{b:02d}/{y}", f"{a}/{b}/{yy:02d}", f"{a}-{b}-{yy:02d}", f"{a:02d}-{b:02d}-{y}",
             f"{a}/{b}/{y}"]
    if day_first:  # dotted dates are a day-first habit
        forms.append(f"{a:02d}.{b:02d}.{y}")
    return rng.choice(forms)


def is_valid(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]
