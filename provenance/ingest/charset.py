"""Decoding web pages and HTML files: which charset the bytes are really in.

Servers mislabel pages and old pages declare legacy charsets in ``<meta>``, so
a declaration is only believed when the bytes decode under it.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

__all__ = ["BYTE_ORDER_MARKS", "byte_order_mark", "decode_page"]

META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
"""Byte-order marks and the codec each announces; UTF-32 LE first, since its mark starts like UTF-16 LE's."""


def byte_order_mark(data: bytes) -> tuple[bytes, str] | None:
    """Return the byte-order mark ``data`` opens with and its codec, if any."""
    return next(((mark, codec) for mark, codec in BYTE_ORDER_MARKS if data.startswith(mark)), None)


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _single_byte(codec: str) -> bool:
    return codec in {"ascii", "latin-1", "iso8859-1"} or codec.startswith(("cp125", "iso8859", "windows"))


def decode_page(body: bytes, header_charset: str | None, html: bool) -> tuple[str, str]:
    """Decode a page to text and name the charset used.

    Order: a byte-order mark; the HTTP header's charset, then ``<meta charset>``,
    each used only if the bytes decode under it (and a single-byte label loses
    to bytes that are valid, non-ASCII UTF-8: a mislabelled server is far more
    common than Latin-1 text that happens to be valid UTF-8); then UTF-8; then
    detection from the bytes, where Windows-1252 wins ties (it is what browsers
    assume for unlabelled Western pages).
    """
    marked = byte_order_mark(body)
    if marked is not None:
        mark, codec = marked
        return body[len(mark) :].decode(codec, errors="replace"), codec
    meta = META_CHARSET.search(body[:4096]) if html else None
    declared = [_codec(header_charset), _codec(meta.group(1).decode("ascii", "replace") if meta else None)]
    utf8 = _strict(body, "utf-8")
    for codec in (name for name in declared if name):
        if _single_byte(codec) and utf8 is not None and not body.isascii():
            return utf8, "utf-8"
        text = _strict(body, codec)
        if text is not None:
            return text, codec
    if utf8 is not None:
        return utf8, "utf-8"
    matches = list(charset_normalizer.from_bytes(body))
    if matches:
        best = matches[0]
        western = (
            m
            for m in matches
            if m.encoding == "cp1252" and (m.chaos, -m.coherence) <= (best.chaos, -best.coherence)
        )
        guess = next(western, best)
        return str(guess), _codec(guess.encoding) or guess.encoding
    return body.decode("cp1252", errors="replace"), "cp1252"


def _strict(body: bytes, codec: str) -> str | None:
    try:
        return body.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None
