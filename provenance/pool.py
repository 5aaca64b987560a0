"""Worker processes for ``--jobs N``, which stop taking jobs as soon as their caller stops.

A ``ProcessPoolExecutor`` left by an exception (Ctrl-C, SIGTERM, a failed job)
waits for every job still queued before it closes. ``worker_pool`` cancels the
jobs that have not started, so an interrupted run ends once the running ones
have finished (each writes its files atomically, so none is left half-written).
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager

from provenance.collector import freeze_imports


@contextmanager
def worker_pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """``workers`` processes, imports frozen in each; an exception in the block cancels queued jobs."""
    pool = ProcessPoolExecutor(max_workers=workers, initializer=freeze_imports)
    try:
        yield pool
    except BaseException:
        pool.shutdown(cancel_futures=True)
        raise
    pool.shutdown()
