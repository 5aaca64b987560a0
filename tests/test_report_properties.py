"""No article crashes a renderer, and no article text becomes markup: property tests over random reports."""

from __future__ import annotations

import lxml.html
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from prov.model import ProvDocument

from provenance.models import (
    AnalysisResult,
    Anonymity,
    Article,
    Attribution,
    Chain,
    ChainNode,
    Claim,
    ClaimScore,
    CueKind,
    Hop,
    HopRole,
    ScoreReport,
    SourceMention,
    SourceType,
    Span,
)
from provenance.render.controls import show_controls
from provenance.render.markdown import render_markdown
from provenance.render.prov import render_prov_json
from provenance.render.report import ReportFormat, render_report

HOSTILE_BITS = st.sampled_from(
    ["<script>", "</p>", '"', "'", "&amp;", "|", "\n\n", "`", "*", "_", "[x](javascript:y)", "-->", "#", " "]
)
PRINTABLE = st.text(st.characters(blacklist_categories=["Cc", "Cs", "Co", "Cn"]), max_size=12)
TEXT = st.lists(st.one_of(HOSTILE_BITS, PRINTABLE), min_size=1, max_size=40).map("".join)


@st.composite
def reports(draw: st.DrawFn) -> ScoreReport:
    text = draw(TEXT)
    outlet = draw(st.one_of(st.none(), TEXT))
    publisher = Hop(role=HopRole.PUBLISHER, nodes=[ChainNode(name=outlet or "?", type=SourceType.OUTLET)])
    bounds = sorted(draw(st.lists(st.integers(0, len(text)), min_size=0, max_size=8)))
    sources = [
        SourceMention(
            id=f"S{n}",
            span=Span.of(text, 0, 0),
            type=draw(st.sampled_from(SourceType)),
            name=draw(TEXT),
            anonymity=draw(st.sampled_from(Anonymity)),
            on_record=draw(st.booleans()),
            refers_to=f"S{n - 1}" if n > 1 and draw(st.booleans()) else None,
        )
        for n in range(1, draw(st.integers(0, 3)) + 1)
    ]
    claims, scores = [], []
    for number, (start, end) in enumerate(zip(bounds[::2], bounds[1::2], strict=False), start=1):
        hops = [publisher]
        attributions = []
        if sources and draw(st.booleans()):
            mention = draw(st.sampled_from(sources))
            if draw(st.booleans()):
                hops.append(
                    Hop(role=HopRole.RELAY, nodes=[ChainNode(name=draw(TEXT), type=SourceType.OUTLET)])
                )
            hops.append(
                Hop(
                    role=HopRole.SOURCE,
                    nodes=[ChainNode(name=mention.name, type=mention.type, source_id=mention.id)],
                )
            )
            cue_start = draw(st.integers(start, end))
            attributions.append(
                Attribution(
                    id=f"A{number}",
                    cue=Span.of(text, cue_start, draw(st.integers(cue_start, end))),
                    cue_kind=CueKind.STATEMENT,
                    source_id=mention.id,
                )
            )
        claims.append(
            Claim(
                id=f"C{number}",
                span=Span.of(text, start, end),
                text=text[start:end],
                attributions=attributions,
                chain=Chain(hops=hops, inherited=len(hops) == 1),
            )
        )
        if draw(st.booleans()):
            scores.append(ClaimScore(claim_id=f"C{number}", score=draw(st.floats(0, 100)), grade=draw(TEXT)))
    article = Article(
        text=text, title=draw(st.one_of(st.none(), TEXT)), outlet=outlet, url=draw(st.one_of(st.none(), TEXT))
    )
    analysis = AnalysisResult(
        article=article, publisher_chain=Chain(hops=[publisher]), sources=sources, claims=claims
    )
    return ScoreReport(
        analysis=analysis, claim_scores=scores, score=draw(st.floats(0, 100)), grade=draw(TEXT)
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_every_format_renders_any_report(report: ScoreReport) -> None:
    for report_format in ReportFormat:
        assert render_report(report, report_format).endswith("\n")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_html_never_contains_markup_from_the_article(report: ScoreReport) -> None:
    html = render_report(report, ReportFormat.HTML)
    document = lxml.html.document_fromstring(html)
    assert not document.cssselect("script")
    for element in document.iter():
        assert not any(name.lower().startswith("on") for name in element.attrib)
    for label in document.cssselect("#text .body sup"):
        label.drop_tree()
    shown = "".join(paragraph.text_content() for paragraph in document.cssselect("#text .body p"))
    expected = show_controls(report.analysis.article.text)
    assert "".join(shown.split()) == "".join(expected.split()), "the text shows verbatim, controls escaped"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_markdown_keeps_tables_whole_and_prov_round_trips(report: ScoreReport) -> None:
    markdown = render_markdown(report)
    claims = markdown.split("## Claims", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in claims.splitlines() if line.startswith("| ")]
    for row in rows:
        assert len(row.replace("\\|", "").split("|")) == 10, row
    document = render_prov_json(report)
    assert ProvDocument.deserialize(content=document, format="json").records
