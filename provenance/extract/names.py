"""People named anywhere in an article, speaking or not: whom a later "he", "she" or "the nominee" may mean.

A source is often first named where it does not speak ("Trump’s rally …",
"Republican nominee Donald Trump visited …") and then speaks only as "he" or
"the nominee". So every person name of the text is collected once, headline
included: a first name from the gazetteer or a title of address or office
before capitalised words ("Mr. Lind", "Sen. Ada Moreau"), then every later bare
surname. Each person keeps the fullest name used, a gender when the first name
or a title says it, the role words around the name ("Republican presidential
nominee", ", the mayor of Dover,") and where the person is mentioned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from provenance.extract.lexicon import entities, sources

__all__ = ["Gender", "People", "Person", "find_people", "gender_of"]

Gender = str
"""``"f"``, ``"m"`` or ``""`` (not known)."""
CAPITALISED_RUN = re.compile(r"[A-Z](?<![\w’'].)[\w’'.-]*(?:[ \u00a0][A-Z][\w’'.-]*)*")
"""Capitalised words in a row, not inside a word; the capital comes first so the search can skip to one."""
WORD = re.compile(r"[\w’'-]+")
ROLE_FOR_BEFORE = re.compile(
    r"\b([a-z]+)\s+(?:for|of|to)\s+(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*,\s*\Z"
)
"""A role before a name that says whom it serves: "An attorney for Pagliano, | Mark MacDougall"."""
APPOSITION = re.compile(r"\A,\s+(?:(?:the|a|an)\s+)?([^,.;:()“”\"]{3,80}?)\s*[,.;)]")
POSSESSIVE = ("’s", "'s", "’", "'")
SIGNATURE = re.compile(r"[ \t]*((?:[A-Z][\w’'.-]*[ \u00a0]){1,3}[A-Z][\w’'-]*|@\w+)\.?[ \t]*(?:\n|\Z)")
"""A paragraph that is only a name or a handle ("Ada Lind.", "@adalind"): who signs the paragraph above it."""


@dataclass
class Person:
    """One person named in the text: the fullest name, gender, role words and mentions."""

    name: str
    surname: str
    first: str
    gender: Gender
    titles: set[str] = field(default_factory=set)
    mentions: list[tuple[int, int]] = field(default_factory=list)

    def mentioned_before(self, position: int) -> int:
        """Return where the last mention before ``position`` ends, or -1."""
        return max((end for start, end in self.mentions if end <= position), default=-1)

    def mentions_before(self, position: int) -> int:
        """Count the mentions before ``position``: how much the person has been spoken of."""
        return sum(1 for _, end in self.mentions if end <= position)


@dataclass
class People:
    """The persons of one article, by surname."""

    text: str = ""
    persons: list[Person] = field(default_factory=list)
    _roles: dict[int, set[str]] = field(default_factory=dict)
    surnames: dict[str, list[Person]] = field(default_factory=dict)
    _signatures: dict[int, Person | None] = field(default_factory=dict)

    def add(self, person: Person) -> None:
        """Add a new person."""
        self.persons.append(person)
        self.surnames.setdefault(person.surname, []).append(person)

    def roles(self, person: Person) -> set[str]:
        """Role words of a person: titles, words before a mention ("GOP nominee"), appositions after one.

        Read on demand, since only a description ("the nominee") asks for them.
        """
        found = self._roles.get(id(person))
        if found is None:
            found = set(person.titles)
            for start, end in person.mentions:
                found |= _roles_around(self.text, start, end)
            self._roles[id(person)] = found
        return found

    def signer(self, position: int) -> Person | None:
        """Find who signs the paragraph holding ``position``: a name or handle alone in the next paragraph.

        Readers' letters and posts are printed so ("… turned me into a combatant!" then
        "Ada Lind."), and their "I" and "we" are that writer. A line of headings ("FULL
        TEXT", "Joining Forces With China") or a place ("New York.") signs nothing.
        """
        end = self.text.find("\n", position)
        if end == -1:
            return None
        while end < len(self.text) and self.text[end] in "\n \t":
            end += 1
        if end not in self._signatures:
            self._signatures[end] = _signature(self.text, end)
        return self._signatures[end]

    def by_surname(self, surname: str, first: str = "") -> Person | None:
        """Find the person of a surname (and first name, when given); the most mentioned on a clash."""
        matches = self.surnames.get(_key(surname), [])
        if first:
            exact = [person for person in matches if person.first == first.lower()]
            matches = exact or [person for person in matches if not person.first]
        return max(matches, key=lambda person: len(person.mentions), default=None)


def find_people(text: str, named: list[tuple[int, int, str]]) -> People:
    """Collect every person named in ``text`` (see the module docstring).

    ``named`` adds the full names the extractor found as sources, as
    ``(start, end, name)``, whatever their first name ("Sonya Herridge").
    """
    people = People(text)
    for start, end, full in named:
        _add(people, start, end, [], full.split())
    titles, first_names = _titles(), _first_names()
    singles: list[tuple[int, int, str]] = []
    for match in CAPITALISED_RUN.finditer(text):
        run = match.group()
        if " " not in run and "\u00a0" not in run:
            singles.append((match.start(), match.end(), run))
            continue
        words = run.replace("\u00a0", " ").split(" ")
        lead = 0
        while lead < len(words) - 1 and words[lead].rstrip(".").lower() in titles:
            lead += 1
        if not lead:
            first = next((i for i, word in enumerate(words[:-1]) if word in first_names), None)
            lead = _after_title(words, titles) if first is None else first
        name = words[lead:]
        while name and name[-1].lower() in entities().name_suffixes:
            name = name[:-1]
        if not name or _institution(name):
            continue
        _add(people, match.start(), match.end(), words[:lead], name)
    for start, end, word in singles:
        if _key(word) not in people.surnames:
            continue
        person = people.by_surname(word)
        if person is not None and (start, end) not in person.mentions:
            person.mentions.append((start, end))
    for person in people.persons:
        person.mentions.sort()
    return people


@lru_cache(maxsize=4096)
def gender_of(phrase: str) -> Gender:
    """Tell a person's gender from a phrase that names or describes them ("Mrs. Lind", "the spokeswoman")."""
    lexicon = entities()
    words = [word.lower().rstrip(".") for word in WORD.findall(phrase)]
    for word in words:
        if word in lexicon.female_words:
            return "f"
        if word in lexicon.male_words:
            return "m"
    for word in WORD.findall(phrase):
        if word in lexicon.female_names:
            return "f"
        if word in lexicon.male_names:
            return "m"
    return ""


def _add(people: People, start: int, end: int, titles: list[str], name: list[str]) -> None:
    surname = _key(name[-1])
    first = name[0].lower() if len(name) > 1 else ""
    person = people.by_surname(surname, first)
    if person is None:
        person = Person(name="", surname=surname, first=first, gender="")
        people.add(person)
    full = " ".join([*name[:-1], _bare(name[-1])])
    if len(full) > len(person.name):
        person.name = full
    if first and not person.first:
        person.first = first
    if not person.gender:
        person.gender = gender_of(" ".join([*titles, *name]))
    person.titles.update(
        entities().title_roles.get(word.rstrip(".").lower(), word.rstrip(".").lower()) for word in titles
    )
    person.mentions.append((start, end))


def _signature(text: str, start: int) -> Person | None:
    """Read the signature paragraph at ``start``, if the paragraph there is one."""
    match = SIGNATURE.match(text, start)
    if match is None:
        return None
    name = match.group(1).replace("\u00a0", " ").split(" ")
    function_words = sources().function_words
    if not name[0].startswith("@") and (
        all(word.isupper() for word in name)
        or any(word.lower() in function_words for word in name)
        or _institution(name)
    ):
        return None
    full = " ".join(name)
    first = name[0].lower() if len(name) > 1 else ""
    person = Person(name=full, surname=_key(name[-1]), first=first, gender=gender_of(full))
    person.mentions.append(match.span(1))
    return person


def _roles_around(text: str, start: int, end: int) -> set[str]:
    """Role words before a name ("Republican presidential nominee") and in an apposition after it."""
    words: set[str] = set()
    stops = _not_role_words()
    for word in reversed(text[max(0, start - 60) : start].split()[-4:]):
        lower = word.lower()
        if lower in stops or not lower[-1:].isalpha() or (lower.endswith(POSSESSIVE) and word[:1].isupper()):
            break
        words.add(lower)
    served = ROLE_FOR_BEFORE.search(text[max(0, start - 80) : start])
    if served is not None:
        words.add(served.group(1).lower())
    after = APPOSITION.match(text[end : end + 90])
    if after is not None:
        words.update(word.lower() for word in WORD.findall(after.group(1)))
    return words


def _after_title(words: list[str], titles: frozenset[str]) -> int:
    """Find where a name starts after the last title inside a run ("Retired U.S. Air Force Gen. Norman Ham").

    The name is the two or three words after that title; without one, the run names no one (its length).
    """
    last = max((i for i, word in enumerate(words[:-1]) if word.rstrip(".").lower() in titles), default=None)
    return last + 1 if last is not None and 2 <= len(words) - last - 1 <= 3 else len(words)


def _institution(name: list[str]) -> bool:
    """Tell whether capitalised words after a title name a body or place ("Justice Department")."""
    organisations = sources().organisation_words
    return any(word in organisations or word.lower() in organisations for word in name) or (
        " ".join(name) in entities().places
    )


def _key(word: str) -> str:
    lower = word.lower()
    if lower.endswith(("’s", "'s")):
        return lower[:-2]
    return lower[:-1] if lower.endswith(("’", "'")) and len(lower) > 1 else lower


def _bare(word: str) -> str:
    """Drop a possessive ending ("Trump’s" → "Trump")."""
    for ending in POSSESSIVE:
        if word.endswith(ending) and len(word) > len(ending):
            return word[: -len(ending)]
    return word


@cache
def _titles() -> frozenset[str]:
    """Titles of address and office, lower case without their full stop, that open a person's name."""
    return frozenset(
        title.lower().rstrip(".")
        for title in sources().titles
        if title[:1].isupper() and title not in entities().not_name_titles
    )


@cache
def _not_role_words() -> frozenset[str]:
    """Words that end the role words read before a name: function words and the words no role is.

    Joined once rather than per mention read (a union of some 180 words each time).
    """
    return sources().function_words | entities().not_roles


@cache
def _first_names() -> frozenset[str]:
    lexicon = entities()
    return lexicon.female_names | lexicon.male_names
