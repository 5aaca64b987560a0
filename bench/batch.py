"""``provenance batch`` at archive scale: rate, workers against a CPU-only control, memory, row counts.

Generates N fictional Markdown articles (default 10,000; the generator of
``bench/check.py``) and runs ``provenance batch`` over them as a whole
process: with ``--jobs 1`` and ``--jobs 2`` in turns (``--repeat`` rounds), and
once over a fifth of the archive to show that peak memory does not grow with
the number of articles. Next to the workers' speed-up it prints the speed-up
of pure CPU work in one process against two measured in the same run, so a
busy shared machine shows as such. The last dataset is read with DuckDB and
its row counts checked against the run's JSON summary. Usage:
``.venv/bin/python bench/batch.py [--articles N] [--repeat R]``.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb
from check import article, control_ratio

PROVENANCE = [sys.executable, "-m", "provenance.cli"]


def batch(folder: Path, output: Path, jobs: int) -> tuple[float, float, dict[str, int]]:
    """Run one batch process; return its wall time, the peak memory of every process so far, its rows."""
    started = time.perf_counter()
    done = subprocess.run(
        [*PROVENANCE, "batch", str(folder), "-o", str(output), "-j", str(jobs), "-f", "json", "-q"],
        check=True,
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    summary = json.loads(done.stdout)
    return wall, peak / 1024, summary["rows"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=1, help="alternating rounds of --jobs 1 and 2")
    options = parser.parse_args(argv)
    rng = random.Random(20241212)
    with tempfile.TemporaryDirectory(prefix="provenance-batch-bench-") as temporary:
        root = Path(temporary)
        full, fifth = root / "archive", root / "fifth"
        for number in range(options.articles):
            text = article(rng, number)
            for folder in (full, fifth) if number < options.articles // 5 else (full,):
                path = folder / f"{number // 1000:03d}" / f"article-{number:06d}.md"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
        small_wall, small_peak, _ = batch(fifth, root / "out-fifth", 1)
        times: dict[int, list[float]] = {1: [], 2: []}
        controls = []
        rows: dict[str, int] = {}
        peak = 0.0
        for round_number in range(options.repeat):
            controls.append(control_ratio())
            for jobs in (1, 2):
                wall, peak_now, rows = batch(full, root / f"out-{jobs}-{round_number}", jobs)
                times[jobs].append(wall)
                if jobs == 1 and round_number == 0:
                    peak = peak_now  # the largest of every process so far: the fifth's run and this one
        last = root / f"out-2-{options.repeat - 1}"
        counted = {
            name: duckdb.sql(f"SELECT count(*) FROM '{last}/{name}/*.parquet'").fetchall()[0][0]
            for name in rows
        }
    one, two = min(times[1]), min(times[2])
    print(f"articles: {options.articles}  rows: {rows}")
    print(f"--jobs 1: {options.articles / one:.0f} articles/s ({one:.1f} s)")
    print(f"--jobs 2: {options.articles / two:.0f} articles/s ({two:.1f} s); speed-up {one / two:.2f}x")
    print(f"control (pure CPU work, 2 processes vs 1, same run): {max(controls):.2f}x")
    fifth_size = options.articles // 5
    print(f"peak memory, one process: {fifth_size} articles {small_peak:.0f} MiB ({small_wall:.1f} s)")
    print(f"                          {options.articles} articles {peak:.0f} MiB")
    print(f"DuckDB row counts equal the run's summary: {counted == rows}")
    return 0 if counted == rows else 1


if __name__ == "__main__":
    sys.exit(main())
