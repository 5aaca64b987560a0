"""Build the verb lexicon the cue model reads from Princeton WordNet 3.0.

    apt-get install -y wordnet-base                 # the WordNet 3.0 database files
    python bench/build_speech_lexicon.py            # reads /usr/share/wordnet
    python bench/build_speech_lexicon.py --wordnet DIR

Writes ``provenance/extract/learned/data/speech_lexicon.json``: for every
one-word verb of WordNet, what its commonest senses mean (the lexicographer
file of each: communication, cognition, emotion, …) and which sentence frames
they take ("Somebody ----s that CLAUSE", "Somebody ----s to INFINITIVE", …),
with the noun class of the same word where it is a noun too, and the irregular
verb forms of ``verb.exc``. The cue model uses them to judge a verb it never saw
in training by what it means ("conceded", "touted", "lamented" are verbs of
communication taking a clause). Only developers run this script; the same
WordNet files give the same output.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from wordnet_files import Synset, read_exceptions, read_index, read_synsets, wordnet_folder

from provenance.outputs import write_atomic

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "provenance" / "extract" / "learned" / "data" / "speech_lexicon.json"
SENSES = 4
"""How many of a verb's senses (WordNet orders them by frequency in its tagged corpus) are described."""
VERB_FILES = {
    29: "body",
    30: "change",
    31: "cognition",
    32: "communication",
    33: "competition",
    34: "consumption",
    35: "contact",
    36: "creation",
    37: "emotion",
    38: "motion",
    39: "perception",
    40: "possession",
    41: "social",
    42: "stative",
    43: "weather",
}
"""The verb lexicographer files (lexnames(5WN)), by number."""
NOUN_FILES = {
    3: "Tops",
    4: "act",
    5: "animal",
    6: "artifact",
    7: "attribute",
    8: "body",
    9: "cognition",
    10: "communication",
    11: "event",
    12: "feeling",
    13: "food",
    14: "group",
    15: "location",
    16: "motive",
    17: "object",
    18: "person",
    19: "phenomenon",
    20: "plant",
    21: "possession",
    22: "process",
    23: "quantity",
    24: "relation",
    25: "shape",
    26: "state",
    27: "substance",
    28: "time",
}
"""The noun lexicographer files (lexnames(5WN)), by number."""
FRAME_GROUPS = {
    26: "that",
    34: "that",
    28: "to",
    32: "to",
    35: "to",
    24: "obj-to",
    25: "obj-to",
    29: "whether",
    33: "ing",
    9: "person",
    14: "person",
    27: "to-person",
    12: "to-person",
    8: "thing",
    11: "thing",
    22: "pp",
    13: "on",
    2: "alone",
    1: "alone",
}
"""The generic verb frames (wninput(5WN)) that tell how a verb reports, grouped by what follows it."""


def one_word_senses(folder: Path, part: str) -> dict[str, list[str]]:
    """Map each one-word lemma of a part of speech to its synset offsets, commonest sense first."""
    return {
        lemma: offsets
        for lemma, offsets in read_index(folder, part).items()
        if "_" not in lemma and lemma.isalpha()
    }


def describe_verb(lemma: str, offsets: list[str], data: dict[str, Synset]) -> str:
    """Describe a verb's commonest senses: "class:frame-group,…" per sense, senses joined by ";"."""
    described = []
    for offset in offsets[:SENSES]:
        synset = data[offset]
        frames = synset.frames.get(lemma, set())
        groups = sorted({FRAME_GROUPS[frame] for frame in frames if frame in FRAME_GROUPS})
        described.append(f"{VERB_FILES[synset.lexfile]}:{','.join(groups)}")
    return ";".join(described)


def build(wordnet: Path) -> dict[str, object]:
    """Build the lexicon from the WordNet database files in ``wordnet``."""
    verb_data = read_synsets(wordnet, "verb")
    verbs = one_word_senses(wordnet, "verb")
    nouns = one_word_senses(wordnet, "noun")
    noun_data = read_synsets(wordnet, "noun")
    noun_files = {lemma: noun_data[offsets[0]].lexfile for lemma, offsets in nouns.items() if lemma in verbs}
    irregular = {}
    for form, lemmas in read_exceptions(wordnet, "verb"):
        known = [lemma for lemma in lemmas if lemma in verbs]
        if known and form.isalpha():
            irregular[form] = known[0]
    return {
        "about": (
            "Derived from Princeton WordNet 3.0 by bench/build_speech_lexicon.py: per one-word verb, its "
            f"{SENSES} commonest senses as 'lexicographer class:frame groups', the lexicographer class of "
            "its commonest noun sense where it is a noun too, and the irregular forms of verb.exc. "
            "WordNet 3.0 Copyright 2006 by Princeton University, redistributed under its licence "
            "(see NOTICE)."
        ),
        "verbs": {
            lemma: describe_verb(lemma, offsets, verb_data) for lemma, offsets in sorted(verbs.items())
        },
        "nouns": {lemma: NOUN_FILES[lexfile] for lemma, lexfile in sorted(noun_files.items())},
        "irregular": dict(sorted(irregular.items())),
    }


def main() -> int:
    folder = wordnet_folder(__doc__)
    if folder is None:
        return 2
    lexicon = build(folder)
    write_atomic(OUTPUT, json.dumps(lexicon, indent=0, sort_keys=True, ensure_ascii=False) + "\n")
    verbs, irregular = len(lexicon["verbs"]), len(lexicon["irregular"])  # type: ignore[arg-type]
    print(f"{verbs} verbs, {irregular} irregular forms: wrote {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
