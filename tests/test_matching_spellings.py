"""One fact spelled two ways: headline capitals, ordinals and the names of one thing.

Outlets print "Harbour Board Fires Its Director" over a lead that says the
board fired its director, "sixth round" where another prints "6th round", and
"DUI" for "drunken driving". Before the matcher read these alike, each pair
shared fewer words than the same pair worded alike.
"""

from __future__ import annotations

from provenance.corpus.features import FEATURE_NAMES, claim_text, pair_features
from provenance.corpus.lexicon import same_phrases
from provenance.corpus.normalize import normalise

OVERLAP = FEATURE_NAMES.index("idf_overlap_words")


def _overlap(a: str, b: str) -> float:
    return pair_features(claim_text(a), claim_text(b))[OVERLAP]


def test_a_headline_capitalises_words_that_are_no_names() -> None:
    headline = claim_text("Harbour Board Fires Director Ada Quist After Audit")
    sentence = claim_text("The harbour board fired Ada Quist after the audit.")
    assert {"quist", "ada"} <= headline.names
    assert not {"fir", "audit"} & headline.names
    assert headline.names == sentence.names


def test_an_ordinal_reads_as_its_figure() -> None:
    assert normalise("Ivo Marsh was stopped in the sixth round.") == normalise(
        "Ivo Marsh was stopped in the 6th round."
    )
    assert normalise("the twelfth actor").numbers == frozenset({"12"})


def test_names_of_one_thing_that_share_no_word_read_alike() -> None:
    assert same_phrases("arrested on suspicion of Drunken Driving") == "arrested on suspicion of dui"
    claim = "Tal Brenner was arrested on suspicion of DUI after the Vellmark game."
    alike = _overlap(claim, "Tal Brenner was arrested on suspicion of DUI after the Vellmark game.")
    assert (
        _overlap(claim, "Tal Brenner was arrested on suspicion of drunken driving after the Vellmark game.")
        == alike
    )
