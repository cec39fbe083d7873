"""Property-based tests (hypothesis) of every parser of user text: A-numbers, dates,
the column mapping of exports, the entry splitting of listings, and the readers behind
them. Properties: never crash on any text, outputs always well-formed, and values
written in the usual ways (EN/ES dates, A-number spellings) read back as written."""
from __future__ import annotations

import datetime as dt
import re

from hypothesis import HealthCheck, assume, example, given, settings, strategies as st

from extractor.comments import entries as E
from extractor.comments.tables import NOT_ROLES, ROLES, map_columns
from extractor.errors import WaiverscanError
from extractor.normalize import MONTHS, find_a_numbers, normalize_a_number, parse_date

FAST = settings(max_examples=300, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
A_RE = re.compile(r"A\d{9}")
ISO_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
#: what the parser accepts as a year: 4 digits in 1900-2100, or 2 digits (19xx/20xx)
YEARS = (1900, 2100)

nine_digits = st.text("0123456789", min_size=9, max_size=9)
any_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=80)


# --------------------------------------------------------------------------- A-numbers

@FAST
@given(any_text, st.booleans())
def test_properties_a_number_is_well_formed_or_none(text, strict):
    out = normalize_a_number(text, strict=strict)
    assert out is None or A_RE.fullmatch(out), out
    for a in find_a_numbers(text):
        assert A_RE.fullmatch(a)


@FAST
@given(nine_digits, st.sampled_from(["A{d}", "A-{a} {b} {c}", "A# {d}", "A{a}-{b}-{c}",
                                     "{a}-{b}-{c}", "A {a} {b} {c}", "A#: {d}", "{d}"]),
       st.sampled_from(["", "Subject ", "A-Number: ", "ref "]), st.sampled_from(["", " stated", ".", " on"]))
def test_properties_a_number_spellings_read_back(digits, form, before, after):
    text = before + form.format(d=digits, a=digits[:3], b=digits[3:6], c=digits[6:]) + after
    assert normalize_a_number(text) == "A" + digits
    assert normalize_a_number(text, strict=True) == "A" + digits
    assert find_a_numbers(text) == ["A" + digits]


@FAST
@given(st.text("0123456789", min_size=8, max_size=8))
def test_properties_eight_digits_get_a_leading_zero(digits):
    assert normalize_a_number(f"A{digits}") == "A0" + digits


# --------------------------------------------------------------------------- dates

def _check_date(p):
    if p is None:
        return
    assert ISO_RE.fullmatch(p.iso), p.iso
    y, m, d = (int(x) for x in p.iso.split("-"))
    assert YEARS[0] <= y <= YEARS[1], p.iso  # a year no document of ours can carry is no date
    if p.valid:
        assert dt.date.fromisoformat(p.iso)  # "valid" means a real calendar date
    else:
        try:
            dt.date.fromisoformat(p.iso)
            raise AssertionError(f"{p.iso} is a real date but marked invalid")
        except ValueError:
            pass


@FAST
@given(any_text, st.sampled_from([None, True, False]))
@example("0000-00-00", None)
@example("1018-06-01", None)
@example("9999-12-31", None)
def test_properties_parse_date_never_crashes_and_is_iso(text, day_first):
    _check_date(parse_date(text, day_first=day_first))


digit_soup = st.text("0123456789/-. ", max_size=16)


@FAST
@given(digit_soup, st.sampled_from([None, True, False]))
def test_properties_parse_date_digit_soup(text, day_first):
    _check_date(parse_date(text, day_first=day_first))


window_dates = st.dates(min_value=dt.date(2016, 1, 1), max_value=dt.date(2021, 12, 31))
EN_MONTHS = [m for m, n in sorted(MONTHS.items(), key=lambda kv: kv[1]) if len(m) > 3][:12]
ES_MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
             "septiembre", "octubre", "noviembre", "diciembre"]
EN_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"]


@FAST
@given(window_dates)
def test_properties_formatted_dates_round_trip(d):
    iso = d.isoformat()
    assert parse_date(d.strftime("%m/%d/%Y"), day_first=False).iso == iso
    assert parse_date(d.strftime("%d/%m/%Y"), day_first=True).iso == iso
    assert parse_date(d.strftime("%m/%d/%y"), day_first=False).iso == iso
    assert parse_date(d.strftime("%d.%m.%Y"), day_first=True).iso == iso
    assert parse_date(iso).iso == iso
    en = EN_NAMES[d.month - 1]
    assert parse_date(f"{en} {d.day}, {d.year}").iso == iso
    assert parse_date(f"{d.day} {en} {d.year}").iso == iso
    assert parse_date(f"{en[:3]}. {d.day}, {d.year}").iso == iso
    es = ES_MONTHS[d.month - 1]
    assert parse_date(f"{d.day} de {es} de {d.year}").iso == iso
    assert parse_date(f"{d.day} de {es.capitalize()} del {d.year}").iso == iso
    p = parse_date(d.strftime("%m/%d/%Y"))  # no convention given: valid, and ambiguous only
    assert p.valid and (p.ambiguous == (d.day <= 12 and d.day != d.month))  # when it is
    if d.day > 12:
        assert p.iso == iso and parse_date(d.strftime("%d/%m/%Y")).iso == iso


# --------------------------------------------------------------------------- column mapping

header_cell = st.one_of(st.none(), st.integers(), any_text)


@FAST
@given(st.lists(header_cell, max_size=12))
def test_properties_map_columns_is_a_partial_injection(headers):
    m = map_columns(headers)
    assert set(m) == set(ROLES)
    used = [i for i in m.values() if i is not None]
    assert len(used) == len(set(used)) and all(0 <= i < len(headers) for i in used)


KNOWN = {"a_number": ["A-Number", "A#", "Alien Number", "ANUM"],
         "date": ["Date", "Entry Date", "Fecha", "CMT_DATE"],
         "author": ["Officer", "Entered By", "Author", "USER"],
         "comment": ["Comment", "Remarks", "Narrative", "CMT_TEXT"]}


@FAST
@given(st.fixed_dictionaries({r: st.sampled_from(v) for r, v in KNOWN.items()}),
       st.lists(st.sampled_from(sorted(NOT_ROLES)), max_size=4, unique=True), st.randoms())
def test_properties_map_columns_follows_the_columns(names, extra, rnd):
    headers = list(names.values()) + extra
    rnd.shuffle(headers)
    m = map_columns(headers)
    assert {r: headers[i] for r, i in m.items()} == names


# --------------------------------------------------------------------------- entry splitting

@FAST
@given(st.lists(any_text, max_size=12))
def test_properties_split_entries_never_crashes(lines):
    for e in E.split_entries(E.lines_from_text("\n".join(lines))):
        assert e.a_number is None or A_RE.fullmatch(e.a_number)


OFFICERS = ["SDDO K. Brown", "DO J. Smith", "IEA M. Ortiz", "SDDO R. Vega"]
BODIES = ["Subject declined reunification with her son.", "Received travel documents.",
          "Subject requested reunification with his daughter prior to removal.",
          "Interpreter in Spanish was used throughout.", "Bed space confirmed at the facility."]
DATE_FORMS = ["%m/%d/%Y", "%m/%d/%Y %H:%M", "%Y-%m-%d", "%m/%d/%y"]


@FAST
@given(st.lists(st.tuples(window_dates, st.sampled_from(DATE_FORMS), st.sampled_from(OFFICERS),
                          st.one_of(st.none(), nine_digits),
                          st.lists(st.sampled_from(BODIES), min_size=1, max_size=3)),
                min_size=1, max_size=8))
def test_properties_generated_listing_splits_into_its_entries(entries):
    lines = ["CASE COMMENTS Page 1"]
    for d, form, officer, a, body in entries:
        stamp = dt.datetime(d.year, d.month, d.day, 9, 30).strftime(form)
        lines.append(f"{stamp} {officer}" + (f" A# {a}" if a else ""))
        lines.extend(body)
    got = E.split_entries(E.lines_from_text("\n".join(lines)))
    assert len(got) == len(entries)
    for e, (d, form, officer, a, body) in zip(got, entries):
        assert e.author == officer
        assert e.a_number == (None if a is None else "A" + a)
        assert e.text == " ".join(body)
        assert parse_date(e.date_text, day_first=False).iso == d.isoformat()


# --------------------------------------------------------------------------- readers

@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=600))
def test_properties_sniff_and_comment_readers_raise_only_contract_errors(tmp_path, data):
    from extractor import ingest
    from extractor.comments import extract_comment_file
    path = tmp_path / "f"
    path.write_bytes(data)
    try:
        kind = ingest.sniff(path)
    except WaiverscanError:
        return
    for k in (("csv", "text") if kind in ("csv", "text") else ()):
        try:
            extract_comment_file(path, k)
        except WaiverscanError:
            pass


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(st.one_of(any_text, st.sampled_from(["A208123456", "06/01/2018", "="])),
                         max_size=6), min_size=1, max_size=6))
def test_properties_csv_exports_raise_only_contract_errors(tmp_path, rows):
    import csv
    import io
    from extractor.comments import extract_comment_file
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["A-Number", "Date", "Officer", "Comment"])
    for r in rows:
        w.writerow(r)
    path = tmp_path / "e.csv"
    path.write_text(buf.getvalue(), encoding="utf-8")
    try:
        recs, _ = extract_comment_file(path, "csv")
    except WaiverscanError:
        return
    for r in recs:
        a, d = r.value("a_number"), r.value("entry_date")
        assert a is None or A_RE.fullmatch(a)
        assert d is None or ISO_RE.fullmatch(d)
