"""The seed article's full analysis, row by row as the issue's golden table states it, and as a golden file.

Regenerate the golden file with ``PROVENANCE_UPDATE_GOLDEN=1 pytest tests/test_seed_golden.py``
and review the diff before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from provenance import analyze, read_article
from provenance.models import AnalysisResult, Anonymity, Claim, HopRole, SourceType

GOLDEN = Path(__file__).parent / "golden" / "seed_analysis.json"
SEED = Path(__file__).parent.parent / "seeds" / "000_8dac13ad40c6afd4.txt"


@pytest.fixture(scope="module")
def result() -> AnalysisResult:
    return analyze(read_article(SEED))


def _claim(result: AnalysisResult, begins: str) -> Claim:
    matches = [claim for claim in result.claims if claim.text.startswith(begins)]
    assert len(matches) == 1, f"{begins!r}: {[claim.text[:40] for claim in result.claims]}"
    return matches[0]


def test_metadata(result: AnalysisResult) -> None:
    assert result.article.outlet == "European Pravda"
    assert str(result.article.date) == "2024-12-12"
    assert result.article.title is not None
    assert result.article.title.startswith("Europe is divided")
    assert result.publisher_chain.render() == "European Pravda → Reuters / sources familiar with the issue"
    reuters = next(mention for mention in result.sources if mention.name == "Reuters")
    assert reuters.type is SourceType.WIRE_AGENCY


@pytest.mark.parametrize(
    ("begins", "chain"),
    [
        ("One of the topics on the agenda", "European Pravda → Reuters / sources familiar with the issue"),
        (
            "Macron proposed the idea in February",
            "European Pravda → Reuters / sources familiar with the issue",
        ),
        (
            "There are currently no definite preparations",
            "European Pravda → Reuters / sources familiar with the issue",
        ),
    ],
)
def test_unattributed_claims_inherit_the_outlet_chain(
    result: AnalysisResult, begins: str, chain: str
) -> None:
    claim = _claim(result, begins)
    assert claim.chain.inherited
    assert claim.attributions == []
    assert claim.chain.render() == chain


@pytest.mark.parametrize(
    ("begins", "source", "kind", "count", "anonymity", "cue"),
    [
        ("According to five European diplomats", "five European diplomats", SourceType.ANONYMOUS_GROUP, 5,
         Anonymity.SPECIFIC, "According to"),
        ("There is no consensus", "a person involved with the conversations",
         SourceType.ANONYMOUS_INDIVIDUAL, 1, Anonymity.VAGUE, "according to"),
        ("diplomats believe Poland", "diplomats", SourceType.ANONYMOUS_GROUP, None, Anonymity.SPECIFIC,
         "believe"),
        ("According to two diplomats", "two diplomats", SourceType.ANONYMOUS_GROUP, 2, Anonymity.SPECIFIC,
         "According to"),
        ("Regarding the possibility", "a European senior official", SourceType.ANONYMOUS_INDIVIDUAL, 1,
         Anonymity.SPECIFIC, "stated"),
        ("Following negotiations with Macron", "Tusk", SourceType.NAMED_PERSON, 1, Anonymity.NAMED, "stated"),
    ],
)  # fmt: skip
def test_attributed_claims(
    result: AnalysisResult,
    begins: str,
    source: str,
    kind: SourceType,
    count: int | None,
    anonymity: Anonymity,
    cue: str,
) -> None:
    claim = _claim(result, begins)
    assert not claim.chain.inherited
    (attribution,) = claim.attributions
    assert attribution.cue is not None
    assert attribution.cue.text == cue
    assert attribution.source_id is not None
    mention = result.source(attribution.source_id)
    assert (mention.span.text, mention.type, mention.count, mention.anonymity) == (
        source,
        kind,
        count,
        anonymity,
    )
    assert mention.on_record is (kind is SourceType.NAMED_PERSON)
    assert claim.chain.hops[-1].role is HopRole.SOURCE
    assert claim.chain.hops[-1].nodes[0].name == source


def test_chains_through_the_relay(result: AnalysisResult) -> None:
    assert (
        _claim(result, "According to five").chain.render()
        == "European Pravda → Reuters → five European diplomats"
    )
    assert _claim(result, "diplomats believe").chain.render() == "European Pravda → Reuters → diplomats"
    assert _claim(result, "Following negotiations").chain.render() == "European Pravda → Tusk"


def test_the_official_corefers_with_the_senior_official(result: AnalysisResult) -> None:
    claim = _claim(result, "After the war")
    (attribution,) = claim.attributions
    assert attribution.source_id is not None
    mention = result.source(attribution.source_id)
    assert mention.span.text == "the official"
    antecedent = result.resolve(mention.id)
    assert antecedent.span.text == "a European senior official"
    assert mention.refers_to == antecedent.id
    assert mention.type is SourceType.ANONYMOUS_INDIVIDUAL
    assert mention.count == 1
    assert claim.chain.render() == "European Pravda → Reuters → a European senior official"
    assert [part.text for part in attribution.content] == [
        "After the war, Europe will still face a threat from Russia, so they will have to bear some of the "
        "military weight to ensure Ukraine's security"
    ]


def test_split_clause_and_content(result: AnalysisResult) -> None:
    first = _claim(result, "There are currently no definite preparations")
    assert first.text == "There are currently no definite preparations"
    assert [hedge.span.text for hedge in first.hedges] == ["no definite"]
    second = _claim(result, "diplomats believe")
    assert [part.text for part in second.attributions[0].content] == [
        "Poland is not among nations willing to send troops"
    ]


def test_mentioned_entities_are_not_sources(result: AnalysisResult) -> None:
    names = {mention.span.text for mention in result.sources}
    assert not names & {"Macron", "Germany", "Poland", "Emmanuel Macron", "France"}


def test_golden_file(result: AnalysisResult) -> None:
    produced = json.loads(result.model_dump_json())
    produced["article"]["path"] = None
    if os.environ.get("PROVENANCE_UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(json.dumps(produced, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert produced == expected
    assert AnalysisResult.model_validate(expected).model_dump(mode="json")["claims"] == produced["claims"]
