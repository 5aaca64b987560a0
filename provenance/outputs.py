"""Writing output files atomically, so a failed run never leaves a partial file behind.

Only a regular file (or a name not yet taken) is written through a temporary
file and a rename: renaming over ``/dev/null`` or a named pipe would replace
the node itself with a regular file, so devices and pipes are written to
directly, and a folder is refused. A symbolic link is written through: the
file it names is replaced, the link kept (a loop of links is refused). An
output file's folder must exist: a typo in ``-o`` never creates folders (batch
outputs into ``--output-dir`` do).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from provenance.errors import InputError
from provenance.files import PathKind, kind_of, real_path


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


_CREATE_MODE = 0o666 & ~_umask()
"""The mode ``open()`` would give a new file: temporary files start at 0600, reports must not."""

_TEMPORARY_FLAGS = (
    os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
)


def write_atomic(path: str | Path, content: str | bytes, *, make_folders: bool = False) -> None:
    """Write ``content`` to ``path``: a regular file via a temporary file and a rename.

    ``make_folders`` creates missing folders on the way (for files inside an
    output folder); without it a missing folder is an error naming it.
    """
    target = Path(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    kind = kind_of(target)
    if kind is PathKind.FOLDER:
        raise InputError(str(target), "cannot write output: it is a folder")
    if kind in {PathKind.DEVICE, PathKind.PIPE, PathKind.SOCKET}:
        _write_in_place(target, data)
        return
    _require_reachable(target, kind, make_folders)
    if target.is_symlink():
        target = real_path(target)
    # The name is drawn before the file is made, so that a signal landing just after it is made
    # (tempfile.mkstemp runs Python code between the two) still finds a name to remove.
    temporary = target.parent / f".{target.name}.{secrets.token_hex(8)}.tmp"
    try:
        handle = os.open(temporary, _TEMPORARY_FLAGS, 0o600)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, _CREATE_MODE)
        os.replace(temporary, target)
    except BaseException as exc:  # Ctrl-C too: the temporary file goes whatever stopped the write
        if not isinstance(exc, FileExistsError):  # the name was another's (a 64-bit draw came up twice)
            temporary.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise InputError(str(target), f"cannot write output ({exc.strerror or exc})") from None
        raise


def require_file_target(path: str | Path) -> None:
    """Refuse an output that cannot be replaced by a rename: a folder, a device, a pipe, or no folder for it.

    For writers that must build the whole file before renaming it into place (a SQLite index).
    """
    target = Path(path)
    kind = kind_of(target)
    if kind not in {PathKind.FILE, PathKind.MISSING, PathKind.UNREADABLE}:
        raise InputError(str(target), f"cannot write output: it is {kind.value}, not a file")
    _require_reachable(target, kind, make_folders=False)


def require_reachable_folder(path: str | Path) -> PathKind:
    """Refuse an output folder that cannot be reached (a file on the way, a folder without permission).

    Returns what the path is now, a folder or missing (the writer creates it) or anything else to refuse.
    """
    target = Path(path)
    kind = kind_of(target)
    if kind is PathKind.UNREADABLE:
        _require_reachable(target, kind, make_folders=False)
    return kind


def _require_reachable(target: Path, kind: PathKind, make_folders: bool) -> None:
    """Check the folder ``target`` goes into, then that ``target`` itself could be examined."""
    _require_folder(target, make_folders)
    if kind is PathKind.UNREADABLE:
        raise InputError(str(target), f"cannot write output ({_stat_problem(target)})")


def _require_folder(target: Path, make_folders: bool) -> None:
    """Check (or create) the folder ``target`` goes into; a file in the way is named."""
    blocking = next(
        (folder for folder in (target.parent, *target.parent.parents) if kind_of(folder) is PathKind.FILE),
        None,
    )
    if blocking is not None:
        raise InputError(str(target), f"cannot write output: {blocking} is a file, not a folder")
    if make_folders:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(str(target), f"cannot write output ({exc.strerror or exc})") from None
    elif kind_of(target.parent) is PathKind.MISSING:
        raise InputError(
            str(target), f"cannot write output: the folder {target.parent} does not exist (create it first)"
        )


def _stat_problem(target: Path) -> str:
    """Say why ``target`` cannot be examined (a loop of links, a folder on the way without permission)."""
    try:
        os.stat(target)
    except OSError as exc:
        return exc.strerror or str(exc)
    return "it cannot be examined"


def _write_in_place(target: Path, data: bytes) -> None:
    """Write to a device or pipe as a shell redirection would: no temporary file, no rename."""
    try:
        with open(target, "wb") as stream:
            stream.write(data)
    except OSError as exc:
        raise InputError(str(target), f"cannot write output ({exc.strerror or exc})") from None
