"""Extraction throughput: analyse 1,000 generated articles of about 600 words each.

Prints articles per second and peak resident memory. The rate is given by CPU
time on one core (the process is single-threaded), which a busy machine does not
distort, and by wall-clock time. The articles are built
from fictional sentence templates with a fixed seed, so every run times the
same corpus; about half the sentences carry an attribution, as in real news.
Usage: ``python bench/extraction.py [--articles N]``.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time

from provenance import analyze, parse_article

NAMES = ["Maria Keller", "Tomas Brandt", "Ana Ruiz", "Jonas Field", "Lena Ortiz", "Paul Mercer"]
TITLES = ["Finance Minister", "Sen.", "Mayor", "Gen.", "Mr.", "Dr."]
GROUPS = ["two officials", "three diplomats", "sources familiar with the talks", "a senior aide", "analysts"]
ORGS = ["the ministry", "the Kremlin", "the city council", "the harbour authority", "Reuters"]
TOPICS = ["the budget", "the bridge", "the ceasefire", "the new tariff", "the port expansion", "the election"]
ATTRIBUTED_SHARE = 0.55
"""Share of sentences drawn from attributed templates (news has about one attribution per two sentences)."""
FILLER = (
    "The plan would cost about 3.5 billion over five years and covers roads, schools and the U.S. border "
    "crossing near the river, which closed in Jan. after the storm."
)
TEMPLATES = [
    "{title} {name} said on Tuesday that {topic} would be delayed until the spring.",
    "According to {group}, {topic} is unlikely to pass before the summer recess.",
    "“We will not accept {topic} in its current form,” {name} told reporters. “It is simply too expensive.”",
    "{org} said in a statement that talks on {topic} had stalled.",
    "{topic_cap} may be revised, {group} said, although no decision has been made.",
    "The proposal, {name} said, is to split {topic} into two phases.",
    "{name} believes {topic} could help the region, but critics disagree.",
    "Reuters reported, citing {group}, that {topic} was being reconsidered.",
    "{filler}",
    "Officials who spoke on condition of anonymity said {topic} was never formally approved.",
    "The report card on {topic} was mixed, and the said shipment never arrived.",
]
NARRATIVE = [
    "The council met for four hours in the old town hall before the vote on {topic}.",
    "Traffic on the ring road slowed to a crawl as crews closed two lanes near the harbour.",
    "{name} arrived in the capital on Monday after a week of meetings in the north.",
    "Work on the first section started in 2019 and stopped twice during the winter.",
    "Prices for diesel rose by 4 percent in the first quarter, the highest rise in a decade.",
    "The vote on {topic} is scheduled for the last week of the session.",
]


def make_article(rng: random.Random, words: int = 600) -> str:
    """Build one fictional article of about ``words`` words, in paragraphs of two or three sentences."""
    paragraphs: list[str] = ["Council weighs the harbour plan"]
    count = 0
    while count < words:
        sentences = []
        for _ in range(rng.randint(2, 3)):
            topic = rng.choice(TOPICS)
            templates = TEMPLATES if rng.random() < ATTRIBUTED_SHARE else NARRATIVE
            sentence = rng.choice(templates).format(
                title=rng.choice(TITLES),
                name=rng.choice(NAMES),
                group=rng.choice(GROUPS),
                org=rng.choice(ORGS),
                topic=topic,
                topic_cap=topic[0].upper() + topic[1:],
                filler=FILLER,
            )
            sentences.append(sentence)
            count += len(sentence.split())
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    options = parser.parse_args(argv)
    rng = random.Random(20241212)
    corpus = [make_article(rng) for _ in range(options.articles)]
    words = sum(len(text.split()) for text in corpus)
    analyze(parse_article(corpus[0]))  # load the lexicons before timing
    started = time.perf_counter()
    cpu_started = time.process_time()
    claims = 0
    for text in corpus:
        claims += len(analyze(parse_article(text)).claims)
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"articles: {len(corpus)}  words/article: {words / len(corpus):.0f}  claims: {claims}")
    print(f"wall: {elapsed:.2f} s ({len(corpus) / elapsed:.0f} articles/s)")
    print(f"cpu: {cpu:.2f} s  articles/s (one core, CPU time): {len(corpus) / cpu:.0f}")
    print(f"peak memory (max RSS): {peak_kib / 1024:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
