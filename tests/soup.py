"""Arbitrary text for property tests, as the pipeline reads it."""

from __future__ import annotations

from hypothesis import reject

from provenance.errors import InputError
from provenance.ingest import parse_article
from provenance.models import Article


def article_or_reject(text: str) -> Article:
    """Parse ``text``; discard the example when the reader refuses it (``<HTML`` with no main text).

    A refusal is a one-line error with its own exit status, tested with the
    other bad input; these properties are about the text that is read.
    """
    try:
        return parse_article(text)
    except InputError:
        reject()
