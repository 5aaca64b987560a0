"""A guard for tests that give named pipes to the tool: a regression fails instead of hanging."""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def unblocking_pipes(root: Path) -> Iterator[None]:
    """Open every named pipe under ``root`` for writing now and then.

    A reader that blocks on one then gets end-of-file: its test fails instead of hanging the suite.
    """
    stop = threading.Event()

    def unblock() -> None:
        while not stop.wait(1.0):
            for pipe in root.rglob("*"):
                with contextlib.suppress(OSError):  # ENXIO: no reader is waiting
                    if pipe.is_fifo():
                        os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))

    thread = threading.Thread(target=unblock, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()
