"""The batch index: weakest first, failures last, and links that can only point at the reports."""

from __future__ import annotations

import json

import lxml.html

from provenance.render.index import IndexEntry, index_name, ranked, render_index
from provenance.render.report import ReportFormat

ENTRIES = [
    IndexEntry(article="b.txt", report="b.html", title="Bee", score=70.0, grade="B", claims=3),
    IndexEntry(article="broken.txt", error="error[PRV-E100]: broken.txt: file is empty"),
    IndexEntry(
        article="javascript:alert(1).txt",
        report="javascript:alert(1).html",
        title="<script>alert(1)</script>",
        outlet="<img src=x onerror=alert(2)>",
        score=20.0,
        grade="D",
        claims=4,
        poor_claims=4,
    ),
    IndexEntry(article="a.txt", report="a.html", title="Ay", score=45.5, grade="C", claims=2),
]


def test_ranked_weakest_first_and_failures_last() -> None:
    assert [entry.article for entry in ranked(ENTRIES)] == [
        "javascript:alert(1).txt",
        "a.txt",
        "b.txt",
        "broken.txt",
    ]


def test_html_index_links_are_relative_and_escaped() -> None:
    document = lxml.html.document_fromstring(render_index(ENTRIES, ReportFormat.HTML))
    links = [a.get("href") for a in document.cssselect("a")]
    assert links == ["./javascript%3Aalert%281%29.html", "./a.html", "./b.html"]
    assert not document.cssselect("script, img")
    assert "<script>alert(1)</script>" in document.text_content()
    assert "could not be read: error[PRV-E100]" in document.cssselect("tr.failed")[0].text_content()


def test_markdown_index_table() -> None:
    markdown = render_index(ENTRIES, ReportFormat.MD)
    rows = [line for line in markdown.splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert rows[0].startswith(
        "| 20.0 | D | [&lt;script&gt;alert(1)&lt;/script&gt;](<./javascript%3Aalert%281%29.html>)"
    )
    assert rows[-1].startswith("| — | — | broken.txt | could not be read")


def test_json_and_text_indexes() -> None:
    entries = json.loads(render_index(ENTRIES, ReportFormat.PROV_JSON))
    assert entries[0]["article"] == "javascript:alert(1).txt"
    text = render_index(ENTRIES, ReportFormat.TEXT).splitlines()
    assert text[1].split()[:4] == ["20.0", "D", "4", "4"]
    assert text[-1].endswith("broken.txt: error[PRV-E100]: broken.txt: file is empty")


def test_index_names_follow_the_format() -> None:
    assert [index_name(report_format) for report_format in ReportFormat] == [
        "index.txt",
        "index.md",
        "index.html",
        "index.json",
        "index.json",
        "index.md",
    ]
