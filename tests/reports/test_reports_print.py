"""The shipped 2025 report on the built site: downloads work and every table fits a printed A4 page."""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from reports_helpers import REPO

from xxgk.bench.search_probe import chromium

A4_CONTENT_PX = 720  # 210 mm less the printer's margins, at 96 dpi


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "-q",
            "-f",
            str(REPO / "mkdocs.yml"),
            "-d",
            str(out),
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return out


def test_csv_downloads_are_published_beside_the_report(built_site: Path) -> None:
    html = (built_site / "reports/2025-annual-report/index.html").read_text(encoding="utf-8")
    for name in ("table-2.csv", "table-3.csv", "table-4.csv"):
        assert f'href="../2025/{name}"' in html
        assert (built_site / "reports/2025" / name).read_bytes().startswith(b"\xef\xbb\xbf")


@pytest.mark.browser
def test_every_table_fits_an_a4_page_when_printed(built_site: Path) -> None:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with chromium() as browser:
            page = browser.new_page(viewport={"width": A4_CONTENT_PX, "height": 1000})
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/reports/2025-annual-report/")
            page.emulate_media(media="print")
            sizes = page.evaluate("""() => [...document.querySelectorAll('.xxgk-annual table')].map(t =>
                [t.scrollWidth, t.closest('article').clientWidth,
                 t.tHead ? getComputedStyle(t.tHead).display : 'table-header-group'])""")
            pdf = page.pdf(format="A4")
    finally:
        server.shutdown()
    assert len(sizes) == 3
    for width, room, head in sizes:
        assert width <= room, sizes  # no column cut off on paper
        assert head == "table-header-group"  # header rows repeat on every printed page
    assert pdf.startswith(b"%PDF")
