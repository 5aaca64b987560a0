"""HTML articles: main text through trafilatura, metadata from the page's own declarations.

trafilatura finds the article body among menus, teasers and footers better than
any other open-source extractor in published comparisons. The header fields
come first from what the publisher declares for machines (JSON-LD
``NewsArticle``, then OpenGraph, then ``<meta>`` and ``<link rel=canonical>``),
and only then from trafilatura's heuristics. The publisher becomes
``Article.outlet``, the first hop of every chain.

The text is the headline (a claim, as in the seed format) and the body rebuilt
as blank-line paragraphs, so the article saved by ``provenance fetch`` reads
back with the same sections and claims.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html import escape
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.etree
import lxml.html

from provenance.errors import InputError
from provenance.ingest.formats import labelled_sections, outlet_from_source_line, require_article_size
from provenance.models import Article, Section, Span

__all__ = ["PageMetadata", "page_metadata", "parse_html"]

ARTICLE_TYPES = re.compile(r"(Article|BlogPosting|Report)$")
ISO_DATE = re.compile(r"\s*(\d{4}-\d{2}-\d{2})")
META_KEYS = {
    "headline": ("og:title", "twitter:title", "dc.title", "title"),
    "publisher": ("og:site_name", "publisher", "dc.publisher", "application-name"),
    "author": ("author", "article:author", "dc.creator", "parsely-author", "byl"),
    "date": (
        "article:published_time",
        "datepublished",
        "dc.date.issued",
        "dc.date",
        "dcterms.created",
        "parsely-pub-date",
        "pubdate",
        "publishdate",
        "date",
    ),
    "canonical": ("og:url",),
}


@dataclass(frozen=True)
class PageMetadata:
    """What a page says about itself; every field may be missing."""

    headline: str | None = None
    publisher: str | None = None
    author: str | None = None
    date: dt.date | None = None
    canonical_url: str | None = None
    og_title: str | None = None


def parse_html(html: str, path: str | None = None, url: str | None = None) -> Article:
    """Extract an HTML page's article text and metadata; broken HTML gives an error, never a crash."""
    where = path or url or "<html>"
    if not html.strip():
        raise InputError(where, "the HTML page is empty")
    tree = _tree(html)
    meta = page_metadata(tree, url) if tree is not None else PageMetadata()
    fallback = _trafilatura_metadata(html)
    title = meta.headline or _clean(fallback.get("title"))
    paragraphs = _paragraphs(html)
    if not paragraphs:
        raise InputError(where, "no article text found in the HTML")
    known_titles = {_folded(name) for name in (title, meta.og_title, _clean(fallback.get("title"))) if name}
    if _folded(paragraphs[0]) in known_titles:
        headline: str | None = paragraphs.pop(0)
    else:
        headline = title
    if not paragraphs:
        raise InputError(where, "no article text found in the HTML (only a headline)")
    body_start = len(headline) + 2 if headline else 0
    text = (f"{headline}\n\n" if headline else "") + "\n\n".join(paragraphs) + "\n"
    require_article_size(text, where)
    body = labelled_sections(text, body_start, len(text))
    top = [Section(name="headline", span=Span.of(text, 0, len(headline)))] if headline else []
    sections = top + body
    return Article(
        text=text,
        title=title,
        outlet=meta.publisher or _clean(fallback.get("sitename")) or outlet_from_source_line(sections),
        date=meta.date or _date(fallback.get("date")),
        url=meta.canonical_url or url or _http_url(fallback.get("url"), None),
        author=meta.author or _clean(fallback.get("author")),
        language=_language(tree) if tree is not None else "en",
        path=path,
        paragraphs=[section.span for section in sections if section.name != "source"],
        sections=sections,
    )


def page_metadata(tree: lxml.html.HtmlElement, base_url: str | None = None) -> PageMetadata:
    """Read headline, publisher, author, date and canonical URL: JSON-LD, then OpenGraph/<meta>."""
    item = next(_json_ld_articles(tree), {})
    tags = _meta_tags(tree)

    def tag(field: str) -> str | None:
        return next((tags[key] for key in META_KEYS[field] if tags.get(key)), None)

    authors = [name for name in (_clean(tags.get(key)) for key in META_KEYS["author"]) if name]
    meta_author = next((name for name in authors if not name.startswith(("http://", "https://"))), None)
    canonical_link = next(
        (
            str(link.get("href"))
            for link in tree.iter("link")
            if "canonical" in str(link.get("rel", "")).lower().split() and link.get("href")
        ),
        None,
    )
    return PageMetadata(
        headline=_clean(_text(item.get("headline")) or _text(item.get("name")) or tag("headline")),
        publisher=_clean(_names(item.get("publisher")) or tag("publisher")),
        author=_clean(_names(item.get("author")) or _byline(meta_author)),
        date=_date(_text(item.get("datePublished"))) or _date(tag("date")),
        canonical_url=_http_url(_entity_url(item.get("mainEntityOfPage")), base_url)
        or _http_url(_text(item.get("url")), base_url)
        or _http_url(canonical_link, base_url)
        or _http_url(tag("canonical"), base_url),
        og_title=_clean(tags.get("og:title")),
    )


def _tree(html: str) -> lxml.html.HtmlElement | None:
    try:
        tree = lxml.html.document_fromstring(html.encode("utf-8", errors="replace"))
    except (lxml.etree.LxmlError, ValueError):
        return None
    return tree if isinstance(tree, lxml.html.HtmlElement) else None


CHECK_MARKER = re.compile(r"<!--\s*provenance\s*:.*?-->", re.DOTALL | re.IGNORECASE)
"""A ``provenance check`` suppression marker, which the article text must keep as a line of its own."""


def _markers_kept(html: str) -> str:
    """Turn suppression markers into paragraphs of their own, so the extracted text keeps them."""
    return CHECK_MARKER.sub(lambda marker: f"<p>{escape(marker.group(0))}</p>", html)


def _paragraphs(html: str) -> list[str]:
    """Split trafilatura's main text into paragraphs, whitespace folded; suppression markers kept."""
    import trafilatura

    try:
        text = trafilatura.extract(
            _markers_kept(html),
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            deduplicate=False,
        )
    except (lxml.etree.LxmlError, ValueError, TypeError):
        return []
    lines = [" ".join(line.split()) for line in (text or "").splitlines()]
    return [line for line in lines if line]


def _trafilatura_metadata(html: str) -> dict[str, Any]:
    import trafilatura  # loaded with the first HTML page: a fifth of the command line's start-up

    try:
        document = trafilatura.extract_metadata(html)
    except (lxml.etree.LxmlError, ValueError, TypeError):
        return {}
    return dict(document.as_dict()) if document is not None else {}


def _json_ld_articles(tree: lxml.html.HtmlElement) -> Iterator[dict[str, Any]]:
    """Every schema.org article object in the page's JSON-LD blocks (``@graph`` and lists included)."""
    for script in tree.iter("script"):
        if str(script.get("type", "")).strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "", strict=False)
        except (ValueError, RecursionError):  # malformed, or nested too deeply for the parser
            continue
        yield from (node for node in _nodes(data) if _is_article(node))


def _nodes(data: object) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _nodes(item)
    elif isinstance(data, dict):
        yield data
        yield from _nodes(data.get("@graph"))


def _is_article(node: dict[str, Any]) -> bool:
    kinds = node.get("@type")
    names = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(name, str) and ARTICLE_TYPES.search(name) for name in names)


def _meta_tags(tree: lxml.html.HtmlElement) -> dict[str, str]:
    tags: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = str(meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        content = meta.get("content")
        if key and content and key not in tags:
            tags[key] = str(content)
    return tags


def _text(value: object) -> str | None:
    if isinstance(value, list):
        value = next((item for item in value if isinstance(item, str)), None)
    return value if isinstance(value, str) else None


def _names(value: object) -> str | None:
    """Join the names of a schema.org Person/Organization, a list of them, or a bare string."""
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        cleaned = _clean(_text(name))
        if cleaned and cleaned not in names:
            names.append(cleaned)
    return ", ".join(names) or None


def _entity_url(value: object) -> str | None:
    if isinstance(value, dict):
        return _text(value.get("@id")) or _text(value.get("url"))
    return _text(value)


def _byline(value: str | None) -> str | None:
    return re.sub(r"^(by|von|par)\s+", "", value, flags=re.IGNORECASE) if value else None


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def _folded(value: str) -> str:
    return " ".join(value.split()).casefold()


def _date(value: object) -> dt.date | None:
    match = ISO_DATE.match(value) if isinstance(value, str) else None
    if match is None:
        return None
    try:
        return dt.date.fromisoformat(match.group(1))
    except ValueError:
        return None


def _http_url(value: str | None, base_url: str | None) -> str | None:
    if not value or not value.strip():
        return None
    try:
        absolute = urljoin(base_url, value.strip()) if base_url else value.strip()
        parts = urlsplit(absolute)
    except ValueError:
        return None
    return absolute if parts.scheme in {"http", "https"} and parts.netloc else None


def _language(tree: lxml.html.HtmlElement) -> str:
    declared = str(tree.get("lang") or "").strip().lower()
    return declared.split("-")[0] if re.fullmatch(r"[a-z]{2,3}(-[a-z0-9]+)*", declared) else "en"
