"""Candidate retrieval from posting lists: it loses no unit within its bound, and the index file holds it."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz
from typer.testing import CliRunner

from provenance.cli import app
from provenance.corpus import MATCH_THRESHOLD, CorpusIndex, compare_claims
from provenance.corpus import retrieval as retrieval_module
from provenance.corpus.features import ClaimText
from provenance.corpus.index import IndexedArticle, IndexedClaim
from provenance.corpus.match import MIN_TOKENS, ClaimComparison, compare_candidate, prefilter_cutoff
from provenance.corpus.normalize import normalise
from provenance.corpus.retrieval import (
    MIN_SHARED_WEIGHT,
    PendingPostings,
    plan_probe,
    rank_candidates,
    reachable_candidates,
    term_weight,
)
from provenance.errors import InputError

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
runner = CliRunner()

WORDS = [
    "harbour",
    "council",
    "approved",
    "budget",
    "ferry",
    "tunnel",
    "Tallinn",
    "Riga",
    "minister",
    "coalition",
    "rainfall",
    "flooding",
    "bridge",
    "closed",
    "talks",
    "sanctions",
    "grain",
    "exports",
    "rose",
    "fell",
    "412",
    "million",
    "euros",
    "March",
    "Wednesday",
    "port",
    "strike",
    "workers",
]

sentences = st.lists(st.sampled_from(WORDS), min_size=3, max_size=12).map(lambda words: " ".join(words) + ".")


def _variant(sentence: str, drop: int, swap: int) -> str:
    """Rewrite a sentence the way a relay might: one word dropped, two words swapped."""
    words = sentence.rstrip(".").split()
    if len(words) > 4:
        del words[drop % len(words)]
    first, second = swap % len(words), (swap + 1) % len(words)
    words[first], words[second] = words[second], words[first]
    return " ".join(words) + "."


def _shared_share(a: str, b: str) -> float:
    left, right = set(normalise(a).tokens), set(normalise(b).tokens)
    heavier = max(term_weight(left), term_weight(right))
    return term_weight(left & right) / heavier if heavier else 0.0


def _index(units: list[str]) -> CorpusIndex:
    index = CorpusIndex.create()
    for number, unit in enumerate(units):
        stored = IndexedClaim("C1", unit, unit, f"Outlet {number}", f"outlet {number}", f"Outlet {number}")
        index.add(IndexedArticle(key=f"{number:03d}.md", digest=f"d{number}"), [stored])
    index.commit()
    return index


def _exhaustive(index: CorpusIndex, unit: str) -> tuple[set[str], set[str]]:
    """List the articles the matcher accepts against ``unit`` unretrieved, and those within the bound.

    Units under the ``token_set_ratio`` pre-filter are left out, as the index
    leaves them out whether retrieved or not.
    """
    if len(normalise(unit).tokens) < MIN_TOKENS or index.is_template(unit):
        return set(), set()
    found = set()
    for candidate in index.all_claims():
        other = candidate.claim.unit
        if fuzz.token_set_ratio(normalise(unit).text, normalise(other).text) < prefilter_cutoff():
            continue
        verdict = compare_claims(unit, other)
        if len(normalise(other).tokens) >= MIN_TOKENS and (
            verdict.score >= MATCH_THRESHOLD or verdict.contradiction is not None
        ):
            found.add((candidate.article.key, _shared_share(unit, other) >= MIN_SHARED_WEIGHT))
    return {key for key, _ in found}, {key for key, within in found if within}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    base=st.lists(sentences, min_size=1, max_size=4),
    distractors=st.lists(sentences, max_size=6),
    edits=st.lists(st.tuples(st.integers(0, 20), st.integers(0, 20)), min_size=4, max_size=4),
)
def test_the_index_finds_what_an_exhaustive_scan_finds(
    base: list[str], distractors: list[str], edits: list[tuple[int, int]]
) -> None:
    relays = [_variant(sentence, *edits[number % 4]) for number, sentence in enumerate(base)]
    with _index(base + relays + distractors) as index:
        for query in base + relays:
            everything, within_bound = _exhaustive(index, query)
            indexed = {match.article.key for match in index.matches(query, MATCH_THRESHOLD)}
            assert within_bound <= indexed <= everything, query


def _posting_lists(
    stored: list[list[str]],
) -> tuple[dict[str, np.ndarray], np.ndarray, dict[str, int]]:
    """Index units (row ids from 1) as the index does: posting lists, unit weights, list lengths."""
    pending = PendingPostings()
    for rowid, terms in enumerate(stored, start=1):
        pending.add(rowid, terms)
    _, weights_bytes = pending.drain_weights()
    lists = {term: np.frombuffer(ids, dtype="<u4") for term, ids in pending.drain()}
    unit_weights = np.concatenate([[0.0], np.frombuffer(weights_bytes, dtype="<f4")]).astype(np.float32)
    return lists, unit_weights, {term: len(ids) for term, ids in lists.items()}


@settings(max_examples=200, deadline=None)
@given(
    stored=st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8), min_size=1, max_size=40),
    query=st.lists(st.sampled_from(WORDS), min_size=1, max_size=10),
    bound=st.sampled_from([0.1, MIN_SHARED_WEIGHT, 0.5]),
    verify=st.sampled_from([1, 3, 1_000]),
)
def test_retrieval_keeps_exactly_the_units_within_the_bound(
    stored: list[list[str]], query: list[str], bound: float, verify: int
) -> None:
    """Check pigeonhole and verification against brute force.

    Every unit sharing enough weight is kept, and no unit known to share too
    little (a list too long to read only widens the set).
    """
    lists, unit_weights, frequency = _posting_lists(stored)
    probe = plan_probe(query, frequency, bound)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(retrieval_module, "VERIFY_POSTINGS", verify)
        found = set(rank_candidates(probe, frequency, lambda term: lists[term], unit_weights))
    query_weight = term_weight(query)
    for rowid, terms in enumerate(stored, start=1):
        shared = term_weight(set(terms) & set(query))
        heavier = max(query_weight, term_weight(terms))
        if shared >= bound * heavier * (1 + 1e-6):
            assert rowid in found, (terms, query)
        if verify == 1_000 and shared < bound * heavier * (1 - 1e-6):
            assert rowid not in found, (terms, query)


@settings(max_examples=200, deadline=None)
@given(
    stored=st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8), min_size=1, max_size=40),
    query=st.lists(st.sampled_from(WORDS), min_size=1, max_size=10),
    bound=st.sampled_from([0.1, MIN_SHARED_WEIGHT, 0.5]),
)
def test_count_filtering_drops_from_the_union_exactly_the_units_under_the_bound(
    stored: list[list[str]], query: list[str], bound: float
) -> None:
    """Only units that can reach the bound are looked up in every list, not the whole union of the probe."""
    lists, unit_weights, frequency = _posting_lists(stored)
    probe = plan_probe(query, frequency, bound)
    if not probe.probed:
        return
    found = set(reachable_candidates(probe, frequency, lambda term: lists[term], unit_weights).tolist())
    query_weight = term_weight(query)
    for rowid, terms in enumerate(stored, start=1):
        shared = term_weight(set(terms) & set(query))
        heavier = max(query_weight, float(unit_weights[rowid]))
        if shared >= bound * heavier * (1 + 1e-6):
            assert rowid in found, (terms, query)
        if shared < bound * heavier * (1 - 1e-6):
            assert rowid not in found, (terms, query)


def test_an_index_file_round_trips(tmp_path: Path) -> None:
    units = [
        "The harbour council approved a budget of 412 million euros for the ferry tunnel on Wednesday.",
        "A budget of 412 million euros for the ferry tunnel was approved by the harbour council.",
        "Grain exports through the port of Riga fell sharply in March after the strike.",
        "Rainfall closed the bridge.",
    ]
    query = "The harbour council on Wednesday approved 412 million euros for a ferry tunnel."
    with _index(units) as built:
        in_memory = [(m.article.key, m.similarity) for m in built.matches(query, MATCH_THRESHOLD)]
        built.save(tmp_path / "corpus.sqlite")
    with CorpusIndex.open(tmp_path / "corpus.sqlite") as reopened:
        assert [(m.article.key, m.similarity) for m in reopened.matches(query, MATCH_THRESHOLD)] == in_memory
        assert reopened.claim_count == 4
    assert {key for key, _ in in_memory} == {"000.md", "001.md"}


def test_postings_written_in_several_flushes_read_as_one_list(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("provenance.corpus.index.FLUSH_POSTINGS", 3)
    unit = "The harbour council approved a budget of 412 million euros for the ferry tunnel."
    with _index([unit] * 5) as index:
        assert [match.article.key for match in index.matches(unit, MATCH_THRESHOLD)] == [
            f"{number:03d}.md" for number in range(5)
        ]


def test_articles_added_after_a_commit_are_found_and_marked_as_templates() -> None:
    unit = "The harbour council approved a budget of 412 million euros for the ferry tunnel."
    template = "The office of Mayor {} did not immediately respond to requests for comment."
    with _index([unit, template.format("Riga")]) as index:
        for number, name in enumerate(["Tallinn", "Tartu"], start=2):
            stored = IndexedClaim("C1", unit, unit, "Outlet", "outlet", "Outlet")
            filled = template.format(name)
            rows = [stored, IndexedClaim("C2", filled, filled, "Outlet", "outlet", "Outlet")]
            index.add(IndexedArticle(key=f"{number:03d}.md", digest=f"d{number}"), rows)
        index.commit()
        assert index.claim_count == 6
        found = [match.article.key for match in index.matches(unit, MATCH_THRESHOLD)]
        assert found == ["000.md", "002.md", "003.md"]
        assert index.is_template(template.format("Pärnu"))


def test_a_sentence_printed_in_many_articles_is_compared_once(monkeypatch: pytest.MonkeyPatch) -> None:
    unit = "The harbour council approved a budget of 412 million euros for the ferry tunnel."
    compared: list[str] = []

    def counted(
        left: ClaimText, right: ClaimText, sentence: str, right_sentence: str, threshold: float, values: bool
    ) -> ClaimComparison | None:
        compared.append(right_sentence)
        return compare_candidate(left, right, sentence, right_sentence, threshold, values)

    monkeypatch.setattr("provenance.corpus.index.compare_candidate", counted)
    with _index([unit] * 4) as index:
        assert len(index.matches(unit, MATCH_THRESHOLD)) == 4
    assert compared == [unit]


def _damaged(tmp_path: Path) -> Path:
    path = tmp_path / "damaged.sqlite"
    unit = "The harbour council approved a budget of 412 million euros for the ferry tunnel."
    with _index([unit, unit]) as index:
        index.save(path)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE postings SET ids = x'010203' WHERE term = 'harbour'")
    return path


def test_a_damaged_index_is_one_error_naming_the_file(tmp_path: Path) -> None:
    path = _damaged(tmp_path)
    with CorpusIndex.open(path) as index, pytest.raises(InputError, match="damaged") as raised:
        index.matches("The harbour council approved a budget of 412 million euros.", MATCH_THRESHOLD)
    assert str(path) in str(raised.value)


def test_a_damaged_index_fails_the_command_in_one_line(tmp_path: Path) -> None:
    path = _damaged(tmp_path)
    article = tmp_path / "article.txt"
    article.write_text("The harbour council approved a budget of 412 million euros for the ferry tunnel.\n")
    result = runner.invoke(app, ["crosscheck", str(article), "--corpus", str(path)])
    assert result.exit_code == 3, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert "damaged" in lines[0]


def test_an_index_built_with_another_idf_table_asks_for_a_rebuild(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    with _index(["The harbour council approved a budget of 412 million euros."]) as index:
        index.save(path)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE meta SET value = 'other' WHERE key = 'weights'")
    with pytest.raises(InputError, match="IDF table; rebuild"):
        CorpusIndex.open(path)


def _fitting_pairs() -> list[tuple[str, str]]:
    pairs = [
        (row["a_sentence"], row["b_sentence"])
        for row in map(
            json.loads, (SHARED / "gold" / "claim-pairs-dev.jsonl").read_text("utf-8").splitlines()
        )
    ]
    with (SHARED / "mrpc" / "msr_paraphrase_train.txt").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    return pairs + [(row[3], row[4]) for row in rows[::4]]


@pytest.mark.skipif(not (SHARED / "mrpc").is_dir(), reason="needs ../shared (MRPC train, claim pairs dev)")
def test_the_bound_holds_for_every_pair_the_matcher_calls_one_claim() -> None:
    """Guard for the calibration: a refit matcher that matches looser pairs must move the bound too."""
    matched = [(a, b) for a, b in _fitting_pairs() if compare_claims(a, b).same_claim]
    assert len(matched) > 500
    below = [(a, b) for a, b in matched if _shared_share(a, b) < MIN_SHARED_WEIGHT]
    assert not below, below[:3]
