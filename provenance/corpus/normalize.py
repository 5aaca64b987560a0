"""Claim text normalisation for matching: the same claim written two ways reads the same here.

Outlets relaying one report change case, quotes, tense, word order and how
numbers are written ("5-8", "five to eight", "between five and eight"). The
normal form folds those differences away so fuzzy scoring compares content:
lower case, straight quotes, number and ordinal words as digits, ranges as ``LOW-HIGH``,
stop words and reporting verbs dropped, a light suffix stemmer for tense and
plural. Negations are kept aside rather than scored: a negated paraphrase must
still *match* so that it can be flagged as a contradiction.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["MONTHS", "NEGATIONS", "NUMBER_WORDS", "STOP_WORDS", "NormalisedClaim", "normalise", "stem"]

NUMBER_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
}
MULTIPLIERS = {"hundred": 100, "thousand": 1000}

ORDINAL_WORDS = {
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
}
"""Ordinals written out, as the figure another outlet prints ("sixth round" / "6th round").

"first" and "second" are left as words: they are adverbs and a unit of time as often as ordinals.
"""

MONTHS = (
    "january february march april may june july august september october november december".split()  # noqa: SIM905
)
"""Month names, in order: dates that two reports of one event must agree on."""

NEGATIONS = frozenset({"not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without"})

STOP_WORDS = frozenset(
    word
    for line in resources.files("provenance.corpus").joinpath("stopwords.txt").read_text("utf-8").splitlines()
    if not line.startswith("#")
    for word in line.split()
)
"""Function words, auxiliaries (tense) and reporting verbs: they differ between relays of one claim."""

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"'})
_DASHES = re.compile(r"[‐‑‒–—―]")
_CONTRACTED_NOT = re.compile(r"(\w)n't\b")
_UNMARKED_NOT = re.compile(r"\b(ca|do|does|did|is|was|are|were|has|have|had|could|would|should|wo)nt\b")
"""A contraction written without its apostrophe ("I cant speak", "didnt"), as quotes often are."""
_NUMBER_WORD = re.compile(r"\b(" + "|".join(NUMBER_WORDS) + r")\b")
_ORDINAL_WORD = re.compile(r"\b(" + "|".join(ORDINAL_WORDS) + r")\b")
_ORDINAL_SUFFIX = re.compile(r"\b(\d+)(?:st|nd|rd|th)\b")
_BARE_MULTIPLIER = re.compile(r"\b(?:a|one) (hundred|thousand)\b")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
_COMPOUND_NUMBER = re.compile(r"\b([2-9]0)-([1-9])\b")
_MULTIPLIED = re.compile(r"\b(\d+) (hundred|thousand)\b")
_BETWEEN_RANGE = re.compile(r"\bbetween (\d+(?:\.\d+)?) and (\d+(?:\.\d+)?)\b")
_RANGE = re.compile(r"\b(\d+(?:\.\d+)?) ?(?:-|to) ?(\d+(?:\.\d+)?)\b")
_TOKEN = re.compile(r"\d+(?:\.\d+)?(?:-\d+(?:\.\d+)?)?|[^\W\d_]+")
_NUMBER = re.compile(r"\d")
_NEGATION_SCOPE = 3
"""How many content words after a negation it governs ("not *currently intending* to *deploy*")."""


@dataclass(frozen=True, slots=True)
class NormalisedClaim:
    """A claim's normal form: scored tokens, numbers and negated words.

    ``text`` is the space-joined content tokens in reading order (what the
    scorers see); ``numbers`` the quantities it states; ``negated`` the content
    words in the scope of a negation.
    """

    text: str
    numbers: frozenset[str]
    negated: frozenset[str]

    @property
    def tokens(self) -> list[str]:
        """The content tokens, in order."""
        return self.text.split()


@lru_cache(maxsize=1 << 16)
def normalise(sentence: str) -> NormalisedClaim:
    """Reduce a sentence to the normal form that matching and contradiction work on.

    Cached: a cross-check reads each stored unit against every unit of the
    checked article, and the contradiction test reads both again.
    """
    text = unicodedata.normalize("NFKC", sentence).translate(_QUOTES).lower()
    text = _DASHES.sub("-", text)
    text = _CONTRACTED_NOT.sub(r"\1 not", text.replace("cannot", "can not"))
    text = _UNMARKED_NOT.sub(r"\1 not", text)
    text = _THOUSANDS.sub("", text)
    text = _BARE_MULTIPLIER.sub(lambda match: str(MULTIPLIERS[match.group(1)]), text)
    text = _NUMBER_WORD.sub(lambda match: str(NUMBER_WORDS[match.group(1)]), text)
    text = _ORDINAL_WORD.sub(lambda match: str(ORDINAL_WORDS[match.group(1)]), text)
    text = _ORDINAL_SUFFIX.sub(r"\1", text)
    text = _COMPOUND_NUMBER.sub(lambda match: str(int(match.group(1)) + int(match.group(2))), text)
    text = _MULTIPLIED.sub(lambda match: str(int(match.group(1)) * MULTIPLIERS[match.group(2)]), text)
    text = _BETWEEN_RANGE.sub(r"\1-\2", text)
    text = _RANGE.sub(r"\1-\2", text)
    content: list[str] = []
    numbers: set[str] = set()
    negated: set[str] = set()
    scope = 0
    for token in _TOKEN.findall(text):
        if token in NEGATIONS:
            scope = _NEGATION_SCOPE
            continue
        if token in STOP_WORDS or (len(token) == 1 and not token.isdigit()):
            continue
        if _NUMBER.match(token):
            numbers.add(token)
        else:
            token = stem(token)
        content.append(token)
        if scope:
            negated.add(token)
            scope -= 1
    return NormalisedClaim(" ".join(content), frozenset(numbers), frozenset(negated))


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """Strip the inflections that tense and number changes add (a deliberately light stemmer).

    Cached: the matcher stems every word of every candidate sentence, and news repeats its words.

    ``considering``/``considered``/``considers`` → ``consider``, ``countries`` →
    ``country``, ``planned`` → ``plan``, ``proposed``/``propose`` → ``propos``.
    Over-stemming would merge different words; this only needs to merge the
    forms one claim takes in different reports.
    """
    if len(word) <= 3:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    for suffix in ("ingly", "edly", "ing", "ed", "es", "ly", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith("ss"):
                break
            word = word[: -len(suffix)]
            if suffix in {"ing", "ed", "ingly", "edly"} and len(word) > 3 and word[-1] == word[-2]:
                word = word[:-1]
            break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word
