"""Read the Princeton WordNet 3.0 database files (wndb(5WN)), for the scripts that derive data from them.

    apt-get install -y wordnet-base                 # installs them in /usr/share/wordnet

``bench/build_speech_lexicon.py`` (the cue model's verb lexicon) and
``bench/build_wordnet_table.py`` (the matcher's word relations) read the same
files through here, so the format is parsed in one place.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

WORDNET = Path("/usr/share/wordnet")
"""Where Debian's ``wordnet-base`` puts the database."""


def wordnet_folder(description: str) -> Path | None:
    """Read ``--wordnet`` from the command line; None, after one line on stderr, without a database."""
    parser = argparse.ArgumentParser(
        description=description, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--wordnet", type=Path, default=WORDNET, help=f"default {WORDNET}")
    folder: Path = parser.parse_args().wordnet
    if not all((folder / f"data.{part}").is_file() for part in ("noun", "verb")):
        print(f"{folder}: no WordNet 3.0 database (apt-get install -y wordnet-base)", file=sys.stderr)
        return None
    return folder


@dataclass(frozen=True)
class Synset:
    """One line of a data file: a sense, its words, pointers and (for verbs) each word's frames."""

    lexfile: int
    words: list[str]
    pointers: list[tuple[str, str]]
    """(pointer symbol, target offset with its part-of-speech letter first: "n01234567")."""
    frames: dict[str, set[int]] = field(default_factory=dict)


def read_index(folder: Path, part: str) -> dict[str, list[str]]:
    """Map each lemma of ``index.PART`` to its synset offsets, most frequent sense first."""
    senses: dict[str, list[str]] = {}
    for line in (folder / f"index.{part}").read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split()
        synset_count = int(fields[2])
        senses[fields[0]] = fields[len(fields) - synset_count :]
    return senses


def read_synsets(folder: Path, part: str) -> dict[str, Synset]:
    """Map each synset offset of ``data.PART`` to its synset (a verb frame of word 0 holds for every word)."""
    table: dict[str, Synset] = {}
    for line in (folder / f"data.{part}").read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split(" | ")[0].split()
        count = int(fields[3], 16)
        words = [fields[4 + 2 * number].lower() for number in range(count)]
        position = 4 + 2 * count
        pointer_count = int(fields[position])
        pointers = [
            (fields[at], ("a" if fields[at + 2] == "s" else fields[at + 2]) + fields[at + 1])
            for at in range(position + 1, position + 1 + 4 * pointer_count, 4)
        ]
        position += 1 + 4 * pointer_count
        frames: dict[str, set[int]] = defaultdict(set)
        if fields[2] == "v" and position < len(fields):
            for number in range(int(fields[position])):
                frame = int(fields[position + 2 + 3 * number])
                target = int(fields[position + 3 + 3 * number], 16)
                for index, word in enumerate(words):
                    if target in (0, index + 1):
                        frames[word].add(frame)
        table[fields[0]] = Synset(int(fields[1]), words, pointers, frames)
    return table


def read_exceptions(folder: Path, part: str) -> list[tuple[str, list[str]]]:
    """List the irregular forms of ``PART.exc``, each with the lemmas it inflects ("bought", ["buy"])."""
    found = []
    for line in (folder / f"{part}.exc").read_text(encoding="utf-8").splitlines():
        form, *lemmas = line.split()
        found.append((form, lemmas))
    return found
