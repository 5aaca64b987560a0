"""The corpus index: analysed claim units in SQLite, with posting lists of their terms for retrieval.

Cross-checking one claim against every sentence of a large corpus with fuzzy
scorers is linear in the corpus. The index keeps, per claim unit
(``units``), its text and normal form (``normalize``), its skeleton (to find
templates), the chain facts independence needs and the article's outlet, date
and wire agency, so no corpus article is re-read or re-analysed at query
time. Each normal-form term has one posting list, the sorted row ids of the
units holding it, stored as one little-endian ``uint32`` blob (``postings``):
reading a list is one row, and ``retrieval`` picks and intersects lists with
numpy so that only units sharing enough of a claim's IDF weight reach
rapidfuzz and the matcher.

The file is plain SQLite (standard library): ``provenance index DIR`` writes one
and later runs reuse it; a folder without a current index is indexed in memory.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from provenance.corpus.contradiction import may_conflict, value_kinds
from provenance.corpus.features import ClaimText, claim_text, read_stored, stored_reading
from provenance.corpus.independence import claim_chain, claim_upstreams
from provenance.corpus.match import MIN_TOKENS, ClaimComparison, compare_candidate, prefilter_cutoff
from provenance.corpus.normalize import normalise
from provenance.corpus.retrieval import (
    POSTING_DTYPE,
    WEIGHT_DTYPE,
    IdArray,
    PendingPostings,
    plan_probe,
    rank_candidates,
    weights_version,
)
from provenance.corpus.units import claim_units, skeleton
from provenance.errors import InputError
from provenance.files import require_regular_file, require_text_name
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

INDEX_FORMAT = "provenance-corpus-index/5"
"""Bumped whenever the schema or the normal form changes, so an old index is rebuilt, not misread."""

DEFAULT_INDEX_NAME = ".provenance-index.sqlite"
"""Where ``provenance index DIR`` writes by default, and where a folder's index is looked for."""

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})

TEMPLATE_SPREAD = 3
"""Dates (or fillings) a claim skeleton must be printed on to count as a template, not a claim."""

FLUSH_POSTINGS = 16_000_000
"""Pending posting entries (4 bytes each, plus Python's overhead) held in memory before they are written."""

POSTINGS_CACHE = 512
"""Posting lists kept in memory between claims: one article's claims share many terms."""

UNIT_ROWS_CACHE = 1 << 14
"""Stored units' rows kept between claim units (one article's units share most candidates); as many
as ``features.claim_text`` keeps read units, whose reading is the costlier half of a candidate."""

_SQLITE_MAGIC = b"SQLite format 3\x00"

_CLAIM_COLUMNS = (
    "SELECT a.key, a.digest, a.title, a.outlet, a.date, a.url, a.wire, c.claim_id, c.sentence, c.unit,"
    " c.chain, c.upstream_key, c.upstream_name, c.statement, c.id"
)
_CLAIM_TABLES = " FROM claims AS c JOIN articles AS a ON a.id = c.article_id"
_ALL_CLAIMS = f"{_CLAIM_COLUMNS}{_CLAIM_TABLES} WHERE c.template = 0 ORDER BY c.id"
_CANDIDATE_COLUMNS = "c.normal, c.template, c.reading, c.value_kinds"
_CANDIDATE_ROWS = f"{_CLAIM_COLUMNS}, {_CANDIDATE_COLUMNS}{_CLAIM_TABLES} WHERE c.id IN"
_ROW_ID, _ROW_NORMAL, _ROW_TEMPLATE, _ROW_READING, _ROW_VALUE_KINDS = 14, 15, 16, 17, 18
MMAP_BYTES = 1 << 34
"""An opened index file is read through a memory map (pages shared with the OS cache, no copies)."""

_BATCH = 30_000
"""Row ids per ``IN (…)`` query, under SQLite's limit on bound parameters."""

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
    reading TEXT NOT NULL,
    value_kinds INTEGER NOT NULL,
    skeleton TEXT NOT NULL,
    template INTEGER NOT NULL DEFAULT 0,
    chain TEXT NOT NULL,
    upstream_key TEXT NOT NULL,
    upstream_name TEXT NOT NULL,
    statement INTEGER NOT NULL
);
CREATE TABLE skipped (key TEXT PRIMARY KEY, problem TEXT NOT NULL, size INTEGER, mtime_ns INTEGER);
CREATE TABLE postings (term TEXT PRIMARY KEY, df INTEGER NOT NULL, ids BLOB NOT NULL);
CREATE TABLE unit_weights (first INTEGER PRIMARY KEY, weights BLOB NOT NULL);
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
    A file whose name is not UTF-8 stops the walk with one error naming it (no output could hold it).
    """
    found: list[Path] = []

    def unlisted(error: OSError) -> None:
        found.append(Path(error.filename))

    for root, folders, files in os.walk(folder, onerror=unlisted):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            if not name.startswith(".") and path.suffix.lower() in ARTICLE_SUFFIXES:
                require_text_name(path)
                found.append(path)
    return found


class CorpusIndex:
    """An open corpus index (in memory or a file) that answers "which claims match this one"."""

    def __init__(self, connection: sqlite3.Connection, location: str) -> None:
        self._db = connection
        self.location = location
        self._pending = PendingPostings()
        self._lists: OrderedDict[str, IdArray] = OrderedDict()
        self._weights: npt.NDArray[np.float32] | None = None
        self._unit_rows: OrderedDict[int, tuple[Any, ...]] = OrderedDict()
        self._next_claim: int | None = None
        """The row id of the next claim unit added (given here, so that one article is one insert)."""

    @classmethod
    def create(cls, path: str | Path | None = None) -> CorpusIndex:
        """Start an empty index in memory, or in a new file at ``path``."""
        connection = sqlite3.connect(":memory:" if path is None else str(path))
        connection.executescript(_SCHEMA)
        connection.execute("INSERT INTO meta VALUES ('format', ?)", (INDEX_FORMAT,))
        connection.execute("INSERT INTO meta VALUES ('weights', ?)", (weights_version(),))
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
        connection.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        try:
            row = connection.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
        except sqlite3.DatabaseError:
            connection.close()
            raise InputError(where, "not a corpus index (build one with `provenance index DIR`)") from None
        if row is None or row[0] != INDEX_FORMAT:
            connection.close()
            found = row[0] if row else "unknown"
            rebuild = "rebuild it with `provenance index`"
            raise InputError(where, f"corpus index format {found!r} is not {INDEX_FORMAT!r}: {rebuild}")
        row = connection.execute("SELECT value FROM meta WHERE key = 'weights'").fetchone()
        if row is None or row[0] != weights_version():
            connection.close()
            raise InputError(where, "corpus index was built with another IDF table; rebuild it")
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
        if self._next_claim is None:
            held = self._db.execute("SELECT coalesce(max(id), 0) FROM claims").fetchone()[0]
            self._next_claim = int(held) + 1
        rows = []
        for rowid, claim in enumerate(claims, start=self._next_claim):
            normal = claim.normal
            rows.append(
                (
                    rowid,
                    article_id,
                    claim.claim_id,
                    claim.sentence,
                    claim.unit,
                    normal,
                    stored_reading(claim.unit, normal),
                    value_kinds(claim.unit),
                    skeleton(claim.unit),
                    claim.chain,
                    claim.upstream_key,
                    claim.upstream_name,
                    int(claim.statement),
                )
            )
            terms = normal.split()
            self._pending.add(rowid, terms if len(terms) >= MIN_TOKENS else [])
        self._db.executemany(
            "INSERT INTO claims (id, article_id, claim_id, sentence, unit, normal, reading, value_kinds,"
            " skeleton, chain, upstream_key, upstream_name, statement)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        self._next_claim += len(rows)
        if self._pending.size >= FLUSH_POSTINGS:
            self._write_postings()

    def _write_postings(self) -> None:
        """Append the pending ids to each term's stored list (new rows have larger ids: lists stay sorted)."""
        for term, ids in self._pending.drain():
            held = self._db.execute("SELECT ids FROM postings WHERE term = ?", (term,)).fetchone()
            if held is not None:
                ids = held[0] + ids
            self._db.execute(
                "INSERT OR REPLACE INTO postings (term, df, ids) VALUES (?, ?, ?)",
                (term, len(ids) // POSTING_DTYPE.itemsize, ids),
            )
        if self._pending.weights:
            self._db.execute("INSERT INTO unit_weights VALUES (?, ?)", self._pending.drain_weights())
        self._lists.clear()
        self._unit_rows.clear()
        self._weights = None

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
        and numbers) filled in at least two ways and printed on
        ``TEMPLATE_SPREAD`` or more dates, or, where dates are unknown, with
        that many different fillings: "X did not immediately respond" across
        stories, not one wire sentence reprinted by several outlets over a
        few days (one filling).
        """
        self._write_postings()
        self._db.execute("CREATE INDEX IF NOT EXISTS claims_skeleton ON claims(skeleton)")
        self._db.execute(
            "UPDATE claims SET template = 1 WHERE skeleton IN ("
            " SELECT c.skeleton FROM claims AS c JOIN articles AS a ON a.id = c.article_id"
            " WHERE instr(c.skeleton, ' ') > 0"
            " GROUP BY c.skeleton HAVING count(DISTINCT c.normal) > 1"
            " AND count(DISTINCT coalesce(a.date, c.normal)) >= ?)",
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
        except BaseException as exc:  # Ctrl-C too: the temporary file goes whatever stopped the copy
            Path(temporary).unlink(missing_ok=True)
            if isinstance(exc, OSError | sqlite3.Error):
                raise InputError(str(target), f"cannot write corpus index ({exc})") from None
            raise

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

        Candidates come from the posting lists (``_candidates``, see
        ``retrieval``); rapidfuzz's ``token_set_ratio`` in its C loop drops
        those under the cutoff no pair of the fitting data reached a match or a
        contradiction from; the calibrated matcher decides on the rest
        (``match.compare_candidate``: the same verdict as ``compare_texts``,
        with no character 4-grams read for a pair whose score bound and kinds
        of value rule it out). Units whose skeleton is a template in this corpus
        match nothing. Best unit per article first; a contradiction outranks a
        corroboration of one article. A damaged index file is an ``InputError``.
        """
        try:
            return self._matches(unit, threshold, exclude_digest, read)
        except (sqlite3.DatabaseError, ValueError) as exc:
            raise InputError(self.location, f"corpus index is damaged ({exc}); rebuild it") from None

    def _matches(
        self, unit: str, threshold: float, exclude_digest: str | None, read: ClaimText | None
    ) -> list[CandidateClaim]:
        normal = normalise(unit)
        if len(normal.tokens) < MIN_TOKENS or self.is_template(unit):
            return []
        candidates = self._candidates(normal.tokens)
        survivors = process.extract(
            normal.text,
            {rowid: row[_ROW_NORMAL] for rowid, row in candidates.items()},
            scorer=fuzz.token_set_ratio,
            score_cutoff=prefilter_cutoff(),
            limit=None,
        )
        if not survivors:
            return []
        kept = [candidates[rowid] for rowid in sorted(rowid for _, _, rowid in survivors)]
        rows = [row for row in kept if not row[_ROW_TEMPLATE]]
        query = read or claim_text(unit)
        kinds = value_kinds(unit)
        best: dict[str, CandidateClaim] = {}
        # By stored text: wire copy prints one sentence many times; None is a pair pruned by its bound.
        verdicts: dict[str, ClaimComparison | None] = {}
        for row, stored in zip(rows, self._rows(rows), strict=True):
            if stored.article.digest == exclude_digest:
                continue
            verdict = verdicts.get(stored.claim.unit)
            if verdict is None:
                other = stored.claim.unit
                read_other = read_stored(other, row[_ROW_READING], row[_ROW_NORMAL])
                values = may_conflict(kinds, row[_ROW_VALUE_KINDS])
                verdict = verdicts[other] = compare_candidate(
                    query, read_other, unit, other, threshold, values
                )
            if verdict is None or (verdict.score < threshold and verdict.contradiction is None):
                continue
            candidate = CandidateClaim(stored.article, stored.claim, verdict.score, verdict=verdict)
            held = best.get(stored.article.key)
            if held is None or match_rank(candidate) < match_rank(held):
                best[stored.article.key] = candidate
        return sorted(best.values(), key=lambda match: (-match.similarity, match.article.key))

    def is_template(self, unit: str) -> bool:
        """Whether ``unit``'s skeleton is a template in this corpus (such units match nothing)."""
        shape = skeleton(unit)
        row = self._db.execute("SELECT 1 FROM claims WHERE skeleton = ? AND template = 1 LIMIT 1", (shape,))
        return " " in shape and row.fetchone() is not None

    def all_claims(self) -> Iterator[CandidateClaim]:
        """Every stored claim unit but templates, unscored: what the candidate search is measured against."""
        yield from self._rows(self._db.execute(_ALL_CLAIMS))

    def _candidates(self, terms: list[str]) -> dict[int, tuple[Any, ...]]:
        """Return the rows, by row id, of the stored units that can share enough of the weight."""
        distinct = sorted(set(terms))
        placeholders = ", ".join("?" * len(distinct))
        frequency = dict(
            self._db.execute(f"SELECT term, df FROM postings WHERE term IN ({placeholders})", distinct)
        )
        ranked = rank_candidates(
            plan_probe(distinct, frequency), frequency, self._postings, self._unit_weights()
        )
        return self._stored_rows(ranked)

    def _stored_rows(self, ids: list[int]) -> dict[int, tuple[Any, ...]]:
        """Read the rows of ``ids`` with normal form and template flag: kept ones, others in one query."""
        held = self._unit_rows
        for row in self._select(f"{_CANDIDATE_ROWS} ({{}})", [rowid for rowid in ids if rowid not in held]):
            held[row[_ROW_ID]] = row
        found: dict[int, tuple[Any, ...]] = {}
        for rowid in ids:
            if rowid in held:
                held.move_to_end(rowid)
                found[rowid] = held[rowid]
        while len(held) > UNIT_ROWS_CACHE:
            held.popitem(last=False)
        return found

    def _unit_weights(self) -> npt.NDArray[np.float32]:
        """Every stored unit's term weight by row id, read once (4 bytes a unit)."""
        if self._weights is None:
            chunks = list(self._db.execute("SELECT first, weights FROM unit_weights ORDER BY first"))
            end = max((first + len(data) // WEIGHT_DTYPE.itemsize for first, data in chunks), default=0)
            weights = np.zeros(end, dtype=np.float32)
            for first, data in chunks:
                chunk = np.frombuffer(data, dtype=WEIGHT_DTYPE)
                weights[first : first + len(chunk)] = chunk
            self._weights = weights
        return self._weights

    def _postings(self, term: str) -> IdArray:
        """Read one term's posting list (recently read lists are kept)."""
        held = self._lists.get(term)
        if held is not None:
            self._lists.move_to_end(term)
            return held
        row = self._db.execute("SELECT ids FROM postings WHERE term = ?", (term,)).fetchone()
        ids: IdArray = np.frombuffer(row[0] if row else b"", dtype=POSTING_DTYPE)
        self._lists[term] = ids
        if len(self._lists) > POSTINGS_CACHE:
            self._lists.popitem(last=False)
        return ids

    def _select(self, query: str, ids: list[int]) -> Iterator[tuple[Any, ...]]:
        """Run ``query`` (with ``{}`` where the ``IN`` list goes) over ``ids`` in batches SQLite accepts."""
        for start in range(0, len(ids), _BATCH):
            batch = ids[start : start + _BATCH]
            yield from self._db.execute(query.format(", ".join("?" * len(batch))), batch)

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
