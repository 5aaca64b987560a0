"""The command line: a thin typer layer that parses options, calls the library, renders, exits.

Every command wraps its work in ``_reporting_errors`` so a ``ProvenanceError``
becomes one line on stderr and its documented exit status, never a traceback;
a usage error (click's) is one line too, with a hint where the help is.
"""

from __future__ import annotations

import dataclasses
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Annotated, Any, TextIO, TypeAlias, TypeVar

import typer
from pydantic import BaseModel
from typer._click import Context
from typer._click.exceptions import ClickException, NoArgsIsHelpError
from typer._click.exceptions import UsageError as ClickUsageError
from typer.core import TyperGroup
from typer.exceptions import TyperException

from provenance import __version__
from provenance.api import (
    analyze_path,
    batch_file_name,
    check_paths,
    corpus_skip_warnings,
    crosscheck_path,
    evaluate_gold,
    evaluate_sources,
    explain_rule,
    fetch_batch,
    fetch_markdown,
    fetch_settings,
    index_corpus,
    open_corpus,
    read_url_list,
    report_batch,
    report_sources,
    score_path,
)
from provenance.brat import ANNOTATION_CONF, render_ann
from provenance.collector import freeze_imports
from provenance.config import config_for
from provenance.errors import (
    ConfigError,
    ExitStatus,
    InputError,
    InternalError,
    ProvenanceError,
    UsageError,
)
from provenance.files import PathKind, is_folder, kind_of
from provenance.models import AnalysisResult
from provenance.outputs import write_atomic
from provenance.render.report import ReportFormat, render_report
from provenance.render.text import render_analysis

if TYPE_CHECKING:
    from provenance.check import CheckResult, FileReport

# Each command imports the rendering, checking and scoring it needs, so that `provenance analyze FILE`
# does not pay for the rest at start-up.

DEFAULT_TIMEOUT = "60"
"""``FetchLimits().total_timeout`` as ``--timeout`` shows it (a test keeps the two equal); written out
so that the command line does not import the fetching layer to print its help."""

GLOBAL_FLAGS = frozenset({"--allow-private", "--no-cache"})
GLOBAL_VALUED = frozenset({"--timeout"})
"""The options of ``provenance`` itself, which users also type after the command."""


def hoist_global_options(args: Sequence[str]) -> list[str]:
    """Move the root options found after the command to before it, where click reads them.

    ``provenance analyze URL --allow-private`` then means what it says;
    anything after a ``--`` stays where it is.
    """
    start = 0
    while start < len(args) and args[start].startswith("-") and args[start] != "--":
        start += 2 if args[start] in GLOBAL_VALUED else 1
    hoisted: list[str] = []
    kept: list[str] = []
    index = start
    while index < len(args):
        token = args[index]
        if token == "--":
            kept.extend(args[index:])
            break
        if token in GLOBAL_FLAGS or ("=" in token and token.split("=", 1)[0] in GLOBAL_VALUED):
            hoisted.append(token)
        elif token in GLOBAL_VALUED and index + 1 < len(args):
            hoisted.extend(args[index : index + 2])
            index += 1
        else:
            kept.append(token)
        index += 1
    return [*args[:start], *hoisted, *kept]


EMPTY_ARGUMENT = "an empty argument ('') names no file, folder or value; is a shell variable unset?"
"""Why ``''`` is refused: read as a path it is the current folder, read as a list it is nothing at all."""


def _command_of(args: Sequence[str]) -> list[str]:
    """Name the command in ``args`` (the first word after the root options and their values), if any."""
    index = 0
    while index < len(args):
        token = args[index]
        if token and not token.startswith("-"):
            return [token]
        index += 2 if token in GLOBAL_VALUED else 1
    return []


class _Provenance(TyperGroup):
    """The root command: global options anywhere, and click's usage errors as one line and a hint."""

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        """Parse with the root options moved in front of the command."""
        return super().parse_args(ctx, hoist_global_options(args))

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        """Run the command; in standalone mode a usage error is one line and a hint, then exit 2."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        given = list(sys.argv[1:] if args is None else args)
        if "" in given:
            where = " ".join(["provenance", *_command_of(given)])
            typer.echo(UsageError(where, EMPTY_ARGUMENT).one_line(), err=True)
            typer.echo(f"hint: see '{where} --help'", err=True)
            sys.exit(ExitStatus.USAGE)
        try:
            status = super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        except NoArgsIsHelpError as error:
            error.show()
            sys.exit(error.exit_code)
        except ClickException as error:
            context = error.ctx if isinstance(error, ClickUsageError) else None
            where = context.command_path if context is not None else "provenance"
            typer.echo(UsageError(where, error.format_message()).one_line(), err=True)
            if isinstance(error, ClickUsageError):
                typer.echo(f"hint: see '{where} --help'", err=True)
            sys.exit(error.exit_code)
        except typer.Abort:
            typer.echo("aborted", err=True)
            sys.exit(1)
        except ProvenanceError as error:  # raised past a command's own reporting, e.g. its last line
            typer.echo(error.one_line(), err=True)
            sys.exit(int(error.exit_status))
        sys.exit(status if isinstance(status, int) else 0)


DEFAULT_THRESHOLD = "50"
"""``MATCH_THRESHOLD`` as ``crosscheck --threshold`` shows it (a test keeps the two equal), likewise."""

app = typer.Typer(
    name="provenance",
    cls=_Provenance,
    help="Verify where the claims in a news article come from.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class TextOrJson(StrEnum):
    """Output formats of the commands that print either a table or the result model."""

    TEXT = "text"
    JSON = "json"


class AnalyzeFormat(StrEnum):
    """Output formats of ``provenance analyze``."""

    TEXT = "text"
    JSON = "json"
    BRAT = "brat"


@app.callback()
def _root(
    ctx: typer.Context,
    allow_private: Annotated[
        bool,
        typer.Option(
            "--allow-private",
            help="Let URLs reach loopback, private and link-local addresses (intranets, local servers).",
        ),
    ] = False,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Neither read nor write the page cache.")
    ] = False,
    timeout: Annotated[
        float | None,
        typer.Option(
            "--timeout",
            min=1.0,
            show_default=DEFAULT_TIMEOUT,
            help="Seconds allowed per URL, retries and redirects included.",
        ),
    ] = None,
) -> None:
    """Verify where the claims in a news article come from."""
    if not allow_private and not no_cache and timeout is None:
        return  # URLs are fetched under the default options, and fetching is imported only then
    from provenance.ingest.fetch import FetchLimits, FetchOptions

    limits = FetchLimits() if timeout is None else FetchLimits(total_timeout=timeout)
    options = FetchOptions(allow_private=allow_private, limits=limits)
    if no_cache:
        options = dataclasses.replace(options, cache_dir=None)
    ctx.with_resource(fetch_settings(options))


def _print(text: str, *, nl: bool = True) -> None:
    """Print on stdout; a stdout that takes nothing more (a full disk, ``> /dev/full``) is an output error.

    A reader that stopped reading (``| head -1``) is no error: a broken pipe is left to end the run quietly.
    """
    try:
        typer.echo(text, nl=nl)
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise InputError("stdout", f"cannot write output ({exc.strerror or exc})") from None


def _emit(rendered: str, output: Path | None) -> None:
    """Print ``rendered`` as is, or write it to ``output`` atomically (never a partial file)."""
    if output is None:
        _print(rendered, nl=False)
    else:
        write_atomic(output, rendered)


def _json_of(results: Sequence[BaseModel]) -> str:
    """One result as its JSON object; several as a JSON array of them."""
    if len(results) == 1:
        return results[0].model_dump_json(indent=2)
    return _json_array(results)


def _json_array(results: Sequence[BaseModel]) -> str:
    """Write the results as a JSON array, whatever their number (one shape for scripts)."""
    return "[\n" + ",\n".join(result.model_dump_json(indent=2) for result in results) + "\n]"


@contextmanager
def _reporting_errors() -> Iterator[None]:
    """Turn errors into one line on stderr and an exit status; a bug becomes PRV-E900, never a traceback."""
    try:
        yield
    except ProvenanceError as error:
        typer.echo(error.one_line(), err=True)
        raise typer.Exit(int(error.exit_status)) from None
    except (typer.Exit, typer.Abort, TyperException):
        raise
    except Exception as exc:
        internal = InternalError.of(exc)
        typer.echo(internal.one_line(), err=True)
        raise typer.Exit(int(internal.exit_status)) from None


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="Article files or http(s) URLs to analyse.")],
    output_format: Annotated[AnalyzeFormat, typer.Option("--format", "-f", help="Output format.")] = (
        AnalyzeFormat.TEXT
    ),
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to FILE (atomically).")] = None,
    encoding: Annotated[str, typer.Option(help="Text encoding of the input files.")] = "utf-8",
    output_dir: Annotated[
        Path | None,
        typer.Option(
            "--output-dir", help="With --format brat: write NAME.ann here (default: beside each input)."
        ),
    ] = None,
) -> None:
    """Extract claims and their chains of attribution."""
    with _reporting_errors():
        results = [analyze_path(path, encoding=encoding) for path in paths]
        if output_format is AnalyzeFormat.BRAT:
            _write_brat([_local_name(path) for path in paths], results, output, output_dir)
            return
        if output_format is AnalyzeFormat.JSON:
            rendered = _json_of(results)
        else:
            rendered = "\n\n".join(render_analysis(result) for result in results)
        _emit(rendered + "\n", output)


def _local_name(target: str) -> Path:
    """Name a file for ``target``: a path as is, a URL as its fetch file name in the working folder."""
    from provenance.ingest.fetch import is_url

    return Path(batch_file_name(target)) if is_url(target) else Path(target)


@app.command()
def fetch(
    urls: Annotated[list[str] | None, typer.Argument(help="http(s) URLs of articles.")] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the one article to FILE (default: stdout).")
    ] = None,
    url_list: Annotated[
        Path | None, typer.Option("--from", help="Read URLs from FILE, one per line.")
    ] = None,
    output_dir: Annotated[
        Path | None, typer.Option("--output-dir", help="Batch: write one Markdown file per URL into DIR.")
    ] = None,
    per_host: Annotated[int, typer.Option(min=1, max=8, help="Batch: concurrent requests per host.")] = 2,
) -> None:
    """Save articles from the web as Markdown with front matter, for offline analysis."""
    with _reporting_errors():
        targets = [*(urls or []), *(read_url_list(url_list) if url_list else [])]
        if not targets:
            raise typer.BadParameter("give a URL or --from FILE")
        if output_dir is None:
            if len(targets) > 1:
                raise typer.BadParameter("several URLs need --output-dir DIR")
            rendered = fetch_markdown(targets[0])
            _emit(rendered, output)
            return
        if output is not None:
            raise typer.BadParameter("--output is for one URL; a batch writes into --output-dir")
        with _progress(len(set(targets))) as advance:
            report = fetch_batch(targets, output_dir, per_host=per_host, on_done=advance)
        fetched = len(report.outcomes) - len(report.failures)
        _print(f"fetched {fetched} of {len(report.outcomes)} articles into {output_dir}")
        for failure in report.failures:
            typer.echo(f"failed: {failure.error}", err=True)
        if report.failures:
            raise typer.Exit(int(ExitStatus.INPUT))


@contextmanager
def _progress(total: int, label: str = "fetching") -> Iterator[Callable[[object], None]]:
    """Show a progress bar on stderr when it is a terminal; stay silent otherwise (logs, CI, pipes)."""
    if not sys.stderr.isatty():
        yield lambda outcome: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda outcome: bar.advance(task)


def _write_brat(
    paths: list[Path], results: list[AnalysisResult], output: Path | None, output_dir: Path | None
) -> None:
    """Write one brat ``NAME.ann`` per input (and brat's ``annotation.conf`` where missing).

    Clashing names are refused before anything is written.
    """
    if output is not None:
        raise ConfigError("--output", "--format brat writes one NAME.ann per input; use --output-dir DIR")
    targets = [(output_dir or path.parent) / f"{path.stem}.ann" for path in paths]
    for index, target in enumerate(targets):
        if target in targets[:index]:
            raise ConfigError(str(paths[index]), f"another input also writes {target}; rename one of them")
    for target, result in zip(targets, results, strict=True):
        write_atomic(target, render_ann(result), make_folders=True)
        if not (target.parent / "annotation.conf").exists():
            write_atomic(target.parent / "annotation.conf", ANNOTATION_CONF, make_folders=True)


@app.command("eval")
def evaluate(
    gold_dir: Annotated[
        Path,
        typer.Argument(
            help="Gold folder with text/NAME.txt and attributions/NAME_*.ann; "
            "with --source-types, the folder of the texts the gold file names; "
            "or a file of labelled sentence pairs (MRPC's TSV or claim-pair JSON lines) "
            "to measure claim matching."
        ),
    ],
    output_format: Annotated[
        TextOrJson, typer.Option("--format", "-f", help="Output format.")
    ] = TextOrJson.TEXT,
    limit: Annotated[int | None, typer.Option(min=1, help="Evaluate only the first N texts by name.")] = None,
    source_types: Annotated[
        Path | None,
        typer.Option(
            "--source-types",
            help="Score source types, on-record calls and back-references against this gold JSON-lines file.",
        ),
    ] = None,
) -> None:
    """Measure extraction against gold annotations (PolNeAR's layout), source typing, or claim matching."""
    from provenance.corpus.pairs import evaluate_claim_pairs
    from provenance.render.crosscheck import render_claim_pair_evaluation
    from provenance.render.evaluation import render_evaluation, render_source_types

    with _reporting_errors():
        if source_types is not None:
            if limit is not None:
                raise ConfigError("--limit", "applies to span evaluation only, not with --source-types")
            sources = evaluate_sources(source_types, gold_dir)
            _print(_as(output_format, sources, render_source_types))
        elif kind_of(gold_dir) not in {PathKind.FOLDER, PathKind.MISSING}:
            if limit is not None:
                raise ConfigError("--limit", "applies to span evaluation only, not to claim pairs")
            pairs = evaluate_claim_pairs(gold_dir)
            _print(_as(output_format, pairs, render_claim_pair_evaluation))
        else:
            spans = evaluate_gold(gold_dir, limit=limit)
            _print(_as(output_format, spans, render_evaluation))


Report = TypeVar("Report", bound=BaseModel)


def _as(output_format: TextOrJson, report: Report, render_text: Callable[[Report], str]) -> str:
    """Render an evaluation report as text or as its JSON model."""
    return report.model_dump_json(indent=2) if output_format is TextOrJson.JSON else render_text(report)


# --- score, rules, rules explain -------------------------------------------------------------------------


SelectOption = Annotated[
    list[str] | None, typer.Option("--select", help="Only these rule ids or prefixes (comma-separated).")
]
IgnoreOption = Annotated[
    list[str] | None, typer.Option("--ignore", help="Skip these rule ids or prefixes (comma-separated).")
]
ConfigOption = Annotated[
    Path | None, typer.Option("--config", help="Use this config file instead of the nearest one.")
]


@app.command()
def score(
    targets: Annotated[list[str], typer.Argument(help="Article files to score.")],
    config_file: ConfigOption = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    fail_under: Annotated[
        float | None, typer.Option("--fail-under", help="Exit 1 if an article scores below N.")
    ] = None,
    output_format: Annotated[TextOrJson, typer.Option("--format", "-f", help="Output format.")] = (
        TextOrJson.TEXT
    ),
    encoding: Annotated[str, typer.Option(help="Text encoding of the input files.")] = "utf-8",
    corpus: Annotated[
        str | None, typer.Option("--corpus", "-c", help="Corpus folder or index: enables cross-check rules.")
    ] = None,
) -> None:
    """Score how well each claim is sourced: a per-claim table and the article's score."""
    from provenance.render.scores import render_score
    from provenance.scoring import load_rule_pack

    with _reporting_errors(), open_corpus(corpus) as corpus_index:
        _warn(corpus_skip_warnings(corpus_index))
        reports = []
        below: list[str] = []
        warned: set[str] = set()
        for target in targets:
            config = config_for(target, config_file).with_overrides(select, ignore, fail_under)
            for problem in load_rule_pack(config.rule_folders).load_errors:
                if problem not in warned:
                    warned.add(problem)
                    typer.echo(f"warning: {problem}", err=True)
            report = score_path(target, config, encoding=encoding, corpus=corpus_index)
            if config.fail_under is not None and report.score < config.fail_under:
                below.append(
                    f"{target}: score {report.score:.1f} ({report.grade}) is below the minimum "
                    f"{config.fail_under:g} ({config.where('fail-under')})"
                )
            reports.append(report)
        if output_format is TextOrJson.JSON:
            rendered = _json_array(reports)
        else:
            rendered = "\n\n".join(render_score(report) for report in reports)
        _print(rendered)
    for line in below:
        typer.echo(line, err=True)
    if below:
        raise typer.Exit(int(ExitStatus.FINDINGS))


rules_app = typer.Typer(help="List the active rules, or explain one.", no_args_is_help=False)
app.add_typer(rules_app, name="rules")


@rules_app.callback(invoke_without_command=True)
def rules(ctx: typer.Context, config_file: ConfigOption = None) -> None:
    """List the active rules: id, name, severity, points and what each flags."""
    from provenance.render.scores import render_rules
    from provenance.scoring import load_rule_pack

    if ctx.invoked_subcommand is not None:
        return
    with _reporting_errors():
        config = config_for(Path.cwd(), config_file)
        pack = load_rule_pack(config.rule_folders)
        for problem in pack.load_errors:
            typer.echo(f"warning: {problem}", err=True)
        _print(render_rules(pack.active(config)))


@rules_app.command("explain")
def rules_explain(
    rule_id: Annotated[str, typer.Argument(help="A rule id such as PRV003.")],
    config_file: ConfigOption = None,
) -> None:
    """Explain one rule: its rationale and the standard it encodes, what to do, and its examples."""
    from provenance.render.scores import render_rule

    with _reporting_errors():
        config = config_for(Path.cwd(), config_file)
        _print(render_rule(explain_rule(rule_id, config)))


class CheckFormat(StrEnum):
    """Output formats of ``provenance check``."""

    TEXT = "text"
    JSON = "json"
    SARIF = "sarif"
    GITHUB = "github"
    JUNIT = "junit"


DEFAULT_BASELINE = Path("provenance-baseline.json")


@app.command("check")
def check_command(
    targets: Annotated[list[str], typer.Argument(help="Article files, folders and http(s) URLs to check.")],
    config_file: ConfigOption = None,
    output_format: Annotated[CheckFormat, typer.Option("--format", "-f", help="Output format.")] = (
        CheckFormat.TEXT
    ),
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to FILE (atomically).")] = None,
    fail_on: Annotated[
        list[str] | None,
        typer.Option("--fail-on", help="Fail on this rule id, rule name or severity (or worse); repeatable."),
    ] = None,
    fail_under: Annotated[
        float | None, typer.Option("--fail-under", help="Also fail an article scoring below N.")
    ] = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    include: Annotated[
        list[str] | None, typer.Option("--include", help="Check files matching GLOB in folders; repeatable.")
    ] = None,
    exclude: Annotated[
        list[str] | None, typer.Option("--exclude", help="Skip paths matching GLOB; repeatable.")
    ] = (None),
    no_gitignore: Annotated[
        bool, typer.Option("--no-gitignore", help="Do not honour .gitignore files.")
    ] = False,
    baseline: Annotated[
        Path | None, typer.Option("--baseline", help="Silence the findings recorded in this baseline file.")
    ] = None,
    write_baseline: Annotated[
        bool,
        typer.Option("--write-baseline", help="Record the current findings in the baseline file; exit 0."),
    ] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Check files in N processes.")] = 1,
    corpus: Annotated[
        str | None,
        typer.Option("--corpus", "-c", help="Corpus folder or index: cross-check each article against it."),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress display.")] = False,
    encoding: Annotated[str, typer.Option(help="Text encoding of the input files.")] = "utf-8",
) -> None:
    """Check articles against the sourcing policy for CI: exit 1 when a claim fails it."""
    from provenance.check import baseline_of, baseline_path, read_baseline, with_flags
    from provenance.check import write_baseline as write_baseline_file
    from provenance.render.github import render_step_summary

    with _reporting_errors():
        config = config_for(Path.cwd() / "-", config_file).with_overrides(select, ignore, fail_under)
        settings = with_flags(config.check, include, exclude, fail_on, False if no_gitignore else None)
        config = config.model_copy(update={"check": settings})
        if fail_on:
            config = config.set_by_flag("fail-on", "--fail-on")
        baseline_file = baseline_path(config, baseline)
        known = read_baseline(baseline_file) if baseline_file is not None and not write_baseline else None
        with _check_progress(_progress_wanted(quiet, sys.stderr)) as (on_selected, on_report):
            result = check_paths(
                targets,
                config,
                baseline=known,
                jobs=jobs,
                encoding=encoding,
                on_report=on_report,
                on_selected=on_selected,
                corpus=corpus,
            )
        _warn(result.warnings)
        if write_baseline or output is not None or output_format is not CheckFormat.TEXT:
            for unreadable in result.unreadable:
                typer.echo(unreadable.error, err=True)
        if write_baseline:
            destination = baseline_file or DEFAULT_BASELINE
            recorded = baseline_of(result)
            write_baseline_file(destination, recorded)
            count = sum(entry.count for entry in recorded.entries)
            typer.echo(f"wrote {count} findings to baseline {destination}", err=True)
            raise typer.Exit(int(ExitStatus.INPUT if result.unreadable else ExitStatus.OK))
        rendered = _render_check(result, output_format)
        _emit(rendered + "\n", output)
        if output_format is CheckFormat.GITHUB:
            _append_step_summary(render_step_summary(result))
    if result.exit_status is not ExitStatus.OK:
        raise typer.Exit(int(result.exit_status))


# --- corpus cross-check: `provenance index` and `provenance crosscheck` ---------------------------


@app.command("index")
def index_command(
    folder: Annotated[
        Path,
        typer.Argument(
            help="Folder of articles to index (searched recursively), or a manifest listing them "
            "(.jsonl, .csv, .tsv, .parquet) with their outlet, date and wire agency."
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Index file to write (default: .provenance-index.sqlite in FOLDER, or beside the manifest).",
        ),
    ] = None,
    path_template: Annotated[
        str | None,
        typer.Option(
            "--path-template",
            help="Build each manifest row's article path from its columns, "
            "e.g. '{compartment}/text/{filename}.txt'.",
        ),
    ] = None,
    output_format: Annotated[TextOrJson, typer.Option("--format", "-f", help="Output format.")] = (
        TextOrJson.TEXT
    ),
) -> None:
    """Analyse a folder or manifest of articles and write a corpus index that cross-checks reuse."""
    from provenance.render.crosscheck import render_index_summary

    with _reporting_errors():
        summary = index_corpus(folder, output, path_template=path_template)
        if output_format is TextOrJson.JSON:
            _print(summary.model_dump_json(indent=2))
        else:
            _print(render_index_summary(summary))


@app.command("crosscheck")
def crosscheck_command(
    targets: Annotated[list[str], typer.Argument(help="Articles to cross-check.")],
    corpus: Annotated[
        str,
        typer.Option(
            "--corpus", "-c", help="Corpus folder, manifest (.jsonl, .csv, .tsv, .parquet) or index file."
        ),
    ],
    output_format: Annotated[TextOrJson, typer.Option("--format", "-f", help="Output format.")] = (
        TextOrJson.TEXT
    ),
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to FILE (atomically).")] = None,
    encoding: Annotated[str, typer.Option(help="Text encoding of the article.")] = "utf-8",
    threshold: Annotated[
        float | None,
        typer.Option(
            min=0,
            max=100,
            show_default=DEFAULT_THRESHOLD,
            help="Match score (0-100) at and above which a sentence matches.",
        ),
    ] = None,
) -> None:
    """Find each claim's independent and dependent corroborations and contradictions in a corpus.

    With several articles the corpus is opened once; JSON output is then a list of results.
    """
    from provenance.render.crosscheck import render_crosscheck

    with _reporting_errors(), open_corpus(corpus) as index:
        assert index is not None
        results = [
            crosscheck_path(target, index, encoding=encoding, threshold=threshold) for target in targets
        ]
        if output_format is TextOrJson.JSON:
            rendered = (
                results[0].model_dump_json(indent=2)
                if len(results) == 1
                else "[\n" + ",\n".join(result.model_dump_json(indent=2) for result in results) + "\n]"
            )
        else:
            rendered = "\n\n".join(render_crosscheck(result) for result in results)
        _emit(rendered + "\n", output)


def _render_check(result: CheckResult, output_format: CheckFormat) -> str:
    from provenance.render.check_text import render_check_text
    from provenance.render.github import render_github
    from provenance.render.junit import render_junit
    from provenance.render.sarif import render_sarif

    if output_format is CheckFormat.JSON:
        return result.model_dump_json(indent=2)
    if output_format is CheckFormat.SARIF:
        return render_sarif(result, __version__)
    if output_format is CheckFormat.GITHUB:
        return render_github(result)
    if output_format is CheckFormat.JUNIT:
        return render_junit(result)
    return render_check_text(result)


CheckCallbacks: TypeAlias = "tuple[Callable[[int], None] | None, Callable[[FileReport], None] | None]"


def _progress_wanted(quiet: bool, stream: TextIO) -> bool:
    """Show progress only to a person: on a terminal, and not when asked to be quiet."""
    return not quiet and stream.isatty()


@contextmanager
def _check_progress(enabled: bool) -> Iterator[CheckCallbacks]:
    """Show a progress bar on stderr while files are checked, when stderr is a terminal."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    if not enabled:
        yield None, None
        return
    with Progress(
        TextColumn("checking"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as progress:
        task = progress.add_task("check", total=None)
        yield (lambda total: progress.update(task, total=total)), (lambda _: progress.advance(task))


def _append_step_summary(markdown: str) -> None:
    """Append the job summary to ``$GITHUB_STEP_SUMMARY`` when running in GitHub Actions."""
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if not summary:
        return
    try:
        with open(summary, "a", encoding="utf-8") as stream:
            stream.write(markdown)
    except OSError as exc:
        typer.echo(f"warning: cannot write the job summary to {summary}: {exc.strerror or exc}", err=True)


# --- batch -----------------------------------------------------------------------------------------------


class BatchEngine(StrEnum):
    """Where ``provenance batch`` runs."""

    LOCAL = "local"
    SPARK = "spark"


@app.command("batch")
def batch_command(
    targets: Annotated[
        list[str], typer.Argument(help="Folders, globs ('archive/**/*.md') and article files to score.")
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="Dataset folder to write the tables into.")],
    resume: Annotated[
        bool, typer.Option("--resume", help="Keep the parts an interrupted run into OUTPUT finished.")
    ] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Local engine: N worker processes.")] = 1,
    engine: Annotated[
        BatchEngine, typer.Option("--engine", help="Run here or on Spark.")
    ] = BatchEngine.LOCAL,
    master: Annotated[
        str, typer.Option("--master", help="Spark master URL: local[4], spark://HOST:7077, yarn, k8s://…")
    ] = "local[*]",
    part_size: Annotated[
        int | None, typer.Option("--part-size", min=1, help="Articles per part file (default 500).")
    ] = None,
    config_file: ConfigOption = None,
    output_format: Annotated[
        TextOrJson, typer.Option("--format", "-f", help="Summary format.")
    ] = TextOrJson.TEXT,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress display.")] = False,
    encoding: Annotated[str, typer.Option(help="Text encoding of the input files.")] = "utf-8",
) -> None:
    """Score an archive into Parquet tables (articles, claims, sources, findings) for DuckDB or Spark."""
    from provenance.batch import Engine, batch_records, run_batch

    with _reporting_errors():
        config = config_for(Path.cwd() / "-", config_file)
        records = batch_records(targets)
        sizing = {"part_size": part_size} if part_size is not None else {}
        with _rate_progress(len(records), _progress_wanted(quiet, sys.stderr)) as advance:
            summary = run_batch(
                records,
                output,
                config,
                engine=Engine(engine.value),
                master=master,
                jobs=jobs,
                resume=resume,
                encoding=encoding,
                on_progress=advance,
                **sizing,
            )
        if output_format is TextOrJson.JSON:
            _print(summary.model_dump_json(indent=2))
        else:
            rows = ", ".join(f"{name} {count:,}" for name, count in summary.rows.items())
            kept = (
                f" ({summary.resumed_parts} parts kept from the earlier run)" if summary.resumed_parts else ""
            )
            scored = summary.articles - summary.errors
            _print(f"scored {scored:,} of {summary.articles:,} articles into {output}{kept}")
            _print(f"rows: {rows}")
        if summary.errors:
            _name_failures(output, summary.errors)
    if summary.errors:
        raise typer.Exit(int(ExitStatus.INPUT))


FAILURES_SHOWN = 5


def _name_failures(output: Path, count: int) -> None:
    """Name the first failed articles on stderr, one line each, and where the rest are."""
    from provenance.batch import read_dataset
    from provenance.render.controls import show_controls_in_line

    failures = read_dataset(output, only={"errors"})["errors"].to_pylist()
    for failure in failures[:FAILURES_SHOWN]:
        typer.echo(show_controls_in_line(failure["message"]), err=True)  # the error's own line, code and file
    more = f", {count - FAILURES_SHOWN:,} more not shown" if count > FAILURES_SHOWN else ""
    typer.echo(f"{count:,} articles failed{more}: every failure is a row of {output / 'errors'}", err=True)


@contextmanager
def _rate_progress(total: int, enabled: bool) -> Iterator[Callable[[int], None]]:
    """Show a bar with the rate and time left on stderr when it is a terminal (the advance takes a count)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    if not enabled:
        yield lambda count: None
        return

    with Progress(
        TextColumn("scoring"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as progress:
        task = progress.add_task("batch", total=total, rate="")

        def advance(count: int) -> None:
            progress.advance(task, count)
            speed = progress.tasks[task].speed
            progress.update(task, rate=f"{speed:,.0f} articles/s" if speed else "")

        yield advance


def _warn(warnings: list[str]) -> None:
    """Print each warning as one line on standard error."""
    for warning in warnings:
        typer.echo(f"warning: {warning}", err=True)


# --- report ----------------------------------------------------------------------------------------------


@app.command()
def report(
    target: Annotated[
        str, typer.Argument(help="An article file or URL; with --output-dir, a folder of articles.")
    ],
    corpus: Annotated[
        str | None,
        typer.Option("--corpus", "-c", help="Corpus folder or index: adds each claim's corroboration."),
    ] = None,
    report_format: Annotated[ReportFormat, typer.Option("--format", "-f", help="Report format.")] = (
        ReportFormat.TEXT
    ),
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to FILE (atomically).")
    ] = None,
    output_dir: Annotated[
        Path | None,
        typer.Option("--output-dir", help="Batch: one report per article under TARGET, and an index page."),
    ] = None,
    config_file: ConfigOption = None,
    encoding: Annotated[str, typer.Option(help="Text encoding of the input files.")] = "utf-8",
) -> None:
    """Report on an article: score, claims and chains, attribution graph, sources, highlighted text."""
    from provenance.render.index import index_name

    if output_dir is not None and output is not None:
        raise typer.BadParameter("--output is for one article; a batch writes into --output-dir")
    with _reporting_errors():
        if output_dir is None and is_folder(target):
            raise ConfigError(target, "is a folder: add --output-dir DIR to report on each article")
        files = report_sources(target, output_dir) if output_dir is not None else []
        with open_corpus(corpus) as corpus_index:
            _warn(corpus_skip_warnings(corpus_index))
            if output_dir is None:
                config = config_for(target, config_file)
                scored = score_path(target, config, encoding=encoding, corpus=corpus_index)
                rendered = render_report(scored, report_format)
                _emit(rendered, output)
                return
            with _progress(len(files), "reporting") as advance:
                entries = report_batch(
                    files,
                    target,
                    output_dir,
                    report_format,
                    corpus=corpus_index,
                    config_file=config_file,
                    encoding=encoding,
                    on_done=advance,
                )
    failures = [entry for entry in entries if entry.error]
    index = output_dir / index_name(report_format)
    _print(f"reported on {len(entries) - len(failures)} of {len(entries)} articles; index: {index}")
    for failure in failures:
        typer.echo(f"failed: {failure.error}", err=True)
    if failures:
        raise typer.Exit(int(ExitStatus.INPUT))


class _Terminated(KeyboardInterrupt):
    """SIGTERM raised where the program is, so it unwinds as from Ctrl-C: no temporary file, no queued job."""


def _terminate(signum: int, frame: FrameType | None) -> None:
    """Stop on the first SIGTERM; ignore the next ones so that they cannot cut the cleanup short."""
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise _Terminated


def main() -> None:
    """Console-script entry point: freeze what the imports made, then run the command.

    SIGTERM stops a run as Ctrl-C does, with the exit status 143 instead of 130.
    """
    freeze_imports()
    signal.signal(signal.SIGTERM, _terminate)
    try:
        app()
    except _Terminated:  # between commands' own handling, e.g. while exiting
        sys.exit(ExitStatus.TERMINATED)
    except SystemExit as stop:  # Ctrl-C's 130, unless our handler ran (it leaves SIGTERM ignored)
        if stop.code == ExitStatus.INTERRUPTED and signal.getsignal(signal.SIGTERM) is signal.SIG_IGN:
            sys.exit(ExitStatus.TERMINATED)
        raise


if __name__ == "__main__":
    main()


__all__ = ["ExitStatus", "app", "main"]
