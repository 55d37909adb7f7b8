"""Pagefind (https://pagefind.app) on the same generated site, for the comparison in README.

Pagefind is installed with npm into a temporary folder (never into the repository) and run
on a copy-free view of the built site: the same pages our index covers (entries and the
pages of the columns), only their content (``article``; the header, navigation, footer and
the labels of the metadata table left out). Its search runs in the same headless Chromium,
in a fresh context per query, through its own JavaScript API on a bare page that loads
nothing else; the time is from that page being ready to the results and the first ten
results' data (what a results list shows) being loaded.
"""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlparse

from xxgk.bench.search_probe import COLUMN_DIRS, chromium, gzip_size, serve

VERSION = "1.6.0"
PROBE_PAGE = "pagefind-probe.html"
GLOB = "{catalog/0*/index.html," + ",".join(f"{d}/**/*.html" for d in COLUMN_DIRS) + "}"
# The bare page runs the query from its address as soon as Pagefind has loaded, as our
# search page does: both are timed from DOMContentLoaded to the results with their excerpts.
_PROBE = """<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>pagefind</title>
<script type="module">
const pf = await import("./pagefind/pagefind.js");
const q = new URLSearchParams(location.search).get("q");
const s = await pf.search(q);
const shown = await Promise.all(s.results.slice(0, 10).map(r => r.data()));
const t0 = performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd;
window.found = {ms: performance.now() - t0, total: s.results.length, ids: s.results.map(r => r.id),
                excerpts: shown.map(d => d.excerpt)};
document.documentElement.dataset.done = "1";
</script></head><body></body></html>"""


def install(folder: Path) -> Path:
    """``npm install pagefind`` into ``folder``; returns the executable."""
    subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--silent", f"pagefind@{VERSION}"],
        cwd=folder,
        check=True,
        capture_output=True,
        timeout=600,
    )
    return folder / "node_modules" / ".bin" / "pagefind"


RESERVE = 2 << 30  # bytes of memory left to the machine's other processes


def _available() -> int:
    with open("/proc/meminfo") as fh:
        return next(int(line.split()[1]) * 1024 for line in fh if line.startswith("MemAvailable:"))


def _watch(pid: int, done: threading.Event, stopped: list[int]) -> None:
    """Pagefind holds every page's words in memory (18 GB at 20,000 entries here): on a
    shared machine it is stopped before it pushes other processes out of memory. (The main
    thread reaps the process; this one only reads /proc and signals.)"""
    while not done.wait(0.2):
        if _available() < RESERVE and not done.is_set():
            stopped.append(_available())
            os.kill(pid, signal.SIGKILL)
            return


def build(site: Path, exe: Path) -> dict[str, Any]:
    """Run pagefind on ``site``: wall time, peak memory, size of its bundle."""
    args = [
        str(exe),
        "--site",
        str(site),
        "--glob",
        GLOB,
        "--root-selector",
        "article.md-content__inner",
        "--exclude-selectors",
        "th, caption, .xxgk-back, .xxgk-notice",
        "--quiet",
    ]
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    stopped: list[int] = []
    done = threading.Event()
    watcher = threading.Thread(target=_watch, args=(proc.pid, done, stopped), daemon=True)
    watcher.start()
    out = proc.stdout.read().decode("utf-8", "replace") if proc.stdout else ""
    _, status, usage = os.wait4(proc.pid, 0)
    done.set()
    watcher.join()
    if stopped or status != 0:
        why = "本机内存将要用尽，已中止" if stopped else f"退出状态 {status}"
        raise PagefindFailed(
            f"Pagefind 建索引失败（{why}；峰值 {usage.ru_maxrss / 2**20:.1f} GB，"
            f"用时 {time.perf_counter() - start:.0f} 秒）：{out[-300:]}"
        )
    bundle = site / "pagefind"
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file())
    return {
        "seconds": time.perf_counter() - start,
        "peak_mb": usage.ru_maxrss / 1024,
        "bundle_mb": size / 1e6,
    }


def fragment_urls(site: Path) -> dict[str, str]:
    """Pagefind's result id (its fragment's name) -> page URL as our rows write it."""
    out = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd")
        out[path.stem] = json.loads(data)["url"].lstrip("/")
    return out


def probe(
    site: Path, queries: tuple[str, ...], recall: tuple[str, ...] = ()
) -> list[dict[str, Any]]:

    (site / PROBE_PAGE).write_text(_PROBE, "utf-8")
    urls = fragment_urls(site)
    server = serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    out = []
    try:
        with chromium() as browser:
            for query in dict.fromkeys(queries + recall):
                found = _one(browser, base, site, query)
                ids = found.pop("ids")
                found["urls"] = [urls.get(i, i) for i in ids] if query in recall else None
                out.append(found)
    finally:
        server.shutdown()
        (site / PROBE_PAGE).unlink(missing_ok=True)
    return out


def _one(browser: Any, base: str, site: Path, query: str) -> dict[str, Any]:
    context = browser.new_context()
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(urlparse(r.url).path))
    page.goto(base + PROBE_PAGE + "?q=" + quote(query))
    page.wait_for_selector("html[data-done]", timeout=120_000)
    found = page.evaluate("window.found")
    data = [p for p in dict.fromkeys(fetched) if "/pagefind/" in p]
    sizes = sum(gzip_size(site / p.lstrip("/")) for p in data)
    context.close()
    marks = sum(e.count("<mark>") > 0 for e in found.pop("excerpts"))
    return {
        "query": query,
        **found,
        "files": len(data),
        "gzip_kb": sizes / 1024,
        "snippet_marks": marks,
    }


class PagefindFailed(RuntimeError):
    pass


def measure(site: Path, queries: tuple[str, ...], recall: tuple[str, ...]) -> dict[str, Any]:
    """Pagefind's build and searches; when its build fails, why (and no searches)."""
    with tempfile.TemporaryDirectory(prefix="xxgk-pagefind-") as tmp:
        exe = install(Path(tmp))
        try:
            result = build(site, exe)
        except PagefindFailed as exc:
            return {"version": VERSION, "error": str(exc), "search": []}
    result["version"] = VERSION
    result["search"] = probe(site, queries, recall)
    return result
