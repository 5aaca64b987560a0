"""Finding the articles to check: folders walked with include/exclude globs and ``.gitignore``.

Patterns use ``.gitignore`` syntax everywhere (``drafts/``, ``*.tmp.md``,
``!keep.md``, ``archive/**/old-*``), matched against paths relative to the
project root, so one vocabulary serves the config, the flags and git. Include
patterns choose which files in a walked folder are articles; a file named on
the command line is always a candidate (pre-commit passes files by name), but
exclude patterns and ``.gitignore`` apply to every candidate. Like git, the
walk does not follow symbolic links to folders (no loops, no escaping the tree).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pathspec

from provenance.files import PathKind, is_folder, kind_of, real_path, shown_path

DEFAULT_INCLUDE = ("*.md", "*.markdown", "*.txt", "*.html", "*.htm")
ALWAYS_SKIPPED = frozenset({".git", ".hg", ".svn"})


@dataclass(frozen=True)
class _Ignore:
    """The patterns of one ``.gitignore`` file, relative to the folder holding it."""

    folder: Path
    spec: pathspec.GitIgnoreSpec

    def ignores(self, path: Path, is_dir: bool) -> bool:
        try:
            relative = path.relative_to(self.folder).as_posix()
        except ValueError:
            return False
        return self.spec.match_file(relative + "/" if is_dir else relative)


@dataclass(frozen=True)
class Selection:
    """The inputs of one run: files to check, and what cannot be checked with the reason (reported)."""

    files: list[Path]
    unreadable: list[tuple[Path, str]]
    """Targets that do not exist, and folders on the way that cannot be listed."""


def select_articles(
    targets: Sequence[Path],
    root: Path,
    include: Sequence[str] = DEFAULT_INCLUDE,
    exclude: Sequence[str] = (),
    respect_gitignore: bool = True,
) -> Selection:
    """Expand ``targets`` (files and folders) into the sorted, de-duplicated article files to check."""
    root = real_path(root)
    included = pathspec.GitIgnoreSpec.from_lines(include)
    excluded = pathspec.GitIgnoreSpec.from_lines(exclude)
    files: dict[Path, None] = {}
    unreadable: list[tuple[Path, str]] = []
    for target in targets:
        kind = kind_of(target)
        if kind is PathKind.MISSING:
            unreadable.append((target, "no such file or folder"))
            continue
        is_dir = kind is PathKind.FOLDER
        ignores = _inherited_ignores(real_path(target), root) if respect_gitignore else []
        if _excluded(target, root, excluded, ignores, is_dir):
            continue
        if is_dir:
            for file in _walk(target, root, included, excluded, ignores, respect_gitignore, unreadable):
                files.setdefault(file)
        else:
            files.setdefault(target)
    return Selection(files=list(files), unreadable=unreadable)


def _walk(
    folder: Path,
    root: Path,
    included: pathspec.GitIgnoreSpec,
    excluded: pathspec.GitIgnoreSpec,
    ignores: list[_Ignore],
    respect_gitignore: bool,
    unreadable: list[tuple[Path, str]],
) -> Iterable[Path]:
    """Yield the included files under ``folder``; a folder that cannot be listed joins ``unreadable``."""
    if respect_gitignore:
        ignores = [*ignores, *_ignore_file(real_path(folder))]
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as exc:
        unreadable.append((folder, f"cannot read folder ({exc.strerror or exc})"))
        return
    for entry in entries:
        path = folder / entry.name
        try:
            is_dir = entry.is_dir()
            if is_dir and (entry.is_symlink() or entry.name in ALWAYS_SKIPPED):
                continue
        except OSError:  # cannot be examined: offered as a file, whose read reports why
            is_dir = False
        if _excluded(path, root, excluded, ignores, is_dir):
            continue
        if is_dir:
            yield from _walk(path, root, included, excluded, ignores, respect_gitignore, unreadable)
        elif shown_path(path) != str(path):
            unreadable.append((Path(shown_path(path)), "file name is not valid UTF-8; rename the file"))
        elif included.match_file(_relative(path, root)):
            yield path


def _excluded(
    path: Path, root: Path, excluded: pathspec.GitIgnoreSpec, ignores: list[_Ignore], is_dir: bool
) -> bool:
    relative = _relative(path, root)
    if relative != "." and excluded.match_file(relative + "/" if is_dir else relative):
        return True
    absolute = real_path(path)
    return any(ignore.ignores(absolute, is_dir) for ignore in ignores)


def _relative(path: Path, root: Path) -> str:
    """Return ``path`` relative to the project root, or as given when it lies outside it."""
    absolute = real_path(path)
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix().lstrip("/")


def _inherited_ignores(target: Path, root: Path) -> list[_Ignore]:
    """``.gitignore`` files that govern ``target``: those of its repository's folders above it.

    The search goes up to the repository root (the folder holding ``.git``), or
    to the project root when there is no repository, and stops at the target's
    own folder, whose ``.gitignore`` the walk reads itself.
    """
    start = target if is_folder(target) else target.parent
    chain = [start, *start.parents]
    top = next((folder for folder in chain if kind_of(folder / ".git") is not PathKind.MISSING), None)
    if top is None:
        top = root if root in chain else start
    folders = chain[: chain.index(top) + 1]
    governing = [folder for folder in reversed(folders) if folder != target]
    return [ignore for folder in governing for ignore in _ignore_file(folder)]


def _ignore_file(folder: Path) -> list[_Ignore]:
    try:
        lines = (folder / ".gitignore").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    return [_Ignore(folder, pathspec.GitIgnoreSpec.from_lines(lines))]
