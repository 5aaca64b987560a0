"""Fetching through httpx.MockTransport: redirects, retries, limits, types, charsets, the cache."""

from __future__ import annotations

import asyncio
import dataclasses
import gzip
import os
import zlib
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import brotli
import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.api import batch_file_name, fetch_batch, load_article
from provenance.errors import (
    ExitStatus,
    FetchConnectionError,
    FetchContentTypeError,
    FetchError,
    FetchRedirectError,
    FetchStatusError,
    FetchTooLargeError,
    ProvenanceError,
    UnsafeURLError,
)
from provenance.ingest.charset import decode_page
from provenance.ingest.fetch import (
    USER_AGENT,
    FetchedPage,
    FetchLimits,
    FetchOptions,
    PageCache,
    article_from_page,
    fetch_article,
    fetch_page,
    fetch_page_async,
)

HTML_DIR = Path(__file__).parent / "data" / "html"
ARTICLE = (HTML_DIR / "european_pravda_troops.html").read_bytes()
PUBLIC = {"news.example": "93.184.216.34", "cdn.example": "93.184.216.35", "other.example": "93.184.216.36"}
INTERNAL = {"intranet.example": "10.0.0.7"}
HTML_TYPE = {"content-type": "text/html; charset=utf-8"}

Handler = Callable[[httpx.Request], httpx.Response]


def resolve(host: str, port: int) -> list[str]:
    return [{**PUBLIC, **INTERNAL}[host]]


def options(tmp_path: Path | None = None, **limits: float) -> FetchOptions:
    return FetchOptions(
        resolver=resolve,
        cache_dir=tmp_path,
        limits=FetchLimits(**limits),  # type: ignore[arg-type]
    )


def streamed(data: bytes, size: int = 16384) -> Iterator[bytes]:
    """Stream a body as a real server sends it (httpx reads plain bytes eagerly)."""
    for start in range(0, len(data), size):
        yield data[start : start + size]


def page(data: bytes = ARTICLE, status: int = 200, **headers: str) -> httpx.Response:
    return httpx.Response(status, headers={**HTML_TYPE, **headers}, content=streamed(data))


class Recorder:
    """A MockTransport handler that records requests and plays responses by path."""

    def __init__(self, routes: dict[str, Callable[[], httpx.Response]]) -> None:
        self.routes = routes
        self.requests: list[httpx.Request] = []
        self.sleeps: list[float] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.routes[request.url.path]()

    def client(self) -> httpx.Client:
        return httpx.Client(transport=httpx.MockTransport(self))

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)


def test_article_page_is_fetched_with_metadata_and_a_descriptive_user_agent() -> None:
    server = Recorder({"/eng/news/7201234": page})
    article = fetch_article("https://news.example/eng/news/7201234", server.client(), options())
    assert article.outlet == "European Pravda"
    assert article.url == "https://www.eurointegration.example/eng/news/2024/12/12/7201234/"
    assert article.path == "https://news.example/eng/news/7201234"
    assert article.text.startswith("Europe is divided on deploying troops to Ukraine")
    assert "\n\nSource: European Pravda, citing Reuters" in article.text
    sent = server.requests[0].headers
    assert sent["user-agent"] == USER_AGENT
    assert USER_AGENT.startswith("provenance/")
    assert "gzip" in sent["accept-encoding"]
    assert "br" in sent["accept-encoding"]


def test_redirects_are_followed_and_each_target_checked() -> None:
    server = Recorder(
        {
            "/short": lambda: httpx.Response(301, headers={"location": "https://cdn.example/moved"}),
            "/moved": lambda: httpx.Response(302, headers={"location": "/final?ref=1"}),
            "/final": page,
        }
    )
    fetched = fetch_page("https://news.example/short", server.client(), options())
    assert fetched.final_url == "https://cdn.example/final?ref=1"
    assert [str(r.url) for r in server.requests] == [
        "https://news.example/short",
        "https://cdn.example/moved",
        "https://cdn.example/final?ref=1",
    ]


@pytest.mark.parametrize(
    ("location", "target", "shown"),
    [
        ("http://10.0.0.7/admin", "http://10.0.0.7/admin", "10.0.0.7, a private address"),
        ("//intranet.example/wiki", "https://intranet.example/wiki", "10.0.0.7, a private address"),
        (
            "http://169.254.169.254/latest/meta-data/",
            "http://169.254.169.254/latest/meta-data/",
            "169.254.169.254, a cloud metadata address",
        ),
        ("file:///etc/passwd", "file:/etc/passwd", "only http and https URLs are fetched, not file"),
    ],
)
def test_redirect_into_a_private_network_is_refused_before_it_is_followed(
    location: str, target: str, shown: str
) -> None:
    server = Recorder({"/story": lambda: httpx.Response(302, headers={"location": location})})
    with pytest.raises(UnsafeURLError) as caught:
        fetch_page("https://news.example/story", server.client(), options())
    assert caught.value.where == "https://news.example/story"
    assert caught.value.problem.startswith(f"redirected to {target}: refused")
    assert shown in caught.value.problem
    assert len(server.requests) == 1


def test_redirect_loop_is_bounded() -> None:
    server = Recorder({"/loop": lambda: httpx.Response(307, headers={"location": "/loop"})})
    with pytest.raises(FetchRedirectError, match="more than 3 redirects") as caught:
        fetch_page("https://news.example/loop", server.client(), options(max_redirects=3))
    assert caught.value.code == "PRV-E206"
    assert len(server.requests) == 4


def test_404_is_a_status_error() -> None:
    server = Recorder({"/gone": lambda: httpx.Response(404, content=streamed(b"<h1>Not here</h1>"))})
    with pytest.raises(FetchStatusError) as caught:
        fetch_page("https://news.example/gone", server.client(), options())
    assert caught.value.one_line() == (
        "error[PRV-E205]: https://news.example/gone: the server answered HTTP 404 Not Found"
    )
    assert caught.value.exit_status == ExitStatus.INPUT


def test_429_then_success_waits_as_long_as_retry_after_says() -> None:
    answers = iter([httpx.Response(429, headers={"retry-after": "2"}), page()])
    server = Recorder({"/busy": lambda: next(answers)})
    fetched = fetch_page("https://news.example/busy", server.client(), options(), sleep=server.sleep)
    assert server.sleeps == [2.0]
    assert "European Pravda" in fetched.text


def test_retry_after_as_an_http_date() -> None:
    answers = iter([httpx.Response(503, headers={"retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"}), page()])
    server = Recorder({"/busy": lambda: next(answers)})
    fetch_page("https://news.example/busy", server.client(), options(), sleep=server.sleep)
    assert server.sleeps == [0.0]  # a date in the past: retry at once


def test_retry_after_beyond_the_cap_fails_at_once() -> None:
    server = Recorder({"/down": lambda: httpx.Response(503, headers={"retry-after": "3600"})})
    with pytest.raises(FetchStatusError, match="asks to retry after 3600 s, longer than the 30 s limit"):
        fetch_page("https://news.example/down", server.client(), options(), sleep=server.sleep)
    assert (len(server.requests), server.sleeps) == (1, [])


def test_503_backs_off_exponentially_then_gives_up() -> None:
    server = Recorder({"/down": lambda: httpx.Response(503)})
    with pytest.raises(FetchStatusError) as caught:
        fetch_page("https://news.example/down", server.client(), options(retries=3), sleep=server.sleep)
    assert caught.value.problem == "the server answered HTTP 503 Service Unavailable (after 4 attempts)"
    assert server.sleeps == [0.5, 1.0, 2.0]


def test_connection_errors_are_retried() -> None:
    failures = iter([httpx.ConnectError("connection refused"), None])

    def flaky() -> httpx.Response:
        error = next(failures)
        if error is not None:
            raise error
        return page()

    server = Recorder({"/a": flaky})
    assert fetch_page("https://news.example/a", server.client(), options(), sleep=server.sleep).text
    assert server.sleeps == [0.5]

    def refused() -> httpx.Response:
        raise httpx.ConnectError("connection refused")

    server = Recorder({"/a": refused})
    with pytest.raises(
        FetchConnectionError, match=r"cannot connect \(connection refused\) \(after 3 attempts\)"
    ):
        fetch_page("https://news.example/a", server.client(), options(), sleep=server.sleep)


@pytest.mark.parametrize(
    ("content_type", "body", "message"),
    [
        ("application/pdf", b"%PDF-1.7\n...", "the page is a PDF document (application/pdf)"),
        ("image/png", b"\x89PNG\r\n\x1a\n", "the page is an image (image/png)"),
        ("application/json", b"{}", "unsupported content type 'application/json'"),
        ("text/html", b"%PDF-1.4 mislabelled", "the page is a PDF document; only HTML pages"),
        ("", b"\xff\xd8\xff\xe0 jpeg without a type", "the page is a JPEG image"),
    ],
)
def test_pdf_images_and_other_types_are_refused(content_type: str, body: bytes, message: str) -> None:
    server = Recorder(
        {"/file": lambda: httpx.Response(200, headers={"content-type": content_type}, content=streamed(body))}
    )
    with pytest.raises(FetchContentTypeError) as caught:
        fetch_page("https://news.example/file", server.client(), options())
    assert caught.value.code == "PRV-E204"
    assert caught.value.problem.startswith(message)


BOMB = b"<html><body><p>" + b"A" * (8 * 1024 * 1024)


@pytest.mark.parametrize(
    ("coding", "compress"),
    [("gzip", gzip.compress), ("deflate", zlib.compress), ("br", brotli.compress)],
)
def test_compression_bombs_stop_at_the_decoded_size_limit(
    coding: str, compress: Callable[[bytes], bytes]
) -> None:
    packed = compress(BOMB)
    assert len(packed) < 64 * 1024
    server = Recorder({"/bomb": lambda: page(packed, **{"content-encoding": coding})})
    with pytest.raises(FetchTooLargeError) as caught:
        fetch_page("https://news.example/bomb", server.client(), options(max_bytes=1024 * 1024))
    assert caught.value.problem == "the page is larger than the 1,048,576-byte limit after decompression"


@pytest.mark.parametrize(
    ("coding", "compress"),
    [
        ("gzip", gzip.compress),
        ("deflate", zlib.compress),
        ("deflate", lambda data: zlib.compress(data)[2:-4]),  # raw deflate, as some servers send
        ("br", brotli.compress),
    ],
)
def test_compressed_pages_are_decoded(coding: str, compress: Callable[[bytes], bytes]) -> None:
    server = Recorder({"/a": lambda: page(compress(ARTICLE), **{"content-encoding": coding})})
    assert fetch_page("https://news.example/a", server.client(), options()).text == ARTICLE.decode()


def test_endless_body_stops_at_the_size_limit() -> None:
    def endless() -> Iterator[bytes]:
        yield b"<html><body>"
        while True:
            yield b"<p>more</p>" * 1000

    server = Recorder({"/endless": lambda: httpx.Response(200, headers=HTML_TYPE, content=endless())})
    with pytest.raises(FetchTooLargeError, match=r"larger than the 100,000-byte limit$"):
        fetch_page("https://news.example/endless", server.client(), options(max_bytes=100_000))


def test_declared_length_over_the_limit_is_refused_before_reading() -> None:
    server = Recorder({"/big": lambda: page(**{"content-length": str(50 * 1024 * 1024)})})
    with pytest.raises(FetchTooLargeError, match="52,428,800 bytes, over the 5,242,880-byte limit"):
        fetch_page("https://news.example/big", server.client(), options())


def test_corrupt_gzip_is_a_fetch_error() -> None:
    server = Recorder({"/a": lambda: page(b"\x1f\x8b\x08\x00garbage", **{"content-encoding": "gzip"})})
    with pytest.raises(FetchError, match=r"the body is not valid gzip data \(the stream is truncated\)"):
        fetch_page("https://news.example/a", server.client(), options())


CAFE = "<html><head><meta charset='windows-1252'></head><body><p>Café “Le Monde” — déjà vu</p></body></html>"


def test_wrong_header_charset_falls_back_to_meta_charset() -> None:
    text, charset = decode_page(CAFE.encode("cp1252"), "utf-8", html=True)
    assert (text, charset) == (CAFE, "cp1252")


def test_utf8_bytes_win_over_a_single_byte_label() -> None:
    text, charset = decode_page(CAFE.encode("utf-8"), "iso-8859-1", html=True)
    assert (text, charset) == (CAFE, "utf-8")


def test_undeclared_charset_is_detected_from_the_bytes() -> None:
    plain = "Le conseil municipal a voté la fermeture de l’usine à l’unanimité, déclare le maire. " * 5
    text, _ = decode_page(plain.encode("cp1252"), None, html=False)
    assert text == plain
    assert decode_page("\ufeffbonjour".encode(), "latin-1", html=False) == ("bonjour", "utf-8")


@settings(max_examples=80, deadline=None)
@given(
    body=st.binary(max_size=400), declared=st.sampled_from([None, "utf-8", "latin-1", "shift_jis", "bogus"])
)
def test_any_bytes_decode_to_text(body: bytes, declared: str | None) -> None:
    text, charset = decode_page(body, declared, html=True)
    assert isinstance(text, str)
    assert charset


def test_wrong_charset_page_is_fetched_readably() -> None:
    body = (HTML_DIR / "valley_post_mill.html").read_bytes()
    server = Recorder({"/mill": lambda: page(body, **{"content-type": "text/html; charset=utf-8"})})
    article = fetch_article("https://news.example/mill", server.client(), options())
    assert "Anaïs Duclos" in article.text
    assert "“We have run out of options,”" in article.text


def test_plain_text_pages_are_read_as_articles() -> None:
    body = Path(__file__).resolve().parent.parent.joinpath("seeds", "000_8dac13ad40c6afd4.txt").read_bytes()
    server = Recorder({"/seed.txt": lambda: page(body, **{"content-type": "text/plain"})})
    article = fetch_article("https://news.example/seed.txt", server.client(), options())
    assert (article.outlet, article.url) == ("European Pravda", "https://news.example/seed.txt")


def test_cache_revalidates_with_etag_and_last_modified(tmp_path: Path) -> None:
    answers = iter(
        [
            page(etag='"v1"', **{"last-modified": "Thu, 12 Dec 2024 10:00:00 GMT"}),
            httpx.Response(304, headers={"etag": '"v1"'}),
        ]
    )
    server = Recorder({"/a": lambda: next(answers)})
    first = fetch_page("https://news.example/a", server.client(), options(tmp_path))
    second = fetch_page("https://news.example/a", server.client(), options(tmp_path))
    assert (first.from_cache, second.from_cache) == (False, True)
    assert second.text == first.text
    assert "if-none-match" not in server.requests[0].headers
    assert server.requests[1].headers["if-none-match"] == '"v1"'
    assert server.requests[1].headers["if-modified-since"] == "Thu, 12 Dec 2024 10:00:00 GMT"
    assert len(list(tmp_path.iterdir())) == 1


def test_cache_stores_nothing_without_validators_or_with_no_store(tmp_path: Path) -> None:
    server = Recorder({"/plain": page, "/private": lambda: page(etag='"x"', **{"cache-control": "no-store"})})
    fetch_page("https://news.example/plain", server.client(), options(tmp_path))
    fetch_page("https://news.example/private", server.client(), options(tmp_path))
    assert list(tmp_path.iterdir()) == []


def test_corrupt_cache_entry_is_a_miss(tmp_path: Path) -> None:
    server = Recorder({"/a": lambda: page(etag='"v1"')})
    fetch_page("https://news.example/a", server.client(), options(tmp_path))
    for entry in tmp_path.iterdir():
        entry.write_text("{not json")
    assert fetch_page("https://news.example/a", server.client(), options(tmp_path)).from_cache is False
    assert "if-none-match" not in server.requests[1].headers


def cached_page(url: str, size: int = 1000) -> FetchedPage:
    return FetchedPage(
        url=url, final_url=url, media_type="text/html", charset="utf-8", text="x" * size, etag='"1"'
    )


def test_cache_keeps_to_its_size_by_removing_the_least_recently_used_pages(tmp_path: Path) -> None:
    urls = [f"https://news.example/{name}" for name in "abcd"]
    probe = PageCache(tmp_path / "probe")
    probe.store(cached_page(urls[0]))
    size = probe.path_for(urls[0]).stat().st_size
    cache = PageCache(tmp_path / "pages", max_bytes=size * 7 // 2, check_every=1)
    for url in urls[:3]:
        cache.store(cached_page(url))
    for age, url in enumerate(urls[:3]):
        os.utime(cache.path_for(url), (1_000_000 + age, 1_000_000 + age))
    assert cache.load(urls[0]) is not None  # read: now the most recently used
    cache.store(cached_page(urls[3]))
    assert [cache.load(url) is not None for url in urls] == [True, False, False, True]


def test_fetch_keeps_the_cache_to_its_configured_size(tmp_path: Path) -> None:
    server = Recorder({"/a": lambda: page(etag='"v1"')})
    settings = dataclasses.replace(options(tmp_path), cache_max_bytes=1)
    fetch_page("https://news.example/a", server.client(), settings)
    assert list(tmp_path.iterdir()) == []


def test_load_article_accepts_urls_and_paths(seed_path: Path) -> None:
    server = Recorder({"/story": page})
    by_url = load_article("https://news.example/story", options=options(), client=server.client())
    by_path = load_article(seed_path)
    assert by_url.outlet == by_path.outlet == "European Pravda"
    with pytest.raises(UnsafeURLError, match="a loopback address"):
        load_article("http://127.0.0.1:9/story", options=FetchOptions(cache_dir=None))


def async_page(data: bytes = ARTICLE) -> httpx.Response:
    async def chunks() -> AsyncIterator[bytes]:
        for chunk in streamed(data):
            yield chunk

    return httpx.Response(200, headers=HTML_TYPE, content=chunks())


def test_async_fetch_follows_the_same_rules() -> None:
    async def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/r":
            return httpx.Response(302, headers={"location": "http://10.0.0.7/"})
        return async_page()

    async def run() -> None:
        async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
            fetched = await fetch_page_async("https://news.example/a", client, options())
            assert fetched.text == ARTICLE.decode()
            with pytest.raises(UnsafeURLError, match=r"redirected to http://10\.0\.0\.7/: refused"):
                await fetch_page_async("https://news.example/r", client, options())

    asyncio.run(run())


def test_batch_limits_concurrency_per_host_and_lists_failures(tmp_path: Path) -> None:
    in_flight: dict[str, int] = {}
    peak: dict[str, int] = {}

    async def handler(request: httpx.Request) -> httpx.Response:
        host = request.url.host
        in_flight[host] = in_flight.get(host, 0) + 1
        peak[host] = max(peak.get(host, 0), in_flight[host])
        await asyncio.sleep(0.02)
        in_flight[host] -= 1
        if request.url.path == "/missing":
            return httpx.Response(404)
        return async_page()

    urls = [f"https://news.example/{n}" for n in range(6)] + [f"https://cdn.example/{n}" for n in range(3)]
    urls += ["https://news.example/missing", "http://10.0.0.7/internal", "https://news.example/0"]
    done: list[str] = []

    client = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    report = fetch_batch(
        urls,
        tmp_path / "out",
        options=options(),
        per_host=2,
        on_done=lambda outcome: done.append(outcome.url),
        client=client,
    )
    assert peak == {"news.example": 2, "cdn.example": 2}
    assert [outcome.url for outcome in report.outcomes] == list(dict.fromkeys(urls))
    assert sorted(done) == sorted(dict.fromkeys(urls))
    failures = {outcome.url: outcome.code for outcome in report.failures}
    assert failures == {"https://news.example/missing": "PRV-E205", "http://10.0.0.7/internal": "PRV-E201"}
    written = sorted(path.name for path in (tmp_path / "out").iterdir())
    assert written == sorted(batch_file_name(o.url) for o in report.outcomes if o.error is None)
    assert len(written) == 9
    saved = (tmp_path / "out" / batch_file_name("https://cdn.example/2")).read_text()
    assert saved.startswith("---\ntitle: Europe is divided")
    assert "\noutlet: European Pravda\n" in saved


@settings(max_examples=60, deadline=None)
@given(
    status=st.sampled_from([200, 200, 200, 204, 301, 304, 404, 429, 500, 503]),
    content_type=st.sampled_from(
        ["text/html", "text/plain; charset=koi8-r", "", "text/html; charset=nonsense"]
    ),
    coding=st.sampled_from(["", "gzip", "deflate", "br", "identity", "gzip, br", "zstd"]),
    body=st.binary(max_size=300) | st.text(max_size=300).map(lambda text: f"<html><p>{text}</p>".encode()),
    location=st.sampled_from(["", "/next", "http://[::1/", "javascript:alert(1)", "//"]),
)
def test_no_server_answer_crashes_the_fetch(
    status: int, content_type: str, coding: str, body: bytes, location: str
) -> None:
    headers = {"content-type": content_type, "content-encoding": coding, "location": location}
    server = Recorder(
        {
            "/a": lambda: httpx.Response(status, headers=headers, content=streamed(body)),
            "/next": lambda: page(),
        }
    )
    try:
        article = article_from_page(
            fetch_page("https://news.example/a", server.client(), options(), sleep=server.sleep)
        )
    except ProvenanceError as error:
        outcome = int(error.exit_status)
    else:
        outcome = 0 if article.text.strip() else -1
    assert outcome in (0, ExitStatus.INPUT)


def test_a_page_that_decodes_to_whitespace_is_empty() -> None:
    headers = {"content-type": "text/plain; charset=koi8-r"}
    server = Recorder({"/a": lambda: httpx.Response(200, headers=headers, content=streamed(b"\x1c"))})
    with pytest.raises(FetchError, match="the page is empty"):
        fetch_page("https://news.example/a", server.client(), options(), sleep=server.sleep)


def test_unparsable_redirect_location_is_a_redirect_error() -> None:
    server = Recorder({"/a": lambda: httpx.Response(301, headers={"location": "javascript:alert(1)"})})
    with pytest.raises(FetchRedirectError) as caught:
        fetch_page("https://news.example/a", server.client(), options())
    assert caught.value.problem.startswith("redirect to an invalid URL (")
    assert caught.value.code == "PRV-E206"
