"""Loading rule packs: the default ``rules/`` folder, extra folders, and entry-point plugins.

Every rule file is validated strictly; a malformed one is a ``RuleFileError``
naming the file and line. Third-party packs come from folders named in the
config or from the ``provenance.rules`` entry-point group; a plugin that fails
to load is recorded in ``RulePack.load_errors`` and reported, not fatal.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import re
import tomllib
from collections.abc import Callable, Iterable, Iterator
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any, cast

from pydantic import ValidationError

from provenance.config import toml_error_line
from provenance.errors import RuleFileError
from provenance.files import is_folder, parse_toml, read_text_file
from provenance.scoring.facts import ArticleFacts
from provenance.scoring.rules import Check, Hit, Rule, RulePack

__all__ = [
    "DEFAULT_RULES",
    "ENTRY_POINT_GROUP",
    "load_folder",
    "load_rule_file",
    "load_rule_pack",
    "resolve_check",
]

DEFAULT_RULES = (Path(__file__).parent.parent / "_rules").resolve()
"""The default pack: the top-level ``rules/`` folder, one rule per file.

``provenance/_rules`` is a link to it, so the pack ships inside the installed package too."""

ENTRY_POINT_GROUP = "provenance.rules"
"""Plugins register a rule folder here (a path, or a function returning one)."""

SCOPE_TAGS = frozenset({"claim", "article"})
"""Union tags pydantic puts in error locations of ``[when]``; not keys the user wrote."""


def load_rule_file(path: Path) -> Rule:
    """Read and validate one rule file; its name must start with its id (``PRV003-….toml``)."""
    text = read_text_file(path, "rule file", error=RuleFileError)
    try:
        data = parse_toml(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleFileError(f"{path}:{toml_error_line(exc, text)}", f"malformed TOML: {exc}") from None
    if "origin" in data:
        raise RuleFileError(f"{path}:{_line_of(text, ('origin',))}", "unknown key 'origin'")
    try:
        rule = Rule.model_validate({**data, "origin": str(path)})
    except ValidationError as exc:
        error = exc.errors()[0]
        location = tuple(part for part in error["loc"] if part not in SCOPE_TAGS)
        dotted = ".".join(str(part) for part in location) or "rule"
        problem = (
            f"unknown key {dotted!r}" if error["type"] == "extra_forbidden" else f"{dotted}: {error['msg']}"
        )
        raise RuleFileError(f"{path}:{_line_of(text, location)}", problem) from None
    if path.stem != rule.id and not path.stem.startswith(f"{rule.id}-"):
        raise RuleFileError(
            f"{path}:{_line_of(text, ('id',))}", f"file name must start with the rule id {rule.id!r}"
        )
    if rule.check is not None:
        try:
            resolve_check(rule.check)
        except ValueError as exc:
            raise RuleFileError(f"{path}:{_line_of(text, ('check',))}", str(exc)) from None
    return rule


def load_folder(folder: Path) -> tuple[Rule, ...]:
    """Load every ``*.toml`` rule file of a folder, in file-name order."""
    if not is_folder(folder):
        raise RuleFileError(str(folder), "rule folder not found")
    files = sorted(folder.glob("*.toml"))
    if not files:
        raise RuleFileError(str(folder), "rule folder holds no *.toml rule files")
    return tuple(load_rule_file(file) for file in files)


@functools.cache
def load_rule_pack(folders: tuple[Path, ...] = (), plugins: bool = True) -> RulePack:
    """Load the default pack, then extra folders, then entry-point plugins; ids must be unique.

    Cached per argument tuple: scoring thousands of articles reads the rule files once.
    """
    rules: list[Rule] = list(load_folder(DEFAULT_RULES))
    for folder in folders:
        rules.extend(load_folder(folder))
    load_errors: list[str] = []
    if plugins:
        for name, loader in _plugin_loaders():
            try:
                plugin_rules = _load_plugin(loader)
                _check_unique([*rules, *plugin_rules])
            except Exception as exc:  # a broken plugin must not stop the built-in rules
                load_errors.append(f"rule plugin {name!r} not loaded: {exc}")
                continue
            rules.extend(plugin_rules)
    _check_unique(rules)
    return RulePack(rules=tuple(rules), load_errors=tuple(load_errors))


def _plugin_loaders() -> Iterable[tuple[str, Callable[[], Any]]]:
    for entry_point in entry_points(group=ENTRY_POINT_GROUP):
        yield entry_point.name, entry_point.load


def _load_plugin(load: Callable[[], Any]) -> tuple[Rule, ...]:
    target = load()
    if callable(target):
        target = target()
    if not isinstance(target, str | Path):
        raise RuleFileError("plugin", f"expected a rule folder path, got {type(target).__name__}")
    return load_folder(Path(target))


def _check_unique(rules: Iterable[Rule]) -> None:
    seen: dict[str, Rule] = {}
    for rule in rules:
        if rule.id in seen:
            raise RuleFileError(
                str(rule.origin), f"rule id {rule.id} is already defined in {seen[rule.id].origin}"
            )
        seen[rule.id] = rule


@functools.cache
def resolve_check(spec: str) -> Check:
    """Import the function a Python rule names (``package.module:function``).

    The function must take ``(facts, rule)``: any importable callable
    (``os:getcwd``) would otherwise pass loading and fail mid-scoring. What it
    returns is checked as it is used, so a check yielding anything but hits is
    a configuration error too, not a crash.
    """
    module_name, _, function_name = spec.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise ValueError(f"check {spec!r}: cannot import {module_name!r} ({exc})") from None
    function = getattr(module, function_name, None)
    if not callable(function):
        raise ValueError(f"check {spec!r}: {module_name} has no function {function_name!r}")
    try:
        inspect.signature(function).bind(None, None)
    except (TypeError, ValueError):
        raise ValueError(f"check {spec!r}: not a check (it must take the arguments facts, rule)") from None
    return _hits_only(spec, cast(Check, function))


def _hits_only(spec: str, function: Check) -> Check:
    """Report a third-party check that fails or yields no hits as a broken rule pack (exit 2).

    The built-in checks are left unwrapped for exceptions: their failure is a bug in provenance.
    """
    third_party = not spec.startswith("provenance.")

    def check(facts: ArticleFacts, rule: Rule) -> Iterator[Hit]:
        try:
            found: object = function(facts, rule)
            if not isinstance(found, Iterable):
                raise RuleFileError(
                    str(rule.origin), f"check {spec!r} returned {type(found).__name__}, not hits"
                )
            for hit in found:
                if not isinstance(hit, Hit):
                    raise RuleFileError(
                        str(rule.origin), f"check {spec!r} gave {type(hit).__name__}, not a Hit"
                    )
                yield hit
        except RuleFileError:
            raise
        except Exception as exc:
            if not third_party:
                raise
            raise RuleFileError(
                str(rule.origin), f"check {spec!r} failed: {type(exc).__name__}: {exc}"
            ) from None

    return check


def _line_of(text: str, location: tuple[Any, ...]) -> int:
    """Find the line a validation error points at by walking the key path through the TOML text.

    ``tomllib`` keeps no positions, so keys are found by their spelling: ``key =``,
    ``[key]``/``[[key]]`` headers, and list indexes by counting ``[[key]]`` headers.
    """
    lines = text.splitlines()
    position = 0
    previous_key: str | None = None
    found = 1
    for part in location:
        if isinstance(part, int) and previous_key is not None:
            header = re.compile(rf"^\s*\[\[\s*{re.escape(previous_key)}\s*\]\]")
            seen = -1
            for number in range(position, len(lines)):
                if header.match(lines[number]):
                    seen += 1
                    if seen == part:
                        position, found = number, number + 1
                        break
            continue
        if not isinstance(part, str):
            continue
        key = re.compile(
            rf"^\s*(\[\[?\s*([\w.]+\.)?{re.escape(part)}\s*\]\]?|{re.escape(part)}\s*=|[\w.]*\.{re.escape(part)}\s*=)"
        )
        for number in range(position, len(lines)):
            if key.match(lines[number]):
                position, found = number, number + 1
                break
        previous_key = part
    return found
