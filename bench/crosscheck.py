"""Cross-check latency and recall against generated corpora of growing size.

    .venv/bin/python bench/crosscheck.py                 # 1k, 10k and 100k articles
    .venv/bin/python bench/crosscheck.py --sizes 1000 10000 --repeat 3

For each size the script generates a corpus (deterministic, seeded): background
articles whose sentences draw words from a Zipf-distributed vocabulary that
includes the seed article's own words (so the seed's terms are common, as in a
news corpus), near-miss sentences that share part of a seed claim's words,
planted relays of seed claims (reordered, words dropped, attribution added),
and the claims of the fixture corpus planted verbatim (real paraphrases of the
seed by other outlets, with its distractors and unrelated articles).
Rows are normalised and stored through ``CorpusIndex.add``, the path ``build_index``
uses after analysis; the seed itself is analysed with the real pipeline.

It then times ``crosscheck`` (the indexed path: FTS5 pre-filter, rapidfuzz on
the candidates, independence and contradiction) for the seed, and an
exhaustive rapidfuzz scan of every stored sentence in the same run, and reports
the recall of the indexed matches against the exhaustive ones above threshold.
Targets up to 1M articles: under 100 ms per article on one core, recall ≥ 0.99,
latency growing sub-linearly with corpus size. The build time and the index
file's size are printed per size. Latencies are CPU time of this
process (``time.process_time``), so other load on a shared machine does not
inflate them; both paths are measured the same way. Indexes are cached under
``bench/.cache`` (``--fresh`` rebuilds them).
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import time
from pathlib import Path

from rapidfuzz import fuzz, process

from provenance.api import analyze_path
from provenance.corpus import MATCH_THRESHOLD, CorpusIndex, crosscheck
from provenance.corpus.features import claim_text
from provenance.corpus.index import INDEX_FORMAT, IndexedArticle, IndexedClaim, corpus_files
from provenance.corpus.match import MIN_TOKENS, compare_texts, prefilter_cutoff
from provenance.corpus.normalize import normalise
from provenance.corpus.units import claim_units
from provenance.models import AnalysisResult

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_8dac13ad40c6afd4.txt"
FIXTURES = ROOT / "fixtures"
CACHE = Path(__file__).resolve().parent / ".cache"
CLAIMS_PER_ARTICLE = 8
PLANT_EVERY = 250
NEAR_MISS_EVERY = 40
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
ATTRIBUTIONS = ["officials said", "Reuters reported", "according to diplomats", "a spokesperson said", ""]


def vocabulary(seed_words: list[str], rng: random.Random, size: int = 40_000) -> list[str]:
    """Build a vocabulary: the seed's words spread among synthetic ones, in Zipf rank order."""
    synthetic: set[str] = set()
    while len(synthetic) < size:
        synthetic.add("".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))))
    words = sorted(synthetic)
    rng.shuffle(words)
    for word in dict.fromkeys(seed_words):
        words.insert(rng.randint(0, min(len(words), 5_000)), word)
    return words


def relay_of(sentence: str, rng: random.Random) -> str:
    """Rewrite a claim the way a relay might: a clause moved, a word or two dropped, attribution added."""
    words = sentence.rstrip(".").split()
    for _ in range(rng.randint(0, 2)):
        if len(words) > 6:
            del words[rng.randrange(len(words))]
    if "," in sentence and rng.random() < 0.5:
        head, _, tail = " ".join(words).partition(",")
        words = f"{tail.strip()}, {head}".split()
    attribution = rng.choice(ATTRIBUTIONS)
    return " ".join(words) + (f", {attribution}." if attribution else ".")


def generate(
    index: CorpusIndex, articles: int, claims: list[str], paraphrases: list[str], rng: random.Random
) -> None:
    """Fill ``index`` with generated articles, planting relays, near misses and fixture paraphrases."""
    seed_words = [word for claim in claims for word in claim.rstrip(".").split()]
    words = vocabulary(seed_words, rng)
    weights = [1.0 / (rank + 1) for rank in range(len(words))]
    cumulative: list[float] = []
    total = 0.0
    for weight in weights:
        total += weight
        cumulative.append(total)
    for number in range(articles):
        sentences = [
            " ".join(rng.choices(words, cum_weights=cumulative, k=rng.randint(10, 24))).capitalize() + "."
            for _ in range(CLAIMS_PER_ARTICLE)
        ]
        if number % PLANT_EVERY == 0:
            sentences[0] = relay_of(rng.choice(claims), rng)
        if number % PLANT_EVERY == PLANT_EVERY // 2:
            sentences[2] = rng.choice(paraphrases)
        if number % NEAR_MISS_EVERY == 0:
            claim_words = rng.choice(claims).rstrip(".").split()
            kept = rng.sample(claim_words, k=max(1, len(claim_words) // 3))
            noise = rng.choices(words, cum_weights=cumulative, k=len(claim_words) - len(kept))
            mixed = kept + noise
            rng.shuffle(mixed)
            sentences[1] = " ".join(mixed).capitalize() + "."
        outlet = f"Outlet {number % 997}"
        rows = [
            IndexedClaim(f"C{position + 1}", sentence, sentence, outlet, f"outlet {number % 997}", outlet)
            for position, sentence in enumerate(sentences)
        ]
        index.add(IndexedArticle(key=f"generated/{number:06d}.md", digest=f"g{number}", outlet=outlet), rows)
    index.commit()


def open_corpus(
    articles: int, claims: list[str], paraphrases: list[str], fresh: bool
) -> tuple[CorpusIndex, float]:
    """Open the cached generated corpus of this size, generating it first when missing."""
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"corpus-{articles}-{INDEX_FORMAT.rsplit('/', 1)[-1]}.sqlite"
    if fresh:
        path.unlink(missing_ok=True)
    if path.exists():
        return CorpusIndex.open(path), 0.0
    started = time.perf_counter()
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    with CorpusIndex.create(partial) as index:
        generate(index, articles, claims, paraphrases, random.Random(articles))
    partial.rename(path)
    return CorpusIndex.open(path), time.perf_counter() - started


def megabytes(articles: int) -> float:
    """Size of the cached index file of this many articles, in MB."""
    path = CACHE / f"corpus-{articles}-{INDEX_FORMAT.rsplit('/', 1)[-1]}.sqlite"
    return path.stat().st_size / 1e6 if path.exists() else 0.0


def indexed_pairs(analysis: AnalysisResult, index: CorpusIndex) -> tuple[set[tuple[str, str]], float]:
    started = time.process_time()
    result = crosscheck(analysis, index)
    elapsed = time.process_time() - started
    pairs = {
        (check.claim_id, match.article_id)
        for check in result.claims
        for match in check.independent + check.dependent + check.contradictions
    }
    return pairs, elapsed


def exhaustive_pairs(analysis: AnalysisResult, index: CorpusIndex) -> tuple[set[tuple[str, str]], float]:
    """Decide on every stored unit against every claim unit: the ground truth the index must reproduce.

    The same decision as the index (``compare_texts`` at the threshold, or a
    contradiction) on every stored unit that passes the matcher's own
    ``token_set_ratio`` pre-filter (under it no fitting pair matched), with no
    candidate search: a C-speed rapidfuzz pass over all stored units, then the
    model on the survivors.
    """
    stored = [(row.article.key, row.claim.unit, row.claim.normal) for row in index.all_claims()]
    texts = [normal if len(normal.split()) >= MIN_TOKENS else "" for _, _, normal in stored]
    started = time.process_time()
    pairs: set[tuple[str, str]] = set()
    for claim in analysis.claims:
        for unit in claim_units(analysis, claim):
            normal = normalise(unit).text
            if len(normal.split()) < MIN_TOKENS:
                continue
            read = claim_text(unit)
            found = process.extract(
                normal, texts, scorer=fuzz.token_set_ratio, score_cutoff=prefilter_cutoff(), limit=None
            )
            for _, _, position in found:
                key, other, _ = stored[position]
                verdict = compare_texts(read, claim_text(other), unit, other)
                if verdict.score >= MATCH_THRESHOLD or verdict.contradiction is not None:
                    pairs.add((claim.id, key))
    return pairs, time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of the indexed path per size")
    parser.add_argument("--fresh", action="store_true", help="regenerate cached corpora")
    options = parser.parse_args()

    analysis = analyze_path(SEED)
    claims = [claim.text for claim in analysis.claims]
    paraphrases = [claim.text for path in corpus_files(FIXTURES) for claim in analyze_path(path).claims]
    print(f"seed: {len(claims)} claims; threshold {MATCH_THRESHOLD:g}; one process, one core")
    print(
        f"{'articles':>9} {'sentences':>10} {'built s':>8} {'MB':>7}"
        f" {'indexed CPU ms':>15} {'exhaustive CPU ms':>18}"
        f" {'speed-up':>9} {'recall':>7} {'matches':>8}"
    )
    latencies: list[tuple[int, float]] = []
    for size in options.sizes:
        index, built = open_corpus(size, claims, paraphrases, options.fresh)
        with index:
            indexed_pairs(analysis, index)
            timings = []
            found: set[tuple[str, str]] = set()
            for _ in range(options.repeat):
                found, elapsed = indexed_pairs(analysis, index)
                timings.append(elapsed)
            indexed_ms = statistics.median(timings) * 1000
            truth, exhaustive = exhaustive_pairs(analysis, index)
            recall = len(found & truth) / len(truth) if truth else 1.0
            exhaustive_ms = exhaustive * 1000
            print(
                f"{size:>9,} {index.claim_count:>10,} {built:>8.1f} {megabytes(size):>7.1f}"
                f" {indexed_ms:>15.1f}"
                f" {exhaustive_ms:>18.1f} {exhaustive_ms / indexed_ms:>8.1f}x {recall:>7.3f} {len(truth):>8}"
            )
            latencies.append((size, indexed_ms))
    for (small, small_ms), (large, large_ms) in itertools.pairwise(latencies):
        growth = large_ms / small_ms
        print(
            f"{small:,} → {large:,} articles ({large / small:.0f}x): indexed latency x{growth:.2f}"
            f" ({'sub-linear' if growth < large / small else 'NOT sub-linear'})"
        )


if __name__ == "__main__":
    main()
