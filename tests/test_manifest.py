"""Corpus manifests: JSONL, CSV/TSV and Parquet rows become articles with the manifest's metadata."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from provenance.errors import InputError
from provenance.ingest.manifest import is_manifest, iter_manifest, load_article, read_manifest

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
POLNEAR = SHARED / "polnear"


def _jsonl(path: Path, rows: list[object]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_jsonl_rows_with_inline_text_carry_outlet_date_and_wire(tmp_path: Path) -> None:
    manifest = _jsonl(
        tmp_path / "corpus.jsonl",
        [
            {
                "id": "a1",
                "text": "The ferry to Ostrova resumed on Monday.",
                "outlet": "Harbour Gazette",
                "date": "2025-03-01",
                "wire": "Coastal Press Agency",
            },
            {"id": "a2", "text": "Ostrova's mayor resigned.", "publisher": "None", "date": ""},
        ],
    )
    first, second = read_manifest(manifest)
    assert (first.id, first.outlet, first.date, first.wire) == (
        "a1",
        "Harbour Gazette",
        dt.date(2025, 3, 1),
        "Coastal Press Agency",
    )
    assert (second.outlet, second.date, second.wire) == (None, None, None)
    article = load_article(first)
    assert article.outlet == "Harbour Gazette"
    assert article.date == dt.date(2025, 3, 1)
    assert article.text == "The ferry to Ostrova resumed on Monday."


def test_csv_paths_are_relative_to_the_manifest_and_its_metadata_wins(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "one.md").write_text(
        "---\ntitle: Old title\noutlet: File Outlet\n---\n\nThe dam was completed in 1931.\n",
        encoding="utf-8",
    )
    manifest = tmp_path / "list.csv"
    manifest.write_text('path,publisher,headline\ntexts/one.md,"Valley Times, Inc.",\n', encoding="utf-8")
    (row,) = read_manifest(manifest)
    assert row.id == "texts/one.md"
    article = load_article(row)
    assert article.outlet == "Valley Times, Inc."
    assert article.title == "Old title"
    assert article.path == str(tmp_path / "texts" / "one.md")


def test_tsv_path_template_builds_paths_from_several_columns(tmp_path: Path) -> None:
    (tmp_path / "dev" / "text").mkdir(parents=True)
    (tmp_path / "dev" / "text" / "gazette_story.txt").write_text("Lund won the vote.\n", encoding="utf-8")
    manifest = tmp_path / "metadata.tsv"
    manifest.write_text(
        "compartment\tfilename\tpublisher\tpublication_date\twire\n"
        "dev\tgazette_story\tgazette\t2016-09-12\tNone\n",
        encoding="utf-8",
    )
    (row,) = read_manifest(manifest, path_template="{compartment}/text/{filename}.txt")
    assert row.id == "gazette_story"
    assert load_article(row).text.startswith("Lund won the vote.")


def test_parquet_manifest(tmp_path: Path) -> None:
    pyarrow = pytest.importorskip("pyarrow")
    parquet = pytest.importorskip("pyarrow.parquet")
    table = pyarrow.table(
        {
            "id": ["p1"],
            "text": ["The bridge reopened."],
            "outlet": ["Ridge Post"],
            "date": [dt.date(2024, 5, 2)],
        }
    )
    manifest = tmp_path / "corpus.parquet"
    parquet.write_table(table, manifest)
    (row,) = read_manifest(manifest)
    assert (row.id, row.outlet, row.date, row.line) == ("p1", "Ridge Post", dt.date(2024, 5, 2), 1)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "bad.jsonl",
            '{"text": "A."}\n{"text": "B.", "date": "2025-13-01"}\n',
            "bad.jsonl:2: column 'date': invalid date '2025-13-01'",
        ),
        ("bad.jsonl", '{"text": "A."}\n[1, 2]\n', "bad.jsonl:2: expected a JSON object, found list"),
        ("bad.jsonl", '{"text": "A."\n', "bad.jsonl:1: invalid JSON"),
        (
            "bad.jsonl",
            '{"id": "x", "text": "A."}\n{"id": "x", "text": "B."}\n',
            "bad.jsonl:2: duplicate id 'x'",
        ),
        ("bad.jsonl", '{"headline": "A."}\n', "bad.jsonl: no column for the article's path or text"),
        ("bad.jsonl", '{"text": "A."}\n{"outlet": "B"}\n', "bad.jsonl:2: row has neither a path nor a text"),
        ("bad.csv", "text,outlet\nA.,B\nC.\n", "bad.csv:3: 1 columns where the header has 2"),
        ("bad.csv", "", "bad.csv: manifest is empty"),
        ("bad.parquet", "not parquet at all", "bad.parquet: not a readable Parquet file"),
        ("bad.xlsx", "x", "bad.xlsx: unknown manifest format"),
    ],
)
def test_bad_manifests_fail_with_one_line_naming_file_line_and_column(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_manifest(path)
    assert str(caught.value).startswith(str(tmp_path / message.split(":", 1)[0]))
    assert message.split(":", 1)[1] in str(caught.value)
    assert "\n" not in caught.value.one_line()


def test_undecodable_manifest_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes(b"text\nfine\ncaf\xe9\n")
    with pytest.raises(InputError, match=r"latin\.csv:3: not valid UTF-8"):
        read_manifest(path)


def test_missing_article_file_fails_when_loaded_with_its_path(tmp_path: Path) -> None:
    manifest = tmp_path / "m.csv"
    manifest.write_text("path\nabsent.txt\n", encoding="utf-8")
    (row,) = read_manifest(manifest)
    with pytest.raises(InputError, match=r"absent\.txt: no such file"):
        load_article(row)


def test_explicit_columns_and_unknown_template_column(tmp_path: Path) -> None:
    manifest = tmp_path / "m.csv"
    manifest.write_text("body,paper\nThe mill closed.,Mill News\n", encoding="utf-8")
    (row,) = read_manifest(manifest, columns={"outlet": "paper"})
    assert row.outlet == "Mill News"
    with pytest.raises(InputError, match="no column 'missing' for outlet"):
        read_manifest(manifest, columns={"outlet": "missing"})
    with pytest.raises(InputError, match=r"m\.csv:2: path template names column 'folder'"):
        read_manifest(manifest, path_template="{folder}/x.txt")


def test_rows_are_read_lazily(tmp_path: Path) -> None:
    manifest = tmp_path / "m.jsonl"
    manifest.write_text('{"text": "First."}\n{"text": "Second.", "date": "bad"}\n', encoding="utf-8")
    rows = iter_manifest(manifest)
    assert next(rows).text == "First."
    with pytest.raises(InputError):
        next(rows)


def test_is_manifest_by_name() -> None:
    assert is_manifest("corpus.JSONL")
    assert is_manifest("metadata.tsv")
    assert not is_manifest("story.txt")


@pytest.mark.skipif(not POLNEAR.is_dir(), reason="PolNeAR is not beside the checkout")
def test_polnear_metadata_reads_as_a_manifest() -> None:
    rows = read_manifest(POLNEAR / "metadata.tsv", path_template="{compartment}/text/{filename}.txt")
    assert len(rows) == 924
    assert {row.outlet for row in rows} >= {"breitbart"}
    wired = [row for row in rows if row.wire is not None]
    assert wired
    assert all(row.date is not None for row in rows)
    dev = next(row for row in rows if row.path is not None and "/dev/" in row.path)
    assert load_article(dev).outlet == dev.outlet
