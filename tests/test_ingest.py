"""Ingest: readers chosen by content, metadata parsed, bad input refused with one clear line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from provenance.errors import InputError
from provenance.ingest import MAX_ARTICLE_BYTES, detect_format, parse_article, read_article


def test_seed_header_and_sections(seed_path: Path) -> None:
    article = read_article(seed_path)
    assert article.outlet == "European Pravda"
    assert article.date == dt.date(2024, 12, 12)
    assert article.title is not None
    assert article.title.startswith("Europe is divided on deploying troops")
    names = [section.name for section in article.sections]
    assert names[:3] == ["headline", "source", "details"]
    assert names[-1] == "background"
    for section in article.sections:
        assert article.text[section.span.start : section.span.end] == section.span.text
    assert not any(span.text.startswith(("Details:", "Source:")) for span in article.paragraphs)


def test_reader_is_chosen_by_content_not_extension(tmp_path: Path) -> None:
    markdown = tmp_path / "story.txt"
    markdown.write_text("---\ntitle: Port reopens\noutlet: Harbour Gazette\ndate: 2025-03-01\n---\n\nBody.\n")
    article = read_article(markdown)
    assert (article.title, article.outlet, article.date) == (
        "Port reopens",
        "Harbour Gazette",
        dt.date(2025, 3, 1),
    )


def test_toml_front_matter_and_heading_title() -> None:
    article = parse_article(
        '+++\noutlet = "Valley Post"\nurl = "https://example.org/a"\n+++\n# Mill closes\n\nText.\n'
    )
    assert (article.title, article.outlet, article.url) == (
        "Mill closes",
        "Valley Post",
        "https://example.org/a",
    )
    assert [p.text for p in article.paragraphs] == ["Text."]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (" date 2024-01-02 Headline\n\nBody.", "seed"),
        ("---\ntitle: x\n---\nBody", "markdown"),
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        ("Just a sentence. And another.", "plain"),
    ],
)
def test_detect_format(text: str, kind: str) -> None:
    assert detect_format(text) == kind


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "file is empty"),
        (b"  \n\t\n", "file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "file is binary"),
        ("Caf\u00e9 au lait.".encode("latin-1"), "not valid utf-8"),
        (b"---\ntitle: [unclosed\n---\nBody", "malformed front matter"),
        (b"---\ndate: yesterday\n---\nBody", "invalid date"),
    ],
)
def test_bad_files_raise_one_line_input_errors(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        read_article(path)
    message = caught.value.one_line()
    assert problem in message
    assert str(path) in message
    assert "\n" not in message


def test_missing_file_directory_and_oversized_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_article(tmp_path / "absent.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_article(tmp_path)
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as stream:
        stream.truncate(MAX_ARTICLE_BYTES + 1)
    with pytest.raises(InputError, match="too large"):
        read_article(huge)


def test_explicit_encoding_decodes_legacy_files(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes("Caf\u00e9 owners said prices rose.".encode("latin-1"))
    assert "Caf\u00e9" in read_article(path, encoding="latin-1").text
    with pytest.raises(InputError, match="unknown text encoding"):
        read_article(path, encoding="no-such-codec")
