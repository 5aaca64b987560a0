"""Inline suppression markers: a reviewed claim silences one rule, and says why.

The marker is an HTML comment, invisible when Markdown or HTML is rendered::

    <!-- provenance: ignore PRV002 -- confirmed by phone with the ministry -->

It applies to the next claim after it. The reason after ``--`` is mandatory:
a marker without one, with no rule, or naming a rule that does not exist does
not silence anything and is itself reported, so a suppression can never be
added by accident or left unexplained.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from provenance.models import Span

MARKER = re.compile(r"<!--\s*provenance\s*:(?P<body>.*?)-->", re.DOTALL | re.IGNORECASE)
DIRECTIVE = re.compile(r"\s*ignore\b(?P<rules>.*?)(?:\s--(?P<reason>.*))?\Z", re.DOTALL | re.IGNORECASE)
RULE_SEPARATOR = re.compile(r"[\s,]+")


@dataclass(frozen=True)
class Marker:
    """A well-formed marker: the rules it silences for the next claim and the reviewer's reason."""

    span: Span
    rules: tuple[str, ...]
    reason: str


@dataclass(frozen=True)
class MalformedMarker:
    """A marker that silences nothing, with the problem to report."""

    span: Span
    problem: str


@dataclass
class Markers:
    """Every marker found in one article, valid or not."""

    valid: list[Marker] = field(default_factory=list)
    malformed: list[MalformedMarker] = field(default_factory=list)


def find_markers(text: str, known_rules: Collection[str] | None = None) -> Markers:
    """Parse every ``<!-- provenance: … -->`` marker in ``text``.

    ``known_rules`` holds the rule ids and names that may be silenced (case is
    ignored); when given, a marker naming anything else is malformed.
    """
    known = {rule.casefold() for rule in known_rules} if known_rules is not None else None
    markers = Markers()
    for match in MARKER.finditer(text):
        span = Span.of(text, match.start(), match.end())
        directive = DIRECTIVE.match(match.group("body"))
        if directive is None:
            markers.malformed.append(
                MalformedMarker(span, "unknown directive; write `provenance: ignore RULE -- reason`")
            )
            continue
        rules = tuple(rule for rule in RULE_SEPARATOR.split(directive.group("rules").strip()) if rule)
        reason = " ".join((directive.group("reason") or "").split())
        unknown = [rule for rule in rules if known is not None and rule.casefold() not in known]
        if not rules:
            markers.malformed.append(MalformedMarker(span, "names no rule; write `ignore RULE -- reason`"))
        elif unknown:
            markers.malformed.append(MalformedMarker(span, f"names unknown rule {', '.join(unknown)}"))
        elif not reason:
            markers.malformed.append(
                MalformedMarker(span, "gives no reason; add `-- why the claim is acceptable` after the rule")
            )
        else:
            markers.valid.append(Marker(span, rules, reason))
    return markers
