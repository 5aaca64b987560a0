"""brat standoff: attributions as ``.ann`` text, written for review and read back as gold.

brat (and INCEpTION, which imports it) is what annotators use to review and
correct attributions, and PolNeAR, the public attribution corpus, is published
in it. The layout mirrors PolNeAR's files so that both tools load our output
with PolNeAR's annotation scheme::

    T1	Source 0 15	Washington Post
    T2	Cue 16 21	backs
    T3	Content 22 51	Hillary Clinton for president
    T4	Attribution 16 21	backs
    E1	Attribution:T4 Content:T3 Cue:T2 Source:T1

``T`` lines are spans (``start end`` character offsets into the text exactly as
read, ``;`` between the fragments of a discontinuous span, then the covered
text); ``E`` lines tie one attribution's roles to a trigger span, which repeats
the cue (``Attribution``, or ``Attribution-no-source`` when there is no
source). A source shared by several attributions is one ``T`` line reused by
each ``E`` line.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

from pydantic import Field

from provenance.errors import InputError
from provenance.models import AnalysisResult, Model, Span

__all__ = [
    "ANNOTATION_CONF",
    "BratAttribution",
    "attributions_of",
    "line_fragments",
    "parse_ann",
    "render_ann",
]

ANNOTATION_CONF = """\
# brat annotation scheme for provenance's attribution export (PolNeAR's types).
[entities]
Source
Cue
Content
[relations]
[events]
Attribution Content?:Content, Cue?:Cue, Source?:Source
Attribution-no-source Content?:Content, Cue?:Cue
[attributes]
"""
"""The ``annotation.conf`` brat needs to display and edit the exported types, written beside the files."""

ROLE_TYPES = {"Source": "source", "Cue": "cue", "Content": "content", "Content2": "content"}
"""Event roles in ``E`` lines and the field each fills (PolNeAR's ``Content2`` continues a content)."""

TEXT_BOUND = re.compile(r"(T\d+)\t([^\s;]+) (\d+ \d+(?:;\d+ \d+)*)(?:\t(.*))?\Z")
EVENT = re.compile(r"(E\d+)\t(.*)\Z")
ANNOTATION_ID = re.compile(r"[TE]\d+\s")
OTHER_ANNOTATION = re.compile(r"[RAMN#]\d*\t")


class BratAttribution(Model):
    """One attribution as brat sees it: the fragments of each role (empty when absent)."""

    source: list[Span] = Field(default_factory=list)
    cue: list[Span] = Field(default_factory=list)
    content: list[Span] = Field(default_factory=list)


def attributions_of(result: AnalysisResult) -> list[BratAttribution]:
    """Collect an analysis' attributions in text order, with the in-sentence source mention as source."""
    mentions = {mention.id: mention.span for mention in result.sources}
    seen: set[str] = set()
    collected: list[BratAttribution] = []
    for claim in result.claims:
        for attribution in claim.attributions:
            if attribution.id in seen:
                continue
            seen.add(attribution.id)
            source = mentions.get(attribution.source_id) if attribution.source_id else None
            exported = BratAttribution(
                source=[source] if source else [],
                cue=[attribution.cue] if attribution.cue else [],
                content=list(attribution.content),
            )
            if source and collected and _coordinated(collected[-1], exported):
                collected[-1] = _joined(result.article.text, collected[-1], source)
                continue
            collected.append(exported)
    return sorted(collected, key=_first_offset)


def _coordinated(previous: BratAttribution, current: BratAttribution) -> bool:
    """Tell whether two attributions share a cue and content: coordinated sources, one in brat."""
    return bool(previous.source) and (previous.cue, previous.content) == (current.cue, current.content)


def _joined(text: str, previous: BratAttribution, source: Span) -> BratAttribution:
    """Widen an attribution's source over a coordinated one ("A and B said"), as PolNeAR marks it."""
    start = min(previous.source[0].start, source.start)
    end = max(previous.source[-1].end, source.end)
    whole = Span(start=start, end=end, text=text[start:end])
    return previous.model_copy(update={"source": [whole]})


def _first_offset(attribution: BratAttribution) -> int:
    spans = attribution.cue or attribution.content or attribution.source
    return spans[0].start if spans else 0


def render_ann(result: AnalysisResult) -> str:
    """Serialise an analysis' attributions as a brat ``.ann`` document for ``result.article.text``."""
    lines: list[str] = []
    sources: dict[tuple[tuple[int, int], ...], str] = {}
    numbers = itertools.count(1)

    def text_bound(kind: str, spans: list[Span]) -> str:
        identifier = f"T{next(numbers)}"
        offsets = ";".join(f"{span.start} {span.end}" for span in spans)
        covered = " ".join(span.text for span in spans)
        lines.append(f"{identifier}\t{kind} {offsets}\t{covered}")
        return identifier

    events = 0
    for attribution in attributions_of(result):
        source, cue, content = (
            line_fragments(spans) for spans in (attribution.source, attribution.cue, attribution.content)
        )
        trigger = cue or content
        if not trigger:
            continue
        roles: dict[str, str] = {}
        if source:
            key = tuple((span.start, span.end) for span in source)
            if key not in sources:
                sources[key] = text_bound("Source", source)
            roles["Source"] = sources[key]
        if cue:
            roles["Cue"] = text_bound("Cue", cue)
        if content:
            roles["Content"] = text_bound("Content", content)
        trigger_type = "Attribution" if source else "Attribution-no-source"
        trigger_id = text_bound(trigger_type, trigger)
        events += 1
        arguments = " ".join(
            f"{role}:{roles[role]}" for role in ("Content", "Cue", "Source") if role in roles
        )
        lines.append(f"E{events}\t{trigger_type}:{trigger_id} {arguments}")
    return "".join(line + "\n" for line in lines)


def line_fragments(spans: Iterable[Span]) -> list[Span]:
    """Split fragments at line breaks and drop empty ones: brat shows neither, and each T line is one line."""
    pieces: list[Span] = []
    for span in spans:
        offset = span.start
        for line in span.text.split("\n"):
            stripped = line.strip("\r")
            if stripped:
                start = offset + line.index(stripped)
                pieces.append(Span(start=start, end=start + len(stripped), text=stripped))
            offset += len(line) + 1
    return sorted(pieces, key=_offsets)


def _offsets(span: Span) -> tuple[int, int]:
    return span.start, span.end


def parse_ann(ann: str, text: str, where: str) -> list[BratAttribution]:
    """Read the attributions of a brat ``.ann`` document whose offsets point into ``text``.

    Only ``E`` lines make attributions; their ``Source``, ``Cue``, ``Content``
    and ``Content2`` arguments fill the roles, and every other annotation
    (``Discuss``, ``Discard``, notes, relations) is skipped. A line that does
    not start with an annotation id continues the previous span's covered text
    (PolNeAR has spans across line breaks). A malformed line, an offset outside
    ``text``, covered text that disagrees with ``text`` or a reference to an
    undefined span raises ``InputError`` naming ``where`` and the line.
    """
    spans: dict[str, list[Span]] = {}
    covered: dict[str, tuple[int, str]] = {}
    events: list[tuple[int, str]] = []
    last_span: str | None = None
    for number, line in enumerate(ann.split("\n"), start=1):
        bound = TEXT_BOUND.match(line)
        if bound:
            identifier, _kind, offsets, shown = bound.groups()
            spans[identifier] = _fragments(offsets, text, f"{where}:{number}")
            covered[identifier] = (number, shown or "")
            last_span = identifier
        elif event := EVENT.match(line):
            events.append((number, event.group(2)))
            last_span = None
        elif ANNOTATION_ID.match(line):
            raise InputError(f"{where}:{number}", f"malformed brat annotation line: {line[:60]!r}")
        elif OTHER_ANNOTATION.match(line):
            last_span = None
        elif last_span is not None:
            start, shown = covered[last_span]
            covered[last_span] = (start, f"{shown}\n{line}")
        elif line.strip():
            raise InputError(f"{where}:{number}", f"not a brat annotation line: {line[:60]!r}")
    for identifier, (number, shown) in covered.items():
        expected = " ".join(span.text for span in spans[identifier])
        if shown and _comparable(shown) != _comparable(expected):
            raise InputError(
                f"{where}:{number}", f"{identifier} covers {expected[:40]!r} in the text, not {shown[:40]!r}"
            )
    return [_attribution(arguments, spans, f"{where}:{number}") for number, arguments in events]


def _comparable(covered: str) -> str:
    """Covered text as compared with the text: line-ending style and trailing line breaks do not count."""
    return covered.replace("\r", "").rstrip("\n")


def _fragments(offsets: str, text: str, where: str) -> list[Span]:
    fragments: list[Span] = []
    for fragment in offsets.split(";"):
        start, end = (int(value) for value in fragment.split())
        if not start <= end <= len(text):
            raise InputError(where, f"offsets {start} {end} are outside the text ({len(text)} characters)")
        fragments.append(Span.of(text, start, end))
    return fragments


def _attribution(arguments: str, spans: dict[str, list[Span]], where: str) -> BratAttribution:
    roles: dict[str, list[Span]] = {"source": [], "cue": [], "content": []}
    for argument in arguments.split():
        role, _, identifier = argument.partition(":")
        if not identifier:
            raise InputError(where, f"event argument {argument!r} is not ROLE:ID")
        if identifier not in spans:
            raise InputError(where, f"event argument {argument!r} refers to an undefined span")
        field = ROLE_TYPES.get(role)
        if field is not None:
            roles[field].extend(spans[identifier])
    return BratAttribution(**{field: sorted(fragments, key=_offsets) for field, fragments in roles.items()})
