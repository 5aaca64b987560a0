"""The Spark engine in local mode gives the local engine's tables row for row.

Needs pyspark (the ``spark`` extra) and Java 17. ``.ci/run`` installs both and
then requires the test to run; elsewhere it is skipped when either is missing.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pyarrow as pa
import pytest
from batch_archive import write_archive

from provenance import read_dataset
from provenance.batch import Engine, batch_records, run_batch
from provenance.config import Config

REQUIRED = os.environ.get("PROVENANCE_REQUIRE_SPARK") == "1"
"""Set by ``.ci/run`` once it installed Java and the extra: then a missing piece fails instead of skipping."""

if not REQUIRED:
    pytest.importorskip("pyspark")
    pytest.importorskip("pandas")
    if shutil.which("java") is None:
        pytest.skip("Spark needs Java 17 (apt-get install openjdk-17-jre-headless)", allow_module_level=True)


def _sorted(table: pa.Table) -> pa.Table:
    return table.sort_by([(name, "ascending") for name in table.column_names])


def test_spark_local_mode_writes_the_local_engines_tables(tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    write_archive(folder, 240)
    (folder / "empty.md").write_text("\n", encoding="utf-8")
    records = batch_records([str(folder)])
    local = run_batch(records, tmp_path / "local", Config(), part_size=60)
    spark = run_batch(
        records, tmp_path / "spark", Config(), engine=Engine.SPARK, master="local[2]", part_size=60
    )
    assert spark.rows == local.rows
    assert (local.articles, local.errors) == (spark.articles, spark.errors) == (241, 1)
    expected = read_dataset(tmp_path / "local")
    produced = read_dataset(tmp_path / "spark")
    assert list(produced) == list(expected)
    for name, table in expected.items():
        assert produced[name].schema == table.schema, name
        assert _sorted(produced[name]).equals(_sorted(table)), name
