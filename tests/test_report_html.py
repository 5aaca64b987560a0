"""The HTML report: parsed back, its claim table, SVG graph and escaping are what a reader sees."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
from report_factory import hostile_report, seed_report

from provenance.api import load_article
from provenance.render.graph import NodeKind
from provenance.render.html import render_html
from provenance.render.view import build_view

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = Path(__file__).parent / "data" / "hostile-article.md"


@pytest.fixture(scope="module")
def seed_html(seed_path_module: Path) -> lxml.html.HtmlElement:
    report = seed_report(load_article(seed_path_module))
    return lxml.html.document_fromstring(render_html(report))


@pytest.fixture(scope="module")
def seed_path_module() -> Path:
    return Path(__file__).resolve().parent.parent / "seeds" / "000_8dac13ad40c6afd4.txt"


@pytest.fixture(scope="module")
def hostile_html() -> str:
    return render_html(hostile_report(load_article(HOSTILE)))


def _text(element: lxml.html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def test_claim_table_lists_claims_in_article_order_with_every_column(
    seed_html: lxml.html.HtmlElement,
) -> None:
    headers = [_text(th) for th in seed_html.cssselect("table.claims thead th")]
    assert headers == [
        "#",
        "claim",
        "ultimate source",
        "type",
        "chain",
        "score",
        "findings",
        "corroboration",
    ]
    rows = seed_html.cssselect("table.claims tbody tr")
    assert [_text(row[0]) for row in rows] == [f"C{n}" for n in range(1, 13)]
    third = [_text(cell) for cell in rows[2]]
    assert third[1].startswith("According to five European diplomats")
    assert third[2] == "five European diplomats (specific)"
    assert third[3] == "anonymous group"
    assert third[4] == "European Pravda → Reuters → five European diplomats"
    assert third[5] == "55 C"
    assert "specific anonymous source" in third[6]
    summary = rows[2].cssselect("details.matches summary")[0]
    assert _text(summary) == "1 dependent (Kyiv Independent)"
    match = _text(rows[2].cssselect("details.matches li")[0])
    assert match.startswith("corroborates (same upstream: Reuters) · Kyiv Independent · 82%")
    assert "France and Britain discussed sending troops to Ukraine" in match
    assert _text(rows[3].cssselect("details.matches li.contradicts")[0]).startswith(
        "contradicts · Example Daily"
    )
    assert _text(rows[1][7]) == "no match"
    assert rows[1].get("class") == "poor"
    assert rows[11].get("class") == "strong"


def test_header_and_score(seed_html: lxml.html.HtmlElement) -> None:
    assert _text(seed_html.cssselect("h1")[0]).startswith("Europe is divided on deploying troops")
    facts = _text(seed_html.cssselect("dl.facts")[0])
    assert "European Pravda" in facts
    assert "2024-12-12" in facts
    assert _text(seed_html.cssselect(".score .value")[0]) == "47.5"
    rules = [_text(row[0]) for row in seed_html.cssselect("table.rules tbody tr")]
    assert rules[0] == "PRV101"


def test_svg_graph_draws_every_node_and_edge(seed_path_module: Path) -> None:
    report = seed_report(load_article(seed_path_module))
    graph = build_view(report).graph
    document = lxml.html.document_fromstring(render_html(report))
    svg = document.cssselect("#graph svg")[0]
    nodes = {group.get("id"): group for group in svg.iter() if group.get("class", "").startswith("node ")}
    assert set(nodes) == {f"node-{node.id}" for node in graph.nodes}
    labels = {_text(group.find("text")) for group in nodes.values()}
    assert {"European Pravda", "Reuters", "five European diplomats", "Tusk"} <= labels
    kinds = [group.get("data-kind") for group in nodes.values()]
    assert kinds.count(NodeKind.CLAIM) == 12
    assert kinds.count(NodeKind.PUBLISHER) == 1
    assert kinds.count(NodeKind.RELAY) == 1
    edges = {
        (path.get("data-source"), path.get("data-target"))
        for path in svg.iter("path")
        if path.get("data-source")
    }
    ids = {node.full_label: node.id for node in graph.nodes}
    assert (ids["European Pravda"], ids["Reuters"]) in edges
    assert (ids["Reuters"], ids["five European diplomats"]) in edges
    assert (ids["European Pravda"], ids["Tusk"]) in edges
    coreferent = [target for source, target in edges if source == ids["a European senior official"]]
    assert len(coreferent) == 2, "'the official' is the same source as 'a European senior official'"
    assert len(edges) == len(graph.edges)


def test_svg_edges_start_and_end_on_their_nodes(seed_path_module: Path) -> None:
    graph = build_view(seed_report(load_article(seed_path_module))).graph
    for edge in graph.edges:
        source, target = graph.node(edge.source), graph.node(edge.target)
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", edge.path)]
        assert numbers[:2] == pytest.approx([source.x + source.width, source.centre_y], abs=0.1)
        assert numbers[-2:] == pytest.approx([target.x, target.centre_y], abs=0.1)
        assert target.x > source.x


def test_graph_nodes_never_overlap(seed_path_module: Path) -> None:
    graph = build_view(seed_report(load_article(seed_path_module))).graph
    for first in graph.nodes:
        for second in graph.nodes:
            if first is second:
                continue
            apart = (
                first.x + first.width <= second.x
                or second.x + second.width <= first.x
                or first.y + first.height <= second.y
                or second.y + second.height <= first.y
            )
            assert apart, (first.label, second.label)
        assert first.x >= 0
        assert first.y >= 0
        assert first.x + first.width <= graph.width
        assert first.y + first.height <= graph.height


def test_sources_table_merges_coreferent_mentions(seed_html: lxml.html.HtmlElement) -> None:
    rows = {
        _text(row[0]): [_text(cell) for cell in row] for row in seed_html.cssselect("table.sources tbody tr")
    }
    assert "the official" not in rows
    assert rows["a European senior official"][1:5] == ["anonymous individual", "specific", "no", "2"]
    assert rows["a European senior official"][5] == "2 (C9, C10)"
    assert rows["Reuters"][5].startswith("7 ")


def test_article_text_highlights_claims_and_cues(seed_html: lxml.html.HtmlElement) -> None:
    marks = seed_html.cssselect("#text mark.claim")
    anchors = [mark.get("id") for mark in marks if mark.get("id")]
    assert anchors == [f"claim-C{n}" for n in range(1, 13)]
    strengths = {mark.get("id"): mark.get("class").split()[1] for mark in marks if mark.get("id")}
    assert strengths["claim-C12"] == "strong"
    assert strengths["claim-C2"] == "poor"
    cues = [_text(cue) for cue in seed_html.cssselect("#text mark.claim .cue")]
    assert cues == ["According to", "according to", "believe", "According to", "stated", "stated", "stated"]
    links = [a.get("href") for a in seed_html.cssselect("table.claims a")]
    assert links[0] == "#claim-C1"


def test_page_is_self_contained_and_script_free(seed_html: lxml.html.HtmlElement) -> None:
    assert not seed_html.cssselect("script")
    assert not seed_html.cssselect("link")
    for element in seed_html.iter():
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on")
            if name in {"src", "href"}:
                assert value.startswith("#"), value
    policy = seed_html.cssselect('meta[http-equiv="Content-Security-Policy"]')[0].get("content")
    assert "default-src 'none'" in policy
    assert "@media print" in seed_html.cssselect("style")[0].text


def test_hostile_article_payloads_are_inert(hostile_html: str) -> None:
    document = lxml.html.document_fromstring(hostile_html)
    assert not document.cssselect("script, iframe, img, b, a[href^='javascript'], body svg svg")
    for element in document.iter():
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (element.tag, name)
            assert "javascript:" not in value.lower() or name == "title", (element.tag, name, value)
    assert document.get("lang") == 'en" onload="alert(1)'
    page = _text(document)
    assert "<script>alert('title')</script>" in page, "the payload shows as text"
    assert "<img src=x onerror=alert('outlet')> Daily | Gazette" in page
    assert "javascript:alert(document.cookie)" in page, "a javascript: URL is shown, never linked"
    assert "<b onmouseover=alert(1)>budget</b>" in page
    assert "<script" not in hostile_html.replace("&lt;script", "")
    assert "onerror=alert" not in re.sub(r"&lt;img src=x onerror=alert", "", hostile_html)


def test_only_http_urls_become_links(seed_path_module: Path) -> None:
    article = load_article(seed_path_module).model_copy(update={"url": "https://example.org/a?b=1&c=2"})
    document = lxml.html.document_fromstring(render_html(seed_report(article)))
    assert [a.get("href") for a in document.cssselect("dl.facts a")] == ["https://example.org/a?b=1&c=2"]
