"""Batch runs over archives: articles in, a dataset of Parquet tables out, on one machine or on Spark.

``run_batch`` lists the inputs (folders, globs, files), analyses and scores
every article with one configuration, and writes the tables described in
``tables``; ``read_dataset`` reads them back. The per-article function
(``work.analyse_record``) is the same for both engines.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import StrEnum
from pathlib import Path

from provenance.batch.dataset import BatchSummary, read_dataset
from provenance.batch.inputs import batch_records
from provenance.batch.local import PART_SIZE, run_local
from provenance.batch.work import batch_job
from provenance.config import Config
from provenance.errors import ConfigError
from provenance.ingest.manifest import ManifestRow

__all__ = [
    "PART_SIZE",
    "BatchSummary",
    "Engine",
    "ManifestRow",
    "batch_records",
    "read_dataset",
    "run_batch",
]


class Engine(StrEnum):
    """Where a batch runs."""

    LOCAL = "local"
    SPARK = "spark"


def run_batch(
    records: Sequence[ManifestRow],
    output: str | Path,
    config: Config,
    *,
    engine: Engine = Engine.LOCAL,
    master: str = "local[*]",
    jobs: int = 1,
    part_size: int = PART_SIZE,
    resume: bool = False,
    encoding: str = "utf-8",
    on_progress: Callable[[int], None] | None = None,
) -> BatchSummary:
    """Analyse and score ``records`` (from ``batch_records``) into the dataset at ``output``.

    Locally, ``jobs`` processes share the parts and ``resume`` keeps the parts
    an interrupted run finished; on Spark (``master`` is the cluster's URL),
    Spark schedules and retries the work itself.
    """
    job = batch_job(config, encoding)
    folder = Path(output)
    if engine is Engine.SPARK:
        if resume:
            raise ConfigError("--resume", "is for the local engine; Spark retries failed tasks itself")
        from provenance.batch.spark import run_spark

        return run_spark(records, folder, job, master=master, part_size=part_size)
    return run_local(
        records, folder, job, part_size=part_size, jobs=jobs, resume=resume, on_progress=on_progress
    )
