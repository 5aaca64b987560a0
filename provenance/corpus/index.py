"""The corpus index: analysed claim units in SQLite, with an FTS5 candidate pre-filter.

Cross-checking one claim against every sentence of a large corpus with fuzzy
scorers is linear in the corpus. The index keeps, per claim unit
(``units``), its text and normal form (``normalize``), its skeleton (to find
templates), the chain facts independence needs and the article's outlet, date
and wire agency, so no corpus article is re-read or re-analysed at query
time. Candidates come from an FTS5 full-text index through the claim's
*rarest* terms (document frequencies kept in ``terms``): enough of them are
read that a sentence sharing half of the claim's terms contains at least one,
rare terms have short posting lists, and stored claims are ranked by how many
of them they share. rapidfuzz then scores only the best-ranked candidates.

The file is plain SQLite (standard library): ``provenance index DIR`` writes one
and later runs reuse it; a folder without a current index is indexed in memory.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from provenance.corpus.features import ClaimText, claim_text
from provenance.corpus.independence import claim_chain, claim_upstreams
from provenance.corpus.match import MIN_TOKENS, ClaimComparison, compare_texts, prefilter_cutoff
from provenance.corpus.normalize import normalise
from provenance.corpus.units import claim_units, skeleton
from provenance.errors import InputError
from provenance.files import require_regular_file
from provenance.models import AnalysisResult
from provenance.outputs import require_file_target

__all__ = [
    "ARTICLE_SUFFIXES",
    "DEFAULT_INDEX_NAME",
    "INDEX_FORMAT",
    "CandidateClaim",
    "CorpusIndex",
    "IndexedArticle",
    "IndexedClaim",
    "corpus_files",
    "indexed_claims",
    "match_rank",
    "text_digest",
]

INDEX_FORMAT = "provenance-corpus-index/3"
"""Bumped whenever the schema or the normal form changes, so an old index is rebuilt, not misread."""

DEFAULT_INDEX_NAME = ".provenance-index.sqlite"
"""Where ``provenance index DIR`` writes by default, and where a folder's index is looked for."""

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})

MIN_SHARED = 0.3
"""Least share of a claim's distinct terms that a match above the threshold is assumed to share.

It sets how many of the rarest terms fetch candidates (``bench/crosscheck.py``
measures the recall this gives against an exhaustive scan).
"""

TEMPLATE_SPREAD = 3
"""Dates (or fillings) a claim skeleton must be printed on to count as a template, not a claim."""

MIN_QUERY_TERMS = 4
MAX_CANDIDATES = 1000
"""Candidates scored per claim, those sharing the most rare terms first: bounds latency on common words."""

_SQLITE_MAGIC = b"SQLite format 3\x00"
_TERM = re.compile(r"[^\W_]+")

_CLAIM_COLUMNS = (
    "SELECT a.key, a.digest, a.title, a.outlet, a.date, a.url, a.wire, c.claim_id, c.sentence, c.unit,"
    " c.chain, c.upstream_key, c.upstream_name, c.statement, c.id"
    " FROM claims AS c JOIN articles AS a ON a.id = c.article_id"
)
_ALL_CLAIMS = f"{_CLAIM_COLUMNS} WHERE c.template = 0 ORDER BY c.id"
_CLAIMS_BY_ID = f"{_CLAIM_COLUMNS} WHERE c.id IN"
_POSTINGS = "SELECT group_concat(rowid) FROM claim_terms WHERE claim_terms MATCH ?"
"""One term's posting list as one comma-separated string (far cheaper to read than a row per hit)."""

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    title TEXT,
    outlet TEXT,
    date TEXT,
    url TEXT,
    wire TEXT,
    digest TEXT NOT NULL,
    size INTEGER,
    mtime_ns INTEGER
);
CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    claim_id TEXT NOT NULL,
    sentence TEXT NOT NULL,
    unit TEXT NOT NULL,
    normal TEXT NOT NULL,
    skeleton TEXT NOT NULL,
    template INTEGER NOT NULL DEFAULT 0,
    chain TEXT NOT NULL,
    upstream_key TEXT NOT NULL,
    upstream_name TEXT NOT NULL,
    statement INTEGER NOT NULL
);
CREATE INDEX claims_skeleton ON claims(skeleton);
CREATE TABLE skipped (key TEXT PRIMARY KEY, problem TEXT NOT NULL, size INTEGER, mtime_ns INTEGER);
CREATE TABLE terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
CREATE VIRTUAL TABLE claim_terms USING fts5(normal, content='claims', content_rowid='id');
"""


@dataclass(frozen=True, slots=True)
class IndexedArticle:
    """An article's row: its key in the corpus (relative path) and what a match shows of it."""

    key: str
    digest: str
    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    wire: str | None = None
    size: int | None = None
    mtime_ns: int | None = None


@dataclass(frozen=True, slots=True)
class IndexedClaim:
    """One claim unit as stored: its sentence, the unit matched, and the chain facts independence needs.

    ``statement`` marks a claim resting on a named on-record source: two
    outlets quoting it corroborate that the statement was made, not the fact.
    """

    claim_id: str
    sentence: str
    unit: str
    chain: str
    upstream_key: str
    upstream_name: str
    statement: bool = False

    @property
    def normal(self) -> str:
        """The unit's normal form (what the candidate search and the scorers see)."""
        return normalise(self.unit).text


@dataclass(frozen=True, slots=True)
class CandidateClaim:
    """A stored claim scored against a query claim, with its article's metadata."""

    article: IndexedArticle
    claim: IndexedClaim
    similarity: float
    rowid: int = 0
    verdict: ClaimComparison | None = None


def text_digest(text: str) -> str:
    """Identify an article by content, so the article under check never corroborates itself."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def indexed_claims(analysis: AnalysisResult, wire: str | None = None) -> list[IndexedClaim]:
    """Turn an analysed article into the rows the index stores: one per claim unit."""
    rows: list[IndexedClaim] = []
    upstreams = claim_upstreams(analysis, wire)
    for claim in analysis.claims:
        upstream = upstreams[claim.id]
        chain = claim_chain(analysis, claim)
        for unit in claim_units(analysis, claim):
            rows.append(
                IndexedClaim(
                    claim_id=claim.id,
                    sentence=claim.text,
                    unit=unit,
                    chain=chain.render(),
                    upstream_key=upstream.key,
                    upstream_name=upstream.name,
                    statement=upstream.statement,
                )
            )
    return rows


def corpus_files(folder: Path) -> list[Path]:
    """List the article files under ``folder``, recursively, skipping hidden files and folders.

    A folder that cannot be listed is in the list itself, where the files it hides would be: reading
    it then says why (``cannot read folder``), so every walk lists it as skipped instead of losing it.
    """
    found: list[Path] = []

    def unlisted(error: OSError) -> None:
        found.append(Path(error.filename))

    for root, folders, files in os.walk(folder, onerror=unlisted):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            if not name.startswith(".") and path.suffix.lower() in ARTICLE_SUFFIXES:
                found.append(path)
    return found


class CorpusIndex:
    """An open corpus index (in memory or a file) that answers "which claims match this one"."""

    def __init__(self, connection: sqlite3.Connection, location: str) -> None:
        self._db = connection
        self.location = location

    @classmethod
    def create(cls, path: str | Path | None = None) -> CorpusIndex:
        """Start an empty index in memory, or in a new file at ``path``."""
        connection = sqlite3.connect(":memory:" if path is None else str(path))
        connection.executescript(_SCHEMA)
        connection.execute("INSERT INTO meta VALUES ('format', ?)", (INDEX_FORMAT,))
        return cls(connection, "(in memory)" if path is None else str(path))

    @classmethod
    def open(cls, path: str | Path) -> CorpusIndex:
        """Open an existing index file read-only, refusing anything that is not one."""
        where = str(path)
        require_regular_file(path, "corpus index")  # a named pipe would block the read below
        try:
            with open(path, "rb") as stream:
                magic = stream.read(len(_SQLITE_MAGIC))
        except FileNotFoundError:
            raise InputError(where, "no such corpus index") from None
        except OSError as exc:
            raise InputError(where, f"cannot read corpus index ({exc.strerror or exc})") from None
        if magic != _SQLITE_MAGIC:
            raise InputError(where, "not a corpus index (build one with `provenance index DIR`)")
        connection = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = connection.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
        except sqlite3.DatabaseError:
            connection.close()
            raise InputError(where, "not a corpus index (build one with `provenance index DIR`)") from None
        if row is None or row[0] != INDEX_FORMAT:
            connection.close()
            found = row[0] if row else "unknown"
            raise InputError(where, f"corpus index format {found!r} is not {INDEX_FORMAT!r}; rebuild it")
        return cls(connection, where)

    def close(self) -> None:
        """Release the database connection."""
        self._db.close()

    def __enter__(self) -> CorpusIndex:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def add(self, article: IndexedArticle, claims: Iterable[IndexedClaim]) -> None:
        """Store one article and its claim units (call ``commit`` after a batch)."""
        cursor = self._db.execute(
            "INSERT INTO articles (key, title, outlet, date, url, wire, digest, size, mtime_ns)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article.key,
                article.title,
                article.outlet,
                article.date,
                article.url,
                article.wire,
                article.digest,
                article.size,
                article.mtime_ns,
            ),
        )
        article_id = cursor.lastrowid
        document_frequency: Counter[str] = Counter()
        for claim in claims:
            normal = claim.normal
            cursor = self._db.execute(
                "INSERT INTO claims (article_id, claim_id, sentence, unit, normal, skeleton, chain,"
                " upstream_key, upstream_name, statement) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    article_id,
                    claim.claim_id,
                    claim.sentence,
                    claim.unit,
                    normal,
                    skeleton(claim.unit),
                    claim.chain,
                    claim.upstream_key,
                    claim.upstream_name,
                    int(claim.statement),
                ),
            )
            self._db.execute(
                "INSERT INTO claim_terms (rowid, normal) VALUES (?, ?)", (cursor.lastrowid, normal)
            )
            document_frequency.update(set(_TERM.findall(normal)))
        self._db.executemany(
            "INSERT INTO terms (term, df) VALUES (?, ?)"
            " ON CONFLICT(term) DO UPDATE SET df = df + excluded.df",
            document_frequency.items(),
        )

    def skip(self, key: str, problem: str, size: int | None = None, mtime_ns: int | None = None) -> None:
        """Record a file left out of the index, so the folder still counts as indexed as it stands."""
        self._db.execute("INSERT INTO skipped VALUES (?, ?, ?, ?)", (key, problem, size, mtime_ns))

    @property
    def skipped(self) -> list[tuple[str, str]]:
        """Files left out while building, with the reason (unreadable, empty, binary…)."""
        return list(self._db.execute("SELECT key, problem FROM skipped ORDER BY key"))

    def commit(self) -> None:
        """Mark templates, and make the added articles durable (file indexes) and visible to queries.

        A template is a skeleton (``units.skeleton``: the unit without names
        and numbers) printed on ``TEMPLATE_SPREAD`` or more dates, or, where
        dates are unknown, with that many different fillings: "X did not
        immediately respond" across stories, not one wire sentence reprinted
        by several outlets on one day.
        """
        self._db.execute(
            "UPDATE claims SET template = 1 WHERE skeleton IN ("
            " SELECT c.skeleton FROM claims AS c JOIN articles AS a ON a.id = c.article_id"
            " WHERE instr(c.skeleton, ' ') > 0"
            " GROUP BY c.skeleton HAVING count(DISTINCT coalesce(a.date, c.normal)) >= ?)",
            (TEMPLATE_SPREAD,),
        )
        self._db.commit()

    def save(self, path: str | Path) -> None:
        """Write this index to ``path`` atomically (a temporary file in the same folder, then a rename)."""
        target = Path(path)
        require_file_target(target)
        try:
            handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
            os.close(handle)
        except OSError as exc:
            raise InputError(str(target), f"cannot write corpus index ({exc.strerror or exc})") from None
        try:
            Path(temporary).unlink()
            self._db.commit()
            destination = sqlite3.connect(temporary)
            with destination:
                self._db.backup(destination)
            destination.close()
            os.replace(temporary, target)
        except (OSError, sqlite3.Error) as exc:
            Path(temporary).unlink(missing_ok=True)
            raise InputError(str(target), f"cannot write corpus index ({exc})") from None

    @property
    def article_count(self) -> int:
        """How many articles the index holds."""
        return int(self._db.execute("SELECT count(*) FROM articles").fetchone()[0])

    @property
    def claim_count(self) -> int:
        """How many claims the index holds."""
        return int(self._db.execute("SELECT count(*) FROM claims").fetchone()[0])

    def manifest(self) -> dict[str, tuple[int | None, int | None]]:
        """Each indexed or skipped file's key with the size and modification time it was seen at."""
        rows = self._db.execute(
            "SELECT key, size, mtime_ns FROM articles UNION ALL SELECT key, size, mtime_ns FROM skipped"
        )
        return {key: (size, mtime_ns) for key, size, mtime_ns in rows}

    def matches(
        self,
        unit: str,
        threshold: float,
        exclude_digest: str | None = None,
        read: ClaimText | None = None,
    ) -> list[CandidateClaim]:
        """Find stored units matching ``unit`` (score ``threshold`` or more) or contradicting it.

        Candidates come from the rare-term search (``_candidates``); rapidfuzz's
        ``token_set_ratio`` in its C loop drops those under the cutoff no pair
        of the fitting data reached a match or a contradiction from; the
        calibrated matcher (``match.compare_texts``) decides on the rest. Units
        whose skeleton is a template in this corpus match nothing. Best unit per
        article first; a contradiction outranks a corroboration of one article.
        """
        normal = normalise(unit)
        if len(normal.tokens) < MIN_TOKENS or self._is_template(unit):
            return []
        candidates = self._candidates(normal.text)
        survivors = process.extract(
            normal.text, candidates, scorer=fuzz.token_set_ratio, score_cutoff=prefilter_cutoff(), limit=None
        )
        if not survivors:
            return []
        placeholders = ", ".join("?" * len(survivors))
        ids = [rowid for _, _, rowid in survivors]
        query = read or claim_text(unit)
        best: dict[str, CandidateClaim] = {}
        for stored in self._rows(
            self._db.execute(f"{_CLAIMS_BY_ID} ({placeholders}) AND c.template = 0", ids)
        ):
            if stored.article.digest == exclude_digest:
                continue
            verdict = compare_texts(query, claim_text(stored.claim.unit), unit, stored.claim.unit)
            if verdict.score < threshold and verdict.contradiction is None:
                continue
            candidate = CandidateClaim(stored.article, stored.claim, verdict.score, verdict=verdict)
            held = best.get(stored.article.key)
            if held is None or match_rank(candidate) < match_rank(held):
                best[stored.article.key] = candidate
        return sorted(best.values(), key=lambda match: (-match.similarity, match.article.key))

    def _is_template(self, unit: str) -> bool:
        shape = skeleton(unit)
        row = self._db.execute("SELECT 1 FROM claims WHERE skeleton = ? AND template = 1 LIMIT 1", (shape,))
        return " " in shape and row.fetchone() is not None

    def all_claims(self) -> Iterator[CandidateClaim]:
        """Every stored claim unit but templates, unscored: what the candidate search is measured against."""
        yield from self._rows(self._db.execute(_ALL_CLAIMS))

    def _candidates(self, normal: str) -> dict[int, str]:
        """Return the normal forms of the stored claims sharing most of ``claim``'s rarest terms, by row id.

        Each rare term's posting list comes from FTS5 unranked (ranking every
        hit with bm25 costs more than the whole scoring pass); hits are counted
        per stored claim in C (``Counter`` over the split posting string) and the claims
        sharing the most chosen terms are kept. Enough terms are chosen that a
        claim sharing ``MIN_SHARED`` of the query's terms contains at least one
        of them (pigeonhole), and such a claim shares several, so it ranks high.
        """
        terms = sorted(set(_TERM.findall(normal)))
        placeholders = ", ".join("?" * len(terms))
        known = self._db.execute(
            f"SELECT term, df FROM terms WHERE term IN ({placeholders})", terms
        ).fetchall()
        if not known:
            return {}
        known.sort(key=lambda row: (row[1], row[0]))
        wanted = max(MIN_QUERY_TERMS, len(terms) - math.floor(len(terms) * MIN_SHARED) + 1)
        shared: Counter[int] = Counter()
        for term, _ in known[:wanted]:
            (postings,) = self._db.execute(_POSTINGS, (f'"{term}"',)).fetchone()
            if postings:
                shared.update(postings.split(","))
        best = [int(rowid) for rowid, _ in shared.most_common(MAX_CANDIDATES)]
        if not best:
            return {}
        placeholders = ", ".join("?" * len(best))
        return dict(self._db.execute(f"SELECT id, normal FROM claims WHERE id IN ({placeholders})", best))

    @staticmethod
    def _rows(rows: Iterable[tuple[Any, ...]]) -> Iterator[CandidateClaim]:
        for row in rows:
            article = IndexedArticle(
                key=row[0], digest=row[1], title=row[2], outlet=row[3], date=row[4], url=row[5], wire=row[6]
            )
            stored = IndexedClaim(
                claim_id=row[7],
                sentence=row[8],
                unit=row[9],
                chain=row[10],
                upstream_key=row[11],
                upstream_name=row[12],
                statement=bool(row[13]),
            )
            yield CandidateClaim(article, stored, 0.0, rowid=row[14])


def match_rank(candidate: CandidateClaim) -> tuple[bool, float]:
    """Order one article's matching units: a contradiction first, then the best score."""
    verdict = candidate.verdict
    return (verdict is None or verdict.contradiction is None, -candidate.similarity)
