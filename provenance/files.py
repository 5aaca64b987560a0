"""The file system edge: what a path is, and reading regular files only, within a size limit.

``pathlib``'s ``is_file``/``is_dir``/``exists`` raise ``PermissionError`` when a
folder on the way cannot be searched, so probes used while walking folders or
looking for config files go through ``kind_of``, which never raises. Reading
refuses everything but regular files before opening: a named pipe (FIFO) would
block forever, a device could stream without end.
"""

from __future__ import annotations

import os
import stat
from enum import Enum
from pathlib import Path

from provenance.errors import InputError

__all__ = ["PathKind", "is_folder", "is_regular_file", "kind_of", "read_regular_file"]


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
        raise InputError(where, "is a directory, not a file") from None
    except (OSError, ValueError) as exc:
        raise InputError(where, f"cannot read {what} ({_reason(exc)})") from None
    try:
        status = os.fstat(descriptor)
        kind = _kind_of_mode(status.st_mode)
        if kind is PathKind.FOLDER:
            raise InputError(where, "is a directory, not a file")
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


def _too_large(size: int | None, limit: int) -> str:
    found = f"{size:,} bytes" if size is not None else "it grew while being read"
    return f"file is too large ({found}; the limit is {limit:,})"


def _reason(exc: BaseException) -> str:
    return (exc.strerror if isinstance(exc, OSError) else None) or str(exc)
