"""Unit tests for the extraction stages: cues, sources, coreference, hedges and chains."""

from __future__ import annotations

import pytest

from provenance import analyze, parse_article
from provenance.brat import attributions_of
from provenance.extract.chains import ChainBuilder, cited_parties
from provenance.extract.coreference import MentionDraft, resolve
from provenance.extract.cues import find_attributions
from provenance.extract.describe import coordinated, describe
from provenance.extract.hedges import find_hedges
from provenance.extract.segmentation import quotations, tokenize
from provenance.models import Anonymity, ChainNode, CueKind, HedgeKind, HopRole, SourceType


def _attributions(sentence: str) -> list[tuple[str | None, str | None, list[str], CueKind]]:
    """Run the cue stage over one sentence, as PolNeAR would annotate it."""
    quotes = quotations(sentence, 0, len(sentence))
    tokens = tokenize(sentence, 0, len(sentence), quotes)
    return [
        (
            sentence[raw.cue[0] : raw.cue[1]] if raw.cue else None,
            sentence[raw.source[0] : raw.source[1]] if raw.source else None,
            [sentence[start:end] for start, end in raw.content],
            raw.kind,
        )
        for raw in find_attributions(tokens, quotes)
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The minister said on Tuesday that prices would fall.",
         [("said", "The minister", ["that prices would fall"], CueKind.STATEMENT)]),
        ("Prices will fall, according to the central bank.",
         [("according to", "the central bank", ["Prices will fall"], CueKind.ACCORDING_TO)]),
        ("“We are ready,” said Sen. Ada Moreau, a Democrat.",
         [("said", "Sen. Ada Moreau, a Democrat", ["“We are ready,”"], CueKind.STATEMENT)]),
        ("The plan, she said, is to start in May.",
         [("said", "she", ["The plan", "is to start in May"], CueKind.STATEMENT)]),
        ("Mr. Lund has repeatedly said the bridge is safe.",
         [("has repeatedly said", "Mr. Lund", ["the bridge is safe"], CueKind.STATEMENT)]),
        ("Analysts believe rates will rise.", [("believe", "Analysts", ["rates will rise"], CueKind.BELIEF)]),
        ("He told reporters that the vote was fair.",
         [("told", "He", ["that the vote was fair"], CueKind.STATEMENT)]),
        ("The mayor called for calm, saying the fire was out.",
         [("called for", "The mayor", ["calm"], CueKind.STATEMENT),
          ("saying", "The mayor", ["the fire was out"], CueKind.STATEMENT)]),
        ("Polls show the race is tight.", [("show", "Polls", ["the race is tight"], CueKind.REPORT)]),
        ("Critics attacked his claim that the audit was fair.",
         [("attacked", "Critics", ["his claim that the audit was fair"], CueKind.STATEMENT)]),
        ("Nobody believed her claim that the audit was fair.",
         [("believed", "Nobody", ["her claim that the audit was fair"], CueKind.BELIEF)]),
        ("Critics focused on Trump’s claim that the audit was rigged.",
         [("claim", "Trump’s", ["that the audit was rigged"], CueKind.STATEMENT)]),
        ("The bank is widely expected to raise rates.",
         [("is widely expected", None, ["The bank", "to raise rates"], CueKind.BELIEF)]),
        ("Rubio: I still believe the plan works.",
         [(":", "Rubio", ["I still believe the plan works"], CueKind.STATEMENT)]),
        ("Asked whether he would run, Lund said he was undecided.",
         [("Asked", None, ["whether he would run"], CueKind.STATEMENT),
          ("said", "Lund", ["he was undecided"], CueKind.STATEMENT)]),
        ("“We are ready.” Lund said.", [("said", "Lund", ["“We are ready.”"], CueKind.STATEMENT)]),
        ("The report card was mixed.", []),
        ("The said shipment never arrived.", []),
        ("Support for the plan fell in the United States.", []),
        ("Macron proposed the idea in February.", []),
    ],
)  # fmt: skip
def test_cues_sources_and_content(sentence: str, expected: list[tuple[str, str, list[str], CueKind]]) -> None:
    assert _attributions(sentence) == expected


@pytest.mark.parametrize(
    ("phrase", "kind", "name", "count", "anonymity", "role", "affiliation"),
    [
        ("Reuters", SourceType.WIRE_AGENCY, "Reuters", 1, Anonymity.NAMED, None, None),
        ("the Associated Press", SourceType.WIRE_AGENCY, "Associated Press", 1, Anonymity.NAMED, None, None),
        ("The Washington Post", SourceType.OUTLET, "Washington Post", 1, Anonymity.NAMED, None, None),
        ("German Chancellor Olaf Scholz", SourceType.NAMED_PERSON, "Olaf Scholz", 1, Anonymity.NAMED,
         "Chancellor", "German"),
        ("the ministry", SourceType.NAMED_ORGANISATION, "ministry", 1, Anonymity.NAMED, None, None),
        ("a draft seen by Reuters", SourceType.DOCUMENT, "a draft seen by Reuters", 1, Anonymity.NAMED, None,
         None),
        ("five European diplomats", SourceType.ANONYMOUS_GROUP, "five European diplomats", 5,
         Anonymity.SPECIFIC, "diplomats", "European"),
        ("sources familiar with the issue", SourceType.ANONYMOUS_GROUP, "sources familiar with the issue",
         None, Anonymity.VAGUE, None, None),
        ("a person involved with the conversations", SourceType.ANONYMOUS_INDIVIDUAL,
         "a person involved with the conversations", 1, Anonymity.VAGUE, None, None),
        ("Nine in 10 registered voters", SourceType.ANONYMOUS_GROUP, "Nine in 10 registered voters", None,
         Anonymity.SPECIFIC, "registered voters", None),
        ("Most of them", SourceType.ANONYMOUS_GROUP, "Most of them", None, Anonymity.VAGUE, None, None),
        ("42%", SourceType.ANONYMOUS_GROUP, "42%", None, Anonymity.VAGUE, None, None),
        ("Another", SourceType.ANONYMOUS_INDIVIDUAL, "Another", 1, Anonymity.VAGUE, None, None),
        ("two of the diplomats", SourceType.ANONYMOUS_GROUP, "two of the diplomats", 2, Anonymity.SPECIFIC,
         "diplomats", None),
        ("She and her aides", SourceType.ANONYMOUS_GROUP, "She and her aides", None, Anonymity.SPECIFIC,
         "aides", None),
        ("Sen. Ada Moreau (D-Vt.), a member of the panel", SourceType.NAMED_PERSON, "Ada Moreau", 1,
         Anonymity.NAMED, "member", None),
        ("Jane Roe — a teacher from Dover", SourceType.NAMED_PERSON, "Jane Roe", 1, Anonymity.NAMED,
         "teacher", None),
        ("The mayor’s chief aide, Jo Lee, a lawyer", SourceType.NAMED_PERSON, "Jo Lee", 1, Anonymity.NAMED,
         "mayor’s chief aide", None),
        ("About four in 10", SourceType.ANONYMOUS_GROUP, "About four in 10", None, Anonymity.VAGUE, None,
         None),
        ("no candidate", SourceType.ANONYMOUS_INDIVIDUAL, "no candidate", 1, Anonymity.SPECIFIC, "candidate",
         None),
    ],
)  # fmt: skip
def test_source_types(
    phrase: str,
    kind: SourceType,
    name: str,
    count: int | None,
    anonymity: Anonymity,
    role: str | None,
    affiliation: str | None,
) -> None:
    found = describe(phrase)
    assert (found.type, found.name, found.count, found.anonymity) == (kind, name, count, anonymity)
    assert (found.role, found.affiliation) == (role, affiliation)


def test_coreference_links_back_references_to_compatible_mentions() -> None:
    phrases = [
        "a senior official",
        "two diplomats",
        "the official",
        "they",
        "he",
        "Mayor Ilse Varga",
        "Varga",
    ]
    drafts = []
    position = 0
    for phrase in phrases:
        drafts.append(MentionDraft(position, position + len(phrase), phrase, describe(phrase)))
        position += len(phrase) + 100
    resolve(drafts)
    links = {
        draft.text: drafts[draft.refers_to].text if draft.refers_to is not None else None for draft in drafts
    }
    assert links == {
        "a senior official": None,
        "two diplomats": None,
        "the official": "a senior official",
        "they": "two diplomats",
        "he": "the official",
        "Varga": "Mayor Ilse Varga",
        "Mayor Ilse Varga": None,
    }


def test_a_relative_pronoun_refers_to_the_mention_right_before_it() -> None:
    text = (
        "Ada Moreau, who said last week that she would run, added that the union was ready. "
        "The council, which has said the plan fails, voted no."
    )
    result = analyze(parse_article(text, "relative.txt"))
    links = {
        mention.span.start: (
            mention.span.text,
            result.source(mention.refers_to).span.text if mention.refers_to else None,
        )
        for mention in result.sources
    }
    assert links[12] == ("who", "Ada Moreau")
    assert links[text.index("which")] == ("which", None)


def test_hedges_by_kind() -> None:
    text = "The ministry may be considering a prospective deal, but there are no definite plans."
    tokens = tokenize(text, 0, len(text), [])
    found = [(hedge.span.text, hedge.kind) for hedge in find_hedges(text, tokens, 0, len(text))]
    assert found == [
        ("may", HedgeKind.MODAL),
        ("considering", HedgeKind.TENTATIVE),
        ("prospective", HedgeKind.TENTATIVE),
        ("no definite", HedgeKind.NEGATED_CERTAINTY),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The port closed in May and may reopen soon.",
        "Talks have stalled since May, and a deal may follow.",
        "May 5 was the deadline, officials said, so the vote may slip.",
        "The vote, held early May, may be repeated.",
        "The minister said on Tuesday that May was the month, and the vote may slip.",
    ],
)
def test_month_may_is_not_a_hedge(text: str) -> None:
    tokens = tokenize(text, 0, len(text), [])
    found = [(hedge.span.text, hedge.kind) for hedge in find_hedges(text, tokens, 0, len(text))]
    assert found == [("may", HedgeKind.MODAL)]


def test_modal_may_opening_a_sentence_is_a_hedge() -> None:
    text = "May the talks resume, officials said."
    tokens = tokenize(text, 0, len(text), [])
    found = [(hedge.span.text, hedge.kind) for hedge in find_hedges(text, tokens, 0, len(text))]
    assert found == [("May", HedgeKind.MODAL)]


def test_source_line_parties_and_chains() -> None:
    article = parse_article(
        "date 2025-01-02 Headline here\n\nSource: Daily Ledger, citing AFP and a government memo\n\n"
        "Details: The port reopened.\n"
    )
    parties = [article.text[start:end] for start, end in cited_parties(article)]
    assert parties == ["AFP", "a government memo"]
    nodes = [
        ChainNode(name="AFP", type=SourceType.WIRE_AGENCY),
        ChainNode(name="memo", type=SourceType.DOCUMENT),
    ]
    builder = ChainBuilder(article, nodes)
    assert builder.outlet.render() == "Daily Ledger → AFP / memo"
    assert builder.inherited(covered=True).inherited
    assert builder.inherited(covered=False).render() == "Daily Ledger"
    official = ChainNode(name="an aide", type=SourceType.ANONYMOUS_INDIVIDUAL)
    chain = builder.attributed([[official]], covered=True)
    assert chain.render() == "Daily Ledger → AFP → an aide"
    assert [hop.role for hop in chain.hops] == [HopRole.PUBLISHER, HopRole.RELAY, HopRole.SOURCE]


def test_multi_sentence_quotation_is_one_content() -> None:
    result = analyze(parse_article("“We lost. We learned,” the coach said. “Next week we win.”\n"))
    claims = result.claims
    assert [claim.chain.inherited for claim in claims] == [False, False, False]
    (attribution,) = claims[1].attributions
    assert [part.text for part in attribution.content] == ["“We lost. We learned,”", "“Next week we win.”"]


def test_coordinated_sources_are_two_attributions_on_one_cue() -> None:
    article = parse_article(
        "Finance Minister Anna Berg and Interior Minister Jonas Lind said the budget would pass.\n"
    )
    result = analyze(article)
    (claim,) = result.claims
    by_id = {mention.id: mention for mention in result.sources}
    speakers = [by_id[attribution.source_id] for attribution in claim.attributions if attribution.source_id]
    assert [(mention.name, mention.role, mention.type) for mention in speakers] == [
        ("Anna Berg", "Finance Minister", SourceType.NAMED_PERSON),
        ("Jonas Lind", "Interior Minister", SourceType.NAMED_PERSON),
    ]
    first, second = claim.attributions
    assert first.cue == second.cue
    assert first.content == second.content
    assert claim.chain.render() == "(unknown publisher) → Anna Berg / Jonas Lind"
    assert [node.source_id for node in claim.chain.hops[-1].nodes] == [first.source_id, second.source_id]


def test_coordinated_sources_export_as_one_brat_source() -> None:
    text = "Finance Minister Anna Berg and Interior Minister Jonas Lind said the budget would pass.\n"
    (exported,) = attributions_of(analyze(parse_article(text)))
    assert [source.text for source in exported.source] == [
        "Finance Minister Anna Berg and Interior Minister Jonas Lind"
    ]


@pytest.mark.parametrize(
    "phrase", ["Smith and Wesson", "officials and diplomats", "Republicans and Democrats"]
)
def test_a_conjunction_inside_a_name_or_group_stays_one_source(phrase: str) -> None:
    assert coordinated(phrase, 0, len(phrase)) == [(0, len(phrase))]


def test_the_agency_refers_to_the_wire_agency_before_it() -> None:
    result = analyze(
        parse_article("Reuters reported the talks had stalled. The agency said a deal was unlikely.\n")
    )
    reuters, agency = result.sources
    assert (reuters.name, reuters.type) == ("Reuters", SourceType.WIRE_AGENCY)
    assert agency.refers_to == reuters.id
    assert agency.type is SourceType.WIRE_AGENCY
    assert result.claims[1].chain.render().endswith("Reuters")


def test_a_bare_descriptor_is_not_a_named_organisation() -> None:
    description = describe("the agency")
    assert description.type is not SourceType.NAMED_ORGANISATION
    assert description.name != "agency"


def test_the_ministry_refers_to_a_named_ministry_only() -> None:
    result = analyze(
        parse_article(
            "The Defence Ministry said the drills were routine. The Kremlin said talks would go on. "
            "The ministry said no drones had crossed.\n"
        )
    )
    ministry, _kremlin, descriptor = result.sources
    assert descriptor.refers_to == ministry.id


@pytest.mark.parametrize(
    ("sentence", "chain"),
    [
        ("Officials told Reuters that the port would reopen.", "Harbour Gazette → Reuters → Officials"),
        (
            "The mayor said in an interview with the BBC that the port would reopen.",
            "Harbour Gazette → BBC → The mayor",
        ),
        ("Officials told reporters that the port would reopen.", "Harbour Gazette → Officials"),
    ],
)
def test_the_outlet_a_source_spoke_to_is_a_relay_hop(sentence: str, chain: str) -> None:
    text = f"---\ntitle: Port\noutlet: Harbour Gazette\n---\n\n{sentence}\n"
    (claim,) = [claim for claim in analyze(parse_article(text)).claims if claim.attributions]
    assert claim.chain.render() == chain


@pytest.mark.parametrize(
    ("phrase", "role"),
    [
        ("Dr Amara Lewis, a toxicologist at the university", "toxicologist"),
        ("Dr Amara Lewis", None),
        ("Finance Minister Anna Berg", "Finance Minister"),
        ("Officials", "officials"),
    ],
)
def test_role_is_the_appositive_or_head_noun_never_a_title(phrase: str, role: str | None) -> None:
    assert describe(phrase).role == role


@pytest.mark.parametrize(
    ("sentence", "cue", "source", "content"),
    [
        ("Ada Moreau, who said last week that she would run, added that the union was ready.",
         "added", "Ada Moreau", ["that the union was ready"]),
        ("“We are ready,” said Ada Moreau, who told reporters last week that she would run.",
         "said", "Ada Moreau", ["“We are ready,”"]),
        ("“We are ready,” said Ada Moreau, a nurse who has led the union since May.",
         "said", "Ada Moreau, a nurse who has led the union since May", ["“We are ready,”"]),
        ("Prices rose in May, according to the central bank, but wages did not.",
         "according to", "the central bank", ["Prices rose in May"]),
        ("Over the year, according to the budget office, the deficit will grow.",
         "according to", "the budget office", ["Over the year", "the deficit will grow"]),
        ("Nine in 10 registered voters say the tax is unfair.",
         "say", "Nine in 10 registered voters", ["the tax is unfair"]),
        ("A Harbor/Lake poll shows the race is tight.", "shows", "A Harbor/Lake poll", ["the race is tight"]),
        ("She and another reporter said the guard pushed them.",
         "said", "She and another reporter", ["the guard pushed them"]),
        ("A person familiar with the talks said the deal was close.",
         "said", "A person familiar with the talks", ["the deal was close"]),
        ("A survey by the Civic Institute found that most voters were undecided.",
         "found", "A survey by the Civic Institute", ["that most voters were undecided"]),
        ("Many of their delegates said they would abstain.",
         "said", "Many of their delegates", ["they would abstain"]),
        ("At least four senators said they would vote no.",
         "said", "At least four senators", ["they would vote no"]),
        ("Union members and leaders say the contract is fair.",
         "say", "Union members and leaders", ["the contract is fair"]),
        ("These supporters say the plan works.", "say", "These supporters", ["the plan works"]),
        ("Sen. Ada Moreau (D-Vt.), a member of the panel, said the bill would pass.",
         "said", "Sen. Ada Moreau (D-Vt.), a member of the panel", ["the bill would pass"]),
        ("Several unions, including the nurses, say the plan is unfair.",
         "say", "Several unions, including the nurses", ["the plan is unfair"]),
        ("She and her aides argue that the rules are unfair.",
         "argue", "She and her aides", ["that the rules are unfair"]),
        ("Moreau and his lawyers have said the company would reopen.",
         "have said", "Moreau and his lawyers", ["the company would reopen"]),
        ("In interviews, three current and former officials said the inquiry was closed.",
         "said", "three current and former officials", ["the inquiry was closed"]),
        ("Speaking in Salem, Ohio, Moreau went after the mayor, calling him “a total stiff.”",
         "calling", "Moreau", ["him “a total stiff.”"]),
        ("OSLO (Reuters) – The minister unveiled a budget, saying it would cut costs.",
         "saying", "The minister", ["it would cut costs"]),
        ("“We are ready,” said Iman Reyes, a clerk in Tampa, Fla., who gave the campaign $1,200.",
         "said", "Iman Reyes, a clerk in Tampa, Fla., who gave the campaign $1,200", ["“We are ready,”"]),
        ("“We are ready,” said Sen. Ada Moreau (D-Conn.), who sponsored the act.",
         "said", "Sen. Ada Moreau (D-Conn.), who sponsored the act", ["“We are ready,”"]),
        ("Dean Ortiz, a salesman from Sumter, South Carolina, says the plan works.",
         "says", "Dean Ortiz, a salesman from Sumter, South Carolina", ["the plan works"]),
        ("Nora Pike, chief executive of Harbor Works, a shipping firm, said the port would reopen.",
         "said", "Nora Pike, chief executive of Harbor Works, a shipping firm", ["the port would reopen"]),
        ("A USA TODAY/Harbor poll found that most voters were undecided.",
         "found", "A USA TODAY/Harbor poll", ["that most voters were undecided"]),
        ("A Harbor poll in June found that most voters were undecided.",
         "found", "A Harbor poll in June", ["that most voters were undecided"]),
        ("The League of Voters, whose political arm has endorsed Moreau, said the vote was close.",
         "has endorsed", "whose political arm", ["Moreau"]),
        ("Presidential candidates like Ada Moreau and Ben Lind are vowing to cut taxes.",
         "are vowing", "Presidential candidates like Ada Moreau and Ben Lind", ["to cut taxes"]),
        ("A USA TODAY analysis shows that most donors were local.",
         "shows", "A USA TODAY analysis", ["that most donors were local"]),
        ("Moreau has been criticized by some of her rivals for failing to act.",
         "has been criticized", "some of her rivals", ["Moreau", "for failing to act"]),
        ("Lind was asked by host Ana Reyes whether he would run.",
         "was asked", "host Ana Reyes", ["whether he would run"]),
        ("The bill, opposed by House Republicans, never became law.",
         "opposed", "House Republicans", ["The bill"]),
        ("Mr. Lind said by telephone that he was ready.",
         "said by telephone", "Mr. Lind", ["that he was ready"]),
        ("“Prices will rise,” said the Harbor Institute, which tracks shipping costs.",
         "said", "the Harbor Institute", ["“Prices will rise,”"]),
        ("Iman Reyes, a clerk from Ava, Mo., who works nights, said the store was closed.",
         "said", "Iman Reyes, a clerk from Ava, Mo., who works nights", ["the store was closed"]),
        ("Nina Cole, a nurse from Jackson, Miss., attending the rally, said she was undecided.",
         "said", "Nina Cole, a nurse from Jackson, Miss., attending the rally", ["she was undecided"]),
        ("Mr. Lind, speaking in Ohio, said the plan works.", "said", "Mr. Lind", ["the plan works"]),
        ("The plan appears to be working.", "appears", None, ["The plan", "to be working"]),
        ("Mr. Lind does not seem to mind the delay.",
         "does not seem", None, ["Mr. Lind", "to mind the delay"]),
        ("He appeared to suggest that the vote was rigged.",
         "appeared to suggest", "He", ["that the vote was rigged"]),
        ("He left his job, a source close to him said.",
         "said", "a source close to him", ["He left his job"]),
        ("On taxes, 42% say they want cuts.", "say", "42%", ["they want cuts"]),
        ("Another says the race is tied.", "says", "Another", ["the race is tied"]),
        ("Jane Roe — a teacher from Dover — says the plan works.",
         "says", "Jane Roe — a teacher from Dover", ["the plan works"]),
        ("Most of them said they had voted.", "said", "Most of them", ["they had voted"]),
        ("The first poll found that the race was tied.",
         "found", "The first poll", ["that the race was tied"]),
        ("Some of the same delegates said they would abstain.",
         "said", "Some of the same delegates", ["they would abstain"]),
        ("He’s claiming the vote was rigged.", "’s claiming", "He", ["the vote was rigged"]),
        ("I’ve said the plan works.", "’ve said", "I", ["the plan works"]),
        ("Mr. Lind’s aide said the plan works.", "said", "Mr. Lind’s aide", ["the plan works"]),
        ("A poll conducted last week found that the race was tied.",
         "found", "A poll conducted last week", ["that the race was tied"]),
        ("The mayor on Tuesday said the plan works.", "said", "The mayor", ["the plan works"]),
        ("Party spokesman Tom Hale on Thursday evening said the vote was fair.",
         "said", "Party spokesman Tom Hale", ["the vote was fair"]),
        ("The ministry less than two weeks ago said that the files were secret.",
         "said", "The ministry", ["that the files were secret"]),
        ("The veterans' league has twice complained that the logo was misused.",
         "has twice complained", "The veterans' league", ["that the logo was misused"]),
        ("The campaign and some outside experts have said the emails were hacked.",
         "have said", "The campaign and some outside experts", ["the emails were hacked"]),
        ("Even the organizer of a pro-Lind rally said the rules were unfair.",
         "said", "the organizer of a pro-Lind rally", ["the rules were unfair"]),
        ("Jo Lee, acting director of the Harbor Fund, said the plan works.",
         "said", "Jo Lee, acting director of the Harbor Fund", ["the plan works"]),
        ("“It works,” said Ken Sena, managing director at Evercore.",
         "said", "Ken Sena, managing director at Evercore", ["“It works,”"]),
        ("The bank has been criticized by many investors for not raising rates.",
         "has been criticized", "many investors", ["The bank", "for not raising rates"]),
        ("Harbor campaign spokesman Jo Lee went on television, calling the report “a smear.”",
         "calling", "Harbor campaign spokesman Jo Lee", ["the report “a smear.”"]),
        ("Former Secretary of State and longtime party strategist Ada Moreau said the plan works.",
         "said", "Former Secretary of State and longtime party strategist Ada Moreau", ["the plan works"]),
        ("The levy was a burden that many local farmers said they could not afford.",
         "said", "many local farmers", ["they could not afford"]),
        ("The levy is so narrow that most tax experts believe it will fail.",
         "believe", "most tax experts", ["it will fail"]),
        ("A judge that Lind appointed said the rule stands.",
         "said", "A judge that Lind appointed", ["the rule stands"]),
        ("The mayor’s chief aide, Jo Lee, a lawyer, said the plan works.",
         "said", "The mayor’s chief aide, Jo Lee, a lawyer", ["the plan works"]),
        ("An avid hiker, Jo Lee said the trail was closed.", "said", "Jo Lee", ["the trail was closed"]),
        ("Even as the race moves on, the vote will be close, said Jo Lee, a pollster.",
         "said", "Jo Lee, a pollster", ["Even as the race moves on, the vote will be close"]),
        ("The levy is hard to prove, while others are unfair, said Jo Lee.",
         "said", "Jo Lee", ["The levy is hard to prove, while others are unfair"]),
        ("Behind the scenes, the council is “split over the levy,” said Jo Lee, a former treasurer.",
         "said", "Jo Lee, a former treasurer", ["Behind the scenes, the council is “split over the levy,”"]),
        ("In private, Mr. Hale is ''calling his old donors,'' said Jo Lee.",
         "said", "Jo Lee", ["In private, Mr. Hale is ''calling his old donors,''"]),
        ("Rivals of the mayor, for example, said Lind was wrong.",
         "said", "Rivals of the mayor", ["Lind was wrong"]),
        ("Jo Lee, 41, of Dover, Del., says her rent doubled.",
         "says", "Jo Lee, 41, of Dover, Del.", ["her rent doubled"]),
        ("Sen. Ada Lind, R-Del., said the bill would pass.",
         "said", "Sen. Ada Lind, R-Del.", ["the bill would pass"]),
        ("Sen. Ada Lind, facing a tough race in Ohio, a swing state, said she would win.",
         "said", "Sen. Ada Lind", ["she would win"]),
        ("Jo Lee, a retiree in Dover, Del., said the port was loud.",
         "said", "Jo Lee, a retiree in Dover, Del.", ["the port was loud"]),
        ("Brandt and others said they would vote no.", "said", "Brandt and others", ["they would vote no"]),
        ("The mayor and her aides said the plan was dead.",
         "said", "The mayor and her aides", ["the plan was dead"]),
        ("That is the reason Governor Lind is seeking a delay.", "is seeking", "Governor Lind", ["a delay"]),
    ],
)  # fmt: skip
def test_source_phrase_boundaries(sentence: str, cue: str, source: str | None, content: list[str]) -> None:
    found = {found_cue: (found_source, found_content) for found_cue, found_source, found_content, _ in
             _attributions(sentence)}  # fmt: skip
    assert found[cue] == (source, content)


@pytest.mark.parametrize(
    ("sentence", "cue", "source"),
    [
        ("Not everything Lind says is true.", "says", "Lind"),
        ("One reason Greens and farmers say they oppose the levy is cost.", "say", "Greens and farmers"),
        (
            "It is a gap that border security experts say makes the wall moot.",
            "say",
            "border security experts",
        ),
        ("It was a levy that critics called unfair.", "called", "critics"),
    ],
)
def test_a_noun_the_source_speaks_of_stays_out(sentence: str, cue: str, source: str) -> None:
    assert {found[0]: found[1] for found in _attributions(sentence)}[cue] == source


def test_a_passive_relative_clause_has_no_source() -> None:
    assert _attributions("Crenshaw is only the fifth judge who has been confirmed since May.") == []


@pytest.mark.parametrize(
    ("sentence", "cue", "source"),
    [
        ("The port faces a probe the state agency said was still open.", "said", "the state agency"),
        ("Prices rose in May, a trend the Harbor Institute said would last.", "said", "the Harbor Institute"),
        ("At least a dozen members of the council said they would abstain.",
         "said", "At least a dozen members of the council"),
        ("Mayor Jill A. Lind said the port would reopen.", "said", "Mayor Jill A. Lind"),
        ("Council members backing the levy have said it will pass.",
         "have said", "Council members backing the levy"),
        ("Lind in an interview said the levy works.", "said", "Lind"),
        ("Britain and France in particular feared a crash.", "feared", "Britain and France"),
        ("Mayor Ada Lind (D-Ohio) earlier in the day touted the levy.", "touted", "Mayor Ada Lind (D-Ohio)"),
        ("Farmers in the valley said the levy works.", "said", "Farmers in the valley"),
        ("Lind, who through his office declined to comment, was born in Ohio.", "declined", "who"),
        ("The ad, which — as one critic noted — promises to cut taxes, ran in May.", "promises", "which"),
        ("The mayor has throughout her term opposed the levy.", "opposed", "The mayor"),
        ("A column in the Harbor Times attacked the levy.", "attacked", "A column in the Harbor Times"),
        ("She and other Democrats on the stage refused to say it.",
         "refused", "She and other Democrats on the stage"),
        ("“It works,” said a longtime adviser to the mayor.", "said", "a longtime adviser to the mayor"),
        ("“It works,” said the aide on Tuesday.", "said", "the aide"),
        ("It fed the unease many voters feel about the levy.", "feel about", "many voters"),
        ("Nearly all of the mayors of the 10 most populous cities said it works.",
         "said", "Nearly all of the mayors of the 10 most populous cities"),
        ("The nearly 90-second ad slams the mayor.", "slams", "The nearly 90-second ad"),
        ("More than six in 10 said it works.", "said", "More than six in 10"),
        ("No one knows what it costs.", "knows", "No one"),
        ("So far no candidate has championed the levy.", "has championed", "no candidate"),
        ("A study by Harbor University and the State University Graduate School of Public Health found that "
         "rents rose.",
         "found", "A study by Harbor University and the State University Graduate School of Public Health"),
        ("US Senator Ada Lind said the levy works.", "said", "US Senator Ada Lind"),
        ("Lind, to his credit, refuses to attack the mayor.", "refuses", "Lind"),
        ("Senator Ada Lind of Ohio left the room, saying the levy works.",
         "saying", "Senator Ada Lind of Ohio"),
    ],
)  # fmt: skip
def test_a_source_read_leftwards_skips_what_it_speaks_of_and_adverbials(
    sentence: str, cue: str, source: str
) -> None:
    found = {found_cue: found_source for found_cue, found_source, _, _ in _attributions(sentence)}
    assert found[cue] == source


def test_a_sentence_ending_in_asked_has_no_attribution() -> None:
    assert _attributions("Lund was asked") == []


def test_a_dateline_in_mixed_case_is_no_source() -> None:
    sentence = (
        "Paris (AFP) – Mayor Ada Lind has taken a swipe at her rival’s plan on housing, saying it would fail."
    )
    assert {found[0]: found[1] for found in _attributions(sentence)}["saying"] == "Mayor Ada Lind"


@pytest.mark.parametrize(
    ("sentence", "cue", "source"),
    [
        (
            "Ada Lind and Jo Brandt campaigned hard in Ohio, hoping to win.",
            "hoping",
            "Ada Lind and Jo Brandt",
        ),
        (
            "Lind and other Green leaders shunned the mayor, claiming he was rude.",
            "claiming",
            "Lind and other Green leaders",
        ),
        (
            "Greens on Capitol Hill seized on the memo, arguing it showed intent.",
            "arguing",
            "Greens on Capitol Hill",
        ),
    ],
)
def test_a_participle_keeps_the_whole_coordinated_subject(sentence: str, cue: str, source: str) -> None:
    assert {found[0]: found[1] for found in _attributions(sentence)}[cue] == source


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("The harbour board said the pier will close.", "The harbour board said the pier will close."),
        ("The harbour board said the\npier will close.", "The harbour board said the pier will close."),
        ("The harbour board said the  pier\u00a0will\tclose.", "The harbour board said the pier will close."),
    ],
)
def test_a_claim_text_joins_its_words_with_single_spaces(body: str, text: str) -> None:
    result = analyze(parse_article("Harbour news\n\n" + body))
    assert [claim.text for claim in result.claims if claim.section == "body"][-1] == text
