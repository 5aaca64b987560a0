"""Coreference: link a back-reference ("the official", "he", "they") to the source it means.

The antecedent is the nearest earlier source mention that agrees: a singular
pronoun with a person, a plural pronoun with a group or an organisation, a
definite description ("the official", "the diplomats") with a mention whose
descriptor has the same head noun, a type descriptor ("the agency", "the
newspaper", "the ministry") with the nearest source of that type, a bare surname ("Reed") with the full
name it ends ("Councillor Tomas Reed"), and a relative pronoun ("who") with the mention right before it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from provenance.extract.lexicon import sources
from provenance.extract.sources import DESCRIPTOR_TYPES, SourceDescription
from provenance.models import SourceType

__all__ = ["MentionDraft", "resolve"]

PERSON_TYPES = frozenset({SourceType.NAMED_PERSON, SourceType.ANONYMOUS_INDIVIDUAL})
GROUP_TYPES = frozenset({SourceType.ANONYMOUS_GROUP, SourceType.NAMED_ORGANISATION})
DEFINITE = ("the ", "The ", "this ", "This ", "that ", "That ", "these ", "These ", "those ", "Those ")
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


def resolve(mentions: list[MentionDraft]) -> None:
    """Set ``refers_to`` (an index into ``mentions``, which is in text order) on back-references."""
    lexicon = sources()
    for index, mention in enumerate(mentions):
        lower = mention.text.lower()
        if mention.description.pronoun:
            if lower in lexicon.pronouns_singular:
                mention.refers_to = _nearest(mentions, index, lambda d: d.type in PERSON_TYPES)
            elif lower in lexicon.pronouns_plural:
                mention.refers_to = _nearest(
                    mentions, index, lambda d: d.type in GROUP_TYPES or (d.count or 1) > 1
                )
            elif lower in lexicon.pronouns_relative:
                mention.refers_to = _relative_antecedent(mentions, index)
        elif mention.text.startswith(DEFINITE) and lower.split(maxsplit=1)[-1] in DESCRIPTOR_TYPES:
            descriptor = lower.split(maxsplit=1)[-1]
            mention.refers_to = _nearest(mentions, index, _described_by(descriptor))
        elif mention.text.startswith(DEFINITE) and mention.description.role is not None:
            mention.refers_to = _nearest(mentions, index, _same_role(mention.description.role))
        elif mention.description.type is SourceType.NAMED_PERSON and " " not in mention.description.name:
            mention.refers_to = _nearest(mentions, index, _same_surname(mention.description.name))


def _nearest(
    mentions: list[MentionDraft], index: int, agrees: Callable[[SourceDescription], bool]
) -> int | None:
    here = mentions[index].start
    for candidate in range(index - 1, -1, -1):
        other = mentions[candidate]
        if here - other.end > MAX_DISTANCE:
            return None
        if not other.description.pronoun and agrees(other.description):
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


def _described_by(descriptor: str) -> Callable[[SourceDescription], bool]:
    """Match mentions a type descriptor stands for.

    "The agency" means the last wire agency and "the newspaper" the last outlet;
    an organisation descriptor ("the ministry") needs its word in the name
    ("the Defence Ministry"), since "the Kremlin" is no ministry.
    """
    kind = DESCRIPTOR_TYPES[descriptor]
    if kind is SourceType.NAMED_ORGANISATION:
        return lambda description: description.type is kind and descriptor in description.name.lower()
    return lambda description: description.type is kind


def _same_role(role: str) -> Callable[[SourceDescription], bool]:
    """Match mentions whose role ends in the same word ("the chancellor" ~ "Chancellor Olaf Brenner")."""
    head = role.lower().split()[-1].rstrip("s")
    return lambda description: (
        description.role is not None
        and description.role.lower().split()[-1].rstrip("s") == head
        and not description.pronoun
    )


def _same_surname(name: str) -> Callable[[SourceDescription], bool]:
    """Match a fuller name ending in this surname ("Reed" ~ "Councillor Tomas Reed")."""
    return lambda description: (
        description.type is SourceType.NAMED_PERSON
        and description.name != name
        and description.name.split()[-1] == name
    )
