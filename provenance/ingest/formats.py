"""Readers for the text formats articles arrive in: the seed format, Markdown, plain text.

Every reader keeps ``Article.text`` as the decoded input verbatim and records
paragraphs and sections as spans into it, so offsets never shift because of a
header, a section label or front matter.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import yaml

from provenance.errors import InputError
from provenance.ingest.front_matter import FrontMatter, parse_date, parse_front_matter
from provenance.models import Article, Section, Span

SEED_HEADER = re.compile(r"\A\s*date (\d{4}-\d{2}-\d{2})[ \t]+(.+)")
SEED_LABEL = re.compile(r"^(Source|Details|Quote|Background|Update|Context):[ \t]*", re.MULTILINE)
FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\r?\n(.*?)\r?\n\1[ \t]*(?:\r?\n|\Z)", re.DOTALL)
MARKDOWN_HINT = re.compile(r"^(#{1,6} |[*-] |> |```)", re.MULTILINE)
HTML_HINT = re.compile(r"\A\s*(<!doctype html|<html|<head|<body|<article)", re.IGNORECASE)
MARKDOWN_SKIP = re.compile(r"^\s*(#{1,6}\s|<!--|```|---\s*$|\*\*\*\s*$)")
BLOCK_BREAK = re.compile(r"\n[ \t]*\n")
MARKDOWN_HEADING = re.compile(r"#{1,6}\s")


def detect_format(text: str) -> str:
    """Name the reader for this content: ``seed``, ``markdown``, ``html`` or ``plain``."""
    if SEED_HEADER.match(text):
        return "seed"
    if FRONT_MATTER.match(text):
        return "markdown"
    if HTML_HINT.match(text):
        return "html"
    if MARKDOWN_HINT.search(text):
        return "markdown"
    return "plain"


MAX_ARTICLE_CHARS = 2 * 1024 * 1024
"""Longest article text analysed: analysis holds about 100 bytes per character at its peak
(some 250 MB at this limit), and the longest real news stories are a tenth of it."""


def require_article_size(text: str, where: str) -> None:
    """Refuse article text past ``MAX_ARTICLE_CHARS`` with one line, before any analysis."""
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputError(
            where, f"article text is too long ({len(text):,} characters; the limit is {MAX_ARTICLE_CHARS:,})"
        )


def parse_article(text: str, path: str | None = None) -> Article:
    """Parse decoded article text with the reader its content calls for."""
    kind = detect_format(text)
    if kind == "seed":
        require_article_size(text, path or "<article>")
        return _parse_seed(text, path)
    if kind == "html":
        from provenance.ingest.html import parse_html

        return parse_html(text, path=path)
    require_article_size(text, path or "<article>")
    if kind == "markdown":
        return _parse_markdown(text, path)
    return _parse_plain(text, path)


def _blocks(text: str, start: int, end: int) -> Iterator[Span]:
    """Yield the non-blank blocks of ``text[start:end]`` separated by blank lines, trimmed."""
    position = start
    for match in BLOCK_BREAK.finditer(text, start, end):
        yield from _trimmed(text, position, match.start())
        position = match.end()
    yield from _trimmed(text, position, end)


def _trimmed(text: str, start: int, end: int) -> Iterator[Span]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield Span.of(text, start, end)


def labelled_sections(text: str, start: int, end: int) -> list[Section]:
    """Split ``text[start:end]`` into blank-line blocks named by the label that opens their run.

    News pages and the seed format mark parts of a story with labels at the
    start of a line (``Details:``, ``Background:``); a label names every block
    up to the next label, blocks before any label are ``body``, and the label
    itself is left out of the spans. ``Source:`` is different: it is metadata
    (left out of the analysis), so it counts only where the seed format puts it
    (the first block, or the one after a one-line headline) and covers its own
    block alone; anywhere else it is article text like any other, so no line in
    an article can hide the text after it from analysis. A section is built
    from a checked span and a label's name, so it is not validated again.
    """
    return [
        Section.trusted({"name": name, "span": block})
        for name, region_start, region_end in _label_regions(text, start, end)
        for block in _blocks(text, region_start, region_end)
    ]


def _label_regions(text: str, start: int, end: int) -> Iterator[tuple[str, int, int]]:
    labels = list(SEED_LABEL.finditer(text, start, end))
    source = next((label for label in labels if label.group(1) == "Source"), None)
    if source is not None and not _source_line_position(text, start, source.start()):
        source = None
    labels = [label for label in labels if label.group(1) != "Source" or label is source]
    first = labels[0].start() if labels else end
    if first > start:
        yield "body", start, first
    for index, label in enumerate(labels):
        region_end = labels[index + 1].start() if index + 1 < len(labels) else end
        name = label.group(1).lower()
        block_end = BLOCK_BREAK.search(text, label.end(), region_end) if name == "source" else None
        if block_end is None:
            yield name, label.end(), region_end
        else:
            yield name, label.end(), block_end.start()
            yield "body", block_end.end(), region_end


def _source_line_position(text: str, start: int, position: int) -> bool:
    """Tell whether a ``Source:`` label at ``position`` opens the first block, or the one after a headline."""
    before = list(_blocks(text, start, position))
    if not before:
        return True
    if len(before) > 1 or text.count("\n", before[0].end, position) < 2:
        return False
    headline = before[0].text
    if "\n" not in headline and MARKDOWN_HEADING.match(headline):
        return True
    return _headline_like(headline) and not SEED_LABEL.match(headline)


def _headline_like(block: str) -> bool:
    """Tell a headline from a paragraph: one short line without a closing full stop."""
    line = block.strip()
    return "\n" not in line and len(line) < 160 and not line.endswith((".", "!", "?", '"', "”"))


def outlet_from_source_line(sections: list[Section]) -> str | None:
    """Name the publisher given first on a ``Source:`` line ("European Pravda, citing Reuters…")."""
    source_line = next((s.span.text for s in sections if s.name == "source"), None)
    if not source_line:
        return None
    return re.split(r",|\s+citing\s+|\s+via\s+", source_line, maxsplit=1)[0].strip() or None


def _parse_seed(text: str, path: str | None) -> Article:
    """Parse the seed format: ``date YYYY-MM-DD Headline`` then ``Label:`` sections."""
    header = SEED_HEADER.match(text)
    assert header is not None
    date = parse_date(header.group(1), path or "<article>")
    headline = Span.of(text, header.start(2), header.end(2))
    body = labelled_sections(text, header.end(), len(text))
    sections = [Section(name="headline", span=headline), *body]
    paragraphs = [headline, *(section.span for section in body if section.name != "source")]
    return Article(
        text=text,
        title=headline.text.strip(),
        outlet=outlet_from_source_line(sections),
        date=date,
        path=path,
        paragraphs=paragraphs,
        sections=sections,
    )


def _parse_markdown(text: str, path: str | None) -> Article:
    """Markdown with optional YAML (``---``) or TOML (``+++``) front matter.

    A level-1 heading before any text is the headline section, as the first
    line of the seed format is: it is part of what the article asserts.
    """
    meta = FrontMatter()
    body_start = 0
    front = FRONT_MATTER.match(text)
    if front:
        meta = parse_front_matter(front.group(1), front.group(2), path or "<article>")
        body_start = front.end()
    title = meta.first("title")
    sections: list[Section] = []
    paragraphs: list[Span] = []
    for name, region_start, region_end in _label_regions(text, body_start, len(text)):
        for block in _blocks(text, region_start, region_end):
            for line in _lines(text, block):
                heading = re.match(r"(#{1,6})\s+(.*)", line.text)
                if heading and title is None:
                    title = heading.group(2).strip()
                if heading and heading.group(1) == "#" and not sections:
                    start = line.start + heading.start(2)
                    sections.append(Section(name="headline", span=Span.of(text, start, line.end)))
            content = [line for line in _lines(text, block) if not MARKDOWN_SKIP.match(line.text)]
            if content:
                span = Span.of(text, content[0].start, content[-1].end)
                sections.append(Section(name=name, span=span))
                if name != "source":
                    paragraphs.append(span)
    return Article(
        text=text,
        title=title,
        outlet=meta.first("outlet", "publisher", "source") or outlet_from_source_line(sections),
        date=meta.date,
        url=meta.first("url"),
        author=meta.first("author"),
        language=meta.first("language") or "en",
        path=path,
        paragraphs=paragraphs,
        sections=sections,
    )


def _parse_plain(text: str, path: str | None) -> Article:
    """Plain text: blank-line paragraphs; a short first line without a full stop is the title."""
    sections = labelled_sections(text, 0, len(text))
    paragraphs = [section.span for section in sections if section.name != "source"]
    title = None
    if paragraphs and _headline_like(paragraphs[0].text):
        title = paragraphs[0].text.strip()
    return Article(
        text=text,
        title=title,
        outlet=outlet_from_source_line(sections),
        path=path,
        paragraphs=paragraphs,
        sections=sections,
    )


def _lines(text: str, block: Span) -> list[Span]:
    spans: list[Span] = []
    position = block.start
    for line in block.text.split("\n"):
        spans.extend(_trimmed(text, position, position + len(line)))
        position += len(line) + 1
    return spans


def article_to_markdown(article: Article) -> str:
    """Write ``article`` as Markdown with YAML front matter, the form ``parse_article`` reads back.

    The body is rebuilt from the sections, labels included, so the saved file
    has the same paragraphs, sections and therefore the same claims.
    """
    fields = {
        "title": article.title,
        "outlet": article.outlet,
        "date": article.date.isoformat() if article.date else None,
        "url": article.url,
        "author": article.author,
        "language": article.language if article.language != "en" else None,
    }
    front = yaml.safe_dump(
        {key: value for key, value in fields.items() if value},
        allow_unicode=True,
        sort_keys=False,
        width=1 << 20,
    )
    blocks: list[str] = []
    previous = None
    for section in article.sections:
        if section.name == "headline":
            blocks.append(f"# {section.span.text}")
            continue
        label = section.name != "body" and section.name != previous
        blocks.append(f"{section.name.capitalize()}: {section.span.text}" if label else section.span.text)
        previous = section.name
    return f"---\n{front}---\n\n" + "\n\n".join(blocks) + "\n"
