"""SARIF output: valid against the official 2.1.0 schema, with what GitHub code scanning needs."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from test_check import ARTICLE, DEFAULT_FAIL_ON, RULES, keyword_scorer

from provenance.check import CheckResult, check_files
from provenance.render.sarif import artifact_uri, render_sarif

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text())


@pytest.fixture
def result(tmp_path: Path) -> CheckResult:
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "port strike.md").write_text(ARTICLE)
    (tmp_path / "desk" / "broken.md").write_bytes(b"\xff\xfe\x00")
    (tmp_path / "crlf.md").write_bytes("Zürich — the port closed,\r\nan official said.\r\n".encode())
    return check_files([tmp_path], keyword_scorer, RULES, DEFAULT_FAIL_ON, root=tmp_path)


def test_sarif_validates_against_the_official_schema(result: CheckResult) -> None:
    log = json.loads(render_sarif(result, "0.1.0"))
    jsonschema.validate(log, SCHEMA)
    assert log["version"] == "2.1.0"
    assert log["$schema"]


def test_driver_lists_every_rule_with_the_metadata_github_needs(result: CheckResult) -> None:
    driver = json.loads(render_sarif(result, "0.1.0"))["runs"][0]["tool"]["driver"]
    assert driver["name"] == "provenance"
    rules = {rule["id"]: rule for rule in driver["rules"]}
    assert {"PRV002", "PRV008", "PRV009", "CHK001", "CHK002", "CHK003"} <= rules.keys()
    single = rules["PRV002"]
    assert single["name"] == "single-source-claim"
    assert single["shortDescription"]["text"] == "Claim backed by a single source"
    assert single["fullDescription"]["text"] == "One source can be wrong."
    assert single["help"]["text"] == "Find a second, independent source.\n\nWhy: One source can be wrong."
    assert single["defaultConfiguration"]["level"] == "warning"
    fails = {rule_id for rule_id, rule in rules.items() if "fails-check" in rule["properties"]["tags"]}
    assert {"PRV002", "CHK001", "CHK003"} <= fails
    assert "PRV008" not in fails


def test_results_carry_rule_level_location_region_and_fingerprint(result: CheckResult) -> None:
    run = json.loads(render_sarif(result, "0.1.0"))["runs"][0]
    rule_ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    by_file: dict[str, list[dict]] = {}  # type: ignore[type-arg]
    for entry in run["results"]:
        uri = entry["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        by_file.setdefault(uri, []).append(entry)
        assert rule_ids[entry["ruleIndex"]] == entry["ruleId"]
        assert entry["partialFingerprints"]["primaryLocationLineHash"]
    assert set(by_file) == {"crlf.md", "desk/port%20strike.md"}
    [crlf] = by_file["crlf.md"]
    assert crlf["level"] == "error"
    assert crlf["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 1,
        "startColumn": 1,
        "endLine": 2,
        "endColumn": 18,
    }
    strike = by_file["desk/port%20strike.md"]
    assert [entry["locations"][0]["physicalLocation"]["region"]["startLine"] for entry in strike] == [
        6,
        9,
        11,
    ]
    assert run["columnKind"] == "unicodeCodePoints"


def test_inline_suppression_is_kept_with_its_justification(result: CheckResult) -> None:
    run = json.loads(render_sarif(result, "0.1.0"))["runs"][0]
    suppressed = [entry for entry in run["results"] if "suppressions" in entry]
    assert len(suppressed) == 1
    assert suppressed[0]["suppressions"] == [
        {
            "kind": "inSource",
            "status": "accepted",
            "justification": "confirmed by phone with the harbour master",
        }
    ]
    assert suppressed[0]["level"] == "warning"


def test_unreadable_input_is_a_tool_execution_notification(result: CheckResult) -> None:
    invocation = json.loads(render_sarif(result, "0.1.0"))["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    [notification] = invocation["toolExecutionNotifications"]
    assert notification["level"] == "error"
    assert notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "desk/broken.md"


def test_artifact_uris_are_escaped_references() -> None:
    assert artifact_uri("desk/a b#1.md") == "desk/a%20b%231.md"
    assert artifact_uri("/srv/news/a.md") == "file:///srv/news/a.md"


def test_identical_claims_get_distinct_fingerprints(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        "The port closed, an official said.\n\nThe port closed, an official said.\n"
    )
    result = check_files([tmp_path], keyword_scorer, RULES, DEFAULT_FAIL_ON, root=tmp_path)
    results = json.loads(render_sarif(result, "0.1.0"))["runs"][0]["results"]
    prints = [entry["partialFingerprints"]["primaryLocationLineHash"] for entry in results]
    assert len(prints) == 2
    assert prints[0].split(":")[0] == prints[1].split(":")[0]
    assert prints[0] != prints[1]
