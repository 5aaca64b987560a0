"""The Spark engine: the same per-article function on Spark executors, through ``DataFrame.mapInArrow``.

``analyse_batches`` turns Arrow record batches of articles (the columns of
``RECORD_SCHEMA``) into record batches of ``WIDE_SCHEMA``: one row per table row,
with a ``table`` column naming its table and that table's columns prefixed
``TABLE__``. ``write_tables`` splits such a DataFrame into the dataset's table
folders. Together they let a Spark job of one's own score an archive:

    wide = articles.mapInArrow(partial(analyse_batches, job=job), spark_schema(WIDE_SCHEMA))
    write_tables(wide, "s3a://bucket/out")

pyspark is an optional dependency (``pip install 'provenance[spark]'``),
imported only when a Spark function runs; ``analyse_batches`` itself needs none.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import pyarrow as pa
from pydantic import ValidationError

from provenance.batch.dataset import (
    DATASET_FILE,
    BatchSummary,
    PartSummary,
    dataset_layout,
    require_dataset_folder,
)
from provenance.batch.tables import Rows, dataset_tables, error_rows, model_columns
from provenance.batch.work import BatchJob, analyse_record
from provenance.errors import ConfigError, InputError
from provenance.ingest.manifest import ManifestRow
from provenance.outputs import write_atomic

RECORD_SCHEMA = pa.schema([(column.name, column.type) for column in model_columns(ManifestRow)])
"""The columns of an articles DataFrame: a ``ManifestRow`` each (``id`` and ``path`` or ``text`` given)."""

TABLE_COLUMN = "table"
SEPARATOR = "__"


def wide_schema() -> pa.Schema:
    """Build the schema ``analyse_batches`` yields: ``table``, then every table's columns, prefixed."""
    fields: list[tuple[str, pa.DataType]] = [(TABLE_COLUMN, pa.string())]
    for name, table in dataset_tables().items():
        fields += [(f"{name}{SEPARATOR}{field.name}", field.type) for field in table.schema]
    return pa.schema(fields)


def analyse_batches(batches: Iterable[pa.RecordBatch], job: BatchJob) -> Iterator[pa.RecordBatch]:
    """Analyse every article of every batch: the function to hand to ``DataFrame.mapInArrow``."""
    schema = wide_schema()
    for batch in batches:
        wide: list[dict[str, Any]] = []
        for number, values in enumerate(batch.to_pylist(), start=1):
            for name, rows in _rows_of(values, number, job).items():
                wide += [
                    {TABLE_COLUMN: name, **{f"{name}{SEPARATOR}{key}": value for key, value in row.items()}}
                    for row in rows
                ]
        yield pa.RecordBatch.from_pylist(wide, schema=schema)


def _rows_of(values: dict[str, Any], number: int, job: BatchJob) -> Rows:
    """Analyse one DataFrame row; a row that is no article (a bad date, no id) is an ``errors`` row."""
    try:
        record = ManifestRow.model_validate({"manifest": "dataframe", "line": number, **_given(values)})
    except ValidationError as exc:
        problem = "; ".join(f"{'.'.join(map(str, error['loc']))}: {error['msg']}" for error in exc.errors())
        error = InputError(f"row {number}", f"not an article row ({problem})")
        return error_rows(
            str(values.get("id") or f"row {number}"), values.get("path"), error.code, error.one_line()
        )
    return analyse_record(record, job)


def _given(values: dict[str, Any]) -> dict[str, Any]:
    """Keep the row's values that are set and that a ``ManifestRow`` has (a DataFrame may hold more)."""
    return {
        name: value
        for name, value in values.items()
        if value is not None and name in ManifestRow.model_fields
    }


def spark_schema(schema: pa.Schema) -> Any:
    """Convert an Arrow schema to Spark's (for ``mapInArrow``)."""
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(schema)


def write_tables(wide: Any, output: str) -> dict[str, int]:
    """Write a DataFrame of ``wide_schema`` rows as the dataset's table folders; return rows per table."""
    from pyspark.sql import functions

    wide = wide.persist()
    try:
        counts = {row[TABLE_COLUMN]: row["count"] for row in wide.groupBy(TABLE_COLUMN).count().collect()}
        for name, table in dataset_tables().items():
            columns = [
                functions.col(f"{name}{SEPARATOR}{field.name}").alias(field.name) for field in table.schema
            ]
            selected = wide.filter(functions.col(TABLE_COLUMN) == name).select(*columns)
            selected.write.mode("overwrite").parquet(f"{output.rstrip('/')}/{name}")
    finally:
        wide.unpersist()
    return {name: int(counts.get(name, 0)) for name in dataset_tables()}


def run_spark(
    records: Sequence[ManifestRow], output: Path, job: BatchJob, *, master: str, part_size: int
) -> BatchSummary:
    """Run a batch on the Spark cluster at ``master`` (``local[2]`` runs it in this machine's processes).

    The records are listed here and shipped to the executors, which read each
    article's file by its path: on a cluster, the paths must be on a file
    system every executor mounts (or the manifest carries the texts inline).
    """
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise ConfigError(
            "--engine spark", "needs pyspark: pip install 'provenance[spark]' (and Java 17)"
        ) from None
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    require_dataset_folder(output)
    builder = SparkSession.builder.master(master).appName("provenance batch")
    spark = builder.config("spark.ui.showConsoleProgress", "false").getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    table = pa.Table.from_pylist([record.model_dump() for record in records], schema=RECORD_SCHEMA)
    articles = spark.createDataFrame(table).repartition(max(1, -(-len(records) // part_size)))
    wide = articles.mapInArrow(partial(analyse_batches, job=job), spark_schema(wide_schema()))
    counts = write_tables(wide, str(output.resolve()))
    write_atomic(output / DATASET_FILE, dataset_layout().model_dump_json(indent=2) + "\n", make_folders=True)
    part = PartSummary(part=0, digest="", articles=len(records), errors=counts["errors"], rows=counts)
    return BatchSummary.of(str(output), [part]).model_copy(update={"parts": 0})
