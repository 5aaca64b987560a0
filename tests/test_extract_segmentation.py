"""Sentence segmentation, tokens and quotations."""

from __future__ import annotations

import pytest

from provenance.extract.segmentation import quotations, sentences, tokenize


def _split(text: str) -> list[str]:
    return [text[start:end] for start, end in sentences(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Smith arrived. He spoke.", ["Mr. Smith arrived.", "He spoke."]),
        ("Gen. Mark Milley said so. Then he left.", ["Gen. Mark Milley said so.", "Then he left."]),
        (
            "The talks began Jan. 5 in Geneva. They ended.",
            ["The talks began Jan. 5 in Geneva.", "They ended."],
        ),
        ("J. K. Rowling wrote it. Fans cheered.", ["J. K. Rowling wrote it.", "Fans cheered."]),
        ("Growth was 3.5 percent. Prices rose.", ["Growth was 3.5 percent.", "Prices rose."]),
        ("He lives in the U.S. Army housing.", ["He lives in the U.S. Army housing."]),
        ("He lives in the U.S. The rest moved.", ["He lives in the U.S.", "The rest moved."]),
        ('"We will win." Then he sat down.', ['"We will win."', "Then he sat down."]),
        ("“Is it over?” she asked. Nobody answered.", ["“Is it over?” she asked.", "Nobody answered."]),
        ("No full stop at the end", ["No full stop at the end"]),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert _split(text) == expected


def test_sentences_are_offsets_into_a_slice() -> None:
    text = "Header\n\nFirst one. Second one."
    start = text.index("First")
    spans = sentences(text, start, len(text))
    assert [text[a:b] for a, b in spans] == ["First one.", "Second one."]


def test_quotations_and_quoted_tokens() -> None:
    text = 'He said “we will win” and "soon".'
    quotes = quotations(text, 0, len(text))
    assert [text[a:b] for a, b in quotes] == ["“we will win”", '"soon"']
    tokens = tokenize(text, 0, len(text), quotes)
    assert [token.text for token in tokens if token.quoted] == ["we", "will", "win", "soon"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("”We will win,” Ida Lund said.", ["”We will win,”"]),
        ("Aides called it ”a detour” and “a delay”.", ["”a detour”", "“a delay”"]),
        ("It ended.” Then ”nothing more", []),
    ],
)
def test_a_right_quotation_mark_that_starts_a_word_opens_a_quotation_when_another_closes_it(
    text: str, expected: list[str]
) -> None:
    assert [text[a:b] for a, b in quotations(text, 0, len(text))] == expected


def test_unclosed_quotation_runs_to_the_end() -> None:
    text = "“We will stay. We will fight."
    assert quotations(text, 0, len(text)) == [(0, len(text))]


def test_tokens_keep_possessives_and_abbreviations_whole() -> None:
    text = "Ukraine’s U.S.-backed plan"
    assert [token.text for token in tokenize(text, 0, len(text), [])] == ["Ukraine’s", "U.S.-backed", "plan"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He’s sure they're right", ["He", "’s", "sure", "they", "'re", "right"]),
        (
            "I’ve read Heather’s and O'Malley's notes",
            ["I", "’ve", "read", "Heather’s", "and", "O'Malley's", "notes"],
        ),
    ],
)
def test_a_pronoun_contraction_is_a_token_of_its_own(text: str, expected: list[str]) -> None:
    assert [token.text for token in tokenize(text, 0, len(text), [])] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mayor Vows To Rebuild The Old Harbour\nCouncillor Ida Brandt said the plan was late.",
            ["Mayor Vows To Rebuild The Old Harbour", "Councillor Ida Brandt said the plan was late."],
        ),
        (
            "Port reopens after storm;\nShippers say delays will last weeks.",
            ["Port reopens after storm;", "Shippers say delays will last weeks."],
        ),
        ("Port reopens\n\nthe shippers said so.", ["Port reopens", "the shippers said so."]),
        ("The council met on\nMonday and voted.", ["The council met on\nMonday and voted."]),
    ],
)
def test_a_headline_line_ends_a_sentence(text: str, expected: list[str]) -> None:
    assert _split(text) == expected


def test_three_apostrophes_close_a_nested_quotation_and_the_quotation_around_it() -> None:
    text = "''Call it 'a detour,''' said Ida Lund. '''Ferries,''' she replied."
    quotes = quotations(text, 0, len(text))
    assert [text[a:b] for a, b in quotes] == ["''Call it 'a detour,'''", "'''Ferries,'''"]
    tokens = tokenize(text, 0, len(text), quotes)
    assert [(token.text, token.quoted) for token in tokens if "'" in token.text] == [
        ("''", False),
        ("'", True),
        ("'", True),
        ("''", False),
        ("''", False),
        ("'", True),
        ("'", True),
        ("''", False),
    ]
