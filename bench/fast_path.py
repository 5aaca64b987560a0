"""The fast path against an earlier release, measured alternately in one run.

Two figures, each for this working tree and for a baseline git revision
(exported to a temporary folder), run in turns so a busy machine slows both
alike:

- throughput: the 84 PolNeAR dev texts analysed in one process on one core
  (CPU time, best of ``--inner`` passes after a warm-up), in articles per second;
- start-up: ``provenance analyze SEED`` as a whole process (wall and CPU time).

Each round runs both trees in a fresh process; the ratios of the medians are
the figures to read. Usage:
``.venv/bin/python bench/fast_path.py --baseline cf2bcee [--rounds 5]``.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_8dac13ad40c6afd4.txt"
DEV_TEXTS = ROOT.parent / "shared" / "polnear" / "dev" / "text"

THROUGHPUT = """
import json, sys, time
from pathlib import Path
from provenance import analyze, parse_article
texts = [path.read_text(encoding="utf-8") for path in sorted(Path(sys.argv[1]).glob("*.txt"))]
analyze(parse_article(texts[0]))
best = float("inf")
for _ in range(int(sys.argv[2])):
    started = time.process_time()
    for text in texts:
        analyze(parse_article(text))
    best = min(best, time.process_time() - started)
from provenance.extract import segmentation
compiled = not segmentation.__file__.endswith(".py")
print(json.dumps({"articles": len(texts), "cpu": best, "compiled": compiled}))
"""


def export(revision: str, folder: Path) -> Path:
    """Write the tree of ``revision`` into ``folder`` (the package and its data files)."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", revision, "provenance"],
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return folder


def run_in(tree: Path, argv: list[str]) -> tuple[str, float, float]:
    """Run Python in ``tree`` with it first on the path; return its output, wall time and CPU time.

    The working folder is the tree too, because ``python -m`` and ``-c`` put it before ``PYTHONPATH``.
    """
    environment = {**os.environ, "PYTHONPATH": str(tree)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, *argv], cwd=tree, env=environment, check=True, capture_output=True, text=True
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return done.stdout, wall, cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default="cf2bcee", help="git revision to compare with")
    parser.add_argument("--rounds", type=int, default=5, help="alternating rounds")
    parser.add_argument("--inner", type=int, default=3, help="passes over the texts per process")
    options = parser.parse_args(argv)
    if not DEV_TEXTS.is_dir():
        print(f"no PolNeAR dev texts at {DEV_TEXTS}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="provenance-baseline-") as folder:
        trees = {"baseline": export(options.baseline, Path(folder)), "current": ROOT}
        rates: dict[str, list[float]] = {name: [] for name in trees}
        walls: dict[str, list[float]] = {name: [] for name in trees}
        cpus: dict[str, list[float]] = {name: [] for name in trees}
        compiled = dict.fromkeys(trees, False)
        for _ in range(options.rounds):
            for name, tree in trees.items():
                output, _, _ = run_in(tree, ["-c", THROUGHPUT, str(DEV_TEXTS), str(options.inner)])
                measured = json.loads(output)
                rates[name].append(measured["articles"] / measured["cpu"])
                compiled[name] = measured["compiled"]
                _, wall, cpu = run_in(tree, ["-m", "provenance.cli", "analyze", str(SEED)])
                walls[name].append(wall)
                cpus[name].append(cpu)
    median = {name: statistics.median(values) for name, values in rates.items()}
    wall = {name: statistics.median(values) for name, values in walls.items()}
    cpu = {name: statistics.median(values) for name, values in cpus.items()}
    print(f"baseline: {options.baseline}; {options.rounds} alternating rounds, medians")
    for name in trees:
        print(f"{name}: {'compiled extraction (make native)' if compiled[name] else 'pure Python'}")
    print(
        f"throughput (84 PolNeAR dev texts, one core): baseline {median['baseline']:.0f} articles/s, "
        f"current {median['current']:.0f} articles/s, ratio {median['current'] / median['baseline']:.2f}x"
    )
    print(
        f"`provenance analyze seed` as a process: baseline {wall['baseline']:.3f} s wall "
        f"({cpu['baseline']:.3f} s CPU), current {wall['current']:.3f} s wall ({cpu['current']:.3f} s CPU), "
        f"ratio {wall['current'] / wall['baseline']:.2f} (wall) {cpu['current'] / cpu['baseline']:.2f} (CPU)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
