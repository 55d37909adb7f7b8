"""The questionnaire in a real browser: a real ``mkdocs build`` with Material of the voice
pages and assets, served over HTTP, driven by Debian's Chromium through Playwright.

Until the site plugin adds these pages itself, the test writes ``site_pages`` output into
a small MkDocs project the same way the plugin will (pages under docs, assets under
``ASSET_DIR_URI``, listed in extra_css / extra_javascript), with the site's ``apply.js``
(the questionnaire submits online through it). No intake service runs here: the page says
so, and the e-mail and paper routes stay (tests/browser/test_portal.py submits online).
"""

from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import pytest
from playwright.sync_api import Page
from voice_canaries import CANARY, ENTRY, PUBLISHED_TITLE, plant

import xxgk.site
from xxgk.bench.search_probe import chromium
from xxgk.io.registry import load_registry
from xxgk.voice.intake import parse
from xxgk.voice.pages import ASSET_DIR_URI, EntryLink, asset_files, asset_uris, site_pages
from xxgk.voice.policy import unit_names, voice_policy

SITE_ASSETS = Path(xxgk.site.__file__).parent / "theme" / "assets" / "xxgk"
ENTRY_URL = "catalog/000014349-2018-01705/"


def build_site(root: Path) -> Path:
    """A MkDocs project holding the voice pages, built with --strict; returns site/."""
    project = root / "mk"
    docs = project / "docs"
    (docs / ENTRY_URL).mkdir(parents=True)
    (docs / "index.md").write_text("# 首页\n", encoding="utf-8")
    (docs / ENTRY_URL / "index.md").write_text("# 条目\n", encoding="utf-8")
    links = {ENTRY: EntryLink(ENTRY_URL, "关于印发政府信息公开有关制度的通知")}
    for rel, text in site_pages(root, load_registry(root), links):
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text(text, encoding="utf-8")
    (docs / ASSET_DIR_URI).mkdir(parents=True)
    for asset in asset_files():
        shutil.copy(asset, docs / ASSET_DIR_URI / asset.name)
    (docs / "assets/xxgk").mkdir(parents=True)
    for name in ("apply.js", "apply.css"):
        shutil.copy(SITE_ASSETS / name, docs / "assets/xxgk" / name)
    uris = asset_uris()
    uris = {
        "css": [*uris["css"], "assets/xxgk/apply.css"],
        "js": [*uris["js"], "assets/xxgk/apply.js"],
    }
    config = [
        "site_name: 测试站点",
        "strict: true",
        "theme:",
        "  name: material",
        "  language: zh",
        "  font: false",
        "markdown_extensions:",
        "  - attr_list",
        "  - tables",
        "extra_css: [" + ", ".join(uris["css"]) + "]",
        "extra_javascript: [" + ", ".join(uris["js"]) + "]",
    ]
    (project / "mkdocs.yml").write_text("\n".join(config) + "\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
        cwd=project,
        check=False,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    return project / "site"


@pytest.fixture
def served(repo: Path) -> Iterator[tuple[str, Path]]:
    plant(repo)
    site = build_site(repo)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *a, **k: None  # type: ignore[method-assign]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", site
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def page(served: tuple[str, Path]) -> Iterator[Page]:
    with chromium() as browser:
        yield browser.new_page()


def fill_answers(page: Page, base: str) -> list[str]:
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(base) else None)
    page.goto(base + "evaluation/")
    page.select_option("#xxgk-eval-unit", "鄂托克前旗财政局")
    for code, answer in (("q1", "满意"), ("q2", "不满意"), ("q3", "基本满意")):
        page.check(f'input[name="{code}"][value="{answer}"]')
    page.fill("#xxgk-eval-comments", "预算表格请提供可检索的版本 & 谢谢 #1")
    return outside


@pytest.mark.browser
def test_answers_become_a_prefilled_e_mail(page: Page, served: tuple[str, Path]) -> None:
    outside = fill_answers(page, served[0])
    href = page.get_attribute("#xxgk-eval-mail", "href")
    address, _, query = href.partition("?")
    assert address == "mailto:zwgk@etkqq.gov.cn"
    fields = {k: unquote(v) for k, v in (pair.split("=", 1) for pair in query.split("&"))}
    assert fields["subject"] == "政府信息公开社会评议：鄂托克前旗财政局"
    body = fields["body"].split("\n")
    assert body[0] == "被评议单位：鄂托克前旗财政局"
    assert "一、政府信息公开事项是否及时、准确、全面、真实：满意" in body
    assert "二、政府信息公开是否方便群众、服务群众：不满意" in body
    assert "三、政府信息公开是否提高了本级工作效率及透明度：基本满意" in body
    assert "四、政府信息公开是否提高了依法行政、廉洁行政、科学行政水平：（未填）" in body
    assert body[-1] == "预算表格请提供可检索的版本 & 谢谢 #1"
    assert outside == []  # nothing loaded from another host
    registry = load_registry(served[1].parents[1])  # the mail comes back in: staff register it
    answer = parse(fields["body"], voice_policy(registry), unit_names(registry))
    assert answer.problems == [] and answer.answers == {
        "q1": "满意",
        "q2": "不满意",
        "q3": "基本满意",
    }


@pytest.mark.browser
def test_without_the_intake_service_the_page_says_so_and_keeps_mail_and_paper(
    page: Page, served: tuple[str, Path]
) -> None:
    fill_answers(page, served[0])
    page.wait_for_selector("#xxgk-eval-offline:not([hidden])")
    assert "暂时连不上在线评议服务" in page.inner_text("#xxgk-eval-offline")
    assert page.is_visible("#xxgk-eval-mail") and page.is_visible("#xxgk-eval-print")
    assert page.query_selector("#xxgk-eval-issue") is None


@pytest.mark.browser
def test_the_page_prints_as_a_paper_questionnaire(page: Page, served: tuple[str, Path]) -> None:
    page.goto(served[0] + "evaluation/")
    assert not page.is_visible(".xxgk-eval-paper")
    page.emulate_media(media="print")
    for hidden in (
        "#xxgk-eval-mail",
        "#xxgk-eval-submit",
        "#xxgk-eval-print",
        "#xxgk-eval-unit",
        ".md-header",
    ):
        assert not page.is_visible(hidden), hidden
    assert page.is_visible("text=被评议单位：＿＿＿")
    assert page.is_visible('input[name="q4"][value="不了解"]')
    assert page.is_visible("p.xxgk-eval-paper:has-text('填写后交到')")
    assert not page.is_visible("p.xxgk-eval-screen") and not page.is_visible("text=历年评议结果")
    assert page.pdf()[:4] == b"%PDF"


@pytest.mark.browser
def test_responses_page_links_the_entry_and_the_built_site_holds_no_internal_value(
    page: Page, served: tuple[str, Path]
) -> None:
    base, site = served
    page.goto(base + "responses/")
    page.click(f"h4 >> text={PUBLISHED_TITLE}")
    page.wait_for_url(base + "responses/2026/#yq-2026-001")
    # waits for the page to be drawn (is_visible alone does not wait: flaky on a busy machine)
    page.locator(f"h2#yq-2026-001:has-text('{PUBLISHED_TITLE}')").wait_for(
        state="visible", timeout=15000
    )
    page.click(".md-content a:has-text('关于印发政府信息公开有关制度的通知')")
    page.wait_for_load_state()
    assert page.url == base + ENTRY_URL
    page.goto(base + "responses/")
    page.click(".md-content a:has-text('关于印发政府信息公开有关制度的通知')")
    page.wait_for_load_state()
    assert page.url == base + ENTRY_URL
    page.goto(base + "evaluation/")
    page.click(".md-content a:has-text('2025年政府信息公开社会评议结果')")
    page.wait_for_load_state()
    assert page.url == base + "evaluation/2025/" and page.is_visible(
        "h2:has-text('意见建议办理情况')"
    )
    leaked = [f for f in site.rglob("*") if f.is_file() and CANARY.encode() in f.read_bytes()]
    assert leaked == []


@pytest.mark.browser
def test_an_untouched_form_names_no_unit_and_sends_no_answers(
    page: Page, served: tuple[str, Path]
) -> None:
    page.goto(served[0] + "evaluation/")
    mail = page.get_attribute("#xxgk-eval-mail", "href")
    body = unquote(mail.split("&body=", 1)[1]).split("\n")
    assert body[0] == "被评议单位：" and body[-1] == "（无）"
