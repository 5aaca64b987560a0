"""The rule pack: meta-tests every rule file must pass, loader errors, plugins, and the rules commands."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from pydantic import ValidationError
from typer.testing import CliRunner

from provenance.cli import app
from provenance.config import Config
from provenance.errors import RuleFileError
from provenance.extract import analyze
from provenance.ingest import parse_article
from provenance.models import Anonymity, CueKind
from provenance.scoring import DEFAULT_RULES, Rule, load_rule_file, load_rule_pack, score
from provenance.scoring import loader as rule_loader
from provenance.scoring.rules import ClaimConditions

RULE_FILES = sorted(DEFAULT_RULES.glob("*.toml"))
STANDARDS = re.compile(
    r"BBC|AP\b|Associated Press|Reuters Handbook|New York Times|W3C|Trust Project|NewsGuard"
)
SECTION = re.compile(r"\d+\.\d+|\(\d{4}\)|\"[A-Z][^\"]+\"|\([a-z][a-z -]+\)")

VALID = """\
id = "HSE001"
name = "house-style"
summary = "Claim cites a blog"
severity = "warning"
weight = 3
effect = "penalty"
message = "{claim} cites {sources}"
rationale = "House rule: blogs are not sources (Style Guide 2.1)."
help = "Cite the original."

[when]
source_types = { any = ["outlet"] }

[[examples]]
kind = "fail"
text = "The Example Blog reported the mill will close."

[[examples]]
kind = "pass"
text = "Mill owner Ada Park said the mill will close."
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_default_pack_has_the_rules_an_editor_expects() -> None:
    names = {rule.name for rule in load_rule_pack().rules}
    assert {
        "anonymous-sources-only",
        "single-source",
        "single-anonymous-source",
        "vague-anonymous-source",
        "second-hand-relay",
        "reporter-narration",
        "anonymous-opinion",
        "hedged-claim",
        "named-on-record-source",
        "independent-sources",
        "primary-source",
        "corroborated",
        "contradicted",
        "relayed-claim",
        "corroborated-in-article",
    } <= names


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda path: path.stem)
def test_every_rule_has_examples_and_a_cited_rationale(path: Path) -> None:
    rule = load_rule_file(path)
    kinds = [example.kind for example in rule.examples]
    assert "pass" in kinds, "a rule needs at least one pass example"
    assert "fail" in kinds, "a rule needs at least one fail example"
    assert STANDARDS.search(rule.rationale), "the rationale must cite an editorial standard"
    assert SECTION.search(rule.rationale), "the rationale must name the section or policy it cites"
    assert rule.help.strip()
    assert rule.summary.strip()
    for example in rule.examples:
        assert example.claim is None or example.claim in example.text, (
            "an example's claim is a piece of its text"
        )


def test_rule_ids_are_unique_and_match_file_names() -> None:
    pack = load_rule_pack()
    assert len(set(pack.ids)) == len(pack.ids) == len(RULE_FILES)
    for rule in pack.rules:
        assert rule.origin is not None
        assert Path(rule.origin).name.startswith(f"{rule.id}-{rule.name}")


def test_credits_are_info_and_only_info_rules_are_neutral() -> None:
    for rule in load_rule_pack().rules:
        if rule.effect == "credit":
            assert rule.severity.value == "info", rule.id
        assert rule.weight > 0 or rule.severity.value == "info", rule.id


def test_a_valid_third_party_rule_file_loads(tmp_path: Path) -> None:
    rule = load_rule_file(write(tmp_path / "HSE001-house-style.toml", VALID))
    assert isinstance(rule, Rule)
    assert (rule.id, rule.name, rule.points) == ("HSE001", "house-style", -3)


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        (VALID.replace("weight = 3\n", "weight = 3\nwieght = 4\n"), 6, "unknown key 'wieght'"),
        (VALID.replace('severity = "warning"', 'severity = "fatal"'), 4, "severity"),
        (VALID.replace("weight = 3", "weight = -3"), 5, "weight"),
        (
            VALID.replace('source_types = { any = ["outlet"] }', "cue_kind = 1"),
            12,
            "unknown key 'when.cue_kind'",
        ),
        (
            VALID.replace('source_types = { any = ["outlet"] }', 'source_types = { any = ["blog"] }'),
            12,
            "source_types",
        ),
        (VALID.replace("{claim} cites {sources}", "{claim} cites {source}"), 1, "placeholder {source}"),
        (VALID.replace('kind = "pass"', 'kind = "maybe"'), 19, "examples.1.kind"),
        (VALID.replace('name = "house-style"', 'name = "House Style"'), 2, "name"),
        (VALID.replace("[when]\n", "[when\n"), 11, "malformed TOML"),
        (VALID.replace('help = "Cite the original."\n', 'help = "Cite."\ncheck = "x:y"\n'), 1, "exactly one"),
    ],
)
def test_malformed_rule_files_name_file_line_and_problem(
    tmp_path: Path, text: str, line: int, problem: str
) -> None:
    path = write(tmp_path / "HSE001-house-style.toml", text)
    with pytest.raises(RuleFileError) as raised:
        load_rule_file(path)
    assert raised.value.where == f"{path}:{line}"
    assert problem in raised.value.problem


def test_file_name_must_start_with_the_rule_id(tmp_path: Path) -> None:
    with pytest.raises(RuleFileError, match="file name must start with the rule id 'HSE001'"):
        load_rule_file(write(tmp_path / "blog-rule.toml", VALID))


def test_python_check_must_import(tmp_path: Path) -> None:
    text = VALID.replace(
        '[when]\nsource_types = { any = ["outlet"] }\n', 'check = "provenance.scoring.checks:nope"\n'
    )
    with pytest.raises(RuleFileError, match="has no function 'nope'"):
        load_rule_file(write(tmp_path / "HSE001-house-style.toml", text))


def test_extra_rule_folder_adds_rules_and_duplicate_ids_are_refused(tmp_path: Path) -> None:
    folder = tmp_path / "house"
    write(folder / "HSE001-house-style.toml", VALID)
    pack = load_rule_pack((folder,))
    assert pack.ids[-1] == "HSE001"
    clash = tmp_path / "clash"
    write(clash / "PRV001-again.toml", VALID.replace("HSE001", "PRV001"))
    with pytest.raises(RuleFileError, match="already defined"):
        load_rule_pack((clash,))
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(RuleFileError, match="holds no"):
        load_rule_pack((empty,))


def test_a_broken_plugin_is_reported_not_fatal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good = tmp_path / "good"
    write(good / "HSE001-house-style.toml", VALID)

    def broken() -> object:
        raise ImportError("No module named 'newsroom_rules'")

    monkeypatch.setattr(
        rule_loader, "_plugin_loaders", lambda: [("newsroom", broken), ("house", lambda: str(good))]
    )
    rule_loader.load_rule_pack.cache_clear()
    try:
        pack = rule_loader.load_rule_pack()
    finally:
        rule_loader.load_rule_pack.cache_clear()
    assert "HSE001" in pack.ids
    assert "PRV003" in pack.ids
    assert len(pack.load_errors) == 1
    assert "newsroom" in pack.load_errors[0]
    assert "newsroom_rules" in pack.load_errors[0]


def test_rule_metadata_is_complete_for_exporters() -> None:
    for rule in load_rule_pack().rules:
        exported = rule.model_dump(mode="json")
        for key in ("id", "name", "summary", "rationale", "help", "severity", "message"):
            assert exported[key], (rule.id, key)


runner = CliRunner()


def test_rules_command_lists_every_active_rule() -> None:
    result = runner.invoke(app, ["rules"])
    assert result.exit_code == 0, result.output
    for rule in load_rule_pack().rules:
        assert re.search(rf"^{rule.id}\s+{rule.name}\s+{rule.severity.value}", result.output, re.MULTILINE)


def test_rules_command_honours_the_config(tmp_path: Path) -> None:
    config = write(tmp_path / "provenance.toml", 'ignore = ["PRV01"]\n')
    result = runner.invoke(app, ["rules", "--config", str(config)])
    assert result.exit_code == 0, result.output
    assert "PRV009" in result.output
    assert "PRV010" not in result.output


def test_rules_explain_shows_rationale_help_and_examples() -> None:
    result = runner.invoke(app, ["rules", "explain", "prv003"])
    assert result.exit_code == 0, result.output
    rule = load_rule_pack().get("PRV003")
    assert result.output.startswith(
        "PRV003 single-anonymous-source: Claim whose only support is one unnamed individual"
    )
    assert "BBC Editorial Guidelines" in result.output
    assert "What to do" in result.output
    assert "provenance check: fails by default" in result.output
    for example in rule.examples:
        for line in example.text.strip().splitlines():
            assert line.strip() in result.output


def test_rules_explain_unknown_id_is_a_usage_error() -> None:
    result = runner.invoke(app, ["rules", "explain", "PRV999"])
    assert result.exit_code == 2
    assert result.output.startswith("error[PRV-E300]: PRV999: no such rule")


def test_readme_lists_every_default_rule_with_its_severity() -> None:
    readme = (DEFAULT_RULES.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Sourcing score", 1)[1].split("\n## ", 1)[0]
    for rule in load_rule_pack(plugins=False).rules:
        assert re.search(
            rf"^\| {rule.id} \| {rule.name} \| {rule.severity.value} \|", section, re.MULTILINE
        ), rule.id


def test_a_declarative_rule_that_needs_a_crosscheck_is_skipped_without_one(tmp_path: Path) -> None:
    folder = tmp_path / "house"
    write(
        folder / "HSE001-house-style.toml",
        VALID.replace('effect = "penalty"\n', 'effect = "penalty"\nneeds = ["crosscheck"]\n'),
    )
    pack = load_rule_pack((folder,), plugins=False)
    analysis = analyze(parse_article("Reuters reported that the mill will close.\n"))
    report = score(analysis, Config(select=("HSE001",)), pack=pack)
    assert report.skipped_rules == ["HSE001"]
    assert not [f for claim in report.claim_scores for f in claim.findings]


def test_rule_packs_install_through_the_entry_point_group(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    folder = tmp_path / "newsroom-rules"
    write(folder / "HSE001-house-style.toml", VALID)
    write(site / "newsroom_rules.py", f"RULES = {str(folder)!r}\n")
    write(
        site / "newsroom_rules-1.0.dist-info" / "METADATA",
        "Metadata-Version: 2.1\nName: newsroom-rules\nVersion: 1.0\n",
    )
    write(
        site / "newsroom_rules-1.0.dist-info" / "entry_points.txt",
        "[provenance.rules]\nhouse = newsroom_rules:RULES\nbroken = newsroom_missing:RULES\n",
    )
    monkeypatch.syspath_prepend(str(site))
    rule_loader.load_rule_pack.cache_clear()
    try:
        pack = rule_loader.load_rule_pack()
    finally:
        rule_loader.load_rule_pack.cache_clear()
    assert "HSE001" in pack.ids
    assert [error.split(":")[0] for error in pack.load_errors] == ["rule plugin 'broken' not loaded"]


FACTS = SimpleNamespace(
    sourced=True,
    headcount=2,
    cue_kinds=frozenset({CueKind.BELIEF}),
    anonymities=frozenset({Anonymity.VAGUE, Anonymity.NAMED}),
)


@pytest.mark.parametrize(
    ("when", "holds"),
    [
        ({"sourced": True}, True),
        ({"sourced": False}, False),
        ({"headcount": 2}, True),
        ({"headcount": {"min": 3}}, False),
        ({"headcount": {"max": 1}}, False),
        ({"headcount": {"min": 1, "max": 2}}, True),
        ({"cue_kinds": {"only": ["belief"]}}, True),
        ({"cue_kinds": {"only": ["statement"]}}, False),
        ({"anonymities": {"any": ["vague"]}}, True),
        ({"anonymities": {"only": ["vague"]}}, False),
        ({"anonymities": {"none": ["specific"]}}, True),
        ({"anonymities": {"none": ["named"]}}, False),
        ({"sourced": True, "headcount": {"min": 3}}, False),
    ],
)
def test_condition_language(when: dict[str, object], holds: bool) -> None:
    assert ClaimConditions.model_validate(when).holds(FACTS) is holds


@pytest.mark.parametrize(
    "when", [{"headcount": {}}, {"anonymities": {}}, {"headcount": -1}, {"sourced": "yes"}]
)
def test_empty_or_bad_conditions_are_refused(when: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        ClaimConditions.model_validate(when)
