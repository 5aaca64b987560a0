"""What the index keeps per unit, so a query reads no stored sentence at length: the same verdicts."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.corpus import MATCH_THRESHOLD, CorpusIndex, compare_claims
from provenance.corpus.contradiction import may_conflict, value_conflict, value_kinds
from provenance.corpus.features import (
    CHARACTER_FEATURE,
    claim_text,
    pair_features,
    read_stored,
    stored_reading,
    word_features,
)
from provenance.corpus.index import IndexedArticle, IndexedClaim
from provenance.corpus.match import compare_candidate, compare_texts, match_score, score_bound
from provenance.corpus.normalize import normalise

OPENINGS = ["The harbour council", "Ada Quist, 32,", "The 31-year-old Ada Quist", "Officials", "So why", "He"]
VERBS = ["approved", "rejected", "won", "lost", "nearly destroyed", "destroyed", "did not approve"]
OBJECTS = [
    "a budget of 412 million euros",
    "the ferry tunnel",
    "about 20,000 tickets",
    "more than 24,000 tickets",
    "the Riga Hawks (10-5)",
    "a 9-5 season",
    "the drunken driving charge",
    "DUI charges",
    "its sixth round",
    "the 6th round",
]
TIMES = ["", " in June", " in July", " on Tuesday", " in 2004", " at 10:30", " (555) 123-4567", " May 3"]
ENDINGS = [".", "?", "", ", officials said."]

sentences = st.builds(
    lambda opening, verb, thing, when, end: f"{opening} {verb} {thing}{when}{end}",
    st.sampled_from(OPENINGS),
    st.sampled_from(VERBS),
    st.sampled_from(OBJECTS),
    st.sampled_from(TIMES),
    st.sampled_from(ENDINGS),
)


@settings(max_examples=300, deadline=None)
@given(sentence=sentences)
def test_a_stored_reading_reads_back_as_the_sentence_read_afresh(sentence: str) -> None:
    stored_normal = normalise(sentence).text
    reading = stored_reading(sentence, stored_normal)
    assert read_stored(sentence, reading, stored_normal) == claim_text(sentence)


def test_a_reading_keeps_the_normal_form_only_where_same_phrases_change_it() -> None:
    plain = "The council approved the ferry tunnel budget."
    phrased = "Ada Quist was arrested for drunken driving in Riga."
    assert stored_reading(plain, normalise(plain).text).startswith("|")
    assert not stored_reading(phrased, normalise(phrased).text).startswith("|")


@settings(max_examples=500, deadline=None)
@given(left=sentences, right=sentences)
def test_values_ruled_out_by_their_kinds_never_conflict(left: str, right: str) -> None:
    if value_conflict(left, right) is not None:
        assert may_conflict(value_kinds(left), value_kinds(right))


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("The council sold 412 tickets in June.", "The council sold 615 tickets in June."),
        ("The council approved the budget in June.", "The council approved the budget in July."),
        ("Ada Quist, 32, approved the ferry tunnel.", "The 31-year-old Ada Quist approved the ferry tunnel."),
        ("The storm nearly destroyed the ferry tunnel.", "The storm destroyed the ferry tunnel."),
        ("The council approved the ferry tunnel budget.", "The council rejected the ferry tunnel budget."),
        ("The council did not fund the ferry tunnel budget.", "The council funded the ferry tunnel budget."),
    ],
)
def test_each_kind_of_conflict_is_kept_by_its_kinds(left: str, right: str) -> None:
    assert value_conflict(left, right) is not None
    assert may_conflict(value_kinds(left), value_kinds(right))


@pytest.mark.parametrize(
    "spelled",
    [
        "did not",
        "didn't",
        "didn’t",
        "didnt",
        "cannot",
        "never",
        "NEVER",
        "ｎｏｔ",
        "no-one",
        "without a vote",
    ],
)
def test_every_spelling_of_a_negation_the_normaliser_reads_is_a_kind_of_value(spelled: str) -> None:
    sentence = f"The council {spelled} approve the ferry tunnel budget."
    assert normalise(sentence).negated
    assert may_conflict(value_kinds(sentence), value_kinds("The council approved the ferry tunnel budget."))


def test_a_word_holding_a_negation_is_none() -> None:
    sentence = "The council's nominee knotted the ferry tunnel budget."
    assert not normalise(sentence).negated
    assert not may_conflict(value_kinds(sentence), value_kinds("The council set the ferry tunnel budget."))


def test_a_question_or_two_sentences_without_values_are_ruled_out() -> None:
    plain = value_kinds("The council set the ferry tunnel budget.")
    assert not may_conflict(plain, value_kinds("The harbour council backed the ferry tunnel budget."))
    question = value_kinds("Did the council sell 412 tickets?")
    assert not may_conflict(question, value_kinds("The council sold 615 tickets."))


@contextmanager
def _index(units: list[str]) -> Iterator[CorpusIndex]:
    index = CorpusIndex.create()
    for number, unit in enumerate(units):
        claim = IndexedClaim("C1", unit, unit, "outlet", f"outlet-{number}", f"Outlet {number}")
        index.add(IndexedArticle(key=f"{number}.md", digest=str(number)), [claim])
    index.commit()
    try:
        yield index
    finally:
        index.close()


def test_the_index_reads_values_only_of_units_that_can_conflict(monkeypatch: pytest.MonkeyPatch) -> None:
    query = "The harbour council set a budget of 412 million euros for the ferry tunnel."
    stored = [
        "The harbour council set a budget for the ferry tunnel, officials said.",
        "The harbour council set a budget of 615 million euros for the ferry tunnel.",
    ]
    read: list[str] = []

    def counted(left: str, right: str) -> str | None:
        read.append(right)
        return value_conflict(left, right)

    monkeypatch.setattr("provenance.corpus.match.value_conflict", counted)
    with _index(stored) as index:
        matches = index.matches(query, MATCH_THRESHOLD)
    assert read == [stored[1]]
    monkeypatch.undo()
    verdicts = {match.claim.unit: match.verdict for match in matches}
    assert verdicts == {unit: compare_claims(query, unit) for unit in stored if unit in verdicts}
    conflicting = verdicts[stored[1]]
    assert conflicting is not None
    assert conflicting.contradiction is not None


WORDS = [
    "harbour",
    "council",
    "ferry",
    "tunnel",
    "budget",
    "Riga",
    "Ada",
    "Quist",
    "set",
    "cut",
    "the",
    "a",
    "of",
]
WORDS += [
    "prices",
    "winter",
    "412",
    "615",
    "June",
    "July",
    "not",
    "nearly",
    "won",
    "lost",
    "tickets",
    "officials",
]
free_sentences = st.lists(st.sampled_from(WORDS), min_size=3, max_size=14).map(
    lambda words: " ".join(words) + "."
)


@settings(max_examples=400, deadline=None)
@given(left=st.one_of(sentences, free_sentences), right=st.one_of(sentences, free_sentences))
def test_the_score_bound_is_never_under_the_score(left: str, right: str) -> None:
    read_left, read_right = claim_text(left), claim_text(right)
    features = word_features(read_left, read_right)
    full = pair_features(read_left, read_right)
    assert [value for at, value in enumerate(full) if at != CHARACTER_FEATURE] == [
        value for at, value in enumerate(features) if at != CHARACTER_FEATURE
    ]
    assert match_score(read_left, read_right) <= score_bound(features)


@settings(max_examples=400, deadline=None)
@given(
    left=st.one_of(sentences, free_sentences),
    right=st.one_of(sentences, free_sentences),
    threshold=st.sampled_from([MATCH_THRESHOLD, 30.0, 90.0]),
)
def test_pruning_never_drops_a_match_or_a_contradiction(left: str, right: str, threshold: float) -> None:
    read_left, read_right = claim_text(left), claim_text(right)
    values = may_conflict(value_kinds(left), value_kinds(right))
    verdict = compare_texts(read_left, read_right, left, right)
    pruned = compare_candidate(read_left, read_right, left, right, threshold, values)
    if pruned is None:
        assert verdict.score < threshold
        assert verdict.contradiction is None
    else:
        assert pruned == verdict


def test_a_pair_the_bound_turns_down_reads_no_character_grams(monkeypatch: pytest.MonkeyPatch) -> None:
    left = "The harbour council set a budget for the ferry tunnel."
    right = "The ferry operator cut its prices for the winter season."

    def unread(*_: object) -> float:
        raise AssertionError("character 4-grams read")

    monkeypatch.setattr("provenance.corpus.match.character_overlap", unread)
    values = may_conflict(value_kinds(left), value_kinds(right))
    assert (
        compare_candidate(claim_text(left), claim_text(right), left, right, MATCH_THRESHOLD, values) is None
    )
