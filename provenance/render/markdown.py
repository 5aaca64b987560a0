"""The Markdown report: for pull requests, wikis and issue trackers that draw Mermaid diagrams.

Article text is untrusted, so everything taken from it is escaped: HTML
characters become entities (Markdown renderers pass raw HTML through), table
cells lose their pipes and line breaks, Mermaid labels are quoted with
Mermaid's own entity codes, control and bidi formatting characters are shown
as escapes, and a link's URL is percent-encoded so nothing in it can close the
autolink.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from provenance.models import Finding, ScoreReport
from provenance.render.controls import show_controls
from provenance.render.graph import AttributionGraph, EdgeKind, NodeKind
from provenance.render.view import ClaimRow, ReportView, TextSegment, build_view, paragraphs

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]#|~])")
_BLOCK_START = re.compile(r"^(\d*)([-+.)])")
_STRENGTH_MARK = {"strong": "🟢", "weak": "🟡", "poor": "🔴", "unscored": "⚪"}
_URL_SAFE = "!#$%&'()*+,/:;=?@[]~"
"""URL characters kept as they are in an autolink: RFC 3986's reserved set, ``%`` and ``~``."""


def escape(text: str) -> str:
    """Make untrusted text literal in Markdown: HTML entities, escaped punctuation, spaces folded."""
    text = show_controls(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return re.sub(r"\s+", " ", text)


def _mermaid_label(text: str) -> str:
    """Quote a label for Mermaid, which decodes ``#name;`` entities inside double quotes."""
    replacements = {"#": "#35;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "&": "#amp;", "`": "#96;"}
    return "".join(replacements.get(char, char) for char in " ".join(show_controls(text).split()))


def mermaid(graph: AttributionGraph) -> str:
    """Draw the attribution graph as a Mermaid flowchart (left to right)."""
    shapes = {
        NodeKind.PUBLISHER: ('[["', '"]]'),
        NodeKind.RELAY: ('[/"', '"/]'),
        NodeKind.SOURCE: ('(["', '"])'),
        NodeKind.VOICE: ('{{"', '"}}'),
        NodeKind.CLAIM: ('["', '"]'),
    }
    arrows = {
        EdgeKind.RELAYS: "-->|relays|",
        EdgeKind.CITES: "-->|cites|",
        EdgeKind.ASSERTS: "-.->|asserts|",
        EdgeKind.SUPPORTS: "-.->",
    }
    lines = ["flowchart LR"]
    for node in graph.nodes:
        opening, closing = shapes[node.kind]
        style = node.strength if node.kind is NodeKind.CLAIM and node.strength else node.kind.value
        label = node.label if node.kind is NodeKind.CLAIM else node.full_label
        lines.append(f"  {node.id}{opening}{_mermaid_label(label)}{closing}:::{style}")
    lines += [f"  {edge.source} {arrows[edge.kind]} {edge.target}" for edge in graph.edges]
    lines += [
        "  classDef publisher fill:#dbe4f0,stroke:#34495e",
        "  classDef relay fill:#efe4f7,stroke:#6c3483",
        "  classDef source fill:#fdf2d0,stroke:#9a7d0a",
        "  classDef voice fill:#f4f6f7,stroke:#7f8c8d,stroke-dasharray:4 3",
        "  classDef strong fill:#d5f0dd,stroke:#1e8449",
        "  classDef weak fill:#fcf3cf,stroke:#b7950b",
        "  classDef poor fill:#f9d6d5,stroke:#b03a2e",
        "  classDef unscored fill:#eeeeee,stroke:#7f8c8d",
    ]
    return "\n".join(lines)


def autolink(url: str) -> str:
    """Write a URL as a Markdown autolink; percent-encoding leaves nothing in it that could end the link."""
    return f"<{quote(url, safe=_URL_SAFE)}>"


def _cell(text: str) -> str:
    return escape(text).strip() or " "


def _findings(findings: tuple[Finding, ...]) -> str:
    return "<br>".join(f"`{f.rule_id}` {escape(f.rule_name)} ({f.points:+g})" for f in findings) or "—"


def _claim_row(row: ClaimRow) -> str:
    score = f"{row.score:.0f} {escape(row.grade or '')}" if row.score is not None else "—"
    corroboration = "no corpus" if row.corroboration is None else escape(row.corroboration.summary())
    if row.corroboration is not None and row.corroboration.outlets:
        corroboration += " (" + escape(", ".join(row.corroboration.outlets)) + ")"
    cells = [
        row.id,
        _cell(row.text),
        _cell(row.source),
        row.source_type.value.replace("_", " "),
        _cell(row.chain) + (" _(inherited)_" if row.inherited else ""),
        f"{_STRENGTH_MARK[row.strength.value]} {score}",
        _findings(row.findings),
        corroboration,
    ]
    return "| " + " | ".join(cells) + " |"


def _mark(text: str, marker: str) -> str:
    """Wrap ``text`` in an emphasis marker, keeping edge spaces outside so the marker binds."""
    core = text.strip()
    if not core:
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return f"{lead}{marker}{core}{marker}{trail}"


def _highlight(segments: tuple[TextSegment, ...]) -> list[str]:
    """Lay out the article text: claims in bold after their id and strength, cues in italics."""
    rendered = []
    for paragraph in paragraphs(segments):
        runs: list[tuple[str | None, str]] = []
        for segment in paragraph:
            text = escape(segment.text)
            text = _mark(text, "_") if segment.cue else text
            if runs and runs[-1][0] == segment.claim_id:
                runs[-1] = (segment.claim_id, runs[-1][1] + text)
            else:
                runs.append((segment.claim_id, text))
        line = ""
        for claim_id, text in runs:
            if claim_id is None or not text.strip():
                line += text
                continue
            strength = next(s.strength for s in paragraph if s.claim_id == claim_id)
            mark = _STRENGTH_MARK[strength.value if strength else "unscored"]
            line += f"{mark}<sup>{escape(claim_id)}</sup>" + _mark(text, "**")
        if line.strip():
            rendered.append(_BLOCK_START.sub(r"\1\\\2", line.strip(), count=1))
    return rendered


def render_markdown(report: ScoreReport) -> str:
    """Render a scored article as a Markdown report."""
    view = build_view(report)
    return _render(view)


def _render(view: ReportView) -> str:
    lines = [f"# {escape(view.title)}", ""]
    facts = [
        ("Outlet", escape(view.outlet) if view.outlet else None),
        ("Date", escape(view.date) if view.date else None),
        ("URL", autolink(view.link) if view.link else (escape(view.url) if view.url else None)),
        ("File", escape(view.path) if view.path else None),
        ("Corpus", escape(view.corpus) if view.corpus else None),
    ]
    lines += [f"- **{label}:** {value}" for label, value in facts if value]
    lines += [
        f"- **Corpus file skipped:** {escape(item.path)}: {escape(item.problem)}"
        for item in view.corpus_skipped
    ]
    lines += [
        "",
        f"## Score: {view.score:.1f}/100 — grade {escape(view.grade)} {_STRENGTH_MARK[view.strength.value]}",
        "",
    ]
    if view.meaning:
        lines += [f"_{escape(view.meaning)}_", ""]
    if view.top_rules:
        lines += [
            "Rules that moved the score most:",
            "",
            "| rule | name | points | findings |",
            "|---|---|---:|---:|",
        ]
        lines += [
            f"| `{rule.rule_id}` | {escape(rule.rule_name)} | {rule.points:+.1f} | {rule.findings} |"
            for rule in view.top_rules
        ]
        lines.append("")
    for finding in view.article_findings:
        message = escape(finding.message).strip()
        lines.append(f"- **{finding.severity.value}** `{finding.rule_id}` {message} ({finding.points:+g})")
    if view.skipped_rules:
        lines.append("- Skipped (input missing): " + ", ".join(f"`{rule}`" for rule in view.skipped_rules))
    if view.article_findings or view.skipped_rules:
        lines.append("")
    lines += [
        f"## Claims ({len(view.claims)})",
        "",
        "| # | claim | ultimate source | type | chain | score | findings | corroboration |",
        "|---|---|---|---|---|---|---|---|",
    ]
    lines += [_claim_row(row) for row in view.claims]
    lines += ["", "## Attribution graph", "", "```mermaid", mermaid(view.graph), "```", ""]
    lines += [
        f"## Sources ({len(view.sources)})",
        "",
        "| source | type | anonymity | on record | mentions | claims |",
        "|---|---|---|---|---:|---|",
    ]
    lines += [
        f"| {_cell(source.name)} | {source.type.value.replace('_', ' ')} | {source.anonymity.value} | "
        f"{'yes' if source.on_record else 'no'} | {source.mentions} | "
        f"{', '.join(source.claims) or '—'} |"
        for source in view.sources
    ]
    lines += [
        "",
        "## Article text",
        "",
        "Claims in **bold**, tagged with their id and sourcing strength "
        "(🟢 strong, 🟡 weak, 🔴 poor, ⚪ unscored); attribution cues in _italics_.",
        "",
    ]
    for paragraph in _highlight(view.segments):
        lines += [paragraph, ""]
    return "\n".join(lines).rstrip() + "\n"
