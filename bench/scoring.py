"""How much scoring adds to extraction: both timed article by article over one corpus, in one run.

Usage: ``.venv/bin/python bench/scoring.py [--articles N] [--words W]``

Prints articles/second for ingest + extraction and for scoring, and the ratio
scoring/extraction; the target is under 10%. Ratios within one run are
comparable across machines; absolute figures are not. The articles are
fictional: sentences drawn from templates mixing named, anonymous, relayed,
hedged and unattributed claims, in the seed article's format.
"""

from __future__ import annotations

import argparse
import random
import time

from provenance.config import Config
from provenance.extract import analyze
from provenance.ingest import parse_article
from provenance.scoring import load_rule_pack, score

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


def article_text(rng: random.Random, words: int) -> str:
    """One fictional article of about ``words`` words in the seed format."""
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


def main() -> None:
    """Generate the corpus, time extraction, then scoring over the same analyses."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--words", type=int, default=600)
    options = parser.parse_args()
    rng = random.Random(20241212)
    texts = [article_text(rng, options.words) for _ in range(options.articles)]
    config = Config()
    pack = load_rule_pack()

    extraction = scoring = 0.0
    claims = findings = 0
    for text in texts:
        started = time.perf_counter()
        analysis = analyze(parse_article(text))
        extracted = time.perf_counter()
        report = score(analysis, config, pack=pack)
        scored = time.perf_counter()
        extraction += extracted - started
        scoring += scored - extracted
        claims += len(analysis.claims)
        findings += sum(len(claim.findings) for claim in report.claim_scores)

    print(f"{options.articles} articles, {claims} claims, {findings} findings")
    print(f"extraction: {options.articles / extraction:8.1f} articles/s ({extraction:.2f} s)")
    print(f"scoring:    {options.articles / scoring:8.1f} articles/s ({scoring:.2f} s)")
    print(f"scoring adds {100 * scoring / extraction:.1f}% to extraction time (target: under 10%)")


if __name__ == "__main__":
    main()
