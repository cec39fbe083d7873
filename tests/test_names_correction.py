"""Name correction against the list of known names (extractor/names.py): a read token one
likely OCR slip from exactly one known name becomes that name; anything else stays as
read. The last test holds the threshold down: every name the project's own generator
writes (many not in the list: Yostin, Harmon, Ostrowski...) must come through unchanged."""
import pytest

from extractor.names import (correct_names, finish_family_name, finish_officer_name,
                             slip_cost)
from samples.generator import people


def test_names_correct_fixes_a_likely_slip_from_one_known_name():
    assert correct_names("Rosa Chávez Lépez") == "Rosa Chávez López"
    assert correct_names("Tomás Xol Martáínez") == "Tomás Xol Martínez"
    assert correct_names("Julia Pop Arqueta") == "Julia Pop Argueta"
    assert correct_names("MARISOL HERNÁNDEZ GONZALCZ") == "MARISOL HERNÁNDEZ GONZÁLEZ"


def test_names_correct_leaves_unknown_short_and_bracketed_tokens():
    assert correct_names("Glenda Wuxtlan Bautista") == "Glenda Wuxtlan Bautista"  # far from all
    assert correct_names("Rosa Raos") == "Rosa Raos"  # four letters: too many names near
    assert correct_names("Marta Pérez (Lionbridgo)") == "Marta Pérez (Lionbridgo)"
    assert correct_names("SDDO T. Smith", officer=True) == "SDDO T. Smith"


def test_names_correct_leaves_a_token_two_names_are_as_near_to():
    assert slip_cost("aoberto", "alberto") == slip_cost("aoberto", "roberto")
    assert correct_names("Aoberto Chub") == "Aoberto Chub"


def test_names_correct_officer_surnames_only_for_officers():
    # "Hughes" is on the list as an officer's family name: a parent's "Hugbes" is not
    # turned into it, an officer's is
    assert correct_names("Marta Hugbes") == "Marta Hugbes"
    assert correct_names("Denise Hugbes", officer=True) == "Denise Hughes"


def test_names_finish_family_and_officer_names():
    assert finish_family_name("RUBÉN. SOLÍS CHAVEZ") == "RUBÉN SOLÍS CHÁVEZ"
    assert finish_family_name("Ana M. Pérez") == "Ana M. Pérez"  # an initial keeps its period
    # officers' names are spelled like anyone's: accents kept and restored ...
    assert finish_officer_name("FOD García") == "FOD García"
    assert finish_officer_name("SDDO Ramirez") == "SDDO Ramírez"
    # ... and marks OCR puts on a name only ever written without them taken off
    assert finish_officer_name("L. AndérSon") == "L. AnderSon"
    assert finish_officer_name("DENISE. WALKER") == "DENISE WALKER"
    assert finish_officer_name("Supv. K. Davis") == "Supv. K. Davis"


GENERATOR_FAMILY = (people.GIVEN_F + people.GIVEN_M + people.GIVEN_CHILD + people.GIVEN_PT
                    + people.FAMILY + people.FAMILY_PT)
GENERATOR_OFFICERS = people.OFFICER_FAMILY + people.OFFICER_GIVEN


@pytest.mark.parametrize("officer,names", [(False, GENERATOR_FAMILY),
                                           (True, GENERATOR_OFFICERS)])
def test_names_correct_keeps_every_name_the_generator_writes(officer, names):
    changed = {n: correct_names(n, officer=officer) for n in names}
    assert {n: c for n, c in changed.items() if c != n} == {}


def test_names_accents_restored_from_the_list_only_where_always_written_so():
    from extractor.names import restore_accents
    assert restore_accents("Sofia Xol Garcia") == "Sofía Xol García"
    assert restore_accents("Ramon Solis") == "Ramón Solís"
    # written both ways (Spanish Leticia, Portuguese Letícia): left as read
    assert restore_accents("Leticia Ramos") == "Leticia Ramos"


def test_names_digits_read_for_letters_in_a_known_name():
    assert correct_names("MATÍAS JUÁRE7") == "MATÍAS JUÁREZ"
    assert finish_family_name("Ana L0PEZ") == "Ana LÓPEZ"
    assert correct_names("Ana 1982") == "Ana 1982"  # a number is not a misread name


def test_names_interpreting_services_corrected_only_in_interpreter_entries():
    assert finish_family_name("Tomás Morales (LanquageLine)", agency=True) == \
        "Tomás Morales (LanguageLine)"
    assert finish_family_name("TRANSPERFFCT #78214", agency=True) == "TRANSPERFECT #78214"
    assert finish_family_name("CammGap #8301", agency=True) == "CommGap #8301"
    # a parent's or child's name is never turned into a company's
    assert correct_names("Rosa Propia") == "Rosa Propia"
    assert correct_names("Rosa Ramos (Lanquage Line)") == "Rosa Ramos (Lanquage Line)"


def test_names_correct_never_swaps_unlike_letters_or_a_name_ending():
    # two real names a letter apart where the letters do not look alike, or at either
    # end of the name, are never taken for one another: with one of them missing from
    # the list, the other must not replace it
    from extractor.names import MAX_COST_LONG
    for read, name in [("jimena", "ximena"), ("hernández", "fernández"), ("wilmer", "wilber"),
                       ("gabriel", "gabriela"), ("francisco", "francisca")]:
        assert slip_cost(read, name) > MAX_COST_LONG, (read, name)
    # look-alike letters and a letter lost inside the name stay correctable
    assert slip_cost("lépez", "lópez") == 0.5 and slip_cost("quiónez", "quiñónez") == 1.0
