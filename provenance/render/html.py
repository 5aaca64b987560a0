"""The HTML report: one self-contained page that opens offline and prints well.

Rendered with Jinja2 and autoescaping on, because every piece of article text
(title, outlet, URL, sentences, source names) is untrusted input: a ``<script>``
or an ``onerror=`` in an article must come out as inert text. Control and bidi
formatting characters are shown as escapes wherever article text appears, and
article strings are isolated (``<bdi>``, ``dir="auto"``) so right-to-left text
cannot reorder the page around it. The page carries
its CSS inline, no JavaScript and no external resources, and a Content Security
Policy that forbids scripts in case a browser is ever tricked into seeing one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib.metadata import version

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from provenance.models import SCHEMA_VERSION, ScoreReport
from provenance.render.controls import show_controls
from provenance.render.view import ReportView, build_view, paragraphs


@dataclass
class TextRun:
    """A run of one paragraph belonging to one claim (or to none), as ``(text, is_cue)`` parts.

    ``anchor`` marks a claim's first run (the target of the claims table's link).
    """

    claim_id: str | None
    strength: str
    anchor: bool
    parts: list[tuple[str, bool]] = field(default_factory=list)


def _inert(value: object) -> object:
    """Show control and bidi characters of every string a template prints (markup it built stays)."""
    return show_controls(value) if isinstance(value, str) and not isinstance(value, Markup) else value


def isolate(value: object) -> Markup:
    """Print an article string in ``<bdi>``, so its direction cannot spill onto the text around it."""
    return Markup("<bdi>%s</bdi>") % show_controls(str(value))


@cache
def environment() -> Environment:
    """Build the template environment once: package templates, autoescape always, strict names."""
    env = Environment(
        loader=PackageLoader("provenance.render", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_inert,
    )
    env.filters["isolate"] = isolate
    return env


def _runs(view: ReportView) -> list[list[TextRun]]:
    """Group each paragraph's segments into one run per claim, so a claim is one highlight."""
    anchored: set[str] = set()
    result = []
    for paragraph in paragraphs(view.segments):
        runs: list[TextRun] = []
        for segment in paragraph:
            if not runs or runs[-1].claim_id != segment.claim_id:
                claim_id = segment.claim_id
                strength = segment.strength.value if segment.strength else "unscored"
                runs.append(TextRun(claim_id, strength, claim_id is not None and claim_id not in anchored))
                if claim_id is not None:
                    anchored.add(claim_id)
            runs[-1].parts.append((segment.text, segment.cue))
        result.append(runs)
    return result


def render_html(report: ScoreReport) -> str:
    """Render a scored article as a self-contained HTML page."""
    view = build_view(report)
    template = environment().get_template("report.html.j2")
    return template.render(
        view=view,
        graph=view.graph,
        paragraphs=_runs(view),
        language=report.analysis.article.language,
        version=version("provenance"),
        schema_version=SCHEMA_VERSION,
    )
