"""Attribution cues in a sentence, with the source and content each one ties together.

One module per construction: verb cues (``verbs``), passive and impersonal cues
(``passives``), "according to" and noun cues (``nominal``), punctuation and
transcript cues (``punctuation``); ``content`` finds where a content starts and
ends, ``clause`` holds what they share, ``words`` the word sets from
``data/cue_grammar.toml``, and ``sentence`` reads a whole sentence with them.
"""

from __future__ import annotations

from provenance.extract.cues.clause import RawAttribution, first_cue_words
from provenance.extract.cues.punctuation import introduction
from provenance.extract.cues.sentence import find_attributions, trigger_words

__all__ = ["RawAttribution", "find_attributions", "first_cue_words", "introduction", "trigger_words"]
