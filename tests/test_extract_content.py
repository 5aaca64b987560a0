"""Content spans of attributions, as PolNeAR bounds them (fictional sentences in its shapes)."""

from __future__ import annotations

from provenance import analyze, parse_article
from provenance.brat import attributions_of
from provenance.extract.segmentation import sentences


def _contents(text: str) -> list[list[str]]:
    """Each attribution's content fragments, in text order."""
    result = analyze(parse_article(text))
    return [
        [part.text for part in attribution.content]
        for claim in result.claims
        for attribution in claim.attributions
    ]


def test_a_quotation_after_the_cue_is_content_up_to_its_closing_mark() -> None:
    text = "“The dam held,” the engineer said. “We checked it twice. It will hold again.”\n"
    assert _contents(text) == [["“The dam held,”", "“We checked it twice. It will hold again.”"]]


def test_the_continued_quotation_goes_to_the_quoting_attribution_not_the_last_one() -> None:
    text = (
        "“The dam held,” the engineer said after officials declared the flood over. “We checked it twice.”\n"
    )
    contents = _contents(text)
    assert contents[0] == ["“The dam held,”", "“We checked it twice.”"]


def test_a_quotation_with_its_own_cue_is_not_continued() -> None:
    text = "“The dam held,” the engineer said. “We checked it. Twice,” she added.\n"
    assert _contents(text) == [["“The dam held,”"], ["“We checked it. Twice,”"]]


def test_a_participle_after_a_quotation_has_its_own_content() -> None:
    text = "“Prices are fair,” she said at the market, referring to the new tariffs. “They work.”\n"
    assert _contents(text) == [["“Prices are fair,”", "“They work.”"], ["the new tariffs"]]


def test_a_cue_with_an_addressee_inside_a_quotation_splits_the_content() -> None:
    text = "“Above all,” she told the committee, “we need more nurses.”\n"
    assert _contents(text) == [["“Above all,”", "“we need more nurses.”"]]


def test_a_partial_quotation_is_continued_by_the_next_quoted_sentence() -> None:
    text = "The levy is a “fair deal,” Moreau said. “It pays for the schools.”\n"
    assert _contents(text) == [["The levy is a “fair deal,”", "“It pays for the schools.”"]]


def test_a_comma_inside_a_closing_quotation_ends_the_content_before_a_participle() -> None:
    text = "The mayor said the plan was “a disaster,” adding that it would be scrapped.\n"
    assert _contents(text) == [["the plan was “a disaster,”"], ["that it would be scrapped"]]


def test_including_does_not_open_a_participle_clause() -> None:
    text = "The council said it would fund new parks, including two on the waterfront.\n"
    assert _contents(text) == [["it would fund new parks, including two on the waterfront"]]


def test_the_subject_of_seem_is_content_not_a_source() -> None:
    (attribution,) = attributions_of(analyze(parse_article("The new bridge does not seem to be safe.\n")))
    assert [span.text for span in attribution.cue] == ["does not seem"]
    assert attribution.source == []
    assert [span.text for span in attribution.content] == ["The new bridge", "to be safe"]


def test_a_participle_after_the_source_is_its_own_attribution() -> None:
    text = "“We will appeal,” the lawyer said, adding that the ruling was flawed.\n"
    assert _contents(text) == [["“We will appeal,”"], ["that the ruling was flawed"]]


def test_a_scene_setting_phrase_before_an_inserted_source_is_not_content() -> None:
    text = "In a statement, the club said, “We are delighted.”\n"
    assert _contents(text) == [["“We are delighted.”"]]


def test_the_listener_is_skipped_up_to_the_clause_that_follows() -> None:
    assert _contents("Lund told the radio station he would stay neutral.\n") == [["he would stay neutral"]]


def test_the_one_asked_to_act_is_part_of_the_request() -> None:
    assert _contents("The coach asked her players to stay calm.\n") == [["her players to stay calm"]]


def test_a_that_clause_after_a_noun_does_not_start_the_content() -> None:
    text = "The agency found little evidence that the drug works.\n"
    assert _contents(text) == [["little evidence that the drug works"]]


def test_a_that_clause_after_an_adverbial_starts_the_content() -> None:
    text = "The minister said in a radio interview that prices would fall.\n"
    assert _contents(text) == [["that prices would fall"]]


def test_a_that_clause_after_a_long_adverbial_starts_the_content() -> None:
    text = "The governor wrote in her 2009 memoir about the flood years that the levees were neglected.\n"
    assert _contents(text) == [["that the levees were neglected"]]


def test_but_not_continues_the_content() -> None:
    text = "The mayor said the bridge would reopen, but not before the spring.\n"
    assert _contents(text) == [["the bridge would reopen, but not before the spring"]]


def test_a_new_speaker_after_a_closing_quotation_ends_the_content() -> None:
    text = "Moreau said the levy was “a fair deal,” and he said the schools needed it.\n"
    assert _contents(text)[0] == ["the levy was “a fair deal,”"]


def test_an_adverbial_before_an_inserted_source_is_content_when_no_quotation_follows() -> None:
    text = "After the storm, the mayor said, the bridge has been repaired twice.\n"
    assert _contents(text) == [["After the storm", "the bridge has been repaired twice"]]


def test_a_relative_pronoun_before_the_source_opens_the_content() -> None:
    text = "The levy, which the mayor says will fund schools, passed easily.\n"
    assert _contents(text) == [["which", "will fund schools"]]


def test_a_relative_pronoun_after_a_preposition_is_not_content() -> None:
    text = "It was a debate in which the mayor said the levy was fair.\n"
    assert _contents(text) == [["the levy was fair"]]


def test_the_occasion_after_a_quotation_and_its_cue_is_not_content() -> None:
    text = "“We won,” the coach said, after a night of “pure chaos” in the stands.\n"
    assert _contents(text) == [["“We won,”"]]


def test_the_listener_after_to_is_not_content() -> None:
    text = "The minister reiterated to the committee that the budget was final.\n"
    assert _contents(text) == [["that the budget was final"]]


def test_the_listener_after_a_quotation_is_not_content_though_a_quoted_title_follows() -> None:
    text = "“The dam will hold,” Lund told the hosts of “Morning Tarn” on Monday.\n"
    assert _contents(text) == [["“The dam will hold,”"]]


def test_a_paragraph_that_is_all_quotation_continues_the_speaker_of_the_paragraph_before() -> None:
    text = "“We are ready,” the coach said.\n\n“The team trained all winter. We will win.”\n"
    assert _contents(text) == [["“We are ready,”", "“The team trained all winter. We will win.”"]]


def test_a_paragraph_quoted_in_another_style_is_not_the_speaker_s() -> None:
    text = '“We are ready,” the coach said.\n\n"Tickets for the final are sold out."\n'
    assert _contents(text) == [["“We are ready,”"]]


def test_what_a_quotation_was_said_of_is_not_content() -> None:
    assert _contents("“It was close,” she said of the vote that night.\n") == [["“It was close,”"]]


def test_the_rest_of_an_inverted_source_s_description_is_not_content() -> None:
    text = "“We are ready,” said Ada Moreau, a coach in Lyon, Fr., who trained the team.\n"
    assert _contents(text) == [["“We are ready,”"]]


def test_a_quotation_after_an_inverted_source_is_content() -> None:
    text = "“We are ready,” said Ada Moreau, “and we will win.”\n"
    assert _contents(text) == [["“We are ready,”", "“and we will win.”"]]


def test_a_second_verb_of_feeling_stays_in_the_content() -> None:
    text = "Lund said he was alarmed by the images and wanted to see the rally himself.\n"
    assert _contents(text) == [["he was alarmed by the images and wanted to see the rally himself"]]


def test_a_second_verb_of_saying_ends_the_content() -> None:
    text = "Lund said he was alarmed by the images and called for calm.\n"
    assert _contents(text)[0] == ["he was alarmed by the images"]


def test_a_relative_clause_set_off_by_a_comma_runs_to_its_end() -> None:
    assert _contents("The offer came from Perez, who said he expects a deal soon.\n") == [
        ["he expects a deal soon"]
    ]


def test_a_speaker_introducing_the_next_quotation_starts_a_sentence() -> None:
    text = "“We are tired.” Lund said: “The rules must change.”"
    assert [text[start:end] for start, end in sentences(text, 0, len(text))] == [
        "“We are tired.”",
        "Lund said: “The rules must change.”",
    ]


def test_a_partial_quotation_inside_the_object_does_not_start_the_content() -> None:
    assert _contents("Moreau accused Lund of a “flip-flop” on trade.\n") == [
        ["Lund of a “flip-flop” on trade"]
    ]


def test_a_coordinated_subject_inside_the_content_does_not_end_it() -> None:
    text = "Lund said that both he and Moreau promised to cut taxes.\n"
    assert _contents(text)[0] == ["that both he and Moreau promised to cut taxes"]


def test_and_a_new_speaker_ends_the_content() -> None:
    text = "Lund said the audit was fair and Moreau said it was not.\n"
    assert _contents(text)[0] == ["the audit was fair"]


def test_a_relative_pronoun_followed_by_an_adverbial_is_the_whole_content() -> None:
    text = "It was a law which Moreau denounced on Monday in the square.\n"
    assert _contents(text) == [["which"]]


def test_a_long_listener_is_skipped_up_to_its_that_clause() -> None:
    text = "Lund told the editors of the weekly paper in his home town on Saturday that he would run.\n"
    assert _contents(text) == [["that he would run"]]


def test_the_words_announcing_a_quotation_with_a_colon_are_not_content() -> None:
    assert _contents("Her verdict on the plan: “It works,” the mayor said.\n") == [["“It works,”"]]


def test_an_opening_conjunction_is_not_what_according_to_reports() -> None:
    text = "But the bridge will close for a month, according to the city engineers.\n"
    assert _contents(text) == [["the bridge will close for a month"]]


def test_a_weekday_after_a_sentence_final_cue_is_not_content() -> None:
    assert _contents("The plan will cost more, the council announced Friday.\n") == [
        ["The plan will cost more"]
    ]


def test_a_transcript_turn_runs_to_the_end_of_its_paragraph() -> None:
    text = "MOREAU: The levy is fair. It pays for the schools. Nobody loses.\n\nThe hall applauded.\n"
    assert _contents(text) == [["The levy is fair. It pays for the schools. Nobody loses"]]


def test_a_closing_which_clause_is_not_content() -> None:
    assert _contents("Moreau said she supported the levy, which passed in May.\n") == [
        ["she supported the levy"]
    ]


def test_a_which_clause_inside_a_quotation_stays_content() -> None:
    text = "Moreau said the levy was “a tax, which nobody wants.”\n"
    assert _contents(text) == [["the levy was “a tax, which nobody wants.”"]]


def test_the_as_that_introduces_a_final_source_is_not_content() -> None:
    assert _contents("The levy is fair, as Moreau points out.\n") == [["The levy is fair"]]


def test_a_closing_phrase_that_remarks_on_the_content_is_not_content() -> None:
    text = "Moreau vowed to repeal the parking levy, a rule that angered shop owners for years.\n"
    assert _contents(text) == [["to repeal the parking levy"]]


def test_a_closing_phrase_that_describes_a_name_stays_content() -> None:
    assert _contents("Moreau said she would back Ana Lund, the harbor mayor.\n") == [
        ["she would back Ana Lund, the harbor mayor"]
    ]


def test_the_preposition_joining_a_cue_to_its_object_is_not_content() -> None:
    assert _contents("Moreau boasted of her record on housing.\n") == [["her record on housing"]]


def test_at_least_after_a_cue_stays_content() -> None:
    assert _contents("Moreau reported at least six floods this year.\n") == [
        ["at least six floods this year"]
    ]


def test_what_before_the_source_is_the_subject_of_its_content() -> None:
    assert _contents("Parking is what Moreau says is the real problem.\n") == [
        ["what", "is the real problem"]
    ]


def test_the_content_after_an_inserted_source_may_open_with_its_verb() -> None:
    text = "Building the dam two years later, Moreau said, feels right after the floods.\n"
    assert _contents(text) == [["Building the dam two years later", "feels right after the floods"]]


def test_a_participle_after_an_inserted_source_keeps_its_own_content() -> None:
    text = "The dam is safe, Moreau said, adding that it was built in May.\n"
    assert _contents(text) == [["The dam is safe"], ["that it was built in May"]]


def test_a_closing_remark_after_a_dash_is_not_content() -> None:
    text = "Moreau said the council would repeal the levy — a rare defeat for the harbor lobby.\n"
    assert _contents(text) == [["the council would repeal the levy"]]


def test_a_content_inside_an_opening_subordinate_clause_ends_before_the_main_clause() -> None:
    assert _contents("When Moreau said the levy was fair, Lund left the room.\n") == [["the levy was fair"]]


def test_a_main_clause_after_an_adverbial_clause_in_the_content_stays_content() -> None:
    text = "Moreau said that when the dam broke last spring, the town was flooded for weeks.\n"
    assert _contents(text) == [["that when the dam broke last spring, the town was flooded for weeks"]]


def test_a_time_phrase_between_the_cue_and_its_that_clause_is_not_content() -> None:
    assert _contents("Moreau said this week that the levy was fair.\n") == [["that the levy was fair"]]


def test_a_time_phrase_that_is_the_subject_of_the_content_stays_content() -> None:
    assert _contents("Moreau said this week was the hardest of her term.\n") == [
        ["this week was the hardest of her term"]
    ]


def test_an_impression_ends_at_its_first_comma() -> None:
    text = "The mayor seemed to be winning, with new polls showing a wide lead.\n"
    assert _contents(text)[0] == ["The mayor", "to be winning"]


def test_an_expectation_ends_at_its_first_comma() -> None:
    text = "The council is expected to approve the levy, with a vote set for May.\n"
    assert _contents(text)[0] == ["The council", "to approve the levy"]


def test_about_before_an_amount_stays_content() -> None:
    assert _contents("The harbor office predicted about half of the vote.\n") == [["about half of the vote"]]


def test_a_quantified_subject_after_an_opening_clause_starts_the_main_clause() -> None:
    text = "When Moreau said the levy was unfair, some owners closed their shops.\n"
    assert _contents(text) == [["the levy was unfair"]]


def test_an_opening_even_as_clause_ends_the_content_at_its_comma() -> None:
    text = (
        "Even as Moreau has repeatedly said that she opposes the levy, her office continues to collect it.\n"
    )
    assert _contents(text) == [["that she opposes the levy"]]


def test_the_object_of_an_endorsement_ends_at_the_person_named() -> None:
    text = (
        "The farmers' union endorsed Ada Lund on Tuesday at its hall in Tarn.\n\n"
        "Most growers backed her by a wide margin.\n"
    )
    assert _contents(text) == [["Ada Lund"], ["her"]]


def test_the_object_of_an_endorsement_ends_where_its_occasion_starts() -> None:
    text = "The council endorsed the new ferry timetable after the storms of last winter.\n"
    assert _contents(text) == [["the new ferry timetable"]]


def test_a_word_that_only_looks_like_a_time_keeps_the_object_whole() -> None:
    text = "The council supported the last budget.\n\nLund backed the plan the board may revise.\n"
    assert _contents(text) == [["the last budget"], ["the plan the board may revise"]]


def test_a_verb_after_but_without_its_own_subject_continues_the_content() -> None:
    text = "The grower said she had sold the orchard, but couldn’t find the deed.\n"
    assert _contents(text) == [["she had sold the orchard, but couldn’t find the deed"]]


def test_the_object_of_a_cue_ends_where_its_source_does_something_else() -> None:
    text = (
        "Lund talked about the housing market and vowed to build more homes.\n\n"
        "Economists oppose the levy on fairness grounds; poorer tenants pay a greater share.\n"
    )
    assert _contents(text) == [
        ["the housing market"],
        ["to build more homes"],
        ["the levy on fairness grounds"],
    ]


def test_a_clause_after_a_cue_keeps_its_second_verb() -> None:
    text = "Lund said he left on good terms but was tired of the job.\n"
    assert _contents(text) == [["he left on good terms but was tired of the job"]]


def test_an_endorsement_in_a_relative_clause_ends_at_the_person_named() -> None:
    text = "Ada Moreau, who endorsed Lund on Tuesday at the hall, will chair the meeting.\n"
    assert _contents(text) == [["Lund"]]


def test_every_sentence_of_a_quotation_opened_after_the_cue_keeps_the_speaker() -> None:
    text = "Ada Moreau said on Monday, “The dam held. We checked it twice. It will hold again.”\n"
    claims = analyze(parse_article(text)).claims
    assert [claim.chain.render() for claim in claims] == ["(unknown publisher) → Ada Moreau"] * 3
    assert not any(claim.chain.inherited for claim in claims)


def test_a_sentence_after_the_quotation_closes_is_not_the_speaker_s() -> None:
    text = "Ada Moreau said, “The dam held. We checked it.” The river fell on Tuesday.\n"
    claims = analyze(parse_article(text)).claims
    assert [claim.chain.inherited for claim in claims] == [False, False, True]


def test_an_opening_clause_ends_at_a_comma_inside_its_closing_quotation_mark() -> None:
    text = "Though Lund pointed out that the plan is “a tax by another name,” the council passed it.\n"
    assert _contents(text) == [["that the plan is “a tax by another name,”"]]


def test_a_clause_fronted_inside_a_that_clause_belongs_to_the_content_with_its_cue() -> None:
    text = "The mayor went on to say that, because the audit found errors, the levy was unfair.\n"
    assert _contents(text) == [["that, because the audit found errors, the levy was unfair"]]


def test_a_fronted_contrast_inside_a_that_clause_does_not_end_the_content() -> None:
    text = "Lund noted that, contrary to the claims in court, he saw Ames at the dam.\n"
    assert _contents(text) == [["that, contrary to the claims in court, he saw Ames at the dam"]]


def test_a_linking_word_before_an_inserted_cue_is_part_of_the_content() -> None:
    text = "But, the ranger said, the trail will reopen in spring.\n"
    assert _contents(text) == [["But", "the trail will reopen in spring"]]


def test_the_content_starts_at_the_subject_after_a_time_adverbial() -> None:
    text = "The ranger said on Friday she found the lost hikers near the ridge.\n"
    assert _contents(text) == [["she found the lost hikers near the ridge"]]


def test_a_quotation_after_a_short_lead_in_continues_the_speakers_content() -> None:
    text = "“The dam held,” the engineer said. But “the spillway needs work.”\n"
    assert _contents(text) == [["“The dam held,”", "But “the spillway needs work.”"]]


def test_a_quotation_introduced_by_a_colon_does_not_continue_the_speakers_content() -> None:
    text = "“The dam held,” the engineer said. Then the mayor shrugged: “We will see.”\n"
    assert _contents(text)[0] == ["“The dam held,”"]


def test_during_opens_an_adverbial_before_the_clause_not_the_clause() -> None:
    text = "The ranger said during the debate that the trail was closed.\n"
    assert _contents(text) == [["that the trail was closed"]]


def test_a_rule_of_underscores_closing_the_sentence_is_not_content() -> None:
    text = "The ranger said the trail was closed until spring. ___\n"
    assert _contents(text) == [["the trail was closed until spring"]]


def test_a_programme_title_quoted_after_the_listener_is_not_content() -> None:
    text = "The ranger told KQED’s “Morning Shift” on Friday that the trail was closed.\n"
    assert _contents(text) == [["that the trail was closed"]]


def test_a_programme_title_quoted_in_an_adverbial_is_not_content() -> None:
    text = "The ranger said on WXPR’s “Trail Talk” that the trail was closed.\n"
    assert _contents(text) == [["that the trail was closed"]]


def test_a_how_clause_after_a_long_listener_starts_the_content() -> None:
    text = "The mayor told volunteers gathered at the county fairground on Friday how the levy would pass.\n"
    assert _contents(text) == [["how the levy would pass"]]
