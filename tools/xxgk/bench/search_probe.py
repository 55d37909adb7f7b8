"""Search a built site in headless Chromium: what the first query costs, and what it finds.

Each query runs in a fresh browser context (cold cache): search/?q=… is opened, as the
search box in every page's header does; the time from the page being ready to the results
shown (with their snippets) and every file fetched from search/idx/ are recorded. Sizes are
gzip-compressed (level 6), as a web server with compression sends them.

Recall is measured against a brute-force scan of the published text: the metadata values
and body of every entry page and the content of every page of the columns, read back from
the HTML in site/, normalised as the search normalises (NFKC, lower case), and searched for
each whitespace-separated part of the query as a plain substring.
"""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlparse

from xxgk.search.index import text_path
from xxgk.search.text import html_text
from xxgk.search.tokenize import normalize, tokens
from xxgk.site.inventory import NOTICE

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
COLUMN_DIRS = ("guide", "policies", "reports", "evaluation", "responses")
_META = re.compile(r'<table class="xxgk-meta">(.*?)</table>', re.DOTALL)
_TD = re.compile(r"<td[^>]*>(.*?)</td>", re.DOTALL)
_BODY = re.compile(
    r'<div class="xxgk-body">(.*)</div>\s*(?:<section|<p class="xxgk-back")', re.DOTALL
)
_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.DOTALL)


# A static server in a process of its own (as a real one is: not sharing this process's
# interpreter with the browser driver), with keep-alive as any production server has.
_SERVER = """
import functools, sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
class Handler(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *args):
        pass
server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=sys.argv[1]))
print(server.server_address[1], flush=True)
server.serve_forever()
"""


class StaticServer:
    """``site`` served on a free port of 127.0.0.1 until ``shutdown``."""

    def __init__(self, site: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", _SERVER, str(site)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert self.proc.stdout is not None
        port = self.proc.stdout.readline().strip()  # printed once it listens
        if not port.isdigit():
            self.shutdown()
            raise RuntimeError("静态网站服务没有启动")
        self.server_address = ("127.0.0.1", int(port))

    def shutdown(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)


@contextmanager
def chromium() -> Iterator[Any]:
    """Debian's headless Chromium driven by Playwright (no browser download), closed after use;
    without it, a clear error (never a skipped measurement or test)."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise RuntimeError(
            f"没有 {CHROMIUM}（Debian 的 chromium）：先运行 make browser（make test 会自动安装）"
        )

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


def serve(site: Path) -> StaticServer:
    return StaticServer(site)


def gzip_size(path: Path) -> int:
    """Bytes on the wire with gzip; a file that is compressed already is sent as it is."""
    raw = path.read_bytes()
    return min(len(raw), len(gzip.compress(raw, compresslevel=6)))


def probe(
    site: Path, queries: tuple[str, ...], recall: tuple[str, ...] = ()
) -> list[dict[str, Any]]:
    """One cold first query per query; for the ``recall`` queries, every result's URL too."""
    from playwright.sync_api import sync_playwright

    server = serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    urls = row_urls(site)
    out = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for query in dict.fromkeys(queries + recall):
                found = _one(browser, base, site, query)
                found["urls"] = [urls[i] for i in found.pop("ids")] if query in recall else None
                out.append(found)
            browser.close()
    finally:
        server.shutdown()
    return out


def _one(browser: Any, base: str, site: Path, query: str) -> dict[str, Any]:
    """``ms``: from the page being ready (DOMContentLoaded) to the results shown;
    ``typed_ms``: the same query typed again on that page (its files are then cached)."""
    context = browser.new_context()
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(urlparse(r.url).path))
    page.goto(base + "search/?q=" + quote(query))
    page.wait_for_selector("html[data-xxgk-searched]", timeout=60_000)
    ms = page.evaluate(
        "window.xxgkLastSearch.doneAt - "
        "performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"
    )
    total, ids = page.evaluate("[window.xxgkLastSearch.total, window.xxgkLastSearch.ids]")
    marks = page.locator("#xxgk-results li p mark").count()
    data = [p for p in fetched if "/search/idx/" in p]
    sizes = sum(gzip_size(site / p.lstrip("/")) for p in dict.fromkeys(data))
    page.fill("#xxgk-q", query + " ")
    page.press("#xxgk-q", "Enter")
    page.wait_for_function("document.documentElement.dataset.xxgkSearched !== '1'")
    typed = page.evaluate("window.xxgkLastSearch.ms")
    context.close()
    return {
        "query": query,
        "ms": ms,
        "typed_ms": typed,
        "total": total,
        "ids": ids,
        "files": len(set(data)),
        "gzip_kb": sizes / 1024,
        "snippet_marks": marks,
    }


def row_urls(site: Path) -> list[str]:
    """Document id -> URL, from the rows in the first block of each document."""
    folder = site / "search" / "idx"
    documents = json.loads((folder / "manifest.json").read_text("utf-8"))["n"]
    return [
        json.loads((folder / text_path(i, 0)).read_text("utf-8"))[0][0] for i in range(documents)
    ]


def published_texts(site: Path) -> Iterator[tuple[str, str]]:
    """(URL, normalised published text) of every entry and every published page of the
    columns."""
    for page in (site / "catalog").glob("*/index.html"):
        if page.parent.name != "list":
            yield f"catalog/{page.parent.name}/", normalize(_entry_text(page.read_text("utf-8")))
    for column in COLUMN_DIRS:
        for page in (site / column).rglob("index.html"):
            m = _ARTICLE.search(page.read_text("utf-8"))
            text = html_text(m.group(1)) if m else ""
            if NOTICE not in text:  # a page whose review failed is not published text
                yield page.parent.relative_to(site).as_posix() + "/", normalize(text)


def _entry_text(html: str) -> str:
    meta = _META.search(html)
    values = [html_text(td) for td in _TD.findall(meta.group(1))] if meta else []
    body = _BODY.search(html)
    return "\n".join([*values, html_text(body.group(1)) if body else ""])


def scan_site(site: Path, queries: tuple[str, ...]) -> dict[str, set[str]]:
    """Query -> URLs whose text holds every whitespace-separated part of the query."""
    parts = {q: [p for p in normalize(q).split() if tokens(p)] for q in queries}
    found: dict[str, set[str]] = {q: set() for q in queries}
    for url, text in published_texts(site):
        for q, words in parts.items():
            if all(w in text for w in words):
                found[q].add(url)
    return found


def recall(found: list[str] | None, expected: set[str]) -> dict[str, Any]:
    got = set(found or [])
    missed = sorted(expected - got)
    return {
        "scan": len(expected),
        "found": len(got & expected),
        "recall": (len(got & expected) / len(expected)) if expected else 1.0,
        "missed": missed[:5],
    }
