"""Front matter (YAML between ``---`` fences, TOML between ``+++``): parsed with limits, fields validated.

Front matter is the most structured part of an untrusted article, and a general
YAML reader builds whatever the text describes: a title nested 1,200 lists deep
exhausts the interpreter's recursion limit, and a few hundred bytes of anchors
and aliases expand to gigabytes. So the block is bounded in size; YAML is read
as events first to bound nesting, then as a node graph whose expansion through
aliases is counted before any Python object is built; dates stay text (YAML's
own timestamp reader raises on ``2024-13-45``) and are validated here; and each
field the article uses must have the shape it needs. Every failure is an
``InputError`` naming the file and, where it is one field's fault, the field.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from typing import Any

import yaml

from provenance.errors import InputError
from provenance.files import LONE_SURROGATE, is_text

__all__ = [
    "MAX_FRONT_MATTER_CHARS",
    "MAX_FRONT_MATTER_DEPTH",
    "MAX_FRONT_MATTER_NODES",
    "FrontMatter",
    "parse_date",
    "parse_front_matter",
]

MAX_FRONT_MATTER_CHARS = 64 * 1024
"""Real front matter is a few hundred bytes; a block this large is not metadata."""

MAX_FRONT_MATTER_DEPTH = 16
"""Nesting of lists and mappings, counted after alias expansion."""

MAX_FRONT_MATTER_NODES = 10_000
"""Values in the block once aliases are expanded: room for long tag lists, none for alias bombs."""

TEXT_FIELDS = ("title", "outlet", "publisher", "source", "url", "author", "language")
"""The fields an article takes from its front matter (besides ``date``); other keys are ignored."""

ISO_DATE = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?"
    r"(?:[ \t]*(?:Z|z|[+-]\d{1,2}(?::?\d{2})?))?)?"
)
"""A date, optionally with a time and zone (YAML's timestamp form, which ISO 8601 and TOML share)."""


@dataclass(frozen=True)
class FrontMatter:
    """The validated fields of a front-matter block: text fields by name, and the date."""

    text: dict[str, str] = field(default_factory=dict)
    date: dt.date | None = None

    def first(self, *names: str) -> str | None:
        """Return the first of ``names`` the block gives (``outlet``, else ``publisher``…)."""
        return next((self.text[name] for name in names if name in self.text), None)


class _Loader(yaml.SafeLoader):
    """YAML's safe loader with timestamps left as text, so dates are validated with the field named."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _timestamp_as_text(loader: _Loader, node: yaml.Node) -> object:
    return loader.construct_scalar(node)  # type: ignore[arg-type]  # a timestamp node is a scalar node


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)


def parse_front_matter(fence: str, raw: str, where: str) -> FrontMatter:
    """Parse the block between ``fence`` lines (``---`` YAML, ``+++`` TOML) and validate its fields."""
    if len(raw) > MAX_FRONT_MATTER_CHARS:
        raise InputError(
            where,
            f"front matter is too large ({len(raw):,} characters; the limit is {MAX_FRONT_MATTER_CHARS:,})",
        )
    data = _toml(raw, where) if fence == "+++" else _yaml(raw, where)
    if data is None:
        return FrontMatter()
    if not isinstance(data, dict):
        raise InputError(where, "malformed front matter: expected key: value pairs")
    text: dict[str, str] = {}
    for name in TEXT_FIELDS:
        value = _text_field(data.get(name), name, where)
        if value is not None:
            text[name] = value
    return FrontMatter(text=text, date=parse_date(data.get("date"), where, "front matter field 'date': "))


def parse_date(value: object, where: str, context: str = "") -> dt.date | None:
    """Read a date given as a date, a datetime, or ISO text (``2024-05-01``, ``2024-05-01 10:30:00Z``)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    match = ISO_DATE.fullmatch(str(value).strip())
    try:
        if match is None:
            raise ValueError
        year, month, day, hour, minute, second = (int(part) if part else 0 for part in match.groups())
        if second > 60:  # 60 is a leap second
            raise ValueError
        dt.time(hour, minute)
        return dt.date(year, month, day)
    except ValueError:
        raise InputError(where, f"{context}invalid date {value!r} (expected YYYY-MM-DD)") from None


def _toml(raw: str, where: str) -> dict[str, Any]:
    try:
        return tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(where, f"malformed front matter: {str(exc).splitlines()[0]}") from None
    except RecursionError:
        raise InputError(where, _too_deep()) from None


def _yaml(raw: str, where: str) -> object:
    try:
        _check_nesting(raw, where)
        loader = _Loader(raw)
        try:
            node = loader.get_single_node()
            if node is None:
                return None
            _check_expansion(node, where)
            return loader.construct_document(node)
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        raise InputError(where, f"malformed front matter: {str(exc).splitlines()[0]}") from None
    except (ValueError, TypeError, LookupError, ArithmeticError) as exc:  # a tagged value (!!int x) is no int
        raise InputError(where, f"malformed front matter: bad tagged value ({exc})") from None


def _check_nesting(raw: str, where: str) -> None:
    """Bound nesting on the event stream (PyYAML's parser is iterative; its composer recurses)."""
    depth = 0
    for event in yaml.parse(raw, Loader=_Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_FRONT_MATTER_DEPTH:
                raise InputError(where, _too_deep())
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _check_expansion(root: yaml.Node, where: str) -> None:
    """Count the nodes and depth the graph expands to through aliases, without expanding it.

    Each node is measured once (aliases share nodes), with an explicit stack so
    a long chain of aliases cannot exhaust the recursion limit either.
    """
    measured: dict[int, tuple[int, int]] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_measured = stack.pop()
        key = id(node)
        children = _children(node)
        if children_measured:
            open_nodes.discard(key)
            size = 1 + sum(measured[id(child)][0] for child in children)
            depth = 1 + max((measured[id(child)][1] for child in children), default=0)
            if size > MAX_FRONT_MATTER_NODES:
                raise InputError(
                    where,
                    f"front matter expands to more than {MAX_FRONT_MATTER_NODES:,} values (YAML aliases)",
                )
            if depth > MAX_FRONT_MATTER_DEPTH + 1:
                raise InputError(where, _too_deep())
            measured[key] = (size, depth)
            continue
        if key in measured:
            continue
        if key in open_nodes:
            raise InputError(where, "malformed front matter: a YAML alias refers to itself")
        open_nodes.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in children if id(child) not in measured)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _too_deep() -> str:
    return f"malformed front matter: nested more than {MAX_FRONT_MATTER_DEPTH} levels deep"


def _text_field(value: object, name: str, where: str) -> str | None:
    """Accept a scalar, or a flat list of scalars (several authors) joined with commas."""
    if value is None:
        return None
    items = value if isinstance(value, list) else [value]
    if not all(isinstance(item, str | int | float | dt.date | dt.time) for item in items):
        shape = "a nested list" if isinstance(value, list) else _shape(value)
        raise InputError(where, f"front matter field {name!r} must be text, not {shape}")
    try:
        joined = ", ".join(str(item) for item in items).strip()
    except ValueError:  # an integer of thousands of digits
        raise InputError(where, f"front matter field {name!r} holds a number too long to be text") from None
    if not is_text(joined):  # YAML's "\\udce9"
        raise InputError(where, f"front matter field {name!r}: {LONE_SURROGATE}")
    return joined or None


def _shape(value: object) -> str:
    if isinstance(value, bytes):
        return "binary data"
    return "a mapping" if isinstance(value, dict) else f"a {type(value).__name__}"
