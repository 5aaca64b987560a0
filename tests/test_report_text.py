"""The terminal report: the at-a-glance view a reader gets from ``provenance report``."""

from __future__ import annotations

from pathlib import Path

from report_factory import seed_report

from provenance.api import load_article
from provenance.render.text_report import WIDTH, render_text_report

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_8dac13ad40c6afd4.txt"


def test_header_score_and_top_rules_come_first() -> None:
    lines = render_text_report(seed_report(load_article(SEED))).splitlines()
    assert lines[0].startswith("Europe is divided on deploying troops")
    assert "European Pravda · 2024-12-12" in lines
    score = next(index for index, line in enumerate(lines) if line.startswith("Score "))
    assert lines[score] == "Score 47.5/100   grade C   (weakly sourced: proceed with caution)"
    assert lines[score + 1] == "12 claims (4 strong, 3 weak, 5 poor); 4 name no source"
    assert lines[score + 2] == "Rules that moved it most (points of the article score):"
    assert lines[score + 3].split()[:2] == ["-10.0", "PRV101"]
    assert "7 of 12 claims rest on one upstream agency (Reuters)" in "\n".join(lines[score:])


def test_each_claim_shows_score_source_chain_and_corroboration() -> None:
    text = render_text_report(seed_report(load_article(SEED)))
    blocks = text.split("\n\n")
    claim3 = next(block for block in blocks if block.startswith("C3 "))
    assert claim3.splitlines()[0].split()[:4] == ["C3", "55", "C", "weak"]
    assert "five European diplomats (anonymous group, specific)" in claim3
    assert "chain: European Pravda → Reuters → five European diplomats" in claim3
    assert "corpus: 1 dependent (Kyiv Independent)" in claim3
    claim2 = next(block for block in blocks if block.startswith("C2 "))
    assert claim2.splitlines()[0].endswith("no source named (the publisher's own voice)")
    assert "[inherited from the article's sourcing]" in claim2
    order = [block.split()[0] for block in blocks if block[:1] == "C" and block.split()[0][1:].isdigit()]
    assert order == [f"C{n}" for n in range(1, 13)]


def test_lines_fit_a_terminal() -> None:
    text = render_text_report(seed_report(load_article(SEED)))
    assert max(len(line) for line in text.splitlines()) <= WIDTH


def test_without_corpus_says_what_was_skipped() -> None:
    text = render_text_report(seed_report(load_article(SEED), with_corpus=False))
    assert "skipped (input missing): PRV301" in text
    assert "corpus:" not in text


def test_terminal_control_sequences_from_the_article_are_escaped() -> None:
    article = load_article(SEED)
    hostile = article.model_copy(update={"title": "Title \x1b]0;owned\x07 \x1b[31mred\x1b[0m"})
    text = render_text_report(seed_report(hostile))
    assert "\x1b" not in text
    assert "\x07" not in text
    assert text.splitlines()[0] == "Title \\x1b]0;owned\\x07 \\x1b[31mred\\x1b[0m"
