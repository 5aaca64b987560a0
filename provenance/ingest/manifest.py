"""Corpus manifests: a table listing articles with their metadata (JSONL, CSV/TSV, Parquet).

Plain-text articles carry no outlet or date, and a cross-check without them
cannot tell one outlet's reporting from another's. A manifest supplies them:
one row per article, with the article's file (``path``, relative to the
manifest's folder or an explicit root) or its ``text`` inline, and any of
``id``, ``outlet``, ``date``, ``url``, ``title``, ``author`` and ``wire`` (the
agency whose copy the article runs). Column names vary between data sets, so
each field accepts the names listed in ``data/manifest_columns.toml``
(PolNeAR's ``metadata.tsv`` says ``publisher`` and ``publication_date``), and a
``path_template`` builds a path from several columns
(``"{compartment}/text/{filename}.txt"``).

Reading the table is cheap and validates every row up front (dates, ids,
a path or text per row), so a bad manifest fails with one line naming the file,
the line and the column before any article is analysed; ``load_article`` reads
one row's text when it is needed (a batch can do that in parallel).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import string
import sys
import tomllib
from collections.abc import Iterator, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from provenance.errors import InputError
from provenance.files import PathKind, kind_of, parse_json, require_regular_file
from provenance.ingest import read_article
from provenance.ingest.formats import parse_article
from provenance.ingest.front_matter import parse_date
from provenance.models import Article, Model

__all__ = [
    "MANIFEST_SUFFIXES",
    "ManifestRow",
    "is_manifest",
    "iter_manifest",
    "load_article",
    "read_manifest",
]

MANIFEST_SUFFIXES = frozenset({".jsonl", ".ndjson", ".csv", ".tsv", ".parquet", ".pq"})
"""File name endings read as manifests rather than as articles."""

_COLUMNS: dict[str, Any] = tomllib.loads(
    resources.files("provenance.ingest").joinpath("data/manifest_columns.toml").read_text("utf-8")
)
FIELDS = ("id", "path", "text", "outlet", "date", "url", "title", "author", "wire")
_MISSING = frozenset(_COLUMNS["missing"])
TEXT_FIELDS = ("path", "text", "outlet", "url", "title", "author", "wire")
"""Fields whose value must be text: JSONL and Parquet rows can hold numbers, lists or bytes instead."""


class ManifestRow(Model):
    """One article listed in a manifest: where its text is and the metadata the manifest gives it."""

    manifest: str
    line: int
    id: str
    path: str | None = None
    text: str | None = None
    outlet: str | None = None
    date: dt.date | None = None
    url: str | None = None
    title: str | None = None
    author: str | None = None
    wire: str | None = None

    @property
    def where(self) -> str:
        """The row's location for messages: ``manifest.tsv:12``."""
        return f"{self.manifest}:{self.line}"


def is_manifest(path: str | Path) -> bool:
    """Tell a manifest file from an article file by its name's ending."""
    location = Path(path)
    return location.suffix.lower() in MANIFEST_SUFFIXES and kind_of(location) is not PathKind.FOLDER


def read_manifest(
    path: str | Path,
    *,
    root: str | Path | None = None,
    path_template: str | None = None,
    columns: Mapping[str, str] | None = None,
) -> list[ManifestRow]:
    """Read and validate every row of a manifest (see ``iter_manifest``)."""
    return list(iter_manifest(path, root=root, path_template=path_template, columns=columns))


def iter_manifest(
    path: str | Path,
    *,
    root: str | Path | None = None,
    path_template: str | None = None,
    columns: Mapping[str, str] | None = None,
) -> Iterator[ManifestRow]:
    """Yield a manifest's rows in order, each validated, raising ``InputError`` at the first bad one.

    ``root`` is the folder relative paths start from (the manifest's own folder
    by default); ``path_template`` formats a row's columns into its path;
    ``columns`` maps a field to the column holding it, overriding the usual names.
    Ids default to the path (or the row number) and must be unique.
    """
    manifest = Path(path)
    where = str(path)
    require_regular_file(manifest, "manifest file")
    if path_template is not None:
        _check_template(path_template, where)
    base = Path(root) if root is not None else manifest.parent
    suffix = manifest.suffix.lower()
    if suffix in {".parquet", ".pq"}:
        records = _parquet_records(manifest, where)
    elif suffix in {".jsonl", ".ndjson"}:
        records = _jsonl_records(manifest, where)
    elif suffix in {".csv", ".tsv"}:
        records = _csv_records(manifest, where, "\t" if suffix == ".tsv" else ",")
    else:
        raise InputError(where, "unknown manifest format (expected .jsonl, .csv, .tsv or .parquet)")
    seen: set[str] = set()
    choices: dict[tuple[str, ...], dict[str, str | None]] = {}
    for line, record in records:
        names = tuple(record)
        chosen = choices.get(names)
        if chosen is None:
            chosen = choices[names] = _choose_columns(record, where, columns or {})
            if not seen and path_template is None and chosen["path"] is None and chosen["text"] is None:
                expected = ", ".join(_COLUMNS["path"] + _COLUMNS["text"])
                raise InputError(
                    where, f"no column for the article's path or text (expected one of: {expected})"
                )
        row = _row(record, chosen, f"{where}:{line}", path_template, base)
        if row["id"] in seen:
            raise InputError(f"{where}:{line}", f"duplicate id {row['id']!r}")
        seen.add(row["id"])
        yield ManifestRow(manifest=where, line=line, **row)


def load_article(row: ManifestRow, encoding: str = "utf-8") -> Article:
    """Read the row's article (its file, or its inline text), with the manifest's metadata over the file's."""
    if row.path is not None:
        article = read_article(row.path, encoding=encoding)
    else:
        article = parse_article(row.text or "", path=row.where)
    given = {field: getattr(row, field) for field in ("title", "outlet", "date", "url", "author")}
    return article.model_copy(update={field: value for field, value in given.items() if value is not None})


def _choose_columns(
    record: Mapping[str, Any], where: str, explicit: Mapping[str, str]
) -> dict[str, str | None]:
    """Pick the column for each field from the first row's names (explicit choices first)."""
    by_folded = {str(name).strip().lower(): str(name) for name in record}
    chosen: dict[str, str | None] = {}
    for field in FIELDS:
        if field in explicit:
            name = explicit[field]
            if name.lower() not in by_folded:
                raise InputError(where, f"no column {name!r} for {field} (columns: {', '.join(record)})")
            chosen[field] = by_folded[name.lower()]
        else:
            chosen[field] = next((by_folded[n] for n in _COLUMNS[field] if n in by_folded), None)
    unknown = set(explicit) - set(FIELDS)
    if unknown:
        raise InputError(
            where, f"unknown manifest field {sorted(unknown)[0]!r} (fields: {', '.join(FIELDS)})"
        )
    return chosen


def _row(
    record: Mapping[str, Any],
    chosen: Mapping[str, str | None],
    where: str,
    path_template: str | None,
    base: Path,
) -> dict[str, Any]:
    values = {field: _value(record, column) for field, column in chosen.items()}
    for field in TEXT_FIELDS:
        _require_text(values[field], where, chosen[field])
    path = values["path"]
    if path_template is not None:
        try:
            path = path_template.format_map({key: _text(value) for key, value in record.items()})
        except KeyError as exc:
            raise InputError(
                where, f"path template names column {exc.args[0]!r}, which the row lacks"
            ) from None
        except (ValueError, IndexError) as exc:
            raise InputError(where, f"invalid path template {path_template!r} ({exc})") from None
    text = values["text"]
    if path is None and text is None:
        raise InputError(where, "row has neither a path nor a text")
    resolved = str(base / path) if path is not None and not Path(path).is_absolute() else path
    identifier = values["id"] or (str(path) if path is not None else where.rsplit(":", 1)[-1])
    return {
        "id": str(identifier),
        "path": resolved,
        "text": None if path is not None else str(text),
        "outlet": _optional(values["outlet"]),
        "date": _date(values["date"], where, chosen["date"]),
        "url": _optional(values["url"]),
        "title": _optional(values["title"]),
        "author": _optional(values["author"]),
        "wire": _optional(values["wire"]),
    }


def _value(record: Mapping[str, Any], column: str | None) -> Any:
    if column is None:
        return None
    value = record.get(column)
    if isinstance(value, str) and value.strip().lower() in _MISSING:
        return None
    return value


def _check_template(template: str, where: str) -> None:
    """Refuse a path template with more than column names: ``{path:>999999999}`` pads to a gigabyte."""
    try:
        fields = [field for _, *field in string.Formatter().parse(template) if field[0] is not None]
    except ValueError as exc:
        raise InputError(where, f"invalid path template {template!r} ({exc})") from None
    for name, spec, conversion in fields:
        if spec or conversion or not name or name.isdigit() or set(name) & {".", "["}:
            raise InputError(
                where, f"path template {template!r} must name columns only, as in '{{folder}}/{{file}}.txt'"
            )


def _require_text(value: Any, where: str, column: str | None) -> None:
    """Refuse a value that is no text where text belongs (a number as a path, a list as the article)."""
    if value is not None and not isinstance(value, str):
        raise InputError(where, f"column {column!r}: expected text, found {type(value).__name__}")


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _optional(value: Any) -> str | None:
    return None if value is None else (" ".join(str(value).split()) or None)


def _date(value: Any, where: str, column: str | None) -> dt.date | None:
    return parse_date(value, where, f"column {column!r}: ")


def _jsonl_records(manifest: Path, where: str) -> Iterator[tuple[int, dict[str, Any]]]:
    for number, line in enumerate(_text_lines(manifest, where), start=1):
        if not line.strip():
            continue
        try:
            record = parse_json(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}:{number}", f"invalid JSON ({exc.msg}, column {exc.colno})") from None
        if not isinstance(record, dict):
            raise InputError(f"{where}:{number}", f"expected a JSON object, found {type(record).__name__}")
        yield number, record


def _csv_records(manifest: Path, where: str, delimiter: str) -> Iterator[tuple[int, dict[str, Any]]]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.reader(_text_lines(manifest, where), delimiter=delimiter)
    try:
        header = next(reader, None)
        if header is None:
            raise InputError(where, "manifest is empty (no header row)")
        twice = next((name for position, name in enumerate(header) if name in header[:position]), None)
        if twice is not None:
            raise InputError(f"{where}:{reader.line_num}", f"column {twice!r} appears twice in the header")
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) != len(header):
                raise InputError(
                    f"{where}:{reader.line_num}", f"{len(cells)} columns where the header has {len(header)}"
                )
            yield reader.line_num, dict(zip(header, cells, strict=True))
    except csv.Error as exc:
        raise InputError(f"{where}:{reader.line_num}", f"malformed {manifest.suffix[1:]} ({exc})") from None


def _text_lines(manifest: Path, where: str) -> Iterator[str]:
    """Yield the manifest's lines decoded one by one, so an undecodable byte is reported at its line."""
    try:
        handle = manifest.open("rb")
    except OSError as exc:
        raise InputError(where, f"cannot read manifest ({exc.strerror or exc})") from None
    with handle:
        for number, raw in enumerate(handle, start=1):
            try:
                yield raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                raise InputError(
                    f"{where}:{number}", "not valid UTF-8; re-save the manifest as UTF-8"
                ) from None


def _parquet_records(manifest: Path, where: str) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        import pyarrow.parquet as parquet
    except ImportError:
        raise InputError(where, "reading Parquet manifests needs pyarrow (pip install pyarrow)") from None
    try:
        table = parquet.ParquetFile(manifest)
        number = 0
        for batch in table.iter_batches(batch_size=4096):
            for record in batch.to_pylist():
                number += 1
                yield number, record
    except (OSError, ValueError) as exc:
        raise InputError(where, f"not a readable Parquet file ({exc})") from None
    except OverflowError as exc:
        raise InputError(where, f"holds a value out of range for its type ({exc})") from None
