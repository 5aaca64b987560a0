"""A report of unknown date cannot be placed in a date window: only near-verbatim wording ties it to an event.

Seen on the ECB+ dev articles and written here as a fictional equivalent:
every match linking two different events of one kind (one player's drunk
driving arrest against a team-mate's a month later, one browser patch against
another five years on) had an undated side, and passed the 30-day window that
needs both dates. A paraphrase cannot tell the two events apart; the same
wording shows one report.
"""

from __future__ import annotations

import datetime as dt

from provenance.corpus import UNDATED_SCORE, CorpusIndex, crosscheck
from provenance.corpus.index import IndexedArticle, IndexedClaim
from provenance.extract import analyze
from provenance.ingest import parse_article
from provenance.models import AnalysisResult, CrossCheckResult
from provenance.render.crosscheck import render_crosscheck

STORED = "Senator Ada Quist won the Vell County primary with 61 percent of the vote."
VERBATIM = "Senator Ada Quist won the Vell County primary, taking 61 percent of the vote."
PARAPHRASE = "Ada Quist took the Vell County primary on Tuesday, beating two rivals with 61 percent."


def _analysed(text: str, date: dt.date | None) -> AnalysisResult:
    article = parse_article(text)
    return analyze(article.model_copy(update={"outlet": "Norrland Post", "date": date}))


def _check(
    text: str, own_date: dt.date | None, stored_date: str | None, **options: object
) -> CrossCheckResult:
    stored = IndexedClaim("C1", STORED, STORED, "Vell Gazette", "vell gazette", "Vell Gazette")
    with CorpusIndex.create() as index:
        index.add(
            IndexedArticle(key="gazette.md", digest="gazette", outlet="Vell Gazette", date=stored_date),
            [stored],
        )
        index.commit()
        return crosscheck(_analysed(text, own_date), index, **options)  # type: ignore[arg-type]


def _matched(result: CrossCheckResult) -> list[str]:
    check = result.claims[0]
    return [match.article_id for match in (*check.independent, *check.dependent, *check.contradictions)]


def test_a_paraphrase_with_an_undated_side_is_no_match() -> None:
    day = dt.date(2025, 5, 3)
    assert _matched(_check(PARAPHRASE, day, "2025-05-02")) == ["gazette.md"]
    assert _matched(_check(PARAPHRASE, day, None)) == []
    assert _matched(_check(PARAPHRASE, None, "2025-05-02")) == []
    assert _matched(_check(PARAPHRASE, None, None)) == []


def test_near_verbatim_wording_with_an_undated_side_still_matches() -> None:
    assert _matched(_check(VERBATIM, dt.date(2025, 5, 3), None)) == ["gazette.md"]
    assert _matched(_check(VERBATIM, None, None)) == ["gazette.md"]


def test_the_undated_bar_can_be_lowered_or_dropped_with_the_window() -> None:
    assert _matched(_check(PARAPHRASE, None, None, undated_score=None)) == ["gazette.md"]
    assert _matched(_check(PARAPHRASE, None, None, window_days=None)) == ["gazette.md"]
    assert UNDATED_SCORE > 50


def _check_against(stored_text: str, own_text: str, own_date: dt.date | None) -> CrossCheckResult:
    stored = IndexedClaim("C1", stored_text, stored_text, "Vell Gazette", "vell gazette", "Vell Gazette")
    with CorpusIndex.create() as index:
        index.add(IndexedArticle(key="gazette.md", digest="gazette", outlet="Vell Gazette"), [stored])
        index.commit()
        return crosscheck(_analysed(own_text, own_date), index)


def test_near_verbatim_wording_about_someone_else_with_an_undated_side_is_another_event() -> None:
    stored = "Hawks' Ivo Marsh arrested on suspicion of drunk driving"
    assert (
        _matched(_check_against(stored, "Hawks' Bo Renn arrested on suspicion of drunk driving", None)) == []
    )
    assert (
        _matched(
            _check_against(
                "Hawks defensive tackle Ivo Marsh was arrested early Sunday on suspicion of drunken driving.",
                "Hawks receiver Bo Renn was arrested early Sunday on suspicion of drunken driving.",
                dt.date(2025, 2, 3),
            )
        )
        == []
    )


def test_near_verbatim_wording_naming_the_same_people_with_an_undated_side_matches() -> None:
    stored = "Hawks' Ivo Marsh arrested on suspicion of drunk driving"
    assert _matched(_check_against(stored, "Hawks' Marsh arrested on drunk driving suspicion", None)) == [
        "gazette.md"
    ]
    assert _matched(
        _check_against(
            "CHARGED: HAWKS' IVO MARSH ARRESTED ON SUSPICION OF DRUNK DRIVING",
            "Hawks' Ivo Marsh Arrested On Suspicion Of Drunk Driving",
            None,
        )
    ) == ["gazette.md"]


def test_a_sentence_about_he_cannot_show_it_is_the_person_an_undated_match_names() -> None:
    stored = "Ivo Marsh was on probation for a previous drunk driving arrest."
    own = "He was on probation for a previous drunk driving arrest, police said."
    assert _matched(_check_against(stored, own, None)) == []
    assert _matched(
        _check_against(stored, "Marsh was on probation for a previous drunk driving arrest.", None)
    ) == ["gazette.md"]


def test_a_result_for_an_undated_article_says_what_a_match_needed_and_how_to_lift_it() -> None:
    undated = _check(VERBATIM, None, "2025-05-02")
    assert undated.undated_score == UNDATED_SCORE
    shown = render_crosscheck(undated)
    assert f"no date on this article: a match needed similarity ≥ {UNDATED_SCORE:g}" in shown
    dated = _check(VERBATIM, dt.date(2025, 5, 3), "2025-05-02")
    assert dated.undated_score is None
    assert "no date" not in render_crosscheck(dated)
    assert _check(VERBATIM, None, None, window_days=None).undated_score is None
