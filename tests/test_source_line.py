"""The ``Source:`` line is metadata only where the seed format puts it; it can hide no text from analysis."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from provenance.cli import app
from provenance.ingest import parse_article
from provenance.models import Article

FAILING_CLAIM = "The mayor will resign next week, according to one official."


def _source_blocks(article: Article) -> list[str]:
    return [section.span.text for section in article.sections if section.name == "source"]


def _analysed(article: Article) -> str:
    return "\n".join(span.text for span in article.paragraphs)


def test_a_source_paragraph_in_the_middle_of_plain_text_is_text() -> None:
    text = f"The port will close, the mayor said.\n\nSource: our own reporting\n\n{FAILING_CLAIM}\n"
    article = parse_article(text)
    assert _source_blocks(article) == []
    assert FAILING_CLAIM in _analysed(article)
    assert "Source: our own reporting" in _analysed(article)


def test_the_source_line_after_a_headline_is_metadata_and_covers_its_own_line_only() -> None:
    text = (
        f"Harbour to close\n\nSource: Daily Planet, citing Reuters\n\n{FAILING_CLAIM}\n\nMore text follows.\n"
    )
    article = parse_article(text)
    assert _source_blocks(article) == ["Daily Planet, citing Reuters"]
    assert article.outlet == "Daily Planet"
    assert FAILING_CLAIM in _analysed(article)
    assert "More text follows." in _analysed(article)


def test_markdown_source_line_after_the_heading_is_metadata_later_ones_are_text() -> None:
    text = (
        "---\ntitle: Harbour\n---\n# Harbour to close\n\nSource: Daily Planet\n\n"
        f"The port will close, the mayor said.\n\nSource: hidden?\n\n{FAILING_CLAIM}\n"
    )
    article = parse_article(text)
    assert _source_blocks(article) == ["Daily Planet"]
    assert FAILING_CLAIM in _analysed(article)
    assert "Source: hidden?" in _analysed(article)


def test_the_seed_source_line_is_still_metadata() -> None:
    seed = Path(__file__).resolve().parent.parent / "seeds" / "000_8dac13ad40c6afd4.txt"
    article = parse_article(seed.read_text(encoding="utf-8"))
    assert _source_blocks(article) == ["European Pravda, citing Reuters and sources familiar with the issue"]
    assert article.outlet == "European Pravda"


def test_a_source_line_cannot_turn_a_failing_draft_into_a_passing_one(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(
        f"Harbour news\n\nThe port is open.\n\nSource: staff\n\n{FAILING_CLAIM}\n", encoding="utf-8"
    )
    plain = tmp_path / "plain.txt"
    plain.write_text(f"Harbour news\n\nThe port is open.\n\n{FAILING_CLAIM}\n", encoding="utf-8")
    runner = CliRunner()
    with_line = runner.invoke(app, ["check", str(draft), "--fail-on", "PRV003"])
    without = runner.invoke(app, ["check", str(plain), "--fail-on", "PRV003"])
    assert without.exit_code == 1, without.stdout
    assert with_line.exit_code == 1, with_line.stdout
    assert "one official" in with_line.stdout


BLOCKS = st.lists(
    st.sampled_from(
        [
            "Harbour to close",
            "Source: Daily Planet",
            "Details: The port will close, the mayor said.",
            "Background: It opened in 1901.",
            FAILING_CLAIM,
            "The budget was cut, an aide said.",
            "Source: staff\nThe port will reopen, she said.",
        ]
    ),
    min_size=1,
    max_size=8,
)


@settings(max_examples=200, deadline=None)
@given(BLOCKS, st.sampled_from(["", "date 2024-05-01 Harbour to close\n\n", "# Harbour to close\n\n"]))
def test_at_most_one_source_block_is_left_out_and_only_at_the_top(blocks: list[str], opening: str) -> None:
    article = parse_article(opening + "\n\n".join(blocks) + "\n")
    left_out = _source_blocks(article)
    assert len(left_out) <= 1
    if left_out:
        top = [block for block in blocks if not block.startswith("Harbour")][:1]
        assert top, blocks
        assert top[0].startswith("Source: "), blocks
    analysed = _analysed(article) + "\n" + (article.title or "")
    for block in blocks:
        body = block.split(": ", 1)[1] if block.startswith(("Details: ", "Background: ")) else block
        assert body in analysed or block == f"Source: {left_out[0] if left_out else ''}", (block, blocks)


def test_a_long_markdown_heading_is_a_headline_before_the_source_line() -> None:
    heading = "Europe is divided on deploying troops, but it is considering a coalition of governments. " * 2
    article = parse_article(
        f"# {heading.strip()}\n\nSource: Daily Planet, citing Reuters\n\n{FAILING_CLAIM}\n"
    )
    assert _source_blocks(article) == ["Daily Planet, citing Reuters"]
