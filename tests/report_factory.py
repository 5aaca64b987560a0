"""Hand-built ``ScoreReport`` objects for renderer tests.

The renderers depend only on the data contract, so their tests build reports
by hand: offsets are computed from the article text, so every span is exact.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from provenance.models import (
    AnalysisResult,
    Anonymity,
    Article,
    Attribution,
    Chain,
    ChainNode,
    Claim,
    ClaimCrossCheck,
    ClaimScore,
    CorpusMatch,
    CrossCheckResult,
    CueKind,
    Finding,
    Hop,
    HopRole,
    MatchRelation,
    ScoreReport,
    Severity,
    SourceMention,
    SourceType,
    Span,
)
from provenance.scoring import grade as grade_of


@dataclass
class SourceSpec:
    """A source mention to place in the text: ``phrase`` is searched after ``after``."""

    id: str
    phrase: str
    type: SourceType
    anonymity: Anonymity
    refers_to: str | None = None
    count: int | None = None
    after: str = ""


@dataclass
class ClaimSpec:
    """A claim: the sentence, its sources (ids), cue phrase, relays and score."""

    sentence: str
    sources: list[str] = field(default_factory=list)
    cue: str | None = None
    cue_kind: CueKind = CueKind.STATEMENT
    relays: list[tuple[str, SourceType]] = field(default_factory=list)
    score: float = 50.0
    grade: str | None = None
    findings: list[tuple[str, str, float]] = field(default_factory=list)


def _find(text: str, phrase: str, after: int = 0) -> Span:
    start = text.index(phrase, after)
    return Span.of(text, start, start + len(phrase))


def build_report(
    article: Article,
    sources: list[SourceSpec],
    claims: list[ClaimSpec],
    *,
    publisher_relays: list[tuple[str, SourceType]] | None = None,
    crosscheck: CrossCheckResult | None = None,
    article_findings: list[Finding] | None = None,
    score: float = 50.0,
    grade: str | None = None,
    skipped_rules: list[str] | None = None,
) -> ScoreReport:
    """Assemble a consistent report: spans from the text, chains from the specs."""
    text = article.text
    publisher = ChainNode(name=article.outlet or "(unknown publisher)", type=SourceType.OUTLET)
    mentions = []
    for spec in sources:
        span = _find(text, spec.phrase, text.index(spec.after) if spec.after else 0)
        mentions.append(
            SourceMention(
                id=spec.id,
                span=span,
                type=spec.type,
                name=spec.phrase,
                count=spec.count,
                anonymity=spec.anonymity,
                on_record=spec.anonymity is Anonymity.NAMED,
                refers_to=spec.refers_to,
            )
        )
    by_id = {mention.id: mention for mention in mentions}
    publisher_hops = [Hop(role=HopRole.PUBLISHER, nodes=[publisher])]
    for name, kind in publisher_relays or []:
        publisher_hops.append(Hop(role=HopRole.RELAY, nodes=[ChainNode(name=name, type=kind)]))
    publisher_chain = Chain(hops=publisher_hops)

    built: list[Claim] = []
    scores: list[ClaimScore] = []
    for number, spec in enumerate(claims, start=1):
        claim_id = f"C{number}"
        span = _find(text, spec.sentence)
        hops = [Hop(role=HopRole.PUBLISHER, nodes=[publisher])]
        hops += [Hop(role=HopRole.RELAY, nodes=[ChainNode(name=n, type=t)]) for n, t in spec.relays]
        attributions = []
        if spec.sources:
            nodes = []
            for source_id in spec.sources:
                mention = by_id[source_id]
                root = by_id[mention.refers_to] if mention.refers_to else mention
                nodes.append(ChainNode(name=root.name, type=root.type, source_id=source_id))
            hops.append(Hop(role=HopRole.SOURCE, nodes=nodes))
            cue = _find(text, spec.cue, span.start) if spec.cue else None
            attributions = [
                Attribution(
                    id=f"A{number}",
                    cue=cue,
                    cue_kind=spec.cue_kind,
                    source_id=spec.sources[0],
                    content=[span],
                )
            ]
        chain = Chain(hops=hops, inherited=not spec.sources)
        built.append(
            Claim(
                id=claim_id,
                span=span,
                text=" ".join(spec.sentence.split()),
                attributions=attributions,
                chain=chain,
            )
        )
        findings = [
            Finding(
                rule_id=rule_id,
                rule_name=rule_name,
                severity=Severity.WARNING if points < 0 else Severity.INFO,
                message=f"{rule_name.replace('-', ' ')} ({points:+g})",
                claim_id=claim_id,
                points=points,
            )
            for rule_id, rule_name, points in spec.findings
        ]
        scores.append(
            ClaimScore(
                claim_id=claim_id,
                score=spec.score,
                grade=spec.grade or grade_of(spec.score),
                findings=findings,
            )
        )
    analysis = AnalysisResult(
        article=article, publisher_chain=publisher_chain, sources=mentions, claims=built
    )
    return ScoreReport(
        analysis=analysis,
        crosscheck=crosscheck,
        claim_scores=scores,
        article_findings=article_findings or [],
        score=score,
        grade=grade or grade_of(score),
        skipped_rules=skipped_rules or [],
    )


VAGUE = ("PRV102", "vague-anonymous-source", -20.0)
SPECIFIC = ("PRV103", "specific-anonymous-source", -10.0)
UNATTRIBUTED = ("PRV101", "unattributed-claim", -30.0)
NAMED = ("PRV201", "named-on-record-source", 10.0)
RELAYED = ("PRV104", "second-hand-relay", -5.0)
HEDGED = ("PRV105", "hedged-claim", -5.0)


def seed_report(article: Article, *, with_corpus: bool = True) -> ScoreReport:
    """Build a plausible full report for the seed article, built by hand."""
    reuters = [("Reuters", SourceType.WIRE_AGENCY)]
    sources = [
        SourceSpec("S1", "Reuters", SourceType.WIRE_AGENCY, Anonymity.NAMED),
        SourceSpec("S2", "sources familiar with the issue", SourceType.ANONYMOUS_GROUP, Anonymity.VAGUE),
        SourceSpec("S3", "five European diplomats", SourceType.ANONYMOUS_GROUP, Anonymity.SPECIFIC, count=5),
        SourceSpec(
            "S4", "a person involved with the conversations", SourceType.ANONYMOUS_INDIVIDUAL, Anonymity.VAGUE
        ),
        SourceSpec(
            "S5", "diplomats", SourceType.ANONYMOUS_GROUP, Anonymity.VAGUE, after="definite preparations"
        ),
        SourceSpec("S6", "two diplomats", SourceType.ANONYMOUS_GROUP, Anonymity.SPECIFIC, count=2),
        SourceSpec("S7", "a European senior official", SourceType.ANONYMOUS_INDIVIDUAL, Anonymity.SPECIFIC),
        SourceSpec("S8", "the official", SourceType.ANONYMOUS_INDIVIDUAL, Anonymity.SPECIFIC, refers_to="S7"),
        SourceSpec("S9", "Tusk", SourceType.NAMED_PERSON, Anonymity.NAMED),
    ]
    claims = [
        ClaimSpec(
            "Europe is divided on deploying troops to Ukraine to secure a prospective peace deal with "
            "Russia, but it is considering building a coalition of 5-8 governments for this purpose.",
            sources=["S2"],
            relays=reuters,
            score=38,
            findings=[VAGUE, RELAYED, HEDGED],
        ),
        ClaimSpec(
            "One of the topics on the agenda for French President Emmanuel Macron's meeting with Polish "
            "officials on Thursday is the idea of sending European troops to Ukraine in exchange for a "
            "ceasefire and a peace treaty between Ukraine and Russia.",
            score=30,
            findings=[UNATTRIBUTED],
        ),
        ClaimSpec(
            "According to five European diplomats, France and the United Kingdom considered the prospect of "
            "sending European troops into Ukraine last month, as did Ukraine, the Baltic nations, and "
            "Scandinavia.",
            sources=["S3"],
            cue="According to",
            cue_kind=CueKind.ACCORDING_TO,
            relays=reuters,
            score=55,
            findings=[SPECIFIC, RELAYED],
        ),
        ClaimSpec(
            "There is no consensus among European countries, so the plan is to form a coalition of 5-8 "
            "European countries who are not dependent on NATO but rely on a bilateral agreement with Ukraine "
            "and are determined to act, according to a person involved with the conversations.",
            sources=["S4"],
            cue="according to",
            cue_kind=CueKind.ACCORDING_TO,
            relays=reuters,
            score=45,
            findings=[VAGUE, RELAYED],
        ),
        ClaimSpec(
            "There are currently no definite preparations, and diplomats believe Poland is not among nations "
            "willing to send troops.",
            sources=["S5"],
            cue="believe",
            cue_kind=CueKind.BELIEF,
            relays=reuters,
            score=40,
            findings=[VAGUE, RELAYED],
        ),
        ClaimSpec(
            "Macron proposed the idea in February, but Germany rejected it.",
            score=30,
            findings=[UNATTRIBUTED],
        ),
        ClaimSpec(
            "Then, preparations were made to send non-combat soldiers to conduct training, mine clearance "
            "operations, and even border control, but they were never implemented.",
            score=30,
            findings=[UNATTRIBUTED],
        ),
        ClaimSpec(
            "According to two diplomats, one short-term option is to reconsider the proposal.",
            sources=["S6"],
            cue="According to",
            cue_kind=CueKind.ACCORDING_TO,
            relays=reuters,
            score=60,
            findings=[SPECIFIC, RELAYED],
        ),
        ClaimSpec(
            "Regarding the possibility of sending troops, a European senior official stated that there is no "
            "plausible scenario in which Europe does not actively participate in the implementation of "
            "security guarantees and the securitisation of Europe as a whole.",
            sources=["S7"],
            cue="stated",
            relays=reuters,
            score=65,
            findings=[SPECIFIC, RELAYED],
        ),
        ClaimSpec(
            "After the war, Europe will still face a threat from Russia, so they will have to bear some of "
            "the military weight to ensure Ukraine's security, the official stated.",
            sources=["S8"],
            cue="stated",
            relays=reuters,
            score=65,
            findings=[SPECIFIC, RELAYED],
        ),
        ClaimSpec(
            "The finance and foreign ministers of France, Germany, and Poland will also meet on Thursday in "
            "Warsaw and Berlin, just a few weeks before Poland takes up the EU chair from Hungary.",
            score=30,
            findings=[UNATTRIBUTED],
        ),
        ClaimSpec(
            "Following negotiations with Macron, Tusk stated that Poland is not currently intending to "
            "deploy its military forces in Ukraine.",
            sources=["S9"],
            cue="stated",
            score=85,
            findings=[NAMED],
        ),
    ]
    crosscheck = None
    skipped = ["PRV301"]
    if with_corpus:
        skipped = []
        match = CorpusMatch(
            article_id="kyiv-independent-2024-12-12",
            article_title="Europe weighs peacekeeping coalition",
            outlet="Kyiv Independent",
            sentence="France and Britain discussed sending troops to Ukraine, five diplomats said.",
            similarity=81.5,
            relation=MatchRelation.CORROBORATES,
            chain="Kyiv Independent → Reuters → five diplomats",
            upstream="Reuters",
        )
        independent = match.model_copy(
            update={
                "article_id": "notes-from-poland-2024-12-12",
                "outlet": "Notes from Poland",
                "sentence": "Tusk said Poland does not plan to send troops to Ukraine.",
                "chain": "Notes from Poland → Donald Tusk",
                "upstream": None,
                "similarity": 77.0,
            }
        )
        contradiction = match.model_copy(
            update={
                "article_id": "example-2024-12-13",
                "outlet": "Example Daily",
                "sentence": "European countries have agreed on a plan to deploy troops.",
                "relation": MatchRelation.CONTRADICTS,
                "chain": "Example Daily",
                "upstream": None,
                "similarity": 70.0,
                "reason": "'no consensus' against 'have agreed'",
            }
        )
        crosscheck = CrossCheckResult(
            corpus="corpus/",
            claims=[
                ClaimCrossCheck(claim_id="C3", dependent=[match]),
                ClaimCrossCheck(claim_id="C4", contradictions=[contradiction]),
                ClaimCrossCheck(claim_id="C12", independent=[independent]),
            ],
        )
    return build_report(
        article,
        sources,
        claims,
        publisher_relays=[("Reuters", SourceType.WIRE_AGENCY)],
        crosscheck=crosscheck,
        article_findings=[
            Finding(
                rule_id="PRV110",
                rule_name="single-upstream-agency",
                severity=Severity.WARNING,
                message="7 of 12 claims rest on one upstream agency (Reuters)",
                points=-8.0,
            )
        ],
        score=47.5,
        skipped_rules=skipped,
    )


def hostile_report(article: Article) -> ScoreReport:
    """Build a report on ``hostile-article.md`` whose claims and sources carry the payloads."""
    sources = [
        SourceSpec(
            "S1",
            "<script>alert('text')</script> officials",
            SourceType.ANONYMOUS_GROUP,
            Anonymity.VAGUE,
        ),
        SourceSpec("S2", "Anna Kowalska", SourceType.NAMED_PERSON, Anonymity.NAMED),
        SourceSpec("S3", "An aide", SourceType.ANONYMOUS_INDIVIDUAL, Anonymity.VAGUE),
    ]
    claims = [
        ClaimSpec(
            "The minister resigned on Monday, according to <script>alert('text')</script> officials.",
            sources=["S1"],
            cue="according to",
            cue_kind=CueKind.ACCORDING_TO,
            score=40,
            grade="<b>D</b>",
            findings=[VAGUE],
        ),
        ClaimSpec(
            '"The <b onmouseover=alert(1)>budget</b> is gone," said Anna Kowalska',
            sources=["S2"],
            cue="said",
            score=80,
            findings=[NAMED],
        ),
        ClaimSpec(
            "An aide said the decision was final; see [details](javascript:alert('link')) and "
            '<a href="javascript:alert(2)">this</a>.',
            sources=["S3"],
            cue="said",
            relays=[('"]; click A callback --> B', SourceType.WIRE_AGENCY)],
            score=35,
            findings=[VAGUE],
        ),
        ClaimSpec(
            "<svg onload=alert('svg')></svg><iframe src=\"https://example.com/frame\"></iframe> "
            "The budget rose by 5% | 10% in #2024.",
            score=30,
            findings=[UNATTRIBUTED],
        ),
    ]
    return build_report(article, sources, claims, score=45)
