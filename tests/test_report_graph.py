"""The attribution graph model: parties merged, chains linked, claims attached."""

from __future__ import annotations

import re
from pathlib import Path

from report_factory import ClaimSpec, SourceSpec, build_report, seed_report

from provenance.api import load_article
from provenance.models import Anonymity, Article, SourceType
from provenance.render.graph import EdgeKind, NodeKind, build_graph


def _article(text: str) -> Article:
    return Article(text=text, title="t", outlet="Daily Planet")


def test_side_by_side_sources_and_two_relays(tmp_path: Path) -> None:
    text = "Rates will rise, AFP said, citing Reuters, the bank and a trader."
    report = build_report(
        _article(text),
        [
            SourceSpec("S1", "the bank", SourceType.NAMED_ORGANISATION, Anonymity.NAMED),
            SourceSpec("S2", "a trader", SourceType.ANONYMOUS_INDIVIDUAL, Anonymity.VAGUE),
        ],
        [
            ClaimSpec(
                text,
                sources=["S1", "S2"],
                relays=[("AFP", SourceType.WIRE_AGENCY), ("Reuters", SourceType.WIRE_AGENCY)],
            )
        ],
    )
    graph = build_graph(report.analysis)
    names = {node.full_label: node for node in graph.nodes}
    edges = {(graph.node(e.source).full_label, graph.node(e.target).full_label, e.kind) for e in graph.edges}
    claim = next(node.full_label for node in graph.nodes if node.kind is NodeKind.CLAIM)
    assert edges == {
        ("Daily Planet", "AFP", EdgeKind.RELAYS),
        ("AFP", "Reuters", EdgeKind.RELAYS),
        ("Reuters", "the bank", EdgeKind.CITES),
        ("Reuters", "a trader", EdgeKind.CITES),
        ("the bank", claim, EdgeKind.SUPPORTS),
        ("a trader", claim, EdgeKind.SUPPORTS),
    }
    columns = [names[name].column for name in ("Daily Planet", "AFP", "Reuters", "the bank")]
    assert columns == [0, 1, 2, 3]
    assert names["a trader"].column == 3
    assert [column.title for column in graph.columns] == [
        "Publisher",
        "Relayed outlets",
        "Relayed outlets",
        "Sources",
        "Claims",
    ]


def test_unattributed_claims_hang_from_the_publishers_own_voice_even_under_a_relay() -> None:
    text = "Prices rose. Wages fell."
    report = build_report(
        _article(text),
        [],
        [ClaimSpec("Prices rose."), ClaimSpec("Wages fell.")],
        publisher_relays=[("Reuters", SourceType.WIRE_AGENCY)],
    )
    inherited = report.analysis.claims[0].chain.model_copy(
        update={"hops": report.analysis.publisher_chain.hops, "inherited": True}
    )
    claims_with_relay = [report.analysis.claims[0].model_copy(update={"chain": inherited})]
    analysis = report.analysis.model_copy(update={"claims": claims_with_relay + report.analysis.claims[1:]})
    graph = build_graph(analysis, {"C1": "poor"})
    publisher = next(node for node in graph.nodes if node.kind is NodeKind.PUBLISHER)
    relay = next(node for node in graph.nodes if node.kind is NodeKind.RELAY)
    voice = next(node for node in graph.nodes if node.kind is NodeKind.VOICE)
    claims = [node for node in graph.nodes if node.kind is NodeKind.CLAIM]
    assert [(edge.source, edge.target, edge.kind) for edge in graph.edges] == [
        (publisher.id, relay.id, EdgeKind.RELAYS),
        (publisher.id, voice.id, EdgeKind.ASSERTS),
        (voice.id, claims[0].id, EdgeKind.SUPPORTS),
        (voice.id, claims[1].id, EdgeKind.SUPPORTS),
    ]
    assert [publisher.column, relay.column, voice.column, claims[0].column] == [0, 1, 2, 3]
    assert [claim.strength for claim in claims] == ["poor", None]
    assert [claim.detail for claim in claims] == ["unattributed", "unattributed"]


def test_long_labels_are_shortened_but_kept_whole_for_tooltips() -> None:
    name = "a senior official with knowledge of the deliberations who asked not to be named"
    text = f"Talks stalled, said {name}."
    report = build_report(
        _article(text),
        [SourceSpec("S1", name, SourceType.ANONYMOUS_INDIVIDUAL, Anonymity.VAGUE)],
        [ClaimSpec(text, sources=["S1"])],
    )
    source = next(node for node in build_graph(report.analysis).nodes if node.kind is NodeKind.SOURCE)
    assert source.label.endswith("…")
    assert len(source.label) <= 30
    assert source.full_label == name


def test_an_edge_that_skips_a_column_crosses_it_between_boxes() -> None:
    seed = Path(__file__).resolve().parent.parent / "seeds" / "000_8dac13ad40c6afd4.txt"
    graph = build_graph(seed_report(load_article(seed)).analysis)
    skipping = [e for e in graph.edges if graph.node(e.target).column - graph.node(e.source).column > 1]
    assert skipping, "the publisher cites Tusk directly, past the relay column"
    for edge in skipping:
        source = graph.node(edge.source)
        crossed = [node for node in graph.nodes if node.column == source.column + 1]
        lanes = [float(y) for y in re.findall(r" L[\d.]+,([\d.]+)", edge.path)]
        assert lanes, edge.path
        for lane in lanes:
            assert all(not node.y <= lane <= node.y + node.height for node in crossed), (edge, lane)
