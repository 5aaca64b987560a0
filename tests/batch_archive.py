"""A fictional archive for batch tests: Markdown articles from three outlets over two months."""

from __future__ import annotations

import random
from pathlib import Path

OUTLETS = ("Harbour Gazette", "Valley Courier", "Northern Ledger")
MONTHS = ("2025-03", "2025-04")
EVENTS = (
    "the ferry terminal will close for repairs in June",
    "the council approved a new budget for flood defences",
    "cargo traffic fell by a fifth over the winter",
    "a second bridge will be built north of the old town",
)
FORMS = (
    "Clara Voss said {event}.",
    "According to two officials, {event}.",
    "{Event}, Reuters reported, citing sources close to the council.",
    "According to the Associated Press, {event}.",
    "{Event}.",
    "A person familiar with the talks said {event}.",
)


def archive_article(rng: random.Random, number: int) -> str:
    """One fictional article with front matter; its sentences mix named, anonymous and relayed sourcing."""
    outlet = OUTLETS[number % len(OUTLETS)]
    month = MONTHS[(number // len(OUTLETS)) % len(MONTHS)]
    paragraphs = []
    for _ in range(rng.randint(2, 5)):
        event = rng.choice(EVENTS)
        paragraphs.append(rng.choice(FORMS).format(event=event, Event=event[0].upper() + event[1:]))
    body = "\n\n".join(paragraphs)
    return (
        f"---\ntitle: Harbour report {number}\noutlet: {outlet}\ndate: {month}-1{number % 9}\n---\n\n{body}\n"
    )


def write_archive(folder: Path, count: int, seed: int = 16) -> list[Path]:
    """Write ``count`` articles into ``folder`` (two sub-folders) and return their paths."""
    rng = random.Random(seed)
    paths = []
    for number in range(count):
        path = folder / f"desk-{number % 2}" / f"article-{number:05d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(archive_article(rng, number), encoding="utf-8")
        paths.append(path)
    return paths
