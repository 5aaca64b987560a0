"""Measure HTML reading and batch fetching as ratios within one run.

    python bench/fetch_speed.py

1. Reading an HTML page (trafilatura + metadata) against reading the same article
   as text, per article in ``tests/data/html/``.
2. A batch of URLs from a local server that takes 50 ms per page, fetched with
   one request per host at a time against four: the speed-up the per-host
   concurrency buys, and the cost of a compression bomb refused at the limit.
"""

from __future__ import annotations

import gzip
import tempfile
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx

from provenance.api import fetch_batch
from provenance.errors import FetchTooLargeError
from provenance.ingest import read_article
from provenance.ingest.fetch import FetchOptions, fetch_page
from provenance.ingest.html import parse_html

ROOT = Path(__file__).resolve().parent.parent
HTML = ROOT / "tests" / "data" / "html"
PAGES = [
    ("european_pravda_troops.html", ROOT / "seeds" / "000_8dac13ad40c6afd4.txt", "utf-8"),
    ("harbour_gazette_port.html", HTML / "harbour_gazette_port.md", "utf-8"),
    ("valley_post_mill.html", HTML / "valley_post_mill.md", "cp1252"),
]
ARTICLE = (HTML / "european_pravda_troops.html").read_bytes()
BOMB = gzip.compress(b"\0" * (256 * 1024 * 1024), compresslevel=9)


def per_call(action: Callable[[], object], repeat: int) -> float:
    started = time.perf_counter()
    for _ in range(repeat):
        action()
    return (time.perf_counter() - started) / repeat


class Slow(BaseHTTPRequestHandler):
    """Serve the seed page after 50 ms, or a gzip bomb at ``/bomb``."""

    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        """Keep the benchmark output clean."""

    def do_GET(self) -> None:
        """Answer one request."""
        body = BOMB if self.path == "/bomb" else ARTICLE
        if self.path != "/bomb":
            time.sleep(0.05)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        if self.path == "/bomb":
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        try:
            self.wfile.write(body)
        except OSError:
            return


def main() -> None:
    print("reading HTML against reading the same article as text")
    for name, source, encoding in PAGES:
        html = (HTML / name).read_text(encoding=encoding)
        html_time = per_call(lambda html=html: parse_html(html), 20)  # type: ignore[misc]
        text_time = per_call(lambda source=source: read_article(source), 20)  # type: ignore[misc]
        print(
            f"  {name:32} {html_time * 1000:6.1f} ms  text {text_time * 1000:5.2f} ms  "
            f"ratio {html_time / text_time:5.0f}x"
        )

    server = ThreadingHTTPServer(("127.0.0.1", 0), Slow)
    server.daemon_threads = True
    server.handle_error = lambda request, address: None  # type: ignore[method-assign]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    options = FetchOptions(allow_private=True, cache_dir=None)
    urls = [f"{base}/article/{n}" for n in range(24)]
    timings = {}
    with tempfile.TemporaryDirectory() as folder:
        for per_host in (1, 4):
            started = time.perf_counter()
            report = fetch_batch(urls, Path(folder) / str(per_host), options=options, per_host=per_host)
            timings[per_host] = time.perf_counter() - started
            assert not report.failures, report.failures
    print(f"batch of {len(urls)} pages at 50 ms each from one host")
    speedup = timings[1] / timings[4]
    print(f"  1 per host {timings[1]:.2f} s, 4 per host {timings[4]:.2f} s: {speedup:.1f}x faster")

    with httpx.Client() as client:
        started = time.perf_counter()
        try:
            fetch_page(f"{base}/bomb", client, options)
        except FetchTooLargeError as error:
            refused = time.perf_counter() - started
            print(f"gzip bomb ({len(BOMB):,} bytes → 256 MiB) refused in {refused * 1000:.0f} ms")
            print(f"  {error.problem}")
    server.shutdown()


if __name__ == "__main__":
    main()
