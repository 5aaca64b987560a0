"""``provenance report``: one article in every format, and batch mode with its index."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import lxml.html
import pytest
from prov.model import ProvDocument
from typer.testing import CliRunner

from provenance.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_8dac13ad40c6afd4.txt"
HOSTILE = Path(__file__).parent / "data" / "hostile-article.md"
runner = CliRunner()


def test_text_report_is_the_default() -> None:
    result = runner.invoke(app, ["report", str(SEED)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Europe is divided on deploying troops")
    assert any(line.startswith("Score ") and " grade " in line for line in lines)
    assert "chain: European Pravda → Reuters → five European diplomats" in result.stdout


def test_html_report_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "seed.html"
    result = runner.invoke(app, ["report", str(SEED), "--format", "html", "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    document = lxml.html.document_fromstring(out.read_text(encoding="utf-8"))
    rows = document.cssselect("table.claims tbody tr")
    assert len(rows) >= 10
    assert document.cssselect("#graph svg g.node.publisher")


def test_prov_json_report_reads_back(tmp_path: Path) -> None:
    out = tmp_path / "seed.prov.json"
    result = runner.invoke(app, ["report", str(SEED), "-f", "prov-json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    document = ProvDocument.deserialize(out, format="json")
    assert len(document.get_records()) > 20


@pytest.mark.parametrize("report_format", ["md", "json", "prov-n"])
def test_other_formats_print_to_stdout(report_format: str) -> None:
    result = runner.invoke(app, ["report", str(SEED), "--format", report_format])
    assert result.exit_code == 0, result.output
    if report_format == "json":
        assert json.loads(result.stdout)["analysis"]["article"]["outlet"] == "European Pravda"
    elif report_format == "md":
        assert "```mermaid" in result.stdout
    else:
        assert result.stdout.startswith("document")


def test_hostile_article_through_the_real_pipeline(tmp_path: Path) -> None:
    out = tmp_path / "hostile.html"
    result = runner.invoke(app, ["report", str(HOSTILE), "--format", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    document = lxml.html.document_fromstring(html)
    assert not document.cssselect("script, img, iframe, a[href^='javascript']")
    assert "<script>alert('title')</script>" in document.cssselect("h1")[0].text_content()
    markdown = runner.invoke(app, ["report", str(HOSTILE), "--format", "md"]).stdout
    assert "&lt;script&gt;alert('title')&lt;/script&gt;" in markdown
    assert "<script" not in markdown
    assert "<img" not in markdown


def test_missing_file_is_one_line_and_exit_3(tmp_path: Path) -> None:
    out = tmp_path / "never.html"
    result = runner.invoke(app, ["report", str(tmp_path / "nope.txt"), "-f", "html", "-o", str(out)])
    assert result.exit_code == 3
    assert result.stderr.count("\n") == 1
    assert "no such file" in result.stderr
    assert not out.exists(), "no partial output"


def test_folder_without_output_dir_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", str(tmp_path)])
    assert result.exit_code == 2
    assert "--output-dir" in result.stderr


def test_output_and_output_dir_together_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", str(SEED), "-o", "x.md", "--output-dir", str(tmp_path)])
    assert result.exit_code == 2


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    (folder / "nested").mkdir(parents=True)
    (folder / ".hidden").mkdir()
    shutil.copy(SEED, folder / "seed.txt")
    shutil.copy(HOSTILE, folder / "nested" / "hostile.md")
    (folder / "seed.md").write_text(
        "---\ntitle: Port reopens\noutlet: Harbour Gazette\n---\n\nThe port reopened on Monday, "
        "the harbour master, Jan Nowak, said.\n",
        encoding="utf-8",
    )
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / ".hidden" / "skip.txt").write_text("Not an article.", encoding="utf-8")
    (folder / "notes.csv").write_text("a,b\n", encoding="utf-8")
    return folder


def test_batch_writes_a_report_per_article_and_an_index_weakest_first(articles: Path) -> None:
    out = articles / "reports"
    result = runner.invoke(app, ["report", str(articles), "--output-dir", str(out), "--format", "html"])
    assert result.exit_code == 3, "one article could not be read"
    assert "reported on 3 of 4 articles" in result.stdout
    assert "empty.txt" in result.stderr
    assert "file is empty" in result.stderr
    written = sorted(path.relative_to(out).as_posix() for path in out.rglob("*.html"))
    assert written == ["index.html", "nested/hostile.html", "seed.html", "seed.txt.html"], (
        "names never collide"
    )
    index = lxml.html.document_fromstring((out / "index.html").read_text(encoding="utf-8"))
    rows = index.cssselect("table.index tbody tr")
    scores = [float(row[0].text_content()) for row in rows if row.get("class") != "failed"]
    assert scores == sorted(scores)
    assert len(scores) == 3
    assert rows[-1].get("class") == "failed"
    assert "empty.txt" in rows[-1].text_content()
    links = [a.get("href") for a in index.cssselect("table.index a")]
    assert sorted(links) == ["./nested/hostile.html", "./seed.html", "./seed.txt.html"]
    for link in links:
        assert (out / link).is_file()


def test_batch_reruns_never_read_their_own_output(articles: Path) -> None:
    out = articles / "reports"
    for _ in range(2):
        result = runner.invoke(app, ["report", str(articles), "--output-dir", str(out), "-f", "json"])
        assert "reported on 3 of 4 articles" in result.stdout
    entries = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert sorted(entry["article"] for entry in entries[:3]) == ["nested/hostile.md", "seed.md", "seed.txt"]
    assert entries[-1]["article"] == "empty.txt"
    assert entries[-1]["error"].startswith("error[PRV-E100]")
    assert [entry["score"] for entry in entries[:3]] == sorted(entry["score"] for entry in entries[:3])


def test_batch_of_an_empty_folder_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    result = runner.invoke(app, ["report", str(tmp_path / "in"), "--output-dir", str(tmp_path / "out")])
    assert result.exit_code == 3
    assert "no article files found" in result.stderr
    assert not (tmp_path / "out").exists()


def test_corpus_fills_the_corroboration_column(tmp_path: Path) -> None:
    out = tmp_path / "seed.html"
    fixtures = ROOT / "fixtures"
    result = runner.invoke(
        app, ["report", str(SEED), "--corpus", str(fixtures), "-f", "html", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    document = lxml.html.document_fromstring(out.read_text(encoding="utf-8"))
    cells = [" ".join(row[7].text_content().split()) for row in document.cssselect("table.claims tbody tr")]
    assert "no corpus" not in " ".join(cells)
    assert any("independent" in cell for cell in cells)
    assert document.cssselect("details.matches li.contradicts")
    assert "Skipped" not in document.cssselect("#score")[0].text_content()


def test_batch_with_a_corpus_and_a_missing_corpus(tmp_path: Path, articles: Path) -> None:
    out = tmp_path / "out"
    fixtures = str(ROOT / "fixtures")
    result = runner.invoke(
        app, ["report", str(articles), "--output-dir", str(out), "-c", fixtures, "-f", "md"]
    )
    assert "reported on 3 of 4 articles" in result.stdout
    report = (out / "seed.md").read_text(encoding="utf-8")
    assert "- **Corpus:**" in report
    assert "no corpus" not in report
    missing = runner.invoke(app, ["report", str(SEED), "--corpus", str(tmp_path / "nowhere")])
    assert missing.exit_code == 3
    assert "no such corpus" in missing.stderr
