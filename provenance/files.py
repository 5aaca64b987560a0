"""The file system edge: what a path is, and reading regular files only, within a size limit.

``pathlib``'s ``is_file``/``is_dir``/``exists`` raise ``PermissionError`` when a
folder on the way cannot be searched, so probes used while walking folders or
looking for config files go through ``kind_of``, which never raises. Reading
refuses everything but regular files before opening: a named pipe (FIFO) would
block forever, a device could stream without end. Data files read whole (config,
rules, baselines, gold, manifests) are parsed with ``parse_json``/``parse_toml``,
for which nesting too deep for the parser is malformed input, not a
``RecursionError``.
"""

from __future__ import annotations

import json
import os
import re
import stat
import tomllib
from enum import Enum
from pathlib import Path
from typing import Any

from provenance.errors import InputError, ProvenanceError

__all__ = [
    "TEXT_FILE_LIMIT",
    "PathKind",
    "is_folder",
    "is_regular_file",
    "kind_of",
    "list_folder",
    "parse_json",
    "parse_toml",
    "read_regular_file",
    "read_text_file",
    "real_path",
    "require_regular_file",
]

TEXT_FILE_LIMIT = 256 * 2**20
"""Largest data file (gold annotations, sentence pairs) read whole: far above any real one."""


class PathKind(Enum):
    """What a path names, as far as the reader may find out."""

    FILE = "a regular file"
    FOLDER = "a folder"
    PIPE = "a named pipe (FIFO)"
    DEVICE = "a device"
    SOCKET = "a socket"
    MISSING = "missing"
    UNREADABLE = "unreadable"


def kind_of(path: str | Path) -> PathKind:
    """Name what ``path`` is (following symbolic links); never raises."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return PathKind.MISSING
    except (OSError, ValueError):  # permission denied, a loop, a name too long or holding NUL
        return PathKind.UNREADABLE
    return _kind_of_mode(mode)


def is_folder(path: str | Path) -> bool:
    """Tell a folder, treating one that cannot be reached as absent."""
    return kind_of(path) is PathKind.FOLDER


def is_regular_file(path: str | Path) -> bool:
    """Tell a regular file, treating one that cannot be reached as absent."""
    return kind_of(path) is PathKind.FILE


def real_path(path: str | Path) -> Path:
    """Make ``path`` absolute with symbolic links followed; a loop of links is left as is, not raised.

    (``Path.resolve`` raises ``RuntimeError`` on a loop; reading the path later says what is wrong.)
    """
    return Path(os.path.realpath(path))


def require_regular_file(path: str | Path, what: str = "file") -> None:
    """Refuse, with one ``InputError`` naming ``path``, anything that is not a regular file one can reach."""
    where = str(path)
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise InputError(where, f"no such {what}") from None
    except (OSError, ValueError) as exc:
        raise InputError(where, f"cannot read {what} ({_reason(exc)})") from None
    kind = _kind_of_mode(mode)
    if kind is PathKind.FOLDER:
        raise InputError(where, f"is a directory, not a {what}")
    if kind is not PathKind.FILE:
        raise InputError(where, f"is {kind.value}, not a regular file; only regular files are read")


def list_folder(path: str | Path) -> list[str]:
    """Name the entries of a folder, sorted; a folder that cannot be listed is one ``InputError``."""
    try:
        return sorted(os.listdir(path))
    except FileNotFoundError:
        raise InputError(str(path), "no such folder") from None
    except NotADirectoryError:
        raise InputError(str(path), "not a folder") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot read folder ({_reason(exc)})") from None


def read_text_file(
    path: str | Path,
    what: str = "file",
    limit: int = TEXT_FILE_LIMIT,
    error: type[ProvenanceError] = InputError,
) -> str:
    """Read a regular UTF-8 text file whole, without a byte-order mark; any failure is one ``error``.

    ``error`` is the failure's class: ``InputError`` for inputs, ``ConfigError`` for settings (exit 2).
    """
    try:
        data = read_regular_file(path, limit, what)
    except InputError as exc:
        raise error(exc.where, exc.problem) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(
            str(path),
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            f"re-save the {what} as UTF-8",
        ) from None


LONE_SURROGATE = "a lone surrogate escape (half of a UTF-16 pair) is not text"
SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def is_text(value: str) -> bool:
    """Tell whether ``value`` can be written as UTF-8, as every output writes it: a lone surrogate cannot."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def parse_json(text: str) -> Any:
    """Parse JSON; nesting too deep for the parser, or a lone surrogate escape, is a ``JSONDecodeError``.

    JSON lets half of a surrogate pair be escaped on its own; no output (JSON, Parquet, SQLite) can hold it.
    """
    try:
        parsed = json.loads(text)
    except RecursionError:
        raise json.JSONDecodeError("nested too deeply", text, 0) from None
    escape = SURROGATE_ESCAPE.search(text)
    if escape is not None and not is_text(json.dumps(parsed, ensure_ascii=False)):
        raise json.JSONDecodeError(LONE_SURROGATE, text, escape.start())
    return parsed


def parse_toml(text: str) -> dict[str, Any]:
    """Parse TOML; nesting too deep for the parser is a ``TOMLDecodeError`` like any malformed TOML."""
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise tomllib.TOMLDecodeError("nested too deeply") from None


def shown_path(path: str | Path) -> str:
    """Show a path as text every output can hold: each byte of a name that is not UTF-8 escaped."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def require_text_name(path: str | Path) -> None:
    """Refuse a file whose name is not UTF-8: JSON, SARIF, Parquet and the index hold names as UTF-8."""
    if shown_path(path) != str(path):
        raise InputError(shown_path(path), "file name is not valid UTF-8; rename the file")


def read_regular_file(path: str | Path, limit: int, what: str = "file") -> bytes:
    """Read a regular file of at most ``limit`` bytes; anything else is one ``InputError``.

    The file is opened without blocking and checked on the open descriptor, so a
    path swapped for a pipe between a check and the open cannot hang the read,
    and at most ``limit + 1`` bytes are read even from a file that grows.
    """
    where = str(path)
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise InputError(where, "no such file") from None
    except IsADirectoryError:
        raise InputError(where, _folder_problem(path)) from None
    except (OSError, ValueError) as exc:
        if kind_of(path) is PathKind.FOLDER:
            raise InputError(where, _folder_problem(path)) from None
        raise InputError(where, f"cannot read {what} ({_reason(exc)})") from None
    try:
        status = os.fstat(descriptor)
        kind = _kind_of_mode(status.st_mode)
        if kind is PathKind.FOLDER:
            raise InputError(where, _folder_problem(path))
        if kind is not PathKind.FILE:
            raise InputError(where, f"is {kind.value}, not a regular file; only regular files are read")
        if status.st_size > limit:
            raise InputError(where, _too_large(status.st_size, limit))
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            data = stream.read(limit + 1)
    except OSError as exc:
        raise InputError(where, f"cannot read {what} ({_reason(exc)})") from None
    finally:
        os.close(descriptor)
    if len(data) > limit:
        raise InputError(where, _too_large(None, limit))
    return data


def _kind_of_mode(mode: int) -> PathKind:
    if stat.S_ISREG(mode):
        return PathKind.FILE
    if stat.S_ISDIR(mode):
        return PathKind.FOLDER
    if stat.S_ISFIFO(mode):
        return PathKind.PIPE
    if stat.S_ISSOCK(mode):
        return PathKind.SOCKET
    return PathKind.DEVICE


def _folder_problem(path: str | Path) -> str:
    """Say why a folder given as a file is no article: it is a folder, or one whose files cannot be listed."""
    try:
        os.listdir(path)
    except OSError as exc:
        return f"cannot read folder ({_reason(exc)})"
    return "is a directory, not a file"


def _too_large(size: int | None, limit: int) -> str:
    found = f"{size:,} bytes" if size is not None else "it grew while being read"
    return f"file is too large ({found}; the limit is {limit:,})"


def _reason(exc: BaseException) -> str:
    return (exc.strerror if isinstance(exc, OSError) else None) or str(exc)
