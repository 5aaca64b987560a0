"""The cue-extent model: where a found cue ends, shipped with its metadata, bounded by the other roles."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from provenance.extract.cues import find_attributions
from provenance.extract.cues.clause import RawAttribution
from provenance.extract.cues.learned import cue_places, learned_cue_ends
from provenance.extract.learned import CueExtentModel, cue_extent_model
from provenance.extract.learned.cue_extent import extent_features
from provenance.extract.segmentation import Token, quotations, tokenize
from provenance.models import CueKind

DATA = resources.files("provenance.extract.learned").joinpath("data")
RUNS_TO_ABOUT = CueExtentModel(
    {"move=keep": 1.0, "last=about": 4.0, "last=tuesday": 3.0}, 2, frozenset({"tuesday", "about"})
)
"""A model that ends a cue on "about" or "Tuesday" where it can, else where its reader ended it."""


def _tokens(sentence: str) -> tuple[list[Token], list[tuple[int, int]]]:
    quotes = quotations(sentence, 0, len(sentence))
    return tokenize(sentence, 0, len(sentence), quotes), quotes


def _read(sentence: str) -> list[tuple[str, str | None, list[str]]]:
    tokens, quotes = _tokens(sentence)
    return [
        (
            sentence[raw.cue[0] : raw.cue[1]] if raw.cue else "",
            sentence[raw.source[0] : raw.source[1]] if raw.source else None,
            [sentence[start:end] for start, end in raw.content],
        )
        for raw in find_attributions(tokens, quotes)
    ]


def _span(sentence: str, words: str) -> tuple[int, int]:
    start = sentence.index(words)
    return start, start + len(words)


def _extended(
    sentence: str, cue: str, source: str, content: list[str], model: CueExtentModel = RUNS_TO_ABOUT
) -> tuple[str, list[str]]:
    tokens, quotes = _tokens(sentence)
    attribution = RawAttribution(
        CueKind.STATEMENT,
        _span(sentence, cue),
        _span(sentence, source),
        [_span(sentence, part) for part in content],
    )
    [extended] = learned_cue_ends(tokens, [attribution], quotes, model)
    assert extended.cue is not None
    return sentence[extended.cue[0] : extended.cue[1]], [
        sentence[start:end] for start, end in extended.content
    ]


def test_the_model_ships_small_with_metadata_saying_what_it_was_trained_on() -> None:
    weights = DATA.joinpath("cue_extent.json").read_bytes()
    meta = json.loads(DATA.joinpath("cue_extent.meta.json").read_text(encoding="utf-8"))
    assert len(weights) <= 25 * 1024 * 1024
    assert "train" in meta["trained_on"]["corpus"]
    model = cue_extent_model()
    assert model is not None
    assert meta["reach"] == model.reach
    assert all(meta["dev_with"][name] >= value for name, value in meta["dev_without"].items())


def test_a_cue_runs_on_over_the_day_it_was_made() -> None:
    assert _read("Mayor Lund announced Tuesday that the levy would pass.") == [
        ("announced Tuesday", "Mayor Lund", ["that the levy would pass"])
    ]


def test_a_said_cue_runs_on_over_its_day_and_a_verb_over_the_preposition_it_takes() -> None:
    assert _read("Mayor Lund said Friday that the levy would pass.") == [
        ("said Friday", "Mayor Lund", ["that the levy would pass"])
    ]
    assert _read("Lund weighed in with a plea for the levy.") == [
        ("weighed in with", "Lund", ["a plea for the levy"])
    ]


def test_a_cue_that_runs_into_its_content_moves_the_content_past_it() -> None:
    assert _read("Lund spoke out Tuesday about the new levy.") == [
        ("spoke out Tuesday about", "Lund", ["the new levy"])
    ]
    assert _extended(
        "Lund spoke out Tuesday about the new levy.", "spoke out", "Lund", ["Tuesday about the new levy"]
    ) == (
        "spoke out Tuesday about",
        ["the new levy"],
    )


def test_a_cue_that_would_leave_no_content_keeps_its_end() -> None:
    assert _extended("Lund spoke out Tuesday.", "spoke out", "Lund", ["Tuesday"]) == (
        "spoke out",
        ["Tuesday"],
    )


def test_a_cue_never_runs_into_its_source_or_past_a_mark() -> None:
    sentence = "The levy will pass, said Lund about noon."
    assert _extended(sentence, "said", "Lund", ["The levy will pass"]) == ("said", ["The levy will pass"])
    sentence = "Lund spoke out, Tuesday about noon, on the levy."
    assert _extended(sentence, "spoke out", "Lund", ["on the levy"]) == ("spoke out", ["on the levy"])


def test_a_cue_runs_on_only_over_a_word_the_model_ran_cues_on_over_in_training() -> None:
    sentence = "Lund spoke out Tuesday about the new levy."
    content = ["Tuesday about the new levy"]
    closed = CueExtentModel(RUNS_TO_ABOUT.weights, 2, frozenset({"about"}))
    assert _extended(sentence, "spoke out", "Lund", content, closed) == ("spoke out", content)


def test_a_cue_the_model_found_has_extent_features_of_its_own() -> None:
    sentence = "Lund clashed over the levy with the council."
    tokens, quotes = _tokens(sentence)
    takes_over = CueExtentModel({"move=keep": 1.0, "learned_last=over": 2.0}, 2, frozenset({"over"}))
    read = RawAttribution(
        CueKind.STATEMENT,
        _span(sentence, "clashed"),
        _span(sentence, "Lund"),
        [_span(sentence, "over the levy")],
    )
    [kept] = learned_cue_ends(tokens, [read], quotes, takes_over)
    assert kept.cue == _span(sentence, "clashed")
    read.learned = 0.7
    [extended] = learned_cue_ends(tokens, [read], quotes, takes_over)
    assert extended.cue == _span(sentence, "clashed over")
    assert extended.content == [_span(sentence, "the levy")]


def test_the_chosen_end_is_the_place_whose_features_score_highest() -> None:
    model = cue_extent_model()
    assert model is not None
    for sentence in (
        "Mayor Lund announced Tuesday that the levy would pass.",
        "Lund complained bitterly that the levy would pass.",
        "Lund continually brags about the levy.",
        "The Ledger reported Monday that the levy had passed.",
    ):
        tokens, quotes = _tokens(sentence)
        found = find_attributions(tokens, quotes)
        for attribution in found:
            places = cue_places(tokens, attribution, found)
            assert places is not None
            scores = {
                place: model.score(
                    extent_features(
                        tokens, places.head, places.end, place, places.content_start, places.learned
                    )
                )
                for place in range(places.end, min(places.limit, places.end + model.reach) + 1)
            }
            chosen = model.end(
                tokens, places.head, places.end, places.limit, places.content_start, places.learned
            )
            assert scores[chosen] == pytest.approx(max(scores.values()))
