"""Atomic output files: complete or absent, with the permissions of an ordinary new file."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from provenance.errors import InputError
from provenance.outputs import require_file_target, write_atomic


def test_written_file_has_ordinary_permissions_and_no_temporary_left(tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.html"
    write_atomic(target, "<p>report</p>", make_folders=True)
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


def test_a_missing_folder_is_named_not_created(tmp_path: Path) -> None:
    target = tmp_path / "typo" / "deeper" / "report.md"
    with pytest.raises(InputError, match=r"the folder .*typo/deeper does not exist"):
        write_atomic(target, "text")
    assert not (tmp_path / "typo").exists()


def test_a_folder_is_refused_as_an_output(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="it is a folder"):
        write_atomic(tmp_path, "text")
    assert tmp_path.is_dir()


def test_a_device_is_written_in_place_not_replaced(tmp_path: Path) -> None:
    link = tmp_path / "null.md"
    link.symlink_to(os.devnull)
    write_atomic(link, "report")
    assert link.is_symlink(), "the link was replaced by a regular file"
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
    assert list(tmp_path.iterdir()) == [link], "a temporary file was left"


def test_a_named_pipe_is_written_in_place(tmp_path: Path) -> None:
    pipe = tmp_path / "report.pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    write_atomic(pipe, "streamed report")
    reader.join(timeout=10)
    assert received == [b"streamed report"]
    assert stat.S_ISFIFO(pipe.stat().st_mode)


def test_a_corpus_index_is_not_renamed_over_a_device(tmp_path: Path) -> None:
    link = tmp_path / "null.sqlite"
    link.symlink_to(os.devnull)
    with pytest.raises(InputError, match="it is a device"):
        require_file_target(link)
    with pytest.raises(InputError, match="does not exist"):
        require_file_target(tmp_path / "missing" / "index.sqlite")


def test_a_symbolic_link_is_written_through_and_kept(tmp_path: Path) -> None:
    (tmp_path / "real.txt").write_text("old", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to("real.txt")
    write_atomic(tmp_path / "link.txt", "new")
    assert (tmp_path / "link.txt").is_symlink()
    assert (tmp_path / "real.txt").read_text(encoding="utf-8") == "new"


def test_a_loop_of_symbolic_links_is_refused_not_replaced(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    with pytest.raises(InputError, match="cannot write output"):
        write_atomic(tmp_path / "a", "text")
    assert (tmp_path / "a").is_symlink()


def test_an_interruption_right_after_the_temporary_file_is_made_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A SIGTERM or Ctrl-C handled the moment the temporary file exists must still remove it."""
    real_open = os.open

    def open_then_interrupted(path: str | os.PathLike[str], flags: int, mode: int = 0o777) -> int:
        real_open(path, flags, mode)
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "open", open_then_interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(tmp_path / "part.parquet", b"rows")
    assert list(tmp_path.iterdir()) == []


def test_a_taken_temporary_name_is_left_to_its_owner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("provenance.outputs.secrets.token_hex", lambda _: "taken")
    other = tmp_path / ".report.md.taken.tmp"
    other.write_text("another run's file")
    with pytest.raises(InputError, match="cannot write output"):
        write_atomic(tmp_path / "report.md", "text")
    assert other.read_text() == "another run's file"
