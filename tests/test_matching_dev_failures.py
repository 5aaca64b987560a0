"""Contradiction failures seen on the ECB+ dev pairs and articles, each written as a fictional equivalent.

Each failed before the fix it names: "about 20,000" refugees against "over
24,000" passed as two compatible bounds; across the 228 dev articles, the
cross-check reported as contradictions a quote whose "cant" was not read as a
negation, a denial of something else, two players' figures in sentences about
"he", a figure both sides give, two rounds of two fights, and timestamp lines.
"""

from __future__ import annotations

from provenance.corpus.contradiction import value_conflict
from provenance.corpus.units import is_boilerplate


def test_an_estimate_below_a_lower_bound_is_a_contradiction() -> None:
    reason = value_conflict(
        "The Vell camp holds about 20,000 refugees from the northern hills.",
        "The Vell camp now holds over 24,000 refugees who fled the northern hills.",
    )
    assert reason is not None
    assert "20,000" in reason


def test_bounds_on_one_side_and_running_counts_are_no_contradiction() -> None:
    assert (
        value_conflict(
            "At least 24 people died in the Vell quake.", "At least 31 people died in the Vell quake."
        )
        is None
    )
    assert (
        value_conflict("At least 24 people died in the Vell quake.", "31 people died in the Vell quake.")
        is None
    )
    assert (
        value_conflict(
            "The Vell camp holds about 20,000 refugees.", "The Vell camp holds nearly 21,000 refugees."
        )
        is None
    )


def test_a_contraction_without_its_apostrophe_is_still_a_negation() -> None:
    assert (
        value_conflict(
            '"I cant speak for the first collapse, but this looks like neglect," the Vell engineer said.',
            '"I can\'t speak for the first collapse, but this looks like neglect," said the Vell engineer.',
        )
        is None
    )


def test_a_negation_of_something_else_does_not_deny_the_claim() -> None:
    assert (
        value_conflict(
            "Singer Ada Quist checks into the Harrow Clinic.",
            '"Ada never checked into Morrow Lodge but is back at the Harrow Clinic," her agent said.',
        )
        is None
    )


def test_figures_of_a_sentence_about_he_are_not_set_against_anothers() -> None:
    assert (
        value_conflict(
            "He has also caught eight passes for 66 yards and two touchdowns.",
            "He caught 39 passes for 302 yards and another two touchdowns.",
        )
        is None
    )


def test_a_figure_both_give_is_agreed_not_a_rival_value() -> None:
    assert (
        value_conflict(
            "Ada Quist ran for 226 yards while Bo Renn added 101.",
            "Bo Renn ran for 101 yards against the Vell Rovers.",
        )
        is None
    )


def test_ordinals_name_which_one_not_how_many() -> None:
    assert (
        value_conflict(
            "Ivo Marsh stops Tom Reyes in the 6th round to keep his Vell title.",
            "Ivo Marsh last met Tom Reyes in 2019, when their Vell title fight ended in the 11th round.",
        )
        is None
    )


def test_a_timestamp_with_an_abbreviated_month_is_no_claim() -> None:
    assert is_boilerplate("Dec. 24 4:33 AM EST")
    assert is_boilerplate("Updated Jul. 7 5:59 PM EDT")
