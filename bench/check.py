"""Measure ``provenance check`` over a generated archive: ``--jobs 2`` versus ``--jobs 1`` in one run.

Generates N fictional Markdown articles (default 10,000, ~120 words each: a
mix of named, anonymous, single- and multi-source claims) in a temporary
folder, checks the folder once with one worker process and once with two,
and prints articles per second for both and their ratio (best of
``--repeat`` alternating runs, after a warm-up). Results are compared by
digest, not kept, so the parent's heap stays small when workers fork. Run with
``.venv/bin/python bench/check.py [--articles N]``. The ratio is the figure to
watch, next to a control measured in the same
run (pure CPU work in one process versus two) that shows how much parallelism the
machine had free, so a busy shared machine is not mistaken for a slow check.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from provenance.api import check_paths
from provenance.config import Config

OUTLETS = ("Harbour Gazette", "Valley Courier", "Northern Ledger", "Coastline Daily")
PEOPLE = ("Clara Voss", "Jonas Brandt", "Ada Lindqvist", "Omar Keane")
ANONYMOUS = ("a person familiar with the talks", "two officials", "sources close to the council", "an aide")
EVENTS = (
    "the ferry terminal will close for repairs in June",
    "the council approved a new budget for flood defences",
    "cargo traffic fell by a fifth over the winter",
    "the strike at the container yard ended on Tuesday",
    "a second bridge will be built north of the old town",
    "the harbour dredging contract was awarded to a local firm",
)


def article(rng: random.Random, number: int) -> str:
    """One fictional article in Markdown with front matter."""
    outlet = rng.choice(OUTLETS)
    paragraphs = []
    for _ in range(rng.randint(4, 7)):
        event = rng.choice(EVENTS)
        form = rng.randrange(4)
        if form == 0:
            paragraphs.append(f"{rng.choice(PEOPLE).capitalize()} said {event}.")
        elif form == 1:
            paragraphs.append(f"According to {rng.choice(ANONYMOUS)}, {event}.")
        elif form == 2:
            first, second = rng.sample(PEOPLE, 2)
            paragraphs.append(f"{first.capitalize()} and {second} said on Monday that {event}.")
        else:
            paragraphs.append(f"{event[0].upper()}{event[1:]}.")
    body = "\n\n".join(paragraphs)
    return f"---\ntitle: Harbour report {number}\noutlet: {outlet}\ndate: 2025-03-01\n---\n\n{body}\n"


def burn(rounds: int) -> int:
    """Pure CPU work: the control that shows how much parallelism the machine has free right now."""
    total = 0
    for number in range(rounds):
        total += number * number
    return total


def control_ratio(rounds: int = 4_000_000) -> float:
    """Speed-up of two processes over one on the same CPU-bound work, measured now."""
    started = time.perf_counter()
    burn(rounds)
    burn(rounds)
    serial = time.perf_counter() - started
    with ProcessPoolExecutor(max_workers=2) as pool:
        started = time.perf_counter()
        list(pool.map(burn, [rounds, rounds]))
        parallel = time.perf_counter() - started
    return serial / parallel


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument(
        "--repeat", type=int, default=1, help="runs per setting, alternating; the best counts"
    )
    arguments = parser.parse_args()
    rng = random.Random(20251125)
    with tempfile.TemporaryDirectory(prefix="provenance-bench-") as folder:
        root = Path(folder)
        for number in range(arguments.articles):
            shard = root / f"{number // 1000:02}"
            shard.mkdir(exist_ok=True)
            (shard / f"article-{number:05}.md").write_text(article(rng, number), encoding="utf-8")
        check_paths([root / "00"], Config(), root=root, jobs=2)
        timings: dict[int, float] = {}
        digests: dict[int, str] = {}
        failing = 0
        for _ in range(arguments.repeat):
            for jobs in (1, 2):
                started = time.perf_counter()
                result = check_paths([root], Config(), root=root, jobs=jobs)
                elapsed = time.perf_counter() - started
                timings[jobs] = min(elapsed, timings.get(jobs, elapsed))
                digests[jobs] = hashlib.sha256(result.model_dump_json().encode()).hexdigest()
                failing = len(result.failing)
                del result
        assert digests[1] == digests[2], "parallel and serial runs disagree"
        for jobs, seconds in timings.items():
            rate = arguments.articles / seconds
            print(
                f"--jobs {jobs}: {arguments.articles:,} articles in {seconds:.1f} s ({rate:,.0f} articles/s)"
            )
        ratio = timings[1] / timings[2]
        print(f"speed-up of --jobs 2 over --jobs 1: {ratio:.2f}x ({failing:,} failing findings in each run)")
        print(f"control: two processes over one on pure CPU work, measured now: {control_ratio():.2f}x")


if __name__ == "__main__":
    main()
