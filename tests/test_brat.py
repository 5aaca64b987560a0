"""brat standoff: export in PolNeAR's layout, import of gold files, and the round trip between them."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from provenance.api import analyze_path
from provenance.brat import BratAttribution, attributions_of, line_fragments, parse_ann, render_ann
from provenance.cli import app
from provenance.errors import InputError
from provenance.ingest import parse_article
from provenance.models import (
    AnalysisResult,
    Anonymity,
    Attribution,
    Chain,
    Claim,
    CueKind,
    SourceMention,
    SourceType,
    Span,
)

TEXT = (
    "The plan, the minister said, is dead.\n"
    "“We will not sign,” she told reporters.\n"
    "Aides said the talks\nwould resume.\n"
)


def span(text: str, needle: str, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    return Span.of(text, start, start + len(needle))


def mention(identifier: str, where: Span) -> SourceMention:
    return SourceMention(
        id=identifier,
        span=where,
        type=SourceType.NAMED_PERSON,
        name=where.text,
        anonymity=Anonymity.NAMED,
        on_record=True,
    )


def analysis(text: str = TEXT) -> AnalysisResult:
    """Build an analysis by hand: discontinuous content, a line-crossing span, a cue-less attribution."""
    article = parse_article(text)
    minister = mention("S1", span(text, "the minister"))
    she = mention("S2", span(text, "she"))
    aides = mention("S3", span(text, "Aides"))
    first = Attribution(
        id="A1",
        cue=span(text, "said"),
        cue_kind=CueKind.STATEMENT,
        source_id="S1",
        content=[span(text, "The plan"), span(text, "is dead")],
    )
    second = Attribution(
        id="A2",
        cue=span(text, "told reporters"),
        cue_kind=CueKind.STATEMENT,
        source_id="S2",
        content=[span(text, "We will not sign")],
    )
    third = Attribution(
        id="A3",
        cue=span(text, "said", 1),
        cue_kind=CueKind.STATEMENT,
        source_id="S3",
        content=[span(text, "the talks\nwould resume")],
    )
    unsourced = Attribution(id="A4", cue=None, cue_kind=CueKind.REPORT, source_id=None, content=[])
    claims = [
        Claim(
            id="C1",
            span=span(text, "The plan, the minister said, is dead."),
            text="",
            chain=Chain(hops=[]),
            attributions=[first, unsourced],
        ),
        Claim(
            id="C2",
            span=span(text, "“We will not sign,” she told reporters."),
            text="",
            chain=Chain(hops=[]),
            attributions=[second],
        ),
        Claim(
            id="C3",
            span=span(text, "Aides said the talks\nwould resume."),
            text="",
            chain=Chain(hops=[]),
            attributions=[third],
        ),
    ]
    return AnalysisResult(
        article=article, publisher_chain=Chain(hops=[]), sources=[minister, she, aides], claims=claims
    )


def offsets(spans: list[Span]) -> list[tuple[int, int]]:
    return [(piece.start, piece.end) for piece in spans]


def test_export_mirrors_polnear_lines() -> None:
    lines = render_ann(analysis()).splitlines()
    assert lines[:5] == [
        "T1\tSource 10 22\tthe minister",
        "T2\tCue 23 27\tsaid",
        "T3\tContent 0 8;29 36\tThe plan is dead",
        "T4\tAttribution 23 27\tsaid",
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
    ]
    assert all(line.count("\t") == (1 if line.startswith("E") else 2) for line in lines)
    assert sum(line.startswith("E") for line in lines) == 3, (
        "an attribution with no cue and no content is dropped"
    )


def test_export_then_import_gives_the_same_spans() -> None:
    result = analysis()
    imported = parse_ann(render_ann(result), TEXT, "roundtrip.ann")
    exported = [a for a in attributions_of(result) if a.cue or a.content]
    assert len(imported) == len(exported) == 3
    for back, sent in zip(imported[:2], exported[:2], strict=True):
        for role in ("source", "cue", "content"):
            assert offsets(getattr(back, role)) == offsets(getattr(sent, role))
    across = imported[2].content
    assert [piece.text for piece in across] == ["the talks", "would resume"], (
        "split at the line break for brat"
    )


def test_shared_source_is_one_text_bound_reused_by_each_event() -> None:
    text = "Smith said taxes rise and said rates fall."
    smith = mention("S1", span(text, "Smith"))
    attributions = [
        Attribution(
            id=f"A{n}",
            cue=span(text, "said", n),
            cue_kind=CueKind.STATEMENT,
            source_id="S1",
            content=[span(text, content)],
        )
        for n, content in enumerate(["taxes rise", "rates fall"])
    ]
    result = AnalysisResult(
        article=parse_article(text),
        publisher_chain=Chain(hops=[]),
        sources=[smith],
        claims=[
            Claim(id="C1", span=span(text, text), text=text, chain=Chain(hops=[]), attributions=attributions)
        ],
    )
    ann = render_ann(result)
    assert ann.count("\tSource ") == 1
    events = [line for line in ann.splitlines() if line.startswith("E")]
    assert [event.rsplit("Source:", 1)[1] for event in events] == ["T1", "T1"]


def test_no_source_attribution_uses_polnear_trigger_type() -> None:
    text = "The memo, it is said, was leaked."
    attribution = Attribution(
        id="A1",
        cue=span(text, "is said"),
        cue_kind=CueKind.REPORT,
        source_id=None,
        content=[span(text, "The memo"), span(text, "was leaked")],
    )
    result = AnalysisResult(
        article=parse_article(text),
        publisher_chain=Chain(hops=[]),
        claims=[
            Claim(id="C1", span=span(text, text), text=text, chain=Chain(hops=[]), attributions=[attribution])
        ],
    )
    assert render_ann(result).splitlines()[-1] == "E1\tAttribution-no-source:T3 Content:T2 Cue:T1"


GOLD = """T1\tSource 10 22\tthe minister
T2\tCue 23 27\tsaid
T3\tContent 0 8;29 36\tThe plan is dead
T4\tAttribution 23 27\tsaid
E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1
#1\tAnnotatorNotes T3\tdiscontinuous around the cue
T5\tContent 89 98\tthe talks
T6\tDiscuss 0 3\tThe
E2\tAttribution-no-source:T8 Content:T5 Cue:T7 Content2:T9
T7\tCue 84 88\tsaid
T8\tAttribution-no-source 84 88\tsaid
T9\tContent 89 111\tthe talks
would resume
"""


def test_import_reads_roles_discontinuity_continuations_and_forward_references() -> None:
    first, second = parse_ann(GOLD, TEXT, "gold.ann")
    assert [piece.text for piece in first.content] == ["The plan", "is dead"]
    assert first.source[0].text == "the minister"
    assert second.source == []
    assert second.cue[0].text == "said"
    assert [piece.text for piece in second.content] == ["the talks", "the talks\nwould resume"], (
        "Content2 joins Content; a span across a line break is read as written"
    )


@pytest.mark.parametrize(
    ("ann", "line", "problem"),
    [
        ("T1\tSource 0 3\tThe\nnonsense here\n", 1, "covers 'The'"),
        ("garbage\n", 1, "not a brat annotation line"),
        ("T1\tSource 0 3\tThe\nT2 Cue x\n", 2, "malformed brat annotation line"),
        ("T1\tSource 0 999\tThe\n", 1, "outside the text"),
        ("T1\tSource 0 3\tFoo\n", 1, "covers 'The'"),
        ("T1\tCue 23 27\tsaid\nE1\tAttribution:T1 Source:T9\n", 2, "undefined span"),
        ("T1\tCue 23 27\tsaid\nE1\tAttribution:T1 Source\n", 2, "not ROLE:ID"),
    ],
)
def test_malformed_ann_names_file_and_line(ann: str, line: int, problem: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_ann(ann, TEXT, "x.ann")
    assert caught.value.where == f"x.ann:{line}"
    assert problem in caught.value.problem


def test_cli_writes_one_ann_per_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    article = tmp_path / "story.txt"
    article.write_text(TEXT, encoding="utf-8")
    monkeypatch.setattr("provenance.cli.analyze_path", lambda path, encoding: analysis())
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["analyze", str(article), "--format", "brat", "--output-dir", str(out)])
    assert result.exit_code == 0, result.output
    written = (out / "story.ann").read_text(encoding="utf-8")
    assert written == render_ann(analysis())
    assert "Attribution Content?:Content, Cue?:Cue, Source?:Source" in (out / "annotation.conf").read_text()
    (tmp_path / "annotation.conf").write_text("[entities]\nMine\n")
    beside = CliRunner().invoke(app, ["analyze", str(article), "--format", "brat"])
    assert beside.exit_code == 0
    assert (tmp_path / "story.ann").read_text(encoding="utf-8") == written
    assert (tmp_path / "annotation.conf").read_text() == "[entities]\nMine\n", "an existing scheme is kept"


def test_cli_brat_with_the_real_pipeline_round_trips(tmp_path: Path, seed_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["analyze", str(seed_path), "--format", "brat", "--output-dir", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    ann = (tmp_path / f"{seed_path.stem}.ann").read_text(encoding="utf-8")
    analysis_result = analyze_path(seed_path)
    imported = parse_ann(ann, analysis_result.article.text, "seed.ann")
    exported = [a for a in attributions_of(analysis_result) if a.cue or a.content]
    assert imported, "the seed article's attributions are exported"
    assert len(imported) == len(exported)
    for back, sent in zip(imported, exported, strict=True):
        for role in ("source", "cue", "content"):
            assert offsets(getattr(back, role)) == offsets(line_fragments(getattr(sent, role)))


def test_cli_brat_refuses_single_output_file_and_clashing_names(tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "story.txt", tmp_path / "b" / "story.md"
    for path in (first, second):
        path.parent.mkdir()
        path.write_text("The mayor said the road is closed.\n", encoding="utf-8")
    runner = CliRunner()
    refused = runner.invoke(app, ["analyze", str(first), "--format", "brat", "-o", str(tmp_path / "x.ann")])
    assert refused.exit_code == 2
    assert "--output-dir" in refused.output
    clash = runner.invoke(
        app, ["analyze", str(first), str(second), "--format", "brat", "--output-dir", str(tmp_path)]
    )
    assert clash.exit_code == 2
    assert "story.ann" in clash.output
    assert not (tmp_path / "story.ann").exists(), "nothing is written when the run is refused"


@given(st.lists(st.tuples(st.integers(0, len(TEXT)), st.integers(0, 30)), max_size=6))
def test_any_exported_spans_import_back_as_their_non_blank_lines(cuts: list[tuple[int, int]]) -> None:
    content = [Span.of(TEXT, start, min(start + length, len(TEXT))) for start, length in cuts]
    attribution = Attribution(
        id="A1", cue=span(TEXT, "said"), cue_kind=CueKind.STATEMENT, source_id=None, content=content
    )
    result = AnalysisResult(
        article=parse_article(TEXT),
        publisher_chain=Chain(hops=[]),
        claims=[
            Claim(
                id="C1",
                span=span(TEXT, "The plan"),
                text="",
                chain=Chain(hops=[]),
                attributions=[attribution],
            )
        ],
    )
    (back,) = parse_ann(render_ann(result), TEXT, "prop.ann")
    expected = sorted(
        (piece.start + offset, piece.start + offset + len(line.strip("\r")))
        for piece in content
        for offset, line in _lines_with_offsets(piece.text)
        if line.strip("\r")
    )
    assert offsets(back.content) == expected
    assert isinstance(back, BratAttribution)


def _lines_with_offsets(text: str) -> list[tuple[int, str]]:
    found, offset = [], 0
    for line in text.split("\n"):
        found.append((offset, line))
        offset += len(line) + 1
    return found


ANN_PIECES = st.sampled_from(
    [
        "T1\t",
        "T2\t",
        "E1\t",
        "Source ",
        "Cue ",
        "Content ",
        "0 3",
        "23 27",
        "5 1",
        ";",
        "9999 10000",
        "\tThe",
        "\tsaid",
        "\n",
        " ",
        "Attribution:T1 ",
        "Source:T2 ",
        "Content:",
        "#1\tAnnotatorNotes T1\tx",
        "x",
    ]
)


@given(st.lists(ANN_PIECES, max_size=30).map("".join))
def test_no_ann_text_crashes_the_reader(ann: str) -> None:
    where = "fuzz.ann:"
    try:
        attributions = parse_ann(ann, TEXT, "fuzz.ann")
    except InputError as error:
        where = error.where
        attributions = []
    assert where.startswith("fuzz.ann:")
    assert all(isinstance(item, BratAttribution) for item in attributions)
