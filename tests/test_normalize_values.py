"""A-numbers, dates, languages and names as the contract normalises them."""
import pytest

from extractor.normalize import (clean_name, find_a_numbers, language_code, normalize_a_number,
                                 parse_date)


@pytest.mark.parametrize("text,expected", [
    ("A-208 123 456", "A208123456"),
    ("A# 208 314 572", "A208314572"),
    ("A#227519364", "A227519364"),
    ("208-123-456", "A208123456"),
    ("A 87 123 456", "A087123456"),          # 8 digits get a leading 0
    ("A284=917-356", "A284917356"),          # OCR reads a hyphen as '='
    ("4271-645-903", "A271645903"),          # a handwritten 'A' read as '4'
    ("A 293 418 207 Office:", "A293418207"),  # a label after the number is not a digit
    ("ROSA LÓPEZ A#231845092 08/13/2010", "A231845092"),  # the next number is not part of it
    ("4A226-513-874", "A226513874"),         # a stray mark before the A
    ("Al74-185-630", "A174185630"),          # a handwritten 1 read as l
])
def test_normalize_a_number_formats(text, expected):
    assert normalize_a_number(text) == expected


@pytest.mark.parametrize("text", ["", "no number here", "12345", "1234567890123"])
def test_normalize_a_number_rejects_non_numbers(text):
    assert normalize_a_number(text) is None


def test_normalize_a_number_strict_refuses_letter_digits():
    assert normalize_a_number("A O89I23456") == "A089123456"
    assert normalize_a_number("A O89I23456", strict=True) is None


def test_find_a_numbers_in_free_text_in_order_once():
    text = "SUBJ A208123456 and child A-209 000 111; again A208123456"
    assert find_a_numbers(text) == ["A208123456", "A209000111"]


@pytest.mark.parametrize("text,iso,valid", [
    ("June 28, 2018", "2018-06-28", True),
    ("07/18/2017", "2017-07-18", True),
    ("3 de mayo de 2018", "2018-05-03", True),
    ("2018-05-12", "2018-05-12", True),
    ("18 jun 2018", "2018-06-18", True),
    ("10-Aug-2017", "2017-08-10", True),
    ("28/06/2018", "2018-06-28", True),         # day > 12 decides the order
    ("06/31/2018", "2018-06-31", False),        # impossible dates are kept, flagged invalid
    ("05/13/2018 08:34:00", "2018-05-13", True),  # a time after the date is not a year
    ("May 3, 2 01 8", "2018-05-03", True),      # handwriting OCR spaces digits apart
    ("May 3. 2018", "2018-05-03", True),        # the comma after the day read as a period
])
def test_parse_date_forms(text, iso, valid):
    d = parse_date(text)
    assert d is not None and d.iso == iso and d.valid is valid


def test_parse_date_ambiguous_day_month_follows_the_documents_convention():
    us = parse_date("12/05/2018", day_first=False)
    es = parse_date("12/05/2018", day_first=True)
    assert (us.iso, es.iso) == ("2018-12-05", "2018-05-12")
    assert us.ambiguous and es.ambiguous
    assert not parse_date("28/06/2018").ambiguous


@pytest.mark.parametrize("text", ["", "no date", "13/45/99x", "Signature"])
def test_parse_date_returns_none_without_a_date(text):
    assert parse_date(text) is None


@pytest.mark.parametrize("text,code", [
    ("SPANISH", "spa"), ("Spanish/Espanol", "spa"), ("Kanjobal", "kjb"), ("K'iche'", "quc"),
    ("Mam", "mam"), ("Haitian Creole", "hat"), ("Portugese", "por"), ("Ixil", "ixl"),
    ("Kaqchikel", "cak"), ("Achi", "acr"),
])
def test_language_code_names_and_misspellings(text, code):
    got = language_code(text)
    assert got is not None and got[0] == code


def test_language_code_does_not_match_short_common_words():
    assert language_code("mamá") is None
    assert language_code("the") is None


def test_clean_name_normalises_whitespace_apostrophes_and_initials():
    assert clean_name("  _S, O’Brien__ ") == "S. O'Brien"
    assert clean_name("José   Núñez\nPérez") == "José Núñez Pérez"


def test_normalize_initial_periods_restores_an_officers_dropped_period():
    from extractor.normalize import initial_periods
    assert initial_periods("A Thompson") == "A. Thompson"
    assert initial_periods("ERO K Fitzgerald") == "ERO K. Fitzgerald"
    assert initial_periods("SDDO T. Smith") == "SDDO T. Smith"  # already there
    assert initial_periods("DO Wilson") == "DO Wilson"  # a title, not an initial
    assert initial_periods("AFOD Brown") == "AFOD Brown"
