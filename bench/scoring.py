"""How much scoring adds to extraction: extraction alone vs extraction + scoring, same articles, one run.

Usage: ``.venv/bin/python bench/scoring.py [--articles N] [--words W] [--rounds R]``

Two corpora of generated ~600-word articles, each timed article by article:
``extraction`` is the extraction benchmark's own corpus (``bench/extraction.py``:
about half the sentences attributed, as in real news), the one the quality bar
("scoring adds under 10% to the extraction benchmark's time") is about;
``attributed`` is denser, every sentence a claim with named, anonymous, relayed,
hedged or unattributed sourcing in the seed article's format, so more findings
per claim: the harder case. Each article is parsed and analysed, then scored,
with CPU time on one core measured around each step (the process is
single-threaded, so a busy machine distorts it less than wall-clock time). The
two timings interleave, so load on the machine falls on both alike; each round
prints extraction time, scoring time and their ratio, and the median round is
the figure. Freeing the report counts as scoring and freeing the analysis as
extraction. Garbage collections are counted over the corpus with and without
scoring: equal counts show that scoring leaves extraction no collector work.
Ratios within one run are comparable across machines; absolute figures are not.
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import time
from collections.abc import Callable

from extraction import make_article

from provenance.config import Config
from provenance.extract import analyze
from provenance.ingest import parse_article
from provenance.scoring import load_rule_pack, score

TARGET = 0.10
"""Scoring may add at most this share to extraction time."""
TARGET_CORPUS = "extraction"
"""The corpus the target is about: the extraction benchmark's own."""

NAMES = ["Anna Lindqvist", "Omar Reyes", "Clara Voss", "Jonas Brandt", "Ida Berg", "Tom Ellis", "Lea Nowak"]
TITLES = ["Finance Minister", "Mayor", "Governor", "Defence Minister", "Chancellor"]
ANONYMOUS = [
    "a senior official",
    "two diplomats",
    "five European diplomats",
    "sources familiar with the matter",
    "a person involved with the talks",
    "officials",
]
TOPICS = [
    "the harbour will close for dredging from early June until the end of the summer, "
    "diverting ferries to the fishing quay",
    "the budget for next year will be cut by two percent, "
    "with the largest savings coming from road maintenance and defence",
    "the ceasefire talks in the capital collapsed on Monday "
    "after both delegations refused to discuss the border question",
    "the government may raise tariffs on steel imports from three neighbouring countries "
    "if prices keep falling this quarter",
    "the plan is to form a coalition of five to eight countries "
    "that would share the cost of patrols along the coast",
    "exports of machinery fell by four percent in March compared with a year earlier, "
    "the steepest drop since the pandemic",
]
TEMPLATES = [
    "{title} {name} said {topic}.",
    "According to {anonymous}, {topic}.",
    "{Topic}, {anonymous} said.",
    "{Anonymous} believe {topic}.",
    "{Topic}.",
    "The ministry said in a statement that {topic}.",
    "{Topic}, {title} {name} told reporters on Tuesday.",
]
OUTLETS = ["Daily Example", "The Example Post", "Example News"]
RELAYS = ["", ", citing Reuters", ", citing AP and sources familiar with the issue"]


def attributed_article(rng: random.Random, words: int) -> str:
    """One fictional article of about ``words`` words in the seed format, every sentence a claim."""
    sentences: list[str] = []
    count = 0
    while count < words:
        topic = rng.choice(TOPICS)
        anonymous = rng.choice(ANONYMOUS)
        sentence = rng.choice(TEMPLATES).format(
            title=rng.choice(TITLES),
            name=rng.choice(NAMES),
            topic=topic,
            Topic=topic[0].upper() + topic[1:],
            anonymous=anonymous,
            Anonymous=anonymous[0].upper() + anonymous[1:],
        )
        sentences.append(sentence)
        count += len(sentence.split())
    paragraphs = [" ".join(sentences[index : index + 3]) for index in range(0, len(sentences), 3)]
    header = f"date 2024-05-01 Talks continue\n\nSource: {rng.choice(OUTLETS)}{rng.choice(RELAYS)}\n\n"
    return header + "Details: " + "\n\n".join(paragraphs) + "\n"


CORPORA: dict[str, Callable[[random.Random, int], str]] = {
    "extraction": make_article,
    "attributed": attributed_article,
}


def time_round(texts: list[str], config: Config) -> tuple[float, float, int, int]:
    """Extract then score each article; return CPU seconds of each step, claims and findings.

    Freeing memory is part of each step's cost, charged to the step that made
    it: the report is released and timed with scoring, then the analysis with
    extraction (as in the extraction benchmark, which frees each analysis in its
    timed loop). Without the explicit release the previous article's analysis,
    which its report holds, would be freed inside the next article's scoring.
    """
    pack = load_rule_pack()
    extraction = scoring = 0.0
    claims = findings = 0
    for text in texts:
        started = time.process_time()
        analysis = analyze(parse_article(text))
        extracted = time.process_time()
        report = score(analysis, config, pack=pack)
        scored = time.process_time()
        claims += len(analysis.claims)
        findings += len(report.article_findings) + sum(len(claim.findings) for claim in report.claim_scores)
        releasing = time.process_time()
        del report
        released = time.process_time()
        del analysis
        done = time.process_time()
        extraction += (extracted - started) + (done - released)
        scoring += (scored - extracted) + (released - releasing)
    return extraction, scoring, claims, findings


def garbage_collections(texts: list[str], config: Config, scored: bool) -> list[int]:
    """Count the garbage collections, by generation, that the extraction loop runs with or without scoring.

    Collections run when allocations pile up, inside whichever step happens to
    allocate then; equal counts show that the per-step split does not hide a
    collector cost that scoring causes and extraction pays.
    """
    pack = load_rule_pack()
    gc.collect()
    before = [entry["collections"] for entry in gc.get_stats()]
    for text in texts:
        analysis = analyze(parse_article(text))
        if scored:
            score(analysis, config, pack=pack)
    return [entry["collections"] - start for entry, start in zip(gc.get_stats(), before, strict=True)]


def main() -> None:
    """Generate both corpora, then time extraction and scoring over each, round by round."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args()
    config = Config()
    texts = {name: [] for name in CORPORA}
    for name, generate in CORPORA.items():
        rng = random.Random(20241212)
        texts[name] = [generate(rng, options.words) for _ in range(options.articles)]
    score(analyze(parse_article(texts["extraction"][0])), config)  # load lexicons and rules before timing

    for name, corpus in texts.items():
        ratios = []
        for round_number in range(1, options.rounds + 1):
            extraction, scoring, claims, findings = time_round(corpus, config)
            ratios.append(scoring / extraction)
            if round_number == 1:
                print(f"{name} corpus: {len(corpus)} articles, {claims} claims, {findings} findings")
            print(
                f"  round {round_number}: extraction {1e3 * extraction / len(corpus):.2f} ms/article, "
                f"scoring {1e6 * scoring / claims:.1f} µs/claim "
                f"({1e3 * scoring / len(corpus):.2f} ms/article), "
                f"scoring adds {100 * ratios[-1]:.1f}%"
            )
        median = statistics.median(ratios)
        if name == TARGET_CORPUS:
            verdict = "meets" if median < TARGET else "misses"
            judged = f"{verdict} the target of under {100 * TARGET:.0f}%"
        else:
            judged = f"the target is about the {TARGET_CORPUS} corpus"
        print(
            f"  {name}: scoring adds {100 * median:.1f}% to extraction time "
            f"(median of {len(ratios)} rounds; {judged})"
        )
        alone, with_scoring = (
            "/".join(map(str, garbage_collections(corpus, config, scored))) for scored in (False, True)
        )
        print(f"  garbage collections by generation: extraction alone {alone}, with scoring {with_scoring}")


if __name__ == "__main__":
    main()
