"""``provenance batch``: the tables, their ids and row counts, failures as rows, resume, DuckDB queries."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest
from batch_archive import write_archive
from typer.testing import CliRunner

from provenance import read_dataset
from provenance.api import score_path
from provenance.batch import batch_records, run_batch
from provenance.batch.tables import dataset_tables
from provenance.batch.work import batch_job
from provenance.check.policy import fails
from provenance.cli import app
from provenance.config import Config
from provenance.errors import ConfigError, InputError
from provenance.models import SourceMention

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


def _sorted(table: pa.Table) -> pa.Table:
    return table.sort_by([(name, "ascending") for name in table.column_names])


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("archive")
    write_archive(folder, 30)
    return folder


@pytest.fixture(scope="module")
def dataset(archive: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("dataset") / "out"
    run_batch(batch_records([str(archive)]), output, Config(), part_size=7)
    return output


def test_row_counts_equal_the_json_reports(archive: Path, dataset: Path) -> None:
    tables = read_dataset(dataset)
    reports = [score_path(path, Config()) for path in sorted(archive.rglob("*.md"))]
    assert tables["articles"].num_rows == len(reports)
    assert tables["claims"].num_rows == sum(len(report.analysis.claims) for report in reports)
    assert tables["sources"].num_rows == sum(len(report.analysis.sources) for report in reports)
    assert tables["attributions"].num_rows == sum(
        len(claim.attributions) for report in reports for claim in report.analysis.claims
    )
    assert tables["findings"].num_rows == sum(
        len(score.findings) for report in reports for score in report.claim_scores
    ) + sum(len(report.article_findings) for report in reports)
    assert tables["errors"].num_rows == 0


def test_ids_are_paths_in_the_folder_and_join_the_tables(dataset: Path) -> None:
    tables = read_dataset(dataset)
    ids = set(tables["articles"]["article_id"].to_pylist())
    assert "desk-0/article-00000.md" in ids
    for name in ("claims", "sources", "attributions", "findings", "chain_hops"):
        assert set(tables[name]["article_id"].to_pylist()) <= ids
    claim_keys = set(
        zip(*(tables["claims"][key].to_pylist() for key in ("article_id", "claim_id")), strict=True)
    )
    hop_keys = set(
        zip(*(tables["chain_hops"][key].to_pylist() for key in ("article_id", "claim_id")), strict=True)
    )
    assert hop_keys == claim_keys


def test_rows_carry_the_scores_chains_and_metadata_of_the_report(archive: Path, dataset: Path) -> None:
    tables = read_dataset(dataset)
    report = score_path(archive / "desk-0" / "article-00000.md", Config())
    (article,) = [
        row for row in tables["articles"].to_pylist() if row["article_id"] == "desk-0/article-00000.md"
    ]
    assert (article["outlet"], article["title"]) == ("Harbour Gazette", "Harbour report 0")
    assert (article["score"], article["grade"], article["claims"]) == (
        report.score,
        report.grade,
        len(report.analysis.claims),
    )
    claims = {
        row["claim_id"]: row
        for row in tables["claims"].to_pylist()
        if row["article_id"] == article["article_id"]
    }
    scores = {claim_score.claim_id: claim_score for claim_score in report.claim_scores}
    for claim in report.analysis.claims:
        row = claims[claim.id]
        assert row["chain"] == claim.chain.render()
        assert (row["span_start"], row["span_end"], row["text"]) == (
            claim.span.start,
            claim.span.end,
            claim.text,
        )
        assert row["score"] == scores[claim.id].score


def test_every_field_of_a_source_mention_is_a_column() -> None:
    columns = dataset_tables()["sources"].schema.names
    for field in SourceMention.model_fields:
        name = "source_id" if field == "id" else field
        assert any(column == name or column.startswith(f"{name}_") for column in columns), field


def test_failures_are_rows_and_the_run_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_archive(folder, 4)
    (folder / "empty.md").write_text("   \n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    result = runner.invoke(app, ["batch", str(folder), "-o", str(tmp_path / "out")])
    assert result.exit_code == 3, result.output
    tables = read_dataset(tmp_path / "out")
    errors = {row["article_id"]: row for row in tables["errors"].to_pylist()}
    assert set(errors) == {"empty.md", "binary.txt"}
    assert errors["empty.md"]["code"] == "PRV-E100"
    assert "empty" in errors["empty.md"]["message"]
    assert tables["articles"].num_rows == 4


def test_the_first_failures_are_named_on_stderr(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_archive(folder, 2)
    for number in range(7):
        (folder / f"empty-{number}.md").write_text("   \n", encoding="utf-8")
    result = runner.invoke(app, ["batch", str(folder), "-o", str(tmp_path / "out")])
    assert result.exit_code == 3, result.output
    lines = result.stderr.splitlines()
    named = [line for line in lines if line.startswith("error[PRV-E100]: ") and "empty-" in line]
    assert len(named) == 5
    table = tmp_path / "out" / "errors"
    assert lines[-1] == f"7 articles failed, 2 more not shown: every failure is a row of {table}"


def test_a_rerun_is_idempotent_and_drops_parts_of_a_larger_run(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    paths = write_archive(folder, 12)
    output = tmp_path / "out"
    first = run_batch(batch_records([str(folder)]), output, Config(), part_size=3)
    before = {name: _sorted(table) for name, table in read_dataset(output).items()}
    again = run_batch(batch_records([str(folder)]), output, Config(), part_size=3, resume=True)
    assert again.resumed_parts == first.parts == 4
    assert all(before[name].equals(_sorted(table)) for name, table in read_dataset(output).items())
    for path in paths[6:]:
        path.unlink()
    smaller = run_batch(batch_records([str(folder)]), output, Config(), part_size=3)
    assert smaller.parts == 2
    assert sorted(path.name for path in (output / "claims").iterdir()) == [
        "part-00000.parquet",
        "part-00001.parquet",
    ]
    assert read_dataset(output)["articles"].num_rows == 6


def test_resume_redoes_a_part_whose_input_changed(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    paths = write_archive(folder, 6)
    output = tmp_path / "out"
    run_batch(batch_records([str(folder)]), output, Config(), part_size=3)
    records = [
        record.model_copy(update={"outlet": "Renamed Daily"}) if index < 3 else record
        for index, record in enumerate(batch_records([str(folder)]))
    ]
    summary = run_batch(records, output, Config(), part_size=3, resume=True)
    assert summary.resumed_parts == 1
    outlets = read_dataset(output)["articles"]["outlet"].to_pylist()
    assert outlets.count("Renamed Daily") == 3
    assert len(paths) == 6


@pytest.mark.parametrize("damage", [b"", b"PAR1 cut short"])
def test_resume_rewrites_a_part_file_damaged_since_it_was_written(tmp_path: Path, damage: bytes) -> None:
    folder = tmp_path / "in"
    write_archive(folder, 6)
    output = tmp_path / "out"
    command = ["batch", str(folder), "-o", str(output), "--part-size", "3", "-q"]
    assert runner.invoke(app, command).exit_code == 0
    (output / "claims" / "part-00001.parquet").write_bytes(damage)
    result = runner.invoke(app, [*command, "--resume"])
    assert result.exit_code == 0, result.output
    assert "(1 parts kept from the earlier run)" in result.stdout
    assert read_dataset(output)["articles"].num_rows == 6


def test_a_failed_article_is_named_once_on_its_line(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_archive(folder, 1)
    (folder / "empty.md").write_text("   \n", encoding="utf-8")
    result = runner.invoke(app, ["batch", str(folder), "-o", str(tmp_path / "out")])
    assert result.exit_code == 3, result.output
    [line] = [line for line in result.stderr.splitlines() if "empty.md" in line]
    assert line.count("error[") == 1
    assert line.count("empty.md") == 1


def test_two_worker_processes_write_the_same_tables(archive: Path, dataset: Path, tmp_path: Path) -> None:
    run_batch(batch_records([str(archive)]), tmp_path / "out", Config(), part_size=7, jobs=2)
    parallel = read_dataset(tmp_path / "out")
    for name, table in read_dataset(dataset).items():
        assert _sorted(table).equals(_sorted(parallel[name])), name


def test_globs_take_ids_relative_to_their_fixed_part(archive: Path) -> None:
    records = batch_records([f"{archive}/desk-*/*.md"])
    assert len(records) == 30
    assert all(re.fullmatch(r"desk-[01]/article-\d{5}\.md", record.id) for record in records)
    assert {record.id for record in batch_records([f"{archive}/desk-1/*.md"])} == {
        record.id.removeprefix("desk-1/") for record in records if record.id.startswith("desk-1/")
    }


def test_duplicate_ids_and_empty_inputs_are_refused(archive: Path, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="also given"):
        batch_records([str(archive / "desk-0"), f"{archive}/desk-0/*.md"])
    (tmp_path / "nothing").mkdir()
    with pytest.raises(InputError, match="no article files"):
        batch_records([str(tmp_path / "nothing")])


def test_a_folder_with_other_files_is_not_overwritten(archive: Path, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ConfigError, match="other files"):
        run_batch(batch_records([str(archive / "desk-0")]), tmp_path, Config())
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_read_dataset_refuses_what_is_not_a_dataset(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such dataset"):
        read_dataset(tmp_path / "missing")
    with pytest.raises(InputError, match="not a provenance dataset"):
        read_dataset(tmp_path)


def test_the_json_summary_counts_every_table(archive: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["batch", str(archive / "desk-1"), "-o", str(tmp_path / "out"), "-f", "json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    tables = read_dataset(tmp_path / "out")
    assert summary["rows"] == {name: table.num_rows for name, table in tables.items()}
    assert summary["articles"] == 15


def _readme_queries() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Batch runs", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sql\n(.*?)```", section, flags=re.DOTALL)


def test_the_readme_duckdb_queries_answer_their_questions(archive: Path, dataset: Path) -> None:
    queries = [query.replace("'out/", f"'{dataset}/") for query in _readme_queries()]
    assert len(queries) == 3
    anonymous, agencies, failing = (duckdb.sql(query).fetchall() for query in queries)
    reports = {
        path.relative_to(archive).as_posix(): score_path(path, Config())
        for path in sorted(archive.rglob("*.md"))
    }
    # anonymous-source share by outlet and month
    expected: dict[tuple[str, str], list[bool]] = {}
    for report in reports.values():
        article = report.analysis.article
        key = (article.outlet or "", f"{article.date:%Y-%m}")
        expected.setdefault(key, []).extend(
            source.anonymity.value != "named" for source in report.analysis.sources
        )
    shares = {(outlet, month): share for outlet, month, _, share in anonymous}
    assert shares == {
        key: pytest.approx(sum(flags) / len(flags), abs=0.001) for key, flags in expected.items()
    }
    assert len(set(shares.values())) > 1
    # the most relayed agencies
    relayed: dict[str, int] = {}
    for report in reports.values():
        for claim in report.analysis.claims:
            for hop in claim.chain.hops[1:]:
                for node in hop.nodes:
                    if node.type.value == "wire_agency":
                        relayed[node.name] = relayed.get(node.name, 0) + 1
    assert {agency: count for agency, count, _ in agencies} == relayed
    assert {"Reuters", "Associated Press"} <= set(relayed)
    # claims failing the policy
    policy = batch_job(Config()).policy
    expected_failing = sorted(
        (article_id, finding.claim_id, finding.rule_id)
        for article_id, report in reports.items()
        for score in report.claim_scores
        for finding in score.findings
        if fails(finding, policy)
    )
    assert expected_failing
    assert sorted((row[0], row[1], row[2]) for row in failing) == expected_failing


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_a_killed_run_resumes_where_it_stopped(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_archive(folder, 160)
    output = tmp_path / "out"
    command = [
        sys.executable,
        "-m",
        "provenance.cli",
        "batch",
        str(folder),
        "-o",
        str(output),
        "--part-size",
        "8",
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    markers = output / "_parts"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list(markers.glob("*.json")) if markers.is_dir() else []) < 3:
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    finished = len(list(markers.glob("*.json")))
    assert 3 <= finished < 20, "the run was not interrupted part-way"
    resumed = subprocess.run([*command, "--resume", "-f", "json"], capture_output=True, text=True, check=True)
    summary = json.loads(resumed.stdout)
    assert summary["resumed_parts"] == finished
    assert summary["articles"] == 160
    clean = tmp_path / "clean"
    run_batch(batch_records([str(folder)]), clean, Config(), part_size=8)
    for name, table in read_dataset(clean).items():
        assert _sorted(table).equals(_sorted(read_dataset(output)[name])), name


def test_a_manifest_gives_ids_metadata_and_inline_texts(archive: Path, tmp_path: Path) -> None:
    first = archive / "desk-0" / "article-00000.md"
    manifest = tmp_path / "articles.jsonl"
    rows = [
        {"id": "a-1", "path": str(first), "outlet": "Coastline Daily", "date": "2024-11-02"},
        {
            "id": "a-2",
            "text": "Clara Voss said the ferry terminal will close in June.",
            "outlet": "Valley Courier",
        },
    ]
    manifest.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    result = runner.invoke(app, ["batch", str(manifest), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    articles = {row["article_id"]: row for row in read_dataset(tmp_path / "out")["articles"].to_pylist()}
    assert set(articles) == {"a-1", "a-2"}
    assert (articles["a-1"]["outlet"], str(articles["a-1"]["date"])) == ("Coastline Daily", "2024-11-02")
    claims = read_dataset(tmp_path / "out")["claims"].to_pylist()
    assert any(claim["article_id"] == "a-2" and claim["origin_name"] == "Clara Voss" for claim in claims)


def test_every_list_of_models_in_an_analysis_is_a_table_joined_by_its_ids(dataset: Path) -> None:
    tables = read_dataset(dataset)
    entity_keys = set(
        zip(
            tables["entities"]["article_id"].to_pylist(),
            tables["entities"]["entity_id"].to_pylist(),
            strict=True,
        )
    )
    source_keys = set(
        zip(
            tables["sources"]["article_id"].to_pylist(),
            tables["sources"]["entity_id"].to_pylist(),
            strict=True,
        )
    )
    assert source_keys
    assert source_keys <= entity_keys


def test_the_map_in_arrow_function_needs_only_ids_and_texts() -> None:
    from provenance.batch.spark import TABLE_COLUMN, analyse_batches, wide_schema

    batch = pa.RecordBatch.from_pylist(
        [
            {"id": "x-2", "text": "Clara Voss said so.", "date": "last Tuesday", "extra": 1},
            {"id": "x-1", "text": "Clara Voss said the ferry closes in June.", "date": None, "extra": 2},
        ]
    )
    (wide,) = list(analyse_batches([batch], batch_job(Config())))
    assert wide.schema == wide_schema()
    rows = wide.to_pylist()
    tables = {row[TABLE_COLUMN] for row in rows}
    assert {"articles", "claims", "errors"} <= tables
    (error,) = [row for row in rows if row[TABLE_COLUMN] == "errors"]
    assert error["errors__article_id"] == "x-2"
    assert error["errors__code"] == "PRV-E100"
    assert "date" in error["errors__message"]
