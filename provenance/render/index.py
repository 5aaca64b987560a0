"""The index page of a batch of reports: one line per article, weakest sourcing first.

A researcher scoring a folder of articles opens the index to see which ones
need attention; articles that could not be read are listed last with the reason.
Every file name in a link is percent-encoded and made explicitly relative
(``./``), so an article named ``javascript:…`` can never become a script URL.
"""

from __future__ import annotations

from urllib.parse import quote

from pydantic import Field

from provenance.models import Model, ScoreReport
from provenance.render.controls import show_controls
from provenance.render.html import environment
from provenance.render.markdown import escape
from provenance.render.report import ReportFormat
from provenance.render.view import Strength


class IndexEntry(Model):
    """One article of a batch: where its report is, and its score (or why there is none)."""

    article: str
    report: str | None = None
    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    score: float | None = None
    grade: str | None = None
    claims: int = 0
    poor_claims: int = Field(default=0, description="claims in the poor band (grade D)")
    error: str | None = None

    @classmethod
    def of(cls, article: str, report_file: str, report: ScoreReport) -> IndexEntry:
        """Summarise a scored article for the index."""
        meta = report.analysis.article
        poor = sum(1 for claim in report.claim_scores if Strength.of(claim.score) is Strength.POOR)
        return cls(
            article=article,
            report=report_file,
            title=meta.title,
            outlet=meta.outlet,
            date=meta.date.isoformat() if meta.date else None,
            score=report.score,
            grade=report.grade,
            claims=len(report.analysis.claims),
            poor_claims=poor,
        )

    @property
    def href(self) -> str | None:
        """The report's link target: percent-encoded and relative, never a scheme."""
        return "./" + quote(self.report) if self.report else None

    @property
    def strength(self) -> str:
        """The score band, for colouring."""
        return Strength.of(self.score).value


INDEX_FORMATS = {
    ReportFormat.TEXT: ReportFormat.TEXT,
    ReportFormat.MD: ReportFormat.MD,
    ReportFormat.HTML: ReportFormat.HTML,
    ReportFormat.JSON: ReportFormat.JSON,
    ReportFormat.PROV_JSON: ReportFormat.JSON,
    ReportFormat.PROV_N: ReportFormat.MD,
}
"""The index written beside reports of each format (PROV has no index notation of its own)."""


def ranked(entries: list[IndexEntry]) -> list[IndexEntry]:
    """Weakest score first, then by file; unreadable articles last."""
    return sorted(entries, key=lambda entry: (entry.score is None, entry.score or 0.0, entry.article))


def index_name(report_format: ReportFormat) -> str:
    """Name the index file for reports in ``report_format``."""
    return "index" + INDEX_FORMATS[report_format].suffix


def render_index(entries: list[IndexEntry], report_format: ReportFormat) -> str:
    """Render the index of a batch in the index format that goes with ``report_format``."""
    rows = ranked(entries)
    target = INDEX_FORMATS[report_format]
    if target is ReportFormat.HTML:
        scored = [entry.score for entry in rows if entry.score is not None]
        return (
            environment()
            .get_template("index.html.j2")
            .render(
                entries=rows,
                failed=sum(1 for entry in rows if entry.error),
                mean=(sum(scored) / len(scored)) if scored else None,
            )
        )
    if target is ReportFormat.JSON:
        return "[\n" + ",\n".join(entry.model_dump_json(indent=2) for entry in rows) + "\n]\n"
    if target is ReportFormat.MD:
        return _markdown(rows)
    return _text(rows)


def _markdown(rows: list[IndexEntry]) -> str:
    lines = [
        f"# Provenance reports ({len(rows)} articles)",
        "",
        "Weakest sourcing first.",
        "",
        "| score | grade | article | outlet | date | claims | poor |",
        "|---:|---|---|---|---|---:|---:|",
    ]
    for entry in rows:
        if entry.error:
            lines.append(
                f"| — | — | {escape(entry.article)} | could not be read: {escape(entry.error)} | | | |"
            )
            continue
        title = escape(entry.title or entry.article).strip()
        link = f"[{title}](<{entry.href}>)" if entry.href else title
        lines.append(
            f"| {entry.score:.1f} | {escape(entry.grade or '')} | {link} | {escape(entry.outlet or '')} | "
            f"{entry.date or ''} | {entry.claims} | {entry.poor_claims} |"
        )
    return "\n".join(lines) + "\n"


def _text(rows: list[IndexEntry]) -> str:
    lines = [f"{'score':>6} {'grade':<5} {'claims':>6} {'poor':>4}  article"]
    for entry in rows:
        if entry.error:
            lines.append(f"{'–':>6} {'–':<5} {'':>6} {'':>4}  {entry.article}: {entry.error}")
            continue
        lines.append(
            f"{entry.score or 0:>6.1f} {entry.grade or '':<5} {entry.claims:>6} {entry.poor_claims:>4}  "
            f"{entry.report or entry.article}  {' '.join((entry.title or '').split())[:60]}"
        )
    return show_controls("\n".join(lines)) + "\n"
