"""HTML articles: main text and metadata, the same analysis as the source text, no crash on junk."""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.errors import InputError
from provenance.extract import analyze
from provenance.ingest import parse_article, read_article
from provenance.ingest.formats import article_to_markdown
from provenance.ingest.html import parse_html
from provenance.models import AnalysisResult

HTML = Path(__file__).parent / "data" / "html"
SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_8dac13ad40c6afd4.txt"

# (HTML page, the article's source text, the page's encoding)
VERSIONS = [
    ("european_pravda_troops.html", SEED, "utf-8"),
    ("harbour_gazette_port.html", HTML / "harbour_gazette_port.md", "utf-8"),
    ("valley_post_mill.html", HTML / "valley_post_mill.md", "cp1252"),
]


def page(name: str, encoding: str = "utf-8") -> str:
    return (HTML / name).read_text(encoding=encoding)


def claims_and_chains(result: AnalysisResult) -> list[tuple[str, str | None, str, bool]]:
    return [
        (claim.text, claim.section, claim.chain.render(), claim.chain.inherited) for claim in result.claims
    ]


@pytest.mark.parametrize(("html_name", "source", "encoding"), VERSIONS)
def test_html_version_gives_the_same_claims_and_chains_as_the_source(
    html_name: str, source: Path, encoding: str
) -> None:
    from_html = analyze(parse_html(page(html_name, encoding), url="https://news.example/story"))
    from_source = analyze(read_article(source))
    assert claims_and_chains(from_html) == claims_and_chains(from_source)
    assert len(from_html.claims) >= 6
    assert from_html.publisher_chain.render() == from_source.publisher_chain.render()


@pytest.mark.parametrize(("html_name", "source", "encoding"), VERSIONS)
def test_saved_markdown_reads_back_to_the_same_analysis(html_name: str, source: Path, encoding: str) -> None:
    article = parse_html(page(html_name, encoding), url="https://news.example/story")
    saved = parse_article(article_to_markdown(article), path="saved.md")
    assert claims_and_chains(analyze(saved)) == claims_and_chains(analyze(article))
    assert (saved.title, saved.outlet, saved.date, saved.url, saved.author) == (
        article.title,
        article.outlet,
        article.date,
        article.url,
        article.author,
    )


def test_boilerplate_is_left_out_and_labels_become_sections() -> None:
    article = parse_html(page("european_pravda_troops.html"))
    for boilerplate in ("cookies", "Related news", "Subscribe", "All rights reserved", "Share:"):
        assert boilerplate not in article.text
    names = [section.name for section in article.sections]
    assert names[:2] == ["headline", "source"]
    assert article.sections[0].span.text == article.title
    assert article.text.count("Europe is divided on deploying troops") == 1  # the <h1> is not repeated
    assert names[2:-1] == ["details"] * 10
    assert names[-1] == "background"
    assert all(article.text[s.span.start : s.span.end] == s.span.text for s in article.sections)


def test_json_ld_news_article_wins_over_opengraph() -> None:
    article = parse_html(page("harbour_gazette_port.html"), url="https://www.harbourgazette.example/x?utm=1")
    assert article.title == "Northport container terminal to reopen after two-week strike"
    assert article.outlet == "Harbour Gazette"  # JSON-LD publisher, not og:site_name
    assert article.author == "Ingrid Solberg, Tomas Berg"
    assert article.date == dt.date(2025, 3, 4)
    assert article.url == "https://www.harbourgazette.example/news/2025/03/04/northport-terminal-reopens"
    assert "Comments" not in article.text
    assert "About time" not in article.text


def test_opengraph_and_meta_when_there_is_no_json_ld() -> None:
    article = parse_html(page("valley_post_mill.html", "cp1252"))
    assert article.title == "Riverside paper mill to close in June, cutting 230 jobs"
    assert article.outlet == "The Valley Post"
    assert article.author == "Marta Keller"  # "By " stripped; the article:author URL is ignored
    assert article.date == dt.date(2025, 1, 17)
    assert article.url == "https://valleypost.example/local/riverside-mill-closure"
    assert "Anaïs Duclos" in article.text


def test_metadata_from_meta_tags_only() -> None:
    html = """<html lang="fr"><head><title>Le port rouvre</title>
    <meta name="author" content="Claire Martin"><meta name="publisher" content="Le Courrier du Port">
    <meta name="dc.date" content="2025-05-02T08:00:00+02:00">
    <link rel="canonical" href="javascript:alert(1)"></head>
    <body><article><h1>Le port rouvre</h1>
    <p>Le terminal à conteneurs rouvrira lundi après un vote des dockers, a indiqué l'autorité portuaire.</p>
    <p>Les syndicats ont approuvé l'accord par 412 voix contre 188, selon un communiqué de la fédération.</p>
    </article></body></html>"""
    article = parse_html(html, url="https://courrier.example/port")
    assert (article.author, article.outlet, article.date, article.language) == (
        "Claire Martin",
        "Le Courrier du Port",
        dt.date(2025, 5, 2),
        "fr",
    )
    assert article.url == "https://courrier.example/port"  # a javascript: canonical is not a URL


def test_page_without_article_text_is_an_input_error() -> None:
    with pytest.raises(InputError, match="no article text found in the HTML"):
        parse_html("<html><head><title>Login</title></head><body><form></form></body></html>", path="p.html")
    with pytest.raises(InputError, match="the HTML page is empty"):
        parse_html("   ", path="p.html")


def test_legacy_charset_html_file_is_read_by_its_meta_charset(tmp_path: Path) -> None:
    article = read_article(HTML / "valley_post_mill.html")
    assert "“We have run out of options,” chief executive Anaïs Duclos" in article.text
    text_file = tmp_path / "notes.txt"
    text_file.write_bytes("Le café est fermé.".encode("cp1252"))
    with pytest.raises(InputError, match="not valid utf-8"):
        read_article(text_file)


def test_html_file_is_read_through_the_ingest_readers(tmp_path: Path) -> None:
    file = tmp_path / "saved-page"
    file.write_text(page("harbour_gazette_port.html"), encoding="utf-8")
    article = read_article(file)
    assert article.outlet == "Harbour Gazette"
    assert article.path == str(file)


BROKEN = [
    "<html><body><p>Unclosed <b>bold <i>and italic",
    "<<<>>></p></div></body><html>",
    '<script type="application/ld+json">[[[{"@type": "NewsArticle", "author": 5}]]]</script><p>x</p>',
    '<script type="application/ld+json">{"@type": "NewsArticle", "headline": ["A", 2], '
    '"publisher": [null, {"name": 3}], "datePublished": "2025-13-45", "mainEntityOfPage": 7}</script>',
    "<html><head><meta charset='utf-8'><meta property='og:title'></head><body>\x00\x01\x02</body></html>",
    "<?xml version='1.0' encoding='utf-8'?><html><body><p>" + "word " * 200 + "</p></body></html>",
]


@pytest.mark.parametrize("html", BROKEN)
def test_broken_html_gives_an_article_or_one_input_error(html: str) -> None:
    try:
        article = parse_html(html, path="broken.html")
    except InputError as error:
        outcome = error.one_line()
    else:
        outcome = article.text
    assert outcome.startswith("error[PRV-E100]: broken.html: ") or outcome.strip()


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/=\"' abcpdivhtmlscript{}[]:,@é\n")), max_size=300))
def test_no_html_crashes_the_reader(html: str) -> None:
    with contextlib.suppress(InputError):
        parse_html(html, path="fuzz.html")


def test_markdown_level_one_heading_is_the_headline_section() -> None:
    article = parse_article("---\noutlet: Valley Post\n---\n\n# Mill closes\n\n## Jobs\n\nThe mill closed.\n")
    assert [(s.name, s.span.text) for s in article.sections] == [
        ("headline", "Mill closes"),
        ("body", "The mill closed."),
    ]
    assert article.title == "Mill closes"
