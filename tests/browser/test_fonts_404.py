"""Every character we publish is drawn, in one Chinese font per text with its own digits; the
404 page is Chinese and styled wherever the site is served: at the server's root and under a
sub-path, for a missing address at the top and deeper down."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser
ENTRY = "catalog/000014349-2018-01705/"
# Characters of real notices that some CJK fonts draw empty or not at all: WenQuanYi Micro
# Hei has ℃ with an advance and no ink (回应关切 read “不低于 18　，”).
GLYPHS = ["℃", "①", "〔", "〕", "○", "〇", "㎡", "—", "·"]
SAMPLE = "鄂前政办发〔2018〕96号：气温不低于18℃，①○〇"
# Pixels a character leaves on a canvas, in the font the page gives an element.
INK = """([selector, chars]) => {
  const el = document.querySelector(selector);
  const style = getComputedStyle(el);
  return chars.map(ch => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 96;
    const g = canvas.getContext('2d');
    g.font = `${style.fontWeight} 48px ${style.fontFamily}`;
    g.textBaseline = 'top';
    g.fillText(ch, 8, 8);
    const data = g.getImageData(0, 0, 96, 96).data;
    let ink = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) ink++;
    const probe = document.createElement('span');
    probe.textContent = ch;
    el.appendChild(probe);
    const width = probe.getBoundingClientRect().width;
    probe.textContent = '';
    const empty = probe.getBoundingClientRect().width;
    probe.remove();
    return {ch, ink, width, empty};
  });
}"""
# Texts in every font role: entry body (宋体), metadata table and header (sans).
PLACES = [".xxgk-body p", ".xxgk-meta td", ".md-header__topic", ".md-tabs__link", ".xxgk-footer"]


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("selector", PLACES)
def test_every_published_character_is_drawn(
    page: Any, sample: dict[str, Any], selector: str
) -> None:
    page.goto(sample["base"] + ENTRY)
    for got in page.evaluate(INK, [selector, GLYPHS]):
        assert got["ink"] > 20, f"{got['ch']} leaves no ink in {selector}"
        assert got["width"] > got["empty"] + 4, f"{got['ch']} has no width in {selector}"


def platform_fonts(page: Any, selector: str, text: str) -> list[str]:
    """The fonts Chromium really used for ``text`` in a new span inside ``selector``."""
    page.evaluate(
        """([s, t]) => { const span = document.createElement('span');
        span.id = 'xxgk-font-probe'; span.textContent = t; document.querySelector(s).appendChild(span); }""",
        [selector, text],
    )
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "#xxgk-font-probe"})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    page.evaluate("document.getElementById('xxgk-font-probe').remove()")
    cdp.detach()
    return [f["familyName"] for f in fonts]


@pytest.mark.parametrize(
    ("selector", "family"),
    [
        (".xxgk-body p", "Noto Serif CJK SC"),  # 宋体 for bodies, its own digits
        (".xxgk-meta td", "Noto Sans CJK SC"),
        (".md-header__topic", "Noto Sans CJK SC"),
    ],
)
def test_a_text_is_set_in_one_chinese_font_digits_included(
    page: Any, sample: dict[str, Any], selector: str, family: str
) -> None:
    page.goto(sample["base"] + ENTRY)
    assert platform_fonts(page, selector, SAMPLE) == [family]


class NotFound(SimpleHTTPRequestHandler):
    """A static server that answers a missing address with the site's 404.html, as GitHub
    Pages and nginx's error_page do."""

    not_found = "404.html"

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            super().send_error(code, message, explain)
            return
        body = (Path(self.directory) / self.not_found).read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


def serve_at(folder: Path, not_found: str) -> ThreadingHTTPServer:
    handler = type("Handler", (NotFound,), {"not_found": not_found})
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="module")
def servers(
    sample: dict[str, Any], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, str]]:
    """The site at a server's root, under /xxgk/ (its published path) and under /other/."""
    site = sample["root"] / "site"
    tree = tmp_path_factory.mktemp("served")
    for prefix in ("xxgk", "other"):
        shutil.copytree(site, tree / prefix)
    started = {
        "/": serve_at(site, "404.html"),
        "/xxgk/": serve_at(tree, "xxgk/404.html"),
        "/other/": serve_at(tree, "other/404.html"),
    }
    try:
        yield {path: f"http://127.0.0.1:{s.server_address[1]}{path}" for path, s in started.items()}
    finally:
        for server in started.values():
            server.shutdown()


STYLED = """() => {
  const h1 = document.querySelector('h1');
  const sheets = [...document.styleSheets].filter(s => s.href && s.href.endsWith('assets/xxgk/xxgk.css'));
  const logo = document.querySelector('.md-header__button.md-logo');
  return sheets.some(s => s.cssRules.length > 0) && getComputedStyle(h1).textAlign === 'center'
    && logo.getBoundingClientRect().height < 80;
}"""


@pytest.mark.parametrize(
    ("top", "missing"),
    [
        ("/", "no-such-page"),
        ("/", "no-such/folder/"),
        ("/", "catalog/000014349-2018-99999/"),
        ("/xxgk/", "no-such-page"),
        ("/xxgk/", "no-such/folder/"),
        ("/xxgk/", "catalog/000014349-2018-99999/"),
        ("/other/", "no-such-page"),  # another path: at the top folder (docs/site.md “404 页面”)
    ],
)
def test_the_404_page_is_chinese_and_styled_wherever_the_site_is(
    page: Any, servers: dict[str, str], top: str, missing: str
) -> None:
    base = servers[top]
    response = page.goto(base + missing)
    assert response is not None and response.status == 404
    page.wait_for_function(STYLED)
    assert page.inner_text("h1") == "页面不存在"
    assert page.title().startswith("页面不存在")
    assert "Not found" not in page.content()
    home = page.locator("article a", has_text="返回首页")
    assert home.evaluate("a => a.href") == base
    assert (
        page.locator("nav.md-tabs a", has_text="信息检索").evaluate("a => a.href")
        == base + "search/"
    )
    home.click()
    page.wait_for_load_state("load")
    assert (
        page.url == base and page.locator("h1").first.inner_text() == "鄂托克前旗人民政府信息公开"
    )


def test_the_404_page_deeper_under_another_path_is_plain_but_readable(
    page: Any, servers: dict[str, str]
) -> None:
    """Neither the published path nor the root: the relative addresses miss one folder down
    and no stylesheet loads (docs/site.md “404 页面”); the page is still Chinese, and the logo
    keeps a small size of its own instead of filling the screen."""
    response = page.goto(servers["/other/"] + "no-such/folder/")
    assert response is not None and response.status == 404
    page.wait_for_load_state("load")
    assert page.inner_text("h1") == "页面不存在"
    logo = page.locator(".md-header__button.md-logo svg").bounding_box()
    assert logo is not None and logo["height"] <= 48
