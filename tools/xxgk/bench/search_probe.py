"""Search a built site in headless Chromium and measure what the first query costs.

Each query runs in a fresh browser context (cold cache): search/?q=… is opened, as the
search box in every page's header does; the time from the page being ready to the results
shown and every file fetched from search/idx/ are recorded. Sizes are gzip-compressed (level 6), as
a web server with compression sends them.
"""

from __future__ import annotations

import functools
import gzip
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlparse

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def serve(site: Path) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def probe(site: Path, queries: tuple[str, ...]) -> list[dict[str, Any]]:
    from playwright.sync_api import sync_playwright

    server = serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    out = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for query in queries:
                out.append(_one(browser, base, site, query))
            browser.close()
    finally:
        server.shutdown()
    return out


def _one(browser: Any, base: str, site: Path, query: str) -> dict[str, Any]:
    """Open search/?q=… in a fresh context (cold cache), as the header's search box does.

    ``ms``: from the page being ready (DOMContentLoaded) to the results shown; ``typed_ms``:
    the same query typed again on that page (its shards are then cached)."""
    context = browser.new_context()
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(urlparse(r.url).path))
    page.goto(base + "search/?q=" + quote(query))
    page.wait_for_selector("html[data-xxgk-searched]")
    ms = page.evaluate("window.xxgkLastSearch.doneAt - "
                       "performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd")
    total = page.evaluate("window.xxgkLastSearch.total")
    data = [p for p in fetched if "/search/idx/" in p]
    sizes = sum(gzip_size(site / p.lstrip("/")) for p in dict.fromkeys(data))
    page.fill("#xxgk-q", query + " ")
    page.press("#xxgk-q", "Enter")
    page.wait_for_function("document.documentElement.dataset.xxgkSearched !== '1'")
    typed = page.evaluate("window.xxgkLastSearch.ms")
    context.close()
    return {"query": query, "ms": ms, "typed_ms": typed, "total": total,
            "files": len(set(data)), "gzip_kb": sizes / 1024}
