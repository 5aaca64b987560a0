"""Fictional test articles (tests/articles/): every source span, type, coreference, chain and attribution.

Each article is written for this suite (its front matter or header says so) and
exercises one way news attributes claims: quotations with the speaker before,
after and inside the quote, "told reporters that", nested citation, multi-sentence
quotations, titles, organisations, documents, and reporting words that are not
attributions at all.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from provenance import analyze, read_article
from provenance.models import AnalysisResult, SourceType

ARTICLES = Path(__file__).parent / "articles"

# (span text, type, span text of the antecedent or None)
Mention = tuple[str, SourceType, str | None]
# (cue text or None, cue kind, source span text, content texts)
Expected = tuple[str | None, str, str, list[str]]
# (claim text begins, rendered chain, inherited, attributions)
ClaimRow = tuple[str, str, bool, list[Expected]]

P, ORG, W, D = (
    SourceType.NAMED_PERSON,
    SourceType.NAMED_ORGANISATION,
    SourceType.WIRE_AGENCY,
    SourceType.DOCUMENT,
)
AI, AG = SourceType.ANONYMOUS_INDIVIDUAL, SourceType.ANONYMOUS_GROUP

CASES: dict[str, tuple[list[Mention], list[ClaimRow]]] = {
    "01_quotes.md": (
        [
            ("Mayor Ilse Varga", P, None),
            ("Councillor Tomas Reed", P, None),
            ("Reed", P, "Councillor Tomas Reed"),
        ],
        [
            (
                "“We have waited",
                "The Harbour Gazette → Ilse Varga",
                False,
                [("said", "statement", "Mayor Ilse Varga", ["“We have waited ten years for this,”"])],
            ),
            (
                "Councillor Tomas Reed said:",
                "The Harbour Gazette → Tomas Reed",
                False,
                [
                    (
                        "said",
                        "statement",
                        "Councillor Tomas Reed",
                        ["“The ferry will pay for itself within five years.”"],
                    )
                ],
            ),
            (
                "“The timetable,”",
                "The Harbour Gazette → Tomas Reed",
                False,
                [("said", "statement", "Reed", ["“The timetable,”", "“is not final yet.”"])],
            ),
            ("Dock workers unloaded", "The Harbour Gazette", True, []),
        ],
    ),
    "02_told.md": (
        [("Finance Minister Hanna Lindqvist", P, None), ("The opposition leader, Piet Moller", P, None)],
        [
            (
                "Finance Minister",
                "Valley Ledger → Hanna Lindqvist",
                False,
                [
                    (
                        "told",
                        "statement",
                        "Finance Minister Hanna Lindqvist",
                        ["that the budget would be delayed"],
                    )
                ],
            ),
            (
                "The opposition leader",
                "Valley Ledger → Piet Moller",
                False,
                [
                    (
                        "said",
                        "statement",
                        "The opposition leader, Piet Moller",
                        ["that his party would vote against it"],
                    )
                ],
            ),
            ("The session ended early.", "Valley Ledger", True, []),
        ],
    ),
    "03_nested.md": (
        [("Reuters", W, None), ("a senior official", AI, None)],
        [
            (
                "Reuters reported",
                "The Northern Courier → Reuters → a senior official",
                False,
                [
                    ("reported", "report", "Reuters", ["that the corridor would reopen next week"]),
                    ("citing", "citing", "a senior official", ["that the corridor would reopen next week"]),
                ],
            ),
            ("Shipping insurers", "The Northern Courier", True, []),
        ],
    ),
    "04_multi_quote.md": (
        [("coach Marta Silva", P, None), ("She", P, "coach Marta Silva")],
        [
            ("“We lost, but we learned a lot.", "Riverside Sports Weekly → Marta Silva", False, []),
            (
                "The young players",
                "Riverside Sports Weekly → Marta Silva",
                False,
                [
                    (
                        "said",
                        "statement",
                        "coach Marta Silva",
                        ["“We lost, but we learned a lot. The young players will be better for it,”"],
                    )
                ],
            ),
            (
                "She added",
                "Riverside Sports Weekly → Marta Silva",
                False,
                [("added", "statement", "She", ["that two players were injured"])],
            ),
        ],
    ),
    "05_titles.md": (
        [
            ("Veridian Chancellor Olaf Brenner", P, None),
            ("The chancellor", P, "Veridian Chancellor Olaf Brenner"),
        ],
        [
            (
                "Veridian Chancellor",
                "Continental Post → Olaf Brenner",
                False,
                [
                    (
                        "said",
                        "statement",
                        "Veridian Chancellor Olaf Brenner",
                        ["the rail link would be finished by 2030"],
                    )
                ],
            ),
            (
                "The chancellor said",
                "Continental Post → Olaf Brenner",
                False,
                [("said", "statement", "The chancellor", ["the cost had risen"])],
            ),
        ],
    ),
    "06_organisations.md": (
        [("The Kremlin", ORG, None), ("The ministry", ORG, None), ("Residents", AG, None)],
        [
            (
                "The Kremlin said",
                "Eastern Wire Review → Kremlin",
                False,
                [("said", "statement", "The Kremlin", ["the drills were routine"])],
            ),
            (
                "The ministry said",
                "Eastern Wire Review → ministry",
                False,
                [
                    (
                        "said in a statement",
                        "statement",
                        "The ministry",
                        ["that no drones had crossed the border"],
                    )
                ],
            ),
            (
                "Residents reported",
                "Eastern Wire Review → Residents",
                False,
                [("reported", "report", "Residents", ["loud explosions overnight"])],
            ),
        ],
    ),
    "07_documents.md": (
        [
            ("a draft seen by Metro Daily", D, None),
            ("Transport officials who spoke on condition of anonymity", AG, None),
        ],
        [
            (
                "According to a draft",
                "Metro Daily → a draft seen by Metro Daily",
                False,
                [
                    (
                        "According to",
                        "according_to",
                        "a draft seen by Metro Daily",
                        ["the city will close four bus routes in the autumn"],
                    )
                ],
            ),
            (
                "Transport officials",
                "Metro Daily → Transport officials who spoke on condition of anonymity",
                False,
                [
                    (
                        "said",
                        "statement",
                        "Transport officials who spoke on condition of anonymity",
                        ["the plan could still change"],
                    )
                ],
            ),
        ],
    ),
    "08_negatives.md": (
        [],
        [
            ("The report card", "The Hillside Bulletin", True, []),
            ("The said shipment", "The Hillside Bulletin", True, []),
            ("Teachers may return", "The Hillside Bulletin", True, []),
        ],
    ),
    "09_seed_format.txt": (
        [
            ("unions", AG, None),
            ("Reuters", W, None),
            ("people familiar with the talks", AG, None),
            ("three union officials", AG, None),
            ("negotiators", AG, None),
            ("The port authority", ORG, None),
        ],
        [
            (
                "Port strike may spread",
                "Harbour Gazette → Reuters → unions",
                False,
                [("warn", "statement", "unions", ["Port strike may spread to rail depots"])],
            ),
            (
                "Union leaders are considering",
                "Harbour Gazette → Reuters / people familiar with the talks",
                True,
                [],
            ),
            (
                "According to three union officials",
                "Harbour Gazette → Reuters → three union officials",
                False,
                [
                    (
                        "According to",
                        "according_to",
                        "three union officials",
                        ["the rail depots could join on Monday"],
                    )
                ],
            ),
            (
                "The talks resumed on Friday",
                "Harbour Gazette → Reuters / people familiar with the talks",
                True,
                [],
            ),
            (
                "negotiators believe",
                "Harbour Gazette → Reuters → negotiators",
                False,
                [("believe", "belief", "negotiators", ["a deal is possible"])],
            ),
            (
                "The port authority said",
                "Harbour Gazette → port authority",
                False,
                [("said", "statement", "The port authority", ["that wages would rise"])],
            ),
            ("This article is fictional", "Harbour Gazette", True, []),
        ],
    ),
}


@pytest.fixture(scope="module", params=sorted(CASES))
def case(request: pytest.FixtureRequest) -> tuple[str, AnalysisResult]:
    name: str = request.param
    return name, analyze(read_article(ARTICLES / name))


def test_every_article_is_marked_fictional() -> None:
    names = sorted(path.name for path in ARTICLES.iterdir())
    assert names == sorted(CASES)
    for path in ARTICLES.iterdir():
        assert "fictional" in path.read_text(encoding="utf-8").lower()


def test_source_mentions(case: tuple[str, AnalysisResult]) -> None:
    name, result = case
    expected, _ = CASES[name]
    found = []
    for mention in result.sources:
        antecedent = result.source(mention.refers_to).span.text if mention.refers_to else None
        found.append((mention.span.text, mention.type, antecedent))
    assert found == expected


def test_claims_chains_and_attributions(case: tuple[str, AnalysisResult]) -> None:
    name, result = case
    _, rows = CASES[name]
    assert len(result.claims) == len(rows)
    for claim, (begins, chain, inherited, attributions) in zip(result.claims, rows, strict=True):
        assert claim.span.text.startswith(begins)
        assert claim.chain.render() == chain
        assert claim.chain.inherited is inherited
        found = [
            (
                attribution.cue.text if attribution.cue else None,
                attribution.cue_kind.value,
                result.source(attribution.source_id).span.text if attribution.source_id else None,
                [part.text for part in attribution.content],
            )
            for attribution in claim.attributions
        ]
        assert found == attributions


def test_spans_match_the_text(case: tuple[str, AnalysisResult]) -> None:
    _, result = case
    text = result.article.text
    for mention in result.sources:
        assert text[mention.span.start : mention.span.end] == mention.span.text
    for claim in result.claims:
        for attribution in claim.attributions:
            for part in attribution.content:
                assert text[part.start : part.end] == part.text
