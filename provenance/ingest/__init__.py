"""Ingest: turn a file's bytes into an ``Article``.

``decode`` and ``parse_article`` are pure; ``read_article`` is the file-system
edge. The reader is chosen from the content, not the extension, because
articles arrive with arbitrary names (``.txt`` holding Markdown, no extension).
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from provenance.errors import InputError
from provenance.files import read_regular_file, require_text_name
from provenance.ingest.charset import byte_order_mark, decode_page
from provenance.ingest.formats import MAX_ARTICLE_CHARS, detect_format, parse_article
from provenance.models import Article

__all__ = [
    "MAX_ARTICLE_BYTES",
    "MAX_ARTICLE_CHARS",
    "decode",
    "detect_format",
    "parse_article",
    "read_article",
]

HTML_BYTES = re.compile(rb"\A\s*(<!doctype html|<html|<head|<body|<article)", re.IGNORECASE)
MAX_ARTICLE_BYTES = 10 * 1024 * 1024
"""Largest article file read (HTML pages carry much markup); its text is limited to ``MAX_ARTICLE_CHARS``."""


def decode(data: bytes, where: str, encoding: str = "utf-8") -> str:
    """Decode article bytes, refusing empty, binary and undecodable input with one clear line.

    A byte-order mark names the encoding (UTF-16 and UTF-32 files from Windows
    editors are text, not binary) unless ``encoding`` was chosen explicitly.
    """
    if not data.strip():
        raise InputError(where, "file is empty")
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise InputError(where, f"unknown text encoding {encoding!r}") from None
    marked = byte_order_mark(data)
    if marked is not None and codec == "utf-8":
        mark, codec = marked
        data, encoding = data[len(mark) :], codec.upper()
    elif not codec.startswith(("utf-16", "utf-32")) and b"\x00" in data[:8192]:
        raise InputError(where, _nul_problem(data))
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(
            where,
            f"not valid {encoding} (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "re-save the file as UTF-8 or pass --encoding",
        ) from None
    except LookupError:  # a codec that is no text encoding (rot13, base64, zlib)
        raise InputError(where, f"{encoding!r} is not a text encoding") from None
    if not text.strip():
        raise InputError(where, "file is empty")
    return text


def _nul_problem(data: bytes) -> str:
    """Say why NUL bytes are there: UTF-16 text without a byte-order mark, or binary data."""
    sample = data[:8192]
    even, odd = sample[0::2], sample[1::2]
    for zeros, order in ((odd, "le"), (even, "be")):
        if zeros.count(0) > 0.9 * len(zeros) and (even if order == "le" else odd).count(0) == 0:
            return f"file looks like UTF-16 text without a byte-order mark; pass --encoding utf-16-{order}"
    return "file is binary (contains NUL bytes), not an article"


def read_article(path: str | Path, encoding: str = "utf-8") -> Article:
    """Read and parse one article file, with every failure raised as an ``InputError``.

    Only regular files are read: a named pipe or a device is refused, never waited on.
    """
    require_text_name(path)
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
