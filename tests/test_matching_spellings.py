"""One fact spelled two ways: headline capitals, ordinals, initialisms and the names of one thing.

Outlets print "Harbour Board Fires Its Director" over a lead that says the
board fired its director, "sixth round" where another prints "6th round",
"IR" for "injured reserve" and "DUI" for "drunken driving". Before the matcher
read these alike, each pair shared fewer words than the same pair worded alike.
"""

from __future__ import annotations

from provenance.corpus.features import FEATURE_NAMES, claim_text, pair_features
from provenance.corpus.lexicon import same_phrases
from provenance.corpus.normalize import normalise

OVERLAP = FEATURE_NAMES.index("idf_overlap_words")
CONTAINED = FEATURE_NAMES.index("token_set")


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


def test_an_initialism_is_shared_with_the_words_that_spell_it() -> None:
    claim = "Ivo Marsh escaped from a TDCJ van near Vellmark."
    spelled = _overlap(
        claim, "Ivo Marsh escaped from a Texas Department of Criminal Justice van near Vellmark."
    )
    other = _overlap(claim, "Ivo Marsh escaped from a county sheriff van near Vellmark.")
    assert spelled > other
    assert spelled == _overlap(claim, claim)


def test_two_letters_are_spelled_by_capitalised_words_only() -> None:
    claim = "Ivo Marsh was held by US officials in Vellmark."
    assert _overlap(claim, "Ivo Marsh was held by United States officials in Vellmark.") == _overlap(
        claim, claim
    )
    lower_case = pair_features(
        claim_text("Ivo Marsh was held in Vellmark by US agents."),
        claim_text("Ivo Marsh was held in Vellmark under suspicion."),
    )
    assert lower_case[CONTAINED] < 1
