"""The attribution graph of an article: who relayed whom, and which claims rest on which source.

Nodes are the publisher, the outlets and agencies it relays, the ultimate
sources and the claims; edges run publisher → relay → source → claim. The
layout (columns by depth, rows by article order, then centred on the claims
each node leads to) is computed here once and drawn by both the Mermaid
(Markdown) and the inline-SVG (HTML) renderers.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from enum import StrEnum

from provenance.models import AnalysisResult, Chain, ChainNode, HopRole, SourceType

NODE_WIDTH = 200.0
CLAIM_WIDTH = 320.0
NODE_HEIGHT = 30.0
ROW_GAP = 10.0
COLUMN_GAP = 70.0
OWN_VOICE = "own voice: no source named"
MARGIN = 12.0
LANE_MARGIN = 6.0
HEADER = 22.0
LABEL_CHARS = 30
CLAIM_LABEL_CHARS = 46


class NodeKind(StrEnum):
    """The part a node plays in the graph."""

    PUBLISHER = "publisher"
    RELAY = "relay"
    VOICE = "voice"
    SOURCE = "source"
    CLAIM = "claim"


class EdgeKind(StrEnum):
    """What an edge means: a relay, a citation, the publisher speaking for itself, a claim resting on it."""

    RELAYS = "relays"
    CITES = "cites"
    ASSERTS = "asserts"
    SUPPORTS = "supports"


@dataclass
class GraphNode:
    """A node with its layout box (top-left corner, size) in SVG user units."""

    id: str
    kind: NodeKind
    label: str
    full_label: str
    detail: str
    strength: str | None = None
    column: int = 0
    order: int = 0
    x: float = 0.0
    y: float = 0.0
    width: float = NODE_WIDTH
    height: float = NODE_HEIGHT

    @property
    def centre_y(self) -> float:
        """The vertical middle, where edges attach."""
        return self.y + self.height / 2

    @property
    def text_x(self) -> float:
        """Where the label starts inside the box."""
        return self.x + 8

    @property
    def text_y(self) -> float:
        """The label's baseline, vertically centred for a 12px font."""
        return self.y + self.height / 2 + 4


@dataclass(frozen=True)
class GraphEdge:
    """A directed edge, with its drawn path once laid out."""

    source: str
    target: str
    kind: EdgeKind
    path: str = ""


@dataclass(frozen=True)
class GraphColumn:
    """A column's title and where it is drawn."""

    title: str
    x: float
    y: float


@dataclass
class AttributionGraph:
    """Nodes and edges, laid out; ``width``/``height`` size the drawing."""

    nodes: list[GraphNode] = field(default_factory=list)
    edges: list[GraphEdge] = field(default_factory=list)
    columns: list[GraphColumn] = field(default_factory=list)
    width: float = 0.0
    height: float = 0.0

    def node(self, node_id: str) -> GraphNode:
        """Look a node up by id."""
        for node in self.nodes:
            if node.id == node_id:
                return node
        raise KeyError(node_id)


_COLUMN_TITLES = {
    NodeKind.PUBLISHER: "Publisher",
    NodeKind.RELAY: "Relayed outlets",
    NodeKind.VOICE: "Sources",
    NodeKind.SOURCE: "Sources",
    NodeKind.CLAIM: "Claims",
}


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _describe(source_type: SourceType) -> str:
    return source_type.value.replace("_", " ")


def party_key(analysis: AnalysisResult, node: ChainNode) -> tuple[str, str, SourceType]:
    """Identify a party of a chain as ``(key, name, type)``: by its entity, else by its name.

    The mentions of one entity ("Mayor Ada Lind", "the mayor", "she") share a
    key and the entity's name, so every export shows one party once.
    """
    if node.source_id is not None:
        try:
            mention = analysis.resolve(node.source_id)
        except KeyError:
            mention = None
        if mention is not None:
            described = analysis.entity_of(mention.id) or mention
            return f"mention:{mention.id}", described.name, described.type
    return f"name:{node.name.casefold()}", node.name, node.type


class _Builder:
    """Collects nodes and edges, merging repeated parties into one node."""

    def __init__(self, analysis: AnalysisResult) -> None:
        self.analysis = analysis
        self.nodes: dict[str, GraphNode] = {}
        self.edges: dict[tuple[str, str], EdgeKind] = {}
        self.counters: dict[str, int] = defaultdict(int)

    def party(self, node: ChainNode, kind: NodeKind, column: int) -> GraphNode:
        key, name, source_type = party_key(self.analysis, node)
        existing = self.nodes.get(key)
        if existing is None:
            prefix = kind.value[0]
            self.counters[prefix] += 1
            existing = GraphNode(
                id=f"{prefix}{self.counters[prefix]}",
                kind=kind,
                label=_shorten(name, LABEL_CHARS),
                full_label=name,
                detail=_describe(source_type),
                column=column,
                order=len(self.nodes),
            )
            self.nodes[key] = existing
        elif kind is NodeKind.RELAY and existing.kind is NodeKind.SOURCE:
            existing.kind = NodeKind.RELAY
        existing.column = max(existing.column, column)
        return existing

    def connect(self, source: GraphNode, target: GraphNode, kind: EdgeKind) -> None:
        if source.id != target.id:
            self.edges.setdefault((source.id, target.id), kind)

    def voice(self) -> GraphNode:
        """Return the one node standing for "no source named": the publisher's own voice."""
        existing = self.nodes.get("voice:")
        if existing is None:
            existing = GraphNode(
                id="v1",
                kind=NodeKind.VOICE,
                label=OWN_VOICE,
                full_label=OWN_VOICE,
                detail="claims with no source in their own sentence",
                order=len(self.nodes),
            )
            self.nodes["voice:"] = existing
        return existing

    def chain(self, chain: Chain) -> list[GraphNode]:
        """Add a chain's parties and links; return the nodes its claim hangs from.

        That is the last hop, except for an inherited chain: a claim in the
        publisher's own voice hangs from the "no source named" node, whatever
        the publisher relays elsewhere.
        """
        previous: list[GraphNode] = []
        first: list[GraphNode] = []
        for depth, hop in enumerate(chain.hops):
            kind = {
                HopRole.PUBLISHER: NodeKind.PUBLISHER,
                HopRole.RELAY: NodeKind.RELAY,
                HopRole.SOURCE: NodeKind.SOURCE,
            }[hop.role]
            current = [self.party(node, kind, depth) for node in hop.nodes]
            edge = EdgeKind.CITES if hop.role is HopRole.SOURCE else EdgeKind.RELAYS
            for upstream in previous:
                for downstream in current:
                    self.connect(upstream, downstream, edge)
            previous = current or previous
            first = first or current
        if not chain.inherited:
            return previous
        voice = self.voice()
        for publisher in first:
            self.connect(publisher, voice, EdgeKind.ASSERTS)
        return [voice]


def build_graph(analysis: AnalysisResult, strengths: dict[str, str] | None = None) -> AttributionGraph:
    """Build and lay out the attribution graph; ``strengths`` colours claim nodes by id."""
    builder = _Builder(analysis)
    builder.chain(analysis.publisher_chain)
    claim_nodes: list[tuple[GraphNode, list[GraphNode]]] = []
    for claim in sorted(analysis.claims, key=lambda claim: claim.span.start):
        ends = builder.chain(claim.chain)
        claim_nodes.append(
            (
                GraphNode(
                    id=f"c{len(claim_nodes) + 1}",
                    kind=NodeKind.CLAIM,
                    label=_shorten(f"{claim.id} · {claim.text}", CLAIM_LABEL_CHARS),
                    full_label=f"{claim.id}: {claim.text}",
                    detail="unattributed" if claim.chain.inherited else "attributed",
                    strength=(strengths or {}).get(claim.id),
                    width=CLAIM_WIDTH,
                ),
                ends,
            )
        )
    parties = sorted(builder.nodes.values(), key=lambda node: node.order)
    ends = [node for node in parties if node.kind in {NodeKind.SOURCE, NodeKind.VOICE}]
    upstream = max((node.column for node in parties if node not in ends), default=0)
    for node in ends:
        node.column = upstream + 1
    claim_column = max((node.column for node in parties), default=0) + 1
    for claim_node, ends in claim_nodes:
        claim_node.column = claim_column
        for end in ends:
            builder.connect(end, claim_node, EdgeKind.SUPPORTS)
    nodes = parties + [claim_node for claim_node, _ in claim_nodes]
    edges = [GraphEdge(source, target, kind) for (source, target), kind in builder.edges.items()]
    return _layout(nodes, edges)


def _layout(nodes: list[GraphNode], edges: list[GraphEdge]) -> AttributionGraph:
    """Place columns left to right; centre each node on what it leads to, without overlaps."""
    columns: dict[int, list[GraphNode]] = defaultdict(list)
    for node in nodes:
        columns[node.column].append(node)
    children: dict[str, list[str]] = defaultdict(list)
    for edge in edges:
        children[edge.source].append(edge.target)
    by_id = {node.id: node for node in nodes}
    x = MARGIN
    lefts: dict[int, float] = {}
    titles = []
    for column in sorted(columns):
        lefts[column] = x
        kinds = {node.kind for node in columns[column]}
        title = next(kind for kind in reversed(NodeKind) if kind in kinds)
        titles.append(GraphColumn(_COLUMN_TITLES[title], x, MARGIN + HEADER / 2))
        x += max(node.width for node in columns[column]) + COLUMN_GAP
    top = MARGIN + HEADER
    for column in sorted(columns, reverse=True):
        placed = columns[column]
        for index, node in enumerate(placed):
            node.x = lefts[column]
            below = [by_id[child].centre_y for child in children[node.id] if by_id[child].column > column]
            if below:
                node.y = sum(below) / len(below) - node.height / 2
            else:
                node.y = top + index * (NODE_HEIGHT + ROW_GAP)
        placed.sort(key=lambda node: (node.y, node.order))
        floor = top
        for node in placed:
            node.y = max(node.y, floor)
            floor = node.y + node.height + ROW_GAP
    laid = [
        GraphEdge(
            edge.source,
            edge.target,
            edge.kind,
            _route(by_id[edge.source], by_id[edge.target], columns),
        )
        for edge in edges
    ]
    width = max((node.x + node.width for node in nodes), default=0.0) + MARGIN
    height = max((node.y + node.height for node in nodes), default=0.0) + MARGIN
    return AttributionGraph(nodes=nodes, edges=laid, columns=titles, width=width, height=height)


def _route(source: GraphNode, target: GraphNode, columns: dict[int, list[GraphNode]]) -> str:
    """Draw an edge from the right of ``source`` to the left of ``target``, never under a node.

    Between adjacent columns the edge is one S-curve. An edge that skips a
    column (the publisher straight to a source) crosses it along a free lane
    between that column's boxes, so no box hides it.
    """
    start = (source.x + source.width, source.centre_y)
    end = (target.x, target.centre_y)
    points = [start]
    for column in range(source.column + 1, target.column):
        crossed = columns.get(column, [])
        if not crossed:
            continue
        left = min(node.x for node in crossed) - LANE_MARGIN
        right = max(node.x + node.width for node in crossed) + LANE_MARGIN
        share = ((left + right) / 2 - start[0]) / (end[0] - start[0])
        lane = _free_lane(start[1] + share * (end[1] - start[1]), crossed)
        points += [(left, lane), (right, lane)]
    points.append(end)
    path = f"M{start[0]:.1f},{start[1]:.1f}"
    for index in range(1, len(points)):
        (xa, ya), (xb, yb) = points[index - 1], points[index]
        if index % 2 == 0 and index < len(points) - 1:
            path += f" L{xb:.1f},{yb:.1f}"
        else:
            middle = (xa + xb) / 2
            path += f" C{middle:.1f},{ya:.1f} {middle:.1f},{yb:.1f} {xb:.1f},{yb:.1f}"
    return path


def _free_lane(y: float, crossed: list[GraphNode]) -> float:
    """Move ``y`` off any box of a column into the nearest gap between boxes."""
    for node in crossed:
        if node.y - LANE_MARGIN / 2 <= y <= node.y + node.height + LANE_MARGIN / 2:
            above, below = node.y - ROW_GAP / 2, node.y + node.height + ROW_GAP / 2
            return above if y - above < below - y else below
    return y
