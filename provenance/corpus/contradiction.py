"""Whether two sentences about one event assert values that cannot both hold.

A contradiction is only worth reporting when it is about the asserted fact.
On real news the naive test (any two different numbers, any negation on one
side) fires on tweet ids and phone numbers, on rhetorical questions, and on
numbers that count different things ("3 people" against "12 houses"). So:

* markup, URLs, e-mail addresses, phone numbers, times of day and long digit
  strings (ids) are removed before any number is read;
* a question asserts nothing and is never in conflict, and two sentences
  that name different years ("In 2004, a quake killed 230,000" / "a quake
  killed five on Tuesday") tell of different events;
* two quantities are compared only when they count the same thing: the same
  unit or word after the number ("60 metres" / "150 m", "shot 11 times" /
  "seven times") or the same word before it ("mother of 13" / "mother of 12");
  rounding ("5.9" / "6.0") is no conflict, nor are bounds that can both hold
  ("more than 20,000" / "over 24,000"), but an estimate is a value, not a
  bound ("about 20,000" / "over 24,000" conflict);
* months conflict when both sides name one and they share none ("in June" /
  "in July"; the modal "may" is no month);
* a person named in full on both sides conflicts with an age they do not
  share ("Ada Quist, 32," / "31-year-old Ada Quist"): the name, not the
  wording around it, says it is one fact;
* a team's won-lost record ("a 9-5 season", "the Hawks (10-5)", "record rose
  to 9-5") is one value, compared whole, not a span whose ends may overlap;
* a hedged outcome ("nearly destroyed") conflicts with the same outcome
  asserted plainly ("destroyed");
* outcomes conflict when one side has one of a pair ("won") and the other the
  opposite ("lost") and neither has both;
* a negation conflicts when the other side asserts the very content word it
  negates and negates nothing itself.

The caller decides that the two sentences are about the same event first
(``match.compare_claims``); these tests only look at the values.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from provenance.corpus.normalize import MONTHS, NEGATIONS, NUMBER_WORDS, STOP_WORDS, normalise, stem

__all__ = [
    "AGE_REASON",
    "NEGATION_REASON",
    "is_question",
    "may_conflict",
    "strip_noise",
    "value_conflict",
    "value_kinds",
]

NEGATION_REASON = "negation differs"
"""How a negation conflict's reason starts: it needs the same proposition, not only the same event."""

AGE_REASON = "ages differ"
"""How an age conflict's reason starts: the person named in full on both sides makes it one fact."""

ROUNDING = 0.05
"""Relative difference below which two figures are one figure rounded ("5.9" / "about 6")."""

DEADLINE_WORDS = frozenset({"by", "before", "until", "till", "through", "from", "to"})
"""Words that, among the four before a year, make it a deadline or a span, not when something happened."""

DEADLINE_REACH = 40
"""Characters before a year searched for a deadline word."""

YEARS = (1800, 2100)
"""Four-digit figures in this span are years, not quantities."""

NEGATED_SHARE = 2
"""A negation conflict needs the other side to assert at least 1/NEGATED_SHARE of the words it governs."""

MIN_SHARED_SUBJECT = 2
"""Content words (besides figures, units and months) two sentences must share to be about one thing.

Or half of the shorter one's: "Shares rose 6 percent in after-hours trading" and
"Oil prices rose 2 percent on supply worries" share only "rose" of four.
"""

BOUNDED_TOLERANCE = 0.5
"""Difference a bound ("more than", "up to") leaves an exact figure: counts run on between reports."""

ESTIMATE_TOLERANCE = 0.15
"""Relative distance from its figure an estimate ("about 20,000") allows."""

EXACT, ESTIMATE, LOWER, UPPER = "exact", "estimate", "lower", "upper"
"""What a figure asserts: the value, a value near it, at least it, at most it."""

_NOISE = re.compile(
    r"<[^>\n]{0,400}>"  # markup: <tweet tweet-id="742240914727407616">
    r"|\b(?:https?://|www\.)\S+"  # URLs
    r"|\b[\w.+-]+@[\w-]+\.[\w.]+"  # e-mail addresses
    r"|\(?\b\d{3}\)?[ .-]\d{3}[ .-]\d{4}\b"  # phone numbers
    r"|\b\d{1,2}:\d{2}(?::\d{2})?\b"  # times of day, clock times
    r"|\b\d{6,}\b"  # long digit strings: ids, not quantities
    r"|@\w+|#\w+"  # handles and hashtags
)
_QUESTION_OPENING = re.compile(
    r"^\W*(?:so\s+|and\s+|but\s+)?(?:who|what|when|where|why|how|which|is|are|was|were|do|does|did|"
    r"can|could|will|would|should|has|have|had)\b",
    re.IGNORECASE,
)
_QUANTITY = re.compile(
    r"(?<![\w.,])(\$?)(\d+(?:,\d{3})*(?:\.\d+)?(?:-\d+(?:\.\d+)?)?)(%?)(?![\w,]*\d)(?!st\b|nd\b|rd\b|th\b)"
)
"""A figure; an ordinal ("6th round", "117th Street") names which one, not how many, and is no figure."""
_WORD = re.compile(r"[^\W\d_]+|%|\$")
_MONTHS = [month for month in MONTHS if month != "may"]
_NUMBER_WORD = re.compile(
    r"\b(" + "|".join(word for word, value in NUMBER_WORDS.items() if value > 1) + r")\b", re.IGNORECASE
)
"""Number words read as figures: "one" and "zero" are too often pronouns and idioms ("no one", "one day")."""
_NOT_NEGATION = re.compile(
    r"\bno\.\s*\d+|\bnot only\b|\bno (?:doubt|longer than|more than|less than)\b", re.IGNORECASE
)
"""Negation words that negate no proposition: "No. 5 seed", "not only", "no more than"."""
_YEAR = re.compile(r"(?<![\d,.$])\b(\d{4})\b(?![,.]?\d)")
_SUBJECT_PRONOUN = re.compile(r"\b(?:he|she|they|we|i|you)\b", re.IGNORECASE)
_OPENING_WORD = re.compile(r"[\W_]*([A-Z][\w'’-]*)")
_CAPITALISED = re.compile(r"(?<=[^.!?\s] )[A-Z][\w'’-]*")
_RANGE = re.compile(
    r"\b(?:between\s+(\d+(?:\.\d+)?)\s+and|(?<![\d,.])(\d+(?:\.\d+)?)\s*(?:-|–|—|to))\s*(\d+(?:\.\d+)?)\b(?![,.]\d)"
)
_SCALES = frozenset({"thousand", "million", "billion", "trillion"})
_MONTH_STEMS = frozenset(stem(month) for month in MONTHS)
_MONTH = re.compile(r"\b(" + "|".join(_MONTHS) + r"|May(?= \d))\b", re.IGNORECASE)
_PERSON = r"\b[A-Z][\w'’-]++(?: [A-Z][\w'’-]++)+"
_AGE_AFTER_NAME = re.compile(rf"({_PERSON}), (?:aged )?(\d{{1,3}}),")
_AGE_BEFORE_NAME = re.compile(rf"\b(\d{{1,3}})-year-old ({_PERSON})")
_WON_LOST = r"\d{1,3}-\d{1,3}"
_FIGURE_WORD = re.compile(
    r"\$?\d|(?=["
    + "".join(sorted({word[0] for word in NUMBER_WORDS}))
    + r"])(?:"
    + "|".join(NUMBER_WORDS)
    + r")\b",
    re.IGNORECASE,
)
"""A figure or a number word; the look-ahead tries the words only where one can start (half the time)."""
_NEGATION_CUE = re.compile(
    r"(?<![^\W\d_])(?:" + "|".join(sorted(NEGATIONS)) + r")(?![^\W\d_])"
    r"|n['‘’‚‛]t|cannot|\b(?:ca|do|does|did|is|was|are|were|has|have|had|could|would|should|wo)nt\b"
)
"""What ``normalise`` reads a negation from, in folded text: a negation word, "n't", "cannot", "didnt".

A sentence with none of them has no negated words, so ``value_kinds`` spares it the normaliser.
"""


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, Any]:
    text = resources.files("provenance.corpus").joinpath("data/contradiction.toml").read_text("utf-8")
    data = tomllib.loads(text)
    units = {form: unit for unit, forms in data["units"].items() for form in forms}
    qualifiers = {
        **dict.fromkeys(data["lower_bounds"], LOWER),
        **dict.fromkeys(data["upper_bounds"], UPPER),
        **dict.fromkeys(data["estimates"], ESTIMATE),
    }
    nouns, verbs = "|".join(data["record_nouns"]), "|".join(data["record_verbs"])
    records = re.compile(
        rf"\b[A-Z][\w'’.-]*+\s*\(\s*({_WON_LOST})\s*[,)]"  # the Hawks (10-5, 4-4 away)
        rf"|\b({_WON_LOST}) (?:{nouns})\b"  # a 9-5 season
        rf"|\b(?:{nouns})\b[^.;]{{0,30}}?\b(?:to|of|at|is|was) ({_WON_LOST})\b(?!-)"  # record rose to 9-5
        rf"|\b(?:{verbs}) to ({_WON_LOST})\b(?!-)",  # improved to 10-5
        re.IGNORECASE,
    )
    hedges = re.compile(r"\b(" + "|".join(data["hedges"]) + r") ([^\W\d_][\w'’-]*)", re.IGNORECASE)
    return {
        "qualifiers": qualifiers,
        "units": units,
        "outcomes": data["outcomes"],
        "records": records,
        "hedges": hedges,
    }


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure in a sentence with what it counts: the word after it and the word before it."""

    text: str
    value: float | None
    after: str | None
    before: str | None
    kind: str
    """``EXACT``, ``ESTIMATE``, ``LOWER`` or ``UPPER`` bound, from the words before the figure."""


@lru_cache(maxsize=1 << 14)
def strip_noise(sentence: str) -> str:
    """Remove what is never an asserted value: markup, URLs, ids, phone numbers, clock times, handles."""
    return _NOISE.sub(" ", sentence)


def is_question(sentence: str) -> bool:
    """Tell a question (direct or rhetorical: "So why didn't he pay?") from an assertion."""
    stripped = sentence.strip().rstrip("\"'”’)")
    return stripped.endswith("?") or (_QUESTION_OPENING.match(stripped) is not None and "?" in stripped)


def value_conflict(left: str, right: str) -> str | None:
    """Say which asserted value two sentences about one event disagree on, or ``None``."""
    if is_question(left) or is_question(right):
        return None
    left, right = strip_noise(left), strip_noise(right)
    if _years(left) != _years(right):
        return None
    ours, theirs = _subject_words(left), _subject_words(right)
    shared = len(ours & theirs)
    if shared < MIN_SHARED_SUBJECT and shared * 2 < min(len(ours), len(theirs)):
        return None
    return (
        _age_conflict(left, right)
        or _record_conflict(left, right)
        or _quantity_conflict(left, right)
        or _month_conflict(left, right)
        or _hedge_conflict(left, right)
        or _outcome_conflict(left, right)
        or _negation_conflict(left, right)
    )


QUESTION, AGES, RECORDS, QUANTITIES, MONTH_NAMES, OUTCOMES, HEDGES, NEGATION = (1 << bit for bit in range(8))
"""The bits of ``value_kinds``: a question, then each kind of value ``value_conflict`` compares."""

_ON_BOTH_SIDES = AGES | RECORDS | QUANTITIES | MONTH_NAMES | OUTCOMES
"""Kinds of value a conflict needs on both sides (a hedge needs one side, a negation exactly one)."""


def value_kinds(sentence: str) -> int:
    """Say, as bits, which kinds of value ``value_conflict`` could compare in a sentence.

    ``may_conflict`` on two sentences' kinds is false only where
    ``value_conflict`` finds nothing: each test it makes reads one kind of
    value and needs it where these bits say. An index keeps each stored
    unit's kinds, so most pairs skip the tests (reading a sentence's values
    costs as much as the matcher's features).
    """
    if is_question(sentence):
        return QUESTION
    text = strip_noise(sentence)
    figures = _FIGURE_WORD.search(text) is not None  # ages, records and quantities are all figures
    found = (
        (AGES, figures and bool(_ages(text))),
        (RECORDS, figures and bool(_records(text))),
        (QUANTITIES, figures and bool(_quantities(text))),
        (MONTH_NAMES, bool(_months(text))),
        (OUTCOMES, bool(_words(text) & _outcome_words())),
        (HEDGES, bool(_hedged(text))),
        (NEGATION, _negates(_NOT_NEGATION.sub(" ", text))),
    )
    return sum(bit for bit, present in found if present)


@lru_cache(maxsize=1)
def _outcome_words() -> frozenset[str]:
    return frozenset(word for pair in _lexicon()["outcomes"] for word in pair)


def _negates(text: str) -> bool:
    """Tell whether ``normalise`` reads negated words in ``text``, calling it only where a cue is."""
    folded = unicodedata.normalize("NFKC", text).lower()
    return _NEGATION_CUE.search(folded) is not None and bool(normalise(text).negated)


def may_conflict(left: int, right: int) -> bool:
    """Tell from two sentences' ``value_kinds`` whether ``value_conflict`` can find a conflict in them."""
    if (left | right) & QUESTION:
        return False
    return bool(left & right & _ON_BOTH_SIDES or (left | right) & HEDGES or (left ^ right) & NEGATION)


@lru_cache(maxsize=1 << 14)
def _subject_words(sentence: str) -> frozenset[str]:
    """Collect the content words that say what a sentence is about: no figures, units or months."""
    units: dict[str, str] = _lexicon()["units"]
    return frozenset(
        token
        for token in normalise(sentence).tokens
        if not token[:1].isdigit() and token not in units and token not in _MONTH_STEMS
    )


def _quantity_conflict(left: str, right: str) -> str | None:
    """Find a measure both sides give a figure for, with no figure in common (within rounding).

    A figure the other side also gives, whatever it counts there, is agreed
    on, not a rival value ("Hillis added 101" / "Hillis rushed for 101
    yards"); and a sentence about "he" that names no one ("He caught eight
    passes") takes whom it is about from its context, so its figures are
    compared with nothing.
    """
    if _anaphoric(left) or _anaphoric(right):
        return None
    ours, theirs = _quantities(left), _quantities(right)
    for mine in ours:
        measured = [other for other in theirs if _same_measure(mine, other)]
        if not measured or any(not _differ(other, same) for other in measured for same in _alike(mine, ours)):
            continue
        rivals = [other for other in measured if all(_differ(other, same) for same in ours)]
        if rivals and all(_differ(mine, other) for other in measured):
            return f"figures differ: {mine.text!r} against {rivals[0].text!r}"
    return None


def _alike(quantity: Quantity, quantities: tuple[Quantity, ...]) -> list[Quantity]:
    """List the figures one side gives for the same measure as ``quantity`` (itself included)."""
    return [other for other in quantities if _same_measure(quantity, other)]


@lru_cache(maxsize=1 << 14)
def _quantities(sentence: str) -> tuple[Quantity, ...]:
    text = _RANGE.sub(
        lambda match: f"{match.group(1) or match.group(2)}-{match.group(3)}", _spell_numbers(sentence)
    )
    words = [(match.start(), match.end(), match.group()) for match in _WORD.finditer(text)]
    found: list[Quantity] = []
    for match in _QUANTITY.finditer(text):
        digits = match.group(2).replace(",", "")
        value = None if "-" in digits else float(digits)
        if _is_year(match, value):
            continue
        after = "dollar" if match.group(1) else "percent" if match.group(3) else None
        following = [word for start, _, word in words if start >= match.end()]
        preceding = [word.lower() for _, end, word in words if end <= match.start()]
        after = after or _measure(following)
        scale = following[0].lower() if following else ""
        if scale in _SCALES:
            after = f"{after} {scale}" if after in {"dollar", "percent"} else scale
        before_words = [word for word in preceding if word not in STOP_WORDS]
        found.append(
            Quantity(
                text=match.group().strip(),
                value=value,
                after=after,
                before=stem(before_words[-1]) if before_words and preceding[-1:] != ["$"] else None,
                kind=_kind(preceding),
            )
        )
    return tuple(found)


@lru_cache(maxsize=1 << 14)
def _years(sentence: str) -> frozenset[str]:
    """Collect the years a sentence sets its event in: one set in another year tells of another event.

    A deadline ("by the end of 2027", "before 2030") sets no event in its year.
    """
    years = set()
    for match in _YEAR.finditer(sentence):
        before = sentence[max(0, match.start() - DEADLINE_REACH) : match.start()].lower().split()[-4:]
        if YEARS[0] <= int(match.group(1)) <= YEARS[1] and not DEADLINE_WORDS & set(before):
            years.add(match.group(1))
    return frozenset(years)


def _is_year(match: re.Match[str], value: float | None) -> bool:
    """Tell a year ("back in 2008") from a figure: a date, compared by the date window, never as a count."""
    plain = not match.group(1) and not match.group(3) and "," not in match.group(2)
    return plain and value is not None and len(match.group(2)) == 4 and YEARS[0] <= value <= YEARS[1]


def _spell_numbers(sentence: str) -> str:
    """Write number words as digits in place, keeping offsets (so context words stay where they are)."""

    def digits(match: re.Match[str]) -> str:
        value = str(NUMBER_WORDS[match.group().lower()])
        return value.ljust(len(match.group()))

    return _NUMBER_WORD.sub(digits, sentence)


def _measure(following: list[str]) -> str | None:
    """Read what a figure counts: its unit, else the next common noun (adjectives like "European" skipped)."""
    units: dict[str, str] = _lexicon()["units"]
    for word in following[:3]:
        folded = word.lower()
        if folded in units:
            return units[folded]
        if folded in STOP_WORDS:
            return None
        if not word[:1].isupper():
            return stem(folded)
    return None


def _kind(preceding: list[str]) -> str:
    qualifiers: dict[str, str] = _lexicon()["qualifiers"]
    last = preceding[-3:]
    for start in range(len(last)):
        kind = qualifiers.get(" ".join(last[start:]))
        if kind is not None:
            return kind
    return EXACT


def _same_measure(ours: Quantity, theirs: Quantity) -> bool:
    if ours.after is not None and theirs.after is not None:
        return ours.after == theirs.after
    return ours.before is not None and ours.before == theirs.before


def _differ(ours: Quantity, theirs: Quantity) -> bool:
    if ours.value is None or theirs.value is None:
        left, right = ours.text.replace(",", "").lstrip("$"), theirs.text.replace(",", "").lstrip("$")
        return left != right and not set(left.split("-")) & set(right.split("-"))
    largest = max(abs(ours.value), abs(theirs.value))
    if not largest:
        return False
    relative = abs(ours.value - theirs.value) / largest
    kinds = {ours.kind, theirs.kind}
    if kinds <= {EXACT}:
        return relative > ROUNDING
    if kinds <= {EXACT, ESTIMATE}:
        return relative > ESTIMATE_TOLERANCE
    if kinds in ({LOWER}, {UPPER}):
        return False
    if EXACT in kinds:
        return relative > BOUNDED_TOLERANCE
    if ours.kind in {LOWER, UPPER}:
        return _outside(ours.kind, ours.value, theirs.kind, theirs.value)
    return _outside(theirs.kind, theirs.value, ours.kind, ours.value)


def _outside(bound: str, limit: float, kind: str, value: float) -> bool:
    """Tell whether an estimate or an opposite bound lies wholly beyond a lower or upper bound."""
    slack = ESTIMATE_TOLERANCE if kind == ESTIMATE else ROUNDING
    if bound == LOWER:
        return value * (1 + slack) < limit
    return value * (1 - slack) > limit


@lru_cache(maxsize=1 << 14)
def _anaphoric(sentence: str) -> bool:
    """Tell a sentence whose subject is a pronoun and that names no one ("He caught eight passes")."""
    opening = _OPENING_WORD.match(sentence)
    if opening is not None and opening.group(1).lower() not in STOP_WORDS:
        return False
    return _CAPITALISED.search(sentence) is None and _SUBJECT_PRONOUN.search(sentence) is not None


@lru_cache(maxsize=1 << 14)
def _ages(sentence: str) -> dict[str, frozenset[str]]:
    """Read the ages a sentence gives people named in full ("Ada Quist, 32," / "31-year-old Ada Quist")."""
    ages: dict[str, set[str]] = {}
    found = [(m.group(1), m.group(2)) for m in _AGE_AFTER_NAME.finditer(sentence)]
    found += [(m.group(2), m.group(1)) for m in _AGE_BEFORE_NAME.finditer(sentence)]
    for name, age in found:
        words = [word for word in name.split() if word.lower() not in STOP_WORDS]
        if len(words) >= 2:
            ages.setdefault(" ".join(words[-2:]), set()).add(age)
    return {name: frozenset(values) for name, values in ages.items()}


def _age_conflict(left: str, right: str) -> str | None:
    theirs = {name.lower(): ages for name, ages in _ages(right).items()}
    for name, ages in _ages(left).items():
        other = theirs.get(name.lower())
        if other and not ages & other:
            return f"{AGE_REASON}: {name} {', '.join(sorted(ages))} against {', '.join(sorted(other))}"
    return None


@lru_cache(maxsize=1 << 14)
def _records(sentence: str) -> frozenset[str]:
    records: re.Pattern[str] = _lexicon()["records"]
    return frozenset(next(group for group in match.groups() if group) for match in records.finditer(sentence))


def _record_conflict(left: str, right: str) -> str | None:
    ours, theirs = _records(left), _records(right)
    if ours and theirs and not ours & theirs:
        return f"records differ: {', '.join(sorted(ours))} against {', '.join(sorted(theirs))}"
    return None


@lru_cache(maxsize=1 << 14)
def _hedged(sentence: str) -> dict[str, str]:
    """Map the outcomes a sentence hedges ("nearly destroyed") to how it words them; figures are bounds."""
    hedges: re.Pattern[str] = _lexicon()["hedges"]
    return {
        stem(match.group(2).lower()): match.group()
        for match in hedges.finditer(sentence)
        if not _FIGURE_WORD.match(match.group(2))
    }


def _hedge_conflict(left: str, right: str) -> str | None:
    """Find an outcome one side hedges ("nearly destroyed") and the other asserts plainly ("destroyed")."""
    for hedging, asserting in ((left, right), (right, left)):
        hedged, other = _hedged(hedging), _hedged(asserting)
        plain = set(normalise(asserting).tokens)
        for word, phrase in hedged.items():
            if word in plain and word not in other:
                stated = _plain_word(asserting, word)
                if stated is not None:
                    return f"hedges differ: {phrase!r} against {stated!r}"
    return None


def _plain_word(sentence: str, word: str) -> str | None:
    """Find the word of a sentence that stems to ``word``, standing alone (not the quotes around it).

    A part of a compound ("all-but-certain") is not that outcome asserted plainly.
    """
    printed: list[str] = re.findall(r"[\w'’-]+", sentence)
    for found in printed:
        bare = found.strip("'’-")
        if stem(bare.lower()) == word:
            return bare
    return None


def _month_conflict(left: str, right: str) -> str | None:
    ours, theirs = _months(left), _months(right)
    if ours and theirs and not ours & theirs:
        return f"dates differ: {', '.join(sorted(ours))} against {', '.join(sorted(theirs))}"
    return None


@lru_cache(maxsize=1 << 14)
def _months(sentence: str) -> frozenset[str]:
    return frozenset(match.lower() for match in _MONTH.findall(sentence))


@lru_cache(maxsize=1 << 14)
def _words(sentence: str) -> frozenset[str]:
    return frozenset(word.lower() for word in _WORD.findall(sentence))


def _outcome_conflict(left: str, right: str) -> str | None:
    ours, theirs = _words(left), _words(right)
    for one, other in _lexicon()["outcomes"]:
        for first, second in ((one, other), (other, one)):
            if first in ours and second not in ours and second in theirs and first not in theirs:
                return f"outcomes differ: {first!r} against {second!r}"
    return None


def _negation_conflict(left: str, right: str) -> str | None:
    """Find a content word one side negates and the other asserts; names are never what is negated.

    The other side must assert at least half of what the negation governs,
    names included: "never checked into Morningside" does not deny "checks
    into Betty Ford Center".
    """
    left, right = _NOT_NEGATION.sub(" ", left), _NOT_NEGATION.sub(" ", right)
    ours, theirs = normalise(left), normalise(right)
    if bool(ours.negated) == bool(theirs.negated):
        return None
    negating, asserting = (ours, theirs) if ours.negated else (theirs, ours)
    asserted = negating.negated & set(asserting.tokens)
    if len(asserted) * NEGATED_SHARE < len(negating.negated):
        return None
    names = {stem(word.lower()) for word in _CAPITALISED.findall(f"{left} {right}")}
    flipped = sorted(word for word in asserted if not word[:1].isdigit() and word not in names)
    if not flipped:
        return None
    words = ", ".join(repr(word) for word in flipped)
    side = "the claim" if negating is ours else "the match"
    return f"{NEGATION_REASON}: {words} negated in {side} only"
