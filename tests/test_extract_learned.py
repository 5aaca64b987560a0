"""The trained cue model: shipped with its metadata, used only where the rules found nothing, explained."""

from __future__ import annotations

import hashlib
import json
import math
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from provenance.extract import analyze
from provenance.extract.claims import ASCII_LOWER_LETTERS, WORD, _worth_reading
from provenance.extract.cues import find_attributions, trigger_words
from provenance.extract.cues.learned import candidate_words, learned_attributions, read_cue
from provenance.extract.cues.sentence import rule_attributions, rules_may_read
from provenance.extract.learned import CueModel, cue_feature_parts, cue_features, cue_head, cue_model
from provenance.extract.learned.features import NOT_HEADS, feature_name, feature_parts
from provenance.extract.lexicon import cues
from provenance.extract.segmentation import quotations, tokenize
from provenance.ingest import parse_article

DATA = resources.files("provenance.extract.learned").joinpath("data")


def _read(sentence: str) -> list[tuple[str, str | None, list[str], float | None]]:
    quotes = quotations(sentence, 0, len(sentence))
    tokens = tokenize(sentence, 0, len(sentence), quotes)
    return [
        (
            sentence[raw.cue[0] : raw.cue[1]] if raw.cue else "",
            sentence[raw.source[0] : raw.source[1]] if raw.source else None,
            [sentence[start:end] for start, end in raw.content],
            raw.learned,
        )
        for raw in find_attributions(tokens, quotes)
    ]


def test_the_model_ships_small_with_metadata_saying_what_it_was_trained_on() -> None:
    weights = DATA.joinpath("cue_model.json").read_bytes()
    meta = json.loads(DATA.joinpath("cue_model.meta.json").read_text(encoding="utf-8"))
    assert len(weights) <= 25 * 1024 * 1024
    assert "train" in meta["trained_on"]["corpus"]
    assert meta["threshold"] == cue_model().threshold
    shipped = json.loads(DATA.joinpath("cue_model.json").read_text(encoding="utf-8"))
    assert meta["vocabulary"] == len(shipped["vocabulary"]) > 0
    assert meta["lexicon_classes"] == shipped["lexicon_classes"]
    assert all(meta["dev_with_model"][name] >= value for name, value in meta["dev_rules_only"].items())


def test_a_cue_the_lexicon_lacks_is_found_by_the_model_and_read_by_the_grammar() -> None:
    [(cue, source, content, probability)] = _read(
        "Mayor Tomas Brandt is pushing for a second bridge north of the old town."
    )
    assert (cue, source, content) == (
        "is pushing for",
        "Mayor Tomas Brandt",
        ["a second bridge north of the old town"],
    )
    assert probability is not None
    assert probability >= cue_model().threshold


def test_a_verb_of_saying_unseen_in_training_is_judged_by_what_it_means() -> None:
    shipped = json.loads(DATA.joinpath("cue_model.json").read_text(encoding="utf-8"))
    assert "beseeched" not in shipped["vocabulary"]
    [(cue, source, content, probability)] = _read(
        "Mayor Tomas Brandt beseeched the council to fund the second bridge."
    )
    assert (cue, source, content) == (
        "beseeched",
        "Mayor Tomas Brandt",
        ["the council to fund the second bridge"],
    )
    assert probability is not None
    assert _read("Mayor Tomas Brandt repainted the old bridge in May.") == []


def test_a_cue_the_model_finds_after_a_closing_quotation_takes_the_quotation_as_content() -> None:
    [(cue, source, content, probability)] = _read(
        "“Vote early,” exhorted Mayor Brandt, who chairs the council."
    )
    assert (cue, source, content) == ("exhorted", "Mayor Brandt, who chairs the council", ["“Vote early,”"])
    assert probability is not None


def test_an_attribution_says_whether_the_model_or_a_rule_found_it() -> None:
    article = parse_article(
        "Harbour plan\n\nMayor Tomas Brandt is pushing for a second bridge. "
        "Ana Lund said the bridge would wait.\n"
    )
    found = {
        attribution.cue.text: attribution.model_probability
        for claim in analyze(article).claims
        for attribution in claim.attributions
        if attribution.cue is not None
    }
    assert found["said"] is None
    assert found["is pushing for"] is not None


def test_words_inside_an_attribution_the_rules_found_are_not_judged() -> None:
    sentence = "Lund said Brandt is pushing for a second bridge."
    quotes = quotations(sentence, 0, len(sentence))
    tokens = tokenize(sentence, 0, len(sentence), quotes)
    found = rule_attributions(tokens, quotes)
    assert [sentence[raw.cue[0] : raw.cue[1]] for raw in found if raw.cue] == ["said"]
    assert candidate_words(tokens, found, cue_model().vocabulary) == []
    assert [cue for cue, *_ in _read(sentence)] == ["said"]


def _read_cue(sentence: str, word: str) -> tuple[str, str | None, list[str]] | None:
    """Read the cue headed by ``word`` as the model would have it read, whatever the model's score."""
    quotes = quotations(sentence, 0, len(sentence))
    tokens = tokenize(sentence, 0, len(sentence), quotes)
    index = next(index for index, token in enumerate(tokens) if token.lower == word)
    reading = read_cue(tokens, index, quotes, CueModel(frozenset(), frozenset(), {}, 1.0))
    if reading is None or reading.cue is None:
        return None
    source = sentence[reading.source[0] : reading.source[1]] if reading.source else None
    return sentence[reading.cue[0] : reading.cue[1]], source, [sentence[a:b] for a, b in reading.content]


def test_a_lexicon_verb_the_rules_turned_down_stays_turned_down() -> None:
    assert _read("Macron proposed the idea in February, but Germany rejected it.") == []
    assert _read_cue("Lund proposed the toll in May.", "proposed") is None
    assert _read_cue("The old mayor began by thanking the crew.", "thanking") is None


def test_a_lexicon_verb_the_grammar_found_no_source_for_is_read_without_one() -> None:
    assert _read_cue(
        "Only two council members, both of whom opposed the levy, are backing the new toll.", "backing"
    ) == ("are backing", None, ["the new toll"])
    readings = _read("The Harbor Ledger, citing internal documents, reported that the toll would rise.")
    assert [(cue, source, content) for cue, source, content, _ in readings] == [
        ("reported", "The Harbor Ledger", ["that the toll would rise"]),
        ("citing", None, ["internal documents"]),
    ]


def test_a_lexicon_verb_in_the_passive_the_grammar_found_no_source_for_is_read_as_a_passive() -> None:
    assert _read_cue("Two lawmakers were told the audit was hidden.", "told") == (
        "were told",
        None,
        ["Two lawmakers", "the audit was hidden"],
    )


def test_a_lexicon_verb_with_no_source_and_nothing_to_report_stays_turned_down() -> None:
    assert _read_cue("Lund was asked", "asked") is None
    assert _read_cue("Ames has been harshly criticized for the toll.", "criticized") is None
    assert _read_cue("Crenshaw is the fifth judge who has been confirmed since May.", "confirmed") is None


def test_a_lexicon_word_used_as_a_noun_or_a_loose_participle_is_read_plainly_for_the_model_to_judge() -> None:
    assert _read_cue(
        "Protesters gathered outside, holding signs and chanting slogans against the toll.", "chanting"
    ) == (
        "chanting",
        "Protesters",
        ["slogans against the toll"],
    )
    assert _read_cue("The mayor repeated his calls for a new bridge.", "calls") == (
        "calls",
        "his",
        ["for a new bridge"],
    )


def test_a_word_the_rules_know_is_taken_only_when_the_model_finds_it_likelier_a_cue_than_not() -> None:
    def cues_at(sentence: str, probability: float) -> list[str]:
        quotes = quotations(sentence, 0, len(sentence))
        tokens = tokenize(sentence, 0, len(sentence), quotes)
        bias = math.log(probability / (1 - probability))
        model = CueModel(frozenset({"calls", "plea"}), frozenset(), {"bias": bias}, 0.3)
        found = learned_attributions(tokens, quotes, [], model)
        return [sentence[raw.cue[0] : raw.cue[1]] for raw in found if raw.cue]

    assert cues_at("The mayor repeated his calls for a new bridge.", 0.4) == []
    assert cues_at("The mayor repeated his calls for a new bridge.", 0.6) == ["calls"]
    assert cues_at("The mayor repeated her plea for a new bridge.", 0.4) == ["plea"]


def test_a_passive_cue_without_an_agent_has_no_source_and_what_was_acted_on_as_content() -> None:
    assert _read_cue("The Brandt family has been harshly faulted for the closure.", "faulted") == (
        "has been harshly faulted",
        None,
        ["The Brandt family", "for the closure"],
    )


def test_a_plain_reading_takes_a_possessor_as_its_source_and_no_phrase_that_names_no_one() -> None:
    assert _read_cue("Brandt repeated her remark about the bridge.", "remark") == (
        "remark",
        "her",
        ["about the bridge"],
    )
    assert _read_cue("The council vote, a rebuke of the toll, passed easily.", "rebuke") == (
        "rebuke",
        None,
        ["of the toll, passed easily"],
    )


def test_a_word_in_no_attributive_use_is_left_alone() -> None:
    assert _read("Brook was in the hall when the vote came.") == []


def test_the_model_judges_only_words_that_can_head_a_cue() -> None:
    not_heads = cues().auxiliaries | NOT_HEADS
    assert not cue_model().vocabulary & not_heads


@given(st.lists(st.sampled_from(sorted(cue_model().weights)[:2000]), max_size=30))
def test_the_score_bar_and_the_probability_threshold_agree(features: list[str]) -> None:
    model = cue_model()
    score = model.score(features)
    if abs(score - model.threshold_score) > 1e-9:
        assert (score >= model.threshold_score) == (model.probability(features) >= model.threshold)


def test_a_feature_in_parts_is_weighed_as_its_name_is() -> None:
    model = cue_model()
    sentence = "“It's over,” Lund, who lamented the | vote, told reporters that she'd resign."
    tokens = tokenize(sentence, 0, len(sentence), quotations(sentence, 0, len(sentence)))
    for index in [index for index, token in enumerate(tokens) if token.is_word]:  # a cue's head is a word
        parts = cue_feature_parts(tokens, index)
        assert [feature_parts(feature_name(part)) for part in parts] == parts
        assert model.score_parts(parts) == model.score(cue_features(tokens, index))
    assert all(feature_name(feature_parts(name)) == name for name in model.weights)


def test_the_gate_was_fitted_for_the_shipped_cue_model() -> None:
    gate = json.loads(DATA.joinpath("cue_gate.json").read_text(encoding="utf-8"))
    model = hashlib.sha256(DATA.joinpath("cue_model.json").read_bytes()).hexdigest()
    assert gate["cue_model_sha256"] == model, "the cue model changed: run bench/fit_cue_gate.py"


def test_a_word_under_the_gate_is_never_judged_nor_makes_a_sentence_worth_reading() -> None:
    unlikely = set(json.loads(DATA.joinpath("cue_gate.json").read_text(encoding="utf-8"))["unlikely"])
    assert {"abandon", "abandoned"} <= unlikely <= cue_model(gated=False).vocabulary
    assert unlikely.isdisjoint(cue_model().vocabulary)
    sentence = "The county abandoned the old bridge."
    assert _worth_reading(sentence.replace("abandoned", "lamented"))
    assert not _worth_reading(sentence)


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_an_ascii_sentence_split_as_bytes_gives_the_words_of_the_general_split(sentence: str) -> None:
    words = [word.decode() for word in sentence.encode().translate(ASCII_LOWER_LETTERS).split()]
    assert words == WORD.findall(sentence.lower())


def test_a_cues_head_is_its_first_word_past_the_verb_group() -> None:
    sentence = "Lund has repeatedly criticized the levy and is expected to vote."
    quotes = quotations(sentence, 0, len(sentence))
    tokens = tokenize(sentence, 0, len(sentence), quotes)
    assert tokens[cue_head(tokens, 1, 4) or 0].text == "criticized"
    assert tokens[cue_head(tokens, 7, 10) or 0].text == "expected"
    assert cue_head(tokens, 7, 8) is None  # "is" alone carries nothing


def test_a_sentence_is_read_for_its_rule_cues_whatever_words_the_model_judges() -> None:
    nouns = ["statement", "proposal", "reportedly", "poll"]
    assert set(nouns) <= trigger_words()
    article = parse_article("Ana Lund spoke on Monday. The company's denial that it knew drew fire.\n")
    cues_found = [
        attribution.cue.text
        for claim in analyze(article).claims
        for attribution in claim.attributions
        if attribution.cue is not None
    ]
    assert "denial" in cues_found


def test_a_person_pronoun_subject_makes_a_cue_likelier_than_it_whatever_its_gender() -> None:
    [(_, _, _, neuter)] = _read("It didn’t apologize for its remarks.")
    for sentence in ["She didn’t apologize for her remarks.", "He didn’t apologize for his remarks."]:
        [(cue, _, _, person)] = _read(sentence)
        assert cue.startswith("didn’t apologize")
        assert person is not None
        assert neuter is not None
        assert person > neuter


def test_the_kind_of_a_pronoun_subject_is_one_for_every_person_and_gender() -> None:
    def kinds(sentence: str) -> list[str]:
        quotes = quotations(sentence, 0, len(sentence))
        features = cue_features(tokenize(sentence, 0, len(sentence), quotes), 1)
        return [feature for feature in features if feature.startswith("subject_pronoun=")]

    for pronoun in ["She", "He", "They", "I"]:
        assert kinds(f"{pronoun} argued that the toll was fair.") == ["subject_pronoun=person"]
    assert kinds("It argued that the toll was fair.") == ["subject_pronoun=thing"]


@pytest.mark.parametrize(
    ("sentence", "readable"),
    [
        ("The jury acquitted the driver on Monday.", False),  # only a word of the cue model's
        ("The county might rebuild the old bridge.", False),  # only a hedge
        ("Lately, Moreau has gone after Lund as a “spoiled brat.”", True),  # a quotation cast with "as"
        ("The county rebuilt the bridge as a “landmark.”", True),
        ("Lund: the bridge will stay.", True),  # a speaker's colon
        ("The jury acquitted the driver, Lund said.", True),
    ],
)
def test_the_rules_are_spared_only_a_sentence_where_none_of_them_can_read_a_cue(
    sentence: str, readable: bool
) -> None:
    quotes = quotations(sentence, 0, len(sentence))
    tokens = tokenize(sentence, 0, len(sentence), quotes)
    assert rules_may_read(tokens) is readable
    if not readable:
        assert rule_attributions(tokens, quotes) == []


def test_a_quotation_cast_with_as_is_read_by_the_rules_without_a_trigger_word() -> None:
    sentence = "Lately, Moreau has gone after Lund as a “spoiled brat.”"
    quotes = quotations(sentence, 0, len(sentence))
    tokens = tokenize(sentence, 0, len(sentence), quotes)
    assert trigger_words().isdisjoint(token.lower for token in tokens)
    assert [cue for cue, *_ in _read(sentence)] == ["has gone after"]
