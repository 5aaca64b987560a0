"""Source entities: the parties that speak in an article, each with all the mentions that name it.

"Mayor Ada Lind", "Lind", "the mayor" and "she" are one entity. Mentions join
an entity through coreference (``coreference.resolve``), through the person
they name (the same surname as a person of the text: "Lind" and "Ada Lind"),
or through the same organisation, outlet or agency name, short forms included
("the Times" after "The New York Times"). An entity takes its type, role,
affiliation and on-record status from its most telling mention (a name before
a description, a description before a pronoun), and its name is the fullest
name the article uses.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from provenance.extract.coreference import MentionDraft, resolve
from provenance.extract.describe import SourceDescription, describe
from provenance.extract.lexicon import entities as entity_words
from provenance.extract.names import People, Person, find_people
from provenance.extract.segmentation import span
from provenance.models import Anonymity, SourceEntity, SourceMention, SourceType

__all__ = ["build_entities", "source_entities"]

NAMED_TYPES = frozenset(
    {SourceType.NAMED_ORGANISATION, SourceType.OUTLET, SourceType.WIRE_AGENCY, SourceType.DOCUMENT}
)
ARTICLES = ("the ", "The ", "THE ")


@dataclass
class EntityDraft:
    """The mentions of one entity (indices into the drafts), and the person it is, if named in the text."""

    mentions: list[int] = field(default_factory=list)
    person: Person | None = None
    antecedent: SourceDescription | None = None
    """What a relative pronoun's noun phrase says, when the entity has no other mention ("a study, which")."""


def build_entities(text: str, drafts: list[MentionDraft]) -> list[EntityDraft]:
    """Resolve back-references among ``drafts`` (in text order) and group them into entities."""
    named = [
        (draft.start, draft.end, draft.description.name)
        for draft in drafts
        if draft.description.type is SourceType.NAMED_PERSON
        and not draft.description.pronoun
        and len(draft.description.name.split()) > 1
    ]
    people = find_people(text, named)
    resolve(drafts, people)
    entity_of: list[int] = []
    found: list[EntityDraft] = []
    by_person: dict[int, int] = {}
    by_name: dict[str, int] = {}
    for index, draft in enumerate(drafts):
        person = draft.person or _named_person(draft, people)
        name = _name_key(draft.description)
        if draft.refers_to is not None:
            number = entity_of[draft.refers_to]
        elif person is not None and id(person) in by_person:
            number = by_person[id(person)]
        elif name is not None and _known_name(by_name, name) is not None:
            number = by_name[_known_name(by_name, name) or name]
        else:
            number = len(found)
            found.append(EntityDraft())
        entity = found[number]
        entity.mentions.append(index)
        if draft.antecedent is not None and entity.antecedent is None:
            entity.antecedent = describe(text[slice(*draft.antecedent)])
        if person is not None and entity.person is None:
            entity.person = person
            by_person[id(person)] = number
        if name is not None:
            by_name.setdefault(name, number)
        entity_of.append(number)
    return found


def source_entities(text: str, drafts: list[MentionDraft]) -> tuple[list[SourceMention], list[SourceEntity]]:
    """Build the mentions (ids ``S1``…) and entities (ids ``E1``…) of an article's source drafts.

    Every value is valid by construction (ids, spans of the text, typed
    descriptions), so the models are built without validating them again.
    """
    grouped = build_entities(text, drafts)
    descriptions = [_describe_entity(drafts, entity) for entity in grouped]
    entity_of = {index: number for number, entity in enumerate(grouped) for index in entity.mentions}
    mentions: list[SourceMention] = []
    previous: dict[int, int] = {}
    """The last mention read of each entity: drafts come in text order."""
    for index, draft in enumerate(drafts):
        number = entity_of[index]
        described = descriptions[number]
        earlier = previous.get(number)
        previous[number] = index
        mentions.append(
            SourceMention.trusted(
                {
                    "id": f"S{index + 1}",
                    "span": span(text, draft.start, draft.end),
                    "type": described.type,
                    "name": " ".join(draft.description.name.split()),
                    "count": described.count,
                    "role": described.role,
                    "affiliation": described.affiliation,
                    "anonymity": described.anonymity,
                    "on_record": described.on_record,
                    "refers_to": f"S{earlier + 1}" if earlier is not None else None,
                    "entity_id": f"E{number + 1}",
                }
            )
        )
    records = [
        SourceEntity.trusted(
            {
                "id": f"E{number + 1}",
                "name": " ".join(described.name.split()),
                "type": described.type,
                "role": described.role,
                "affiliation": described.affiliation,
                "anonymity": described.anonymity,
                "on_record": described.on_record,
                "mention_ids": [f"S{index + 1}" for index in entity.mentions],
            }
        )
        for number, (entity, described) in enumerate(zip(grouped, descriptions, strict=True))
    ]
    return mentions, records


def _named_person(draft: MentionDraft, people: People) -> Person | None:
    """Find the person of the text a named mention names ("Lind" or "Sen. Ada Lind": the person Lind)."""
    description = draft.description
    if description.type is not SourceType.NAMED_PERSON or description.pronoun:
        return None
    words = description.name.split()
    return people.by_surname(words[-1], words[0] if len(words) > 1 else "")


def _name_key(description: SourceDescription) -> str | None:
    """Key an organisation, outlet or agency by its name without "the" ("the Times" → "times")."""
    if description.type not in NAMED_TYPES or description.anonymity is not Anonymity.NAMED:
        return None
    name = description.name
    for article in ARTICLES:
        name = name.removeprefix(article)
    return " ".join(name.lower().split()) or None


def _known_name(by_name: dict[str, int], name: str) -> str | None:
    """Find an earlier name this one is, or is the short form of ("times" of "new york times")."""
    if name in by_name:
        return name
    short = name in {form.lower() for form in entity_words().outlet_short_forms}
    return next((known for known in by_name if short and known.endswith(" " + name)), None)


RANK = {
    SourceType.NAMED_PERSON: 0,
    SourceType.NAMED_ORGANISATION: 0,
    SourceType.OUTLET: 0,
    SourceType.WIRE_AGENCY: 0,
    SourceType.DOCUMENT: 1,
    SourceType.ANONYMOUS_GROUP: 2,
    SourceType.ANONYMOUS_INDIVIDUAL: 2,
    SourceType.UNATTRIBUTED: 3,
}


def _describe_entity(drafts: list[MentionDraft], entity: EntityDraft) -> SourceDescription:
    """Describe an entity by its most telling mention, named by the fullest name used.

    A name outranks a description, a description a pronoun. A person named in
    the text makes the entity a named person even when it only speaks as "he"
    or "the nominee", with the role of the description when it has none; a
    name that "the company" stands for is an organisation ("Wells Fargo").
    """
    own = [drafts[index].description for index in entity.mentions]
    spoken = [description for description in own if not description.pronoun]
    spoken = spoken or ([entity.antecedent] if entity.antecedent is not None else own)
    best = min(spoken, key=lambda description: RANK[description.type])
    role = best.role or next((description.role for description in spoken if description.role), None)
    named_body = best.type is SourceType.NAMED_PERSON and any(
        description.type is SourceType.NAMED_ORGANISATION for description in spoken
    )
    person = None if named_body else entity.person
    if named_body:
        best = replace(best, type=SourceType.NAMED_ORGANISATION)
    if person is not None:
        name = max([person.name, *(d.name for d in spoken if d.type is SourceType.NAMED_PERSON)], key=len)
        return replace(
            best,
            type=SourceType.NAMED_PERSON,
            name=name,
            count=1,
            role=role,
            anonymity=Anonymity.NAMED,
            on_record=True,
            pronoun=False,
        )
    if best.type in NAMED_TYPES or best.type is SourceType.NAMED_PERSON:
        names = [
            description.name
            for description in spoken
            if description.type in {best.type, SourceType.NAMED_PERSON}
        ]
        return replace(best, name=max(names, key=len), role=role)
    return replace(best, role=role)
