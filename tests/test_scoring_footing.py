"""What a claim stands on: each source's footing under the newsroom rule, and corroboration in the article."""

from __future__ import annotations

import pytest

from provenance.extract import analyze
from provenance.ingest import parse_article
from provenance.scoring.facts import gather_facts
from provenance.scoring.footing import Footing


def footings(text: str) -> list[frozenset[Footing]]:
    return [facts.footings for facts in gather_facts(analyze(parse_article(text))).claims]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A senior official said the talks failed.", Footing.LONE_ANONYMOUS),
        ("One aide said the talks failed.", Footing.LONE_ANONYMOUS),
        ("The talks failed, according to a person familiar with the talks.", Footing.LONE_ANONYMOUS),
        ("Sources said the talks failed.", Footing.VAGUE_ANONYMOUS),
        ("Officials said the talks failed.", Footing.VAGUE_ANONYMOUS),
        ("People close to the campaign said the talks failed.", Footing.VAGUE_ANONYMOUS),
        ("The envoy is said to be furious about the leak.", Footing.AGENTLESS),
        ("Three Pentagon officials said the talks failed.", Footing.SPECIFIC_ANONYMOUS),
        ("F.B.I. officials said the talks failed.", Footing.SPECIFIC_ANONYMOUS),
        ("Republican strategists said the talks failed.", Footing.SPECIFIC_ANONYMOUS),
        ("Foreign Minister Anna Lindqvist said the talks failed.", Footing.NAMED),
        ("A lawyer for the family, Jonas Brandt, said the talks failed.", Footing.NAMED),
        ("The talks failed, according to the ministry's annual report.", Footing.DOCUMENT),
        ("The talks failed, Reuters reported.", Footing.OUTLET),
    ],
)
def test_each_source_is_read_as_the_policy_reads_it(sentence: str, expected: Footing) -> None:
    assert footings(sentence) == [frozenset({expected})]


def test_a_back_reference_to_an_anonymous_source_stays_anonymous() -> None:
    found = footings(
        "A senior official said the port will close. The ferries will stop too, the official said."
    )
    assert found == [frozenset({Footing.LONE_ANONYMOUS})] * 2


def test_the_reporters_narration_stands_on_nothing() -> None:
    assert footings("The port closed on Monday after a week of storms.") == [frozenset()]


def test_a_number_of_experts_is_a_group_not_one_person() -> None:
    assert footings("A number of tax experts said the plan would cost more.") != [
        frozenset({Footing.LONE_ANONYMOUS})
    ]


def corroborations(text: str) -> list[int]:
    return [facts.corroborations for facts in gather_facts(analyze(parse_article(text))).claims]


def test_a_second_independent_source_stating_the_claim_corroborates_it_both_ways() -> None:
    text = (
        "The terminal will open on April 1, its director Jon Vik said.\n\n"
        "Transport Minister Eva Lind confirmed the date.\n"
    )
    assert corroborations(text) == [1, 1]


def test_the_same_source_twice_or_a_different_figure_is_no_corroboration() -> None:
    same = (
        "The bridge will reopen on 4 May, Mayor Clara Voss said.\n\n"
        "The bridge will reopen on 4 May, Voss said.\n"
    )
    other = (
        "The bridge will reopen to traffic on 4 May, a city engineer said.\n\n"
        "Mayor Clara Voss said the bridge will reopen to traffic on 9 May.\n"
    )
    assert corroborations(same) == [0, 0]
    assert corroborations(other) == [0, 0]


def test_claims_about_the_same_people_are_not_the_same_claim() -> None:
    text = (
        "Mayor Clara Voss said Jonas Brandt and the Harbour Board wasted the dredging budget.\n\n"
        "Jonas Brandt of the Harbour Board said Clara Voss had never read the dredging budget.\n"
    )
    assert corroborations(text) == [0, 0]
