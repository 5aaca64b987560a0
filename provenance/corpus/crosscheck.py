"""Building and loading corpora, and cross-checking an analysed article against one.

For every claim of the article the index returns the corpus claims that match
it; each match is then sorted into one of three answers:

* a **contradiction** when the matched pair disagrees on a number or a negation;
* **dependent** when it rests on the same upstream as the claim itself (the
  wire report the claim relays, or the checked article's own outlet, which a
  corpus article may relay), or on the same upstream as a stronger match
  already counted — outlets relaying one agency report count once;
* **independent** otherwise: one per distinct upstream.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from provenance.corpus.independence import (
    article_publisher,
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
    claim_core,
    corpus_files,
    indexed_claims,
    text_digest,
)
from provenance.corpus.match import MATCH_THRESHOLD, contradiction
from provenance.corpus.normalize import normalise
from provenance.errors import InputError
from provenance.extract import analyze
from provenance.files import PathKind, is_regular_file, kind_of
from provenance.ingest import read_article
from provenance.models import (
    AnalysisResult,
    ClaimCrossCheck,
    CorpusMatch,
    CrossCheckResult,
    MatchRelation,
)

__all__ = ["build_index", "crosscheck", "load_corpus"]


def build_index(folder: str | Path, output: str | Path | None = None) -> CorpusIndex:
    """Analyse every article under ``folder`` and index its claims.

    With ``output`` the index is written there atomically and the returned index
    is the in-memory copy. Unreadable files do not stop the build: they are
    listed in ``CorpusIndex.skipped`` with the reason.
    """
    root = Path(folder)
    _require_folder(root)
    index = CorpusIndex.create()
    for path in corpus_files(root):
        key = path.relative_to(root).as_posix()
        try:
            stat = path.stat()
        except OSError as exc:
            index.skip(key, f"cannot read file ({exc.strerror or exc})")
            continue
        try:
            article = read_article(path)
        except InputError as error:
            index.skip(key, error.problem, stat.st_size, stat.st_mtime_ns)
            continue
        analysis = analyze(article)
        index.add(
            IndexedArticle(
                key=key,
                digest=text_digest(article.text),
                title=article.title,
                outlet=article.outlet,
                date=article.date.isoformat() if article.date else None,
                url=article.url,
                size=stat.st_size,
                mtime_ns=stat.st_mtime_ns,
            ),
            indexed_claims(analysis),
        )
    index.commit()
    index.location = str(folder)
    if output is not None:
        index.save(output)
    return index


def load_corpus(path: str | Path) -> CorpusIndex:
    """Open a corpus: an index file as is, or a folder through its current index or a fresh one.

    A folder's own index (``DEFAULT_INDEX_NAME`` inside it) is reused only while
    it lists exactly the folder's article files at their indexed size and
    modification time (and was written by this version of the index format);
    otherwise the folder is indexed again in memory, so a stale index never
    hides an edit.
    """
    location = Path(path)
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
        raise InputError(str(path), "no such corpus folder or index file")
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


def crosscheck(
    analysis: AnalysisResult, corpus: CorpusIndex, threshold: float = MATCH_THRESHOLD
) -> CrossCheckResult:
    """Find, for each claim, independent and dependent corroborations and contradictions in ``corpus``."""
    own_digest = text_digest(analysis.article.text)
    checks: list[ClaimCrossCheck] = []
    upstreams = claim_upstreams(analysis)
    publisher = article_publisher(analysis)
    for claim in analysis.claims:
        normal = normalise(claim_core(analysis, claim))
        own = upstreams[claim.id]
        shared_with_claim = {own.key: own.name, publisher.key: publisher.name}
        for upstream in relayed_upstreams(claim_chain(analysis, claim)):
            shared_with_claim.setdefault(upstream.key, upstream.name)
        counted: dict[str, str] = {}
        independent: list[CorpusMatch] = []
        dependent: list[CorpusMatch] = []
        contradictions: list[CorpusMatch] = []
        for candidate in _origin_first(corpus.matches(normal, threshold, exclude_digest=own_digest)):
            stored = candidate.claim
            reason = contradiction(normal, stored.normal)
            if reason is not None:
                shared = shared_with_claim.get(stored.upstream_key)
                contradictions.append(_match(candidate, MatchRelation.CONTRADICTS, shared, reason))
            elif stored.upstream_key in shared_with_claim:
                shared = shared_with_claim[stored.upstream_key]
                dependent.append(_match(candidate, MatchRelation.CORROBORATES, shared))
            elif stored.upstream_key in counted:
                shared = counted[stored.upstream_key]
                dependent.append(_match(candidate, MatchRelation.CORROBORATES, shared))
            else:
                counted[stored.upstream_key] = stored.upstream_name
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
    )


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


def _match(
    candidate: CandidateClaim, relation: MatchRelation, upstream: str | None = None, reason: str | None = None
) -> CorpusMatch:
    return CorpusMatch(
        article_id=candidate.article.key,
        article_title=candidate.article.title,
        outlet=candidate.article.outlet,
        sentence=candidate.claim.sentence,
        similarity=round(candidate.similarity, 1),
        relation=relation,
        chain=candidate.claim.chain,
        upstream=upstream,
        reason=reason,
    )
