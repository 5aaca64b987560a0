"""Coreference: link a back-reference ("the official", "he", "they", "Reed") to the source it means.

The antecedent is the nearest earlier mention that agrees: a singular pronoun
with a person of the same gender (an organisation is never "she"), a plural
pronoun with a group or an organisation, "it" with an organisation, outlet or
document, a definite description ("the official", "the diplomats") with a
mention whose descriptor has the same head noun, a type descriptor ("the
agency", "the newspaper", "the ministry") with the nearest source of that
type, a bare surname ("Reed") with the full name it ends ("Councillor Tomas
Reed"), and a relative pronoun ("who") with the mention right before it.

People named where they do not speak count too (``names``): "he" after
"Trump’s rally" means Trump, and "the Republican nominee" means the person
introduced as one ("Republican nominee Donald Trump"); such a mention gets
``person`` rather than ``refers_to``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from provenance.extract.describe import ACRONYM, SourceDescription
from provenance.extract.lexicon import entities, sources
from provenance.extract.names import Gender, People, Person, gender_of
from provenance.models import SourceType

__all__ = ["MentionDraft", "resolve"]

PERSON_TYPES = frozenset({SourceType.NAMED_PERSON, SourceType.ANONYMOUS_INDIVIDUAL})
GROUP_TYPES = frozenset({SourceType.ANONYMOUS_GROUP, SourceType.NAMED_ORGANISATION})
THING_TYPES = frozenset(
    {SourceType.NAMED_ORGANISATION, SourceType.OUTLET, SourceType.WIRE_AGENCY, SourceType.DOCUMENT}
)
DEFINITE = tuple(
    sorted(f"{form} " for word in entities().definite_determiners for form in (word, word.capitalize()))
)
"""Openings of a definite mention, in lower case and capitalised ("the ", "The ")."""
POSSESSIVE = ("’s ", "'s ")
PHRASE_WORD = re.compile(r"\w[\w’'.-]*")
APPOSITION_OPENERS = tuple(sorted(f"{word} " for word in entities().apposition_articles))
BODY_TYPES = frozenset({SourceType.NAMED_ORGANISATION, SourceType.OUTLET, SourceType.WIRE_AGENCY})
NAME_WORD = re.compile(r"[\w’'.-]+")
MAX_DISTANCE = 4000
RELATIVE_GAP = 3
"""Characters allowed between a relative pronoun and the mention it follows: ", "."""


@dataclass
class MentionDraft:
    """A source mention before ids are assigned: its characters and description."""

    start: int
    end: int
    text: str
    description: SourceDescription
    refers_to: int | None = None
    person: Person | None = None
    """The person named elsewhere in the text whom this mention means, when no earlier source is."""
    gender: Gender = ""
    antecedent: tuple[int, int] | None = None
    """The noun phrase (no source itself) that a relative pronoun stands for: "a study, which"."""
    said: tuple[tuple[int, int], ...] = ()
    """The content of the attributions this mention is the source of: what it is heard saying."""
    leads_pair: bool = False
    """The first of coordinated speakers ("Grassley" of "Grassley and Leahy"), whom a later "they" means."""


def resolve(mentions: list[MentionDraft], people: People | None = None) -> None:
    """Set ``refers_to`` (an index into ``mentions``, in text order) or ``person`` on back-references."""
    people = people or People()
    lexicon = sources()
    entity_words = entities()
    for index, mention in enumerate(mentions):
        lower = mention.text.lower().removesuffix("’s").removesuffix("'s")
        description = mention.description
        mention.gender = _gender(mention, people)
        if description.pronoun:
            if lower in lexicon.pronouns_relative:
                mention.refers_to = _relative_antecedent(mentions, index)
                if mention.refers_to is None:
                    _phrase_antecedent(mention, people)
            elif lower in entity_words.feminine_pronouns or lower in entity_words.masculine_pronouns:
                _link_person(mentions, index, people)
            elif lower in entity_words.plural_pronouns:
                mention.refers_to = _nearest(mentions, index, lambda d: True, _plural)
            elif lower in entity_words.neuter_pronouns:
                mention.refers_to = _nearest(mentions, index, lambda d: d.type in THING_TYPES)
            elif lower in lexicon.first_person:
                mention.person = people.signer(mention.end)
        elif mention.text.startswith(DEFINITE) and lower.split(maxsplit=1)[-1] in lexicon.descriptor_types:
            descriptor = lower.split(maxsplit=1)[-1]
            mention.refers_to = _nearest(mentions, index, _described_by(descriptor))
            if mention.refers_to is None and descriptor in entity_words.company_words:
                mention.refers_to = _nearest(mentions, index, _unknown_name)
        elif (head := _organisation_head(mention)) is not None:
            mention.refers_to = _nearest(mentions, index, _named_with(head))
        elif description.type is SourceType.ANONYMOUS_INDIVIDUAL:
            _link_role(mentions, index, people)
        elif (
            ACRONYM.fullmatch(mention.text)
            and (expanded := _nearest(mentions, index, _any, _abbreviated_by(mention.text))) is not None
        ):
            mention.refers_to = expanded
        elif description.type is SourceType.NAMED_PERSON and " " not in description.name:
            mention.refers_to = _nearest(mentions, index, _same_surname(description.name))
        if mention.refers_to is not None:
            mention.gender = mention.gender or mentions[mention.refers_to].gender
        elif mention.person is not None:
            mention.gender = mention.gender or mention.person.gender
            mention.person.mentions.append((mention.start, mention.end))


def _organisation_head(mention: MentionDraft) -> str | None:
    """Return the head of "the alliance" or "The committee": a definite organisation word alone, or None.

    Such a description means the organisation named before it with that word
    in its name ("the Alliance to Reclaim Our Schools").
    """
    words = mention.text.split(",")[0].split()
    if len(words) != 2 or not mention.text.startswith(DEFINITE) or words[1][:1].isupper():
        return None
    head = words[1].lower().removesuffix("’s").removesuffix("'s")
    return head if head in sources().organisation_words and head.isalpha() else None


def _named_with(head: str) -> Callable[[SourceDescription], bool]:
    """Match named organisations with ``head`` among the words of their name."""
    return lambda description: (
        description.type is SourceType.NAMED_ORGANISATION and head in description.name.lower().split()
    )


def _plural(mention: MentionDraft) -> bool:
    """Tell whether "they" may mean a mention: a group, an organisation, a count, or coordinated speakers.

    Coordinated speakers ("Grassley and Leahy wrote …; they added") are one
    voice; "they" joins the first of them, as a mixed phrase takes its first
    conjunct's type.
    """
    description = mention.description
    return description.type in GROUP_TYPES or (description.count or 1) > 1 or mention.leads_pair


def _gender(mention: MentionDraft, people: People) -> Gender:
    """Tell a mention's gender from its words, or from the person its surname names."""
    gender = gender_of(mention.text)
    if gender or mention.description.type is not SourceType.NAMED_PERSON or mention.description.pronoun:
        return gender
    person = people.by_surname(mention.description.name.split()[-1])
    return person.gender if person is not None else ""


def _link_person(mentions: list[MentionDraft], index: int, people: People) -> None:
    """Link "he" or "she" to the nearest person of the same gender, a source or a person named in passing."""
    mention = mentions[index]
    gender = mention.gender
    candidate = _nearest(
        mentions,
        index,
        lambda d: d.type in PERSON_TYPES,
        lambda other: not gender or not other.gender or other.gender == gender,
        pronouns=True,
    )
    named_at = mentions[candidate].end if candidate is not None else -1
    person = _nearest_person(people, mention.start, gender)
    passing = person.mentioned_before(mention.start) if person is not None else -1
    if person is not None and passing > named_at and not _spoken_of(mentions, index, passing):
        mention.person = person
    else:
        mention.refers_to = candidate


def _spoken_of(mentions: list[MentionDraft], index: int, position: int) -> bool:
    """Tell whether a person named in passing at ``position`` is someone an earlier speaker talks about.

    ("Sen. Lind said the attacks did not hurt Moreau. “They are distractions,”
    he said": Moreau is inside what Lind said, so "he" is still Lind.) The
    speaker must be a person of the pronoun's gender or of no known gender;
    ``position`` is where the name ends, which may take a content's full stop along.
    """
    gender = mentions[index].gender
    for candidate in range(index - 1, -1, -1):
        other = mentions[candidate]
        if other.end < position - MAX_DISTANCE:
            return False
        if (
            other.description.type in PERSON_TYPES
            and _agrees(other.gender, gender)
            and any(start < position <= end + 1 for start, end in other.said)
        ):
            return True
    return False


def _nearest_person(people: People, position: int, gender: Gender) -> Person | None:
    """Find the person named last before ``position`` whose gender does not clash with ``gender``."""
    best, best_end = None, position - MAX_DISTANCE
    for person in people.persons:
        if gender and person.gender and person.gender != gender:
            continue
        end = person.mentioned_before(position)
        if end > best_end:
            best, best_end = person, end
    return best


def _link_role(mentions: list[MentionDraft], index: int, people: People) -> None:
    """Link a description ("the mayor", "The Republican nominee", "Pagliano’s lawyer") to the one it means.

    An earlier source with the same role comes first, then a person the text
    introduced with that role ("Mayor Ada Lind", "Lind, the mayor,"). A
    definite role that names one person in a story ("the nominee", "the
    senator") falls back on the most mentioned person so far.
    """
    mention = mentions[index]
    words = mention.text.split(",")[0].split()
    last = mention.text.split()[-1]
    named = people.by_surname(last) if last[:1].isupper() else None
    if named is not None and "," in mention.text:
        mention.person = named
        return
    indefinite = words and words[0].lower() in entities().indefinite_determiners
    if not words or indefinite or mention.description.count not in (None, 1):
        return
    role = mention.description.role or words[-1]
    mention.refers_to = _nearest(mentions, index, _same_role(role, mention.description.affiliation))
    if mention.refers_to is not None:
        return
    head = role.lower().split()[-1]
    wanted = _role_word(head)
    modifiers = {word.lower().strip(",.") for word in words[:-1]}
    holders = [
        person
        for person in people.persons
        if person.mentions
        and min(person.mentions)[0] < mention.start
        and _agrees(person.gender, mention.gender)
        and any(_role_word(word) == wanted for word in people.roles(person))
    ]
    if holders:
        mention.person = max(
            holders,
            key=lambda person: (
                len(modifiers & people.roles(person)),
                person.mentioned_before(mention.start),
            ),
        )
        return
    definite = mention.text.startswith(DEFINITE) or (words[0][:1].isupper() and words[0] != "The")
    if definite and head in entities().definite_roles and not any(p in mention.text for p in POSSESSIVE):
        spoken_of = [
            person
            for person in people.persons
            if person.mentions_before(mention.start) and _agrees(person.gender, mention.gender)
        ]
        if spoken_of:
            mention.person = max(
                spoken_of,
                key=lambda person: (
                    person.mentions_before(mention.start),
                    person.mentioned_before(mention.start),
                ),
            )


def _agrees(first: Gender, second: Gender) -> bool:
    return not first or not second or first == second


def _nearest(
    mentions: list[MentionDraft],
    index: int,
    agrees: Callable[[SourceDescription], bool],
    fits: Callable[[MentionDraft], bool] = lambda other: True,
    pronouns: bool = False,
) -> int | None:
    """Find the nearest earlier mention that agrees (``pronouns``: a linked pronoun stands for its own)."""
    here = mentions[index].start
    for candidate in range(index - 1, -1, -1):
        other = mentions[candidate]
        if here - other.end > MAX_DISTANCE:
            return None
        if other.description.pronoun:
            linked = other.refers_to
            if pronouns and linked is not None and fits(other) and agrees(mentions[linked].description):
                return linked
            continue
        if agrees(other.description) and fits(other):
            return candidate
    return None


def _relative_antecedent(mentions: list[MentionDraft], index: int) -> int | None:
    """Find the mention a relative pronoun follows directly ("Ada Moreau, who said …"), if it is one."""
    here = mentions[index].start
    for candidate in range(index - 1, -1, -1):
        other = mentions[candidate]
        if here - other.end > RELATIVE_GAP:
            return None
        if not other.description.pronoun and other.end <= here:
            return candidate
    return None


def _phrase_antecedent(mention: MentionDraft, people: People) -> None:
    """Give a relative pronoun the noun phrase it follows when that is no source ("a study, which").

    A person of the text becomes ``person``; any other phrase becomes
    ``antecedent``, the entity's own description.
    """
    found = phrase_before(people.text, mention.start)
    if found is None:
        return
    start, end = found
    start = _appositive_anchor(people.text, start)
    phrase = people.text[start:end]
    person = people.by_surname(phrase.split(",")[0].split()[-1]) if phrase[:1].isupper() else None
    if person is not None:
        mention.person = person
    else:
        mention.antecedent = (start, end)


def _appositive_anchor(text: str, start: int) -> int:
    """Extend an indefinite description back to the name it is in apposition to ("Future45, a super PAC").

    Returns ``start`` unchanged when the phrase is no "a"/"an" description right after "Name, ".
    """
    if not text.startswith(APPOSITION_OPENERS, start) or not text.startswith(", ", start - 2):
        return start
    names = list(NAME_WORD.finditer(text, max(0, start - 60), start - 2))
    anchor = start
    for word in reversed(names):
        if word.end() != (anchor - 2 if anchor == start else anchor - 1) or not word.group()[:1].isupper():
            break
        anchor = word.start()
    return anchor if anchor < start else start


def phrase_before(text: str, position: int) -> tuple[int, int] | None:
    """Find the noun phrase ending just before ``position`` (a comma between allowed), as a range.

    Words back to a determiner or quantifier, which it keeps ("an exhaustive
    study", "some economists"), or to a function word or mark, which it does not.
    """
    end = position
    while end > 0 and text[end - 1] in " ,\u00a0—–-":
        end -= 1
    words = list(PHRASE_WORD.finditer(text, max(0, end - 80), end))
    if not words or words[-1].end() != end:
        return None
    function_words = sources().function_words
    start = end
    for word in reversed(words):
        lower = word.group().lower()
        between = text[word.end() : start]
        if start != end and between.strip():
            break
        if lower in entities().phrase_openers:
            start = word.start()
            break
        if lower in function_words:
            break
        start = word.start()
    return (start, end) if start < end else None


def _described_by(descriptor: str) -> Callable[[SourceDescription], bool]:
    """Match mentions a type descriptor stands for.

    "The agency" means the last wire agency and "the newspaper" the last outlet;
    an organisation descriptor ("the ministry") needs its word in the name
    ("the Defence Ministry"), since "the Kremlin" is no ministry.
    """
    kind = sources().descriptor_types[descriptor]
    if kind is SourceType.NAMED_ORGANISATION:
        return lambda description: description.type is kind and descriptor in description.name.lower()
    return lambda description: description.type is kind


def _unknown_name(description: SourceDescription) -> bool:
    """Match a name with no sign of a person: no known first name, no title ("Wells Fargo")."""
    return (
        description.type in {SourceType.NAMED_PERSON, SourceType.NAMED_ORGANISATION}
        and description.role is None
        and gender_of(description.name) == ""
    )


def _same_role(role: str, affiliation: str | None = None) -> Callable[[SourceDescription], bool]:
    """Match mentions whose role ends in the same word ("the chancellor" ~ "Chancellor Olaf Brenner").

    Synonyms are the same role ("lawyer" ~ "attorney"); "for", "of" or "to"
    after a role ("attorney for") is no part of its word. Where both say whose
    role it is, they must say the same ("Lund's lawyer" is not Moreau's attorney).
    """
    head = _role_word(role)
    return lambda description: (
        description.role is not None
        and _role_word(description.role) == head
        and not description.pronoun
        and (affiliation is None or description.affiliation is None or description.affiliation == affiliation)
    )


@lru_cache(maxsize=4096)
def _role_word(role: str) -> str:
    """Key a role by its head word, singular, written as the first word of its synonyms.

    Kept for the words seen last: every description is keyed against the role
    words of every person named before it.
    """
    words = [word for word in role.lower().split() if word not in entities().role_links]
    word = words[-1].rstrip("s") if words else ""
    return _synonyms().get(word, word)


@cache
def _synonyms() -> dict[str, str]:
    """Map each role word of ``role_synonyms`` to the first word of its group."""
    return {word: group.split()[0] for group in entities().role_synonyms for word in group.split()}


def _any(description: SourceDescription) -> bool:
    """Agree with every description (the test is on the mention's words)."""
    return True


def _abbreviated_by(acronym: str) -> Callable[[MentionDraft], bool]:
    """Match the body an acronym stands for: defined with it ("… Our Schools (AROS)") or giving its initials.

    Initials count only for an organisation, outlet or agency ("Alliance to
    Reclaim Our Schools" gives "AROS"), not for a person's name.
    """

    def abbreviated(other: MentionDraft) -> bool:
        if f"({acronym}" in other.text:
            return True
        initials = "".join(word[0] for word in other.description.name.split() if word[:1].isupper())
        return initials == acronym and other.description.type in BODY_TYPES

    return abbreviated


def _same_surname(name: str) -> Callable[[SourceDescription], bool]:
    """Match a fuller name ending in this surname ("Reed" ~ "Councillor Tomas Reed")."""
    return lambda description: (
        description.type is SourceType.NAMED_PERSON
        and description.name != name
        and description.name.split()[-1] == name
    )
