"""The Markdown report: tables, a Mermaid graph, highlighted text, and untrusted text kept literal."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from report_factory import hostile_report, seed_report

from provenance.api import load_article
from provenance.render.markdown import escape, render_markdown

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_8dac13ad40c6afd4.txt"
HOSTILE = Path(__file__).parent / "data" / "hostile-article.md"


@pytest.fixture(scope="module")
def seed_markdown() -> str:
    return render_markdown(seed_report(load_article(SEED)))


def _section(markdown: str, heading: str) -> str:
    return markdown.split(f"## {heading}", 1)[1].split("\n## ", 1)[0]


def _table_rows(section: str) -> list[list[str]]:
    rows = [line for line in section.splitlines() if line.startswith("| ")]
    return [[cell.strip() for cell in re.split(r"(?<!\\)\|", row)[1:-1]] for row in rows[1:]]


def test_claims_table_in_article_order(seed_markdown: str) -> None:
    rows = _table_rows(_section(seed_markdown, "Claims"))
    assert [row[0] for row in rows] == [f"C{n}" for n in range(1, 13)]
    assert rows[2][2:5] == [
        "five European diplomats",
        "anonymous group",
        "European Pravda → Reuters → five European diplomats",
    ]
    assert rows[2][5] == "🟡 55 C"
    assert rows[11][7] == "1 independent (Notes from Poland)"
    assert all(len(row) == 8 for row in rows)


def test_score_and_rules_that_moved_it(seed_markdown: str) -> None:
    assert "## Score: 47.5/100 — grade C 🟡\n\n_weakly sourced: proceed with caution_" in seed_markdown
    rules = _table_rows(_section(seed_markdown, "Score"))
    assert [row[0] for row in rules][:3] == ["`PRV101`", "`PRV110`", "`PRV102`"]
    assert [row[2] for row in rules][:3] == ["-10.0", "-8.0", "-5.0"], "claim points count 1/12 each"


def test_mermaid_graph_has_the_chain(seed_markdown: str) -> None:
    block = seed_markdown.split("```mermaid\n", 1)[1].split("```", 1)[0]
    assert block.startswith("flowchart LR\n")
    ids = dict(re.findall(r'^  (\w+)\W+"([^"]*)"', block, flags=re.MULTILINE))
    by_label = {label: node for node, label in ids.items()}
    assert f"{by_label['European Pravda']} -->|relays| {by_label['Reuters']}" in block
    assert f"{by_label['Reuters']} -->|cites| {by_label['two diplomats']}" in block
    assert f"{by_label['Tusk']} -.-> c12" in block


def test_sources_table_counts_claims(seed_markdown: str) -> None:
    rows = {row[0]: row for row in _table_rows(_section(seed_markdown, "Sources"))}
    assert rows["a European senior official"][4:] == ["2", "C9, C10"]
    assert "the official" not in rows


def test_article_text_marks_claims_and_cues(seed_markdown: str) -> None:
    text = _section(seed_markdown, "Article text")
    assert "🟡<sup>C3</sup>**_According to_ five European diplomats," in text
    assert "🟢<sup>C12</sup>**Following negotiations with Macron, Tusk _stated_ that" in text
    assert text.count("<sup>") == 12


def test_hostile_text_stays_literal() -> None:
    markdown = render_markdown(hostile_report(load_article(HOSTILE)))
    assert "<script" not in markdown
    assert "<img" not in markdown
    assert "<b " not in markdown
    assert not re.search(r"(?<!\\)\]\(javascript", markdown), "no Markdown link to a javascript: URL"
    assert "<javascript:" not in markdown, "a javascript: URL is never an autolink"
    block = markdown.split("```mermaid\n", 1)[1].split("```", 1)[0]
    assert all(line.count('"') in {0, 2} for line in block.splitlines()), "labels cannot close their quotes"
    assert "```" not in block
    for row in _table_rows(_section(markdown, "Claims")):
        assert len(row) == 8, row


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("<script>", "&lt;script&gt;"),
        ("a | b", "a \\| b"),
        ("[x](javascript:y)", "\\[x\\](javascript:y)"),
        ("*bold* _it_ `code`", "\\*bold\\* \\_it\\_ \\`code\\`"),
        ("line\nbreak", "line break"),
    ],
)
def test_escape(raw: str, expected: str) -> None:
    assert escape(raw) == expected
