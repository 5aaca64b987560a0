"""The dataset on disk: its layout file, run summaries, and reading it back.

A dataset is a folder with one sub-folder of Parquet files per table
(``claims/*.parquet``) and ``_dataset.json``, which names the tables and their
columns once. Files whose names start with ``_`` or ``.`` (markers, temporary
files, Spark's ``_SUCCESS``) are not data, so DuckDB's ``'out/claims/*.parquet'``
and ``read_dataset`` see the same rows.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
from pydantic import Field

from provenance.batch.tables import dataset_tables
from provenance.errors import ConfigError, InputError
from provenance.files import PathKind, is_regular_file, list_folder
from provenance.models import SCHEMA_VERSION, Model
from provenance.outputs import require_reachable_folder

DATASET_FILE = "_dataset.json"
PARTS_FOLDER = "_parts"


class TableLayout(Model):
    """One table: its name and its columns with their Arrow types."""

    name: str
    columns: dict[str, str]


class DatasetLayout(Model):
    """What ``_dataset.json`` records: the schema version and every table's columns."""

    schema_version: str = SCHEMA_VERSION
    tables: list[TableLayout]


def dataset_layout() -> DatasetLayout:
    """Describe the layout of a dataset written by this version."""
    return DatasetLayout(
        tables=[
            TableLayout(name=name, columns={field.name: str(field.type) for field in table.schema})
            for name, table in dataset_tables().items()
        ]
    )


class PartSummary(Model):
    """One finished part: the digest of what it was made from, its articles, errors and rows per table."""

    part: int = Field(ge=0)
    digest: str
    articles: int = Field(ge=0)
    errors: int = Field(ge=0)
    rows: dict[str, int]


class BatchSummary(Model):
    """What a batch run wrote: where, how many articles and failures, and the rows of every table."""

    schema_version: str = SCHEMA_VERSION
    output: str
    articles: int = Field(ge=0)
    errors: int = Field(ge=0)
    parts: int = Field(ge=0)
    resumed_parts: int = Field(default=0, ge=0, description="parts kept from an earlier run (--resume)")
    rows: dict[str, int]

    @classmethod
    def of(cls, output: str, parts: list[PartSummary], resumed: int = 0) -> BatchSummary:
        """Add up the parts of a run."""
        rows = {name: sum(part.rows.get(name, 0) for part in parts) for name in dataset_tables()}
        return cls(
            output=output,
            articles=sum(part.articles for part in parts),
            errors=sum(part.errors for part in parts),
            parts=len(parts),
            resumed_parts=resumed,
            rows=rows,
        )


def read_dataset(path: str | Path, only: Collection[str] | None = None) -> dict[str, pa.Table]:
    """Read a dataset written by ``provenance batch`` (either engine) into one Arrow table per table name.

    The tables come back in the layout's order with the layout's column types,
    whichever engine wrote them; ``.to_pandas()`` or ``polars.from_arrow``
    take it from there. ``only`` names the tables to read, so a look at the
    small ``errors`` table does not load the claims of a whole archive.
    """
    folder = Path(path)
    where = str(path)
    if not folder.is_dir():
        raise InputError(where, "no such dataset folder")
    try:
        layout = DatasetLayout.model_validate_json((folder / DATASET_FILE).read_bytes())
    except OSError:
        raise InputError(where, f"not a provenance dataset (no {DATASET_FILE})") from None
    except ValueError as exc:
        raise InputError(str(folder / DATASET_FILE), f"invalid dataset layout ({exc})") from None
    tables = dataset_tables()
    read: dict[str, pa.Table] = {}
    for entry in layout.tables:
        if only is not None and entry.name not in only:
            continue
        table_folder = folder / entry.name
        current = tables.get(entry.name)
        same = current is not None and entry.columns == {f.name: str(f.type) for f in current.schema}
        schema = current.schema if current is not None and same else None
        if not table_folder.is_dir():
            raise InputError(str(table_folder), "missing table folder")
        try:
            dataset = ds.dataset(table_folder, format="parquet", schema=schema)
            read[entry.name] = dataset.to_table()
        except (OSError, pa.ArrowInvalid) as exc:
            raise InputError(str(table_folder), f"unreadable table ({exc})") from None
    return read


def require_dataset_folder(output: Path) -> None:
    """Refuse an output that is not a new folder, an empty one or a provenance dataset (either engine)."""
    kind = require_reachable_folder(output)
    if kind not in {PathKind.FOLDER, PathKind.MISSING}:
        noun = "a file" if kind is PathKind.FILE else kind.value
        raise ConfigError(str(output), f"is {noun}; batch output is a folder")
    if kind is PathKind.FOLDER and not is_regular_file(output / DATASET_FILE) and list_folder(output):
        raise ConfigError(str(output), "is a folder with other files in it; name a new or empty folder")
