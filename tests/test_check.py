"""The check core: positions, suppression markers, policy, baseline, file walking, parallel runs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.check import (
    RuleDescriptor,
    baseline_of,
    check_article,
    check_files,
    read_baseline,
    write_baseline,
)
from provenance.check.models import CheckPolicy, SuppressionKind
from provenance.check.positions import LineIndex
from provenance.check.suppress import find_markers
from provenance.check.walk import select_articles
from provenance.config import CheckConfig
from provenance.errors import ConfigError, ExitStatus
from provenance.extract import analyze
from provenance.ingest import parse_article
from provenance.models import AnalysisResult, ClaimScore, Finding, ScoreReport, Severity

SINGLE_SOURCE = RuleDescriptor(
    id="PRV002",
    name="single-source-claim",
    summary="Claim backed by a single source",
    rationale="One source can be wrong.",
    help="Find a second, independent source.",
    severity=Severity.WARNING,
)
HEDGED = RuleDescriptor(
    id="PRV008",
    name="hedged-claim",
    summary="Hedged claim",
    rationale="Hedges signal uncertainty.",
    help="Say what is known.",
    severity=Severity.INFO,
)
RUMOUR = RuleDescriptor(
    id="PRV009",
    name="rumour",
    summary="Rumour repeated",
    rationale="Rumours mislead.",
    help="Do not print rumours.",
    severity=Severity.ERROR,
)
RULES = [SINGLE_SOURCE, HEDGED, RUMOUR]
DEFAULT_FAIL_ON = ["PRV002", "error"]
ONE_SOURCE = re.compile(r"\b(a person familiar|an official said|one witness)\b", re.IGNORECASE)


def keyword_scorer(analysis: AnalysisResult) -> ScoreReport:
    """Score by keywords, standing in for the rule pack: the check must not depend on scoring details."""
    claim_scores = []
    for claim in analysis.claims:
        findings = []
        if ONE_SOURCE.search(claim.text):
            findings.append(_finding(SINGLE_SOURCE, claim.id, "Claim rests on a single source."))
        if "allegedly" in claim.text:
            findings.append(_finding(HEDGED, claim.id, "Claim is hedged."))
        score = 100.0 - 40 * sum(1 for finding in findings if finding.rule_id == "PRV002")
        claim_scores.append(ClaimScore(claim_id=claim.id, score=max(score, 0), grade="A", findings=findings))
    article_findings = (
        [_finding(RUMOUR, None, "The article repeats a rumour.")] if "rumour" in analysis.article.text else []
    )
    total = min((score.score for score in claim_scores), default=100.0)
    return ScoreReport(
        analysis=analysis,
        claim_scores=claim_scores,
        article_findings=article_findings,
        score=total,
        grade="B",
    )


def _finding(rule: RuleDescriptor, claim_id: str | None, message: str) -> Finding:
    return Finding(
        rule_id=rule.id, rule_name=rule.name, severity=rule.severity, message=message, claim_id=claim_id
    )


def checked(text: str, fail_on: list[str] | None = None, fail_under: float | None = None, path: str = "a.md"):
    policy = CheckPolicy(fail_on=fail_on or DEFAULT_FAIL_ON, fail_under=fail_under)
    names = {name for rule in RULES for name in (rule.id, rule.name)}
    return check_article(path, keyword_scorer(analyze(parse_article(text, path))), policy, names)


# Positions


def test_positions_count_code_points_not_bytes() -> None:
    text = "Zürich 🚢 port\nAn official said so."
    index = LineIndex(text)
    assert index.position(text.index("port")) == (1, 10)
    assert index.position(text.index("official")) == (2, 4)


@pytest.mark.parametrize("newline", ["\r\n", "\n", "\r"])
def test_positions_are_the_same_for_every_line_ending(newline: str) -> None:
    text = newline.join(["first line", "", "third — line"])
    index = LineIndex(text)
    start = text.index("line", text.index("third"))
    region = index.region(start, start + 4)
    assert (region.start_line, region.start_column, region.end_line, region.end_column) == (3, 9, 3, 13)


def test_offset_inside_crlf_stays_on_its_line() -> None:
    text = "ab\r\ncd"
    assert LineIndex(text).position(3) == (1, 3)


@given(st.text(alphabet=st.sampled_from("ab é🚢\r\n"), max_size=60), st.data())
def test_positions_point_back_at_the_same_character(text: str, data: st.DataObject) -> None:
    offset = data.draw(st.integers(min_value=0, max_value=len(text)))
    if offset < len(text) and text[offset] in "\r\n":
        return
    line, column = LineIndex(text).position(offset)
    lines = re.split(r"\r\n|\r|\n", text)
    line_start = sum(len(part) for part in lines[: line - 1]) + sum(
        len(match.group()) for match in list(re.finditer(r"\r\n|\r|\n", text))[: line - 1]
    )
    assert line_start + column - 1 == offset


# Suppression markers


def test_marker_with_rule_and_reason_is_valid() -> None:
    markers = find_markers("<!-- provenance: ignore PRV002 -- confirmed by phone with the ministry -->")
    assert [(marker.rules, marker.reason) for marker in markers.valid] == [
        (("PRV002",), "confirmed by phone with the ministry")
    ]


@pytest.mark.parametrize(
    ("marker", "problem"),
    [
        ("<!-- provenance: ignore PRV002 -->", "gives no reason"),
        ("<!-- provenance: ignore PRV002 --   -->", "gives no reason"),
        ("<!-- provenance: ignore -- checked -->", "names no rule"),
        ("<!-- provenance: ignore PRV999 -- checked -->", "unknown rule PRV999"),
        ("<!-- provenance: silence PRV002 -- checked -->", "unknown directive"),
    ],
)
def test_malformed_markers_are_reported(marker: str, problem: str) -> None:
    markers = find_markers(marker, known_rules={"PRV002", "single-source-claim"})
    assert not markers.valid
    assert problem in markers.malformed[0].problem


def test_marker_may_name_several_rules_by_id_or_name_over_several_lines() -> None:
    markers = find_markers(
        "<!--\n  provenance: ignore PRV002, hedged-claim\n  -- both checked with the port\n-->"
    )
    assert markers.valid[0].rules == ("PRV002", "hedged-claim")
    assert markers.valid[0].reason == "both checked with the port"


ARTICLE = """---
title: Port strike
outlet: Harbour Gazette
---

The port was closed on Monday, an official said.

<!-- provenance: ignore PRV002 -- confirmed by phone with the harbour master -->
The strike will last a week, a person familiar with the talks said.

Ships were diverted to Hull, one witness told the paper.
"""


def test_marker_silences_its_rule_on_the_next_claim_only() -> None:
    report = checked(ARTICLE)
    single = [finding for finding in report.findings if finding.rule_id == "PRV002"]
    assert [finding.region.start_line for finding in single] == [6, 9, 11]
    assert [finding.failing for finding in single] == [True, False, True]
    assert single[1].suppression is not None
    assert single[1].suppression.kind is SuppressionKind.INLINE
    assert single[1].suppression.reason == "confirmed by phone with the harbour master"


def test_marker_for_another_rule_silences_nothing_and_is_reported_unused() -> None:
    report = checked(ARTICLE.replace("ignore PRV002", "ignore PRV008"))
    assert [finding.failing for finding in report.findings if finding.rule_id == "PRV002"] == [
        True,
        True,
        True,
    ]
    unused = [finding for finding in report.findings if finding.rule_name == "unused-suppression"]
    assert len(unused) == 1
    assert unused[0].region.start_line == 8
    assert not unused[0].failing


def test_marker_without_reason_fails_even_under_a_custom_policy() -> None:
    report = checked(
        ARTICLE.replace(" -- confirmed by phone with the harbour master", ""), fail_on=["PRV009"]
    )
    invalid = [finding for finding in report.findings if finding.rule_name == "invalid-suppression"]
    assert len(invalid) == 1
    assert invalid[0].failing
    assert "no reason" in invalid[0].message
    assert all(not finding.failing for finding in report.findings if finding.rule_id == "PRV002")


def test_info_findings_are_reported_only_when_they_fail() -> None:
    text = "Ships were allegedly diverted to Hull.\n"
    assert checked(text).findings == []
    hedged = checked(text, fail_on=["info"]).findings
    assert [(finding.rule_id, finding.failing) for finding in hedged] == [("PRV008", True)]


def test_severity_in_policy_means_that_level_or_worse() -> None:
    text = "The port closed, an official said. A rumour spread.\n"
    by_warning = checked(text, fail_on=["warning"]).findings
    assert {finding.rule_id for finding in by_warning if finding.failing} == {"PRV002", "PRV009"}
    by_error = checked(text, fail_on=["error"]).findings
    assert {finding.rule_id for finding in by_error if finding.failing} == {"PRV009"}


def test_article_finding_points_at_the_headline() -> None:
    text = "date 2025-01-02 Port rumour denied\n\nSource: Harbour Gazette\n\nDetails: The port is open.\n"
    report = checked(text, path="seed.txt")
    rumour = next(finding for finding in report.findings if finding.rule_id == "PRV009")
    assert (rumour.region.start_line, rumour.region.start_column) == (1, 17)
    assert rumour.claim_id is None


def test_fail_under_adds_a_failing_score_finding() -> None:
    report = checked(ARTICLE, fail_on=["PRV009"], fail_under=80)
    below = [finding for finding in report.findings if finding.rule_name == "score-below-threshold"]
    assert len(below) == 1
    assert below[0].failing
    assert "below the minimum 80" in below[0].message
    assert checked(ARTICLE, fail_on=["PRV009"], fail_under=50).failing == []


def test_policy_rejects_unknown_rules(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("Body.\n")
    with pytest.raises(ConfigError, match="unknown rule or severity 'PRV404'"):
        check_files(
            [tmp_path],
            keyword_scorer,
            RULES,
            DEFAULT_FAIL_ON,
            CheckConfig(fail_on=("PRV404",)),
            root=tmp_path,
        )


# Runs over files, baseline


def run(tmp_path: Path, settings: CheckConfig | None = None, **options):  # type: ignore[no-untyped-def]
    return check_files([tmp_path], keyword_scorer, RULES, DEFAULT_FAIL_ON, settings, root=tmp_path, **options)


def test_unreadable_file_is_reported_and_the_others_still_checked(tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text("The port is open, the harbour master said on the record.\n")
    (tmp_path / "bad.md").write_bytes(b"\x00\x01binary")
    (tmp_path / "single.md").write_text("The port closed, an official said.\n")
    result = run(tmp_path)
    assert [report.path for report in result.files] == ["bad.md", "good.md", "single.md"]
    assert result.files[0].error is not None
    assert "binary" in result.files[0].error
    assert len(result.files[2].failing) == 1
    assert result.exit_status is ExitStatus.INPUT


def test_missing_target_is_unreadable(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("The port is open.\n")
    result = check_files(
        [tmp_path / "a.md", tmp_path / "gone.md"], keyword_scorer, RULES, DEFAULT_FAIL_ON, root=tmp_path
    )
    assert [report.path for report in result.unreadable] == ["gone.md"]
    assert result.exit_status is ExitStatus.INPUT


def test_exit_status_follows_the_policy(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("The port closed, an official said.\n")
    assert run(tmp_path).exit_status is ExitStatus.FINDINGS
    assert run(tmp_path, CheckConfig(fail_on=("error",))).exit_status is ExitStatus.OK


def test_baseline_silences_known_findings_and_fails_new_ones(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text("The port closed, an official said.\n")
    baseline_file = tmp_path / "baseline.json"
    write_baseline(baseline_file, baseline_of(run(tmp_path)))
    baseline = read_baseline(baseline_file)

    article.write_text("# Port\n\nNew intro paragraph.\n\nThe port closed, an official said.\n")
    moved = run(tmp_path, baseline=baseline)
    assert moved.exit_status is ExitStatus.OK
    [known] = [finding for finding in moved.files[0].findings if finding.rule_id == "PRV002"]
    assert known.region.start_line == 5
    assert known.suppression is not None
    assert known.suppression.kind is SuppressionKind.BASELINE

    article.write_text("The port closed, an official said.\n\nShips left, one witness said.\n")
    grown = run(tmp_path, baseline=baseline)
    assert [finding.claim_text for finding in grown.failing] == ["Ships left, one witness said."]


def test_baseline_counts_identical_findings(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text("The port closed, an official said.\n")
    baseline = baseline_of(run(tmp_path))
    article.write_text("The port closed, an official said.\n\nThe port closed, an official said.\n")
    assert len(run(tmp_path, baseline=baseline).failing) == 1


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("{", "not valid JSON"),
        ('{"entries": [{"path": 1}]}', "malformed baseline"),
        ('{"version": 9}', "version 9"),
    ],
)
def test_malformed_baseline_is_a_config_error(tmp_path: Path, content: str, problem: str) -> None:
    (tmp_path / "baseline.json").write_text(content)
    with pytest.raises(ConfigError, match=problem):
        read_baseline(tmp_path / "baseline.json")
    with pytest.raises(ConfigError, match="not found"):
        read_baseline(tmp_path / "missing.json")


def test_parallel_run_matches_serial_run(tmp_path: Path) -> None:
    for number in range(12):
        claim = "an official said" if number % 3 else "the mayor said on the record"
        (tmp_path / f"story-{number:02}.md").write_text(f"Story {number} happened, {claim}.\n")
    seen: list[str] = []
    serial = run(tmp_path)
    parallel = run(tmp_path, jobs=2, on_report=lambda report: seen.append(report.path))
    assert parallel == serial
    assert seen == [report.path for report in serial.files]
    assert len(serial.failing) == 8


# Walking


def tree(root: Path, files: dict[str, str]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content)


def selected(root: Path, targets: list[Path] | None = None, **options) -> list[str]:  # type: ignore[no-untyped-def]
    selection = select_articles(targets or [root], root, **options)
    return [path.relative_to(root).as_posix() for path in selection.files]


def test_walk_uses_include_globs_and_skips_vcs_folders(tmp_path: Path) -> None:
    tree(tmp_path, {"a.md": "x", "b.txt": "x", "c.py": "x", "d/e.html": "x", ".git/f.md": "x"})
    assert selected(tmp_path) == ["a.md", "b.txt", "d/e.html"]
    assert selected(tmp_path, include=["*.md"]) == ["a.md"]


def test_walk_honours_exclude_globs_and_nested_gitignore(tmp_path: Path) -> None:
    tree(
        tmp_path,
        {
            ".gitignore": "build/\n*.draft.md\n",
            "a.md": "x",
            "a.draft.md": "x",
            "build/b.md": "x",
            "desk/.gitignore": "*.md\n!keep.md\n",
            "desk/keep.md": "x",
            "desk/skip.md": "x",
            "archive/2019/old.md": "x",
            "archive/new.md": "x",
        },
    )
    assert selected(tmp_path) == ["a.md", "archive/2019/old.md", "archive/new.md", "desk/keep.md"]
    assert selected(tmp_path, exclude=["archive/2019/"]) == ["a.md", "archive/new.md", "desk/keep.md"]
    assert "a.draft.md" in selected(tmp_path, respect_gitignore=False)


def test_gitignore_above_a_named_folder_applies_up_to_the_repository_root(tmp_path: Path) -> None:
    tree(tmp_path, {".git/HEAD": "x", ".gitignore": "*.draft.md\n", "desk/a.md": "x", "desk/b.draft.md": "x"})
    assert selected(tmp_path, [tmp_path / "desk"]) == ["desk/a.md"]


def test_named_files_skip_include_globs_but_not_excludes(tmp_path: Path) -> None:
    tree(tmp_path, {"notes.rst": "x", "skip.md": "x"})
    targets = [tmp_path / "notes.rst", tmp_path / "skip.md"]
    assert selected(tmp_path, targets, exclude=["skip.md"]) == ["notes.rst"]


FRAGMENTS = [
    "<!--",
    "-->",
    " provenance:",
    " ignore",
    " PRV002",
    " --",
    " why",
    "\r\n",
    "\n",
    "é",
    ". ",
    "An official said",
]


@settings(deadline=None)  # the first example loads the lexicons; speed is not what this test is about
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=30).map("".join))
def test_any_text_with_marker_fragments_checks_without_crashing(text: str) -> None:
    if not text.strip():
        return
    report = checked(text)
    lines = re.split(r"\r\n|\r|\n", text)
    for finding in report.findings:
        assert 1 <= finding.region.start_line <= finding.region.end_line <= len(lines)


def test_walk_does_not_follow_folder_symlinks(tmp_path: Path) -> None:
    tree(tmp_path, {"desk/a.md": "x"})
    (tmp_path / "desk" / "loop").symlink_to(tmp_path / "desk", target_is_directory=True)
    assert selected(tmp_path) == ["desk/a.md"]


def test_an_empty_selection_passes_with_a_warning(tmp_path: Path) -> None:
    tree(tmp_path, {"notes.py": "x"})
    result = run(tmp_path)
    assert result.exit_status is ExitStatus.OK
    assert result.files == []
    assert result.warnings == [f"no article files found in {tmp_path}"]
