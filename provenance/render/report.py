"""One entry point for every report format, so the CLI and batch mode share the dispatch."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from provenance.models import ScoreReport


class ReportFormat(StrEnum):
    """Formats of ``provenance report``."""

    TEXT = "text"
    MD = "md"
    HTML = "html"
    JSON = "json"
    PROV_JSON = "prov-json"
    PROV_N = "prov-n"

    @classmethod
    def named(cls, name: ReportFormat | str) -> ReportFormat:
        """Read a format name in any case (``"HTML"``); an unknown one is a ``ValueError`` listing them."""
        try:
            return cls(str(name).strip().lower())
        except ValueError:
            known = ", ".join(member.value for member in cls)
            raise ValueError(f"unknown report format {name!r}; formats: {known}") from None

    @property
    def suffix(self) -> str:
        """The file name ending used for reports in this format (batch mode)."""
        return _SUFFIXES[self]


_SUFFIXES = {
    ReportFormat.TEXT: ".txt",
    ReportFormat.MD: ".md",
    ReportFormat.HTML: ".html",
    ReportFormat.JSON: ".json",
    ReportFormat.PROV_JSON: ".prov.json",
    ReportFormat.PROV_N: ".provn",
}


def render_report(report: ScoreReport, report_format: ReportFormat | str = ReportFormat.TEXT) -> str:
    """Render a scored article in ``report_format`` (a ``ReportFormat`` or its name); ends with a newline.

    The renderers are imported here, so that the format names cost the command
    line nothing when no report is made.
    """
    from provenance.render.html import render_html
    from provenance.render.markdown import render_markdown
    from provenance.render.prov import render_prov_json, render_prov_n
    from provenance.render.text_report import render_text_report

    if not isinstance(report, ScoreReport):
        raise TypeError(
            f"render_report takes a ScoreReport (from provenance.score), not {type(report).__name__}"
        )
    report_format = ReportFormat.named(report_format)
    renderers: dict[ReportFormat, Callable[[ScoreReport], str]] = {
        ReportFormat.TEXT: render_text_report,
        ReportFormat.MD: render_markdown,
        ReportFormat.HTML: render_html,
        ReportFormat.JSON: lambda scored: scored.model_dump_json(indent=2),
        ReportFormat.PROV_JSON: render_prov_json,
        ReportFormat.PROV_N: render_prov_n,
    }
    rendered = renderers[report_format](report)
    return rendered if rendered.endswith("\n") else rendered + "\n"
