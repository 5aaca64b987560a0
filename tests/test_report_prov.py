"""W3C PROV export: the chains as PROV records, readable back by the prov library itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from prov.model import PROV, ProvAgent, ProvAttribution, ProvDerivation, ProvDocument, ProvEntity
from report_factory import hostile_report, seed_report

from provenance.api import load_article
from provenance.render.prov import prov_document, render_prov_json, render_prov_n

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_8dac13ad40c6afd4.txt"
HOSTILE = Path(__file__).parent / "data" / "hostile-article.md"


@pytest.fixture(scope="module")
def document() -> ProvDocument:
    return prov_document(seed_report(load_article(SEED)))


def _label(record: ProvEntity | ProvAgent) -> str:
    return str(next(iter(record.get_attribute("prov:label"))))


def _derivations(document: ProvDocument, kind: str) -> list[ProvDerivation]:
    return [
        record
        for record in document.get_records(ProvDerivation)
        if PROV[kind] in record.get_attribute("prov:type")
    ]


def test_prov_json_round_trips_through_the_prov_reader(tmp_path: Path) -> None:
    report = seed_report(load_article(SEED))
    path = tmp_path / "seed.prov.json"
    path.write_text(render_prov_json(report), encoding="utf-8")
    assert ProvDocument.deserialize(path, format="json") == prov_document(report)


def test_hostile_prov_json_round_trips() -> None:
    report = hostile_report(load_article(HOSTILE))
    read = ProvDocument.deserialize(content=render_prov_json(report), format="json")
    assert read == prov_document(report)
    labels = {_label(record) for record in read.get_records(ProvAgent)}
    assert "<script>alert('text')</script> officials" in labels


def test_one_agent_per_party(document: ProvDocument) -> None:
    agents = [_label(agent) for agent in document.get_records(ProvAgent)]
    assert sorted(agents) == sorted(
        [
            "European Pravda",
            "Reuters",
            "sources familiar with the issue",
            "five European diplomats",
            "a person involved with the conversations",
            "diplomats",
            "two diplomats",
            "a European senior official",
            "Tusk",
        ]
    )
    kinds = {_label(agent): agent.get_attribute("prov:type") for agent in document.get_records(ProvAgent)}
    assert PROV["Organization"] in kinds["Reuters"]
    assert PROV["Person"] in kinds["Tusk"]


def test_relays_are_quotations_and_sources_primary(document: ProvDocument) -> None:
    assert len(_derivations(document, "Quotation")) == 7, "seven claims are relayed through Reuters"
    assert len(_derivations(document, "PrimarySource")) == 8, "eight claims name their source"
    attributions = document.get_records(ProvAttribution)
    by_agent: dict[str, int] = {}
    agents = {agent.identifier: _label(agent) for agent in document.get_records(ProvAgent)}
    for attribution in attributions:
        name = agents[attribution.get_attribute("prov:agent").pop()]
        by_agent[name] = by_agent.get(name, 0) + 1
    assert by_agent["a European senior official"] == 2
    assert by_agent["European Pravda"] == 13, "the article and its twelve claims"


def test_prov_n_names_the_relations() -> None:
    provn = render_prov_n(seed_report(load_article(SEED)))
    assert provn.startswith("document")
    assert "wasAttributedTo(" in provn
    assert "[prov:type='prov:Quotation']" in provn
    assert "[prov:type='prov:PrimarySource']" in provn
    assert provn.rstrip().endswith("endDocument")
