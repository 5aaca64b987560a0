"""Articles saved as UTF-16 or UTF-32 (Windows editors do) are text, read by their byte-order mark."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from provenance.cli import app
from provenance.errors import InputError
from provenance.ingest import decode, read_article

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_8dac13ad40c6afd4.txt"
TEXT = SEED.read_text(encoding="utf-8")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"])
def test_a_file_with_a_byte_order_mark_reads_like_utf8(codec: str, tmp_path: Path) -> None:
    data = TEXT.encode(codec)
    if codec in {"utf-16-le", "utf-16-be"}:
        data = ("\ufeff" + TEXT).encode(codec)
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    article = read_article(path)
    assert article.text == TEXT
    assert article.outlet == "European Pravda"


@pytest.mark.parametrize("order", ["le", "be"])
def test_utf16_without_a_mark_is_named_with_the_option_to_pass(order: str) -> None:
    with pytest.raises(InputError, match=f"looks like UTF-16 .* --encoding utf-16-{order}"):
        decode(TEXT.encode(f"utf-16-{order}"), "article.txt")


def test_an_explicit_utf16_encoding_reads_a_file_without_a_mark(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(TEXT.encode("utf-16-le"))
    result = CliRunner().invoke(app, ["analyze", str(path), "--encoding", "utf-16-le", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    assert '"European Pravda"' in result.stdout


def test_binary_data_is_still_binary() -> None:
    with pytest.raises(InputError, match="binary"):
        decode(bytes(range(256)) * 4, "blob.txt")


def test_a_url_list_that_is_an_article_is_one_error_naming_the_line(tmp_path: Path) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text("http://127.0.0.1/a\n# a comment\n\n" + TEXT, encoding="utf-8")
    result = CliRunner().invoke(app, ["fetch", "--from", str(listing), "--output-dir", str(tmp_path / "out")])
    assert result.exit_code == 3
    assert result.stderr.count("\n") == 1, result.stderr
    assert f"{listing}:4: not a URL" in result.stderr
