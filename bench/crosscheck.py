"""Cross-check latency and recall at 1k to 1M articles, on corpora generated from real news sentences.

    .venv/bin/python bench/crosscheck.py                          # 1k, 10k and 100k articles
    nice -n 19 .venv/bin/python bench/crosscheck.py --sizes 1000000 --queries 4

Needs PolNeAR (``../shared/polnear``) and MRPC train (``../shared/mrpc``), read
in place. The corpus (deterministic, seeded by its size) is made of:

* **background articles**: eight consecutive claim units of a real PolNeAR
  train article (analysed with the real pipeline, so the units are what the
  index stores) or of MRPC train sentences, each rewritten the way another
  outlet would: a word or two dropped, a clause moved, and, per article, half
  its names and numbers replaced by others and a quarter of its other words
  by words drawn from the pool. A pool of 840 articles printed a million
  times would repeat each sentence a thousand times, which no news corpus
  does; these replacements keep the words, their frequencies and the topics
  (2016 US politics) real while each background sentence stays its own;
* **relays**: ``RELAYS_PER_QUERY`` articles per query article, at seeded
  positions, each relaying two of its claim units (words dropped, clause
  moved, an attribution added): the corroborations a cross-check exists to
  find, the same number at every size while the haystack grows;
* **near misses**, one every ``NEAR_MISS_EVERY`` articles: a third of a query
  unit's words among background words.

The queries are PolNeAR dev articles (``--queries`` of them, a seeded sample),
analysed with the real pipeline. Per size it reports the index build time
(``CorpusIndex.add`` and ``commit`` only, not the text generation; wall clock
and CPU time), the index file's size, the median CPU time of ``crosscheck``
per query article (the indexed path, with independence and contradictions;
``time.process_time``, so other load on a shared machine does not inflate it),
over ``--repeat`` runs and over the first run alone (the stored units read
for the first time), and the recall of the
indexed matches against an exhaustive scan: the matcher's own
``token_set_ratio`` pre-filter over every stored unit in rapidfuzz's C loop,
then the model on every survivor, the same decision the index makes (so the
indexed side runs with no date window: the scan knows no dates either).
Corpora are cached under ``bench/.cache`` (``--fresh`` rebuilds them).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import re
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from fast_path import export, run_in
from rapidfuzz import fuzz, process

from provenance.api import analyze_path
from provenance.corpus import MATCH_THRESHOLD, CorpusIndex, crosscheck
from provenance.corpus.features import claim_text
from provenance.corpus.index import INDEX_FORMAT, IndexedArticle, IndexedClaim, indexed_claims
from provenance.corpus.match import MIN_TOKENS, compare_texts, prefilter_cutoff
from provenance.corpus.normalize import normalise
from provenance.corpus.units import claim_units
from provenance.models import AnalysisResult

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
TRAIN = SHARED / "polnear" / "train" / "text"
DEV = SHARED / "polnear" / "dev" / "text"
MRPC = SHARED / "mrpc" / "msr_paraphrase_train.txt"
CACHE = Path(__file__).resolve().parent / ".cache"
CLAIMS_PER_ARTICLE = 8
RELAYS_PER_QUERY = 30
NEAR_MISS_EVERY = 40
RENAME_SHARE = 0.5
"""Share of a background article's names (and numbers) replaced by invented ones."""
SWAP_SHARE = 0.25
"""Share of a background sentence's other words replaced by words drawn from the pool."""
SYLLABLES = [
    "ka",
    "lo",
    "mer",
    "ti",
    "san",
    "vo",
    "re",
    "dun",
    "pa",
    "shi",
    "bel",
    "nor",
    "gu",
    "fen",
    "ar",
    "ix",
]
ATTRIBUTIONS = ["officials said", "Reuters reported", "according to aides", "a spokesperson said", ""]
OUTLETS = 997
PROGRESS_EVERY = 50_000
"""Articles between two progress lines of a build (on standard error): a long build's rate as it goes."""
EXHAUSTIVE_CHUNK = 200_000
RECORD = Path(__file__).resolve().parent / "crosscheck-scale.json"
"""Measured rows by size, kept with the code: what the README's scale table reports."""
_NAME = re.compile(r"(?<=\w )[A-Z][a-z]+")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def story_pool() -> list[list[str]]:
    """Claim units of each PolNeAR train article, and MRPC sentences in groups of eight (cached)."""
    cached = CACHE / "story-pool.json"
    if cached.exists():
        pool: list[list[str]] = json.loads(cached.read_text("utf-8"))
        return pool
    pool = []
    for path in sorted(TRAIN.glob("*.txt")):
        units = [row.unit for row in indexed_claims(analyze_path(path))]
        if len(units) >= CLAIMS_PER_ARTICLE:
            pool.append(units)
    with MRPC.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    sentences = sorted({sentence for row in rows for sentence in (row[3], row[4])})
    pool += [sentences[at : at + CLAIMS_PER_ARTICLE] for at in range(0, len(sentences), CLAIMS_PER_ARTICLE)]
    CACHE.mkdir(exist_ok=True)
    cached.write_text(json.dumps(pool), "utf-8")
    return pool


def invented_name(rng: random.Random) -> str:
    return "".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))).capitalize()


def rewrite(sentence: str, rng: random.Random, attribution: bool = False) -> str:
    """Rewrite a sentence the way a relay might: a word or two dropped, a clause moved, attribution added."""
    words = sentence.rstrip(".").split()
    for _ in range(rng.randint(0, 2)):
        if len(words) > 6:
            del words[rng.randrange(len(words))]
    text = " ".join(words)
    if "," in text and rng.random() < 0.5:
        head, _, tail = text.partition(",")
        text = f"{tail.strip()}, {head}"
    said = rng.choice(ATTRIBUTIONS) if attribution else ""
    return text + (f", {said}." if said else ".")


def background(story: list[str], words: list[str], rng: random.Random) -> list[str]:
    """Eight consecutive units of a real story, as another outlet about other people would print them."""
    start = rng.randrange(len(story) - CLAIMS_PER_ARTICLE + 1)
    names: dict[str, str] = {}

    def rename(match: re.Match[str]) -> str:
        if match.group() not in names:
            keep = rng.random() >= RENAME_SHARE
            names[match.group()] = match.group() if keep else invented_name(rng)
        return names[match.group()]

    def renumber(match: re.Match[str]) -> str:
        return match.group() if rng.random() >= RENAME_SHARE else str(rng.randint(2, 2000))

    def swap(unit: str) -> str:
        return " ".join(
            rng.choice(words) if position and rng.random() < SWAP_SHARE else word
            for position, word in enumerate(unit.split())
        )

    return [
        rewrite(swap(_NUMBER.sub(renumber, _NAME.sub(rename, unit))), rng)
        for unit in story[start : start + CLAIMS_PER_ARTICLE]
    ]


def generate(
    index: CorpusIndex, articles: int, queries: list[list[str]], rng: random.Random
) -> tuple[float, float, list[tuple[int, str, str]]]:
    """Fill ``index`` with generated articles; return the wall and CPU seconds the index took, and the relays.

    ``queries`` holds each query article's claim units; a relay is recorded as
    (query article, relayed unit, corpus article key).
    """
    pool = story_pool()
    words = [word for story in pool for unit in story for word in unit.rstrip(".").split()[1:]]
    flat = [unit for units in queries for unit in units]
    relays = {
        position: query
        for query, position in enumerate(
            rng.sample(range(articles), k=min(articles, RELAYS_PER_QUERY * len(queries)))
        )
    }
    planted: list[tuple[int, str, str]] = []
    spent = cpu = 0.0
    for number in range(articles):
        key = f"generated/{number:07d}.md"
        units = background(rng.choice(pool), words, rng)
        if number in relays:
            query = relays[number] % len(queries)
            for slot, unit in zip((0, 4), rng.sample(queries[query], k=2), strict=True):
                units[slot] = rewrite(unit, rng, attribution=True)
                planted.append((query, unit, key))
        if number % NEAR_MISS_EVERY == 0:
            query_words = rng.choice(flat).rstrip(".").split()
            kept = rng.sample(query_words, k=max(1, len(query_words) // 3))
            mixed = kept + rng.choices(words, k=len(query_words) - len(kept))
            rng.shuffle(mixed)
            units[1] = " ".join(mixed) + "."
        outlet = f"Outlet {number % OUTLETS}"
        rows = [
            IndexedClaim(f"C{position + 1}", unit, unit, outlet, f"outlet {number % OUTLETS}", outlet)
            for position, unit in enumerate(units)
        ]
        started, started_cpu = time.perf_counter(), time.process_time()
        index.add(IndexedArticle(key=key, digest=f"g{number}", outlet=outlet), rows)
        spent += time.perf_counter() - started
        cpu += time.process_time() - started_cpu
        if (number + 1) % PROGRESS_EVERY == 0:
            print(
                f"  built {number + 1:,} articles: {spent:.0f} s, {cpu:.0f} s CPU",
                file=sys.stderr,
                flush=True,
            )
    started, started_cpu = time.perf_counter(), time.process_time()
    index.commit()
    return spent + time.perf_counter() - started, cpu + time.process_time() - started_cpu, planted


def corpus_path(articles: int) -> Path:
    return CACHE / f"corpus-{articles}-{INDEX_FORMAT.rsplit('/', 1)[-1]}.sqlite"


def open_corpus(
    articles: int, queries: list[list[str]], fresh: bool
) -> tuple[CorpusIndex, dict[str, float], list[tuple[int, str, str]]]:
    """Open the cached generated corpus of this size, generating it first when missing."""
    CACHE.mkdir(exist_ok=True)
    path = corpus_path(articles)
    record = path.with_suffix(".json")
    if fresh:
        path.unlink(missing_ok=True)
    if not path.exists():
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        with CorpusIndex.create(partial) as index:
            seconds, cpu, planted = generate(index, articles, queries, random.Random(articles))
        built = {"build_seconds": seconds, "build_cpu_seconds": cpu, "relays": planted}
        record.write_text(json.dumps(built), "utf-8")
        partial.rename(path)
    built = json.loads(record.read_text("utf-8"))
    relays = [(query, unit, key) for query, unit, key in built["relays"]]
    timing = {key: value for key, value in built.items() if key.startswith("build_")}
    return CorpusIndex.open(path), timing, relays


def query_articles(count: int) -> list[AnalysisResult]:
    """Analyse a seeded sample of PolNeAR dev articles: the articles cross-checked at every size."""
    paths = sorted(DEV.glob("*.txt"))
    return [analyze_path(path) for path in random.Random(14).sample(paths, count)]


def query_units(analysis: AnalysisResult) -> list[tuple[str, str]]:
    return [(claim.id, unit) for claim in analysis.claims for unit in claim_units(analysis, claim)]


def indexed_pairs(analysis: AnalysisResult, index: CorpusIndex) -> tuple[set[tuple[str, str]], float, str]:
    """Cross-check one article; return its matches (claim, article), the CPU seconds and the JSON output."""
    started = time.process_time()
    result = crosscheck(analysis, index, window_days=None)
    elapsed = time.process_time() - started
    pairs = {
        (check.claim_id, match.article_id)
        for check in result.claims
        for match in check.independent + check.dependent + check.contradictions
    }
    return pairs, elapsed, result.model_copy(update={"corpus": "generated"}).model_dump_json()


@dataclass
class Latencies:
    """The indexed path timed on every query article: median and first-run CPU ms, matches, JSON output."""

    median_ms: list[float]
    first_ms: list[float]
    found: list[set[tuple[str, str]]]
    outputs: list[str]


def time_queries(analyses: list[AnalysisResult], index: CorpusIndex, repeat: int) -> Latencies:
    timed = Latencies([], [], [], [])
    for analysis in analyses:
        runs = [indexed_pairs(analysis, index) for _ in range(repeat)]
        timed.found.append(runs[0][0])
        timed.median_ms.append(statistics.median(elapsed for _, elapsed, _ in runs) * 1000)
        timed.first_ms.append(runs[0][1] * 1000)
        timed.outputs.append(runs[0][2])
    return timed


def latency_child(sizes: list[int], queries: int, repeat: int) -> None:
    """Print, as JSON, the latencies and an output digest per size (run once per tree by ``--baseline``)."""
    analyses = query_articles(queries)
    units = [[unit for _, unit in query_units(analysis)] for analysis in analyses]
    measured = {}
    for size in sizes:
        index, _, _ = open_corpus(size, units, fresh=False)
        with index:
            timed = time_queries(analyses, index, repeat)
        digest = hashlib.sha256("\n".join(timed.outputs).encode("utf-8")).hexdigest()
        measured[str(size)] = {
            "median_ms": statistics.median(timed.median_ms),
            "first_ms": statistics.median(timed.first_ms),
            "digest": digest,
        }
    print(json.dumps(measured))


def compare_with(
    baseline: str, sizes: list[int], queries: int, repeat: int, rounds: int
) -> dict[int, dict[str, Any]]:
    """Time the indexed path of ``baseline`` (a git revision) and of this tree in turns, in fresh processes.

    Each tree reads corpora of its own index format (generated alike, from the
    same seed); the outputs of the two must be the same, byte for byte.
    """
    child = [str(Path(__file__).resolve()), "--latency-child", "--sizes", *map(str, sizes)]
    child += ["--queries", str(queries), "--repeat", str(repeat)]
    runs: dict[str, list[dict[str, dict[str, Any]]]] = {"baseline": [], "current": []}
    with tempfile.TemporaryDirectory(prefix="provenance-baseline-") as folder:
        trees = {"baseline": export(baseline, Path(folder)), "current": ROOT}
        for _ in range(rounds):
            for name, tree in trees.items():
                output, _, _ = run_in(tree, child)
                runs[name].append(json.loads(output))
    compared: dict[int, dict[str, Any]] = {}
    for size in sizes:
        median, first = (
            {name: statistics.median(run[str(size)][key] for run in done) for name, done in runs.items()}
            for key in ("median_ms", "first_ms")
        )
        digests = {run[str(size)]["digest"] for done in runs.values() for run in done}
        compared[size] = {
            "baseline": baseline,
            "rounds": rounds,
            "baseline_median_cpu_ms": round(median["baseline"], 1),
            "current_median_cpu_ms": round(median["current"], 1),
            "speedup": round(median["baseline"] / median["current"], 2),
            "baseline_first_run_cpu_ms": round(first["baseline"], 1),
            "current_first_run_cpu_ms": round(first["current"], 1),
            "first_run_speedup": round(first["baseline"] / first["current"], 2),
            "same_output": len(digests) == 1,
        }
        print(
            f"{size:>9,} articles, ms/article (medians of {rounds} alternating rounds): baseline {baseline}"
            f" {median['baseline']:.1f} (first run {first['baseline']:.1f}),"
            f" this tree {median['current']:.1f}"
            f" (first run {first['current']:.1f}); speed-up {median['baseline'] / median['current']:.2f}x"
            f" ({first['baseline'] / first['current']:.2f}x first run); outputs"
            f" {'identical' if len(digests) == 1 else 'DIFFER'}",
            flush=True,
        )
    return compared


def exhaustive_pairs(analyses: list[AnalysisResult], index: CorpusIndex) -> list[set[tuple[str, str, bool]]]:
    """Decide on every stored unit against every query unit: the ground truth the index must reproduce.

    ``token_set_ratio`` at the matcher's own pre-filter cutoff over all stored
    units (``cdist`` in C, in chunks), then ``compare_texts`` at the threshold,
    or a contradiction, on the survivors: the decision ``CorpusIndex.matches``
    makes, with no candidate search (query units that are templates in the
    corpus match nothing there either). Dates play no part (generated
    articles carry none).
    """
    queries = [
        (number, claim_id, unit, normalise(unit).text)
        for number, analysis in enumerate(analyses)
        for claim_id, unit in query_units(analysis)
        if len(normalise(unit).tokens) >= MIN_TOKENS and not index.is_template(unit)
    ]
    truth: list[set[tuple[str, str, bool]]] = [set() for _ in analyses]
    own = {number: analysis.article.path for number, analysis in enumerate(analyses)}
    chunk: list[tuple[str, str, str]] = []

    def scan() -> None:
        scores = process.cdist(
            [normal for *_, normal in queries],
            [normal if len(normal.split()) >= MIN_TOKENS else "" for *_, normal in chunk],
            scorer=fuzz.token_set_ratio,
            score_cutoff=prefilter_cutoff(),
            dtype=np.uint8,
        )
        for row, column in zip(*np.nonzero(scores), strict=True):
            number, claim_id, unit, _ = queries[row]
            key, other, _ = chunk[column]
            verdict = compare_texts(claim_text(unit), claim_text(other), unit, other)
            if (verdict.score >= MATCH_THRESHOLD or verdict.contradiction is not None) and key != own[number]:
                truth[number].add((claim_id, key, verdict.score >= MATCH_THRESHOLD))
        chunk.clear()

    for row in index.all_claims():
        chunk.append((row.article.key, row.claim.unit, row.claim.normal))
        if len(chunk) == EXHAUSTIVE_CHUNK:
            scan()
    if chunk:
        scan()
    return truth


def relay_recall(
    analyses: list[AnalysisResult], relays: list[tuple[int, str, str]], found: list[set[tuple[str, str]]]
) -> tuple[int, int]:
    """Count the planted relays the cross-check reported (as a match of a claim holding the relayed unit)."""
    hits = 0
    for query, unit, key in relays:
        claims = {claim_id for claim_id, other in query_units(analyses[query]) if other == unit}
        hits += any((claim_id, key) in found[query] for claim_id in claims)
    return hits, len(relays)


def record(size: int, row: dict[str, object]) -> None:
    """Keep one size's measured row in ``RECORD`` (other sizes' rows stay)."""
    rows = json.loads(RECORD.read_text("utf-8")) if RECORD.exists() else {}
    rows[str(size)] = row
    RECORD.write_text(json.dumps(dict(sorted(rows.items(), key=lambda item: int(item[0]))), indent=2) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--queries", type=int, default=10, help="PolNeAR dev articles cross-checked per size")
    parser.add_argument("--exhaustive", type=int, help="query articles scanned exhaustively (default: all)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of the indexed path per article")
    parser.add_argument("--fresh", action="store_true", help="regenerate cached corpora")
    parser.add_argument("--record", action="store_true", help=f"add the rows to {RECORD.name}")
    parser.add_argument("--baseline", help="also time this git revision's indexed path, alternately")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds with --baseline")
    parser.add_argument("--latency-child", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if not TRAIN.is_dir() or not MRPC.is_file():
        sys.exit(f"{SHARED}: PolNeAR train and MRPC train are needed to generate the corpus")
    if options.latency_child:
        latency_child(options.sizes, options.queries, options.repeat)
        return
    compared = {}
    if options.baseline:
        compared = compare_with(
            options.baseline, options.sizes, options.queries, options.repeat, options.rounds
        )

    analyses = query_articles(options.queries)
    queries = [[unit for _, unit in query_units(analysis)] for analysis in analyses]
    scanned = analyses[: options.exhaustive]
    print(
        f"queries: {len(analyses)} PolNeAR dev articles, {sum(map(len, queries))} claim units"
        f" ({len(scanned)} scanned exhaustively); threshold {MATCH_THRESHOLD:g}; one process, CPU time"
    )
    print(
        f"{'articles':>9} {'units':>10} {'build s':>8} {'cpu s':>8} {'MB':>7} {'ms/article':>11}"
        f" {'max ms':>7} {'first ms':>8} {'relays found':>16} {'recall (all)':>16} {'recall (same)':>16}"
        f" {'scan s':>7}"
    )
    for size in options.sizes:
        index, built, relays = open_corpus(size, queries, options.fresh)
        build_cpu = built.get("build_cpu_seconds", float("nan"))
        with index:
            timed = time_queries(analyses, index, options.repeat)
            latencies, first_runs, found = timed.median_ms, timed.first_ms, timed.found
            started = time.process_time()
            truth = exhaustive_pairs(scanned, index)
            exhaustive = time.process_time() - started
            recalls = []
            for kind in (0, 1):
                wanted = [{(claim, key) for claim, key, same in t if same or not kind} for t in truth]
                hits = sum(len(f & w) for f, w in zip(found, wanted, strict=False))
                total = sum(map(len, wanted))
                recalls.append(f"{hits}/{total}={hits / total:.3f}" if total else "none")
            relay_hits, relay_total = relay_recall(analyses, relays, found)
            size_mb = corpus_path(size).stat().st_size / 1e6
            print(
                f"{size:>9,} {index.claim_count:>10,} {built['build_seconds']:>8.1f} {build_cpu:>8.1f}"
                f" {size_mb:>7.1f} {statistics.median(latencies):>11.1f} {max(latencies):>7.1f}"
                f" {statistics.median(first_runs):>8.1f}"
                f" {f'{relay_hits}/{relay_total}':>16} {recalls[0]:>16} {recalls[1]:>16} {exhaustive:>7.1f}",
                flush=True,
            )
            if options.record:
                record(
                    size,
                    {
                        "units": index.claim_count,
                        "build_seconds": round(built["build_seconds"], 1),
                        "build_cpu_seconds": round(build_cpu, 1),
                        "index_mb": round(size_mb, 1),
                        "median_cpu_ms_per_article": round(statistics.median(latencies), 1),
                        "max_cpu_ms_per_article": round(max(latencies), 1),
                        "median_first_run_cpu_ms": round(statistics.median(first_runs), 1),
                        "query_articles": len(analyses),
                        "relays_found": [relay_hits, relay_total],
                        "exhaustive_query_articles": len(scanned),
                        "recall_all": recalls[0],
                        "recall_same_claim": recalls[1],
                        "index_format": INDEX_FORMAT,
                        **({"against_baseline": compared[size]} if size in compared else {}),
                    },
                )


if __name__ == "__main__":
    main()
