"""Cross-checking failures seen on real news, each written as a fictional equivalent.

Every test here failed before calibrated matching, claim units, entity upstreams
and precise contradictions: unknown publishers shared as one upstream, "AP"
and "Associated Press" as two, a short claim matching any long sentence that
contains its words, boilerplate and templates matching each other, ids and
questions read as contradictions, a negation lost with the attribution frame,
a month conflict missed.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import provenance
from provenance.corpus import CorpusIndex, build_index, crosscheck
from provenance.corpus.contradiction import value_conflict
from provenance.corpus.independence import agency_upstream, claim_upstreams, upstream_key
from provenance.corpus.index import IndexedArticle, IndexedClaim
from provenance.corpus.units import claim_core, dateline_agency, unit_texts
from provenance.extract import analyze
from provenance.ingest import parse_article


def test_a_short_claim_does_not_match_a_long_sentence_that_merely_contains_its_words() -> None:
    verdict = provenance.compare_claims(
        "Marlow supports Liberal candidate Ada Quist in the mayoral race.",
        "The latest on the mayoral race between Conservative candidate Bo Renn"
        " and Liberal candidate Ada Quist.",
    )
    assert not verdict.same_claim


def test_a_paraphrase_with_other_words_matches() -> None:
    verdict = provenance.compare_claims(
        "The ferry operator said it would cut 40 jobs at the Ostrova terminal by March.",
        "The ferry operator will eliminate 40 jobs at its Ostrova terminal by March, it said.",
    )
    assert verdict.same_claim
    assert verdict.contradiction is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The Quist campaign did not immediately respond to requests for comment.",
        "A spokesman for the harbour authority declined to comment.",
        "(AP Photo/Lena Varga) Ferry passengers wait at the Ostrova terminal.",
        "UPDATED: Thursday, March 14, 2025, 9:31 AM EDT",
    ],
)
def test_boilerplate_and_captions_are_no_claim_to_match(sentence: str) -> None:
    assert unit_texts(sentence) == []


def test_datelines_and_markup_are_cut_and_multi_fact_sentences_split() -> None:
    units = unit_texts("OSTROVA (AP) — The ferry resumed on Monday; the bridge stays closed until spring.")
    assert units[0].startswith("The ferry resumed on Monday")
    assert "The ferry resumed on Monday" in units[1]
    assert units[2] == "the bridge stays closed until spring."
    assert unit_texts('<tweet tweet-id="842240914727407616">The mayor resigned on Monday.') == [
        "The mayor resigned on Monday."
    ]


def test_dateline_credits_an_agency() -> None:
    assert dateline_agency("OSTROVA (AP) — The ferry resumed on Monday.") == "AP"
    assert dateline_agency("The ferry resumed on Monday.") is None


def test_tweet_ids_phone_numbers_and_urls_are_no_contradiction() -> None:
    assert (
        value_conflict(
            '<tweet tweet-id="742240914727407616">Quist will hold a rally in Vell on Friday.',
            '<tweet tweet-id="742240914727400000">Quist will hold a rally in Vell on Friday.',
        )
        is None
    )
    assert (
        value_conflict(
            "Residents can call 555-201-4433 to report flooding in Vell.",
            "Residents can call 555-987-1200 to report flooding in Vell.",
        )
        is None
    )
    assert (
        value_conflict(
            "The full ruling on Vell's dam is at https://example.invalid/ruling/2231.",
            "The full ruling on Vell's dam is at https://example.invalid/ruling/9876.",
        )
        is None
    )


def test_a_rhetorical_question_is_no_contradiction() -> None:
    assert (
        value_conflict(
            "So why didn't Bo Renn pay his taxes for 18 years?",
            "Bo Renn paid his taxes for 18 years, his accountant said.",
        )
        is None
    )


def test_a_month_conflict_on_one_event_is_a_contradiction() -> None:
    verdict = provenance.compare_claims(
        "The Vell harbour authority approved the new ferry terminal in June.",
        "The Vell harbour authority approved the new ferry terminal in July.",
    )
    assert verdict.contradiction is not None
    assert "june" in verdict.contradiction


def test_figures_for_different_things_are_no_contradiction() -> None:
    assert (
        value_conflict(
            "The storm in Vell killed 3 people and damaged 40 houses.",
            "The storm in Vell killed 3 people and left 1,200 homes without power.",
        )
        is None
    )


def test_rounding_and_compatible_bounds_are_no_contradiction() -> None:
    assert (
        value_conflict(
            "The quake near Vell had a magnitude of 5.9.", "The quake near Vell had a magnitude of about 6.0."
        )
        is None
    )
    assert (
        value_conflict(
            "More than 20,000 refugees live in the Vell camp.", "Over 24,000 refugees live in the Vell camp."
        )
        is None
    )


def test_a_fall_of_60_metres_against_150_metres_is_a_contradiction() -> None:
    verdict = provenance.compare_claims(
        "A 36-year-old climber died on Friday after falling about 60 metres from a ridge near Vell.",
        "The climber, 36, died after a fall of 150 meters from the ridge near Vell on Friday.",
    )
    assert verdict.contradiction is not None
    assert "60" in verdict.contradiction


def _analysed(text: str, outlet: str | None = None, date: dt.date | None = None) -> provenance.AnalysisResult:
    article = parse_article(text)
    return analyze(article.model_copy(update={"outlet": outlet, "date": date}))


def test_the_attribution_frame_is_cut_but_its_negation_is_kept() -> None:
    analysis = _analysed("Director Lund did not recommend that charges be brought against the mayor.\n")
    claim = analysis.claims[0]
    core = claim_core(analysis, claim)
    assert "not" in core.split() or "n't" in core


def test_two_unknown_publishers_are_not_one_upstream() -> None:
    first = _analysed("The Vell dam was completed in 1931 after six years of work.\n")
    second = _analysed("A new survey of the Vell dam began on Monday with four engineers.\n")
    first_upstreams = set(claim_upstreams(first).values())
    second_upstreams = set(claim_upstreams(second).values())
    assert not {upstream.key for upstream in first_upstreams} & {
        upstream.key for upstream in second_upstreams
    }


def test_agency_aliases_are_one_upstream() -> None:
    assert upstream_key("AP") == upstream_key("The Associated Press") == upstream_key("Associated Press")
    assert upstream_key("Agence France-Presse") == upstream_key("AFP")
    agency = agency_upstream("The Associated Press")
    assert agency is not None
    assert agency.name == "Associated Press"
    assert agency_upstream("Vell Gazette") is None


def test_a_titled_mention_of_a_person_is_the_same_upstream() -> None:
    assert upstream_key("Mr. Renn") == upstream_key("Renn")
    assert upstream_key("President Quist") == upstream_key("Quist")


def test_wire_copy_from_a_manifest_is_dependent_on_its_agency(tmp_path: Path) -> None:
    sentence = "The Vell harbour authority approved a new ferry terminal costing 40 million euros on Tuesday."
    manifest = tmp_path / "corpus.jsonl"
    manifest.write_text(
        "\n".join(
            json.dumps(row)
            for row in [
                {"id": "ap", "text": sentence, "outlet": "Associated Press", "date": "2025-03-04"},
                {
                    "id": "gazette",
                    "text": sentence,
                    "outlet": "Vell Gazette",
                    "date": "2025-03-04",
                    "wire": "AP",
                },
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    own_words = (
        "On Tuesday the Vell harbour authority approved a new ferry terminal that will cost 40 million euros."
    )
    checked = _analysed(
        f"{own_words}\n\nThe terminal opens in 2027.\n", outlet="Norrland Post", date=dt.date(2025, 3, 5)
    )
    with build_index(manifest) as index:
        result = crosscheck(checked, index)
    check = result.claims[0]
    assert [match.article_id for match in check.independent] == ["ap"]
    assert [(match.article_id, match.upstream) for match in check.dependent] == [
        ("gazette", "Associated Press")
    ]


def test_reports_outside_the_date_window_are_other_events() -> None:
    sentence = "Senator Ada Quist won the Vell County primary with 61 percent of the vote."
    stored = IndexedClaim("C1", sentence, sentence, "Vell Gazette", "vell gazette", "Vell Gazette")
    with CorpusIndex.create() as index:
        index.add(
            IndexedArticle(key="old.md", digest="old", outlet="Vell Gazette", date="2021-05-02"), [stored]
        )
        index.commit()
        own_words = "Senator Ada Quist won the Vell County primary, taking 61 percent of the vote."
        recent = crosscheck(_analysed(own_words, "Norrland Post", dt.date(2025, 5, 3)), index)
        same_week = crosscheck(_analysed(own_words, "Norrland Post", dt.date(2021, 5, 3)), index)
    assert not recent.claims[0].independent
    assert [match.article_id for match in same_week.claims[0].independent] == ["old.md"]


def test_a_template_printed_on_many_dates_matches_nothing() -> None:
    with CorpusIndex.create() as index:
        for day, name in enumerate(["Bo Renn", "Ada Quist", "Lena Varga", "Piet Holm"], start=1):
            sentence = f"{name} was unavailable for a statement on the harbour budget vote, his office said."
            stored = IndexedClaim("C1", sentence, sentence, "Vell Gazette", f"o{day}", f"Outlet {day}")
            index.add(IndexedArticle(key=f"{day}.md", digest=str(day), date=f"2025-03-0{day}"), [stored])
        index.commit()
        query = "Mira Sand was unavailable for a statement on the harbour budget vote, her office said."
        assert index.matches(query, provenance.corpus.MATCH_THRESHOLD) == []


def test_quoting_the_same_named_source_corroborates_the_statement_not_the_fact(tmp_path: Path) -> None:
    statement = (
        "Mayor Bo Renn said the Vell bridge will reopen in April after repairs costing 3 million euros."
    )
    manifest = tmp_path / "corpus.jsonl"
    manifest.write_text(
        json.dumps({"id": "gazette", "text": statement, "outlet": "Vell Gazette", "date": "2025-03-04"})
        + "\n",
        encoding="utf-8",
    )
    checked = _analysed(
        f"{statement}\n\nTraffic is diverted.\n", outlet="Norrland Post", date=dt.date(2025, 3, 4)
    )
    with build_index(manifest) as index:
        check = crosscheck(checked, index).claims[0]
    assert not check.independent
    (match,) = check.dependent
    assert match.reason is not None
    assert "not that it is true" in match.reason


def test_an_uncredited_copy_of_the_same_report_is_dependent(tmp_path: Path) -> None:
    sentences = [
        "The Vell harbour authority approved a new ferry terminal costing 40 million euros on Tuesday.",
        "Construction of the terminal on the eastern pier will begin in the autumn of next year.",
        "The old terminal, built in 1962, will be turned into a maritime museum run by the town.",
    ]
    manifest = tmp_path / "corpus.jsonl"
    manifest.write_text(
        json.dumps(
            {"id": "copy", "text": "\n\n".join(sentences), "outlet": "Coast Weekly", "date": "2025-03-04"}
        )
        + "\n",
        encoding="utf-8",
    )
    checked = _analysed(
        "\n\n".join([*sentences, "Ferries will run as usual."]), "Norrland Post", dt.date(2025, 3, 4)
    )
    with build_index(manifest) as index:
        result = crosscheck(checked, index)
    assert not any(check.independent for check in result.claims)
    assert all(
        match.upstream is not None and match.upstream.startswith("shared copy")
        for check in result.claims
        for match in check.dependent
    )
    assert sum(len(check.dependent) for check in result.claims) == 3
