"""Cue-stage cases from the error study of news with gold attributions (sentences written for the tests)."""

from __future__ import annotations

import pytest

from provenance.extract import analyze
from provenance.extract.cues import find_attributions
from provenance.extract.segmentation import quotations, tokenize
from provenance.ingest import parse_article


def _cues(sentence: str, content: bool = False, headline: bool = False) -> list[tuple[object, ...]]:
    """Run the cue stage over one sentence: each attribution's cue and source (and content), as text."""
    quotes = quotations(sentence, 0, len(sentence))
    tokens = tokenize(sentence, 0, len(sentence), quotes)
    found: list[tuple[object, ...]] = []
    for raw in find_attributions(tokens, quotes, headline):
        cue = sentence[raw.cue[0] : raw.cue[1]] if raw.cue else None
        source = sentence[raw.source[0] : raw.source[1]] if raw.source else None
        parts = [sentence[start:end] for start, end in raw.content]
        found.append((cue, source, parts) if content else (cue, source))
    return found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Lund: We will win the county.", [(":", "Lund")]),
        ("The Latest: Lund wins the county vote.", []),
        ("Q: Why did you run for the council?", []),
        ("Contributing: Ada Moreau.", []),
        ("Lund: 46.", []),
        ("Fix Is In: Moderators Ignore The Audit.", []),
        ("He returned to a three-word proclamation: “County First!”", []),
        ("From the report: “In general, samples vary.”", [(":", "the report")]),
    ],
)  # fmt: skip
def test_a_line_label_before_a_colon_is_a_speaker_only_when_it_names_one(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert _cues(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Lund's rivals said the city should stand with the union, not declare neutrality.",
         [("said", "Lund's rivals")]),
        ("“We are ready,” writes Ada Moreau.", [("writes", "Ada Moreau")]),
    ],
)  # fmt: skip
def test_only_a_finite_verb_comes_before_its_source(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert _cues(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("On the Sunday morning shows, Lund said he was facing scrutiny.", [("said", "Lund")]),
        ("Tenant rights advocates said the ruling was critical.", [("said", "Tenant rights advocates")]),
        ("Tenant advocates argue the ruling was critical.", [("argue", "Tenant advocates")]),
        ("He makes phone calls to every member.", []),
        ("The campaign calls this a false narrative.", [("calls", "The campaign")]),
        ("Lund's aides do not want a recount.", [("do not want", "Lund's aides")]),
        ("Residents tended to support the levy.", [("tended to support", "Residents")]),
        ("The survey also finds that the levy is popular.", [("also finds", "The survey")]),
    ],
)  # fmt: skip
def test_a_cue_word_heading_a_noun_phrase_is_not_a_cue(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert _cues(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("“He stands for the workers,” Lund said, adding that Moreau is “the most trustworthy.”",
         [("said", "Lund", ["“He stands for the workers,”"]),
          ("adding", "Lund", ["that Moreau is “the most trustworthy.”"])]),
        ("The city will win, Lund said, adding, “They need to sit down.”",
         [("said", "Lund", ["The city will win"]), ("adding", "Lund", ["“They need to sit down.”"])]),
        ("“It is a question,” Clark said, noting he would back any of the other candidates.",
         [("said", "Clark", ["“It is a question,”"]),
          ("noting", "Clark", ["he would back any of the other candidates"])]),
        ("Lund described the move as a “major breach,” adding: “I am informing the members.”",
         [("described", "Lund", ["the move as a “major breach,”"]),
          ("adding", "Lund", ["“I am informing the members.”"])]),
        ("Lund spoke for an hour, mentioning that the audit was late.",
         [("mentioning", "Lund", ["that the audit was late"])]),
        ("A campaign official later walked back the comments, saying that Lund had no video in mind.",
         [("saying", "A campaign official", ["that Lund had no video in mind"])]),
    ],
)  # fmt: skip
def test_a_participle_after_the_main_clause_is_its_own_attribution_with_the_main_source(
    sentence: str, expected: list[tuple[str, str, list[str]]]
) -> None:
    assert _cues(sentence, content=True) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("He said he would offer a prayer for the nominee but did not suggest it would be Lund.",
         [("said", "He", ["he would offer a prayer for the nominee"]),
          ("did not suggest", "He", ["it would be Lund"])]),
        ("Lund said the vote was fair and not.", [("said", "Lund", ["the vote was fair and not"])]),
        ("Most tenants said Lund is honest, and three-quarters said the same of Moreau.",
         [("said", "Most tenants", ["Lund is honest"]), ("said", "three-quarters", ["the same of Moreau"])]),
        ("Lund praised Moreau, calling it “an incredible feat” - but he said the time is coming.",
         [("praised", "Lund", ["Moreau"]), ("calling", "Lund", ["it “an incredible feat”"]),
          ("said", "he", ["the time is coming"])]),
        ("It is not normal language, said Weaver, who said executives often fail to understand politics.",
         [("said", "Weaver", ["It is not normal language"]),
          ("said", "who", ["executives often fail to understand politics"])]),
        ("Lund said the plan is sound and Moreau says the plan will fail.",
         [("said", "Lund", ["the plan is sound"]), ("says", "Moreau", ["the plan will fail"])]),
        ("Ames said the audit is “ongoing.” He said the board has not commented on it.",
         [("said", "Ames", ["the audit is “ongoing.”"]),
          ("said", "He", ["the board has not commented on it"])]),
        ("“We are ready.” Lund said.", [("said", "Lund", ["“We are ready.”"])]),
        ("“Who do they think they are?” Lund said to a crowd of about 500.",
         [("said", "Lund", ["“Who do they think they are?”"])]),
        ("“Too late!” Moreau wrote in a letter to the council.",
         [("wrote", "Moreau", ["“Too late!”"])]),
        ("When the reporter asked Ames about it, the campaign manager said he needed to speak to her.",
         [("said", "the campaign manager", ["he needed to speak to her"]),
          ("asked", "the reporter", ["Ames about it"])]),
        ("Most voters say they like Lund, compared with 64 percent who say the same of Moreau.",
         [("say", "Most voters", ["they like Lund, compared with 64 percent"]),
          ("say", "who", ["the same of Moreau"])]),
        ("Four out of 10 said the economy favors the wealthy.",
         [("said", "Four out of 10", ["the economy favors the wealthy"])]),
        ("Lund said the plan is sound, and Mr. Moreau said it will fail.",
         [("said", "Lund", ["the plan is sound"]), ("said", "Mr. Moreau", ["it will fail"])]),
        ("Most tenants said rents were high, and more than 4 in 10 said Lund would fix them.",
         [("said", "Most tenants", ["rents were high"]),
          ("said", "more than 4 in 10", ["Lund would fix them"])]),
        ("Six in 10 said they were tired of it; 46 percent said they were unmoved.",
         [("said", "Six in 10", ["they were tired of it"]), ("said", "46 percent", ["they were unmoved"])]),
        ("Lund says the toll would help and experts say it would hurt.",
         [("says", "Lund", ["the toll would help"]), ("say", "experts", ["it would hurt"])]),
        ("Lund says the toll would help and the support he has will grow.",
         [("says", "Lund", ["the toll would help and the support he has will grow"])]),
    ],
)  # fmt: skip
def test_a_second_subject_with_its_own_cue_ends_the_first_content(
    sentence: str, expected: list[tuple[str, str, list[str]]]
) -> None:
    assert _cues(sentence, content=True) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("“I am focusing on my campaign,” she said, when asked whether Lund should campaign for her.",
         [("asked", None, ["whether Lund should campaign for her"]),
          ("said", "she", ["“I am focusing on my campaign,”"])]),
        ("When Lund was asked during a luncheon held by the Ledger if he would resign, he laughed.",
         [("was asked", None, ["if he would resign"])]),
        ("Asked a direct question about this in the debate, Lund said, “I do take responsibility.”",
         [("Asked", None, ["about this in the debate"]), ("said", "Lund", ["“I do take responsibility.”"])]),
        ("At a town hall, Lund was asked about securing the border.",
         [("was asked about", None, ["securing the border"])]),
        ("Asked by Moreau to respond to the criticism, Lund shrugged.",
         [("Asked", "Moreau", ["to respond to the criticism"])]),
        ("In a national CITY TODAY/Ledger Poll, likely voters backed the plan.",
         [("In", "a national CITY TODAY/Ledger Poll", ["likely voters backed the plan"])]),
        ("In a poll conducted by the Ledger and a radio station, most voters backed the plan.",
         [("In", "a poll conducted by the Ledger and a radio station", ["most voters backed the plan"])]),
    ],
)  # fmt: skip
def test_questions_put_to_a_subject_and_polls_opening_a_sentence(
    sentence: str, expected: list[tuple[str, str | None, list[str]]]
) -> None:
    assert _cues(sentence, content=True) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Lund continues to grow his lead.", []),
        ("Lund continued, “I am not finished.”", [("continued", "Lund", ["“I am not finished.”"])]),
        ("Lund continued to insist that the plan works.",
         [("continued to insist", "Lund", ["that the plan works"])]),
        ("They paid a company called Acme Analytics.", []),
        ("Lund found himself in an awkward position.", []),
        ("Lund shared the post and added his own comment.", []),
        ("Time, Mr. Lund added, was on their side.",
         [("added", "Mr. Lund", ["Time", "was on their side"])]),
        ("Candidates have found ways to make money.", []),
        ("The audit found that the books were wrong.",
         [("found", "The audit", ["that the books were wrong"])]),
        ("A spokesman called the plan “a disaster.”",
         [("called", "A spokesman", ["the plan “a disaster.”"])]),
        ("Lund hopes his new ad will give him a lift.",
         [("hopes", "Lund", ["his new ad will give him a lift"])]),
        ("The three judges agreed there are better candidates.",
         [("agreed", "The three judges", ["there are better candidates"])]),
        ("Lund agreed with the plan that would close the bridge.", []),
    ],
)  # fmt: skip
def test_verbs_that_are_cues_only_with_words_to_report(
    sentence: str, expected: list[tuple[str, str, list[str]]]
) -> None:
    assert _cues(sentence, content=True) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The shift in tone seemed so stark that it prompted an outcry.",
         [("seemed", None, ["The shift in tone", "so stark that it prompted an outcry"])]),
        ("It seems the council has too many members.",
         [("seems", None, ["the council has too many members"])]),
        ("So far, Lund does not seem to be relishing the fight.",
         [("does not seem", None, ["Lund", "to be relishing the fight"])]),
        ("Lund appeared on the morning show.", []),
        ("The board is reportedly making arrangements to interview Lund.",
         [("reportedly", None, ["The board is", "making arrangements to interview Lund"])]),
    ],
)  # fmt: skip
def test_an_impression_has_no_source_and_takes_the_subject_into_its_content(
    sentence: str, expected: list[tuple[str, None, list[str]]]
) -> None:
    assert _cues(sentence, content=True) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Her campaign workers here said they have been working the county.",
         [("said", "Her campaign workers", ["they have been working the county"])]),
        ("Lund joked that the city was his answer, but went on to say, “There are risky places.”",
         [("joked", "Lund", ["that the city was his answer"]),
          ("went on to say", "Lund", ["“There are risky places.”"])]),
        ("Lund interjected to say: “They have both been inconsistent.”",
         [("interjected to say", "Lund", ["“They have both been inconsistent.”"])]),
        ("She has since said that she attended because it would be fun.",
         [("has since said", "She", ["that she attended because it would be fun"])]),
        ("Lund declined to say whether he would run.",
         [("declined", "Lund", ["to say whether he would run"])]),
        ("At the time, Lund seemed to suggest he had silenced his rival.",
         [("seemed to suggest", "Lund", ["he had silenced his rival"])]),
    ],
)  # fmt: skip
def test_words_between_a_source_and_its_cue(
    sentence: str, expected: list[tuple[str, str, list[str]]]
) -> None:
    assert _cues(sentence, content=True) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("One banner read “Lund for council.”", [("read", "One banner", ["“Lund for council.”"])]),
        ("The mayor will respond to the audit in May.",
         [("will respond to", "The mayor", ["the audit in May"])]),
    ],
)  # fmt: skip
def test_a_cue_verb_rarely_used_as_a_noun_needs_no_plural_subject(
    sentence: str, expected: list[tuple[str, str, list[str]]]
) -> None:
    assert _cues(sentence, content=True) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Lund did not want to stay in the hospital.",
         [("did not want", "Lund", ["to stay in the hospital"])]),
        ("Lund would like to hold another rally.", [("would like", "Lund", ["to hold another rally"])]),
        ("The harbor board would see a cut of $200.", []),
        ("Lund has support among the dock workers.", []),
    ],
)  # fmt: skip
def test_a_noun_like_base_form_after_a_modal_or_do_and_before_a_clause_is_a_verb(
    sentence: str, expected: list[tuple[str, str, list[str]]]
) -> None:
    assert _cues(sentence, content=True) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Harbor Gazette studied the filings and found that most firms paid nothing.",
         [("found", "The Harbor Gazette")]),
        ("The Arizona Republican spent a year in prison and says the methods are cruel.",
         [("says", "The Arizona Republican")]),
    ],
)  # fmt: skip
def test_a_second_verb_after_and_takes_a_capitalised_subject_of_the_first(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert _cues(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Ms. Lund rejected the idea that the changes amounted to a purge.",
         [("rejected", "Ms. Lund", ["the idea that the changes amounted to a purge"])]),
        ("Other council members expressed cautious optimism over the weekend.",
         [("expressed", "Other council members", ["cautious optimism over the weekend"])]),
        ("Lund proposed a toll, but the council rejected it.", [("proposed", "Lund", ["a toll"])]),
        ("Lund proposed barring trucks.", [("proposed", "Lund", ["barring trucks"])]),
        ("The judge ordered the county to release the files.",
         [("ordered", "The judge", ["the county to release the files"])]),
        ("Its proposed sale was blocked.", []),
        ("Lund proposed the toll in May.", []),
        ("Two senators questioned the timing of the audit.",
         [("questioned", "Two senators", ["the timing of the audit"])]),
        ("Two aides offered contradictory accounts.", [("offered", "Two aides", ["contradictory accounts"])]),
        ("The mayor considered a new toll on the bridge.",
         [("considered", "The mayor", ["a new toll on the bridge"])]),
        ("Lund preferred a smaller levy.", [("preferred", "Lund", ["a smaller levy"])]),
        ("The two rivals discuss the levy in a new podcast.",
         [("discuss", "The two rivals", ["the levy in a new podcast"])]),
    ],
)  # fmt: skip
def test_a_stance_verb_takes_its_object_as_content(
    sentence: str, expected: list[tuple[str, str, list[str]]]
) -> None:
    assert _cues(sentence, content=True) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Lund said to reporters that the vote was fair.", [("said", "Lund")]),
        ("Lund wrote to the board that the vote was fair.", [("wrote", "Lund")]),
        ("Lund said on Twitter that the vote was fair.", [("said", "Lund")]),
        ("Lund said in a statement that the vote was fair.", [("said in a statement", "Lund")]),
        ("Lund has railed against the audit for months.", [("has railed against", "Lund")]),
        ("Lund made it clear that he would not resign.", [("made it clear", "Lund")]),
        ("Lund expressed concern that the vote was rigged.", [("expressed concern", "Lund")]),
        ("Moreau has made clear she will run.", [("has made clear", "Moreau")]),
        ("Lund balked at the idea of a recount.", [("balked at", "Lund")]),
        ("Lund took issue with the audit.", [("took issue with", "Lund")]),
        ("Moreau laid out a plan for the port.", [("laid out", "Moreau")]),
        ("Lund went after his rival over the levy.", [("went after", "Lund")]),
        ("Moreau is speaking out about the closure of the port.", [("is speaking out about", "Moreau")]),
        ("The mayor sounded a note of caution.", [("sounded", "The mayor")]),
        ("Lund encouraged voters to turn out.", [("encouraged", "Lund")]),
        ("She’s heralded plans to cut the levy.", [("’s heralded", "She")]),
        ("The mayor heralded the levy cut as a win for families.", [("heralded", "The mayor")]),
    ],
)  # fmt: skip
def test_what_follows_a_speech_verb_in_its_cue(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert _cues(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Lund was convinced that the levy would pass.", [("was convinced", "Lund")]),
        ("That is why she is so frustrated that the county cut the budget.", [("is so frustrated", "she")]),
        ("We are sure this is the only town for us.", [("are sure", "We")]),
        ("An angry crowd gathered outside the hall.", []),
        ("Lund is sure to win the county.", []),
    ],
)  # fmt: skip
def test_a_stance_adjective_after_be_is_a_cue_before_a_clause(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert _cues(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The levy has drawn harsh criticism from fellow council members.",
         [("has drawn harsh criticism", "fellow council members", ["The levy"])]),
        ("The vote was close, with Lund receiving more support from older voters.",
         [("receiving more support", "older voters", ["Lund"])]),
        ("Facing mounting criticism from the unions, Lund left the hall.", []),
    ],
)  # fmt: skip
def test_a_stance_received_from_a_party_is_that_party_s_about_the_subject(
    sentence: str, expected: list[tuple[object, ...]]
) -> None:
    assert _cues(sentence, content=True) == expected


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The mayor rebuked critics who say he should resign, saying the audit cleared him.", "The mayor"),
        ("Lund paid a builder that said it was owed more, saying the work was late.", "Lund"),
    ],
)  # fmt: skip
def test_a_participle_after_a_relative_clause_speaker_shares_the_main_subject(
    sentence: str, speaker: str
) -> None:
    assert ("saying", speaker) in _cues(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Moreau went on the radio to defend the levy.", [("went on the radio to defend", "Moreau")]),
        ("Lund took to Twitter overnight to defend the levy.",
         [("took to Twitter overnight to defend", "Lund")]),
        ("Lund went to Dover and to say the least it was cold.", []),
    ],
)  # fmt: skip
def test_a_verb_of_going_or_taking_a_platform_leads_a_cue_a_few_words_on(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert _cues(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("He is talking to voters about the port.", [("is talking", "He", ["about the port"])]),
        ("Lund came to talk to the board last week about the port.",
         [("came to talk", "Lund", ["about the port"])]),
    ],
)  # fmt: skip
def test_a_verb_of_talking_reports_what_it_is_about_past_its_listener(
    sentence: str, expected: list[tuple[object, ...]]
) -> None:
    assert _cues(sentence, content=True) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Lund has been steadily pounding the mayor as a “con artist” since May.",
         [("has been steadily pounding", "Lund")]),
        ("Lately, Moreau has gone after Lund as a “spoiled brat.”", [("has gone after", "Moreau")]),
        ("The vote came as “a shock” to Lund.", []),
    ],
)  # fmt: skip
def test_a_verb_that_casts_its_object_as_a_quotation_is_a_cue(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert _cues(sentence) == expected


def test_a_participle_after_an_issued_document_is_cued_from_the_issuing_verb() -> None:
    sentence = "Later, Lund's campaign released a statement saying it was postponing a rally."
    assert _cues(sentence, content=True) == [
        ("released a statement saying", "Lund's campaign", ["it was postponing a rally"])
    ]


def test_an_addressee_may_stand_between_an_issued_document_and_its_participle() -> None:
    sentence = "A group of parents sent a letter to the county school board urging it to reconsider."
    assert _cues(sentence, content=True) == [
        ("sent a letter to the county school board urging", "A group of parents", ["it to reconsider"])
    ]


def test_in_their_view_names_the_holder_of_the_view() -> None:
    sentence = "In their view, the council could lose the vote."
    assert _cues(sentence, content=True) == [("view", "their", ["the council could lose the vote"])]


def test_a_participle_in_a_with_phrase_has_that_phrase_as_source() -> None:
    sentence = "Lund has improved his standing, with 30 percent of voters saying they like him."
    assert _cues(sentence, content=True) == [("saying", "30 percent of voters", ["they like him"])]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("After suggesting on Monday that he regretted the insults, Mr. Lund only disagreed once.",
         [("suggesting", "Mr. Lund", ["that he regretted the insults"])]),
        ("While saying that he respects Moreau, he continued to express doubts about her.",
         [("saying", "he", ["that he respects Moreau"]),
          ("continued to express", "he", ["doubts about her"])]),
        ("After leaving, Lund said the vote was fair.", [("said", "Lund", ["the vote was fair"])]),
        ("Noting that the levy failed, Lund said he would try again.",
         [("Noting", "Lund", ["that the levy failed"]), ("said", "Lund", ["he would try again"])]),
        ("Speaking in Salem, Lund said the levy failed.", [("said", "Lund", ["the levy failed"])]),
        ("The young mayor drew a contrast, saying that the levy failed.",
         [("saying", "The young mayor", ["that the levy failed"])]),
        ("The old mayor began by thanking the crew, saying that the levy failed.",
         [("saying", "The old mayor", ["that the levy failed"])]),
        ("In May, his old aide drew a contrast, saying that the levy failed.",
         [("saying", "his old aide", ["that the levy failed"])]),
    ],
)  # fmt: skip
def test_a_participle_opening_the_sentence_has_the_main_subject_as_source(
    sentence: str, expected: list[tuple[str, str, list[str]]]
) -> None:
    assert _cues(sentence, content=True) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Kelly Ayotte drew a contrast with her rival, saying the plan would fail.",
         [("saying", "Kelly Ayotte")]),
        ("Holly Lind took the stage, saying the vote was rigged.", [("saying", "Holly Lind")]),
        ("Separately, the mayor took the stage, saying the vote was rigged.", [("saying", "the mayor")]),
    ],
)  # fmt: skip
def test_a_first_name_ending_like_an_adverb_is_the_subject_not_an_opening_phrase(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert _cues(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The new poll shows Lund with a lead.", [("shows", "The new poll")]),
        ("A new survey shows Lund with a wide lead.", [("shows", "A new survey")]),
        ("The firm makes phone calls every day.", []),
    ],
)  # fmt: skip
def test_a_document_named_with_an_adjective_is_the_subject_of_its_cue(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert _cues(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Lund is on track to win a majority of pledged delegates in May.", []),
        ("The clinic treated a large number of reported cases of flu.", []),
        ("Lund pledged to win a majority of the delegates.", [("pledged", "Lund")]),
    ],
)  # fmt: skip
def test_a_cue_word_after_of_is_an_adjective_not_a_verb(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert _cues(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The mayor spoke at the rally, echoing her rival's call for a levy.", [("echoing", "The mayor")]),
        ("Lund left the party early, fearing that the vote was lost.", [("fearing", "Lund")]),
        ("Moss went on the attack, portraying Lund as weak on crime.", [("portraying", "Moss")]),
        ("The crowd marched through the square, chanting that the levy must go.",
         [("chanting", "The crowd")]),
    ],
)  # fmt: skip
def test_the_participle_of_a_cue_verb_after_the_main_clause_is_a_cue(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert _cues(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Lund claims he's worth ten million dollars.", [("claims", "Lund")]),
        ("Moss claims it's the best levy in the state.", [("claims", "Moss")]),
    ],
)  # fmt: skip
def test_a_contracted_verb_opens_the_clause_of_a_verb_that_needs_one(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert _cues(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A friend referred to him as “the kindest man in the county.”", [("referred to", "A friend")]),
        ("She referred to the levy but was careful not to name it.", [("referred to", "She")]),
        ("The levy continues to grow.", []),
    ],
)  # fmt: skip
def test_a_verb_with_the_particle_to_takes_its_object_as_content(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert _cues(sentence) == expected


def test_a_time_phrase_after_the_main_subject_does_not_hide_it_from_a_participle_cue() -> None:
    sentence = "The campaign on Monday also doubled down on its attacks on the mayor, saying she is weak."
    assert _cues(sentence) == [("saying", "The campaign")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A new group called Farmers First held a rally in Salem.", []),
        ("A local band called “The Levies” played after the vote.", []),
        ("A spokesman called Lund “a reckless mayor.”", [("called", "A spokesman")]),
    ],
)  # fmt: skip
def test_a_thing_named_by_called_at_the_start_of_a_sentence_is_no_speaker(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert _cues(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The mayor said the bridge was safe, even though engineers had warned of cracks.",
         [("said", "The mayor", ["the bridge was safe, even though engineers had warned of cracks"])]),
        ("The mayor said the bridge was safe, but engineers warned of cracks.",
         [("said", "The mayor", ["the bridge was safe"])]),
        ("The bridge is safe, engineers said.", [("said", "engineers", ["The bridge is safe"])]),
    ],
)  # fmt: skip
def test_a_joined_clause_does_not_take_what_precedes_it_as_content(
    sentence: str, expected: list[tuple[str, str, list[str]]]
) -> None:
    assert _cues(sentence, content=True) == expected


def test_a_concession_after_a_statement_keeps_the_statement_attributed() -> None:
    text = "Bridge safe\n\nThe mayor said the bridge was safe, even though engineers had warned of cracks.\n"
    analysis = analyze(parse_article(text))
    cues = [
        attribution.cue.text
        for claim in analysis.claims
        for attribution in claim.attributions
        if attribution.cue
    ]
    assert cues == ["said"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Harbour Lawmakers Rip Mayor Lund As A ‘Reckless Gambler.’", [("Rip", "Harbour Lawmakers")]),
        ("County panel votes to hold port aide Ada Moreau in contempt.", [("votes", "County panel")]),
        ("Judge rejects Gazette request to unseal the harbour file.", [("rejects", "Judge")]),
        ("Moreau backs Lund for county treasurer.", [("backs", "Moreau")]),
        ("Councillor trashes ferry plan as a giveaway.", [("trashes", "Councillor")]),
        ("Lund swipes at Moreau over the ferry deal.", [("swipes at", "Lund")]),
        ("With a month to go, Lund still ducks on the audit.", [("still ducks", "Lund")]),
        ("Harbour Parents Rally To ‘Save Our Ferries.’", [("Rally", "Harbour Parents")]),
    ],
)  # fmt: skip
def test_a_headline_reports_a_stance_as_a_present_tense_verb_and_its_object(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert _cues(sentence, headline=True) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Lund not walking the walk on his ferry claims.",
        "Gazette Hit Piece Exploits Harbour Worker.",
    ],
)
def test_a_headline_noun_is_no_cue(sentence: str) -> None:
    assert _cues(sentence, headline=True) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Moreau backs Lund for county treasurer.",
        "The storm rips the roof off the ferry terminal.",
    ],
)
def test_a_body_sentence_keeps_needing_a_clause_or_a_speech_verb(sentence: str) -> None:
    assert _cues(sentence) == []


def test_the_first_line_of_a_plain_article_is_read_as_its_headline() -> None:
    text = (
        "Harbour Lawmakers Rip Mayor Lund Over Ferry Deal\n\n"
        "The council met on Tuesday. Moreau backs Lund for treasurer.\n"
    )
    sources = {source.span.text for source in analyze(parse_article(text)).sources}
    assert "Harbour Lawmakers" in sources
    assert "Moreau" not in sources


def test_a_lone_sentence_is_no_headline() -> None:
    sources = analyze(parse_article("Moreau backs Lund for county treasurer.\n")).sources
    assert sources == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "Under Mrs. Clinton's plan, taxpayers would pay…": the possessor of a plan opening the sentence.
        ("Under Mrs. Lund's plan, families would pay their ordinary rates.",
         [("plan", "Mrs. Lund's", ["families would pay their ordinary rates"])]),
        # "By Trump's own admission, …": a modifier between the possessor and its noun.
        ("By Lund's own admission, his returns are far thicker than the summary.",
         [("own admission", "Lund's", ["his returns are far thicker than the summary"])]),
        # "Mrs. Clinton's plan is intended to…" (a copula), "His promises to…" (beside another cue).
        ("Mrs. Lund's plan is to make sure that landlords pay more.",
         [("plan is", "Mrs. Lund's", ["to make sure that landlords pay more"])]),
        ("His promises to cut rents aside, experts said the budget was thin.",
         [("said", "experts"), ("promises", "His", ["to cut rents aside"])]),
        # "the campaign's statement": a described possessor.
        ("The campaign's criticism of the audit drew an angry reply.",
         [("criticism of", "The campaign's", ["the audit drew an angry reply"])]),
    ],
)  # fmt: skip
def test_a_possessor_speaks_through_its_noun_cue(sentence: str, expected: list[tuple[object, ...]]) -> None:
    found = _cues(sentence, content=True)
    assert [row if len(want) == 3 else row[:2] for row, want in zip(found, expected, strict=True)] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Lund's plan arrived late.",
        "Under the plan, families would pay less.",
        "Lund's husband promised to cut rents.",
    ],
)
def test_a_possessed_noun_without_content_or_no_cue_noun_is_no_attribution(sentence: str) -> None:
    assert all(source != "Lund's" for _, source in _cues(sentence))


def _voices(text: str) -> list[tuple[str, str | None, list[str]]]:
    """Each claim of an article's body: its text, the speaker its chain ends with, and its cues."""
    analysis = analyze(parse_article(text))
    found = []
    for claim in analysis.claims:
        speaker = claim.chain.hops[-1].nodes[0].name if len(claim.chain.hops) > 1 else None
        found.append((claim.text, speaker, [a.cue.text for a in claim.attributions if a.cue]))
    return found


@pytest.mark.parametrize(
    ("introduction", "cue", "speaker"),
    [
        # "Caddell continued:", "Limbaugh added:" before a quoted paragraph.
        ("Lund continued:", "continued:", "Ada Lund"),
        ("Lund added:", "added:", "Ada Lund"),
        # "The New York Times reports:" before the passage it reports.
        ("The Harbour Ledger reports:", "reports:", "Harbour Ledger"),
    ],
)
def test_a_sentence_ending_in_a_colon_introduces_the_next_paragraph(
    introduction: str, cue: str, speaker: str
) -> None:
    text = (
        "Rents rise\n\nAda Lund said rents were high.\n\n"
        f"{introduction}\n\n“The county is not for sale. It never was.”\n\nThe vote is on Monday.\n"
    )
    claims = _voices(text)
    assert claims[2][1:] == (speaker, [cue])
    assert [(claim_text, voice) for claim_text, voice, _ in claims[3:]] == [
        ('"The county is not for sale.', speaker),
        ('It never was."', speaker),
        ("The vote is on Monday.", None),
    ]


def test_a_colon_after_a_phrase_with_no_speech_verb_introduces_nothing() -> None:
    claims = _voices("Rents rise\n\nHere is the timeline:\n\nThe vote is on Monday.\n")
    assert [(voice, cues) for _, voice, cues in claims[1:]] == [(None, []), (None, [])]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Mayor Lund reaffirmed that the ferry would run all winter.", [("reaffirmed", "Mayor Lund")]),
        ("Councillor Moreau chided that the budget was late again.", [("chided", "Councillor Moreau")]),
        ("Ms. Moreau remembers that the bridge closed twice in 1998.", [("remembers", "Ms. Moreau")]),
        ("The harbour board downplayed the risk of flooding.", [("downplayed", "The harbour board")]),
        ("One trader surmised that the fish market would move inland.", [("surmised", "One trader")]),
        ("Lund opined that the council had lost its way.", [("opined", "Lund")]),
        ("The county forecasts that tolls will double by spring.", [("forecasts", "The county")]),
    ],
)  # fmt: skip
def test_less_common_reporting_verbs_are_cues(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert _cues(sentence) == expected


def test_a_quotation_closed_by_three_apostrophes_is_the_content_of_the_cue_after_it() -> None:
    assert _cues("''I would call it 'a detour,''' said Ida Lund.", content=True) == [
        ("said", "Ida Lund", ["''I would call it 'a detour,'''"])
    ]
