"""The extraction lexicons, loaded once from the TOML data files beside this module.

Keeping words in data files lets a reader see (and extend) what counts as a cue,
a title or a hedge without reading the matching code.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from typing import Any

from provenance.models import CueKind, HedgeKind, SourceType


def _load(name: str) -> dict[str, Any]:
    data = resources.files("provenance.extract").joinpath("data", name).read_text(encoding="utf-8")
    return tomllib.loads(data)


@dataclass(frozen=True)
class CueLexicon:
    """Cue words by written form, phrases as word tuples, and the words around cues."""

    verbs: dict[str, CueKind]
    phrases: dict[tuple[str, ...], CueKind]
    addressee_verbs: frozenset[str]
    auxiliaries: frozenset[str]
    extensions: tuple[tuple[str, ...], ...]
    to_verbs: frozenset[str]
    particles: dict[str, frozenset[str]]
    noun_like: frozenset[str]
    non_speakers: frozenset[str]
    object_verbs: frozenset[str]
    issuing_verbs: frozenset[str]
    clause_only: frozenset[str]
    new_object_verbs: frozenset[str]
    headline_verbs: frozenset[str]
    stance_adjectives: frozenset[str]

    @property
    def first_words(self) -> frozenset[str]:
        """Every word that can start a cue: a quick filter before any phrase is tried."""
        return frozenset(self.verbs) | self.stance_adjectives | {phrase[0] for phrase in self.phrases}


@dataclass(frozen=True)
class SourceLexicon:
    """Words that type a source mention."""

    wire_agencies: frozenset[str]
    outlets: frozenset[str]
    outlet_words: frozenset[str]
    organisation_words: frozenset[str]
    document_words: frozenset[str]
    person_words: frozenset[str]
    vague_words: frozenset[str]
    titles: frozenset[str]
    pronouns_singular: frozenset[str]
    pronouns_plural: frozenset[str]
    pronouns_relative: frozenset[str]
    pronouns_other: frozenset[str]
    function_words: frozenset[str]
    cue_modifiers: frozenset[str]
    clause_only_verbs: frozenset[str]
    relative_cues: frozenset[str]
    group_quantifiers: frozenset[str]
    first_person: frozenset[str]
    nobody: frozenset[str]
    inclusion_words: frozenset[str]
    name_links: frozenset[str]
    name_particles: frozenset[str]
    honorifics: frozenset[str]
    nationality_endings: tuple[str, ...]
    role_stops_beyond_determiners: frozenset[str]
    group_place_links: frozenset[str]
    affiliation_links: frozenset[str]
    plural_heads: frozenset[str]
    possessive_pronouns: dict[str, str] = field(compare=False)
    descriptor_types: dict[str, SourceType] = field(compare=False)

    @cached_property
    def pronouns(self) -> frozenset[str]:
        """Every pronoun that can stand for a source."""
        return self.pronouns_singular | self.pronouns_plural | self.pronouns_relative | self.pronouns_other


@dataclass(frozen=True)
class EntityLexicon:
    """Words that group source mentions into entities: names, pronouns by gender, groups, places, roles."""

    female_names: frozenset[str]
    male_names: frozenset[str]
    female_words: frozenset[str]
    male_words: frozenset[str]
    group_words: frozenset[str]
    group_heads: frozenset[str]
    places: frozenset[str]
    outlet_short_forms: frozenset[str]
    definite_roles: frozenset[str]
    non_speakers: frozenset[str]
    role_synonyms: frozenset[str]
    definite_determiners: frozenset[str]
    indefinite_determiners: frozenset[str]
    feminine_pronouns: frozenset[str]
    masculine_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    neuter_pronouns: frozenset[str]
    company_words: frozenset[str]
    phrase_openers: frozenset[str]
    apposition_articles: frozenset[str]
    role_links: frozenset[str]
    not_roles: frozenset[str]
    name_suffixes: frozenset[str]
    not_name_titles: frozenset[str]
    title_roles: dict[str, str] = field(compare=False)


@dataclass(frozen=True)
class Abbreviations:
    """Abbreviations whose full stop does not (or may not) end a sentence."""

    never_final: frozenset[str]
    maybe_final: frozenset[str]
    openers: frozenset[str]


@cache
def cues() -> CueLexicon:
    """Load the cue lexicon (``data/cues.toml``)."""
    data = _load("cues.toml")
    verbs: dict[str, CueKind] = {}
    for kind, forms in data["verbs"].items():
        for form in forms:
            verbs.setdefault(form, CueKind(kind))
    phrases = {
        tuple(phrase.split()): CueKind(kind) for kind, items in data["phrases"].items() for phrase in items
    }
    return CueLexicon(
        verbs,
        phrases,
        frozenset(data["addressees"]["verbs"]),
        frozenset(data["around"]["auxiliaries"]),
        tuple(tuple(phrase.split()) for phrase in data["around"]["extensions"]),
        frozenset(data["around"]["to_verbs"]),
        {particle: frozenset(verbs) for particle, verbs in data["particles"].items()},
        frozenset(data["nouns"]["base_forms"]),
        frozenset(data["labels"]["not_speakers"]),
        frozenset(data["around"]["object_verbs"]),
        frozenset(data["around"]["issuing_verbs"]),
        frozenset(data["around"]["clause_only"]),
        frozenset(data["around"]["new_object_verbs"]),
        frozenset(data["headline"]["verbs"]),
        frozenset(data["adjectives"]["stance"]),
    )


@cache
def sources() -> SourceLexicon:
    """Load the source-typing lexicon (``data/sources.toml``)."""
    data = _load("sources.toml")
    possessive_pronouns = dict(data.pop("possessive_pronouns"))
    descriptor_types = {words: SourceType(kind) for words, kind in data.pop("descriptor_types").items()}
    nationality_endings = tuple(data.pop("nationality_endings"))
    return SourceLexicon(
        nationality_endings=nationality_endings,
        possessive_pronouns=possessive_pronouns,
        descriptor_types=descriptor_types,
        **{key: frozenset(values) for key, values in data.items()},
    )


@cache
def entities() -> EntityLexicon:
    """Load the entity lexicon (``data/entities.toml``)."""
    data = _load("entities.toml")
    title_roles = dict(data.pop("title_roles"))
    return EntityLexicon(title_roles=title_roles, **{key: frozenset(values) for key, values in data.items()})


@cache
def hedges() -> dict[HedgeKind, tuple[str, ...]]:
    """Load hedge phrases by kind (``data/hedges.toml``)."""
    return {HedgeKind(kind): tuple(items) for kind, items in _load("hedges.toml").items()}


@cache
def abbreviations() -> Abbreviations:
    """Load abbreviation lists for sentence segmentation (``data/abbreviations.toml``)."""
    data = _load("abbreviations.toml")
    return Abbreviations(
        frozenset(data["never_final"]), frozenset(data["maybe_final"]), frozenset(data["openers"])
    )


@cache
def cue_grammar() -> dict[str, frozenset[str]]:
    """Load the word sets the cue grammar consults (``data/cue_grammar.toml``)."""
    return {key: frozenset(words) for key, words in _load("cue_grammar.toml").items()}


@cache
def source_phrase_words() -> dict[str, frozenset[str]]:
    """Load the word sets source phrase reading consults (``data/source_phrases.toml``)."""
    data = _load("source_phrases.toml")
    return {key: frozenset(words) for key, words in data.items() if isinstance(words, list)}


@cache
def number_words() -> dict[str, int]:
    """Load number words by value ("five" is 5), from ``data/source_phrases.toml``."""
    return {word: int(value) for word, value in _load("source_phrases.toml")["numbers"].items()}
