"""GitHub annotations: workflow-command escaping, the per-level limit, the job summary."""

from __future__ import annotations

from pathlib import Path

from test_check import DEFAULT_FAIL_ON, RULES, keyword_scorer

from provenance.check import check_files
from provenance.render.github import command, escape_data, escape_property, render_github, render_step_summary


def test_messages_escape_percent_and_newlines() -> None:
    assert escape_data("100% sure\r\nsecond line") == "100%25 sure%0D%0Asecond line"


def test_properties_also_escape_colons_and_commas() -> None:
    assert escape_property("a,b: 50%\n") == "a%2Cb%3A 50%25%0A"
    assert (
        command("warning", "x: y, z", file="desk/a,b.md", line=3, title="PRV002 a:b")
        == "::warning file=desk/a%2Cb.md,line=3,title=PRV002 a%3Ab::x: y, z"
    )


def test_annotations_point_at_the_claim_and_put_failures_first(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("Ships were allegedly late.\n\nThe port closed, an official said.\n")
    result = check_files([tmp_path], keyword_scorer, RULES, ["error"], root=tmp_path)
    assert render_github(result).splitlines()[0].startswith("::warning file=a.md,line=3,endLine=3,col=1,")
    failing = check_files([tmp_path], keyword_scorer, RULES, DEFAULT_FAIL_ON, root=tmp_path)
    first = render_github(failing).splitlines()[0]
    assert first == (
        "::error file=a.md,line=3,endLine=3,col=1,endColumn=34,title=PRV002 single-source-claim"
        "::Claim rests on a single source."
    )


def test_annotations_stop_at_ten_per_level_and_the_summary_has_everything(tmp_path: Path) -> None:
    paragraphs = [f"Ship {number} was late, an official said." for number in range(14)]
    (tmp_path / "a.md").write_text("\n\n".join(paragraphs) + "\n")
    (tmp_path / "b|<x>.md").write_bytes(b"\x00")
    result = check_files([tmp_path], keyword_scorer, RULES, DEFAULT_FAIL_ON, root=tmp_path)
    lines = render_github(result).splitlines()
    assert sum(line.startswith("::error ") for line in lines) == 10
    assert "::notice::5 more findings are not annotated; see the job summary." in lines
    summary = render_step_summary(result)
    assert summary.count("| a.md |") == 14
    assert "b\\|&lt;x&gt;.md" in summary


def test_annotations_spread_over_every_failing_file_within_the_limit(tmp_path: Path) -> None:
    crowded = [f"Ship {number} was late, an official said." for number in range(14)]
    (tmp_path / "a.md").write_text("\n\n".join(crowded) + "\n")
    (tmp_path / "b.md").write_text("The crane broke, an official said.\n\nShips were allegedly late.\n")
    (tmp_path / "c.md").write_text("Ships were allegedly late.\n\nThe dock flooded, one witness said.\n")
    result = check_files([tmp_path], keyword_scorer, RULES, DEFAULT_FAIL_ON, root=tmp_path)
    lines = render_github(result).splitlines()
    errors = [line for line in lines if line.startswith("::error ")]
    assert len(errors) == 10
    assert [line.split(",")[0] for line in errors[:3]] == [
        "::error file=a.md",
        "::error file=b.md",
        "::error file=c.md",
    ]
    assert "::notice::6 more findings are not annotated; see the job summary." in lines
