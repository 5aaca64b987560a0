"""Cross-checking articles against the fixture corpus: the golden seed case, the commands, their errors."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from soup import article_or_reject
from test_retrieval import _shared_share
from typer.testing import CliRunner

from provenance.api import analyze_path, crosscheck_path
from provenance.cli import app
from provenance.corpus import MATCH_THRESHOLD, CorpusIndex, build_index, crosscheck
from provenance.corpus.index import IndexedArticle, IndexedClaim, corpus_files
from provenance.corpus.match import MIN_TOKENS, compare_claims
from provenance.corpus.normalize import normalise
from provenance.corpus.retrieval import MIN_SHARED_WEIGHT
from provenance.corpus.units import claim_units
from provenance.extract import analyze
from provenance.models import CorpusIndexSummary, CrossCheckResult

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
RELAYS = {
    "relay-kyiv-morning-post.txt",
    "relay-atlantic-digest.txt",
    "relay-baltic-ledger.md",
    "relay-danube-daily.md",
}
WIRE = "wire-reuters-coalition.md"
INDEPENDENT = "independent-tallinn-courier.md"
CONTRADICTIONS = {"contradiction-warsaw-gazette.md", "contradiction-coalition-size.md"}

runner = CliRunner()


@pytest.fixture(scope="module")
def fixture_index() -> Iterator[CorpusIndex]:
    with build_index(FIXTURES) as index:
        yield index


@pytest.fixture(scope="module")
def seed_result(fixture_index: CorpusIndex) -> CrossCheckResult:
    seed = FIXTURES.parent / "seeds" / "000_8dac13ad40c6afd4.txt"
    return crosscheck(analyze_path(seed), fixture_index)


def _articles(result: CrossCheckResult, kind: str) -> set[str]:
    return {match.article_id for check in result.claims for match in getattr(check, kind)}


def test_fixture_corpus_is_marked_fictional_and_large_enough() -> None:
    articles = sorted(path for path in FIXTURES.iterdir() if path.suffix in {".md", ".txt"})
    assert len(articles) >= 15
    for path in articles:
        text = path.read_text(encoding="utf-8")
        assert "fictional test fixture" in text.lower(), path.name
        if path.suffix == ".md":
            assert "\nfixture: fictional\n" in text, path.name


def test_every_relay_is_grouped_under_the_wire_report(seed_result: CrossCheckResult) -> None:
    assert RELAYS | {WIRE} <= _articles(seed_result, "dependent")
    assert not (RELAYS | {WIRE}) & _articles(seed_result, "independent")
    for check in seed_result.claims:
        for match in check.dependent:
            if match.article_id in RELAYS | {WIRE}:
                assert match.upstream == "Reuters", match


def test_the_on_record_confirmation_counts_as_independent(seed_result: CrossCheckResult) -> None:
    assert INDEPENDENT in _articles(seed_result, "independent")
    assert INDEPENDENT not in _articles(seed_result, "dependent")


def test_the_contradictions_are_flagged_with_their_reason(seed_result: CrossCheckResult) -> None:
    reasons = {
        match.article_id: match.reason or "" for check in seed_result.claims for match in check.contradictions
    }
    assert set(reasons) == CONTRADICTIONS
    assert "figures differ" in reasons["contradiction-coalition-size.md"]
    assert "12-15" in reasons["contradiction-coalition-size.md"]
    assert "negation differs" in reasons["contradiction-warsaw-gazette.md"]
    assert not CONTRADICTIONS & (_articles(seed_result, "independent") | _articles(seed_result, "dependent"))


def test_no_distractor_or_unrelated_article_matches(seed_result: CrossCheckResult) -> None:
    matched = _articles(seed_result, "independent") | _articles(seed_result, "dependent")
    matched |= _articles(seed_result, "contradictions")
    assert matched == RELAYS | {WIRE, INDEPENDENT} | CONTRADICTIONS
    assert any(not (c.independent or c.dependent or c.contradictions) for c in seed_result.claims)


def test_the_prefilter_finds_every_match_an_exhaustive_scan_finds(fixture_index: CorpusIndex) -> None:
    """Every match on the fixtures is found; a contradiction under the retrieval bound need not be.

    Two reports of one event that disagree on a figure can share less than
    the bound's share of the heavier side's weight (a unit of the wire report
    against the rival coalition figure shares 17%): the whole claim still
    finds it (``test_the_contradictions_are_flagged_with_their_reason``).
    """
    stored = list(fixture_index.all_claims())
    for path in corpus_files(FIXTURES):
        analysis = analyze_path(path)
        for unit in (unit for claim in analysis.claims for unit in claim_units(analysis, claim)):
            if len(normalise(unit).tokens) < MIN_TOKENS:
                continue
            exhaustive, within_bound = set(), set()
            for candidate in stored:
                verdict = compare_claims(unit, candidate.claim.unit)
                if len(normalise(candidate.claim.unit).tokens) < MIN_TOKENS:
                    continue
                if verdict.same_claim or verdict.contradiction:
                    exhaustive.add(candidate.article.key)
                if verdict.same_claim or (
                    verdict.contradiction and _shared_share(unit, candidate.claim.unit) >= MIN_SHARED_WEIGHT
                ):
                    within_bound.add(candidate.article.key)
            indexed = {match.article.key for match in fixture_index.matches(unit, MATCH_THRESHOLD)}
            assert within_bound <= indexed <= exhaustive, (path.name, unit)


def test_crosscheck_path_accepts_a_folder_an_index_file_or_an_open_index(
    tmp_path: Path, fixture_index: CorpusIndex, seed_path: Path
) -> None:
    saved = tmp_path / "fixtures.sqlite"
    build_index(FIXTURES, saved).close()
    from_folder = crosscheck_path(seed_path, FIXTURES)
    from_file = crosscheck_path(seed_path, saved)
    from_open = crosscheck_path(seed_path, fixture_index)
    assert from_folder.claims == from_file.claims == from_open.claims
    assert from_file.corpus == str(saved)
    assert from_folder.articles == len(corpus_files(FIXTURES)) == 17


def test_index_command_writes_an_index_that_crosscheck_reuses(tmp_path: Path, seed_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURES, corpus)
    (corpus / "broken.txt").write_bytes(b"\x00\x01binary")
    built = runner.invoke(app, ["index", str(corpus)])
    assert built.exit_code == 0, built.output
    assert "indexed 17 articles" in built.stdout
    assert "skipped broken.txt: file is binary" in built.stdout
    assert (corpus / ".provenance-index.sqlite").is_file()
    checked = runner.invoke(app, ["crosscheck", str(seed_path), "--corpus", str(corpus), "--format", "json"])
    assert checked.exit_code == 0, checked.output
    result = CrossCheckResult.model_validate(json.loads(checked.stdout))
    assert result.corpus == str(corpus / ".provenance-index.sqlite")
    assert result.articles == 17


def test_crosscheck_text_names_the_shared_upstream_and_the_chain(tmp_path: Path, seed_path: Path) -> None:
    output = tmp_path / "report.txt"
    checked = runner.invoke(app, ["crosscheck", str(seed_path), "--corpus", str(FIXTURES), "-o", str(output)])
    assert checked.exit_code == 0, checked.output
    text = output.read_text(encoding="utf-8")
    assert "shares upstream: Reuters" in text
    assert "chain: Kyiv Morning Post → Reuters" in text
    assert "none found" in text
    assert "contradicted by" in text


def test_index_output_option_writes_where_asked(tmp_path: Path) -> None:
    output = tmp_path / "nested" / "corpus.sqlite"
    output.parent.mkdir()
    built = runner.invoke(app, ["index", str(FIXTURES), "--output", str(output), "--format", "json"])
    assert built.exit_code == 0, built.output
    summary = CorpusIndexSummary.model_validate_json(built.stdout)
    assert (summary.index, summary.articles, summary.skipped) == (str(output), 17, [])
    assert output.is_file()
    assert not list(output.parent.glob("*.tmp"))


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["crosscheck", "{seed}", "--corpus", "{tmp}/nowhere"], "no such corpus"),
        (["crosscheck", "{seed}", "--corpus", "{seed}"], "not a corpus index"),
        (["crosscheck", "{tmp}/missing.txt", "--corpus", "{fixtures}"], "no such file"),
        (["index", "{seed}"], "not a folder of articles"),
    ],
)
def test_bad_inputs_fail_in_one_line_with_exit_3(
    tmp_path: Path, seed_path: Path, arguments: list[str], message: str
) -> None:
    filled = [arg.format(seed=seed_path, tmp=tmp_path, fixtures=FIXTURES) for arg in arguments]
    outcome = runner.invoke(app, filled)
    assert outcome.exit_code == 3
    assert message in outcome.stderr
    assert len(outcome.stderr.strip().splitlines()) == 1
    assert "Traceback" not in outcome.output


def test_score_with_a_corpus_runs_the_cross_check_rules(seed_path: Path) -> None:
    without = runner.invoke(app, ["score", str(seed_path), "--format", "json"])
    scored = runner.invoke(app, ["score", str(seed_path), "--corpus", str(FIXTURES), "--format", "json"])
    assert scored.exit_code == without.exit_code == 0, scored.output
    [plain], [checked] = json.loads(without.stdout), json.loads(scored.stdout)
    assert plain["crosscheck"] is None
    assert {"PRV012", "PRV013"} <= set(plain["skipped_rules"])
    assert checked["crosscheck"]["articles"] == 17
    assert not {"PRV012", "PRV013"} & set(checked["skipped_rules"])
    fired = {finding["rule_id"] for claim in checked["claim_scores"] for finding in claim["findings"]}
    assert "PRV013" in fired


def test_score_with_a_missing_corpus_fails_in_one_line(tmp_path: Path, seed_path: Path) -> None:
    outcome = runner.invoke(app, ["score", str(seed_path), "--corpus", str(tmp_path / "nowhere")])
    assert outcome.exit_code == 3
    assert "no such corpus" in outcome.stderr


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=200),
        min_size=1,
        max_size=4,
    )
)
def test_any_article_cross_checks_without_crashing(fixture_index: CorpusIndex, paragraphs: list[str]) -> None:
    text = "\n\n".join(paragraphs)
    analysis = analyze(article_or_reject(text))
    result = crosscheck(analysis, fixture_index)
    assert [check.claim_id for check in result.claims] == [claim.id for claim in analysis.claims]
    for check in result.claims:
        for match in check.independent + check.dependent + check.contradictions:
            assert match.similarity >= MATCH_THRESHOLD


def test_a_stricter_threshold_keeps_only_closer_matches(seed_path: Path) -> None:
    default = runner.invoke(app, ["crosscheck", str(seed_path), "--corpus", str(FIXTURES), "-f", "json"])
    strict = runner.invoke(
        app, ["crosscheck", str(seed_path), "--corpus", str(FIXTURES), "-f", "json", "--threshold", "95"]
    )
    loose, tight = (CrossCheckResult.model_validate_json(outcome.stdout) for outcome in (default, strict))
    assert tight.threshold == 95
    assert sum(len(c.dependent) for c in tight.claims) < sum(len(c.dependent) for c in loose.claims)
    assert all(match.similarity >= 95 for check in tight.claims for match in check.dependent)
    assert INDEPENDENT not in _articles(tight, "independent")
    out_of_range = runner.invoke(
        app, ["crosscheck", str(seed_path), "--corpus", str(FIXTURES), "--threshold", "101"]
    )
    assert out_of_range.exit_code == 2


def test_an_article_relaying_the_checked_outlet_is_not_independent_of_it(seed_path: Path) -> None:
    analysis = analyze_path(seed_path)
    claim = next(claim for claim in analysis.claims if claim.text.startswith("Macron proposed"))
    relay = IndexedClaim(
        "C1",
        claim.text,
        claim.text,
        "Echo → European Pravda",
        "european pravda",
        "European Pravda",
    )
    with CorpusIndex.create() as index:
        index.add(IndexedArticle(key="echo.md", digest="echo", outlet="Echo"), [relay])
        index.commit()
        check = next(entry for entry in crosscheck(analysis, index).claims if entry.claim_id == claim.id)
    assert [match.upstream for match in check.dependent] == ["European Pravda"]
    assert not check.independent


def test_the_well_sourced_fixture_passes_the_ci_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    passed = runner.invoke(app, ["check", str(FIXTURES / "well-sourced-water-utility.md")])
    assert passed.exit_code == 0, passed.stdout
    relayed = runner.invoke(app, ["check", str(FIXTURES / "relay-danube-daily.md")])
    assert relayed.exit_code == 1
