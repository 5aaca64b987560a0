"""Source typing: what kind of source a phrase names, read from the phrase alone.

Named person (with role and affiliation), organisation, outlet, wire agency,
document, anonymous individual or group (with a count and whether the
description is specific or vague). The words that decide live in
``data/sources.toml``; finding where the phrase starts and ends is
``sources``'s job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from provenance.extract.lexicon import SourceLexicon, entities, sources
from provenance.extract.sources.words import (
    ARTICLES,
    DETERMINERS,
    HEAD_END,
    NUMBERS,
    PARTITIVE_PREPOSITIONS,
    QUANTIFIERS,
    lower_titles,
)
from provenance.models import Anonymity, SourceType

__all__ = ["ACRONYM", "SourceDescription", "coordinated", "describe"]

NAME_END = re.compile(r"\s*[,()—–]\s*")
POSSESSIVE_ENDINGS = ("’s", "'s")
ROLE_STOPS = DETERMINERS | QUANTIFIERS | sources().role_stops_beyond_determiners
"""Words that end a role read leftwards from its head ("Sanders and his aides" has role "aides")."""
NOT_AFFILIATIONS = DETERMINERS | frozenset(NUMBERS) | sources().pronouns
"""Capitalised words before a head that name no affiliation ("The", "Two", "Their")."""


@dataclass(frozen=True, slots=True)
class SourceDescription:
    """What the extractor can tell about a source from its phrase alone."""

    type: SourceType
    name: str
    count: int | None
    role: str | None
    affiliation: str | None
    anonymity: Anonymity
    on_record: bool
    pronoun: bool


ACRONYM = re.compile(r"[A-Z][A-Z&]{1,7}")
"""A body's initials standing as its name ("the NAACP"; "AROS" for "Alliance to Reclaim Our Schools")."""
DOTTED_ACRONYM = re.compile(r"(?:[A-Z]\.){2,4}")
"""A body's initials with full stops ("the U.N."), which no person's name is alone."""
COORDINATION = re.compile(r"\s+and\s+")
HANDLE = re.compile(r"@\w{2,}")


def coordinated(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split "Finance Minister Anna Berg and Interior Minister Jonas Lind" into one range per person.

    Only a phrase whose every conjunct is a titled or full name ("Mr. Lind and Mr. Berg") splits; "Smith
    and Wesson" or "officials and diplomats" stay one source, and so does an
    "and" inside an appositive or relative clause ("Ada Lind, who studies tax
    and labor at the Harbor Institute").
    """
    phrase = text[start:end]
    if "and" not in phrase:  # most sources: a test in C spares the search
        return [(start, end)]
    matches = list(COORDINATION.finditer(phrase))
    if len(matches) != 1 or "," in phrase[: matches[0].start()]:
        return [(start, end)]
    match = matches[0]
    parts = [(start, start + match.start()), (start + match.end(), end)]
    for part_start, part_end in parts:
        words = text[part_start:part_end].split()
        person = describe(text[part_start:part_end])
        titled = words[0] in sources().titles
        if (
            len(words) < 2
            or person.type is not SourceType.NAMED_PERSON
            or not (len(person.name.split()) > 1 or titled)
        ):
            return [(start, end)]
    return parts


TITLE_WORDS = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
ROLE_FOR = re.compile(
    r"(?:(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother)\s+)?(?:[a-z-]+\s+)?([a-z]+)\s+(?:for|of|to)\s+((?:the\s+)?[A-Z][^,]*)\Z"
)
"""A role that names the party it serves: "An attorney for Pagliano", "a spokeswoman for the Harbor Trust"."""


def describe(text: str, lexicon: SourceLexicon | None = None) -> SourceDescription:
    """Type a source phrase: named person, organisation, outlet, agency, document or anonymous.

    A first name from the gazetteer after a title of any length makes a named
    person whatever the title's words ("Secretary of State John F. Kerry",
    "Mayor Bill de Blasio").
    """
    lexicon = lexicon or sources()
    pronoun = lexicon.possessive_pronouns.get(text.lower())
    if pronoun is not None:
        return replace(_describe(pronoun, lexicon), name=text)
    if text.endswith(POSSESSIVE_ENDINGS) and " " not in text[-3:]:
        text = text[:-2]
    found = _describe(text, lexicon)
    person = _first_named(text.split()) if not found.pronoun else None
    if person is None or (found.type is SourceType.NAMED_PERSON and found.name == person.name):
        return found
    return person


def _describe(text: str, lexicon: SourceLexicon) -> SourceDescription:
    group, comma, members = text.partition(", ")
    if comma and members.split()[0].lower() in lexicon.inclusion_words:  # "Critics, including Lind"
        described = _describe(group, lexicon)
        return described if described.anonymity is Anonymity.NAMED else replace(described, name=text)
    words = text.split()
    lower = [word.lower().strip(".,") for word in words]
    if (
        (len(words) == 1 and lower[0] in lexicon.first_person)
        or lower[:2] == ["no", "one"]
        or (lower[0] in lexicon.nobody and len(words) <= 2)
    ):
        return SourceDescription(SourceType.UNATTRIBUTED, text, None, None, None, Anonymity.VAGUE, False,
                                 lower[0] in lexicon.first_person)  # fmt: skip
    if len(words) == 1 and lower[0] in lexicon.pronouns:
        plural = lower[0] in lexicon.pronouns_plural
        return SourceDescription(
            SourceType.ANONYMOUS_GROUP if plural else SourceType.NAMED_PERSON,
            text, None if plural else 1, None, None,
            Anonymity.VAGUE if plural else Anonymity.NAMED, not plural, True,
        )  # fmt: skip
    handle = next((word for word in words if HANDLE.fullmatch(word)), None)
    if handle is not None:  # "one Twitter user @jolund": a handle is a name
        role = " ".join(word for word in words[: words.index(handle)] if word.lower() not in DETERMINERS)
        return SourceDescription(SourceType.NAMED_PERSON, handle, 1, role or None, None, Anonymity.NAMED,
                                 True, False)  # fmt: skip
    bare = TITLE_WORDS.sub("", text)
    if bare != text and bare in entities().outlet_short_forms:  # "The Post", not a post
        return SourceDescription(SourceType.OUTLET, bare, 1, None, None, Anonymity.NAMED, True, False)
    if lexicon.descriptor_types.get(bare, SourceType.NAMED_ORGANISATION) is not SourceType.NAMED_ORGANISATION:
        return SourceDescription(SourceType.ANONYMOUS_INDIVIDUAL, text, 1, bare, None, Anonymity.VAGUE,
                                 False, False)  # fmt: skip
    known = _gazetteer_kind(bare)
    if known is not None:
        return known
    if bare in lexicon.wire_agencies or bare.split(" ")[0] in lexicon.wire_agencies:
        return SourceDescription(SourceType.WIRE_AGENCY, bare, 1, None, None, Anonymity.NAMED, True, False)
    if bare in lexicon.outlets or (words[-1].lower() in lexicon.outlet_words and _capitalised(words[:-1])):
        return SourceDescription(SourceType.OUTLET, bare, 1, None, None, Anonymity.NAMED, True, False)
    if len(words) == 2 and lower[0] == "the" and ACRONYM.fullmatch(words[1]):  # "the NAACP": a body
        return SourceDescription(SourceType.NAMED_ORGANISATION, words[1], 1, None, None, Anonymity.NAMED,
                                 True, False)  # fmt: skip
    lead = NAME_END.split(bare)[0].strip()
    if DOTTED_ACRONYM.fullmatch(lead) and lead not in entities().places:  # "The U.N., which …"
        return SourceDescription(SourceType.NAMED_ORGANISATION, lead, 1, None, None, Anonymity.NAMED, True,
                                 False)  # fmt: skip
    head = _head(words)
    head_lower = head.lower()
    if head_lower in lexicon.document_words:
        return SourceDescription(SourceType.DOCUMENT, text, 1, None, _affiliation(words, head), _named(words),
                                 True, False)  # fmt: skip
    organisation = (
        head in lexicon.organisation_words
        or head_lower in lexicon.organisation_words
        or bare in (lexicon.organisation_words)
    )
    if (
        organisation
        and lower[0] in entities().indefinite_determiners
        and not any(word[:1].isupper() for word in words[1:])
    ):
        return SourceDescription(SourceType.ANONYMOUS_GROUP, text, None, None, None, Anonymity.VAGUE, False,
                                 False)  # fmt: skip  # "a group of parents": a body no one names
    if organisation:
        name = NAME_END.split(bare)[0]  # "The alliance, which includes …" is named "alliance"
        return SourceDescription(SourceType.NAMED_ORGANISATION, name, 1, None, _affiliation(words, head),
                                 Anonymity.NAMED, True, False)  # fmt: skip
    if _leads_appositive(text, lexicon) or _role_then_name(text):
        person = _named_person(text, lexicon)
        if person is not None:
            return person
    if (head_lower in lexicon.person_words or head_lower in lower_titles()) and not _has_name(
        words, head, lexicon
    ):
        count = None if _partitive(lower) else _count(lower, head_lower)
        vague = head_lower in lexicon.vague_words
        return SourceDescription(
            SourceType.ANONYMOUS_GROUP if count != 1 else SourceType.ANONYMOUS_INDIVIDUAL,
            text, count, _role(words, head) if head_lower not in lexicon.vague_words else None,
            _affiliation(words, head), Anonymity.VAGUE if vague else Anonymity.SPECIFIC, False, False,
        )  # fmt: skip
    person = None if lower[0] in QUANTIFIERS else _named_person(text, lexicon)
    if person is not None:
        return person
    plural = (head_lower.endswith("s") and not head_lower.endswith("ss")) or _partitive(lower)
    return SourceDescription(
        SourceType.ANONYMOUS_GROUP if plural else SourceType.ANONYMOUS_INDIVIDUAL,
        text, None if plural else 1, None, None, Anonymity.VAGUE, False, False,
    )  # fmt: skip


def _gazetteer_kind(bare: str) -> SourceDescription | None:
    """Type a phrase the entity gazetteer knows, or None.

    A thing that cannot speak ("the camera") is no source (``UNATTRIBUTED``);
    a place speaks as a government ("Mexico"); a people in general
    ("Democrats", "Americans") and an unnamed body ("an arbitration panel") are groups; a
    paper by its short name ("The New York Post"), a name of an organisation
    built on "for" or "of" ("Citizens for Tax Justice").
    """
    lexicon = entities()
    words = bare.split()
    if words[-1].lower() in lexicon.non_speakers:
        return SourceDescription(SourceType.UNATTRIBUTED, bare, None, None, None, Anonymity.VAGUE, False,
                                 False)  # fmt: skip
    if bare in lexicon.places:
        return SourceDescription(SourceType.NAMED_ORGANISATION, bare, 1, None, None, Anonymity.NAMED, True,
                                 False)  # fmt: skip
    if words[-1] in lexicon.group_heads and _names_body(words[:-1]):
        return SourceDescription(SourceType.NAMED_ORGANISATION, bare, 1, None, None, Anonymity.NAMED, True,
                                 False)  # fmt: skip
    if (
        (words[-1] in lexicon.group_words and len(words) <= 2 and _capitalised(words))
        or (words[0] in lexicon.group_words and len(words) > 2 and words[1] in sources().group_place_links)
        or (words[-1] in lexicon.group_heads and not any(word[:1].isupper() for word in words[1:]))
    ):
        return SourceDescription(SourceType.ANONYMOUS_GROUP, bare, None, None, None, Anonymity.VAGUE, False,
                                 False)  # fmt: skip
    if len(words) > 1 and words[-1] in lexicon.outlet_short_forms and _capitalised(words):
        return SourceDescription(SourceType.OUTLET, bare, 1, None, None, Anonymity.NAMED, True, False)
    inner = {word for word in words[1:-1] if word.islower()}
    if (
        len(words) > 2
        and inner
        and inner <= sources().name_links
        and all(word[:1].isupper() for word in words if word not in sources().name_links)
        and words[0] not in sources().titles
        and words[0] not in lexicon.group_words
        and not any(word in lexicon.female_names or word in lexicon.male_names for word in words)
    ):
        return SourceDescription(SourceType.NAMED_ORGANISATION, bare, 1, None, None, Anonymity.NAMED, True,
                                 False)  # fmt: skip
    return None


def _names_body(modifiers: list[str]) -> bool:
    """Tell whether the words before "panel" or "jury" name whose body it is ("House panel", "Senate jury").

    The words are a plain modifier run (no comma, bracket or function word:
    "a member of the panel" is no body's name). A capitalised word past the
    first names it; the first word, which a sentence or headline capitalises
    anyway, must be a known institution or place.
    """
    if any(not word.isalpha() or word.lower() in sources().function_words for word in modifiers):
        return False
    if any(word[:1].isupper() for word in modifiers[1:]):
        return True
    return bool(modifiers) and (
        modifiers[0] in sources().organisation_words or modifiers[0] in entities().places
    )


def _first_named(words: list[str]) -> SourceDescription | None:
    """Read a title of any length before a gazetteer first name ("Secretary of State John F. Kerry")."""
    lexicon = entities()
    for index, word in enumerate(words[1:], start=1):
        if word in lexicon.female_names or word in lexicon.male_names:
            name = words[index:]
            if (
                len(name) < 2
                or not all(part[:1].isupper() or part in sources().name_particles for part in name)
                or "," in " ".join(words)
            ):
                return None
            if not all(part[:1].isupper() or part in sources().name_links for part in words[:index]):
                return None
            role = " ".join(words[:index])
            return SourceDescription(SourceType.NAMED_PERSON, " ".join(name), 1, role, None, Anonymity.NAMED,
                                     True, False)  # fmt: skip
    return None


def _named_person(text: str, lexicon: SourceLexicon) -> SourceDescription | None:
    """Read "Veridian Chancellor Olaf Brenner" or "the opposition leader, Piet Moller"."""
    parts = [part for part in NAME_END.split(text) if part.strip()]
    described = _described_then_named(parts, lexicon)
    if described is not None:
        return described
    for index, part in enumerate(parts[:2]):
        person = _titled_name(part, lexicon)
        if person is not None:
            appositive = next(
                (part.split() for part in parts[1:] if part.split()[0].lower() in ARTICLES), None
            )
            if index == 0 and appositive is not None:
                return replace(person, role=_role(appositive, _head(appositive)))
            if person.role is not None and all(
                word.rstrip(".") in lexicon.honorifics for word in person.role.split()
            ):
                return replace(person, role=None)
            if person.role is None and index == 1:
                role = " ".join(word for word in parts[0].split() if word.lower() not in DETERMINERS)
                return replace(person, role=role or None)
            return person
    return None


def _described_then_named(parts: list[str], lexicon: SourceLexicon) -> SourceDescription | None:
    """Read "An attorney for Lund, Jo Moreau": the name after the comma, with the role and its party.

    The first part is a person word ("attorney", "spokeswoman") tied to the
    party it serves by "for", "of" or "to"; the second is a full name.
    """
    if len(parts) < 2:
        return None
    match = ROLE_FOR.match(parts[0].strip())
    role = match.group(1).lower() if match is not None else ""
    if match is None or (role not in lexicon.person_words and role not in lower_titles()):
        return None
    person = _titled_name(parts[1], lexicon)
    if person is None or len(person.name.split()) < 2 or person.role is not None:
        return None
    return replace(person, role=role, affiliation=match.group(2))


def _titled_name(text: str, lexicon: SourceLexicon) -> SourceDescription | None:
    words = [word for word in text.split() if word.lower() not in ARTICLES]
    start = len(words)
    while start > 0 and words[start - 1][:1].isupper() and words[start - 1] not in lexicon.titles:
        start -= 1
    name, prefix = words[start:], words[:start]
    if not name:
        return None
    affiliation = None
    if len(prefix) > 1 and prefix[-1] == "of" and " ".join(name) in entities().places:
        named = _titled_name(" ".join(prefix[:-1]), lexicon)  # "Rep. Ada Lind of Ohio": Lind, from Ohio
        if named is not None and named.role is not None:
            return replace(named, affiliation=named.affiliation or " ".join(name))
    if len(prefix) > 1 and prefix[0][:1].isupper() and prefix[0].endswith(lexicon.nationality_endings):
        affiliation, prefix = prefix[0], prefix[1:]
    role = " ".join(prefix) or None
    return SourceDescription(
        SourceType.NAMED_PERSON, " ".join(name), 1, role, affiliation, Anonymity.NAMED, True, False
    )


def _head(words: list[str]) -> str:
    """Return the phrase's head noun: the last word before any post-modifier.

    A partitive is no post-modifier: the head of "Nine in 10 voters" is "voters".
    """
    for index, word in enumerate(words):
        previous = words[index - 1].lower() if index > 0 else ""
        partitive = word.lower() in PARTITIVE_PREPOSITIONS and (
            previous in NUMBERS or previous in QUANTIFIERS or previous.isdigit()
        )
        if index > 0 and word.lower() in HEAD_END and not partitive:
            return words[index - 1].strip(".,")
    return words[-1].strip(".,")


def _partitive(lower: list[str]) -> bool:
    """Tell whether a phrase names a share of a group ("Nine in 10 voters", "More than six in 10", "42%")."""
    return (
        lower[0] in sources().group_quantifiers
        or any(word.endswith("%") or word == "percent" for word in lower)
        or any(
            word == "in" and (lower[index - 1] in NUMBERS or lower[index - 1].isdigit())
            for index, word in enumerate(lower[1:-1], start=1)
        )
    )


def _leads_appositive(text: str, lexicon: SourceLexicon) -> bool:
    """Tell whether a phrase opens with a name, then an appositive ("Sen. Ada Moreau (D-Vt.), a member")."""
    parts = [part for part in NAME_END.split(text) if part.strip()]
    if len(parts) < 2:
        return False
    first = _titled_name(parts[0], lexicon)
    last_word = parts[0].split()[-1]
    surname = len(parts[0].split()) == 1 and parts[1].split()[0].lower() in ARTICLES
    return (
        first is not None
        and (len(first.name.split()) > 1 or first.role is not None or surname)
        and last_word.lower() not in lexicon.person_words
        and last_word not in entities().group_words
        and last_word not in lexicon.organisation_words
        and last_word.lower() not in lexicon.document_words
    )


def _role_then_name(text: str) -> bool:
    """Tell whether a role comes first, then a name, then more ("the mayor’s aide, Jo Lee, a lawyer")."""
    parts = [part.split() for part in NAME_END.split(text) if part.strip()]
    return (
        len(parts) > 2
        and parts[0][-1].islower()
        and len(parts[1]) > 1
        and all(word[:1].isupper() for word in parts[1])
    )


def _role(words: list[str], head: str) -> str:
    """Return the head noun as written with its lower-case modifiers ("senior official", "diplomats")."""
    index = words.index(head) if head in words else len(words) - 1
    start = index
    while start > 0 and words[start - 1].islower() and words[start - 1] not in ROLE_STOPS:
        start -= 1
    return " ".join([*words[start:index], head.lower()])


def _capitalised(words: list[str]) -> bool:
    return bool(words) and all(word[:1].isupper() or not word[:1].isalpha() for word in words)


def _has_name(words: list[str], head: str, lexicon: SourceLexicon) -> bool:
    """Tell whether a proper name follows the head ("spokesman Dmitry Peskov")."""
    index = words.index(head) if head in words else len(words) - 1
    tail = words[index + 1 :]
    return bool(tail) and tail[0][:1].isupper() and tail[0] not in lexicon.titles


def _named(words: list[str]) -> Anonymity:
    return Anonymity.NAMED if any(word[:1].isupper() for word in words[1:]) else Anonymity.SPECIFIC


def _affiliation(words: list[str], head: str) -> str | None:
    """Capitalised modifiers before the head ("European" diplomats) or an "of"/"from" complement."""
    index = words.index(head) if head in words else len(words) - 1
    before = [word for word in words[:index] if word[:1].isupper() and word.lower() not in NOT_AFFILIATIONS]
    if before:
        return " ".join(before).removesuffix("’s").removesuffix("'s")
    for position, word in enumerate(words[index + 1 :], start=index + 1):
        if word in sources().affiliation_links:
            rest = [w for w in words[position + 1 :] if w[:1].isupper()]
            return " ".join(rest) or None
    return None


def _count(lower: list[str], head: str) -> int | None:
    for word in lower:
        if word in NUMBERS:
            return NUMBERS[word]
        if word.isascii() and word.isdigit():
            return int(word)
    if (head.endswith("s") and not head.endswith("ss")) or head in sources().plural_heads:
        return None
    return 1
