"""The content-end model: where a content after its cue stops, shipped with metadata, bounded by the rules."""

from __future__ import annotations

import json
from importlib import resources

from hypothesis import given
from hypothesis import strategies as st

from provenance.extract.cues.content import following_contents, learned_ends
from provenance.extract.cues.sentence import rule_attributions
from provenance.extract.learned import ContentEndModel, content_end_model
from provenance.extract.learned.content_end import end_candidates, word_end
from provenance.extract.segmentation import Token, quotations, tokenize

DATA = resources.files("provenance.extract.learned").joinpath("data")
RUNS_ON = ContentEndModel({"bias": -4.0, "limit": 12.0})
"""A hand-made model: a content runs on to its limit (the sentence end or the next attribution)."""


def _tokens(sentence: str) -> tuple[list[Token], list[tuple[int, int]]]:
    quotes = quotations(sentence, 0, len(sentence))
    return tokenize(sentence, 0, len(sentence), quotes), quotes


def _read(sentence: str, model: ContentEndModel) -> list[list[str]]:
    """Read a sentence with the rules, then let ``model`` decide where their contents end."""
    tokens, quotes = _tokens(sentence)
    found = learned_ends(tokens, rule_attributions(tokens, quotes), quotes, model)
    return [[sentence[start:end] for start, end in raw.content] for raw in found]


def test_the_model_ships_small_with_metadata_saying_what_it_was_trained_on() -> None:
    weights = DATA.joinpath("content_end.json").read_bytes()
    meta = json.loads(DATA.joinpath("content_end.meta.json").read_text(encoding="utf-8"))
    assert len(weights) < 2_000_000
    assert "PolNeAR" in meta["trained_on"]["corpus"]
    assert "train" in meta["trained_on"]["corpus"]
    assert meta["features"]
    assert meta["applies_to"]
    held_out = meta["held_out_ends_right"]
    assert held_out["model"] > held_out["rules"], "the model must end more held-out contents right"


def test_a_content_the_rules_stop_runs_on_to_a_likelier_later_end() -> None:
    sentence = "Lund said the levy was fair, while the tax was not."
    assert _read(sentence, ContentEndModel({})) == [["the levy was fair"]]
    assert _read(sentence, RUNS_ON) == [["the levy was fair, while the tax was not"]]


def test_the_rules_end_stands_when_the_model_finds_it_likeliest() -> None:
    sentence = "Lund said the levy was fair, while the tax was not."
    assert _read(sentence, ContentEndModel({"bias": 5.0})) == [["the levy was fair"]]


def test_an_infinitive_content_is_cut_short_where_the_model_ends_it() -> None:
    sentence = "Lund pledged to shut down the plant, after she introduced a bill last month."
    assert _read(sentence, RUNS_ON) == [["to shut down the plant, after she introduced a bill last month"]]
    assert _read(sentence, ContentEndModel({"bias": 9.0})) == [["to shut down the plant"]]


def test_the_shipped_model_ends_a_plan_before_when_it_was_made() -> None:
    sentence = "Moreau pledged to close the old depot, after she introduced a bill last month."
    model = content_end_model()
    assert model is not None
    assert _read(sentence, model) == [["to close the old depot"]]


def test_a_content_other_than_an_infinitive_is_never_shortened() -> None:
    sentence = "Lund said the levy was fair to farmers in the valley and on the coast."
    ends_everywhere = ContentEndModel({"bias": 9.0})
    assert _read(sentence, ends_everywhere) == [
        ["the levy was fair to farmers in the valley and on the coast"]
    ]


def test_a_content_ended_by_its_relative_clause_is_left_to_the_rules() -> None:
    sentence = "The levy, which the mayor says will fund schools, passed easily."
    tokens, _ = _tokens(sentence)
    assert following_contents(tokens, rule_attributions(*_tokens(sentence)), cut_only=True) == []
    assert _read(sentence, RUNS_ON) == [["which", "will fund schools"]]


def test_no_place_inside_a_quotation_is_an_end_and_the_limit_always_is() -> None:
    sentence = "Lund said it was “cheap, fast, fair” and she voted."
    tokens, _ = _tokens(sentence)
    places = end_candidates(tokens, 2, len(tokens))
    assert all(not tokens[place].quoted for place in places[:-1])
    assert places[-1] == len(tokens)
    assert [tokens[place].text for place in places[:-1]][:2] == ["“", "”"]


def test_ends_that_differ_only_by_marks_are_one_end() -> None:
    tokens, _ = _tokens("Lund said it was “fair,” then left.")
    closing = next(index for index, token in enumerate(tokens) if token.text == "”")
    assert word_end(tokens, closing + 1) == word_end(tokens, closing - 1)


WORDS = ["Lund", "said", "the", "levy", "was", "fair", ",", "and", "on", "Monday", "which", "“", "”", "."]


@given(st.lists(st.sampled_from(WORDS), min_size=3, max_size=25))
def test_a_learned_end_keeps_the_start_runs_no_shorter_and_stays_in_the_sentence(words: list[str]) -> None:
    sentence = "Lund said " + " ".join(words) + " ."
    tokens, quotes = _tokens(sentence)
    found = rule_attributions(tokens, quotes)
    before = [list(raw.content) for raw in found]
    learned_ends(tokens, found, quotes, content_end_model())
    for raw, old in zip(found, before, strict=True):
        for (start, end), (old_start, old_end) in zip(raw.content, old, strict=True):
            assert start == old_start
            assert old_end <= end <= tokens[-1].end
