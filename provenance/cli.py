"""The command line: a thin typer layer that parses options, calls the library, renders, exits.

Every command wraps its work in ``_reporting_errors`` so a ``ProvenanceError``
becomes one line on stderr and its documented exit status, never a traceback.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from provenance.api import analyze_path, crosscheck_path, index_corpus
from provenance.errors import ExitStatus, ProvenanceError
from provenance.outputs import write_atomic
from provenance.render.crosscheck import render_crosscheck, render_index_summary
from provenance.render.text import render_analysis

app = typer.Typer(
    name="provenance",
    help="Verify where the claims in a news article come from.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class AnalyzeFormat(StrEnum):
    """Output formats of ``provenance analyze``."""

    TEXT = "text"
    JSON = "json"


@app.callback()
def _root() -> None:
    """Verify where the claims in a news article come from."""


@contextmanager
def _reporting_errors() -> Iterator[None]:
    try:
        yield
    except ProvenanceError as error:
        typer.echo(error.one_line(), err=True)
        raise typer.Exit(int(error.exit_status)) from None


@app.command()
def analyze(
    paths: Annotated[list[Path], typer.Argument(help="Article files to analyse.")],
    output_format: Annotated[AnalyzeFormat, typer.Option("--format", "-f", help="Output format.")] = (
        AnalyzeFormat.TEXT
    ),
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to FILE (atomically).")] = None,
    encoding: Annotated[str, typer.Option(help="Text encoding of the input files.")] = "utf-8",
) -> None:
    """Extract claims and their chains of attribution."""
    with _reporting_errors():
        results = [analyze_path(path, encoding=encoding) for path in paths]
        if output_format is AnalyzeFormat.JSON:
            if len(results) == 1:
                rendered = results[0].model_dump_json(indent=2)
            else:
                rendered = "[\n" + ",\n".join(result.model_dump_json(indent=2) for result in results) + "\n]"
        else:
            rendered = "\n\n".join(render_analysis(result) for result in results)
        if output is None:
            typer.echo(rendered)
        else:
            write_atomic(output, rendered + "\n")


# --- corpus cross-check: `provenance index` and `provenance crosscheck` ---------------------------


class CrossCheckFormat(StrEnum):
    """Output formats of ``provenance crosscheck``."""

    TEXT = "text"
    JSON = "json"


@app.command("index")
def index_command(
    folder: Annotated[Path, typer.Argument(help="Folder of articles to index (searched recursively).")],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Index file to write (default: .provenance-index.sqlite in FOLDER)."
        ),
    ] = None,
) -> None:
    """Analyse a folder of articles and write a corpus index that cross-checks reuse."""
    with _reporting_errors():
        summary = index_corpus(folder, output)
        typer.echo(render_index_summary(summary))


@app.command("crosscheck")
def crosscheck_command(
    target: Annotated[str, typer.Argument(help="Article to cross-check.")],
    corpus: Annotated[str, typer.Option("--corpus", "-c", help="Corpus folder or index file.")],
    output_format: Annotated[CrossCheckFormat, typer.Option("--format", "-f", help="Output format.")] = (
        CrossCheckFormat.TEXT
    ),
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to FILE (atomically).")] = None,
    encoding: Annotated[str, typer.Option(help="Text encoding of the article.")] = "utf-8",
) -> None:
    """Find each claim's independent and dependent corroborations and contradictions in a corpus."""
    with _reporting_errors():
        result = crosscheck_path(target, corpus, encoding=encoding)
        if output_format is CrossCheckFormat.JSON:
            rendered = result.model_dump_json(indent=2)
        else:
            rendered = render_crosscheck(result)
        if output is None:
            typer.echo(rendered)
        else:
            write_atomic(output, rendered + "\n")


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()


__all__ = ["ExitStatus", "app", "main"]
