"""Contradiction failures seen on the ECB+ dev pairs and articles, each written as a fictional equivalent.

Each failed before the fix it names: "about 20,000" refugees against "over
24,000" passed as two compatible bounds; across the 228 dev articles, the
cross-check reported as contradictions a quote whose "cant" was not read as a
negation, a denial of something else, two players' figures in sentences about
"he", a figure both sides give, two rounds of two fights, a record against a
year, and timestamp lines; wire copy reprinted over three days was taken for a
template and matched nothing, and a long sentence two outlets print letter for
letter counted as two independent reports.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from provenance.corpus import build_index, crosscheck
from provenance.corpus.contradiction import value_conflict
from provenance.corpus.units import is_boilerplate
from provenance.extract import analyze
from provenance.ingest import parse_article


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


def test_a_year_is_no_figure_to_set_against_a_record() -> None:
    assert (
        value_conflict(
            "The champion Ivo Marsh, 58-3 with 51 knockouts, floored Tom Reyes in the fifth round.",
            "Tom Reyes last met Ivo Marsh in 2008, when Marsh floored him in the fifth round.",
        )
        is None
    )


def _manifest(folder: Path, rows: list[dict[str, str]]) -> Path:
    manifest = folder / "corpus.jsonl"
    manifest.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return manifest


def test_one_wire_sentence_reprinted_over_several_days_is_no_template(tmp_path: Path) -> None:
    sentence = (
        "The Vell champion dropped Reyes again in the sixth, and the referee stopped the fight at 2:56."
    )
    rows = [
        {"id": f"outlet-{day}", "text": sentence, "outlet": f"Outlet {day}", "date": f"2025-03-0{day}"}
        for day in (1, 2, 3)
    ]
    checked = parse_article(sentence + "\n")
    checked = checked.model_copy(update={"outlet": "Norrland Post", "date": dt.date(2025, 3, 2)})
    with build_index(_manifest(tmp_path, rows)) as index:
        result = crosscheck(analyze(checked), index)
    assert sum(len(check.independent) + len(check.dependent) for check in result.claims) == 3


def test_a_long_sentence_printed_letter_for_letter_is_one_copied_text(tmp_path: Path) -> None:
    sentence = "The body of Lena Varga was found in a parked car near the Vell ferry terminal on April 9."
    rows = [
        {
            "id": "copy",
            "text": f"{sentence}\n\nThe harbour was closed for the day.",
            "outlet": "Coast Weekly",
        },
    ]
    checked = parse_article(f"{sentence}\n\nDivers searched the eastern pier on Monday.\n")
    checked = checked.model_copy(update={"outlet": "Norrland Post"})
    with build_index(_manifest(tmp_path, rows)) as index:
        result = crosscheck(analyze(checked), index)
    matches = [match for check in result.claims for match in (*check.independent, *check.dependent)]
    assert len(matches) == 1
    assert matches[0] in result.claims[0].dependent
    assert (matches[0].upstream or "").startswith("shared copy")


def test_a_sentence_copied_letter_for_letter_from_an_agency_rests_on_the_agency(tmp_path: Path) -> None:
    sentence = (
        "The Vell champion stopped Tom Reyes in the sixth round to keep his title belts on Saturday night."
    )
    rows = [{"id": "wire", "text": sentence, "outlet": "bigstory.ap.org"}]
    checked = parse_article(f"{sentence}\n").model_copy(update={"outlet": "Norrland Post"})
    with build_index(_manifest(tmp_path, rows)) as index:
        result = crosscheck(analyze(checked), index)
    assert not result.claims[0].independent
    assert [match.upstream for match in result.claims[0].dependent] == ["Associated Press"]


def test_a_sentence_set_in_another_year_tells_of_another_event() -> None:
    assert (
        value_conflict(
            "In 2004, a huge earthquake off Vell triggered a wave that killed 2,300 people.",
            "A powerful earthquake off Vell flattened buildings on Tuesday, killing five people.",
        )
        is None
    )
    assert value_conflict(
        "Vell Water will replace the old lead pipes by the end of 2027.",
        "Vell Water will not replace the old lead pipes before 2030.",
    )


def test_a_hedged_outcome_against_a_compound_or_a_quoted_word_is_read_without_failing() -> None:
    """The plain word was looked up as printed, so a compound or quotes around it stopped the cross-check."""
    assert (
        value_conflict(
            "The Vell ferry deal is almost certain to pass the council.",
            "Ada Quist criticised the all-but-certain ferry deal before the council.",
        )
        is None
    )
    reason = value_conflict(
        "The Vell harbour tunnel is almost complete, the council said.",
        "The council said the Vell harbour tunnel was ''complete'' on Monday.",
    )
    assert reason is not None
    assert "'complete'" in reason
