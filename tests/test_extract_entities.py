"""Source entities: who is speaking, typed as what it is, however often and however it is named.

Each passage is fictional and stands for a failure seen on real news (issue
"Who is speaking"): a role, a title, a surname or a pronoun must land on the
person it means, and a phrase must get the type of what it names.
"""

from __future__ import annotations

import pytest

from provenance import analyze, parse_article
from provenance.config import Config
from provenance.extract.describe import describe
from provenance.models import AnalysisResult, ScoreReport, SourceType
from provenance.render.graph import NodeKind, build_graph
from provenance.render.view import build_view
from provenance.scoring import score


def analysed(text: str) -> AnalysisResult:
    return analyze(parse_article(text + "\n", "fictional.txt"))


def score_of(text: str) -> ScoreReport:
    return score(analysed(text), Config())


def speakers(text: str) -> dict[str, tuple[str, SourceType, bool]]:
    """Map each source mention's words to its entity's name, type and on-record status."""
    result = analysed(text)
    found = {}
    for mention in result.sources:
        entity = result.entity_of(mention.id)
        assert entity is not None, f"{mention.span.text!r} belongs to no entity"
        found[mention.span.text] = (entity.name, entity.type, entity.on_record)
    return found


PERSON = SourceType.NAMED_PERSON


@pytest.mark.parametrize(
    ("text", "mention", "entity"),
    [
        # "Mayor Bill de Blasio said X. … the mayor said Y." gave an anonymous "the mayor".
        ("Mayor Ada Lind said the bridge was safe. The mayor said repairs would start in May.",
         "The mayor", "Ada Lind"),
        # "Mr. King" was typed anonymous and stood apart from the full name.
        ("Secretary of State Mark F. Heller said the talks failed. Mr. Heller added that a deal was near.",
         "Mr. Heller", "Mark F. Heller"),
        # "The GOP nominee" after the nominee is introduced.
        ("Republican nominee Tomas Lind spoke in Dover on Monday. The GOP nominee said taxes would fall.",
         "The GOP nominee", "Tomas Lind"),
        # "Obama's former campaign strategist", introduced in an apposition.
        ("Pat Moreau, Lind’s former campaign strategist, praised the plan. "
         "Later, Lind’s former campaign strategist said it would fail.",
         "Lind’s former campaign strategist", "Pat Moreau"),
        # Clinton's "she called … outrageous" went to a male senator.
        ("Senator Tomas Brandt said the bill was dead. Ada Moreau called the vote a disgrace. "
         "“It is outrageous,” she said.",
         "she", "Ada Moreau"),
        # Trump's "…, he said" went to the police commissioner quoted before.
        ("Police Commissioner James Rook said the street was closed. At Tomas Lind’s rally in Dover, "
         "the crowd cheered. “We will win,” he said.",
         "he", "Tomas Lind"),
        # "O'Neill" three times plus "James O'Neill" were four sources.
        ("Rook, the police commissioner, said the street was closed. Later, James Rook said more.",
         "Rook, the police commissioner", "James Rook"),
        # The headline counts as an earlier mention.
        ("Ada Moreau vows to fight the pipeline\n\nThe senator said the plan would fail.",
         "The senator", "Ada Moreau"),
        # "the company" after "Wells Fargo".
        ("Wells Fargo said it had fired 5,300 workers. The company said it regretted the sales.",
         "The company", "Wells Fargo"),
        # "the Times" is the outlet named in full before it.
        ("The New York Times reported the deal was off. The Times said talks had failed.",
         "The Times", "New York Times"),
    ],
)  # fmt: skip
def test_a_back_reference_joins_the_entity_it_means(text: str, mention: str, entity: str) -> None:
    assert speakers(text)[mention][0] == entity


def test_one_entity_keeps_its_fullest_name_type_and_record() -> None:
    result = analysed(
        "Rook says the street is closed\n\n"
        "Police Commissioner James Rook said on Monday that the street was closed. "
        "Rook told the council that it would reopen. “It is safe,” Rook said."
    )
    entities = {result.entity_of(mention.id).id for mention in result.sources}  # type: ignore[union-attr]
    assert len(entities) == 1
    entity = result.entities[0]
    assert (entity.name, entity.type, entity.on_record) == ("James Rook", PERSON, True)
    assert entity.mention_ids == [mention.id for mention in result.sources]


def test_mayor_bill_de_blasio_is_named_with_his_title_as_role() -> None:
    found = describe("Mayor Bill de Blasio")
    assert (found.type, found.name, found.role) == (PERSON, "Bill de Blasio", "Mayor")


@pytest.mark.parametrize(
    ("phrase", "kind", "on_record"),
    [
        ("Secretary of State John F. Kerry", SourceType.NAMED_PERSON, True),
        ("Republicans", SourceType.ANONYMOUS_GROUP, False),
        ("Democrats in the Senate", SourceType.ANONYMOUS_GROUP, False),
        ("an arbitration panel", SourceType.ANONYMOUS_GROUP, False),
        ("a group of parents with children at the school", SourceType.ANONYMOUS_GROUP, False),
        ("Mexico", SourceType.NAMED_ORGANISATION, True),
        ("Vermont", SourceType.NAMED_ORGANISATION, True),
        ("the United States", SourceType.NAMED_ORGANISATION, True),
        ("Citizens for Fair Roads", SourceType.NAMED_ORGANISATION, True),
        ("The New York Post", SourceType.OUTLET, True),
        ("The Dover Morning News", SourceType.OUTLET, True),
        ("A database kept by the city", SourceType.DOCUMENT, True),
        ("Another slide", SourceType.DOCUMENT, True),
        ("The group’s tally", SourceType.DOCUMENT, True),
        ("the camera", SourceType.UNATTRIBUTED, False),
        ("A yellow bulldozer", SourceType.UNATTRIBUTED, False),
        ("No one", SourceType.UNATTRIBUTED, False),
        ("any taxpayer", SourceType.UNATTRIBUTED, False),
        ("I", SourceType.UNATTRIBUTED, False),
    ],
)
def test_a_phrase_is_typed_as_what_it_names(phrase: str, kind: SourceType, on_record: bool) -> None:
    found = describe(phrase)
    assert (found.type, found.on_record) == (kind, on_record)


def test_a_thing_that_cannot_speak_is_no_source_in_a_chain() -> None:
    result = analysed("The camera showed the crowd was calm.")
    assert [source.type for source in result.sources] in ([], [SourceType.UNATTRIBUTED])


def test_an_organisation_is_never_she() -> None:
    found = speakers(
        "The Harbor Commission said the port would close. Ada Moreau, a dock worker, was angry. "
        "“We were lied to,” she said."
    )
    assert found["she"][0] == "Ada Moreau"


def test_the_sources_table_shows_one_row_per_entity() -> None:
    report = score_of(
        "Mayor Ada Lind said the bridge was safe. The mayor said repairs would start in May. "
        "Lind said the cost was low."
    )
    rows = build_view(report).sources
    assert [(row.name, row.mentions) for row in rows] == [("Ada Lind", 3)]


@pytest.mark.parametrize(
    ("text", "entity", "kind"),
    [
        ("The council, which has said the plan fails, voted no.", "council", SourceType.NAMED_ORGANISATION),
        ("Some economists, who said rents would fall, were wrong.", "Some economists",
         SourceType.ANONYMOUS_GROUP),
        ("Instead, the study -- which notes that wages fell -- argues that rents doubled.", "the study",
         SourceType.DOCUMENT),
    ],
)  # fmt: skip
def test_a_relative_pronoun_stands_for_the_phrase_before_it(text: str, entity: str, kind: SourceType) -> None:
    found = speakers(text)
    assert found["which" if "which" in found else "who"][:2] == (entity, kind)


def test_the_attribution_graph_shows_one_node_per_entity() -> None:
    graph = build_graph(
        analysed(
            "Mayor Ada Lind said the bridge was safe. The mayor said repairs would start in May. "
            "“It will be quick,” she said."
        )
    )
    sources = [node.full_label for node in graph.nodes if node.kind in {NodeKind.SOURCE, NodeKind.VOICE}]
    assert sources == ["Ada Lind"]


@pytest.mark.parametrize(
    ("text", "mention", "entity"),
    [
        # "Mrs. Clinton's plan": the possessor is the source, resolved like the name without "'s".
        ("Ada Lund said rents would fall. Under Mrs. Lund's plan, families would pay less.",
         "Mrs. Lund's", ("Ada Lund", PERSON, True)),
        # "his best response was…": a possessive determiner resolves like its pronoun.
        ("Tomas Brandt said the bridge was safe. His promises to rebuild it aside, experts said it was old.",
         "His", ("Tomas Brandt", PERSON, True)),
        ("Harbor Lumber said the pier was sound. The company's statement that it was sound drew fire.",
         "The company's", ("Harbor Lumber", SourceType.NAMED_ORGANISATION, True)),
    ],
)  # fmt: skip
def test_a_possessor_belongs_to_the_entity_it_names(
    text: str, mention: str, entity: tuple[str, SourceType, bool]
) -> None:
    assert speakers(text)[mention] == entity


@pytest.mark.parametrize(
    ("text", "mention", "entity"),
    [
        # Perdue "said he didn't believe those characterizations did Romney in …": "he said" is Perdue.
        ("Sen. Tomas Brandt said the attacks did not hurt Jim Moreau in the last race. "
         "“Those are just distractions,” he said.", "he", "Tomas Brandt"),
        # Ham "made it clear he had misgivings about … President Barack Obama": "he told the host" is Ham.
        ("Retired Air Force Gen. Teodor Brandt is speaking out. In an interview, Brandt made it clear he had "
         "misgivings about the navy under President Jim Moreau. “It was demoralizing,” he told the host.",
         "he", "Teodor Brandt"),
    ],
)  # fmt: skip
def test_a_pronoun_speaker_is_the_last_speaker_not_a_person_that_speaker_talked_about(
    text: str, mention: str, entity: str
) -> None:
    assert speakers(text)[mention][0] == entity


def test_an_and_inside_an_apposition_does_not_split_the_speaker() -> None:
    # "Aparna Mathur, who studies tax policy and labor issues at the American Enterprise Institute, said"
    found = speakers(
        "Ada Moreau, who studies rents and wages at the Harbor Institute, said the plan was vague."
    )
    assert list(found.values()) == [("Ada Moreau", PERSON, True)]


@pytest.mark.parametrize(
    ("text", "mention", "entity"),
    [
        # "House panel votes to hold … in contempt": a committee of a named House is a named organisation.
        ("Senate panel votes to hold port aide Ada Moreau in contempt.\n\nThe vote was close.",
         "Senate panel", ("Senate panel", SourceType.NAMED_ORGANISATION, True)),
        ("An arbitration panel said the port must pay.", "An arbitration panel",
         ("arbitration panel", SourceType.ANONYMOUS_GROUP, False)),
        # "all the experts I interviewed said": the clause describes the people who speak.
        ("In Lund's favor, all the experts I interviewed said her plan was clearer.",
         "all the experts I interviewed",
         ("all the experts I interviewed", SourceType.ANONYMOUS_GROUP, False)),
        # "The GOP's complaint to the D.C. Court of Appeals' Board … says": the complaint speaks.
        ("The party's complaint to the County Board on Ethics says Lund broke the rules.",
         "The party's complaint to the County Board on Ethics",
         ("The party's complaint to the County Board on Ethics", SourceType.DOCUMENT, True)),
    ],
)  # fmt: skip
def test_a_source_phrase_is_typed_as_what_it_names_in_context(
    text: str, mention: str, entity: tuple[str, SourceType, bool]
) -> None:
    assert speakers(text)[mention] == entity


@pytest.mark.parametrize(
    "text",
    [
        # "An attorney for Pagliano, Mark MacDougall, streesed …. However, Pagliano's lawyer has said …"
        "An attorney for Moreau, Mark Tiller, stressed that his client was ready. "
        "However, Moreau's lawyer has said he will refuse to answer.",
        "An attorney for Moreau, Mark Tiller, was in court. However, Moreau's lawyer has said he would not.",
    ],
)
def test_a_role_with_whom_it_serves_is_the_person_introduced_with_it(text: str) -> None:
    assert speakers(text)["Moreau's lawyer"] == ("Mark Tiller", PERSON, True)


def test_they_after_coordinated_speakers_means_them() -> None:
    # Grassley and Leahy's "they wrote" went to "Federal and state officials".
    found = speakers(
        "Federal officials said the visa rules were fine. "
        "Mr. Tiller and Mr. Brandt said the rules were broken. "
        "“The program is plagued by fraud,” they wrote."
    )
    assert found["they"] == ("Tiller", PERSON, True)


@pytest.mark.parametrize(
    ("text", "mention", "entity"),
    [
        # "The alliance, which includes …" after "the Alliance to Reclaim Our Schools (AROS)".
        ("The Harbor Parks Alliance said the walk-ins worked. "
         "The alliance, which includes two unions, said it would go on.",
         "The alliance, which includes two unions", "Harbor Parks Alliance"),
        ("The Harbor Oversight Committee said the audit was late. The committee said it would meet again.",
         "The committee", "Harbor Oversight Committee"),
    ],
)  # fmt: skip
def test_a_definite_organisation_word_means_the_organisation_named_with_it(
    text: str, mention: str, entity: str
) -> None:
    assert speakers(text)[mention][:2] == (entity, SourceType.NAMED_ORGANISATION)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # "according to the conservative-leaning Tax Foundation, more than twice what it projected …"
        (
            "Incomes would rise by 9 percent, according to the Harbor Tax Foundation, more than twice "
            "what it projected for the middle.",
            "the Harbor Tax Foundation",
        ),
        # "Thursday's walk-ins were the third time AROS said it had set up such an event."
        ("The walk-ins were the third time Harbor Watch said it had set up such an event.", "Harbor Watch"),
    ],
)
def test_a_source_phrase_stops_where_its_name_does(text: str, mention: str) -> None:
    assert mention in speakers(text)


@pytest.mark.parametrize(
    ("text", "mention", "entity"),
    [
        # "As one Twitter user @nycsouthpaw pointed out …": a handle is a name.
        ("As one Twitter user @harborwatch pointed out with a chart, the gap was wide.",
         "one Twitter user @harborwatch", ("@harborwatch", PERSON, True)),
        # "The Post has learned …": an outlet's short name, not a post.
        ("The Gazette said the mayor lied. The Post has learned that she was headed to an emergency room.",
         "The Post", ("Post", SourceType.OUTLET, True)),
    ],
)  # fmt: skip
def test_a_handle_or_an_outlet_short_name_is_named(
    text: str, mention: str, entity: tuple[str, SourceType, bool]
) -> None:
    assert speakers(text)[mention] == entity


@pytest.mark.parametrize(
    ("phrase", "kind", "name"),
    [
        ("Rep. Ada Lind of Ohio, the panel's ranking member", SourceType.NAMED_PERSON, "Ada Lind"),
        ("The U.N., which in May imposed new tariffs on Veridia", SourceType.NAMED_ORGANISATION, "U.N."),
        ("Critics, including Ada Lind", SourceType.ANONYMOUS_GROUP, "Critics, including Ada Lind"),
        ("Demonstrators", SourceType.ANONYMOUS_GROUP, "Demonstrators"),
        ("PolitiFact", SourceType.OUTLET, "PolitiFact"),
    ],
)
def test_a_home_state_initials_members_plural_heads_and_fact_checkers_type_the_phrase(
    phrase: str, kind: SourceType, name: str
) -> None:
    found = describe(phrase)
    assert (found.type, found.name) == (kind, name)


def test_a_home_state_is_the_affiliation_of_the_name_before_it() -> None:
    assert describe("Sen. Ada Lind of Ohio").affiliation == "Ohio"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("LETTERS.\n\nThe county was right to close the port. I believe the levy will fail.\n\n"
         "Odile Varga.\n\nDover.\n", ("Odile Varga", PERSON, True)),
        ("Readers replied.\n\nWe think the council is wrong about the levy.\n\n@portwatcher.\n",
         ("@portwatcher", PERSON, True)),
        ("The county closed the port.\n\nWe think the council is wrong about the levy.\n\nFULL TEXT.\n",
         ("We", SourceType.UNATTRIBUTED, False)),
    ],
)  # fmt: skip
def test_a_first_person_writer_is_whoever_signs_the_paragraph(
    text: str, expected: tuple[str, SourceType, bool]
) -> None:
    found = speakers(text)
    writer = next(mention for mention in found if mention in {"I", "We"})
    assert found[writer] == expected
