"""What a pattern's text tells before it runs: held to the start, free of capitals, texts a match needs."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from provenance.extract.pattern_shape import anchored, folds, needed_texts

PATTERNS = [
    r"\bcontributed (?:reporting|to this (?:report|story))\b",
    r"\ball rights reserved\b",
    r"pic\.twitter\.com/",
    r"https?://t\.co/",
    r"\(@\w+\)\s+\w+ \d{1,2},? \d{4}",
    r"\b(?:getty(?: images)?|ap photo|photo(?:graph)? by|credit:)\b",
    r"\b(?:declined|wouldn[’']t|did not) (?:immediately )?(?:to )?comment",
    r"\bno (?:immediate )?comment\b",
    r"(?:a|b)?c",
    r"ab|cd",
    r"x*yz",
]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [("^by\\b", True), ("^(?:a|b)c", True), ("^[|]x", True), ("^[]|]x", True), ("^a|b", False)],
)
def test_only_a_pattern_held_to_the_start_is_anchored(pattern: str, expected: bool) -> None:
    assert anchored(pattern) is expected


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [(r"\bcould not\b", True), (r"[\W_]+x", True), ("[A-Z]x", False), ("(?-i:a)", False), (r"\(?a", False)],
)
def test_a_pattern_folds_only_without_capitals_or_flags(pattern: str, expected: bool) -> None:
    assert folds(pattern) is expected


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (PATTERNS[0], ("contributed ",)),
        (PATTERNS[2], ("pic.twitter.com/",)),
        (PATTERNS[3], ("http",)),
        (PATTERNS[4], ("(@",)),
        (PATTERNS[5], ("getty", "ap photo", "photo", "credit:")),
        (PATTERNS[6], ("declined", "wouldn", "did not")),
        (PATTERNS[8], None),
        (PATTERNS[9], None),
        (PATTERNS[10], None),
    ],
)
def test_needed_texts_are_read_off_the_start(pattern: str, expected: tuple[str, ...] | None) -> None:
    assert needed_texts(pattern) == expected


@given(st.sampled_from(PATTERNS), st.text(alphabet="abcdeilnoprstuwy ():/@.'’1", max_size=40))
def test_a_text_that_matches_holds_a_needed_text(pattern: str, filler: str) -> None:
    needs = needed_texts(pattern)
    for text in (filler, f"{filler} no comment", f"{filler} ap photo", f"{filler} wouldn't comment"):
        if needs is not None and re.search(pattern, text, re.IGNORECASE) and text.isascii():
            assert any(need in text.lower() for need in needs)
