"""HTML articles: main text and metadata through trafilatura, the most accurate open extractor."""

from __future__ import annotations

import trafilatura

from provenance.errors import InputError
from provenance.ingest.formats import parse_article
from provenance.models import Article


def parse_html(html: str, path: str | None = None, url: str | None = None) -> Article:
    """Extract an HTML page's main text as an article; its metadata fills the header."""
    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if not text or not text.strip():
        raise InputError(path or url or "<html>", "no article text found in the HTML")
    metadata = trafilatura.extract_metadata(html)
    article = parse_article(text, path=path)
    if metadata is None:
        return article
    return article.model_copy(
        update={
            "title": metadata.title or article.title,
            "outlet": metadata.sitename or article.outlet,
            "author": metadata.author or article.author,
            "url": url or metadata.url or article.url,
        }
    )
