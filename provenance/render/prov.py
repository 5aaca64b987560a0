"""W3C PROV export: the article's chains of attribution as a PROV document (PROV-JSON, PROV-N).

The mapping: the article and each claim are entities; the publisher, relayed
outlets and sources are agents. The claim is derived from the article and
attributed to the publisher. Each relay adds the claim *as that outlet reported
it*, attributed to the outlet, and the publisher's version ``wasQuotedFrom`` it;
the original statement is attributed to the ultimate source(s) and is the
``hadPrimarySource`` of the last relay's version. A claim in the publisher's
own voice has no further provenance and says so (``provenance:unattributed``).
"""

from __future__ import annotations

import hashlib
import re

from prov.constants import PROV_TYPE
from prov.identifier import QualifiedName
from prov.model import PROV, ProvAgent, ProvDocument, ProvEntity

from provenance.models import AnalysisResult, ChainNode, Claim, HopRole, ScoreReport, SourceType
from provenance.render.graph import party_key

VOCABULARY = "urn:provenance:vocabulary#"
Attributes = dict[QualifiedName | str, QualifiedName | str | float | int | bool]
_ORGANISATIONS = {SourceType.OUTLET, SourceType.WIRE_AGENCY, SourceType.NAMED_ORGANISATION}
_PERSONS = {SourceType.NAMED_PERSON, SourceType.ANONYMOUS_INDIVIDUAL}


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()[:48] or "party"


class _Exporter:
    """Builds one document; agents are created once per party and reused across claims."""

    def __init__(self, report: ScoreReport) -> None:
        self.report = report
        self.analysis: AnalysisResult = report.analysis
        self.document = ProvDocument()
        self.vocabulary = self.document.add_namespace("provenance", VOCABULARY)
        digest = hashlib.sha256(self.analysis.article.text.encode("utf-8")).hexdigest()[:16]
        self.document.add_namespace("article", f"urn:provenance:article:{digest}#")
        self.agents: dict[str, ProvAgent] = {}
        self.used_names: set[str] = set()

    def _identifier(self, base: str) -> str:
        candidate, counter = base, 1
        while candidate in self.used_names:
            counter += 1
            candidate = f"{base}-{counter}"
        self.used_names.add(candidate)
        return f"article:{candidate}"

    def agent(self, node: ChainNode) -> ProvAgent:
        key, name, source_type = party_key(self.analysis, node)
        if key in self.agents:
            return self.agents[key]
        if source_type in _ORGANISATIONS:
            kind = PROV["Organization"]
        elif source_type in _PERSONS:
            kind = PROV["Person"]
        else:
            kind = PROV["Agent"]
        attributes: Attributes = {
            PROV_TYPE: kind,
            "prov:label": name,
            "provenance:sourceType": source_type.value,
        }
        if node.source_id is not None and key.startswith("mention:"):
            mention = self.analysis.resolve(node.source_id)
            attributes["provenance:anonymity"] = mention.anonymity.value
            attributes["provenance:onRecord"] = mention.on_record
        agent = self.document.agent(self._identifier(f"agent-{_slug(name)}"), attributes)
        self.agents[key] = agent
        return agent

    def article(self) -> tuple[ProvEntity, list[ProvAgent]]:
        article = self.analysis.article
        attributes: Attributes = {
            PROV_TYPE: self.vocabulary["NewsArticle"],
            "provenance:score": self.report.score,
            "provenance:grade": self.report.grade,
        }
        optional = {
            "prov:label": article.title,
            "provenance:outlet": article.outlet,
            "provenance:date": article.date.isoformat() if article.date else None,
            "provenance:url": article.url,
            "provenance:path": article.path,
        }
        attributes.update({name: value for name, value in optional.items() if value is not None})
        entity = self.document.entity(self._identifier("article"), attributes)
        publisher_hop = self.analysis.publisher_chain.hops[:1]
        publishers = [self.agent(node) for hop in publisher_hop for node in hop.nodes]
        for publisher in publishers:
            self.document.wasAttributedTo(entity, publisher)
        return entity, publishers

    def claim(self, claim: Claim, article: ProvEntity, publishers: list[ProvAgent]) -> None:
        scores = {score.claim_id: score for score in self.report.claim_scores}
        attributes: Attributes = {
            PROV_TYPE: self.vocabulary["Claim"],
            "prov:label": claim.text,
            "provenance:start": claim.span.start,
            "provenance:end": claim.span.end,
            "provenance:chain": claim.chain.render(),
            "provenance:unattributed": claim.chain.inherited,
        }
        if claim.id in scores:
            attributes["provenance:score"] = scores[claim.id].score
            attributes["provenance:grade"] = scores[claim.id].grade
        base = f"claim-{_slug(claim.id)}"
        published = self.document.entity(self._identifier(base), attributes)
        self.document.wasDerivedFrom(published, article)
        hops = claim.chain.hops
        owners = [self.agent(node) for node in hops[0].nodes] if hops else publishers
        for owner in owners:
            self.document.wasAttributedTo(published, owner)
        if claim.chain.inherited:
            return
        current = published
        for depth, hop in enumerate(hops[1:], start=1):
            if hop.role is HopRole.RELAY:
                relayed = self.document.entity(
                    self._identifier(f"{base}-relay-{depth}"),
                    {PROV_TYPE: self.vocabulary["RelayedClaim"], "prov:label": claim.text},
                )
                for node in hop.nodes:
                    self.document.wasAttributedTo(relayed, self.agent(node))
                self.document.wasQuotedFrom(current, relayed)
                current = relayed
            elif hop.role is HopRole.SOURCE:
                statement = self.document.entity(
                    self._identifier(f"{base}-statement"),
                    {PROV_TYPE: self.vocabulary["SourceStatement"], "prov:label": claim.text},
                )
                for node in hop.nodes:
                    self.document.wasAttributedTo(statement, self.agent(node))
                self.document.hadPrimarySource(current, statement)
                current = statement


def prov_document(report: ScoreReport) -> ProvDocument:
    """Build the W3C PROV document of a scored article's chains of attribution."""
    exporter = _Exporter(report)
    article, publishers = exporter.article()
    for claim in sorted(report.analysis.claims, key=lambda claim: claim.span.start):
        exporter.claim(claim, article, publishers)
    return exporter.document


def render_prov_json(report: ScoreReport) -> str:
    """Serialise the PROV document as PROV-JSON."""
    serialised = prov_document(report).serialize(format="json", indent=2)
    return str(serialised)


def render_prov_n(report: ScoreReport) -> str:
    """Serialise the PROV document as PROV-N, the human-readable notation."""
    return str(prov_document(report).get_provn())
