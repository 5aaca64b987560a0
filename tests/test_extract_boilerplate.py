"""Boilerplate and markup are no claims: credits, labels, stage directions, embeds, captions."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from provenance.config import Config
from provenance.extract import analyze
from provenance.extract.boilerplate import (
    FOLDING_TO_ASCII,
    WORD,
    _more_words_than,
    boilerplate,
    boilerplate_kind,
)
from provenance.ingest import parse_article
from provenance.scoring import score

BEFORE = "The council voted to close the harbour in June, Mayor Clara Voss said."
AFTER = "Ferries will sail from the fishing quay instead, Port Director Jonas Brandt said."

BOILERPLATE = {
    "additional reporting": ("byline", "--additional reporting from Dana Holt."),
    "agency writer credit": ("byline", "Associated Press writer Jill Moss contributed from Eastmere."),
    "wire credit": (
        "byline",
        "(Reporting by Ana Lind; Additional reporting by Tom Berg; Editing by Eva Holm.)",
    ),
    "contributed reporting": ("byline", "Bryn Ash and Carl Wu contributed reporting."),
    "follow on twitter": ("byline", "Follow Ana Lind on Twitter @analind."),
    "byline": ("byline_short", "By Ana Lind and Tom Berg"),
    "reported from": ("byline_short", "Lind reported from Eastmere."),
    "abstract label": ("section_label", "ABSTRACT."),
    "full text label": ("section_label", "FULL TEXT."),
    "correction label": ("section_label", "CORRECTION:"),
    "crosstalk": ("stage_direction", "(CROSSTALK)"),
    "quoted crosstalk": ("stage_direction", '"(CROSSTALK.)'),
    "video clip": ("stage_direction", "(BEGIN VIDEO CLIP)"),
    "bracketed label": ("stage_direction_capitals", "[NYT.]"),
    "tweet tag": ("markup", '<tweet tweet-id="783499116076687360"><tweet/>.'),
    "tweet picture": ("embed", "Nope. #HarbourDebate pic.twitter.com/7eJzbRDcvJ"),
    "tweet signature": ("embed", "No one is above the law. — Ana Lind (@analind) July 5, 2016"),
    "photo credit": ("caption", "Getty/Instagram."),
    "agency photo credit": ("caption", "John Moore/Getty Images."),
    "file photo caption": (
        "caption_any",
        "FILE - In this Sept. 26, 2016, file photo, ferries wait at the quay.",
    ),
    "chart credit": ("chart_credit", "Source: Eastmere Port Authority."),
}


@pytest.mark.parametrize("case", sorted(BOILERPLATE))
def test_each_kind_of_boilerplate_is_named(case: str) -> None:
    kind, sentence = BOILERPLATE[case]
    assert boilerplate_kind(sentence) == kind


@pytest.mark.parametrize("case", sorted(BOILERPLATE))
def test_boilerplate_between_claims_is_no_claim_and_costs_nothing(case: str) -> None:
    kind, sentence = BOILERPLATE[case]
    # A label line ("Source:") opens a section of its own, so a chart credit sits at the foot.
    text = (
        f"{BEFORE}\n\n{AFTER}\n\n{sentence}\n"
        if kind == "chart_credit"
        else f"{BEFORE}\n\n{sentence}\n\n{AFTER}\n"
    )
    analysis = analyze(parse_article(text))
    assert [claim.text for claim in analysis.claims] == [BEFORE, AFTER]
    plain = score(analyze(parse_article(f"{BEFORE}\n\n{AFTER}\n")), Config())
    assert score(analysis, Config()).score == plain.score


@pytest.mark.parametrize(
    "sentence",
    [
        "By Tuesday the council had voted to close the harbour for the whole of June and July.",
        "The photo agency Getty Images said on Monday that it would cut 200 jobs at its Eastmere office.",
        "Data from the port authority show that 40 ships were diverted to Northholm last year.",
        "Officials said the full text of the agreement would be published on Friday.",
        "(The harbour closed for a week in 2019, too.)",
    ],
)
def test_sentences_that_only_look_like_boilerplate_stay_claims(sentence: str) -> None:
    assert boilerplate_kind(sentence) is None
    analysis = analyze(parse_article(f"{BEFORE}\n\n{sentence}\n"))
    assert any(claim.text.startswith(sentence[:20]) for claim in analysis.claims)


def test_a_chart_credit_at_the_foot_is_not_the_outlet() -> None:
    article = parse_article(f"{BEFORE}\n\n{AFTER}\n\nSource: NATO.\n")
    assert article.outlet is None
    assert [claim.text for claim in analyze(article).claims] == [BEFORE, AFTER]


def test_a_suppression_marker_is_never_a_claim() -> None:
    marker = "<!-- provenance: ignore PRV003 -- confirmed with the port authority -->"
    analysis = analyze(parse_article(f"{BEFORE}\n{marker}\n{AFTER}\n"))
    assert all("provenance" not in claim.text for claim in analysis.claims)
    assert [claim.text for claim in analysis.claims] == [BEFORE, AFTER]


@given(st.text(alphabet="ab _-.,é1’", max_size=40), st.integers(min_value=0, max_value=8))
def test_the_word_limit_counts_words_as_the_word_pattern_does(sentence: str, limit: int) -> None:
    assert bool(_more_words_than(limit).match(sentence)) == (len(WORD.findall(sentence)) > limit)


@pytest.mark.parametrize(
    "sentence",
    [
        "JILL MOSS CONTRIBUTED REPORTING.",
        "Jill Moss Contributed Reporting from Zürich.",
        "A spokesman for the mayor DECLINED TO COMMENT.",
        "A spokeswoman for the café declined to comment.",
    ],
)
def test_kinds_that_ignore_case_do_so_in_ascii_and_other_text(sentence: str) -> None:
    assert boilerplate_kind(sentence) is not None


def test_the_letters_that_fold_to_ascii_are_all_there_are() -> None:
    every = "".join(chr(code) for code in range(0x80, 0x110000) if not 0xD800 <= code < 0xE000)
    assert frozenset(re.findall("[a-z]", every, re.I)) == FOLDING_TO_ASCII


@cache
def _plain_kinds() -> list[tuple[str, list[re.Pattern[str]], re.Pattern[str] | None]]:
    """Every kind's patterns compiled one by one, as the data file states them, with no shortcut."""
    text = resources.files("provenance.extract").joinpath("data", "boilerplate.toml").read_text("utf-8")
    data = tomllib.loads(text)
    data.pop("markup")
    return [
        (
            name,
            [re.compile(pattern, 0 if table.get("case") else re.I) for pattern in table["patterns"]],
            _more_words_than(table["max_words"]) if "max_words" in table else None,
        )
        for name, table in data.items()
    ]


def _plain_kind(sentence: str) -> str | None:
    sentence = boilerplate().markup.sub("", sentence)
    if WORD.search(sentence) is None:
        return "markup"
    for name, patterns, too_long in _plain_kinds():
        if (too_long is None or not too_long.match(sentence)) and any(p.search(sentence) for p in patterns):
            return name
    return None


WORDS = ["declined to comment", "no comment", "Getty", "photo by", "(AP Photo/Lee)", "By Ana Lind", "EPA"]


@given(
    st.lists(
        st.sampled_from(WORDS) | st.text(alphabet="aeknosSK \u0130\u0131\u017f\u212a“”():-/@", max_size=12),
        max_size=6,
    ).map(" ".join)
)
def test_the_shortcuts_name_the_kind_the_patterns_do(sentence: str) -> None:
    assert boilerplate_kind(sentence) == _plain_kind(sentence)


@pytest.mark.parametrize(
    "sentence", ["A spokeswoman decline\u0131d to comment.", "Lind decli\u212aned to \u017fay more."]
)
def test_letters_that_fold_to_ascii_leave_the_shortcuts_aside(sentence: str) -> None:
    assert boilerplate_kind(sentence) == _plain_kind(sentence)
