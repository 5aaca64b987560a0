"""The word sets of source phrase reading, loaded from ``data/source_phrases.toml``.

Each name stands for one set there (``HEAD_END`` joins ``postmodifiers`` and
``head_ends_beyond_postmodifiers``), so the code reads as before while the words
stay data. The lexicon-derived forms the readers match against (titles in lower
case, abbreviations) are built here once.
"""

from __future__ import annotations

from functools import cache

from provenance.extract.lexicon import abbreviations, number_words, source_phrase_words, sources

__all__ = [
    "ADVERBIAL_LEADS",
    "AGENT_ENDS",
    "APPOSITIVE_PARTICIPLES",
    "APPROXIMATORS",
    "ARTICLES",
    "ASIDE_PREPOSITIONS",
    "CIRCLE_HEADS",
    "CLAUSE_OPENERS",
    "CLAUSE_SUBJECT_PRONOUNS",
    "CLOCK_MARKS",
    "COMPARATIVES",
    "COMPLEMENT_PREPOSITIONS",
    "COORDINATED_PRONOUNS",
    "DASHES",
    "DATE_LEADS",
    "DETERMINERS",
    "FINITE_VERBS",
    "FLOATING_QUANTIFIERS",
    "GROUP_PLACE_PREPOSITIONS",
    "HEAD_END",
    "HOMETOWN_PREPOSITIONS",
    "INNER_MARKS",
    "INNER_PREPOSITIONS",
    "INTRODUCTORY_CONJUNCTIONS",
    "INVERTED_VERBS",
    "IRREGULAR_PARTICIPLES",
    "LEADING_DETERMINERS",
    "LY_NOUNS",
    "NAME_CONJUNCTIONS",
    "NEGATED_SUBJECTS",
    "NEGATIONS",
    "NOT_APPOSITIVE",
    "NOT_PHRASE_STARTS",
    "NUMBERS",
    "OBJECT_PRONOUNS",
    "ORDINALS",
    "PARTITIVE_PREPOSITIONS",
    "PASSIVE_ADVERBS",
    "PASSIVE_AUXILIARIES",
    "PERSON_PREPOSITIONS",
    "PERSON_RELATIVES",
    "POSSESSIVES",
    "POSTMODIFIER",
    "QUANTIFIERS",
    "QUOTE_CLOSERS",
    "RELATIVES",
    "RELATIVE_OPENERS",
    "RIGHT_STOP",
    "SPOKEN_OF",
    "STANDALONE_QUANTIFIERS",
    "SUBJECT_COMPLEMENT_PREPOSITIONS",
    "SUBJECT_QUANTIFIERS",
    "TAIL_OPENERS",
    "TENURE_WORDS",
    "TIME_HEADS",
    "TIME_LEADS",
    "TIME_MODIFIERS",
    "TIME_NOUNS",
    "TIME_WORDS",
    "abbreviations_before_stop",
    "described",
    "lower_titles",
]

_WORDS = source_phrase_words()

NUMBERS = number_words()
DETERMINERS = _WORDS["determiners"]
ARTICLES = _WORDS["articles"]
COMPARATIVES = _WORDS["comparatives"]
LEADING_DETERMINERS = _WORDS["leading_determiners"]
QUANTIFIERS = _WORDS["quantifiers"]
SUBJECT_QUANTIFIERS = _WORDS["subject_quantifiers"]
SUBJECT_COMPLEMENT_PREPOSITIONS = _WORDS["subject_complement_prepositions"]
STANDALONE_QUANTIFIERS = _WORDS["standalone_quantifiers"]
FLOATING_QUANTIFIERS = _WORDS["floating_quantifiers"]
APPROXIMATORS = _WORDS["approximators"]
ORDINALS = _WORDS["ordinals"]
PARTITIVE_PREPOSITIONS = _WORDS["partitive_prepositions"]
COORDINATED_PRONOUNS = _WORDS["coordinated_pronouns"]
NAME_CONJUNCTIONS = _WORDS["name_conjunctions"]
CLAUSE_SUBJECT_PRONOUNS = _WORDS["clause_subject_pronouns"]
OBJECT_PRONOUNS = _WORDS["object_pronouns"]
POSSESSIVES = _WORDS["possessives"]
TAIL_OPENERS = POSSESSIVES | _WORDS["tail_openers_beyond_possessives"]
POSTMODIFIER = _WORDS["postmodifiers"]
HEAD_END = POSTMODIFIER | _WORDS["head_ends_beyond_postmodifiers"]
RIGHT_STOP = _WORDS["right_stops"]
COMPLEMENT_PREPOSITIONS = _WORDS["complement_prepositions"]
INNER_PREPOSITIONS = _WORDS["inner_prepositions"]
PERSON_PREPOSITIONS = _WORDS["person_prepositions"]
CIRCLE_HEADS = _WORDS["circle_heads"]
CLOCK_MARKS = _WORDS["clock_marks"]
TENURE_WORDS = _WORDS["tenure_words"]
NOT_PHRASE_STARTS = _WORDS["not_phrase_starts"]
RELATIVES = _WORDS["relatives"]
RELATIVE_OPENERS = _WORDS["relative_openers"]
PERSON_RELATIVES = _WORDS["person_relatives"]
NOT_APPOSITIVE = _WORDS["not_appositive"]
APPOSITIVE_PARTICIPLES = _WORDS["appositive_participles"]
ASIDE_PREPOSITIONS = _WORDS["aside_prepositions"]
HOMETOWN_PREPOSITIONS = _WORDS["hometown_prepositions"]
FINITE_VERBS = _WORDS["finite_verbs"]
SPOKEN_OF = _WORDS["spoken_of"]
IRREGULAR_PARTICIPLES = _WORDS["irregular_participles"]
PASSIVE_AUXILIARIES = _WORDS["passive_auxiliaries"]
PASSIVE_ADVERBS = _WORDS["passive_adverbs"]
AGENT_ENDS = _WORDS["agent_ends"]
NEGATIONS = _WORDS["negations"]
NEGATED_SUBJECTS = _WORDS["negated_subjects"]
INVERTED_VERBS = _WORDS["inverted_verbs"]
CLAUSE_OPENERS = _WORDS["clause_openers"]
INTRODUCTORY_CONJUNCTIONS = _WORDS["introductory_conjunctions"]
LY_NOUNS = _WORDS["ly_nouns"]
ADVERBIAL_LEADS = _WORDS["adverbial_leads"]
GROUP_PLACE_PREPOSITIONS = _WORDS["group_place_prepositions"]
TIME_WORDS = _WORDS["time_words"]
TIME_HEADS = TIME_WORDS | _WORDS["time_heads_beyond_time_words"]
TIME_LEADS = _WORDS["time_leads"]
TIME_MODIFIERS = DETERMINERS | frozenset(NUMBERS) | _WORDS["time_modifiers_beyond_numbers"]
DATE_LEADS = _WORDS["date_leads"]
TIME_NOUNS = _WORDS["time_nouns"]
INNER_MARKS = _WORDS["inner_marks"]
DASHES = _WORDS["dashes"]
QUOTE_CLOSERS = _WORDS["quote_closers"]


@cache
def lower_titles() -> frozenset[str]:
    """Titles in lower case without their full stop ("sen", "mayor"), for matching words as read."""
    return frozenset(title.lower().rstrip(".") for title in sources().titles)


@cache
def abbreviations_before_stop() -> frozenset[str]:
    """Abbreviations whose full stop may not end a sentence ("Sen", "Jan")."""
    lexicon = abbreviations()
    return lexicon.never_final | lexicon.maybe_final


@cache
def described() -> frozenset[str]:
    """Words for persons and documents, in lower case."""
    lexicon = sources()
    return frozenset(word.lower() for word in lexicon.person_words | lexicon.document_words)
