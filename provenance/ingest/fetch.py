"""The network edge: fetch an article page politely and safely with an httpx client.

Every fetch takes the ``httpx.Client`` (or ``AsyncClient``) to use, so tests run
against ``httpx.MockTransport`` or a local server and never touch the network.
A hostile or broken server cannot make a fetch hang (connect, read and total
time limits), exhaust memory (the size limit is enforced while streaming, after
gzip/deflate/brotli decoding, by decoders that are never asked for more than
the remaining allowance), or steer it into a private network (every redirect
target is checked by ``AddressPolicy``, and the clients made here connect only
to addresses it checked, so DNS rebinding gets no request through).

Sync and async fetches share one ``_Exchange``, which makes every decision from
the response; the two loops only differ in how they wait for I/O.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import datetime as dt
import email.utils
import hashlib
import json
import os
import re
import time
import urllib.request
import zlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any, Protocol

import brotli
import httpx

from provenance.errors import (
    FetchConnectionError,
    FetchContentTypeError,
    FetchError,
    FetchRedirectError,
    FetchStatusError,
    FetchTimeoutError,
    FetchTooLargeError,
    InputError,
    ProvenanceError,
    UnsafeURLError,
)
from provenance.ingest.charset import decode_page
from provenance.ingest.formats import parse_article
from provenance.ingest.html import parse_html
from provenance.ingest.safety import (
    AddressPolicy,
    AsyncCheckedTransport,
    CheckedTransport,
    Resolver,
    system_resolver,
)
from provenance.models import Article
from provenance.outputs import write_atomic

__all__ = [
    "CACHE_MAX_BYTES",
    "USER_AGENT",
    "FetchLimits",
    "FetchOptions",
    "FetchedPage",
    "PageCache",
    "article_from_page",
    "default_cache_dir",
    "fetch_article",
    "fetch_article_async",
    "fetch_articles_async",
    "fetch_page",
    "fetch_page_async",
    "is_url",
    "make_async_client",
    "make_client",
]


def _version() -> str:
    try:
        return metadata.version("provenance")
    except metadata.PackageNotFoundError:
        return "0"


USER_AGENT = f"provenance/{_version()} (news sourcing checker; fetches single articles on request)"
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
RETRY_STATUSES = frozenset({429, 503})
MAGIC_REFUSALS = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive"),
)


def is_url(target: object) -> bool:
    """Tell an ``http(s)://`` URL from a file path (other schemes are refused when fetched)."""
    return isinstance(target, str) and re.match(r"(?i)[a-z][a-z0-9+.-]*://", target) is not None


@dataclass(frozen=True)
class FetchLimits:
    """How long and how much one fetch may take; the defaults suit any real news article."""

    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0
    max_redirects: int = 5
    max_bytes: int = 5 * 1024 * 1024
    retries: int = 2
    backoff: float = 0.5
    retry_after_cap: float = 30.0


def default_cache_dir() -> Path:
    """Pick the cache folder: ``$PROVENANCE_CACHE_DIR``, else ``$XDG_CACHE_HOME/provenance/pages``.

    Without either, ``~/.cache/provenance/pages``.
    """
    explicit = os.environ.get("PROVENANCE_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "provenance" / "pages"


CACHE_MAX_BYTES = 256 * 1024 * 1024
"""How much the page cache may hold before the least recently used pages go."""
CACHE_CHECK_EVERY = 64
"""Pages stored between two measurements of the cache folder (measuring lists every entry)."""


@dataclass(frozen=True)
class FetchOptions:
    """Everything a fetch runs under: limits, the address policy and the cache folder (None: no cache)."""

    limits: FetchLimits = field(default_factory=FetchLimits)
    allow_private: bool = False
    resolver: Resolver = system_resolver
    cache_dir: Path | None = field(default_factory=default_cache_dir)
    cache_max_bytes: int = CACHE_MAX_BYTES
    user_agent: str = USER_AGENT

    @property
    def policy(self) -> AddressPolicy:
        """The address rules these options imply."""
        return AddressPolicy(allow_private=self.allow_private, resolver=self.resolver)


@dataclass(frozen=True)
class FetchedPage:
    """A fetched page, decoded to text, with where it finally came from."""

    url: str
    final_url: str
    media_type: str
    charset: str
    text: str
    from_cache: bool = False
    etag: str | None = None
    last_modified: str | None = None


class PageCache:
    """An on-disk cache of pages keyed by URL, revalidated with ETag / Last-Modified on every use.

    Entries are only stored when the server gave a validator and did not say
    ``no-store``; a page is never served without asking the server first, so
    the cache saves bandwidth and the server's work, never correctness. The
    folder is kept near ``max_bytes``: every ``check_every`` pages stored, the
    least recently used pages (by the time each was last stored or read) are
    removed until it holds three quarters of that.
    """

    def __init__(
        self, folder: Path, max_bytes: int = CACHE_MAX_BYTES, check_every: int = CACHE_CHECK_EVERY
    ) -> None:
        self.folder = folder
        self.max_bytes = max_bytes
        self.check_every = check_every

    def path_for(self, url: str) -> Path:
        """Name the file holding ``url``'s entry."""
        return self.folder / f"{hashlib.sha256(url.encode('utf-8')).hexdigest()[:32]}.json"

    def load(self, url: str) -> FetchedPage | None:
        """Return the stored page for ``url``; a missing or unreadable entry is a miss."""
        path = self.path_for(url)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            page = FetchedPage(**data)
        except (OSError, ValueError, TypeError, RecursionError):
            return None
        if page.url != url:
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: the last to go
        return page

    def store(self, page: FetchedPage) -> None:
        """Save ``page`` (best effort: a cache that cannot be written never fails a fetch)."""
        record = dataclasses.asdict(page)
        del record["from_cache"]
        try:
            write_atomic(self.path_for(page.url), json.dumps(record, ensure_ascii=False), make_folders=True)
        except InputError:
            return
        stored = _STORED_SINCE_CHECK.get(self.folder, 0)
        _STORED_SINCE_CHECK[self.folder] = (stored + 1) % self.check_every
        if stored == 0:
            self.shrink()

    def shrink(self) -> None:
        """Remove the least recently used pages while the folder holds more than ``max_bytes``."""
        entries = []
        with contextlib.suppress(OSError), os.scandir(self.folder) as folder:
            for entry in folder:
                if entry.name.endswith(".json"):
                    with contextlib.suppress(OSError):
                        status = entry.stat()
                        entries.append((status.st_mtime, status.st_size, entry.path))
        total = sum(size for _, size, _ in entries)
        if total <= self.max_bytes:
            return
        for _, size, path in sorted(entries):
            if total <= self.max_bytes * 3 // 4:
                break
            with contextlib.suppress(OSError):
                os.unlink(path)
                total -= size


_STORED_SINCE_CHECK: dict[Path, int] = {}
"""Pages stored in each cache folder since it was last measured (a fetch makes its own ``PageCache``)."""


class _Decoder(Protocol):
    def feed(self, data: bytes, room: int) -> bytes: ...

    def complete(self) -> bool: ...


class _Identity:
    def feed(self, data: bytes, room: int) -> bytes:
        return data

    def complete(self) -> bool:
        return True


class _Zlib:
    """gzip or deflate, never producing more than ``room + 1`` bytes per call (a bomb stops at once)."""

    def __init__(self, wbits: int) -> None:
        self._decompressor = zlib.decompressobj(wbits)
        self._raw_fallback = wbits == zlib.MAX_WBITS
        self._started = False

    def feed(self, data: bytes, room: int) -> bytes:
        try:
            output = self._decompressor.decompress(data, room + 1)
        except zlib.error:
            if not (self._raw_fallback and not self._started):
                raise
            self._decompressor = zlib.decompressobj(-zlib.MAX_WBITS)
            output = self._decompressor.decompress(data, room + 1)
        self._started = True
        return output

    def complete(self) -> bool:
        return bool(self._decompressor.eof)


class _Brotli:
    def __init__(self) -> None:
        self._decompressor = brotli.Decompressor()

    def feed(self, data: bytes, room: int) -> bytes:
        output: bytes = self._decompressor.process(data, output_buffer_limit=room + 1)
        while len(output) <= room and not self._decompressor.can_accept_more_data():
            output += self._decompressor.process(b"", output_buffer_limit=room + 1 - len(output))
        return output

    def complete(self) -> bool:
        return bool(self._decompressor.is_finished())


def _decoder_for(where: str, content_encoding: str) -> _Decoder:
    codings = [part.strip().lower() for part in content_encoding.split(",") if part.strip()]
    codings = [coding for coding in codings if coding != "identity"]
    if not codings:
        return _Identity()
    if len(codings) > 1:
        raise FetchError(where, f"unsupported stacked Content-Encoding {content_encoding!r}")
    coding = codings[0]
    if coding in {"gzip", "x-gzip"}:
        return _Zlib(16 + zlib.MAX_WBITS)
    if coding == "deflate":
        return _Zlib(zlib.MAX_WBITS)
    if coding == "br":
        return _Brotli()
    raise FetchError(where, f"unsupported Content-Encoding {coding!r}")


class _Body:
    """Accumulates a streamed body, decoding as it goes, within the size and time limits."""

    def __init__(self, where: str, response: httpx.Response, limits: FetchLimits, deadline: float) -> None:
        self.where = where
        self.limits = limits
        self.deadline = deadline
        self.coding = response.headers.get("content-encoding", "")
        self.decoder = _decoder_for(where, self.coding)
        self.chunks: list[bytes] = []
        self.size = 0

    def feed(self, raw: bytes) -> None:
        if time.monotonic() > self.deadline:
            raise _too_slow(self.where, self.limits)
        room = self.limits.max_bytes - self.size
        try:
            data = self.decoder.feed(raw, room)
        except (zlib.error, brotli.error) as exc:
            raise FetchError(self.where, f"the body is not valid {self.coding} data ({exc})") from None
        self.size += len(data)
        if self.size > self.limits.max_bytes:
            after = " after decompression" if self.coding else ""
            raise FetchTooLargeError(
                self.where, f"the page is larger than the {self.limits.max_bytes:,}-byte limit{after}"
            )
        self.chunks.append(data)

    def content(self) -> bytes:
        """Return the decoded body; a compressed stream that stops short is an error, not a page."""
        if not self.decoder.complete():
            raise FetchError(
                self.where, f"the body is not valid {self.coding} data (the stream is truncated)"
            )
        return b"".join(self.chunks)


def _media_type(response: httpx.Response) -> tuple[str, str | None]:
    header = response.headers.get("content-type", "")
    parts = [part.strip() for part in header.split(";")]
    charset = None
    for part in parts[1:]:
        name, _, value = part.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip("\"'") or None
    return parts[0].lower(), charset


def _refuse_type(where: str, media_type: str) -> None:
    if not media_type or media_type in HTML_TYPES or media_type in TEXT_TYPES:
        return
    expected = "only HTML pages and plain text are read"
    if media_type == "application/pdf":
        raise FetchContentTypeError(
            where, f"the page is a PDF document ({media_type}); {expected}: save it and convert it to text"
        )
    if media_type.startswith("image/"):
        raise FetchContentTypeError(where, f"the page is an image ({media_type}); {expected}")
    raise FetchContentTypeError(where, f"unsupported content type {media_type!r}; {expected}")


def _refuse_magic(where: str, body: bytes) -> None:
    for magic, kind in MAGIC_REFUSALS:
        if body.startswith(magic):
            raise FetchContentTypeError(where, f"the page is {kind}; only HTML pages and plain text are read")


def _too_slow(where: str, limits: FetchLimits) -> FetchTimeoutError:
    return FetchTimeoutError(
        where, f"no complete answer within the {limits.total_timeout:g} s total time limit"
    )


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds())


def _uses_proxy() -> bool:
    proxies = urllib.request.getproxies()
    return "http" in proxies or "https" in proxies


@dataclass(frozen=True)
class _Redirect:
    target: str


@dataclass(frozen=True)
class _Retry:
    delay: float


@dataclass(frozen=True)
class _Read:
    media_type: str
    charset: str | None


_Step = _Redirect | _Retry | _Read | FetchedPage


class _Exchange:
    """The decisions of one fetch: what to send, and what each response means.

    It holds the state that spans requests (deadline, redirect and retry
    counts, the cached entry being revalidated) and raises the user-facing
    ``FetchError`` for every way a fetch can fail.
    """

    def __init__(self, url: str, options: FetchOptions) -> None:
        self.url = url
        self.options = options
        self.limits = options.limits
        self.policy = options.policy
        self.deadline = time.monotonic() + self.limits.total_timeout
        self.redirects = 0
        self.attempts = 0
        self.budget = self.limits.total_timeout
        self.cache = (
            PageCache(options.cache_dir, options.cache_max_bytes) if options.cache_dir is not None else None
        )
        self.cached = self.cache.load(url) if self.cache is not None else None

    def check(self, target: str) -> None:
        """Refuse ``target`` (the URL or a redirect target) unless the policy allows it."""
        try:
            self.policy.check_url(target)
        except FetchError as error:
            raise self._named(error, target) from None

    def _named(self, error: FetchError, target: str) -> FetchError:
        if target == self.url:
            return type(error)(self.url, error.problem)
        return type(error)(self.url, f"redirected to {target}: {error.problem}")

    def refused(self, error: UnsafeURLError, target: str) -> FetchError:
        """Name a refusal made while connecting (it knows only the host) after the URL fetched."""
        return self._named(error, target)

    def remaining(self) -> float:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise _too_slow(self.url, self.limits)
        return left

    def timeout(self) -> httpx.Timeout:
        left = self.remaining()
        self.budget = left
        return httpx.Timeout(
            connect=min(self.limits.connect_timeout, left),
            read=min(self.limits.read_timeout, left),
            write=min(self.limits.read_timeout, left),
            pool=min(self.limits.connect_timeout, left),
        )

    def headers(self, target: str) -> dict[str, str]:
        headers = {
            "User-Agent": self.options.user_agent,
            "Accept": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8",
            "Accept-Encoding": "gzip, deflate, br",
        }
        if self.cached is not None and self.cached.final_url == target:
            if self.cached.etag:
                headers["If-None-Match"] = self.cached.etag
            if self.cached.last_modified:
                headers["If-Modified-Since"] = self.cached.last_modified
        return headers

    def respond(self, target: str, response: httpx.Response) -> _Step:
        """Decide what a response's status and headers mean, before any of its body is read."""
        self._check_peer(target, response)
        status = response.status_code
        if status in REDIRECT_STATUSES:
            return _Redirect(self._redirect_target(target, response))
        if status == 304 and self.cached is not None:
            return dataclasses.replace(self.cached, from_cache=True)
        if status in RETRY_STATUSES:
            return _Retry(self._status_retry(response))
        if status >= 300:
            reason = f" {response.reason_phrase}" if response.reason_phrase else ""
            raise FetchStatusError(self.url, f"the server answered HTTP {status}{reason}")
        length = response.headers.get("content-length", "")
        if length.isdigit() and int(length) > self.limits.max_bytes:
            raise FetchTooLargeError(
                self.url,
                f"the page is {int(length):,} bytes, over the {self.limits.max_bytes:,}-byte limit",
            )
        media_type, charset = _media_type(response)
        _refuse_type(self.url, media_type)
        return _Read(media_type, charset)

    def _check_peer(self, target: str, response: httpx.Response) -> None:
        """Check the address a connection reached: the last resort for clients not made here."""
        stream = response.extensions.get("network_stream")
        if stream is None or _uses_proxy():
            return
        peer = stream.get_extra_info("server_addr")
        if isinstance(peer, tuple) and peer:
            try:
                self.policy.check_address(target, str(peer[0]))
            except FetchError as error:
                raise self._named(error, target) from None

    def _redirect_target(self, target: str, response: httpx.Response) -> str:
        location = response.headers.get("location", "").strip()
        if not location:
            raise FetchRedirectError(self.url, f"HTTP {response.status_code} redirect without a Location")
        self.redirects += 1
        if self.redirects > self.limits.max_redirects:
            raise FetchRedirectError(self.url, f"more than {self.limits.max_redirects} redirects")
        try:
            return str(httpx.URL(target).join(location))
        except httpx.InvalidURL as exc:
            raise FetchRedirectError(self.url, f"redirect to an invalid URL {location!r} ({exc})") from None

    def _status_retry(self, response: httpx.Response) -> float:
        status = f"HTTP {response.status_code} {response.reason_phrase}".strip()
        wait = _retry_after(response)
        if wait is not None and wait > self.limits.retry_after_cap:
            raise FetchStatusError(
                self.url,
                f"the server answered {status} and asks to retry after {wait:g} s, "
                f"longer than the {self.limits.retry_after_cap:g} s limit",
            )
        return self._next_delay(wait, FetchStatusError(self.url, f"the server answered {status}"))

    def transport_error(self, error: httpx.TransportError) -> float:
        """Map an httpx transport failure to a retry delay or a user-facing error."""
        if isinstance(error, httpx.TimeoutException):
            connecting = isinstance(error, httpx.ConnectTimeout | httpx.PoolTimeout)
            if self.budget < (self.limits.connect_timeout if connecting else self.limits.read_timeout):
                raise _too_slow(self.url, self.limits) from None
        if isinstance(error, httpx.ConnectTimeout):
            failure: FetchError = FetchTimeoutError(
                self.url, f"could not connect within {self.limits.connect_timeout:g} s"
            )
        elif isinstance(error, httpx.TimeoutException):
            raise FetchTimeoutError(
                self.url, f"the server sent nothing for {self.limits.read_timeout:g} s (read time limit)"
            ) from None
        elif isinstance(error, httpx.ConnectError | httpx.RemoteProtocolError):
            failure = FetchConnectionError(self.url, f"cannot connect ({error or type(error).__name__})")
        else:
            raise FetchConnectionError(
                self.url, f"the transfer failed ({error or type(error).__name__})"
            ) from None
        return self._next_delay(None, failure)

    def invalid_location(self, error: httpx.InvalidURL) -> FetchRedirectError:
        """Name a redirect whose ``Location`` httpx cannot even parse."""
        return FetchRedirectError(self.url, f"redirect to an invalid URL ({error})")

    def _next_delay(self, wait: float | None, failure: FetchError) -> float:
        self.attempts += 1
        if self.attempts > self.limits.retries:
            if self.limits.retries:
                failure = type(failure)(failure.where, f"{failure.problem} (after {self.attempts} attempts)")
            raise failure
        delay = wait if wait is not None else self.limits.backoff * 2 ** (self.attempts - 1)
        if delay >= self.remaining():
            raise type(failure)(
                failure.where, f"{failure.problem}; no time left to retry within the total time limit"
            )
        return delay

    def body(self, response: httpx.Response) -> _Body:
        return _Body(self.url, response, self.limits, self.deadline)

    def finish(self, target: str, response: httpx.Response, read: _Read, body: bytes) -> FetchedPage:
        """Check the body's type, decode it, and remember it in the cache when the server allows."""
        _refuse_magic(self.url, body)
        if not body.strip():
            raise FetchError(self.url, "the page is empty")
        media_type = read.media_type or ("text/html" if body.lstrip()[:1] == b"<" else "text/plain")
        text, charset = decode_page(body, read.charset, html=media_type in HTML_TYPES)
        if not text.strip():
            raise FetchError(self.url, "the page is empty")
        page = FetchedPage(
            url=self.url,
            final_url=target,
            media_type=media_type,
            charset=charset,
            text=text,
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
        )
        no_store = "no-store" in response.headers.get("cache-control", "").lower()
        if self.cache is not None and (page.etag or page.last_modified) and not no_store:
            self.cache.store(page)
        return page


def fetch_page(
    url: str,
    client: httpx.Client,
    options: FetchOptions | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> FetchedPage:
    """Fetch ``url`` with ``client`` under ``options``; every failure is a ``FetchError``."""
    exchange = _Exchange(url, options or FetchOptions())
    target = url
    while True:
        exchange.check(target)
        try:
            with client.stream(
                "GET",
                target,
                headers=exchange.headers(target),
                timeout=exchange.timeout(),
                follow_redirects=False,
            ) as response:
                step = exchange.respond(target, response)
                if isinstance(step, _Read):
                    body = exchange.body(response)
                    for chunk in response.iter_raw():
                        body.feed(chunk)
                    return exchange.finish(target, response, step, body.content())
        except httpx.TransportError as error:
            step = _Retry(exchange.transport_error(error))
        except httpx.InvalidURL as error:
            raise exchange.invalid_location(error) from None
        except UnsafeURLError as error:
            raise exchange.refused(error, target) from None
        if isinstance(step, FetchedPage):
            return step
        if isinstance(step, _Redirect):
            target = step.target
        else:
            sleep(step.delay)


async def fetch_page_async(
    url: str,
    client: httpx.AsyncClient,
    options: FetchOptions | None = None,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> FetchedPage:
    """Fetch like ``fetch_page`` with an ``AsyncClient``, for batches fetched concurrently."""
    exchange = _Exchange(url, options or FetchOptions())
    target = url
    while True:
        await asyncio.to_thread(exchange.check, target)
        try:
            async with client.stream(
                "GET",
                target,
                headers=exchange.headers(target),
                timeout=exchange.timeout(),
                follow_redirects=False,
            ) as response:
                step = exchange.respond(target, response)
                if isinstance(step, _Read):
                    body = exchange.body(response)
                    async for chunk in response.aiter_raw():
                        body.feed(chunk)
                    return exchange.finish(target, response, step, body.content())
        except httpx.TransportError as error:
            step = _Retry(exchange.transport_error(error))
        except httpx.InvalidURL as error:
            raise exchange.invalid_location(error) from None
        except UnsafeURLError as error:
            raise exchange.refused(error, target) from None
        if isinstance(step, FetchedPage):
            return step
        if isinstance(step, _Redirect):
            target = step.target
        else:
            await sleep(step.delay)


def article_from_page(page: FetchedPage) -> Article:
    """Turn a fetched page into an article: HTML through the extractor, plain text through the readers."""
    if page.media_type in HTML_TYPES:
        return parse_html(page.text, path=page.url, url=page.final_url)
    article = parse_article(page.text, path=page.url)
    return article.model_copy(update={"url": article.url or page.final_url})


def fetch_article(url: str, client: httpx.Client, options: FetchOptions | None = None) -> Article:
    """Fetch ``url`` and read it as an article."""
    return article_from_page(fetch_page(url, client, options))


async def fetch_article_async(
    url: str, client: httpx.AsyncClient, options: FetchOptions | None = None
) -> Article:
    """Fetch ``url`` with an async client and read it as an article."""
    return article_from_page(await fetch_page_async(url, client, options))


def _client_settings(options: FetchOptions) -> dict[str, Any]:
    return {
        "follow_redirects": False,
        "headers": {"User-Agent": options.user_agent},
        "timeout": httpx.Timeout(options.limits.read_timeout, connect=options.limits.connect_timeout),
    }


def make_client(options: FetchOptions | None = None) -> httpx.Client:
    """Make a client for ``fetch_page``: the fetch follows redirects itself, checking each one.

    It connects only to addresses the options' policy allows (a configured
    proxy, which does the connecting, is used as it is).
    """
    settings = options or FetchOptions()
    return httpx.Client(transport=CheckedTransport(settings.policy), **_client_settings(settings))


def make_async_client(options: FetchOptions | None = None, max_connections: int = 8) -> httpx.AsyncClient:
    """Make an async client for batches, with a global connection limit, connecting like ``make_client``."""
    settings = options or FetchOptions()
    limits = httpx.Limits(max_connections=max_connections, max_keepalive_connections=max_connections)
    transport = AsyncCheckedTransport(settings.policy, limits=limits)
    return httpx.AsyncClient(transport=transport, **_client_settings(settings))


async def fetch_articles_async(
    urls: list[str],
    client: httpx.AsyncClient,
    options: FetchOptions | None = None,
    per_host: int = 2,
    on_done: Callable[[str, Article | ProvenanceError], None] | None = None,
) -> list[Article | ProvenanceError]:
    """Fetch many URLs concurrently, at most ``per_host`` at a time per host; failures are returned."""
    gates: dict[str, asyncio.Semaphore] = {}

    async def one(url: str) -> Article | ProvenanceError:
        try:
            host = httpx.URL(url).host
        except httpx.InvalidURL:
            host = ""
        gate = gates.setdefault(host, asyncio.Semaphore(max(1, per_host)))
        result: Article | ProvenanceError
        async with gate:
            try:
                result = await fetch_article_async(url, client, options)
            except ProvenanceError as error:
                result = error
        if on_done is not None:
            on_done(url, result)
        return result

    return list(await asyncio.gather(*(one(url) for url in urls)))
