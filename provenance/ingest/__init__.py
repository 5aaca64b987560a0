"""Ingest: turn a file's bytes into an ``Article``.

``decode`` and ``parse_article`` are pure; ``read_article`` is the file-system
edge. The reader is chosen from the content, not the extension, because
articles arrive with arbitrary names (``.txt`` holding Markdown, no extension).
"""

from __future__ import annotations

import re
from pathlib import Path

from provenance.errors import InputError
from provenance.files import read_regular_file
from provenance.ingest.charset import decode_page
from provenance.ingest.formats import detect_format, parse_article
from provenance.models import Article

__all__ = ["MAX_ARTICLE_BYTES", "decode", "detect_format", "parse_article", "read_article"]

HTML_BYTES = re.compile(rb"\A\s*(<!doctype html|<html|<head|<body|<article)", re.IGNORECASE)
MAX_ARTICLE_BYTES = 10 * 1024 * 1024
"""Largest article accepted: far above any real article, small enough to refuse dumps."""


def decode(data: bytes, where: str, encoding: str = "utf-8") -> str:
    """Decode article bytes, refusing empty, binary and undecodable input with one clear line."""
    if not data.strip():
        raise InputError(where, "file is empty")
    if b"\x00" in data[:8192]:
        raise InputError(where, "file is binary (contains NUL bytes), not an article")
    codec = "utf-8-sig" if encoding.lower().replace("_", "-") in {"utf-8", "utf8"} else encoding
    try:
        text = data.decode(codec)
    except LookupError:
        raise InputError(where, f"unknown text encoding {encoding!r}") from None
    except UnicodeDecodeError as exc:
        raise InputError(
            where,
            f"not valid {encoding} (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "re-save the file as UTF-8 or pass --encoding",
        ) from None
    if not text.strip():
        raise InputError(where, "file is empty")
    return text


def read_article(path: str | Path, encoding: str = "utf-8") -> Article:
    """Read and parse one article file, with every failure raised as an ``InputError``.

    Only regular files are read: a named pipe or a device is refused, never waited on.
    """
    where = str(path)
    data = read_regular_file(path, MAX_ARTICLE_BYTES)
    try:
        text = decode(data, where, encoding)
    except InputError:
        if not _legacy_html(data):
            raise
        text, _ = decode_page(data, None, html=True)
    return parse_article(text, path=where)


def _legacy_html(data: bytes) -> bool:
    """Tell an HTML file that is simply not UTF-8 (its ``<meta charset>`` says what it is)."""
    return b"\x00" not in data[:8192] and HTML_BYTES.match(data) is not None
