"""Source phrases the cue stage reads or turns down by what they are (sentences written for the tests)."""

from __future__ import annotations

import pytest

from provenance import analyze, parse_article
from provenance.extract.cues import find_attributions
from provenance.extract.cues.clause import RawAttribution
from provenance.extract.cues.sentence import naming_passive
from provenance.extract.describe import describe
from provenance.extract.segmentation import quotations, tokenize
from provenance.extract.sources import phrase_before, phrase_head
from provenance.models import CueKind, SourceType


def _cues(sentence: str) -> list[tuple[str | None, str | None]]:
    """Run the cue stage over one sentence: each attribution's cue and source, as text."""
    quotes = quotations(sentence, 0, len(sentence))
    tokens = tokenize(sentence, 0, len(sentence), quotes)
    return [
        (
            sentence[raw.cue[0] : raw.cue[1]] if raw.cue else None,
            sentence[raw.source[0] : raw.source[1]] if raw.source else None,
        )
        for raw in find_attributions(tokens, quotes)
    ]


@pytest.mark.parametrize(
    ("phrase", "head"),
    [
        ("Data from the 2019 county survey", "Data"),
        ("Records compiled by the Harbor Ledger", "Records"),
        ("Nine in 10 voters", "voters"),
        ("The two council members", "members"),
        ("Ada Moreau, a county clerk,", "Moreau"),
    ],
)
def test_the_head_of_a_source_phrase_is_its_last_word_before_a_post_modifier(phrase: str, head: str) -> None:
    tokens = tokenize(phrase, 0, len(phrase), [])
    assert tokens[phrase_head(tokens, 0, len(tokens))].text == head


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Data from the 2019 county survey show that renters pay more than half their income.",
         [("show", "Data from the 2019 county survey")]),
        ("Records compiled by the Harbor Ledger show that the mayor gave to both parties.",
         [("show", "Records compiled by the Harbor Ledger")]),
        ("The tally of the Harbor Ledger show that the mayor gave to both parties.", []),
    ],
)  # fmt: skip
def test_a_base_form_cue_agrees_with_the_head_of_its_source_not_its_last_word(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert _cues(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("After saying her ankle was “so sore I could not stand,” she was taken to the county clinic.",
         [("saying", "she")]),
        ("After saying the bridge was safe, Lund left the hearing.", [("saying", "Lund")]),
    ],
)  # fmt: skip
def test_a_participle_opening_the_sentence_speaks_for_the_subject_after_a_quotation_closing_its_clause(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert _cues(sentence) == expected


@pytest.mark.parametrize(
    "phrase",
    ["Lund sat for an interview, answering", "the waving, smiling", "a retiree, making"],
)
def test_a_lone_participle_is_no_source_phrase(phrase: str) -> None:
    tokens = tokenize(phrase, 0, len(phrase), [])
    assert phrase_before(tokens, len(tokens), 0) is None


@pytest.mark.parametrize("phrase", ["the filing", "Lund", "Polling"])
def test_a_document_in_ing_or_a_name_is_a_source_phrase(phrase: str) -> None:
    tokens = tokenize(phrase, 0, len(phrase), [])
    assert phrase_before(tokens, len(tokens), 0) == (0, len(tokens))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Lund funds Harborwatch, a super PAC that intends to fight the levy.", [("intends", "that")]),
        ("The council heard from tenants that say rents doubled.", [("say", "that")]),
        ("Polls show that voters want a new bridge.", [("show", "Polls")]),
        ("The mayor said that says a lot about the council.", [("said", "The mayor")]),
    ],
)  # fmt: skip
def test_a_relative_that_after_a_noun_is_the_source_as_who_and_which_are(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert _cues(sentence) == expected


@pytest.mark.parametrize(
    ("text", "entity", "kind"),
    [
        ("Lund funds Harborwatch, a super PAC that says the levy is unfair.", "Harborwatch",
         SourceType.NAMED_ORGANISATION),
        ("The county hired Ada Moreau, a lawyer who says the levy is unfair.", "Ada Moreau",
         SourceType.NAMED_PERSON),
        ("Residents formed a super PAC that says the levy is unfair.", "super PAC",
         SourceType.NAMED_ORGANISATION),
    ],
)  # fmt: skip
def test_a_relative_pronoun_after_an_apposition_means_the_name_it_describes(
    text: str, entity: str, kind: SourceType
) -> None:
    result = analyze(parse_article(text + "\n", "fictional.txt"))
    (mention,) = result.sources
    found = result.entity_of(mention.id)
    assert found is not None
    assert (found.name, found.type) == (entity, kind)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The bridge will close for a year, the Harbor Ledger reports.", [("reports", "the Harbor Ledger")]),
        ("The levy will pass, the campaigns agree.", [("agree", "the campaigns")]),
        ("The toll failed, and so did the levy, after the terrorist attacks.", []),
    ],
)  # fmt: skip
def test_a_verb_that_needs_a_clause_has_it_before_when_source_and_verb_end_the_sentence(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert _cues(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Many fear the levy will drive tenants out of the harbor district.", [("fear", "Many")]),
        ("Those around him acknowledge that a third term seems unlikely.",
         [("acknowledge", "Those around him")]),
        ("Most tenants polled say the levy is unfair.", [("say", "Most tenants polled")]),
    ],
)  # fmt: skip
def test_quantifiers_and_circles_of_people_are_plural_subjects(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert _cues(sentence) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Both", "Both"),
        ("But neither", "neither"),
        ("Lund and Reyes both", None),
        ("The two rivals each", None),
    ],
)
def test_both_and_neither_stand_alone_only_opening_a_clause(phrase: str, expected: str | None) -> None:
    tokens = tokenize(phrase, 0, len(phrase), [])
    found = phrase_before(tokens, len(tokens), 0)
    assert (phrase[tokens[found[0]].start : tokens[found[1] - 1].end] if found else None) == expected


@pytest.mark.parametrize(
    ("text", "acronym", "entity"),
    [
        ("The march drew 5,000 people, according to the organizer Alliance for Fair Harbors (AFFH).\n\n"
         "AFFH said it would march again in May.", "AFFH", "organizer Alliance for Fair Harbors"),
        ("The Harbor Tenants Union said rents doubled.\n\nHTU said it would march again in May.", "HTU",
         "Harbor Tenants Union"),
    ],
)  # fmt: skip
def test_an_acronym_means_the_body_it_abbreviates(text: str, acronym: str, entity: str) -> None:
    result = analyze(parse_article(text + "\n", "fictional.txt"))
    mention = next(mention for mention in result.sources if mention.span.text == acronym)
    found = result.entity_of(mention.id)
    assert found is not None
    assert (found.name, found.type) == (entity, SourceType.NAMED_ORGANISATION)


def test_an_acronym_after_the_is_an_organisation_and_a_person_s_initials_are_no_acronym() -> None:
    assert describe("the NAACP").type is SourceType.NAMED_ORGANISATION
    result = analyze(parse_article("Ada Reyes said rents doubled.\n\nAR said the vote was close.\n", "f.txt"))
    mention = next(mention for mention in result.sources if mention.span.text == "AR")
    found = result.entity_of(mention.id)
    assert found is not None
    assert found.name != "Ada Reyes"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The mayor hid the audit from the council, her former aide maintains.",
         [("maintains", "her former aide")]),
        ("The mayor hid the audit from the council, the Harbor Ledger has learned.",
         [("has learned", "the Harbor Ledger")]),
        ("Lund maintains that the audit was hidden.", [("maintains", "Lund")]),
        ("The county maintains the bridge.", []),
    ],
)  # fmt: skip
def test_maintaining_a_stance_and_learning_news_are_cues_with_a_clause(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert _cues(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Ada Lind, star of radio’s “Harbor Nights,” thanked the mayor for the new ferry.",
         [("thanked", "Ada Lind, star of radio’s “Harbor Nights,”")]),
        ("Jo Brandt, who has called the toll ''a quiet theft,'' said the council would vote again.",
         [("has called", "who"), ("said", "Jo Brandt")]),
        ("He called the toll “a quiet theft,” said Lund.", [("said", "Lund")]),
        ("However fair the aim, raising the toll “is the wrong road,” said Lund.", [("said", "Lund")]),
        ("Ada Lind, citing “the quiet theft of the toll,” said the council would vote again.",
         [("said", "Ada Lind"), ("citing", None)]),
    ],
)  # fmt: skip
def test_an_appositive_holding_a_short_quoted_title_stays_with_its_name_before_the_cue(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert _cues(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("According to her account, after examining the ledger, the clerk found two missing payments.",
         [("According to", "her account")]),
        ("According to her, the ferry will run again in May.", [("According to", "her")]),
        ("“We will not pay,” said her spokesman, Jo Lee.", [("said", "her spokesman, Jo Lee")]),
    ],
)  # fmt: skip
def test_her_before_a_noun_determines_the_source_rather_than_standing_for_it(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert _cues(sentence) == expected


def test_a_possessive_account_is_a_document() -> None:
    assert describe("her account").type is SourceType.DOCUMENT


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Ada Lind, who lost her seat in Dover, Delaware, in 2012, said the council had ignored the port.",
         [("said", "Ada Lind, who lost her seat in Dover, Delaware, in 2012")]),
        ("Jo Brandt, whose firm, Harbor Freight, runs the ferry, argues that the toll is too low.",
         [("argues", "Jo Brandt, whose firm, Harbor Freight, runs the ferry")]),
    ],
)  # fmt: skip
def test_a_relative_clause_with_commas_of_its_own_stays_with_the_name_before_the_cue(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert _cues(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Ships dock at the port in Dover, which Mayor Lind, and others, have likened to a museum.",
        "Ada Lind, who, after the vote in Dover, Delaware, said the port would close.",
    ],
)
def test_no_source_phrase_runs_over_a_thing_s_relative_clause_or_a_relative_subject(sentence: str) -> None:
    assert all(not (source or "").startswith(("Dover", "Ada Lind")) for _, source in _cues(sentence))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Several aides with long ties to the mayor said they would strike again.",
         [("said", "Several aides with long ties to the mayor")]),
        ("Exit polls taken in Dover found that turnout fell.", [("found", "Exit polls taken in Dover")]),
        ("Some delegates at the convention in Dover said the vote was rigged.",
         [("said", "Some delegates at the convention in Dover")]),
        ("After the vote, several aides with long ties to the mayor said it was rigged.",
         [("said", "several aides with long ties to the mayor")]),
        ("Ada Lind has been blunt in her remarks and Jo Brandt said the vote was rigged.",
         [("said", "Jo Brandt")]),
    ],
)  # fmt: skip
def test_a_subject_runs_across_a_preposition_when_all_before_it_is_one_noun_phrase(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert _cues(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("The harbor fund is known as the Dover Trust.", "is known as"),
        ("Her new book is titled “Harbor Lights,” and it sold well.", "is titled"),
        ("There is also a mock novel by the comedian Jo Brandt titled “Harbor Lights.”", "titled"),
        ("The new fund will informally be dubbed the “Harbor Trust.”", "will informally be dubbed"),
        ("The deficit is projected to reach $3 billion next year.", "is projected"),
        ("Each county is required to count the ballots by hand.", "is required"),
    ],
)  # fmt: skip
def test_a_passive_naming_ranking_or_binding_what_it_follows_has_no_source(sentence: str, cue: str) -> None:
    assert _cues(sentence) == [(cue, None)]


def test_seen_as_after_be_is_a_naming_passive_whoever_found_its_cue() -> None:
    sentence = "The measure is widely seen as a rebuke to the mayor."
    tokens = tokenize(sentence, 0, len(sentence), [])
    found = RawAttribution(CueKind.BELIEF, (12, 29), (0, 11), [(30, 51)])
    assert sentence[12:29] == "is widely seen as"
    assert naming_passive(tokens, found)


def test_a_naming_participle_after_have_is_active_and_keeps_its_subject() -> None:
    assert _cues("Lind had dubbed the fund “the Harbor Trust” in a speech.") == [("had dubbed", "Lind")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("7:45 a.m. Ada Lind said the vote was rigged.", [("said", "Ada Lind")]),
        ("5:55 p.m. Mayor Jo Brandt told reporters the plant would close.", [("told", "Mayor Jo Brandt")]),
    ],
)  # fmt: skip
def test_a_time_stamp_opening_a_live_report_is_no_part_of_the_source(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert _cues(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Not everyone is convinced that the plan will work.", [("is convinced", "Not everyone")]),
        ("But not everyone at the rally agreed that it was fair.", [("agreed", "not everyone at the rally")]),
    ],
)  # fmt: skip
def test_not_before_everyone_belongs_to_the_subject(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert _cues(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Neither Lind nor Ames responded to the request.", [("responded to", "Neither Lind nor Ames")]),
        ("Neither side would say how much the harbor deal cost.", [("would say", "Neither side")]),
    ],
)  # fmt: skip
def test_neither_and_nor_join_a_subject_as_and_does(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert _cues(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Some 1,409 teachers said they would strike.", [("said", "Some 1,409 teachers")]),
        ("A 54% majority of renters support the harbor levy.", [("support", "A 54% majority of renters")]),
    ],
)  # fmt: skip
def test_a_thousands_comma_and_a_percent_sign_stay_inside_a_counted_source(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert _cues(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Friends, neighbours and former rivals say that Lind was kind.",
         [("say", "Friends, neighbours and former rivals")]),
        ("The family, protesters and civic leaders demanded that the council release the video.",
         [("demanded", "The family, protesters and civic leaders")]),
        ("Separately, Lind and Ames said the levy would pass.", [("said", "Lind and Ames")]),
        ("On Tuesday, Lind and Ames said the levy would pass.", [("said", "Lind and Ames")]),
    ],
)  # fmt: skip
def test_a_listed_subject_runs_back_over_its_commas_to_the_clause_start(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert _cues(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Lind and Brandt want to raise the harbor levy.", [("want", "Lind and Brandt")]),
        ("The tally in Dover and Salem show that the mayor gave to both parties.", []),
    ],
)  # fmt: skip
def test_names_joined_by_and_before_the_head_agree_with_a_base_form_verb(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert _cues(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Lind, who has long opposed the levy, said it would fail.", "Lind"),
        ("Lind, who lost her seat in Dover, Delaware, in 2012, said it would fail.", "Lind"),
        ("Ada Lind, who opposed the levy, said it would fail.", "Ada Lind, who opposed the levy"),
        ("Jo Ames, an actor in Dover, who runs a theater, said it would fail.",
         "Jo Ames, an actor in Dover, who runs a theater"),
    ],
)  # fmt: skip
def test_a_relative_clause_after_a_name_alone_stays_out_of_the_source(sentence: str, expected: str) -> None:
    assert ("said", expected) in _cues(sentence)


def test_a_participle_cue_takes_the_appositive_of_the_sentence_subject_it_speaks_for() -> None:
    sentence = "Ames, a retired judge, then went on the radio and began by saying the levy would fail."
    assert ("saying", "Ames, a retired judge") in _cues(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Lind, still angry about the vote, said the levy would fail.",
        "Lind, herself up for reelection in May, said the levy would fail.",
        "Lind, it turned out, said the levy would fail.",
    ],
)
def test_an_aside_that_is_no_noun_phrase_stays_out_of_the_source(sentence: str) -> None:
    assert ("said", "Lind") in _cues(sentence)


def test_a_participle_phrase_after_a_comma_stays_out_of_the_source_before_its_cue() -> None:
    sentence = "The poll, released on Tuesday by the Harbor Ledger, showed that the levy is popular."
    assert ("showed", "The poll") in _cues(sentence)
