"""Sentence segmentation, tokens and quotations, as offsets into the article text.

Abbreviations ("Mr.", "U.S.", "Jan."), initials ("J. K. Rowling"), decimals and
closing quotation marks do not end a sentence early; a full stop after an
abbreviation that can also end a sentence ("in the U.S.") ends one only when a
typical sentence opener follows.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from operator import itemgetter

from provenance.extract.lexicon import Abbreviations, abbreviations
from provenance.models import Span

__all__ = ["Token", "lower_words", "quotations", "sentences", "span", "tokenize"]

BOUNDARY = re.compile(r"[.!?][.!?]*[\"”’')\]]*(?=\s+(?:''|[\"“‘'(\[])?[A-Z0-9])")
LINE_BREAK = re.compile(r"[ \t\n](?:(?<=\n)|[ \t]*\n)\s*")
"""Spaces or tabs, a line break, then any white space; both patterns open with one character class, which
lets a search skip to the characters that can start a match."""
SENTENCE_END = frozenset(".!?:”\"'")
HEADLINE_END = frozenset(";)")
LINE_OPENERS = frozenset('“"‘―—')
LAST_WORD = re.compile(r"(\w[\w’'.-]*)$")
SPEAKER_AFTER_QUOTE = re.compile(
    r"\s+(?:[A-Z][\w.’'-]*\s+){1,4}(?:said|says|added|asked|wrote|told|tweeted|explained|continued)\b(?!:)"
)
"""``“… emails.” Trump said.``: the speaker after a quotation that ends in a full stop."""
WORD_BEFORE = re.compile(r"([\w.]+)\.$")
NEXT_WORD = re.compile(r"\s+[\"“‘'(\[]?([\w.]+)")
CONTRACTING = ("he", "she", "it", "they", "we", "i", "you", "who", "that", "there")
JOINING_APOSTROPHE = "[’']" + "".join(rf"(?<!\b(?i:{word})[’'])" for word in CONTRACTING)
APOSTROPHES = r"'(?:(?<=[^\s']')(?='')|')"
"""Two apostrophes standing for a quotation mark, or the first of three after a word: that one closes
a nested quotation, the other two the quotation around it (``'old-school,''' said``)."""
TOKEN = re.compile(
    rf"{APOSTROPHES}|\w+(?:(?:{JOINING_APOSTROPHE}|&|\.-?|-)\w+)*|[’'](?:s|re|ve|ll|d|m)\b|[^\w\s]"
)
"""A contraction after a pronoun is a token ("He" "’s" "claiming"); a possessive is not ("Trump’s")."""
INITIAL = re.compile(r"[A-Z]")
DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
QUOTE_MARK = re.compile("[“”\"'](?:(?<=[^\\s']')''|(?<=')'|(?<!'))")
"""A quotation mark, or two apostrophes standing for one (three closing a nested quotation too);
a class leads, so a search skips to one."""


@dataclass(slots=True, init=False)
class Token:
    """A word or punctuation mark with its offsets into the article text.

    A class with slots rather than a named tuple: extraction reads these fields
    over a million times an article set, and Python reads a slot about twice as
    fast as a named tuple's field. Its ``__init__`` is written out rather than
    generated: the compiled build (``make native``) compiles a written one, while
    a generated one stays interpreted, for every token of every sentence read.
    """

    start: int
    end: int
    text: str
    lower: str
    quoted: bool
    is_word: bool
    capitalised: bool

    def __init__(
        self, start: int, end: int, text: str, lower: str, quoted: bool, is_word: bool, capitalised: bool
    ) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.lower = lower
        self.quoted = quoted
        self.is_word = is_word
        self.capitalised = capitalised


_LAST_WORDS: tuple[list[Token] | None, frozenset[str]] = (None, frozenset())
"""The last token list ``lower_words`` was asked about, held so its identity cannot be reused, and its set."""


def lower_words(tokens: list[Token]) -> frozenset[str]:
    """Give the set of the tokens' lower-case forms (a punctuation mark is its own): a sentence's quick test.

    Many rules first ask whether a sentence holds any of their words at all; the
    set is made once per token list (the last list asked about is remembered) and
    each test then costs the smaller set's size, not a pass over the tokens. A
    token list is never changed once made, so the remembered set stays true.
    """
    global _LAST_WORDS
    last, words = _LAST_WORDS
    if last is not tokens:
        words = frozenset([token.lower for token in tokens])
        _LAST_WORDS = (tokens, words)
    return words


def span(text: str, start: int, end: int) -> Span:
    """Build the span ``text[start:end]``, checked as ``Span.of`` checks it.

    Extraction builds a span for every phrase it reads; building it here saves
    a call of the interpreted model module per span in the compiled build.
    """
    if not 0 <= start <= end:
        raise ValueError(f"span [{start}, {end}) is not an ordered range of offsets")
    return Span.trusted({"start": start, "end": end, "text": text[start:end]})


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into sentences, returned as trimmed ``(start, end)`` pairs.

    A line break ends a sentence when the next line opens a quotation or a dash
    ("― Sonya Herridge"), the line before ends like a sentence, a blank line
    follows, or the line before ends like a headline (a capitalised word, ";"
    or ")") and the next line opens with a capital; other line breaks
    (hard-wrapped text) do not.
    """
    if text.find("\n", start, end) < 0:  # most paragraphs are one line: no break to weigh
        return _sentences_in_line(text, start, end)
    bounds: list[tuple[int, int]] = []
    position = start
    for match in LINE_BREAK.finditer(text, start, end):
        break_start, break_end = match.span()
        if not _ends_sentence_at_line(text, break_start, break_end, end):
            continue
        bounds.extend(_sentences_in_line(text, position, break_start))
        position = break_end
    bounds.extend(_sentences_in_line(text, position, end))
    return bounds


def _ends_sentence_at_line(text: str, start: int, end: int, limit: int) -> bool:
    """Tell whether the line break ``text[start:end]`` ends a sentence (see ``sentences``)."""
    before = text[start - 1] if start > 0 else ""
    following = text[end] if end < limit else ""
    if before in SENTENCE_END or following in LINE_OPENERS or text.startswith("''", end):
        return True
    if text.count("\n", start, end) > 1:
        return True
    if not ("A" <= following <= "Z"):
        return False
    if before in HEADLINE_END:
        return True
    last = LAST_WORD.search(text, max(0, start - 40), start)
    return last is not None and last.group(1)[0].isupper()


def _sentences_in_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    lexicon = abbreviations()
    bounds: list[tuple[int, int]] = []
    position = start
    for match in BOUNDARY.finditer(text, start, end):
        if not _ends_sentence(text, match, end, lexicon):
            continue
        bounds.extend(_trim(text, position, match.end()))
        position = match.end()
    bounds.extend(_trim(text, position, end))
    return bounds


def _ends_sentence(text: str, match: re.Match[str], end: int, lexicon: Abbreviations) -> bool:
    if match.group()[-1] in "”\"'" and SPEAKER_AFTER_QUOTE.match(text, match.end(), end):
        return False
    if not match.group().startswith(".") or (match.end() - match.start() > 1 and match.group()[1] == "."):
        return True
    before = WORD_BEFORE.search(text, max(0, match.start() - 20), match.start() + 1)
    if before is None:
        return True
    word = before.group(1)
    if word in lexicon.never_final or INITIAL.fullmatch(word):
        return False
    if word in lexicon.maybe_final or DOTTED.fullmatch(word):
        following = NEXT_WORD.match(text, match.end(), end)
        return following is not None and following.group(1) in lexicon.openers
    return True


def _trim(text: str, start: int, end: int) -> list[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [(start, end)] if end > start else []


def quotations(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Find quotations in ``text[start:end]`` as ``(open, close)`` pairs, marks included.

    Curly quotes pair by direction (a ” that starts a word opens, when another
    closes it: ``_opens_backwards``); straight quotes (and the doubled apostrophes
    some archives use for them) alternate. An unclosed quote
    runs to ``end`` (a quotation continued in the next paragraph).
    """
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for mark in QUOTE_MARK.finditer(text, start, end):
        index = mark.start()
        if opened is None:
            if mark.group() != "”" or _opens_backwards(text, index, end):
                opened = index
        elif mark.group() != "“":
            spans.append((opened, mark.end()))
            opened = None
    if opened is not None:
        spans.append((opened, end))
    return spans


def _opens_backwards(text: str, index: int, end: int) -> bool:
    """Tell whether a right quotation mark at ``index`` opens a quotation (``”We will win,” Lund said``).

    Some news text sets ” at both ends. One that no quotation is open for opens
    one when it starts a word, after the start or a space, and another ” closes
    it later.
    """
    return (
        (index == 0 or text[index - 1].isspace())
        and index + 1 < end
        and text[index + 1].isalnum()
        and text.find("”", index + 1, end) != -1
    )


def tokenize(text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> list[Token]:
    """Tokenise ``text[start:end]``; a token is ``quoted`` when it lies inside a quotation.

    ``quotes`` are the paragraph's quotations in order (as ``quotations`` gives
    them); the first that can hold a token of this sentence is found by binary
    search, so a paragraph of thousands of quotations costs each sentence only
    the quotations it overlaps. Every character but white space belongs to a
    token, so a token starts at the first occurrence of its text after the
    previous one: ``findall`` gives the texts, ``str.find`` their offsets, at
    half the cost of a match object per token. The texts are typed and their
    methods called on them, not through local aliases, so that the compiled
    build (``make native``) runs its own string and list operations rather than
    Python method calls (a third of its tokenising time); an ASCII capital is
    told by comparison, since ``isupper`` has no compiled form.
    """
    current = bisect.bisect_right(quotes, start, key=itemgetter(1))
    count = len(quotes)
    tokens: list[Token] = []
    token_end = start
    values: list[str] = TOKEN.findall(text, start, end)
    for value in values:
        token_start = text.find(value, token_end)
        token_end = token_start + len(value)
        quoted = False
        if current < count:
            while current < count and quotes[current][1] <= token_start:
                current += 1
            quoted = current < count and quotes[current][0] < token_start and token_end < quotes[current][1]
        first = value[0]
        lower = value.lower()
        if lower == value:  # most words: one string for both fields, a quarter less memory per token
            lower = value
        capitalised = "A" <= first <= "Z" or (first > "\x7f" and first.isupper())
        tokens.append(Token(token_start, token_end, value, lower, quoted, first.isalnum(), capitalised))
    return tokens
