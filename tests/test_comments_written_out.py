"""Decisions and offers an entry writes out in words the classifier may not weigh (issue
14g): the officer's question as the offer, refusals to choose, entries written wholly in
Spanish, Portuguese or French. Invented entries, none taken from a data set or dev."""
import pytest

from extractor.comments.fields import analyze
from extractor.comments.features import featurize


@pytest.mark.parametrize("text", [
    "Officer asked whether she wanted the boy to travel back with her; she said no.",
    "Explained to PA through the interpreter that PA could request that her son be returned to her before the flight.",
    "DO told subj about what would happen if he chose to leave together with his daughter.",
    "Both options were explained to the father in Mam. He did not answer.",
])
def test_comments_offer_written_out(text):
    assert analyze(text)["option_offered"].value is True


@pytest.mark.parametrize("text", [
    "Subject was not advised of the option to depart together with the child.",
    "Mother asked whether her son could call her before the flight.",
])
def test_comments_no_offer_written_out(text):
    assert analyze(text)["option_offered"].value is not True



@pytest.mark.parametrize("text", [
    "PA refused to make a decision about the girl today.",
    "Mother declined to say whether the twins should fly with her.",
])
def test_comments_refusing_to_choose_is_undecided_for_a_reviewer(text):
    f = analyze(text)["decision"]
    assert f is not None and f.value == "undecided"


@pytest.mark.parametrize("text,same_as", [
    ("La mère souhaite partir avec sa fille.", "The mother wants to depart with her daughter."),
    ("Pai pediu para ser deportado junto com o filho.", "Father requested to be removed together with the son."),
    ("Madre indicó que desea ser deportada con su hijo.", "Mother said that she wants to be removed with her son."),
])
def test_comments_entries_written_in_spanish_portuguese_french_read_like_english(text, same_as):
    """The gloss maps the content words of a foreign-language entry onto the English ones."""
    canon = set(featurize(same_as).split())
    assert {"want", "requested", "removed", "depart", "with", "child"} & set(featurize(text).split()) \
        <= canon | {"requested", "removed", "together"}
    assert "child" in featurize(text).split() and "with" in featurize(text).split()
