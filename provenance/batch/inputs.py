"""What a batch reads: folders, globs, manifests and single files, each article with a stable id.

An article's id is its manifest's ``id`` column, else its path relative to the
folder named (or to the fixed part of a glob, or to the manifest), in POSIX
form, so moving an archive or running from another folder keeps every id,
and the rows of a re-run land on the same ids. Manifests (JSONL, CSV/TSV,
Parquet) are read by ``provenance.ingest.manifest`` and add outlet, date,
title, URL and author to articles that lack them.
"""

from __future__ import annotations

import glob
from collections.abc import Iterable
from pathlib import Path

from provenance.corpus.index import ARTICLE_SUFFIXES, corpus_files
from provenance.errors import InputError
from provenance.files import require_text_name
from provenance.ingest.manifest import ManifestRow, is_manifest, iter_manifest

_WILDCARDS = frozenset("*?[")


def batch_records(targets: Iterable[str]) -> list[ManifestRow]:
    """List the articles of ``targets`` in a stable order, refusing an empty input and duplicate ids."""
    records: list[ManifestRow] = []
    seen: dict[str, str] = {}
    for target in targets:
        for record in _records_of(target):
            if record.id in seen:
                raise InputError(target, f"article id {record.id!r} is also given by {seen[record.id]}")
            seen[record.id] = target
            records.append(record)
    if not records:
        shown = ", ".join(targets)
        raise InputError(shown, "no article files found (" + ", ".join(sorted(ARTICLE_SUFFIXES)) + ")")
    return records


def _records_of(target: str) -> list[ManifestRow]:
    if any(character in _WILDCARDS for character in target):
        base = _fixed_part(target)
        matches = sorted(Path(match) for match in glob.glob(target, recursive=True))
        return [_record(path, base) for path in matches if path.is_file()]
    location = Path(target)
    if is_manifest(location):
        return list(iter_manifest(location))
    if location.is_dir():
        return [_record(path, location) for path in corpus_files(location)]
    if location.is_file():
        return [_record(location, location.parent)]
    raise InputError(target, "no such file or folder")


def _fixed_part(pattern: str) -> Path:
    """Find the folder a glob starts from: its leading path components without wildcards."""
    parts = Path(pattern).parts
    fixed = []
    for part in parts[:-1]:
        if any(character in _WILDCARDS for character in part):
            break
        fixed.append(part)
    return Path(*fixed) if fixed else Path()


def _record(path: Path, base: Path) -> ManifestRow:
    require_text_name(path)
    try:
        identifier = path.relative_to(base).as_posix()
    except ValueError:
        identifier = path.as_posix()
    return ManifestRow(manifest=str(base), line=0, id=identifier, path=str(path))
