"""Front matter is read with limits: hostile blocks are one input error naming the file and field."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.errors import InputError
from provenance.ingest import parse_article
from provenance.ingest.front_matter import (
    MAX_FRONT_MATTER_CHARS,
    MAX_FRONT_MATTER_NODES,
    parse_front_matter,
)

BODY = "The mayor said the harbour will close in June.\n"


def _yaml(block: str) -> str:
    return f"---\n{block}\n---\n{BODY}"


def _alias_bomb(levels: int) -> str:
    """Build the billion-laughs shape: each anchor is a list of nine aliases of the one before."""
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels):
        aliases = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{aliases}]")
    lines.append(f"title: *a{levels - 1}")
    return "\n".join(lines)


def _error(text: str) -> str:
    with pytest.raises(InputError) as caught:
        parse_article(text, path="story.md")
    assert caught.value.where == "story.md"
    return caught.value.problem


@pytest.mark.parametrize(
    "text",
    [
        _yaml("title: " + "[" * 1200 + "]" * 1200),
        "+++\ntitle = " + "[" * 1200 + "]" * 1200 + "\n+++\n" + BODY,
        _yaml("title: " + "{a: " * 1200 + "1" + "}" * 1200),
        _yaml("title:\n  " + "- " * 40 + "x"),
    ],
    ids=["yaml-brackets", "toml-brackets", "yaml-braces", "yaml-indented"],
)
def test_deeply_nested_front_matter_is_an_input_error_not_a_recursion_error(text: str) -> None:
    assert "nested more than" in _error(text)


@pytest.mark.parametrize("date", ["2024-13-45", "2024-01-01 25:00:00", "2024-02-30", "2024-01-01T10:61"])
def test_an_impossible_yaml_date_names_the_field(date: str) -> None:
    problem = _error(_yaml(f"date: {date}"))
    assert problem.startswith("front matter field 'date': invalid date")
    assert date in problem


def test_an_explicitly_tagged_bad_timestamp_names_the_field() -> None:
    assert "field 'date'" in _error(_yaml("date: !!timestamp 2024-13-45"))


@pytest.mark.parametrize(
    "date", ["2024-05-01", "2024-05-01 10:30:00", "2024-05-01T10:30:00Z", "2024-05-01 10:30 -0500"]
)
def test_real_front_matter_dates_are_read(date: str) -> None:
    assert parse_article(_yaml(f"date: {date}")).date == dt.date(2024, 5, 1)


def test_an_alias_bomb_is_refused_before_it_expands() -> None:
    started = time.perf_counter()
    problem = _error(_yaml(_alias_bomb(9)))
    assert time.perf_counter() - started < 2.0, "the aliases were expanded"
    assert f"more than {MAX_FRONT_MATTER_NODES:,} values" in problem


def test_a_few_aliases_are_still_fine() -> None:
    article = parse_article(_yaml('who: &who "Clara Voss"\nauthor: *who\ntitle: Harbour'))
    assert (article.author, article.title) == ("Clara Voss", "Harbour")


def test_a_self_referring_alias_is_an_input_error() -> None:
    assert "refers to itself" in _error(_yaml("title: &t [a, *t]"))


def test_an_oversized_block_is_refused() -> None:
    problem = _error(_yaml("title: " + "x" * MAX_FRONT_MATTER_CHARS))
    assert "front matter is too large" in problem


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        ("title: {a: 1}", "field 'title' must be text, not a mapping"),
        ("author: [Ann, [Bo]]", "field 'author' must be text, not a nested list"),
        ("url: !!binary aGVsbG8=", "field 'url' must be text, not binary data"),
        ("title: !!int 0x" + "f" * 5000, "field 'title' holds a number too long"),
        ("title: !!int abc", "bad tagged value"),
        ("title: !!bool maybe", "bad tagged value"),
    ],
)
def test_a_field_of_the_wrong_shape_is_named(block: str, expected: str) -> None:
    assert expected in _error(_yaml(block))


def test_lists_of_scalars_are_joined_and_other_keys_are_ignored() -> None:
    article = parse_article(_yaml("author: [Ann Lee, Bo Kim]\ntags: [{deep: [1, 2]}]\ntitle: 1984"))
    assert (article.author, article.title) == ("Ann Lee, Bo Kim", "1984")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*"ab:-[]{}&*!\n #'\"?|>,2019", "!!int ", "&x ", "*x"])).map("".join))
def test_any_yaml_block_gives_front_matter_or_an_input_error(block: str) -> None:
    _parses_or_names_the_file("---", block)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab=[]{}\n #'\".,2019-:T"))))
def test_any_toml_block_gives_front_matter_or_an_input_error(block: str) -> None:
    _parses_or_names_the_file("+++", block)


def _parses_or_names_the_file(fence: str, block: str) -> None:
    where = ""
    try:
        parse_front_matter(fence, block, "story.md")
    except InputError as error:
        where = error.where
    assert where in {"", "story.md"}
