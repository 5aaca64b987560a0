"""The shared report content: text marking, rule impacts, link safety."""

from __future__ import annotations

import pytest
from report_factory import ClaimSpec, SourceSpec, build_report

from provenance.models import Anonymity, Article, Finding, Severity, SourceType
from provenance.render.view import Strength, build_view, paragraphs, rule_impacts, safe_link


def test_text_marking_covers_the_text_once_with_the_first_claim_winning_overlaps() -> None:
    text = "Intro. Rates rise, the bank said. Tail."
    report = build_report(
        Article(text=text, outlet="Daily"),
        [SourceSpec("S1", "the bank", SourceType.NAMED_ORGANISATION, Anonymity.NAMED)],
        [
            ClaimSpec("Rates rise, the bank said.", sources=["S1"], cue="said", score=80),
            ClaimSpec("Rates rise", score=20),
        ],
    )
    segments = build_view(report).segments
    assert "".join(segment.text for segment in segments) == text
    assert [(s.text, s.claim_id, s.cue) for s in segments] == [
        ("Intro. ", None, False),
        ("Rates rise, the bank ", "C1", False),
        ("said", "C1", True),
        (".", "C1", False),
        (" Tail.", None, False),
    ]
    assert segments[1].strength is Strength.STRONG


def test_paragraphs_split_at_blank_lines_inside_a_claim() -> None:
    text = "First part\n\nsecond part."
    report = build_report(Article(text=text, outlet="Daily"), [], [ClaimSpec(text, score=50)])
    split = paragraphs(build_view(report).segments)
    assert [[(s.text, s.claim_id) for s in paragraph] for paragraph in split] == [
        [("First part", "C1")],
        [("second part.", "C1")],
    ]


def test_rule_impacts_share_claim_points_across_claims() -> None:
    text = "One. Two."
    report = build_report(
        Article(text=text, outlet="Daily"),
        [],
        [
            ClaimSpec("One.", findings=[("PRV1", "a", -20.0)]),
            ClaimSpec("Two.", findings=[("PRV2", "b", -4.0)]),
        ],
        article_findings=[
            Finding(rule_id="PRV3", rule_name="c", severity=Severity.WARNING, message="m", points=-5)
        ],
    )
    assert [(rule.rule_id, rule.points, rule.findings) for rule in rule_impacts(report)] == [
        ("PRV1", -10.0, 1),
        ("PRV3", -5.0, 1),
        ("PRV2", -2.0, 1),
    ]


@pytest.mark.parametrize(
    ("url", "link"),
    [
        ("https://example.org/a", "https://example.org/a"),
        (" http://example.org ", "http://example.org"),
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        ("data:text/html,<script>", None),
        ("//example.org/x", None),
        ("http://[::1", None),
        ("", None),
        (None, None),
    ],
)
def test_only_http_urls_are_links(url: str | None, link: str | None) -> None:
    assert safe_link(url) == link
