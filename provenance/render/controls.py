r"""Characters from an article that would act on the reader's screen instead of being read.

Control characters (an ANSI escape recolours or retitles a terminal, a carriage
return overwrites a line) and the explicit bidirectional formatting characters
(an override or isolate displays a name reversed, the "Trojan Source" trick) are
article input like any other text: every renderer shows them as their escape
(``\x1b``, ``\u202e``) so they are visible and inert. Tab and line feed stay.
"""

from __future__ import annotations

import re

_ACTIVE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


_ACTIVE_IN_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def show_controls_in_line(text: str) -> str:
    """Like ``show_controls``, for a field printed on one line: tab and line feed are escaped too.

    (A file whose name holds a line feed must not print as two lines, the second one forged.)
    """
    return _ACTIVE_IN_LINE.sub(lambda match: match.group().encode("unicode_escape").decode("ascii"), text)


def show_controls(text: str) -> str:
    """Replace each control or bidi formatting character of ``text`` with its visible escape."""
    return _ACTIVE.sub(lambda match: match.group().encode("unicode_escape").decode("ascii"), text)
