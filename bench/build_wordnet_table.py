"""Derive the claim matcher's word-relation table from WordNet 3.0, reproducibly.

    apt-get install -y wordnet-base                 # the Princeton WordNet 3.0 database files
    .venv/bin/python bench/build_wordnet_table.py   # writes provenance/corpus/data/wordnet.json

Two outlets reporting one fact often word it apart: "fired" / "dismissed",
"bought" / "purchased", "convicted" / "conviction". The matcher aligns such words
through this table, keyed by the normaliser's stems (``normalize.stem``) of
every single-word WordNet lemma and its inflected forms, so it needs no
lemmatiser at run time. For each key it keeps the lemma's most frequent senses
(``SENSES`` per part of speech, WordNet's own order) with the senses they are
derivationally related to ("acquire" / "acquisition"), similar to (adjectives)
or grouped with (verbs). Two words align when their senses meet. Hypernyms
("revolver" / "pistol") were tried and left out: they made unrelated pairs
look alike as often as they found a paraphrase (MRPC train cross-validated
accuracy 0.7615 with them, 0.7637 without). Senses are numbered densely; the
numbers mean nothing outside this file. Only stems of words printed in the
training news are kept, and no stop words or words of one or two letters
(the normaliser drops them anyway).

WordNet 3.0 is Copyright 2006 by Princeton University, under the WordNet
licence (BSD-like; the notice is in ``NOTICE``); this table is derived from it.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

from wordnet_files import read_exceptions, read_index, read_synsets, wordnet_folder

from provenance.outputs import write_atomic

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "provenance" / "corpus" / "data" / "wordnet.json"
SHARED = ROOT.parent / "shared"
VOCABULARY = (SHARED / "polnear" / "train" / "text", SHARED / "mrpc" / "msr_paraphrase_train.txt")
"""News text whose words the table keeps (training data only): WordNet's rare words would double its size."""
PARTS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
SENSES = 3
"""How many of a lemma's senses per part of speech count (the rest are rare readings that only add noise)."""
RELATED_POINTERS = frozenset({"+", "&", "$"})
"""Derivation, similar-to (adjectives), verb group."""


def regular_forms(lemma: str, part: str) -> set[str]:
    """Give the regular inflections the normaliser may meet (plural, past, participles)."""
    forms = {lemma}
    if part in {"noun", "verb"}:
        forms |= {lemma + "s", lemma + "es"}
        if lemma.endswith("y"):
            forms.add(lemma[:-1] + "ies")
    if part == "verb":
        base = lemma[:-1] if lemma.endswith("e") else lemma
        forms |= {base + "ed", base + "ing", lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
        if lemma.endswith("y"):
            forms.add(lemma[:-1] + "ied")
    return forms


def news_stems() -> set[str]:
    """Give the stems of the words printed in the training news (PolNeAR train articles, MRPC train)."""
    from provenance.corpus.normalize import stem

    paths = [
        path for root in VOCABULARY for path in (sorted(root.glob("*.txt")) if root.is_dir() else [root])
    ]
    words: set[str] = set()
    for path in paths:
        words |= set(re.findall(r"[a-z]+", path.read_text(encoding="utf-8-sig").lower()))
    return {stem(word) for word in words}


def build(wordnet: Path) -> dict[str, object]:
    """Build the table from the WordNet database files in ``wordnet``."""
    from provenance.corpus.normalize import STOP_WORDS, stem

    vocabulary = news_stems()

    near: dict[str, set[str]] = defaultdict(set)
    for part, letter in PARTS.items():
        synsets = read_synsets(wordnet, part)
        exceptions: dict[str, list[str]] = defaultdict(list)
        for form, lemmas in read_exceptions(wordnet, part):
            for lemma in lemmas:
                exceptions[lemma].append(form)
        for lemma, offsets in read_index(wordnet, part).items():
            if not lemma.isalpha() or len(lemma) < 3 or lemma in STOP_WORDS:
                continue
            kept = offsets[:SENSES]
            related = {letter + offset for offset in kept}
            for offset in kept:
                related |= {
                    target for symbol, target in synsets[offset].pointers if symbol in RELATED_POINTERS
                }
            for form in regular_forms(lemma, part) | set(exceptions.get(lemma, [])):
                key = stem(form)
                if key in STOP_WORDS or len(key) < 3 or key not in vocabulary:
                    continue
                near[key] |= related
    numbers: dict[str, int] = {}
    for key in sorted(near):
        for sense in sorted(near[key]):
            numbers.setdefault(sense, len(numbers))
    table = {key: " ".join(_base36(numbers[sense]) for sense in sorted(near[key])) for key in sorted(near)}
    return {
        "source": "WordNet 3.0 (Princeton University; licence in NOTICE) by bench/build_wordnet_table.py",
        "senses_per_part": SENSES,
        "words": table,
    }


def _base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        number, digit = divmod(number, 36)
        text = digits[digit] + text
        if not number:
            return text


def main() -> int:
    folder = wordnet_folder(__doc__)
    if folder is None:
        return 2
    document = build(folder)
    write_atomic(OUTPUT, json.dumps(document, separators=(",", ":")) + "\n")
    print(f"{len(document['words'])} keys, {OUTPUT.stat().st_size / 1e6:.2f} MB -> {OUTPUT}")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
