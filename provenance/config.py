"""User configuration: ``[tool.provenance]`` in ``pyproject.toml`` or a ``provenance.toml``.

The nearest config file is found by walking up from the article's folder
(``provenance.toml`` wins over ``pyproject.toml`` in the same folder, and a
``pyproject.toml`` without a ``[tool.provenance]`` table is passed over). Every
key is validated: an unknown key, a bad value or an unknown rule id is a
``ConfigError`` naming the file and the line, never silently ignored. Command
line flags override the file through ``Config.with_overrides``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError

from provenance.errors import ConfigError
from provenance.files import (
    PathKind,
    is_folder,
    is_regular_file,
    kind_of,
    parse_toml,
    read_text_file,
    real_path,
)
from provenance.models import Severity

__all__ = [
    "CONFIG_FILES",
    "CheckConfig",
    "Config",
    "RuleOverride",
    "config_for",
    "find_config",
    "load_config",
    "parse_config",
    "toml_error_line",
]

CONFIG_FILES = ("provenance.toml", "pyproject.toml")
"""File names searched in each folder, in order of precedence."""

RULE_SELECTOR = re.compile(r"[A-Z]{2,}[0-9]*")
TOML_LINE = re.compile(r"at line (\d+)")
URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
"""A target that is a URL has no folder: its config is the one for the working directory."""


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class RuleOverride(_Strict):
    """A per-rule change of severity and/or weight (``[tool.provenance.rules.PRV003]``)."""

    severity: Severity | None = None
    weight: float | None = Field(default=None, ge=0, strict=True, allow_inf_nan=False)


class CheckConfig(_Strict):
    """``[tool.provenance.check]``: which files ``provenance check`` reads and what fails it.

    ``include`` unset means the default article extensions; ``fail-on`` unset
    means the default policy (single-source claims and error findings). A
    relative ``baseline`` is relative to the config file.
    """

    include: tuple[str, ...] | None = None
    exclude: tuple[str, ...] = ()
    respect_gitignore: bool = Field(default=True, alias="respect-gitignore")
    fail_on: tuple[str, ...] | None = Field(default=None, alias="fail-on")
    baseline: Path | None = None


class Config(_Strict):
    """Which rules run, how they weigh, and where a score fails.

    ``select`` and ``ignore`` take rule ids or id prefixes (``PRV0`` selects
    PRV001–PRV009); ``select`` empty means every rule of the loaded packs.
    """

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    rules: dict[str, RuleOverride] = Field(default_factory=dict)
    rule_folders: tuple[Path, ...] = Field(default=(), alias="rule-folders")
    fail_under: float | None = Field(
        default=None, ge=0, le=100, strict=True, allow_inf_nan=False, alias="fail-under"
    )
    path: Path | None = Field(default=None, exclude=True, description="the file this config was read from")
    check: CheckConfig = Field(default_factory=CheckConfig)
    _flag_keys: dict[str, str] = PrivateAttr(default_factory=dict)

    def with_overrides(
        self,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] | None = None,
        fail_under: float | None = None,
    ) -> Config:
        """Apply command-line flags: a flag given replaces the file's value."""
        update: dict[str, Any] = {}
        flag_keys = dict(self._flag_keys)
        for flag, key, values in (("--select", "select", select), ("--ignore", "ignore", ignore)):
            if values is not None:
                update[key] = _selectors(values, flag)
                flag_keys.update(dict.fromkeys(update[key], flag))
        if fail_under is not None:
            if not 0 <= fail_under <= 100:
                raise ConfigError("--fail-under", f"{fail_under} is not a score between 0 and 100")
            update["fail_under"] = fail_under
            flag_keys["fail-under"] = "--fail-under"
        config = self.model_copy(update=update)
        config._flag_keys = flag_keys
        return config

    def set_by_flag(self, key: str, flag: str) -> Config:
        """Record that ``key`` was given by ``flag`` on the command line, so errors about it name the flag."""
        config = self.model_copy()
        config._flag_keys = {**self._flag_keys, key: flag}
        return config

    def where(self, key: str) -> str:
        """Name the file and line (or the command-line flag) a key came from, for error messages."""
        if key in self._flag_keys:
            return self._flag_keys[key]
        if self.path is None:
            return "configuration"
        return _locate(self.path, key)

    def check_rule_ids(self, known: Iterable[str]) -> None:
        """Raise a ``ConfigError`` for any selector or override that names no known rule."""
        ids = sorted(set(known))
        for key in ("select", "ignore"):
            for selector in getattr(self, key):
                if not any(rule_id.startswith(selector) for rule_id in ids):
                    where = self.where(selector)
                    prefix = "" if where.startswith("--") else f"{key}: "
                    raise ConfigError(where, f"{prefix}unknown rule id {selector!r}")
        for rule_id in self.rules:
            if rule_id not in ids:
                raise ConfigError(self.where(rule_id), f"rules: unknown rule id {rule_id!r}")


def _selectors(values: Iterable[str], where: str) -> tuple[str, ...]:
    """Split comma-separated selectors and check their shape (``PRV003``, ``PRV0``)."""
    selectors: list[str] = []
    for value in values:
        for part in value.split(","):
            selector = part.strip().upper()
            if not selector:
                continue
            if not RULE_SELECTOR.fullmatch(selector):
                raise ConfigError(where, f"{part.strip()!r} is not a rule id or id prefix such as PRV003")
            selectors.append(selector)
    return tuple(selectors)


def parse_config(table: dict[str, Any], path: Path | None = None) -> Config:
    """Validate a ``[tool.provenance]`` table; relative rule folders resolve against its file."""
    where = str(path) if path is not None else "configuration"
    if "path" in table:
        raise ConfigError(_locate(path, "path"), "unknown key 'path'")
    try:
        config = Config.model_validate({**table, "path": path})
    except ValidationError as exc:
        error = exc.errors()[0]
        location = [str(part) for part in error["loc"]]
        if error["type"] == "extra_forbidden":
            problem = f"unknown key {'.'.join(location)!r}"
        else:
            problem = f"{'.'.join(location)}: {error['msg']}"
        raise ConfigError(_locate(path, location[-1]) if path and location else where, problem) from None
    if path is not None:
        folders = tuple(
            folder if folder.is_absolute() else path.parent / folder for folder in config.rule_folders
        )
        config = config.model_copy(update={"rule_folders": folders})
    for key in ("select", "ignore"):
        for selector in getattr(config, key):
            if not RULE_SELECTOR.fullmatch(selector):
                raise ConfigError(
                    config.where(selector),
                    f"{key}: {selector!r} is not a rule id or id prefix such as PRV003",
                )
    for folder in config.rule_folders:
        if not is_folder(folder):
            raise ConfigError(config.where("rule-folders"), f"rule folder {str(folder)!r} is not a directory")
    return config


def load_config(path: str | Path) -> Config:
    """Read a config file: ``provenance.toml`` (whole file) or ``pyproject.toml`` (its table)."""
    file = Path(path)
    if kind_of(file) is PathKind.MISSING:
        raise ConfigError(str(file), "config file not found")
    raw = read_text_file(file, "config file", error=ConfigError)
    try:
        document = parse_toml(raw)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{file}:{toml_error_line(exc, raw)}", f"malformed TOML: {exc}") from None
    if file.name == "pyproject.toml":
        tool = document.get("tool", {})
        if not isinstance(tool, dict):
            raise ConfigError(_locate(file, "tool"), f"'tool' must be a table, not {_toml_type(tool)}")
        table = tool.get("provenance")
        if table is None:
            return Config(path=file)
        if not isinstance(table, dict):
            raise ConfigError(
                _locate(file, "provenance"),
                f"'tool.provenance' must be a table ([tool.provenance]), not {_toml_type(table)}",
            )
    else:
        table = document
    return parse_config(table, file)


def _toml_type(value: object) -> str:
    """Name a TOML value's type as a user wrote it: a string, an integer, an array, and so on."""
    names = {str: "a string", bool: "a boolean", int: "an integer", float: "a float", list: "an array"}
    return names.get(type(value), "a date or time")


def find_config(start: str | Path) -> Path | None:
    """Return the nearest config file at or above ``start`` (a file or folder), if any."""
    folder = real_path(start)
    if not is_folder(folder):
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        for name in CONFIG_FILES:
            file = candidate / name
            if is_regular_file(file) and (name != "pyproject.toml" or _has_provenance_table(file)):
                return file
    return None


def _has_provenance_table(file: Path) -> bool:
    """Whether a ``pyproject.toml`` configures provenance at all (any value under ``tool.provenance``).

    A file that does not parse counts when it mentions ``tool.provenance``, so
    loading it reports the syntax error instead of passing the file over.
    """
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    try:
        tool = parse_toml(text).get("tool")
    except tomllib.TOMLDecodeError:
        return re.search(r"tool\.provenance|^\s*provenance\s*=", text, re.MULTILINE) is not None
    return tool is not None and (not isinstance(tool, dict) or "provenance" in tool)


def _locate(path: Path | None, key: str) -> str:
    """``file:line`` of the first line mentioning ``key`` (TOML keeps no positions after parsing)."""
    if path is None:
        return "configuration"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return str(path)
    pattern = re.compile(rf"(^|[\s\[.\"']){re.escape(key)}($|[\s\].=\"'])")
    for number, line in enumerate(lines, start=1):
        if pattern.search(line.split("#", 1)[0]):
            return f"{path}:{number}"
    return str(path)


def config_for(target: str | Path, config_file: str | Path | None = None) -> Config:
    """Return the config for an article: ``config_file`` if given, else the nearest file, else defaults.

    For a URL the search starts in the working directory.
    """
    if config_file is not None:
        return load_config(config_file)
    found = find_config(Path.cwd() if URL.match(str(target)) else target)
    return load_config(found) if found is not None else Config()


def toml_error_line(error: tomllib.TOMLDecodeError, text: str) -> int:
    """Return the line a TOML syntax error points at ("at end of document" is the last line)."""
    line = TOML_LINE.search(str(error))
    return int(line.group(1)) if line else max(1, len(text.splitlines()))
