"""Fetching from a real HTTP server on 127.0.0.1, through the library and the command line.

The server is bound to the loopback interface, answers within bounded time and
is shut down after each test; the slow and endless routes stop by themselves.
"""

from __future__ import annotations

import asyncio
import gzip
import io
import json
import re
import shutil
import ssl
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from provenance.api import batch_file_name, load_article
from provenance.cli import _progress, app
from provenance.errors import FetchTimeoutError, UnsafeURLError
from provenance.extract import analyze
from provenance.ingest import read_article
from provenance.ingest.fetch import (
    FetchLimits,
    FetchOptions,
    fetch_page,
    fetch_page_async,
    make_async_client,
    make_client,
)
from provenance.ingest.safety import CheckedTransport
from provenance.models import FetchOutcome

HTML_DIR = Path(__file__).parent / "data" / "html"
SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_8dac13ad40c6afd4.txt"
ROUTE_SECONDS = 5.0
BOMB = gzip.compress(b"\0" * (64 * 1024 * 1024), compresslevel=9)


class ArticleServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.paths: list[str] = []
        self.hosts: list[str | None] = []
        self.stopping = threading.Event()

    def handle_error(self, request: object, client_address: object) -> None:
        """Stay quiet when a client hangs up mid-body (the point of the size tests)."""

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"


class Handler(BaseHTTPRequestHandler):
    server: ArticleServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        return

    def do_GET(self) -> None:
        self.server.paths.append(self.path)
        self.server.hosts.append(self.headers.get("Host"))
        route = getattr(self, "route_" + re.sub(r"[^a-z]", "_", self.path.strip("/")), None)
        if route is None:
            self.send(404, b"<h1>Not found</h1>", "text/html")
        else:
            route()

    def send(self, status: int, body: bytes, content_type: str, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def stream(self, chunks: Iterator[bytes], delay: float = 0.0) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        stop_at = time.monotonic() + ROUTE_SECONDS
        try:
            for chunk in chunks:
                if self.server.stopping.is_set() or time.monotonic() > stop_at:
                    break
                self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                self.wfile.flush()
                time.sleep(delay)
        except OSError:
            return
        self.close_connection = True

    def route_article(self) -> None:
        self.send(200, (HTML_DIR / "european_pravda_troops.html").read_bytes(), "text/html; charset=utf-8")

    def route_wrong_charset(self) -> None:
        self.send(200, (HTML_DIR / "valley_post_mill.html").read_bytes(), "text/html; charset=utf-8")

    def route_seed_txt(self) -> None:
        self.send(200, SEED.read_bytes(), "text/plain; charset=utf-8")

    def route_redirect_private(self) -> None:
        self.send(302, b"", "text/html", Location="http://169.254.169.254/latest/meta-data/")

    def route_redirect_article(self) -> None:
        self.send(301, b"", "text/html", Location="/article")

    def route_pdf(self) -> None:
        self.send(200, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "application/pdf")

    def route_bomb(self) -> None:
        self.send(200, BOMB, "text/html", Content_Encoding="gzip")

    def route_endless(self) -> None:
        self.stream(iter(lambda: b"<p>" + b"la " * 8000 + b"</p>", None))

    def route_drip(self) -> None:
        self.stream(iter(lambda: b"<p>drip</p>", None), delay=0.1)

    def route_stall(self) -> None:
        self.stream(iter([b"<html>", b"<body>"]), delay=ROUTE_SECONDS)


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[ArticleServer]:
    for proxy in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(proxy, raising=False)
    running = ArticleServer()
    thread = threading.Thread(target=running.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield running
    running.stopping.set()
    running.shutdown()
    running.server_close()
    thread.join(timeout=ROUTE_SECONDS)


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("PROVENANCE_CACHE_DIR", str(folder))
    return folder


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def claims(path_or_article: object) -> list[tuple[str, str]]:
    article = read_article(path_or_article) if isinstance(path_or_article, str | Path) else path_or_article
    return [(claim.text, claim.chain.render()) for claim in analyze(article).claims]  # type: ignore[arg-type]


def test_loopback_is_refused_by_default_and_nothing_is_requested(
    server: ArticleServer, tmp_path: Path, cache_dir: Path
) -> None:
    output = tmp_path / "out.md"
    status, stdout, stderr = run("fetch", server.url("/article"), "--output", str(output))
    assert (status, stdout) == (3, "")
    assert stderr.startswith(
        f"error[PRV-E201]: {server.url('/article')}: refused: the host resolves to 127.0.0.1"
    )
    assert server.paths == []
    assert not output.exists()


def test_fetch_saves_markdown_that_analyses_like_the_source(
    server: ArticleServer, tmp_path: Path, cache_dir: Path
) -> None:
    output = tmp_path / "saved" / "troops.md"
    output.parent.mkdir()
    status, _, stderr = run(
        "--allow-private", "fetch", server.url("/redirect-article"), "--output", str(output)
    )
    assert (status, stderr) == (0, "")
    saved = read_article(output)
    assert (saved.outlet, saved.date.isoformat() if saved.date else None) == ("European Pravda", "2024-12-12")
    assert saved.url == "https://www.eurointegration.example/eng/news/2024/12/12/7201234/"
    assert claims(output) == claims(SEED)
    assert sorted(p.name for p in output.parent.iterdir()) == ["troops.md"]


def test_analyze_accepts_a_url(server: ArticleServer, cache_dir: Path) -> None:
    status, stdout, _ = run("--allow-private", "analyze", server.url("/article"), "--format", "json")
    assert status == 0
    result = json.loads(stdout)
    assert result["article"]["outlet"] == "European Pravda"
    assert result["article"]["path"] == server.url("/article")
    assert [claim["text"] for claim in result["claims"]] == [text for text, _ in claims(SEED)]


@pytest.mark.parametrize(
    ("path", "line"),
    [
        (
            "/redirect-private",
            "error[PRV-E201]: {url}: redirected to http://169.254.169.254/latest/meta-data/: refused: "
            "the host resolves to 169.254.169.254, a cloud metadata address",
        ),
        ("/missing", "error[PRV-E205]: {url}: the server answered HTTP 404 Not Found"),
        (
            "/pdf",
            "error[PRV-E204]: {url}: the page is a PDF document (application/pdf); only HTML pages and plain "
            "text are read: save it and convert it to text",
        ),
        (
            "/bomb",
            "error[PRV-E203]: {url}: the page is larger than the 5,242,880-byte limit after decompression",
        ),
        ("/endless", "error[PRV-E203]: {url}: the page is larger than the 5,242,880-byte limit"),
    ],
)
def test_failures_exit_3_with_one_line_and_leave_no_file(
    server: ArticleServer, tmp_path: Path, cache_dir: Path, path: str, line: str
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    status, stdout, stderr = run(
        "--allow-private", "fetch", server.url(path), "--output", str(folder / "a.md")
    )
    assert status == 3
    assert stderr == line.format(url=server.url(path)) + "\n"
    assert stdout == ""
    assert list(folder.iterdir()) == []


def test_dns_rebinding_is_caught_at_the_connected_peer(server: ArticleServer) -> None:
    lying = FetchOptions(cache_dir=None, resolver=lambda host, port: ["93.184.216.34"])
    url = server.url("/article").replace("127.0.0.1", "localhost")
    with (
        httpx.Client() as client,
        pytest.raises(UnsafeURLError, match=r"resolves to 127\.0\.0\.1, a loopback"),
    ):
        fetch_page(url, client, lying)


class Rebinding:
    """A resolver whose answer changes after the first look-up, as a rebinding DNS server with TTL 0 does."""

    def __init__(self, first: str, then: str) -> None:
        self.answers = [first]
        self.then = then

    def __call__(self, host: str, port: int) -> list[str]:
        return [self.answers.pop()] if self.answers else [self.then]


def test_dns_rebinding_is_refused_before_anything_is_sent(server: ArticleServer) -> None:
    rebinding = FetchOptions(cache_dir=None, resolver=Rebinding("93.184.216.34", "127.0.0.1"))
    url = server.url("/article").replace("127.0.0.1", "localhost")
    with (
        make_client(rebinding) as client,
        pytest.raises(UnsafeURLError, match=r"resolves to 127\.0\.0\.1, a loopback") as refused,
    ):
        fetch_page(url, client, rebinding)
    assert refused.value.where == url
    assert server.paths == [], "the server received the request before the refusal"


def test_dns_rebinding_is_refused_before_anything_is_sent_by_a_batch(server: ArticleServer) -> None:
    rebinding = FetchOptions(cache_dir=None, resolver=Rebinding("93.184.216.34", "127.0.0.1"))
    url = server.url("/article").replace("127.0.0.1", "localhost")

    async def fetch() -> None:
        async with make_async_client(rebinding) as client:
            await fetch_page_async(url, client, rebinding)

    with pytest.raises(UnsafeURLError, match=r"resolves to 127\.0\.0\.1, a loopback"):
        asyncio.run(fetch())
    assert server.paths == []


def test_the_connection_goes_to_the_address_that_was_checked(server: ArticleServer) -> None:
    port = server.server_address[1]
    allowed = FetchOptions(cache_dir=None, allow_private=True, resolver=lambda host, port: ["127.0.0.1"])
    with make_client(allowed) as client:
        page = fetch_page(f"http://newsroom.internal:{port}/article", client, allowed)
    assert page.final_url == f"http://newsroom.internal:{port}/article"
    assert server.hosts == [f"newsroom.internal:{port}"], "the Host header names the host, not the address"


@pytest.fixture
def tls_server(server: ArticleServer, tmp_path: Path) -> tuple[ArticleServer, ssl.SSLContext]:
    """Serve the same routes over TLS with a certificate for ``localhost`` made for the test."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
         "-addext", "subjectAltName=DNS:localhost", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    serving = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    serving.load_cert_chain(cert, key)
    server.socket = serving.wrap_socket(server.socket, server_side=True)
    trusting = ssl.create_default_context(cafile=str(cert))
    return server, trusting


def test_https_to_a_checked_address_keeps_the_host_name_for_sni_and_the_certificate(
    tls_server: tuple[ArticleServer, ssl.SSLContext],
) -> None:
    server, trusting = tls_server
    port = server.server_address[1]
    options = FetchOptions(cache_dir=None, allow_private=True, resolver=lambda host, port: ["127.0.0.1"])
    with httpx.Client(transport=CheckedTransport(options.policy, verify=trusting)) as client:
        page = fetch_page(f"https://localhost:{port}/article", client, options)
    assert "European Pravda" in page.text
    assert server.hosts == [f"localhost:{port}"]


@pytest.mark.parametrize("path", ["/drip", "/stall"])
def test_slow_servers_exit_3_at_the_time_limit(
    server: ArticleServer, tmp_path: Path, cache_dir: Path, path: str
) -> None:
    output = tmp_path / "slow.md"
    started = time.monotonic()
    status, stdout, stderr = run(
        "--allow-private", "--timeout", "1", "fetch", server.url(path), "-o", str(output)
    )
    assert (status, stdout) == (3, "")
    assert (
        stderr == f"error[PRV-E202]: {server.url(path)}: no complete answer within the 1 s total time limit\n"
    )
    assert time.monotonic() - started < 3.0
    assert [entry for entry in tmp_path.iterdir() if entry != cache_dir] == []


def test_slow_drip_hits_the_total_time_limit(server: ArticleServer) -> None:
    limits = FetchLimits(total_timeout=1.0, read_timeout=2.0)
    started = time.monotonic()
    with httpx.Client() as client, pytest.raises(FetchTimeoutError) as caught:
        fetch_page(
            server.url("/drip"), client, FetchOptions(allow_private=True, cache_dir=None, limits=limits)
        )
    assert caught.value.problem == "no complete answer within the 1 s total time limit"
    assert time.monotonic() - started < 3.0


def test_stalled_server_hits_the_read_time_limit(server: ArticleServer) -> None:
    limits = FetchLimits(read_timeout=0.3)
    with httpx.Client() as client, pytest.raises(FetchTimeoutError) as caught:
        fetch_page(
            server.url("/stall"), client, FetchOptions(allow_private=True, cache_dir=None, limits=limits)
        )
    assert caught.value.problem == "the server sent nothing for 0.3 s (read time limit)"
    assert caught.value.code == "PRV-E202"


def test_batch_keeps_going_and_lists_failures(server: ArticleServer, tmp_path: Path, cache_dir: Path) -> None:
    good = [server.url(p) for p in ("/article", "/wrong-charset", "/seed.txt")]
    bad = [server.url("/missing"), server.url("/pdf")]
    url_list = tmp_path / "urls.txt"
    url_list.write_text(
        "# articles to check\n" + "\n".join([good[0], bad[0], good[1], "", bad[1], good[2]]) + "\n"
    )
    folder = tmp_path / "articles"
    status, stdout, stderr = run(
        "--allow-private", "fetch", "--from", str(url_list), "--output-dir", str(folder)
    )
    assert status == 3
    assert stdout == f"fetched 3 of 5 articles into {folder}\n"
    assert stderr.splitlines() == [
        f"failed: error[PRV-E205]: {bad[0]}: the server answered HTTP 404 Not Found",
        f"failed: error[PRV-E204]: {bad[1]}: the page is a PDF document (application/pdf); only HTML pages "
        "and plain text are read: save it and convert it to text",
    ]
    assert sorted(p.name for p in folder.iterdir()) == sorted(batch_file_name(url) for url in good)
    mill = read_article(folder / batch_file_name(good[1]))
    assert "Anaïs Duclos" in mill.text
    assert claims(folder / batch_file_name(good[2])) == claims(SEED)


def test_fetch_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run("fetch")[0] == 2
    assert run("fetch", "https://a.example/1", "https://a.example/2")[0] == 2
    out = str(tmp_path / "x.md")
    assert run("fetch", "https://a.example/1", "--output-dir", str(tmp_path), "--output", out)[0] == 2


def test_allow_private_does_not_outlive_its_command(server: ArticleServer, cache_dir: Path) -> None:
    assert run("--allow-private", "analyze", server.url("/article"))[0] == 0
    with pytest.raises(UnsafeURLError, match="a loopback address"):
        load_article(server.url("/article"))
    assert run("analyze", server.url("/article"))[0] == 3
    assert server.paths == ["/article"]


def test_progress_bar_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    with _progress(2) as advance:
        advance(FetchOutcome(url="https://news.example/a"))
        advance(FetchOutcome(url="https://news.example/b"))
    assert "fetching" in terminal.getvalue()

    piped = io.StringIO()
    monkeypatch.setattr(sys, "stderr", piped)
    with _progress(2) as advance:
        advance(FetchOutcome(url="https://news.example/a"))
    assert piped.getvalue() == ""


def test_score_accepts_a_url(server: ArticleServer, cache_dir: Path) -> None:
    status, stdout, _ = run("score", server.url("/article"), "--format", "json", "--allow-private")
    assert status == 0
    [report] = json.loads(stdout)
    assert report["analysis"]["article"]["outlet"] == "European Pravda"
    assert report["analysis"]["publisher_chain"]["hops"][0]["nodes"][0]["name"] == "European Pravda"
