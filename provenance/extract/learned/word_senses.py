"""What a verb means, from WordNet: the senses the cue model reads to judge a verb it never saw in training.

``data/speech_lexicon.json`` (made by ``bench/build_speech_lexicon.py`` from
Princeton WordNet 3.0) describes every one-word verb by its commonest senses: the
lexicographer class of each ("communication", "cognition", "motion", …) and the
frame groups it takes ("that": "Somebody ----s that CLAUSE", "to": "Somebody
----s to INFINITIVE", "person": "Somebody ----s somebody", …). A word of a text
is brought to its verb lemma as WordNet's own morphology does: the irregular
forms of ``verb.exc``, else the regular endings ("-s", "-es", "-ed", "-ing").
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from provenance.extract.learned.shipped import shipped_text

__all__ = ["VerbSenses", "verb_forms", "verb_senses"]

ENDINGS = (
    ("s", ""),
    ("ies", "y"),
    ("es", "e"),
    ("es", ""),
    ("ed", "e"),
    ("ed", ""),
    ("ing", "e"),
    ("ing", ""),
)
"""WordNet's detachment rules for verbs (morphy(7WN)): an ending and what replaces it."""


@dataclass(frozen=True)
class VerbSenses:
    """A verb's commonest senses (each one's class and frame groups, commonest first); its noun class."""

    lemma: str
    senses: tuple[tuple[str, frozenset[str]], ...]
    noun: str | None

    @property
    def classes(self) -> frozenset[str]:
        """The classes of the verb's commonest senses."""
        return frozenset(sense_class for sense_class, _ in self.senses)

    @property
    def frames(self) -> frozenset[str]:
        """The frame groups any of the verb's commonest senses takes."""
        return frozenset(group for _, groups in self.senses for group in groups)


@cache
def _lexicon() -> dict[str, dict[str, str]]:
    data: dict[str, dict[str, str]] = json.loads(shipped_text("speech_lexicon.json"))
    return data


def _lemma(word: str) -> str | None:
    """Bring a lower-case word to its WordNet verb lemma: an irregular form, itself, or a regular ending."""
    lexicon = _lexicon()
    verbs = lexicon["verbs"]
    irregular = lexicon["irregular"].get(word)
    if irregular is not None:
        return irregular
    if word in verbs:
        return word
    for ending, replacement in ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            lemma = word[: -len(ending)] + replacement
            if lemma in verbs:
                return lemma
    return None


@cache
def verb_senses(word: str) -> VerbSenses | None:
    """Give the senses of the verb a lower-case word is a form of ("conceded" → concede), or None."""
    lemma = _lemma(word)
    if lemma is None:
        return None
    lexicon = _lexicon()
    senses = []
    for sense in lexicon["verbs"][lemma].split(";"):
        sense_class, _, groups = sense.partition(":")
        senses.append((sense_class, frozenset(groups.split(",")) - {""}))
    return VerbSenses(lemma, tuple(senses), lexicon["nouns"].get(lemma))


@cache
def verb_forms(classes: frozenset[str]) -> frozenset[str]:
    """List every form of the verbs with a commonest sense in one of ``classes`` ("concede", "conceded", …).

    The forms are the lemmas, their irregular forms (``verb.exc``: "applied",
    "stopped") and their regular spellings, each kept only when ``verb_senses``
    brings it back to one of those verbs.
    """
    lexicon = _lexicon()
    lemmas = {
        lemma
        for lemma, described in lexicon["verbs"].items()
        if any(sense.partition(":")[0] in classes for sense in described.split(";"))
    }
    forms = {form for form, lemma in lexicon["irregular"].items() if lemma in lemmas}
    for lemma in lemmas:
        forms.update(_regular_forms(lemma))
    return frozenset(form for form in forms if _lemma(form) in lemmas)


def _regular_forms(lemma: str) -> tuple[str, ...]:
    """Spell a verb's regular forms: the lemma, "-s", "-ed", "-ing" ("concede": concedes, conceding)."""
    if lemma.endswith("e"):
        return lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"
    if lemma.endswith(("s", "x", "z", "ch", "sh")):
        return lemma, lemma + "es", lemma + "ed", lemma + "ing"
    if lemma.endswith("y") and lemma[-2:-1] not in {"a", "e", "o", "u"}:
        return lemma, lemma[:-1] + "ies", lemma + "ing"
    return lemma, lemma + "s", lemma + "ed", lemma + "ing"
