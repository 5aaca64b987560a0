"""The local engine: a batch in one or more processes, written as Parquet part files that resume.

The records are cut into parts of ``part_size`` articles. Each part is analysed
and written as one file per table (``claims/part-00003.parquet``), each file
atomically, and then its marker (``_parts/part-00003.json``) records a digest
of the part's records and of the run's configuration. A resumed run keeps the
parts whose marker matches and redoes the rest, so a run killed at any moment
resumes where it stopped, and a finished run resumed again changes nothing.
Memory holds one part per process at a time, whatever the number of articles.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from concurrent.futures import as_completed
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from provenance.batch.dataset import (
    DATASET_FILE,
    PARTS_FOLDER,
    BatchSummary,
    PartSummary,
    dataset_layout,
    require_dataset_folder,
)
from provenance.batch.tables import Rows, dataset_tables
from provenance.batch.work import BatchJob, analyse_record
from provenance.ingest.manifest import ManifestRow
from provenance.models import SCHEMA_VERSION
from provenance.outputs import write_atomic
from provenance.pool import worker_pool

PART_SIZE = 500
"""Articles per part file: small enough to lose little on a kill, large enough for efficient Parquet."""


def part_name(number: int) -> str:
    """Name the file stem of part ``number`` in every table folder."""
    return f"part-{number:05d}"


def run_local(
    records: Sequence[ManifestRow],
    output: Path,
    job: BatchJob,
    *,
    part_size: int = PART_SIZE,
    jobs: int = 1,
    resume: bool = False,
    on_progress: Callable[[int], None] | None = None,
) -> BatchSummary:
    """Analyse ``records`` into the dataset at ``output`` in ``jobs`` processes; see the module docstring.

    ``on_progress`` receives the number of articles finished each time some
    are (one at a time in a single process, a part at a time from workers).
    """
    advance = on_progress or (lambda count: None)
    require_dataset_folder(output)
    run_digest = _run_digest(job)
    parts = [list(records[start : start + part_size]) for start in range(0, len(records), part_size)]
    summaries: dict[int, PartSummary] = {}
    todo: list[tuple[int, list[ManifestRow], str]] = []
    for number, part in enumerate(parts):
        digest = _part_digest(run_digest, part)
        kept = _finished(output, number, digest) if resume else None
        if kept is not None:
            summaries[number] = kept
            advance(kept.articles)
        else:
            todo.append((number, part, digest))
    _remove_parts_from(output, len(parts))
    write_atomic(output / DATASET_FILE, dataset_layout().model_dump_json(indent=2) + "\n", make_folders=True)
    if jobs > 1 and len(todo) > 1:
        with worker_pool(min(jobs, len(todo))) as pool:
            futures = [
                pool.submit(write_part, output, number, part, digest, job) for number, part, digest in todo
            ]
            for future in as_completed(futures):
                summary = future.result()
                summaries[summary.part] = summary
                advance(summary.articles)
    else:
        for number, part, digest in todo:
            summaries[number] = write_part(output, number, part, digest, job, advance)
    ordered = [summaries[number] for number in range(len(parts))]
    return BatchSummary.of(str(output), ordered, resumed=len(parts) - len(todo))


def write_part(
    output: Path,
    number: int,
    records: Sequence[ManifestRow],
    digest: str,
    job: BatchJob,
    advance: Callable[[int], None] | None = None,
) -> PartSummary:
    """Analyse one part and write its table files, then its marker (which makes the part count as done)."""
    every = dataset_tables()
    collected: Rows = {name: [] for name in every}
    errors = 0
    for record in records:
        rows = analyse_record(record, job)
        errors += len(rows["errors"])
        for name, table_rows in rows.items():
            collected[name].extend(table_rows)
        if advance is not None:
            advance(1)
    counts = {}
    for name, table in every.items():
        arrow = pa.Table.from_pylist(collected[name], schema=table.schema)
        write_atomic(output / name / f"{part_name(number)}.parquet", _parquet_bytes(arrow), make_folders=True)
        counts[name] = arrow.num_rows
    summary = PartSummary(part=number, digest=digest, articles=len(records), errors=errors, rows=counts)
    write_atomic(
        output / PARTS_FOLDER / f"{part_name(number)}.json",
        summary.model_dump_json() + "\n",
        make_folders=True,
    )
    return summary


def _parquet_bytes(table: pa.Table) -> bytes:
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd")
    return bytes(sink.getvalue().to_pybytes())


def _run_digest(job: BatchJob) -> str:
    """Digest what makes two runs write different rows for the same records: schema, rules, policy."""
    every = dataset_tables()
    described = {
        "schema_version": SCHEMA_VERSION,
        "tables": {name: table.schema.to_string() for name, table in every.items()},
        "config": job.config.model_dump_json(),
        "policy": job.policy.model_dump_json(),
        "encoding": job.encoding,
    }
    return hashlib.sha256(json.dumps(described, sort_keys=True).encode("utf-8")).hexdigest()


def _part_digest(run_digest: str, records: Sequence[ManifestRow]) -> str:
    hasher = hashlib.sha256(run_digest.encode("utf-8"))
    for record in records:
        hasher.update(record.model_dump_json().encode("utf-8"))
    return hasher.hexdigest()


def _finished(output: Path, number: int, digest: str) -> PartSummary | None:
    """Return the part's summary when its marker says it was finished from the same records and settings.

    Every table file must still hold the rows the marker counted, so a part file damaged since
    (cut short, emptied, overwritten) is written again rather than kept.
    """
    marker = output / PARTS_FOLDER / f"{part_name(number)}.json"
    try:
        summary = PartSummary.model_validate_json(marker.read_bytes())
    except (OSError, ValueError):
        return None
    if summary.digest != digest:
        return None
    intact = all(
        _parquet_rows(output / name / f"{part_name(number)}.parquet") == summary.rows.get(name)
        for name in dataset_tables()
    )
    return summary if intact else None


def _parquet_rows(path: Path) -> int | None:
    """Count a part file's rows from its footer; None when it is missing, cut short or no Parquet."""
    try:
        return int(pq.read_metadata(path).num_rows)
    except (OSError, pa.ArrowException):
        return None


def _remove_parts_from(output: Path, first: int) -> None:
    """Remove the part files of an earlier, larger run that this run's parts do not overwrite."""
    for folder in [output / PARTS_FOLDER, *(output / name for name in dataset_tables())]:
        if not folder.is_dir():
            continue
        for file in folder.glob("part-*"):
            number = file.name.split(".")[0].removeprefix("part-")
            if number.isdigit() and int(number) >= first:
                file.unlink()
