"""An interrupted write leaves nothing behind: no partial output and no temporary file beside it.

Ctrl-C can land while a report is being written or a corpus index copied into
place. Each row runs one command through the command line with the final rename
interrupted, and asserts the documented status for an interrupted run and a
folder as it was before.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from provenance.cli import app
from provenance.errors import ExitStatus

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_8dac13ad40c6afd4.txt"

COMMANDS = {
    "analyze": ["analyze", "-f", "json", str(SEED), "-o", "{out}/analysis.json"],
    "report": ["report", "-f", "html", str(SEED), "-o", "{out}/report.html"],
    "check": ["check", "-f", "sarif", str(SEED), "-o", "{out}/check.sarif"],
    "index": ["index", str(SEED.parent), "-o", "{out}/corpus.sqlite"],
}


def _interrupted_replace(source: object, target: object) -> None:
    raise KeyboardInterrupt


@pytest.mark.parametrize("command", COMMANDS)
def test_an_interrupted_write_leaves_no_file(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(os, "replace", _interrupted_replace)
    result = CliRunner().invoke(app, [part.format(out=out) for part in COMMANDS[command]])
    assert result.exit_code == ExitStatus.INTERRUPTED, result.output
    assert list(out.iterdir()) == [], "an interrupted write left files behind"
