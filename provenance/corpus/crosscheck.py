"""Building and loading corpora, and cross-checking analysed articles against one.

For every claim of an article the index returns the corpus claim units that
match one of its units; each match is then sorted into one of three answers:

* a **contradiction** when the two report the same event and disagree on an
  asserted value (``contradiction``);
* **dependent** when it rests on the same upstream as the claim itself (the
  wire report the claim relays, the agency whose copy the article runs, or the
  checked article's own outlet, which a corpus article may relay), or on the
  same upstream as a stronger match already counted — outlets relaying one
  agency report count once;
* **independent** otherwise: one per distinct upstream.

A corpus article that repeats several of the checked article's claims near
verbatim is a copy of the same report (wire copy whose credit was dropped):
its matches are dependent, on "shared copy".

A match from an article dated more than ``DATE_WINDOW_DAYS`` away from the
checked article is a report of another event ("wins the primary" months
apart) and is left out, when both dates are known. When either date is
unknown no window can tell two events of one kind apart (one player's arrest
for drunk driving and a team-mate's a month later), so the match must score
``UNDATED_SCORE`` and the two may not name different people (nor one a
person the other calls "he"): near-verbatim wording about the same people
shows one report, a paraphrase or the same wording about someone else does not. Two outlets quoting one
named source corroborate that the statement was made, not the fact, and the
match says so.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from rapidfuzz import fuzz

from provenance.corpus.contradiction import value_conflict
from provenance.corpus.features import claim_text
from provenance.corpus.independence import (
    Upstream,
    agency_upstream,
    article_publisher,
    article_wire,
    claim_chain,
    claim_upstreams,
    relayed_upstreams,
    upstream_key,
)
from provenance.corpus.index import (
    DEFAULT_INDEX_NAME,
    CandidateClaim,
    CorpusIndex,
    IndexedArticle,
    corpus_files,
    indexed_claims,
    match_rank,
    text_digest,
)
from provenance.corpus.match import MATCH_THRESHOLD
from provenance.corpus.units import claim_core, claim_units, rival_names
from provenance.errors import InputError
from provenance.extract import analyze
from provenance.files import PathKind, is_regular_file, kind_of
from provenance.ingest import read_article
from provenance.ingest.manifest import is_manifest, iter_manifest, load_article
from provenance.models import (
    AnalysisResult,
    Article,
    Claim,
    ClaimCrossCheck,
    CorpusMatch,
    CrossCheckResult,
    MatchRelation,
)

__all__ = ["DATE_WINDOW_DAYS", "UNDATED_SCORE", "build_index", "crosscheck", "crosscheck_many", "load_corpus"]

DATE_WINDOW_DAYS = 30
"""Articles further apart than this (both dates known) report different events, not one."""

UNDATED_SCORE = 90.0
"""Match score a match (or contradiction) needs when the checked or the corpus article has no date.

On the ECB+ dev articles every match between two different events of one
kind had an undated side; of the matches with an undated side scoring under
90, one in five (150/731) linked different events, of those at 90 or more one
in fifteen (38/561).
"""

COPY_SCORE = 95.0
"""Match score at and above which a claim is taken as repeated near verbatim."""

COPY_MIN_CLAIMS = 3
"""Near-verbatim claims two articles must share to be copies of one report."""

VERBATIM_WORDS = 10
"""Words a sentence two articles print letter for letter must have to show that one text is behind both."""

VERBATIM_RATIO = 95.0
"""rapidfuzz ``ratio`` of two sentences as printed (case, spacing folded) that counts as letter for letter."""

SHARED_COPY = Upstream("shared copy", "shared copy (near-verbatim text; agency not credited)")

STATEMENT_NOTE = "both rest on {name}'s statement: this corroborates that it was said, not that it is true"


def build_index(
    source: str | Path, output: str | Path | None = None, path_template: str | None = None
) -> CorpusIndex:
    """Analyse every article of a folder or a manifest (JSONL, CSV/TSV, Parquet) and index its claims.

    A manifest gives each article its outlet, date and wire agency (see
    ``ingest.manifest``); a folder's articles carry what their front matter
    says. With ``output`` the index is written there atomically and the
    returned index is the in-memory copy. Unreadable articles do not stop the
    build: they are listed in ``CorpusIndex.skipped`` with the reason.
    """
    root = Path(source)
    if not is_manifest(root):
        _require_folder(root)
    index = CorpusIndex.create()
    for key, size, mtime_ns, loaded, wire in _corpus_articles(root, path_template):
        if isinstance(loaded, InputError):
            index.skip(key, loaded.problem, size, mtime_ns)
            continue
        analysis = analyze(loaded)
        index.add(
            IndexedArticle(
                key=key,
                digest=text_digest(loaded.text),
                title=loaded.title,
                outlet=loaded.outlet,
                date=loaded.date.isoformat() if loaded.date else None,
                url=loaded.url,
                wire=wire,
                size=size,
                mtime_ns=mtime_ns,
            ),
            indexed_claims(analysis, wire),
        )
    index.commit()
    index.location = str(source)
    if output is not None:
        index.save(output)
    return index


def _corpus_articles(
    root: Path, path_template: str | None
) -> Iterator[tuple[str, int | None, int | None, Article | InputError, str | None]]:
    """Yield each article of a folder or manifest with its key, file stamp and wire agency (or its error)."""
    if not is_manifest(root):
        for path in corpus_files(root):
            key = path.relative_to(root).as_posix()
            try:
                stat = path.stat()
            except OSError as exc:
                yield key, None, None, InputError(key, f"cannot read file ({exc.strerror or exc})"), None
                continue
            try:
                article: Article | InputError = read_article(path)
            except InputError as error:
                article = error
            yield key, stat.st_size, stat.st_mtime_ns, article, None
        return
    for row in iter_manifest(root, path_template=path_template):
        try:
            article = load_article(row)
        except InputError as error:
            article = error
        yield row.id, None, None, article, row.wire


def load_corpus(path: str | Path) -> CorpusIndex:
    """Open a corpus: an index file as is, a manifest or a folder through its current index or a fresh one.

    A folder's own index (``DEFAULT_INDEX_NAME`` inside it) is reused only while
    it lists exactly the folder's article files at their indexed size and
    modification time (and was written by this version of the index format);
    otherwise the folder is indexed again in memory, so a stale index never
    hides an edit. A manifest is indexed in memory.
    """
    location = Path(path)
    if is_manifest(location):
        return build_index(location)
    if kind_of(location) in {PathKind.FOLDER, PathKind.UNREADABLE}:
        _require_folder(location)
        saved = location / DEFAULT_INDEX_NAME
        if is_regular_file(saved):
            with contextlib.suppress(InputError):
                index = CorpusIndex.open(saved)
                if index.manifest() == _folder_manifest(location):
                    return index
                index.close()
        return build_index(location)
    if kind_of(location) is PathKind.MISSING:
        raise InputError(str(path), "no such corpus folder, manifest or index file")
    return CorpusIndex.open(location)


def _require_folder(folder: Path) -> None:
    """Refuse what is not a folder, or a folder whose list of files cannot be read."""
    if kind_of(folder) not in {PathKind.FOLDER, PathKind.UNREADABLE}:
        raise InputError(str(folder), "not a folder of articles")
    try:
        os.listdir(folder)
    except OSError as exc:
        raise InputError(str(folder), f"cannot read folder ({exc.strerror or exc})") from None


def _folder_manifest(folder: Path) -> dict[str, tuple[int | None, int | None]]:
    manifest: dict[str, tuple[int | None, int | None]] = {}
    for path in corpus_files(folder):
        try:
            stat = path.stat()
        except OSError:
            manifest[path.relative_to(folder).as_posix()] = (None, None)
            continue
        manifest[path.relative_to(folder).as_posix()] = (stat.st_size, stat.st_mtime_ns)
    return manifest


def crosscheck_many(
    analyses: Iterable[AnalysisResult],
    corpus: CorpusIndex,
    threshold: float = MATCH_THRESHOLD,
    window_days: int | None = DATE_WINDOW_DAYS,
    undated_score: float | None = UNDATED_SCORE,
) -> list[CrossCheckResult]:
    """Cross-check several analysed articles against one corpus, in order."""
    return [
        crosscheck(analysis, corpus, threshold, window_days=window_days, undated_score=undated_score)
        for analysis in analyses
    ]


def crosscheck(
    analysis: AnalysisResult,
    corpus: CorpusIndex,
    threshold: float = MATCH_THRESHOLD,
    wire: str | None = None,
    window_days: int | None = DATE_WINDOW_DAYS,
    undated_score: float | None = UNDATED_SCORE,
) -> CrossCheckResult:
    """Find, for each claim, independent and dependent corroborations and contradictions in ``corpus``.

    ``wire`` names the agency whose copy the article runs, when known from
    outside the text (a manifest); ``window_days=None`` matches across any
    dates; ``undated_score`` is the score a match with an undated side needs
    (``None``: the match threshold, as for dated ones).
    """
    own_digest = text_digest(analysis.article.text)
    checks: list[ClaimCrossCheck] = []
    upstreams = claim_upstreams(analysis, wire)
    publisher = article_publisher(analysis)
    agency = article_wire(analysis, wire)
    found = {
        claim.id: _claim_matches(
            analysis, claim, corpus, threshold, own_digest, DateWindow(window_days, undated_score)
        )
        for claim in analysis.claims
    }
    copies = _copies(found)
    for claim in analysis.claims:
        own = upstreams[claim.id]
        shared_with_claim = {own.key: own, publisher.key: publisher}
        if agency is not None:
            shared_with_claim.setdefault(agency.key, agency)
        for upstream in relayed_upstreams(claim_chain(analysis, claim)):
            shared_with_claim.setdefault(upstream.key, upstream)
        counted: dict[str, Upstream] = {}
        independent: list[CorpusMatch] = []
        dependent: list[CorpusMatch] = []
        contradictions: list[CorpusMatch] = []
        for candidate in _origin_first(found[claim.id]):
            stored = candidate.claim
            verdict = candidate.verdict
            if verdict is not None and verdict.contradiction is not None:
                shared = shared_with_claim.get(stored.upstream_key)
                contradictions.append(
                    _match(candidate, MatchRelation.CONTRADICTS, shared, verdict.contradiction)
                )
            elif stored.upstream_key in shared_with_claim:
                dependent.append(_dependent(candidate, shared_with_claim[stored.upstream_key]))
            elif candidate.article.key in copies or _verbatim(claim.text, stored.sentence):
                copied = agency_upstream(stored.upstream_name) or SHARED_COPY
                dependent.append(_match(candidate, MatchRelation.CORROBORATES, copied))
            elif stored.upstream_key in counted:
                dependent.append(_dependent(candidate, counted[stored.upstream_key]))
            else:
                counted[stored.upstream_key] = Upstream(stored.upstream_key, stored.upstream_name)
                independent.append(_match(candidate, MatchRelation.CORROBORATES))
        checks.append(
            ClaimCrossCheck(
                claim_id=claim.id,
                claim=claim.text,
                independent=independent,
                dependent=dependent,
                contradictions=contradictions,
            )
        )
    return CrossCheckResult(
        corpus=corpus.location,
        article=analysis.article.path or analysis.article.title,
        claims=checks,
        articles=corpus.article_count,
        threshold=threshold,
        undated_score=undated_score if analysis.article.date is None and window_days is not None else None,
    )


def _copies(found: dict[str, list[CandidateClaim]]) -> set[str]:
    """Name the corpus articles that share the checked article's text: copies of one upstream report.

    Wire copy often runs without its credit line; an article that repeats
    ``COPY_MIN_CLAIMS`` or more of the checked article's claims near verbatim
    (score ``COPY_SCORE`` or more) rests on the same report, whoever wrote it.
    """
    verbatim: dict[str, int] = {}
    for candidates in found.values():
        for candidate in candidates:
            if candidate.similarity >= COPY_SCORE:
                verbatim[candidate.article.key] = verbatim.get(candidate.article.key, 0) + 1
    return {key for key, count in verbatim.items() if count >= COPY_MIN_CLAIMS}


def _verbatim(ours: str, theirs: str) -> bool:
    """Tell a sentence two articles print letter for letter: one copied text (wire copy), not two reports.

    Two reporters rarely write the same ten-word sentence; a shorter one
    ("The game starts at 7 p.m.") can be a coincidence.
    """
    folded = " ".join(ours.casefold().split())
    if len(folded.split()) < VERBATIM_WORDS:
        return False
    return fuzz.ratio(folded, " ".join(theirs.casefold().split()), score_cutoff=VERBATIM_RATIO) > 0


@dataclass(frozen=True, slots=True)
class DateWindow:
    """How far apart two reports of one event can be dated, and what an undated one must score."""

    days: int | None
    undated_score: float | None

    def admits(self, own: dt.date | None, unit: str, candidate: CandidateClaim) -> bool:
        """Tell whether a match can report the event of the checked claim unit (its article dated ``own``)."""
        if self.days is None:
            return True
        other = candidate.article.date
        if own is not None and other:
            with contextlib.suppress(ValueError):
                return abs((dt.date.fromisoformat(other) - own).days) <= self.days
        if self.undated_score is None:
            return True
        return candidate.similarity >= self.undated_score and not rival_names(unit, candidate.claim.unit)


def _claim_matches(
    analysis: AnalysisResult,
    claim: Claim,
    corpus: CorpusIndex,
    threshold: float,
    own_digest: str,
    window: DateWindow,
) -> list[CandidateClaim]:
    """Keep the best matching unit per corpus article over all of a claim's units, within the date window."""
    best: dict[str, CandidateClaim] = {}
    core = claim_core(analysis, claim)
    for unit in claim_units(analysis, claim):
        for candidate in corpus.matches(unit, threshold, exclude_digest=own_digest, read=claim_text(unit)):
            if not window.admits(analysis.article.date, unit, candidate):
                continue
            candidate = _whole_claim_conflict(core, candidate)
            held = best.get(candidate.article.key)
            if held is None or match_rank(candidate) < match_rank(held):
                best[candidate.article.key] = candidate
    return list(best.values())


def _whole_claim_conflict(core: str, candidate: CandidateClaim) -> CandidateClaim:
    """Check a unit's match against the whole claim: a split-off part may hold the figure they disagree on."""
    verdict = candidate.verdict
    if verdict is None or verdict.contradiction is not None or not verdict.same_claim:
        return candidate
    conflict = value_conflict(core, candidate.claim.unit)
    if conflict is None:
        return candidate
    return replace(candidate, verdict=verdict.model_copy(update={"contradiction": conflict}))


def _origin_first(candidates: list[CandidateClaim]) -> list[CandidateClaim]:
    """Order matches so each upstream group is represented by its own report when present.

    The agency's own article stands for the group rather than whichever relay
    happens to score highest; within that, the best similarity comes first.
    """
    return sorted(
        candidates,
        key=lambda candidate: (
            upstream_key(candidate.article.outlet or "") != candidate.claim.upstream_key,
            -candidate.similarity,
            candidate.article.key,
        ),
    )


def _dependent(candidate: CandidateClaim, upstream: Upstream) -> CorpusMatch:
    note = STATEMENT_NOTE.format(name=upstream.name) if candidate.claim.statement else None
    return _match(candidate, MatchRelation.CORROBORATES, upstream, note)


def _match(
    candidate: CandidateClaim,
    relation: MatchRelation,
    upstream: Upstream | None = None,
    reason: str | None = None,
) -> CorpusMatch:
    return CorpusMatch(
        article_id=candidate.article.key,
        article_title=candidate.article.title,
        outlet=candidate.article.outlet,
        sentence=candidate.claim.sentence,
        similarity=round(candidate.similarity, 1),
        relation=relation,
        chain=candidate.claim.chain,
        upstream=upstream.name if upstream is not None else None,
        reason=reason,
    )
