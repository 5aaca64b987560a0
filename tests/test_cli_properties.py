"""Any bytes given to ``analyze``, ``score``, ``check`` or ``report``: a documented exit, no traceback.

The file holds random bytes, random text in several encodings, or random bytes
behind the openings of the formats the readers recognise (HTML, front matter,
a byte-order mark), so that the examples reach past the first check.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from provenance.cli import app

OPENINGS = st.sampled_from(
    [
        b"",
        b"<!doctype html><html><body><article><p>",
        b"<html><head><meta charset='shift_jis'></head><body>",
        b"---\ntitle: ",
        b"+++\ntitle = ",
        b"\xef\xbb\xbf",
        b"Title: Harbour\nURL: http://example.org/a\n\n",
        b"The mayor said ",
    ]
)
TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=400)
CONTENT = st.one_of(
    st.binary(max_size=600),
    st.tuples(OPENINGS, st.binary(max_size=400)).map(b"".join),
    st.tuples(OPENINGS, TEXT.map(str.encode)).map(b"".join),
    st.tuples(TEXT, st.sampled_from(["utf-8", "utf-16", "latin-1", "cp1252"])).map(
        lambda pair: pair[0].encode(pair[1], errors="replace")
    ),
)
COMMANDS = {
    "analyze": ["analyze", "-f", "json"],
    "score": ["score", "-f", "json"],
    "check": ["check", "-f", "json"],
    "report": ["report", "-f", "md"],
}


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Work in an empty folder with no config above it, so each example sees only its own file."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path


@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=CONTENT)
def test_any_file_gives_a_documented_exit_and_at_most_one_error_line(
    workdir: Path, command: list[str], content: bytes
) -> None:
    article = workdir / "article.txt"
    article.write_bytes(content)
    result = CliRunner().invoke(app, [*command, "article.txt"])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    event(f"exit {result.exit_code}")
    assert result.exit_code in {0, 1, 3}, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error[")]
    if result.exit_code == 3:
        assert result.stderr.splitlines() == errors, result.stderr
        assert len(errors) == 1
        assert "article.txt" in errors[0]
    else:
        assert errors == []
