"""The Content-Security-Policy of every page: scripts and styles from the site itself only,
no inline script (Material's are files: assets/xxgk/md-inline.js), nothing from another
host. Checked on the built files and in Chromium, where an injected inline script must not
run and the real pages must raise no violation at all."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any
from urllib.parse import quote, urlparse

import pytest

pytestmark = pytest.mark.browser
SEED = "鄂托克前旗人民政府办公室关于印发政府信息公开有关制度的通知"
SEED_URL = "catalog/000014349-2018-01705/"
# Registered before any page script runs (through the DevTools protocol, which the page's
# policy does not govern), so every violation of the page is seen.
WATCH = """window.__csp = [];
document.addEventListener("securitypolicyviolation", e => window.__csp.push(
  {directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample}));"""
# Pages of every kind: MkDocs' own, the plugin's generated and shell-filled ones, the voice pages.
PAGES = [
    "",
    "guide/",
    "policies/4-secrecy-review/",
    "catalog/",
    SEED_URL,
    "catalog/list/all/",
    "catalog/list/category-02-asc/",
    "reports/",
    "evaluation/",
    "responses/",
]
FRAMES = "new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
# The annual report has a test of its own below: its page carried its table styles in an
# inline <style> block, which the policy refuses; the same rules are in xxgk.css.


class Head(HTMLParser):
    """The CSP meta element, what precedes it in <head>, and every executable inline script
    and event-handler attribute of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.csp: str | None = None
        self.before: list[str] = []
        self.in_head = False
        self.inline: list[str] = []
        self.handlers: list[str] = []
        self._script: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "head":
            self.in_head = True
        elif self.in_head and self.csp is None:
            if tag == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy":
                self.csp = a.get("content") or ""
            else:
                self.before.append(tag)
        self.handlers += [f"{tag} {k}" for k in a if k.startswith("on")]
        if tag == "script":
            self._script = a

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.in_head = False
        if tag == "script":
            self._script = None

    def handle_data(self, data: str) -> None:
        s = self._script
        executable = s is not None and "src" not in s and s.get("type") != "application/json"
        if executable and data.strip():
            self.inline.append(data.strip()[:80])


def directives(policy: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            out[words[0]] = words[1:]
    return out


def test_every_built_page_carries_the_policy_first_in_its_head(sample: dict[str, Any]) -> None:
    site = sample["root"] / "site"
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 100
    assert site / "404.html" in pages and site / SEED_URL / "index.html" in pages
    for path in pages:
        head = Head()
        head.feed(path.read_text("utf-8"))
        rel = path.relative_to(site).as_posix()
        assert head.csp is not None, f"{rel}: no Content-Security-Policy meta"
        assert head.before == [], f"{rel}: {head.before} come before the policy"
        d = directives(head.csp)
        assert d["default-src"] == ["'self'"] and d["script-src"] == ["'self'"], rel
        assert d["style-src"] == ["'self'"] and d["img-src"] == ["'self'", "data:"], rel
        assert d["object-src"] == ["'none'"] and d["base-uri"] == ["'none'"], rel
        assert d["form-action"] == ["'self'"], rel
        assert head.inline == [], f"{rel}: inline scripts {head.inline}"
        assert head.handlers == [], f"{rel}: event-handler attributes {head.handlers}"


@pytest.fixture
def context(browser: Any, sample: dict[str, Any]) -> Iterator[Any]:
    """A fresh context watching policy violations. Fails the test if a request to another
    host than the local server was not stopped by the policy; ``context.foreign`` lists every
    one the page attempted (a real page attempts none)."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    ctx.add_init_script(WATCH)
    origin = urlparse(sample["base"]).netloc
    ctx.foreign = []
    stopped: list[str] = []
    ctx.on(
        "request", lambda r: ctx.foreign.append(r.url) if urlparse(r.url).netloc != origin else None
    )
    ctx.on("requestfailed", lambda r: stopped.append(r.url) if r.failure == "csp" else None)
    yield ctx
    ctx.close()
    assert [u for u in ctx.foreign if u not in stopped] == [], (
        f"requests left the site: {ctx.foreign}"
    )


class Watched:
    """A page with its console errors, uncaught exceptions and policy violations."""

    def __init__(self, ctx: Any) -> None:
        self.page = ctx.new_page()
        self.console: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda e: self.console.append(f"uncaught: {e}"))
        self.page.on("response", self._response)

    # The static test server has no intake service: the forms' calls to /api/ fail there, and
    # the pages must (and do) fall back to mail and paper without any uncaught error.
    def _console(self, message: Any) -> None:
        if message.type in ("error", "warning") and "/api/" not in str(
            message.location.get("url", "")
        ):
            self.console.append(message.text)

    def _response(self, response: Any) -> None:
        if response.status >= 400 and "/api/" not in response.url:
            self.console.append(f"{response.status} {response.url}")

    def open(self, url: str) -> Any:
        self.console.clear()
        self.page.goto(url)
        self.page.wait_for_load_state("load")
        return self.page

    def violations(self) -> list[dict[str, str]]:
        return list(self.page.evaluate("window.__csp"))


def test_an_injected_inline_script_and_event_handler_do_not_run(
    context: Any, sample: dict[str, Any]
) -> None:
    folder = sample["root"] / "site" / "policies" / "4-secrecy-review"
    text = (folder / "index.html").read_text("utf-8")
    bad = (
        '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
        '<script src="http://203.0.113.9/x.js"></script>'  # another host: never requested
        '<div id="xxgk-styled" style="color: rgb(1, 2, 3)">样式</div>'
    )
    forged = folder / "pwned.html"
    forged.write_text(text.replace("<article", bad + "<article", 1), "utf-8")
    try:
        w = Watched(context)
        page = w.open(sample["base"] + "policies/4-secrecy-review/pwned.html")
        page.wait_for_function("window.__csp.length >= 4")
        assert page.evaluate("typeof window.__pwned") == "undefined"
        found = {(v["directive"], v["blocked"]) for v in w.violations()}
        assert {
            ("script-src-elem", "inline"),
            ("script-src-attr", "inline"),
            ("script-src-elem", "http://203.0.113.9/x.js"),
            ("style-src-attr", "inline"),
        } <= found
        assert any("Content Security Policy" in m for m in w.console), w.console
        color = "getComputedStyle(document.getElementById('xxgk-styled')).color"
        assert page.evaluate(color) != "rgb(1, 2, 3)"
        # the site's own scripts still ran: Material's bundle and its scope from md-inline.js
        assert page.evaluate("window.__md_scope.href") == sample["base"]
        assert page.evaluate("typeof document$") == "object"
        assert context.foreign == ["http://203.0.113.9/x.js"]  # attempted, stopped by the policy
    finally:
        forged.unlink()


@pytest.mark.parametrize("url", PAGES)
def test_a_real_page_raises_no_violation_and_no_error(
    context: Any, sample: dict[str, Any], url: str
) -> None:
    w = Watched(context)
    page = w.open(sample["base"] + url)
    page.mouse.wheel(0, 3000)  # Material's scroll handlers: back-to-top button, header shadow
    page.mouse.wheel(0, -1500)
    page.evaluate(FRAMES)
    assert w.violations() == [] and w.console == [], (w.violations(), w.console)
    assert context.foreign == []
    # Material's scope (md-inline.js) is the site's root, whatever the page's depth
    assert page.evaluate("window.__md_scope.href") == sample["base"]
    page.evaluate("__md_set('__xxgk', {a: 1})")
    assert page.evaluate("__md_get('__xxgk')") == {"a": 1}


def test_the_search_page_finds_a_query_from_the_address(
    context: Any, sample: dict[str, Any]
) -> None:
    w = Watched(context)
    page = w.open(sample["base"] + "search/?q=" + quote("保密审查"))
    page.wait_for_selector("html[data-xxgk-searched]")
    assert SEED in page.locator("#xxgk-results h3").all_inner_texts()
    assert "<mark>" in page.inner_html("#xxgk-results")
    assert w.violations() == [] and w.console == [], (w.violations(), w.console)
    assert context.foreign == []


def test_the_questionnaire_works_under_the_policy(context: Any, sample: dict[str, Any]) -> None:
    w = Watched(context)
    page = w.open(sample["base"] + "evaluation/")
    page.wait_for_selector("#xxgk-eval[data-ready]")
    page.select_option("#xxgk-eval-unit", "鄂托克前旗财政局")
    page.check('input[name="q1"][value="满意"]')
    page.fill("#xxgk-eval-comments", "请提供可检索的版本")
    mail = page.get_attribute("#xxgk-eval-mail", "href")
    assert mail.startswith("mailto:") and quote("被评议单位：鄂托克前旗财政局") in mail
    assert quote("请提供可检索的版本") in mail
    assert w.violations() == [] and w.console == [], (w.violations(), w.console)
    assert context.foreign == []


def test_the_404_page_raises_no_violation(context: Any, sample: dict[str, Any]) -> None:
    """404.html links its assets from the site's published path (/xxgk/…, from xxgk.yml's
    网站.网址), as a server serves it for any missing address: map that path to the root."""
    text = (sample["root"] / "site" / "404.html").read_text("utf-8")
    config = re.search(r'<script id="__config" type="application/json">(.*?)</script>', text, re.S)
    assert config is not None
    prefix = json.loads(config.group(1))["base"]
    root = sample["base"].rstrip("/")
    if prefix.startswith("/") and prefix != "/":
        published = root + prefix
        context.route(
            published + "**",
            lambda route: route.continue_(url=route.request.url.replace(published, root + "/", 1)),
        )
    w = Watched(context)
    page = w.open(sample["base"] + "404.html")
    assert page.evaluate("typeof document$") == "object", w.console  # Material's bundle ran
    assert w.violations() == [] and w.console == [], (w.violations(), w.console)


def test_the_annual_report_keeps_its_table_layout_from_the_stylesheet(
    context: Any, sample: dict[str, Any]
) -> None:
    site = sample["root"] / "site"
    reports = sorted(site.glob("reports/*-annual-report/index.html"))
    assert reports, "the shipped content has an annual report"
    w = Watched(context)
    page = w.open(sample["base"] + reports[0].parent.relative_to(site).as_posix() + "/")
    cell = "getComputedStyle(document.querySelector('.xxgk-annual table td.n'))"
    assert page.evaluate(cell + ".fontSize") == "13px"
    assert page.evaluate(cell + ".textAlign") == "center"
    # the most the policy may refuse here is the page's own inline <style> block, if it has one
    assert {v["directive"] for v in w.violations()} <= {"style-src-elem"}, w.violations()
