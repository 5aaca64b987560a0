"""Source mentions: where a source noun phrase starts and ends (``describe`` says what it names).

A source phrase follows PolNeAR's conventions: determiners and titles are part of
it ("the official", "Mr. Trump", "five European diplomats"), a pronoun is a
source on its own ("he", "who"), and a comma ends it, so appositives stay out.

One construction per module: ``noun_phrase`` (the plain phrase and its head),
``before_cue`` (a phrase read leftwards from its cue, with its appositives and
relative clauses), ``after_cue`` (a phrase read rightwards), ``subject`` (a
clause's subject and a passive's agent), ``word_classes`` (what one token is);
their words are in ``data/source_phrases.toml``, named in ``words``.
"""

from __future__ import annotations

from provenance.extract.sources.after_cue import opens_after_comma, opens_aside, phrase_after
from provenance.extract.sources.before_cue import phrase_before
from provenance.extract.sources.noun_phrase import phrase_head
from provenance.extract.sources.subject import main_clause_start, name_tail, passive_agent
from provenance.extract.sources.word_classes import is_adverb, is_title_stop, joined
from provenance.extract.sources.words import lower_titles

__all__ = [
    "is_adverb",
    "is_title_stop",
    "joined",
    "lower_titles",
    "main_clause_start",
    "name_tail",
    "opens_after_comma",
    "opens_aside",
    "passive_agent",
    "phrase_after",
    "phrase_before",
    "phrase_head",
]
