"""Arbitrary text and byte soup through decode, parse and analyze: no crash, spans valid, output stable."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from provenance import analyze, parse_article
from provenance.errors import InputError
from provenance.ingest import decode
from provenance.models import AnalysisResult, Span

WORDS = st.sampled_from(
    ["said", "told", "according", "to", "the", "official", "Mr.", "U.S.", "“", "”", '"', ",", ".", "he",
     "they", "citing", "Reuters", "believe", "that", "Source:", "\n\n", "—", "Jan.", "3.5",
     "who", "of", "secretary", "States", "-"]
)  # fmt: skip
NEWSY = st.lists(st.one_of(WORDS, st.text(max_size=8)), max_size=60).map(" ".join)


def _spans(result: AnalysisResult) -> list[Span]:
    spans = [mention.span for mention in result.sources]
    for claim in result.claims:
        spans.append(claim.span)
        spans.extend(hedge.span for hedge in claim.hedges)
        for attribution in claim.attributions:
            spans.extend(attribution.content)
            if attribution.cue is not None:
                spans.append(attribution.cue)
    return spans


def _check(data: bytes) -> None:
    try:
        article = parse_article(decode(data, "<soup>"), "<soup>")
    except InputError:
        return
    result = analyze(article)
    text = article.text
    for span in _spans(result):
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start : span.end] == span.text
    ids = {mention.id for mention in result.sources}
    for claim in result.claims:
        for attribution in claim.attributions:
            assert attribution.source_id is None or attribution.source_id in ids
    assert analyze(article) == result


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_byte_soup(data: bytes) -> None:
    _check(data)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(NEWSY)
def test_newsy_text(text: str) -> None:
    _check(text.encode("utf-8", "surrogatepass"))


@settings(max_examples=60, deadline=None)
@given(NEWSY)
def test_seed_format_text(body: str) -> None:
    _check(
        f"date 2024-01-02 Headline\n\nSource: Daily Wire, citing Reuters\n\nDetails: {body}\n".encode(
            "utf-8", "surrogatepass"
        )
    )
