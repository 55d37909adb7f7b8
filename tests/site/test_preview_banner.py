"""The preview banner: when ``config.extra["xxgk_preview"]`` holds a message — the plugin puts
its own there on a build without a trust anchor — every page shows it at the top (MkDocs'
own pages, entry and listing pages filled into shells, the 404 page, the voice pages) and
the footer says 样例. An anchored build shows neither."""

from __future__ import annotations

import html
import json
import re
import subprocess
from pathlib import Path

import pytest
from xxgk_site_kit import add_entry, mkdocs_build

from xxgk.io.registry import load_registry
from xxgk.trust.anchor import ANCHOR_ENV, load_trust
from xxgk.trust.anchor_sign import sign_trust

BANNER = re.compile(r'<div class="xxgk-preview" role="note"[^>]*>\s*<p>([^<]*)</p>\s*</div>')
EVERY_KIND = (
    "index.html",
    "404.html",
    "catalog/000014349-2024-00001/index.html",
    "catalog/list/all/index.html",
    "search/index.html",
    "guide/index.html",
    "evaluation/index.html",
)


def anchor(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the build a published one: a leading-group key of this test as the trust anchor,
    and its signature over the signers file and roster."""
    key = root.parent / "anchor_key"
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "anchor", "-f", str(key)],
        check=True,
        capture_output=True,
    )
    sign_trust(root, load_registry(root), str(key))
    monkeypatch.setenv(ANCHOR_ENV, key.with_suffix(".pub").read_text("utf-8").strip())


def build(root: Path, extra_preview: str | None = None) -> dict[str, str]:
    """Build the small site (one entry), with ``extra.xxgk_preview`` in mkdocs.yml when
    given; every HTML page by its path in site/."""
    add_entry(root, 1)
    if extra_preview is not None:
        config = root / "mkdocs.yml"
        text = config.read_text("utf-8")
        line = f"  xxgk_preview: {json.dumps(extra_preview, ensure_ascii=False)}\n"
        if re.search(r"^extra:\s*$", text, re.M):
            text = re.sub(r"^extra:\s*\n", lambda m: m.group(0) + line, text, count=1, flags=re.M)
        else:
            text += "\nextra:\n" + line
        config.write_text(text, "utf-8")
    done = mkdocs_build(root)
    assert done.returncode == 0, done.stderr
    site = root / "site"
    return {
        p.relative_to(site).as_posix(): p.read_text("utf-8") for p in sorted(site.rglob("*.html"))
    }


def test_a_preview_build_shows_the_banner_atop_every_page(site_repo: Path) -> None:
    built = build(site_repo)
    message = load_trust(site_repo, load_registry(site_repo), {}).message
    assert message.startswith("预览版")
    assert [k for k in EVERY_KIND if k not in built] == []
    for rel, page in built.items():
        assert [html.unescape(m) for m in BANNER.findall(page)] == [message], rel
        body = page.index("<body")
        assert body < page.index('class="xxgk-preview"') < page.index('<header class="md-header'), (
            rel
        )
        footer = page[page.index('class="md-copyright xxgk-footer"') :]
        assert '<span class="xxgk-footer-sample">样例</span>' in footer, rel


def test_an_anchored_build_has_no_banner_and_no_sample_mark(
    site_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    anchor(site_repo, monkeypatch)
    built = build(site_repo)
    assert [k for k in EVERY_KIND if k not in built] == []
    for rel, page in built.items():
        assert "xxgk-preview" not in page and "xxgk-footer-sample" not in page, rel


def test_a_message_from_the_site_config_is_shown_as_text_not_markup(
    site_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    anchor(site_repo, monkeypatch)  # else the plugin puts its own message in
    built = build(site_repo, "预览版：<b>未经核验</b> & 样例")
    assert BANNER.findall(built["index.html"]) == ["预览版：&lt;b&gt;未经核验&lt;/b&gt; &amp; 样例"]


def luminance(rgb: str) -> float:
    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(x) for x in re.findall(r"\d+", rgb)[:3])
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


@pytest.mark.browser
def test_the_banner_is_readable_on_a_phone_and_printed(site_repo: Path) -> None:
    from xxgk.bench.search_probe import chromium, serve

    build(site_repo)
    message = load_trust(site_repo, load_registry(site_repo), {}).message
    server = serve(site_repo / "site")
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with chromium() as browser:
            page = browser.new_page(viewport={"width": 375, "height": 700})
            page.goto(base + "catalog/000014349-2024-00001/")
            banner = page.locator(".xxgk-preview")
            box = banner.bounding_box()
            assert box is not None and box["y"] == 0 and box["width"] == 375
            assert banner.inner_text().strip() == message
            assert banner.locator("button, a").count() == 0  # nothing to dismiss it with
            assert page.evaluate("document.documentElement.scrollWidth") <= 375
            size = banner.evaluate("e => getComputedStyle(e.firstElementChild).fontSize")
            assert float(size.removesuffix("px")) >= 14
            fg = luminance(banner.evaluate("e => getComputedStyle(e).color"))
            bg = luminance(banner.evaluate("e => getComputedStyle(e).backgroundColor"))
            assert (max(fg, bg) + 0.05) / (min(fg, bg) + 0.05) >= 7  # WCAG AAA
            page.emulate_media(media="print")
            assert banner.is_visible() and not page.is_visible(".md-header")
    finally:
        server.shutdown()
