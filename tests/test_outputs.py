"""Atomic output files: complete or absent, with the permissions of an ordinary new file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from provenance.errors import InputError
from provenance.outputs import write_atomic


def test_written_file_has_ordinary_permissions_and_no_temporary_left(tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.html"
    write_atomic(target, "<p>report</p>")
    assert target.read_text() == "<p>report</p>"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    assert [p.name for p in target.parent.iterdir()] == ["report.html"]


def test_unwritable_destination_is_an_input_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(InputError, match="cannot write output"):
        write_atomic(blocker / "report.md", "text")
