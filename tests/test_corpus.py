"""The corpus layer below cross-checking: normal form, scoring, contradiction, upstreams, the index."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from provenance.corpus import MATCH_THRESHOLD, CorpusIndex, build_index, load_corpus
from provenance.corpus.contradiction import value_conflict
from provenance.corpus.independence import claim_upstreams, upstream_key
from provenance.corpus.index import DEFAULT_INDEX_NAME, INDEX_FORMAT, IndexedArticle, IndexedClaim
from provenance.corpus.match import compare_claims
from provenance.corpus.normalize import normalise, stem
from provenance.errors import InputError
from provenance.models import (
    AnalysisResult,
    Article,
    Chain,
    ChainNode,
    Claim,
    Hop,
    HopRole,
    SourceType,
    Span,
)

PAIRS = Path(__file__).parent / "data" / "claim_pairs.jsonl"


def score(left: str, right: str) -> float:
    return compare_claims(left, right).score


@pytest.mark.parametrize(
    ("written", "numbers"),
    [
        ("a coalition of 5-8 governments", {"5-8"}),
        ("a coalition of five to eight governments", {"5-8"}),
        ("a coalition of between five and eight governments", {"5-8"}),
        ("a coalition of 5 – 8 governments", {"5-8"}),
        ("thirty-one votes to fourteen", {"31", "14"}),
        ("around three hundred people", {"300"}),
        ("1,200 jobs", {"1200"}),
    ],
)
def test_numbers_read_the_same_however_written(written: str, numbers: set[str]) -> None:
    assert normalise(written).numbers == numbers


def test_case_quotes_tense_and_order_fold_away() -> None:
    present = normalise("“Europe IS considering sending troops,” diplomats say.")
    past = normalise("Diplomats said Europe was considering sending troops.")
    assert sorted(present.tokens) == sorted(past.tokens)


def test_stemmer_merges_inflections_of_one_word() -> None:
    assert {stem(word) for word in ("considering", "considered", "considers", "consider")} == {"consider"}
    assert stem("countries") == stem("country")
    assert stem("proposed") == stem("propose")
    assert stem("planned") == stem("plan")


def test_negation_is_kept_aside_for_contradiction_not_scored() -> None:
    negated = normalise("Poland isn't among the nations willing to send troops.")
    assert "among" not in negated.tokens
    assert {"nation", "wil"} <= negated.negated
    assert "not" not in negated.tokens


def test_reordered_paraphrase_matches_and_same_topic_sentence_does_not() -> None:
    claim = "Macron proposed the idea in February, but Germany rejected it."
    assert score(claim, "Germany rejected the idea when Macron proposed it in February.") >= MATCH_THRESHOLD
    assert (
        score(claim, "Germany's chancellor met Macron in Paris in February to discuss energy.")
        < MATCH_THRESHOLD
    )


def test_the_trees_and_the_weighted_sum_decide_together() -> None:
    """Bylines naming other reporters and places are no shared claim; a refusal in other words is one.

    The weighted sum alone matched the bylines (51) and missed the paraphrase
    (45); the mean with the trees, which read the features together, does neither.
    """
    assert (
        score(
            "Ada Quist reported from Vell, Bo Renn from Harrow and Ivo Marsh from Tallinn.",
            "Tom Reyes reported from Tallinn and Lena Varga from Vell.",
        )
        < MATCH_THRESHOLD
    )
    assert (
        score(
            "The Vell mayor did not respond to requests for an interview last week.",
            "The Vell mayor had declined written and telephone requests for an interview.",
        )
        >= MATCH_THRESHOLD
    )


def test_number_mismatch_is_a_contradiction_but_a_dropped_number_is_not() -> None:
    claim = "Europe is building a coalition of 5-8 governments to send troops."
    assert "5-8" in (value_conflict(claim, "Europe is building a coalition of 12 to 15 governments.") or "")
    assert value_conflict(claim, "Europe is building a coalition of governments to send troops.") is None
    assert value_conflict(claim, "Europe is building a coalition of five to eight governments.") is None


def test_negation_mismatch_is_a_contradiction_but_shared_negations_are_not() -> None:
    claim = "Poland is not currently intending to deploy its forces in Ukraine."
    reason = value_conflict(claim, "Poland is currently intending to deploy its forces in Ukraine.")
    assert reason is not None
    assert "intend" in reason
    assert value_conflict(claim, "Poland does not intend to deploy its forces in Ukraine now.") is None


def _pairs() -> list[dict[str, str]]:
    return [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_threshold_keeps_precision_and_recall_on_the_labelled_pairs() -> None:
    outcomes = [
        (score(pair["a"], pair["b"]) >= MATCH_THRESHOLD, pair["label"] != "different") for pair in _pairs()
    ]
    true_positive = sum(1 for matched, positive in outcomes if matched and positive)
    precision = true_positive / sum(1 for matched, _ in outcomes if matched)
    recall = true_positive / sum(1 for _, positive in outcomes if positive)
    assert precision >= 0.95
    assert recall >= 0.95


def test_labelled_contradictions_are_flagged_and_agreements_are_not() -> None:
    """All but one contradiction is flagged.

    A conditional threat ("threatened to veto … unless") is no plain assertion
    that the negation test can set against "will not veto".
    """
    flagged = []
    for pair in _pairs():
        verdict = compare_claims(pair["a"], pair["b"])
        if pair["label"] == "contradicts":
            flagged.append(verdict.contradiction is not None)
        else:
            assert verdict.contradiction is None, pair
    assert sum(flagged) >= len(flagged) - 1


@given(st.text(max_size=400), st.text(max_size=400))
def test_any_text_compares_within_bounds(left: str, right: str) -> None:
    verdict = compare_claims(left, right)
    assert 0.0 <= verdict.score <= 100.0
    assert compare_claims(left, left).contradiction is None


def _chain(*hops: tuple[HopRole, str, SourceType]) -> Chain:
    return Chain(hops=[Hop(role=role, nodes=[ChainNode(name=name, type=kind)]) for role, name, kind in hops])


def _analysis(outlet: str, publisher_chain: Chain, claims: list[Chain]) -> AnalysisResult:
    text = " ".join(f"Claim number {index}." for index in range(len(claims)))
    article = Article(text=text, outlet=outlet)
    return AnalysisResult(
        article=article,
        publisher_chain=publisher_chain,
        claims=[
            Claim(id=f"C{index + 1}", span=Span.of(text, 0, 1), text="x", chain=chain)
            for index, chain in enumerate(claims)
        ],
    )


PUBLISHER = HopRole.PUBLISHER
RELAY = HopRole.RELAY
SOURCE = HopRole.SOURCE


def test_upstream_is_the_relayed_agency_then_the_named_source_then_the_publisher() -> None:
    own = _chain((PUBLISHER, "Tallinn Courier", SourceType.OUTLET))
    analysis = _analysis(
        "Tallinn Courier",
        own,
        [
            _chain(
                (PUBLISHER, "Tallinn Courier", SourceType.OUTLET),
                (RELAY, "Reuters", SourceType.WIRE_AGENCY),
                (SOURCE, "five European diplomats", SourceType.ANONYMOUS_GROUP),
            ),
            _chain(
                (PUBLISHER, "Tallinn Courier", SourceType.OUTLET),
                (SOURCE, "Mart Kivisild", SourceType.NAMED_PERSON),
            ),
        ],
    )
    upstreams = claim_upstreams(analysis)
    assert upstreams["C1"].name == "Reuters"
    assert upstreams["C2"].name == "Mart Kivisild"
    alone = _analysis("Tallinn Courier", own, [own.model_copy(update={"inherited": True})])
    assert claim_upstreams(alone)["C1"].name == "Tallinn Courier"


def test_unattributed_claims_of_a_relaying_article_rest_on_the_relayed_report() -> None:
    publisher = _chain((PUBLISHER, "Danube Daily", SourceType.OUTLET))
    analysis = _analysis(
        "Danube Daily",
        publisher,
        [
            _chain(
                (PUBLISHER, "Danube Daily", SourceType.OUTLET), (RELAY, "Reuters", SourceType.WIRE_AGENCY)
            ),
            _chain(
                (PUBLISHER, "Danube Daily", SourceType.OUTLET),
                (SOURCE, "two diplomats", SourceType.ANONYMOUS_GROUP),
            ),
            publisher.model_copy(update={"inherited": True}),
        ],
    )
    assert {upstream.name for upstream in claim_upstreams(analysis).values()} == {"Reuters"}


def test_upstream_names_fold_articles_and_agency_suffixes() -> None:
    assert upstream_key("the Reuters news agency") == upstream_key("Reuters") == "reuters"


def _corpus_folder(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "wire.md").write_text(
        "---\ntitle: Wire\noutlet: Wire Service\n---\n\n"
        "The council approved a budget of 412 million euros for 2025 on Wednesday.\n",
        encoding="utf-8",
    )
    (folder / "other.md").write_text(
        "---\ntitle: Other\noutlet: Other Outlet\n---\n\nThe comet will brighten through January.\n",
        encoding="utf-8",
    )
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    (folder / "notes.csv").write_text("not,an,article\n", encoding="utf-8")
    return folder


def test_index_skips_unreadable_files_with_the_reason(tmp_path: Path) -> None:
    with build_index(_corpus_folder(tmp_path)) as index:
        assert index.article_count == 2
        assert index.skipped == [("empty.txt", "file is empty")]


def test_saved_index_is_reused_and_answers_like_the_in_memory_one(tmp_path: Path) -> None:
    folder = _corpus_folder(tmp_path / "corpus")
    saved = tmp_path / "corpus.sqlite"
    claim = "On Wednesday the council approved its 2025 budget of 412 million euros."
    with build_index(folder, saved) as built:
        fresh = [match.article.key for match in built.matches(claim, MATCH_THRESHOLD)]
    with load_corpus(saved) as reopened:
        assert reopened.location == str(saved)
        assert (
            [match.article.key for match in reopened.matches(claim, MATCH_THRESHOLD)] == fresh == ["wire.md"]
        )


def test_a_folder_index_is_used_only_while_it_is_current(tmp_path: Path) -> None:
    folder = _corpus_folder(tmp_path)
    build_index(folder, folder / DEFAULT_INDEX_NAME).close()
    with load_corpus(folder) as current:
        assert current.location == str(folder / DEFAULT_INDEX_NAME)
    (folder / "later.md").write_text("---\noutlet: Later\n---\n\nA later article about rainfall.\n", "utf-8")
    with load_corpus(folder) as rebuilt:
        assert rebuilt.location == str(folder)
        assert rebuilt.article_count == 3


def test_the_article_under_check_never_corroborates_itself(tmp_path: Path) -> None:
    claim = "The council approved a budget of 412 million euros for 2025 on Wednesday."
    with CorpusIndex.create() as index:
        stored = IndexedClaim("C1", "s", claim, "Wire", "wire", "Wire")
        index.add(IndexedArticle(key="a.md", digest="same"), [stored])
        index.add(IndexedArticle(key="b.md", digest="other"), [stored])
        index.commit()
        assert [match.article.key for match in index.matches(claim, 90, exclude_digest="same")] == ["b.md"]


def test_an_article_is_represented_by_its_first_stored_unit_among_equals_query_after_query() -> None:
    claim = "The council approved a budget of 412 million euros for 2025 on Wednesday."
    with CorpusIndex.create() as index:
        units = [
            IndexedClaim(claim_id, "s", claim, "Wire", "wire", "Wire") for claim_id in ("C7", "C3", "C5")
        ]
        index.add(IndexedArticle(key="a.md", digest="a"), units)
        index.commit()
        for _ in range(2):  # the second query reads the rows kept from the first
            assert [(match.article.key, match.claim.claim_id) for match in index.matches(claim, 90)] == [
                ("a.md", "C7")
            ]
        index.add(IndexedArticle(key="b.md", digest="b"), units[:1])
        index.commit()
        assert [match.article.key for match in index.matches(claim, 90)] == ["a.md", "b.md"]


@pytest.mark.parametrize("content", [b"plain text, not a database", b"SQLite format 3\x00" + b"\x00" * 200])
def test_a_file_that_is_not_an_index_is_refused_in_one_line(tmp_path: Path, content: bytes) -> None:
    fake = tmp_path / "fake.sqlite"
    fake.write_bytes(content)
    with pytest.raises(InputError, match="not a corpus index"):
        load_corpus(fake)


def test_an_index_of_another_format_version_asks_for_a_rebuild(tmp_path: Path) -> None:
    old = tmp_path / "old.sqlite"
    build_index(_corpus_folder(tmp_path / "corpus"), old).close()
    with sqlite3.connect(old) as connection:
        connection.execute("UPDATE meta SET value = 'provenance-corpus-index/0' WHERE key = 'format'")
    with pytest.raises(InputError, match="rebuild") as refused:
        load_corpus(old)
    assert "\n" not in str(refused.value)
    assert f"'provenance-corpus-index/0' is not {INDEX_FORMAT!r}" in str(refused.value)


def test_missing_corpus_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such corpus"):
        load_corpus(tmp_path / "nowhere")


def test_a_generic_name_is_not_an_independent_named_source() -> None:
    publisher = _chain((PUBLISHER, "Baltic Ledger", SourceType.OUTLET))
    analysis = _analysis(
        "Baltic Ledger",
        publisher,
        [
            _chain(
                (PUBLISHER, "Baltic Ledger", SourceType.OUTLET), (RELAY, "Reuters", SourceType.WIRE_AGENCY)
            ),
            _chain(
                (PUBLISHER, "Baltic Ledger", SourceType.OUTLET),
                (SOURCE, "agency", SourceType.NAMED_ORGANISATION),
            ),
        ],
    )
    assert claim_upstreams(analysis)["C2"].name == "Reuters"


def test_a_folder_with_an_outdated_index_is_indexed_afresh(tmp_path: Path) -> None:
    folder = _corpus_folder(tmp_path)
    (folder / DEFAULT_INDEX_NAME).write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    with load_corpus(folder) as index:
        assert index.location == str(folder)
        assert index.article_count == 2
