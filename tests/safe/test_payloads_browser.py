"""In a real Chromium: entry pages carrying every payload *after* the sanitizer run no
script, load nothing from another host, leave the page's structure and footer in place.

The pages' Content-Security-Policy, if the theme sets one, is taken out: the sanitizer must
be safe on its own (an unsanitized control page shows that the harness would notice)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from payloads import ORDINARY, PAYLOADS
from xxgk_site_kit import add_entry, mkdocs_build

from xxgk.bench.search_probe import serve
from xxgk.model.sanitize import clean
from xxgk.rules.unsafe_markup import render

pytestmark = pytest.mark.browser

MARK = "XXGK0PAYLOAD0MARK"
CSP = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>', re.IGNORECASE)
ENTRY = "catalog/000014349-2024-00001"

# Runs every handler a payload could have attached, and reports what a payload could have
# left: script links, foreign content, overlays, a lost footer, a page moved elsewhere.
PROBE = """() => {
  const body = document.querySelector('.xxgk-body');
  for (const el of body.querySelectorAll('*')) {
    for (const type of ['mouseover', 'mouseenter', 'focus', 'click', 'animationstart']) {
      if (type === 'click' && el.closest('a')) continue;  // links are checked, not followed
      el.dispatchEvent(new Event(type, {bubbles: true}));
    }
  }
  const bad = [];
  for (const a of document.querySelectorAll('a[href]')) {
    if (!['http:', 'https:', 'mailto:', 'tel:'].includes(a.protocol)) bad.push('link ' + a.href);
  }
  for (const el of body.querySelectorAll('svg, math, iframe, object, embed, form, input, textarea, style, link, meta, base, script')) {
    bad.push('element ' + el.tagName);
  }
  for (const el of body.querySelectorAll('*')) {
    if (getComputedStyle(el).position === 'fixed') bad.push('fixed ' + el.tagName);
  }
  if (!document.querySelector('footer.md-footer')) bad.push('footer lost');
  if (!document.querySelector('.xxgk-entry .xxgk-back')) bad.push('page structure lost');
  if (document.querySelector('base')) bad.push('base element');
  return bad;
}"""


def _pages(root: Path) -> dict[str, str]:
    """Payload pages written beside the built entry page, from the entry page itself."""
    shell = CSP.sub("", (root / "site" / ENTRY / "index.html").read_text("utf-8"))
    assert f"<p>{MARK}</p>" in shell
    made = {}
    for pid, body, _m, _l in PAYLOADS:
        for kind, html in (("md", clean(render(body))), ("raw", clean(body))):
            url = f"catalog/payload-{pid}-{kind}/"
            (root / "site" / url).mkdir(parents=True)
            (root / "site" / url / "index.html").write_text(
                shell.replace(f"<p>{MARK}</p>", html), "utf-8"
            )
            made[url] = pid
    control = root / "site/catalog/control"
    control.mkdir()
    unsafe = '<img src=x onerror="alert(1)"><img src="http://other.example/pixel.gif">'
    (control / "index.html").write_text(shell.replace(f"<p>{MARK}</p>", unsafe), "utf-8")
    return made


class Watch:
    """One browser context that records dialogs and stops and records requests to other hosts."""

    def __init__(self, browser: Any, host: str) -> None:
        self.context = browser.new_context()
        self.host = host
        self.dialogs: list[str] = []
        self.foreign: list[str] = []
        self.context.route("**/*", self._route)

    def _route(self, r: Any) -> None:
        if urlsplit(r.request.url).netloc == self.host:
            r.continue_()
        else:
            self.foreign.append(r.request.url)
            r.abort()

    def visit(self, url: str) -> tuple[list[str], list[str], list[str], str]:
        """(dialogs, requests to other hosts, probe findings, final URL) of one page."""
        self.dialogs, self.foreign = [], []
        page = self.context.new_page()
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        try:
            page.goto(url, wait_until="load")  # images have loaded or failed: onerror has run
            bad = page.evaluate(PROBE)
            page.wait_for_load_state("networkidle")  # whatever the probe's events asked for
            return self.dialogs, self.foreign, bad, page.url
        finally:
            page.close()


def test_sanitized_payloads_run_nothing_and_load_nothing_from_other_hosts(
    site_repo: Path, browser: Any
) -> None:
    add_entry(site_repo, 1, body=MARK + "\n")
    add_entry(site_repo, 2, body=ORDINARY)
    done = mkdocs_build(site_repo)
    assert done.returncode == 0, done.stderr
    made = _pages(site_repo)
    server = serve(site_repo / "site")
    watch = None
    try:
        host = f"127.0.0.1:{server.server_address[1]}"
        base = f"http://{host}/"
        watch = Watch(browser, host)
        # The harness sees what it must: the unsanitized control opens a dialog and calls out.
        dialogs, foreign, _bad, _url = watch.visit(base + "catalog/control/")
        assert dialogs and foreign == ["http://other.example/pixel.gif"]
        failures = []
        for url, pid in [*made.items(), ("catalog/000014349-2024-00002/", "ordinary")]:
            dialogs, foreign, bad, final = watch.visit(base + url)
            if dialogs or foreign or bad or final != base + url:
                failures.append((pid, url, dialogs, foreign, bad, final))
        assert len(made) == 2 * len(PAYLOADS) and failures == []
    finally:
        if watch is not None:
            watch.context.close()
        server.shutdown()
