"""The library's entry points: one function per job, each returning a pydantic model.

These functions are the edge between the pure core and the outside world: they
accept article targets (paths, and URLs once fetching lands) and leave rendering
and exit codes to the caller.
"""

from __future__ import annotations

import hashlib
import re
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, AsyncExitStack, contextmanager, nullcontext
from contextvars import ContextVar
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING

from provenance.config import Config, config_for
from provenance.errors import ConfigError, InputError, ProvenanceError
from provenance.extract import analyze as analyze_article
from provenance.files import PathKind, is_folder, kind_of, read_regular_file, real_path
from provenance.ingest import decode, parse_article, read_article
from provenance.ingest.formats import article_to_markdown
from provenance.models import (
    AnalysisResult,
    Article,
    CorpusIndexSummary,
    CrossCheckResult,
    FetchOutcome,
    FetchReport,
    ScoreReport,
    SkippedFile,
)
from provenance.outputs import write_atomic

if TYPE_CHECKING:
    import httpx

    from provenance.check import Baseline, CheckResult, FileReport
    from provenance.corpus import CorpusIndex
    from provenance.evaluation import EvaluationReport, SourceTypeReport
    from provenance.ingest.fetch import FetchOptions
    from provenance.render.index import IndexEntry
    from provenance.render.report import ReportFormat
    from provenance.scoring import Rule, RulePack

# The fetching, cross-checking, check, evaluation, rendering and scoring layers are imported by the
# functions that use them, so that a command needing none of them (``provenance analyze``) starts in
# half the time.

_FETCH_OPTIONS: ContextVar[FetchOptions | None] = ContextVar("provenance_fetch_options", default=None)


@contextmanager
def fetch_settings(options: FetchOptions) -> Iterator[None]:
    """Fetch URLs read inside the block under ``options`` (how ``--allow-private`` reaches every command)."""
    token = _FETCH_OPTIONS.set(options)
    try:
        yield
    finally:
        _FETCH_OPTIONS.reset(token)


def load_article(
    target: str | Path,
    encoding: str = "utf-8",
    *,
    options: FetchOptions | None = None,
    client: httpx.Client | None = None,
) -> Article:
    """Load an article from a file path or an http(s) URL (every command reads its inputs through here).

    URLs are fetched under ``options``, else the ones set by ``fetch_settings``,
    else the safe defaults (public addresses only, the on-disk cache).
    """
    if not (isinstance(target, str) and "://" in target):
        return read_article(target, encoding=encoding)
    from provenance.ingest.fetch import FetchOptions, fetch_article, is_url, make_client

    if not is_url(target):
        return read_article(target, encoding=encoding)
    settings = options or _FETCH_OPTIONS.get() or FetchOptions()
    if client is not None:
        return fetch_article(str(target), client, settings)
    with make_client(settings) as owned:
        return fetch_article(str(target), owned, settings)


def analyze_path(target: str | Path, encoding: str = "utf-8") -> AnalysisResult:
    """Load the article at ``target`` and extract its claims and attribution chains."""
    return analyze_article(load_article(target, encoding=encoding))


ArticleInput = Article | str | Path
"""What ``analyze`` and ``score`` read: an ``Article``, a file path or URL, or the text of an article."""

_MAX_PATH_LENGTH = 4096


def as_article(target: ArticleInput, encoding: str = "utf-8") -> Article:
    """Read ``target`` as an article: an ``Article`` as it is, a path or URL from its file, else as text.

    A one-line string is a path when it names a file or ends like an article
    file (``.txt``, ``.md``, ``.html``…), so a mistyped file name is reported
    as missing instead of being analysed as a one-sentence article.
    """
    if isinstance(target, Article):
        return target
    if isinstance(target, Path) or (isinstance(target, str) and _names_a_file(target)):
        return load_article(target, encoding=encoding)
    if isinstance(target, str):
        return parse_article(target)
    raise TypeError(
        f"expected an Article, a path or the text of an article, not {type(target).__name__}"
        + (" (decode bytes first, or pass the file's path)" if isinstance(target, bytes | bytearray) else "")
    )


def _names_a_file(text: str) -> bool:
    from provenance.corpus.index import ARTICLE_SUFFIXES
    from provenance.ingest.fetch import is_url

    if is_url(text):
        return True
    if "\n" in text or len(text) > _MAX_PATH_LENGTH:
        return False
    candidate = Path(text.strip())
    try:
        return candidate.suffix.lower() in ARTICLE_SUFFIXES or candidate.is_file()
    except (OSError, ValueError):
        return False


def analyze(target: ArticleInput, encoding: str = "utf-8") -> AnalysisResult:
    """Extract the claims and attribution chains of an article, a file or URL, or the text of an article."""
    return analyze_article(as_article(target, encoding))


def score(
    target: AnalysisResult | ArticleInput,
    config: Config | None = None,
    crosscheck: CrossCheckResult | None = None,
    pack: RulePack | None = None,
) -> ScoreReport:
    """Score an analysis (or anything ``analyze`` takes, analysed first).

    Without ``config`` the command line's choice applies: the nearest config
    file of the article's file (the working directory's for a URL), or the
    defaults for an article that has no file.
    """
    if config is not None and not isinstance(config, Config):
        raise TypeError(
            f"config must be a Config (provenance.load_config(path) reads one), not {type(config).__name__}"
        )
    if not isinstance(target, AnalysisResult | Article | str | Path):
        raise TypeError(
            "expected an AnalysisResult, an Article, a path or the text of an article, "
            f"not {type(target).__name__}"
        )
    from provenance.ingest.fetch import is_url
    from provenance.scoring import score as score_analysis

    analysis = target if isinstance(target, AnalysisResult) else analyze(target)
    if config is None:
        path = analysis.article.path
        config = config_for(path) if path is not None and (is_url(path) or Path(path).exists()) else Config()
    return score_analysis(analysis, config, crosscheck, pack=pack)


def fetch_markdown(
    target: str, *, options: FetchOptions | None = None, client: httpx.Client | None = None
) -> str:
    """Fetch (or read) an article and give it back as Markdown with front matter, for offline use."""
    return article_to_markdown(load_article(target, options=options, client=client))


MAX_URL_LIST_BYTES = 1024 * 1024
"""A ``--from`` list of at most 1 MiB: some 10,000 URLs, far more than one batch should fetch."""

URL_LINE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://\S+")


def read_url_list(path: str | Path) -> list[str]:
    """Read the URLs of a ``--from`` file: one per line, skipping blank lines and ``#`` comments.

    A file that is too large, or a line that is no URL (an article given by
    mistake), is one error naming the file, not one failed fetch per line.
    """
    where = str(path)
    try:
        data = read_regular_file(path, MAX_URL_LIST_BYTES, "URL list")
    except InputError as error:
        raise InputError(where, f"cannot read URL list: {error.problem}") from None
    urls: list[str] = []
    for number, line in enumerate(decode(data, where).splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if not URL_LINE.fullmatch(line):
            shown = line if len(line) <= 60 else line[:57] + "..."
            raise InputError(f"{where}:{number}", f"not a URL: {shown!r} (the list takes one URL per line)")
        urls.append(line)
    if not urls:
        raise InputError(where, "the URL list has no URLs")
    return urls


def fetch_batch(
    urls: list[str],
    output_dir: str | Path,
    *,
    options: FetchOptions | None = None,
    per_host: int = 2,
    on_done: Callable[[FetchOutcome], None] | None = None,
    client: httpx.AsyncClient | None = None,
) -> FetchReport:
    """Fetch every URL concurrently into ``output_dir`` as Markdown; a failure never stops the batch.

    Runs its own event loop; async callers use ``fetch_articles_async`` directly.
    """
    import asyncio

    from provenance.ingest.fetch import FetchOptions, fetch_articles_async, make_async_client

    settings = options or _FETCH_OPTIONS.get() or FetchOptions()
    folder = Path(output_dir)
    unique = list(dict.fromkeys(urls))
    outcomes: dict[str, FetchOutcome] = {}

    def record(url: str, result: Article | ProvenanceError) -> None:
        outcome = _save(url, result, folder)
        outcomes[url] = outcome
        if on_done is not None:
            on_done(outcome)

    async def run() -> None:
        async with AsyncExitStack() as stack:
            active = (
                client if client is not None else await stack.enter_async_context(make_async_client(settings))
            )
            await fetch_articles_async(unique, active, settings, per_host=per_host, on_done=record)

    asyncio.run(run())
    return FetchReport(outcomes=[outcomes[url] for url in unique])


def _save(url: str, result: Article | ProvenanceError, folder: Path) -> FetchOutcome:
    if isinstance(result, ProvenanceError):
        return FetchOutcome(url=url, error=result.one_line(), code=result.code)
    target = folder / batch_file_name(url)
    try:
        write_atomic(target, article_to_markdown(result), make_folders=True)
    except ProvenanceError as error:
        return FetchOutcome(url=url, error=error.one_line(), code=error.code)
    return FetchOutcome(url=url, output=str(target), title=result.title)


def batch_file_name(url: str) -> str:
    """Name the file for ``url``: a readable host and path slug plus a short hash (stable, unique)."""
    slug = re.sub(r"[^A-Za-z0-9]+", "-", re.sub(r"^[a-z]+://", "", url, flags=re.IGNORECASE)).strip("-")
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:8]
    return f"{slug[:80].rstrip('-') or 'article'}-{digest}.md"


def evaluate_gold(gold_dir: str | Path, limit: int | None = None) -> EvaluationReport:
    """Measure extraction accuracy on a gold folder (``text/`` + brat ``attributions/``, PolNeAR's layout)."""
    from provenance.evaluation import evaluate_gold_dir

    return evaluate_gold_dir(gold_dir, limit=limit)


def evaluate_sources(gold: str | Path, texts: str | Path) -> SourceTypeReport:
    """Measure source typing and back-reference resolution against hand-labelled source spans."""
    from provenance.evaluation import evaluate_source_types

    return evaluate_source_types(gold, texts)


def score_path(
    target: str | Path,
    config: Config | None = None,
    crosscheck: CrossCheckResult | None = None,
    encoding: str = "utf-8",
    corpus: CorpusIndex | None = None,
) -> ScoreReport:
    """Analyse and score the article at ``target``; without ``config``, the nearest config file applies.

    With ``corpus`` the article is cross-checked against it first, so the
    corroboration and contradiction rules run instead of being skipped.
    """
    from provenance.scoring import score as score_analysis

    active = config if config is not None else config_for(target)
    analysis = analyze_path(target, encoding=encoding)
    if corpus is not None:
        crosscheck = _crosscheck_listing_skips(analysis, corpus)
    return score_analysis(analysis, active, crosscheck)


def explain_rule(rule_id: str, config: Config | None = None) -> Rule:
    """Return the rule with this id from the default pack, the config's extra folders and plugins."""
    from provenance.scoring import load_rule_pack

    active = config if config is not None else Config()
    pack = load_rule_pack(active.rule_folders)
    active.check_rule_ids(pack.ids)
    try:
        return pack.get(rule_id.strip().upper())
    except KeyError:
        raise ConfigError(rule_id, f"no such rule; known rules: {', '.join(pack.ids)}") from None


def check_paths(
    targets: Sequence[Path | str],
    config: Config,
    root: Path | None = None,
    baseline: Baseline | None = None,
    jobs: int = 1,
    encoding: str = "utf-8",
    on_report: Callable[[FileReport], None] | None = None,
    on_selected: Callable[[int], None] | None = None,
    corpus: str | Path | None = None,
) -> CheckResult:
    """Check the files, folders and URLs in ``targets`` against the CI policy: ``provenance check``.

    The default policy (``DEFAULT_FAIL_ON``) fails on every error finding: the
    newsroom rule on anonymous sourcing (one unnamed individual, vague unnamed
    sources) and contradicted claims.
    With ``corpus`` (a folder or an index file) each article is cross-checked
    first, so the corroboration and contradiction rules run too.
    """
    from provenance.check import DEFAULT_FAIL_ON, RuleDescriptor, check_files

    pack = _rule_pack(config.rule_folders)
    active = pack.active(config)
    rules = [RuleDescriptor.model_validate(rule, from_attributes=True) for rule in active]
    with _corpus_for_check(corpus, jobs) as (shared_corpus, corpus_warnings):
        result = check_files(
            targets,
            partial(_score_with_cached_pack, config=config, corpus=shared_corpus),
            rules,
            DEFAULT_FAIL_ON,
            settings=config.check,
            fail_under=config.fail_under,
            root=root,
            baseline=baseline,
            jobs=jobs,
            encoding=encoding,
            loader=load_article,
            on_report=on_report,
            on_selected=on_selected,
            policy_where=config.where("fail-on"),
        )
    warnings = [*pack.load_errors, *corpus_warnings, *result.warnings]
    return result.model_copy(update={"warnings": warnings})


@cache
def _rule_pack(folders: tuple[Path, ...]) -> RulePack:
    """Load a rule pack once per process: worker processes of ``check`` reuse it for every file."""
    from provenance.scoring import load_rule_pack

    return load_rule_pack(folders)


def _score_with_cached_pack(
    analysis: AnalysisResult, config: Config, corpus: CorpusIndex | str | None = None
) -> ScoreReport:
    """Score with the process's cached pack; a picklable scorer (rule packs themselves do not pickle).

    ``corpus`` is an open index in this process, or the path of an index file
    that each worker process opens once.
    """
    from provenance.corpus import crosscheck as crosscheck_analysis
    from provenance.scoring import score as score_analysis

    index = _worker_corpus(corpus) if isinstance(corpus, str) else corpus
    crosscheck = crosscheck_analysis(analysis, index) if index is not None else None
    return score_analysis(analysis, config, crosscheck, pack=_rule_pack(config.rule_folders))


@cache
def _worker_corpus(location: str) -> CorpusIndex:
    """Open a corpus index file once per process, for the life of the process.

    That process is a ``check`` worker, or the main one when a check with
    several jobs has a single file to run.
    """
    from provenance.corpus import CorpusIndex

    return CorpusIndex.open(location)


@contextmanager
def _corpus_for_check(
    corpus: str | Path | None, jobs: int
) -> Iterator[tuple[CorpusIndex | str | None, list[str]]]:
    """Open the corpus for a check: the index itself in one process, an index file for worker processes.

    Workers cannot share an open index, so an index built in memory (a folder
    without a current saved index) is written to a temporary file they open.
    The corpus files the index left out come with it as warnings.
    """
    from provenance.corpus import DEFAULT_INDEX_NAME, load_corpus

    if corpus is None:
        yield None, []
        return
    with load_corpus(corpus) as index:
        warnings = corpus_skip_warnings(index)
        if jobs <= 1:
            yield index, warnings
        elif Path(index.location).is_file():
            yield str(Path(index.location).resolve()), warnings
        else:
            with tempfile.TemporaryDirectory(prefix="provenance-corpus-") as folder:
                saved = Path(folder) / DEFAULT_INDEX_NAME
                index.save(saved)
                yield str(saved), warnings


def corpus_skip_warnings(index: CorpusIndex | None) -> list[str]:
    """One warning per corpus file the index left out, so a check against a corpus never hides a gap in it."""
    if index is None:
        return []
    return [f"corpus {index.location}: skipped {path}: {problem}" for path, problem in index.skipped]


def index_corpus(
    folder: str | Path, output: str | Path | None = None, path_template: str | None = None
) -> CorpusIndexSummary:
    """Analyse every article of a folder or manifest and write the corpus index.

    The index goes inside the folder by default, or beside a manifest
    (``corpus.jsonl`` → ``corpus.jsonl.provenance-index.sqlite``).
    """
    from provenance.corpus import DEFAULT_INDEX_NAME, build_index
    from provenance.ingest.manifest import is_manifest

    source = Path(folder)
    if output is not None:
        destination = Path(output)
    elif is_manifest(source):
        destination = source.with_name(f"{source.name}{DEFAULT_INDEX_NAME}")
    else:
        destination = source / DEFAULT_INDEX_NAME
    with build_index(folder, destination, path_template=path_template) as index:
        return CorpusIndexSummary(
            corpus=str(folder),
            index=str(destination),
            articles=index.article_count,
            claims=index.claim_count,
            skipped=[SkippedFile(path=path, problem=problem) for path, problem in index.skipped],
        )


def open_corpus(corpus: str | Path | None) -> AbstractContextManager[CorpusIndex | None]:
    """Open a corpus folder or index file for several articles, or nothing when none is given."""
    from provenance.corpus import load_corpus

    return load_corpus(corpus) if corpus is not None else nullcontext()


def crosscheck_path(
    target: str | Path,
    corpus: str | Path | CorpusIndex,
    encoding: str = "utf-8",
    threshold: float | None = None,
) -> CrossCheckResult:
    """Cross-check the article at ``target`` against a corpus folder, index file or open index.

    ``threshold`` is the similarity at and above which a sentence matches (``MATCH_THRESHOLD`` unless given).
    """
    from provenance.corpus import MATCH_THRESHOLD, CorpusIndex, load_corpus

    if threshold is None:
        threshold = MATCH_THRESHOLD
    analysis = analyze_path(target, encoding=encoding)
    if isinstance(corpus, CorpusIndex):
        return _crosscheck_listing_skips(analysis, corpus, threshold)
    with load_corpus(corpus) as index:
        return _crosscheck_listing_skips(analysis, index, threshold)


def _crosscheck_listing_skips(
    analysis: AnalysisResult, index: CorpusIndex, threshold: float | None = None
) -> CrossCheckResult:
    """Cross-check ``analysis`` and list the corpus files the index left out, as ``index`` does."""
    from provenance.corpus import MATCH_THRESHOLD
    from provenance.corpus import crosscheck as crosscheck_analysis

    result = crosscheck_analysis(analysis, index, MATCH_THRESHOLD if threshold is None else threshold)
    skipped = [SkippedFile(path=path, problem=problem) for path, problem in index.skipped]
    return result.model_copy(update={"skipped": skipped})


# --- report ----------------------------------------------------------------------------------------------


def report_sources(folder: str | Path, output_dir: str | Path) -> list[Path]:
    """List the articles a batch report reads: the article files under ``folder``, except ``output_dir``.

    A single file is a batch of one. Listing first lets a caller show progress
    against the total before any article is read; reports written into a
    folder inside ``folder`` are never read back as articles.
    """
    from provenance.corpus.index import ARTICLE_SUFFIXES, corpus_files

    root, out = Path(folder), real_path(output_dir)
    kind = kind_of(root)
    if kind is PathKind.MISSING:
        raise InputError(str(root), "no such file or folder")
    if kind is not PathKind.FOLDER:
        return [root]
    found = [path for path in corpus_files(root) if out not in real_path(path).parents]
    if not found:
        raise InputError(str(root), "no article files found (" + ", ".join(sorted(ARTICLE_SUFFIXES)) + ")")
    return found


def report_batch(
    files: list[Path],
    folder: str | Path,
    output_dir: str | Path,
    report_format: ReportFormat,
    *,
    corpus: CorpusIndex | None = None,
    config_file: str | Path | None = None,
    encoding: str = "utf-8",
    on_done: Callable[[IndexEntry], None] | None = None,
) -> list[IndexEntry]:
    """Write one report per article into ``output_dir`` (same relative paths), then the index page.

    With ``corpus`` (opened once by the caller) every article is cross-checked
    against it. An article that cannot be read does not stop the batch: its
    index entry carries the error. Returns the entries in input order.
    """
    from provenance.render.index import IndexEntry, index_name, render_index
    from provenance.render.report import render_report

    root, out = Path(folder), Path(output_dir)
    base = root if is_folder(root) else root.parent
    entries: list[IndexEntry] = []
    taken: set[str] = set()
    for path in files:
        article = path.relative_to(base).as_posix()
        try:
            report = score_path(path, config_for(path, config_file), encoding=encoding, corpus=corpus)
        except InputError as error:
            entry = IndexEntry(article=article, error=error.one_line())
        else:
            name = _report_name(article, report_format, taken)
            write_atomic(out / name, render_report(report, report_format), make_folders=True)
            entry = IndexEntry.of(article, name, report)
        entries.append(entry)
        if on_done is not None:
            on_done(entry)
    write_atomic(out / index_name(report_format), render_index(entries, report_format), make_folders=True)
    return entries


def _report_name(article: str, report_format: ReportFormat, taken: set[str]) -> str:
    """Name a report after its article (``a/b.txt`` → ``a/b.html``); keep the suffix if that collides."""
    from provenance.render.index import index_name

    folder, _, file = article.rpartition("/")
    stem = file.rsplit(".", 1)[0] if "." in file.strip(".") else file
    name = f"{folder}/{stem}" if folder else stem
    name += report_format.suffix
    if name in taken or name == index_name(report_format):
        name = article + report_format.suffix
    taken.add(name)
    return name
