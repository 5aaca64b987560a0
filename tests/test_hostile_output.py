"""Article strings that try to act on the reader, shown as inert, visible text by every output.

A URL breaking out of a Markdown autolink, bidi overrides that display a name
reversed, terminal escape sequences in a title.
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from provenance import Config, analyze, parse_article, score
from provenance.cli import app
from provenance.models import ScoreReport
from provenance.render.controls import show_controls
from provenance.render.html import render_html
from provenance.render.markdown import render_markdown

BREAKOUT_URL = 'https://news.example/story"><script>alert(1)</script><img src=x onerror=alert(2)>'
RLO, PDF, RLI, PDI = "\u202e", "\u202c", "\u2067", "\u2069"
BIDI = (RLO, PDF, RLI, PDI, "\u202a", "\u202b", "\u202d", "\u2066", "\u2068")
ARTICLE = f"""---
title: "Budget \\e]0;owned\\a \\e[31mred\\e[0m {RLO}lanif si nalp{PDF}"
outlet: "{RLO}etteza{PDF} Daily"
date: 2024-05-01
url: '{BREAKOUT_URL}'
---

The port will close in May, said Anna {RLI}Kowalska{PDI}, a spokesperson for the {RLO}yrtsinim{PDF}.

Officials said the budget was cut \x1b[2J by half.
"""


@pytest.fixture(scope="module")
def report() -> ScoreReport:
    article = parse_article(ARTICLE, "hostile.md")
    return score(analyze(article), Config())


def test_the_hostile_article_carries_its_payloads(report: ScoreReport) -> None:
    article = report.analysis.article
    assert article.url == BREAKOUT_URL
    assert RLO in (article.outlet or "")
    assert "\x1b" in (article.title or "")
    assert any(RLI in claim.text for claim in report.analysis.claims)


def test_a_url_cannot_break_out_of_the_markdown_autolink(report: ScoreReport) -> None:
    markdown = render_markdown(report)
    html = MarkdownIt("commonmark").render(markdown)
    page = lxml.html.fromstring(f"<div>{html}</div>")
    assert page.xpath("//script | //img | //*[@onerror]") == []
    links = [link.get("href") for link in page.iter("a")]
    assert links == [
        "https://news.example/story%22%3E%3Cscript%3Ealert(1)%3C/script%3E%3Cimg%20src=x%20onerror=alert(2)%3E"
    ]


def test_markdown_shows_bidi_and_control_characters_escaped(report: ScoreReport) -> None:
    markdown = render_markdown(report)
    assert not any(char in markdown for char in (*BIDI, "\x1b", "\x07"))
    assert "\\u202eetteza\\u202c Daily" in markdown
    mermaid = markdown.split("```mermaid\n", 1)[1].split("```", 1)[0]
    assert "\\u202eetteza" in mermaid


def test_html_marks_bidi_controls_and_isolates_article_strings(report: ScoreReport) -> None:
    html = render_html(report)
    assert not any(char in html for char in (*BIDI, "\x1b", "\x07"))
    page = lxml.html.fromstring(html)
    isolated = "ancestor-or-self::bdi or ancestor-or-self::*[@dir='auto']"
    for needle in ("etteza", "Kowalska", "lanif si nalp", "yrtsinim", "news.example/story"):
        holders = page.xpath(f"//body//*[contains(text(), '{needle}')][not(self::style)]")
        assert holders, needle
        for holder in holders:
            svg_label = holder.tag in {"text", "title"}
            assert holder.xpath(isolated) or svg_label, (needle, lxml.html.tostring(holder))
    assert "unicode-bidi: isolate; }" in html, "SVG labels are isolated by style (no <bdi> in SVG)"


@pytest.mark.parametrize("command", [["analyze"], ["score"], ["report"], ["score", "-f", "text"]])
def test_terminal_outputs_escape_control_and_bidi_characters(tmp_path: Path, command: list[str]) -> None:
    path = tmp_path / "hostile.md"
    path.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(app, [*command, str(path)])
    assert result.exit_code == 0, result.stderr
    assert not any(char in result.stdout for char in (*BIDI, "\x1b", "\x07"))
    assert "Budget \\x1b]0;owned\\x07 \\x1b[31mred\\x1b[0m \\u202elanif si nalp\\u202c" in result.stdout


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b[31m", "\\x1b[31m"),
        ("a\rb", "a\\rb"),
        (f"{RLO}abc{PDF}", "\\u202eabc\\u202c"),
        ("\u2066x\u2069", "\\u2066x\\u2069"),
        ("tab\tand\nnewline", "tab\tand\nnewline"),
        ("עברית \u200f mark", "עברית \u200f mark"),
    ],
)
def test_show_controls(raw: str, shown: str) -> None:
    assert show_controls(raw) == shown


FORGED_NAME = "evil\nerror[PRV-E100]: forged.txt"
"""A file name holding a line feed: printed raw it would forge a second line."""


@pytest.mark.parametrize("command", ["index", "crosscheck"])
def test_a_skipped_file_whose_name_holds_a_line_feed_is_listed_on_one_line(
    command: str, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / FORGED_NAME).write_bytes(b"\x00\x01binary")
    (corpus / "ok\x1b]0;retitled\x07.txt").write_bytes(b"\x00\x01binary")
    article = tmp_path / "article.txt"
    article.write_text("The mayor said the port will close.\n", encoding="utf-8")
    args = (
        ["index", str(corpus), "-o", str(tmp_path / "i.sqlite")]
        if command == "index"
        else ["crosscheck", str(article), "--corpus", str(corpus)]
    )
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert not any(line.startswith("error[") for line in lines)
    assert (
        "skipped evil\\nerror[PRV-E100]: forged.txt: file is binary (contains NUL bytes), not an article"
        in lines
    )
    assert "\x1b" not in result.stdout
    assert "\x07" not in result.stdout


def test_github_annotations_show_escape_sequences_from_a_file_name_inert(tmp_path: Path) -> None:
    article = tmp_path / "a\x1b]0;retitled\x07.txt"
    article.write_text("A spokesman, who spoke on condition of anonymity, said the port will close.\n")
    result = CliRunner().invoke(app, ["check", str(article), "-f", "github"])
    assert "::" in result.stdout
    assert "\x1b" not in result.stdout
    assert "\x07" not in result.stdout
    assert "a\\x1b]0;retitled\\x07.txt" in result.stdout
