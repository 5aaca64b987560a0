"""Extraction speed on real news: the 84 PolNeAR dev texts, this tree against an earlier commit.

    python bench/polnear_speed.py                  # against main
    python bench/polnear_speed.py --baseline REF   # against any commit
    python bench/polnear_speed.py --rounds 5

The earlier commit is exported (``git archive``) to a temporary folder; each round
runs both trees in fresh processes, one after the other, each reading every text
once to warm up and then timing a second pass by CPU time on one core, which a
busy machine distorts less than wall-clock time. Prints articles per
CPU-second for both (best of the rounds), their ratio, and this tree's peak
memory. The bar: at least 250 articles per CPU-second and under 150 MiB.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "polnear" / "dev" / "text"
MEASURE = """
import pathlib, resource, sys, time
from provenance import analyze, parse_article
texts = [path.read_text(encoding="utf-8") for path in sorted(pathlib.Path(sys.argv[1]).glob("*.txt"))]
articles = [parse_article(text) for text in texts]
for article in articles:
    analyze(article)
started = time.process_time()
for article in articles:
    analyze(article)
elapsed = time.process_time() - started
from provenance.extract import segmentation
compiled = not segmentation.__file__.endswith(".py")
print(len(articles) / elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, int(compiled))
"""


def rate(tree: Path, texts: Path) -> tuple[float, float, bool]:
    """Time one pass over the texts with the package in ``tree``: articles per CPU-second, peak MiB.

    The third value tells whether the tree's extraction modules ran compiled (``make native``).
    """
    result = subprocess.run(
        [sys.executable, "-c", MEASURE, str(texts)],
        cwd=tree,
        env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    speed, memory, compiled = result.stdout.split()
    return float(speed), float(memory), compiled == "1"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--baseline", default="main", help="the commit to compare with (default: main)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--texts", type=Path, default=DEV, help="folder of .txt articles (default: PolNeAR dev)"
    )
    options = parser.parse_args()
    if not options.texts.is_dir():
        print(f"{options.texts}: no such folder (PolNeAR is expected at ../shared/polnear)", file=sys.stderr)
        return 2
    archive = subprocess.run(
        ["git", "archive", "--format=tar", options.baseline, "provenance"], cwd=ROOT, capture_output=True
    )
    if archive.returncode != 0:
        print(f"{options.baseline}: {archive.stderr.decode().strip()}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        baseline = Path(folder)
        with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
            tar.extractall(baseline, filter="data")
        best = {"this tree": 0.0, options.baseline: 0.0}
        compiled = {"this tree": False, options.baseline: False}
        memory = 0.0
        for _ in range(options.rounds):
            for name, tree in (("this tree", ROOT), (options.baseline, baseline)):
                speed, peak, compiled[name] = rate(tree, options.texts)
                best[name] = max(best[name], speed)
                if tree == ROOT:
                    memory = max(memory, peak)
    for name, speed in best.items():
        build = "compiled (make native)" if compiled[name] else "pure Python"
        print(f"{name}: {speed:.0f} articles per CPU-second, {build}")
    print(f"ratio: {best['this tree'] / best[options.baseline]:.2f}; peak memory {memory:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
