"""Writing output files atomically, so a failed run never leaves a partial file behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from provenance.errors import InputError


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


_CREATE_MODE = 0o666 & ~_umask()
"""The mode ``open()`` would give a new file: temporary files start at 0600, reports must not."""


def write_atomic(path: str | Path, content: str | bytes) -> None:
    """Write ``content`` to ``path`` via a temporary file in the same folder and a rename."""
    target = Path(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise InputError(str(target), f"cannot write output ({exc.strerror or exc})") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, _CREATE_MODE)
        os.replace(temporary, target)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise InputError(str(target), f"cannot write output ({exc.strerror or exc})") from None
