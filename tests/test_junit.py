"""JUnit output: parses with the standard library; one case per article, a failure per failing finding."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from test_check import ARTICLE, DEFAULT_FAIL_ON, RULES, keyword_scorer

from provenance.check import check_files
from provenance.render.junit import render_junit


def test_junit_has_a_case_per_article_and_a_failure_per_failing_finding(tmp_path: Path) -> None:
    (tmp_path / "strike.md").write_text(ARTICLE)
    (tmp_path / "clean.md").write_text("The port reopened, the mayor said on the record.\n")
    (tmp_path / "empty.md").write_text("  \n")
    suites = ET.fromstring(
        render_junit(check_files([tmp_path], keyword_scorer, RULES, DEFAULT_FAIL_ON, root=tmp_path))
    )
    assert suites.tag == "testsuites"
    assert (suites.get("tests"), suites.get("failures"), suites.get("errors")) == ("3", "1", "1")
    cases = {case.get("name"): case for case in suites.iter("testcase")}
    assert set(cases) == {"clean.md", "empty.md", "strike.md"}
    assert cases["clean.md"].find("failure") is None
    failures = cases["strike.md"].findall("failure")
    assert [failure.get("type") for failure in failures] == ["PRV002", "PRV002"]
    assert (failures[0].text or "").startswith("strike.md:6:1: PRV002 single-source-claim")
    error = cases["empty.md"].find("error")
    assert error is not None
    assert "file is empty" in (error.get("message") or "")


def test_junit_survives_control_characters_and_markup_in_article_text(tmp_path: Path) -> None:
    (tmp_path / "hostile.md").write_text("The <b>port</b> & \x0bdock\x1b closed ]]>, an official said.\n")
    document = render_junit(check_files([tmp_path], keyword_scorer, RULES, DEFAULT_FAIL_ON, root=tmp_path))
    failure = ET.fromstring(document).find(".//failure")
    assert failure is not None
    assert "Claim: The <b>port</b> & dock closed ]]>, an official said." in (failure.text or "")
