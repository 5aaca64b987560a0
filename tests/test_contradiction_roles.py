"""Contradictions whose value has a role: a hedge on the outcome, a person's age, a team's record.

Seen on the ECB+ dev pairs and written here as fictional equivalents: a fire
that "destroyed" a building against one that "nearly destroyed" it, one
climber aged 32 in one report and 31 in another, and a team's record of 9-5
against 10-5 passed as agreeing reports, since the hedge is no figure, an age
after a name ("Ada Quist, 32,") counted "died", and a record was read as a
range sharing an end with the other.
"""

from __future__ import annotations

from provenance import compare_claims
from provenance.corpus.contradiction import value_conflict


def test_a_hedged_outcome_conflicts_with_the_outcome_itself() -> None:
    destroyed = "A fire on Monday destroyed the old Vell creamery, which was built in the 1920s by settlers."
    nearly = "The old Vell creamery was nearly destroyed by a fire early Monday, town officials said."
    reason = value_conflict(destroyed, nearly)
    assert reason is not None
    assert "nearly destroyed" in reason
    assert compare_claims(destroyed, nearly).contradiction is not None


def test_a_hedge_on_both_sides_or_on_a_figure_is_no_outcome_conflict() -> None:
    assert (
        value_conflict(
            "A fire on Monday nearly destroyed the old Vell creamery.",
            "The old Vell creamery was almost destroyed by a fire on Monday.",
        )
        is None
    )
    assert (
        value_conflict(
            "A fire on Monday destroyed nearly 40 homes in Vell.",
            "A fire on Monday destroyed 40 homes in Vell.",
        )
        is None
    )


def test_one_named_person_given_two_ages_is_a_contradiction() -> None:
    older = "Ada Quist, 32, died while climbing to a hut on Mount Vell on Saturday."
    younger = (
        "The next day an ill-equipped climber with rented gear, 31-year-old Ada Quist of Harrow, "
        "slipped on ice and fell 700 meters to her death elsewhere in the same park."
    )
    reason = value_conflict(older, younger)
    assert reason is not None
    assert "age" in reason
    assert compare_claims(older, younger).contradiction is not None


def test_ages_of_two_people_or_one_age_twice_are_no_contradiction() -> None:
    assert (
        value_conflict(
            "Ada Quist, 32, died while climbing on Mount Vell on Saturday.",
            "Bo Renn, 31, died while climbing on Mount Vell on Saturday.",
        )
        is None
    )
    assert (
        value_conflict(
            "Ada Quist, 32, died while climbing on Mount Vell on Saturday.",
            "The 32-year-old Ada Quist died on Mount Vell on Saturday.",
        )
        is None
    )


def test_a_team_given_two_records_is_a_contradiction() -> None:
    reason = value_conflict(
        "By beating the Rovers, the Hawks' record rose to 9-5 and they clinched a playoff spot in Vell.",
        "The Hawks (10-5, 4-4 away) clinched a playoff spot in Vell with Sunday's win over the Rovers.",
    )
    assert reason is not None
    assert "9-5" in reason
    assert "10-5" in reason


def test_one_record_twice_or_a_span_of_weeks_is_no_record_conflict() -> None:
    assert (
        value_conflict(
            "The Hawks improved to 10-5 by beating the Rovers in Vell.",
            "The Hawks (10-5) beat the Rovers in Vell on Sunday.",
        )
        is None
    )
    assert (
        value_conflict(
            "The Vell clinic saw the 8-12 week old fetus on Monday.",
            "The Vell clinic saw the 10-12 week old fetus on Monday.",
        )
        is None
    )
