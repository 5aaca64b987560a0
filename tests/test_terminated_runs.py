"""SIGTERM (``kill``, ``timeout``, a CI runner or container stop) ends a run as Ctrl-C does.

The run stops promptly with the documented status 143, prints no traceback,
and leaves no temporary file in its output: the parts already written stay
whole (a ``--resume`` keeps them) and the queued ones are never started.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from concurrent.futures import Future
from pathlib import Path

import pytest
from batch_archive import write_archive

from provenance.errors import ExitStatus
from provenance.pool import worker_pool

ARTICLES = 2000
PART_SIZE = 4
PARTS = ARTICLES // PART_SIZE


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("jobs", [1, 2])
def test_sigterm_stops_a_batch_cleanly(jobs: int, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_archive(folder, ARTICLES)
    output = tmp_path / "out"
    command = [sys.executable, "-m", "provenance.cli", "batch", str(folder), "-o", str(output)]
    options = ["--part-size", str(PART_SIZE), "--jobs", str(jobs), "--quiet"]
    process = subprocess.Popen(
        [*command, *options], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    markers = output / "_parts"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if markers.is_dir() and len(list(markers.glob("*.json"))) >= 2:
            break
        time.sleep(0.05)
    assert process.poll() is None, "the run ended before it could be stopped"
    os.kill(process.pid, signal.SIGTERM)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == ExitStatus.TERMINATED, stderr
    assert "Traceback" not in stderr
    assert sorted(path.name for path in output.rglob("*.tmp")) == []
    assert len(list(markers.glob("*.json"))) < PARTS, "the queued parts were not cancelled"


def test_a_worker_pool_left_by_an_exception_cancels_its_queued_jobs() -> None:
    queued: list[Future[None]] = []

    def stop_after_queueing() -> None:
        with worker_pool(1) as pool:
            queued.extend(pool.submit(time.sleep, 0.2) for _ in range(20))
            raise RuntimeError("stopped")

    with pytest.raises(RuntimeError):
        stop_after_queueing()
    assert queued[-1].cancelled()
