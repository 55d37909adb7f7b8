"""Accessibility (GB/T 37668-2019, aligned with WCAG 2.1 AA) and 适老化 in Chromium: axe-core
finds no violation on any page type at desktop and phone width; a keyboard alone reaches the
search box, a result and the entry; focus is always visible; every form control is labelled;
the text-size switch and the high-contrast mode work and are remembered; targets on phones are
at least 44 px; nothing depends on hover; every page has the same layout; the site name is
never cut.

axe-core is an npm package pinned in the Makefile (AXE_VERSION) and installed by its
``browser`` target into .cache/npm (not committed). It is run through the DevTools protocol
(``page.evaluate``), which the pages' Content-Security-Policy does not govern: the policy
stays as it is."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

pytestmark = pytest.mark.browser
REPO = Path(__file__).resolve().parents[2]
AXE_DIR = REPO / ".cache" / "npm" / "node_modules" / "axe-core"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SEED = "鄂托克前旗人民政府办公室关于印发政府信息公开有关制度的通知"
SEED_URL = "catalog/000014349-2018-01705/"
SITE_NAME = "鄂托克前旗人民政府信息公开"
FRAMES = "new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
# Every page type of the site. The annual report's address is found in the built site.
PAGES = {
    "home": "",  # 首页
    "guide": "guide/",  # 政府信息公开指南
    "policy": "policies/4-secrecy-review/",  # 政府信息公开制度
    "catalog": "catalog/",  # 法定主动公开内容
    "listing": "catalog/list/category-02/",  # 一个分类的列表
    "entry": SEED_URL,  # 条目
    "search": "search/?q=" + quote("保密审查"),  # 检索结果
    "report": "reports/*-annual-report/",  # 年度报告
    "evaluation": "evaluation/",  # 社会评议问卷
    "responses": "responses/",  # 回应关切
    "404": "404.html",
    # 在线申请: the online application form, built by another engineer (tools/xxgk/intake,
    # apply/). Its tests are skipped, saying so, only on a build without that page.
    "apply": "apply/",
}
WIDTHS = {"desktop": 1280, "phone": 390}
# How far the page reaches to the right, but for the closed phone menu (off screen) and tables
# that scroll inside their own region: no more than the screen, or the page scrolls sideways.
REACH = """() => Math.max(0, ...[...document.querySelectorAll('body *')]
  .filter(e => !e.closest('.md-sidebar, .md-typeset__scrollwrap') && e.getClientRects().length)
  .map(e => e.getBoundingClientRect().right))"""


def axe_version() -> str:
    found = re.search(
        r"^AXE_VERSION\s*:?=\s*(\S+)", (REPO / "Makefile").read_text("utf-8"), re.MULTILINE
    )
    assert found, "the Makefile pins axe-core (AXE_VERSION)"
    return found.group(1)


@pytest.fixture(scope="module")
def axe_source() -> str:
    package = AXE_DIR / "package.json"
    if not package.is_file():
        pytest.fail(
            f"axe-core is not installed: run `make browser` (npm install --prefix .cache/npm axe-core@{axe_version()})"
        )
    version = re.search(r'"version":\s*"([^"]+)"', package.read_text("utf-8"))
    assert version and version.group(1) == axe_version(), (
        "the installed axe-core is not the pinned one: make browser"
    )
    return (AXE_DIR / "axe.min.js").read_text("utf-8") + "\n;true"


def address(sample: dict[str, Any], name: str) -> str:
    url = PAGES[name]
    site = sample["root"] / "site"
    if "*" in url:
        found = sorted(site.glob(url + "index.html"))
        assert found, f"no page {url} in the built site"
        return found[0].parent.relative_to(site).as_posix() + "/"
    assert (site / url.split("?")[0] / ("" if url.endswith(".html") else "index.html")).is_file(), (
        f"{url} is not in the built site"
    )
    return url


def ready(page: Any, url: str) -> None:
    """Wait for what the page's own scripts fill in (search results, the questionnaire)."""
    page.wait_for_load_state("load")
    if url.startswith("search/?"):
        page.wait_for_selector("html[data-xxgk-searched]")
    if url.startswith("evaluation/"):
        page.wait_for_selector("#xxgk-eval[data-ready]")
    page.evaluate(FRAMES)


@pytest.fixture
def context(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    width = getattr(request, "param", 1280)
    ctx = browser.new_context(viewport={"width": width, "height": 900})
    yield ctx
    ctx.close()


def open_page(context: Any, sample: dict[str, Any], url: str) -> Any:
    page = context.new_page()
    page.goto(sample["base"] + url)
    ready(page, url)
    return page


def violations(page: Any, axe_source: str) -> list[str]:
    page.evaluate(axe_source)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, "
        "resultTypes: ['violations']})",
        TAGS,
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(f"{n['target']} {n['failureSummary']}" for n in v["nodes"][:3])
        for v in result["violations"]
    ]


@pytest.mark.parametrize("context", list(WIDTHS.values()), ids=list(WIDTHS), indirect=True)
@pytest.mark.parametrize("name", list(PAGES))
def test_axe_finds_no_violation_of_wcag_21_aa(
    context: Any, sample: dict[str, Any], axe_source: str, name: str
) -> None:
    page = open_page(context, sample, address(sample, name))
    assert violations(page, axe_source) == []


@pytest.mark.parametrize("context", [390], ids=["phone"], indirect=True)
@pytest.mark.parametrize("name", ["home", "entry", "search", "evaluation"])
def test_largest_text_and_high_contrast_keep_the_page_accessible(
    context: Any, sample: dict[str, Any], axe_source: str, name: str
) -> None:
    context.add_init_script(
        "localStorage.setItem('xxgk-a11y', JSON.stringify({size: '3', contrast: 'high'}))"
    )
    page = open_page(context, sample, address(sample, name))
    assert page.evaluate("document.documentElement.dataset.xxgkContrast") == "high"
    assert violations(page, axe_source) == []
    assert page.evaluate(REACH) <= 390 + 1, "no sideways scrolling"


FOCUS = """() => {
  const el = document.activeElement;
  const s = getComputedStyle(el);
  const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
  const r = el.getBoundingClientRect();
  return {id: el.id, tag: el.tagName, text: (el.innerText || el.value || '').trim().slice(0, 30),
          href: el.getAttribute('href'), ring, inResults: !!el.closest('#xxgk-results'),
          shown: r.width > 0 && r.height > 0 && r.right > 0 && r.left < innerWidth};
}"""


def tab_until(page: Any, wanted: Any, limit: int) -> list[dict[str, Any]]:
    """Press Tab until ``wanted(focused)``; every stop on the way, which must show its focus."""
    stops: list[dict[str, Any]] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = page.evaluate(FOCUS)
        stops.append(now)
        assert now["shown"] and now["ring"], f"focus not visible on {now} after {stops[:-1]}"
        if wanted(now):
            return stops
    raise AssertionError(f"not reached in {limit} Tab presses: {stops}")


@pytest.mark.parametrize("context", list(WIDTHS.values()), ids=list(WIDTHS), indirect=True)
def test_a_keyboard_alone_searches_and_opens_a_result(context: Any, sample: dict[str, Any]) -> None:
    page = open_page(context, sample, "")
    first = tab_until(page, lambda f: True, 1)[0]
    assert first["text"] == "跳到正文", "the first stop is the skip link"
    tab_until(page, lambda f: f["id"] == "xxgk-hq", 30)
    page.keyboard.type("保密审查")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=*")
    page.wait_for_selector("html[data-xxgk-searched]")
    stop = tab_until(page, lambda f: f["inResults"] and f["tag"] == "A", 40)[-1]
    target = page.evaluate("document.activeElement.href")
    page.keyboard.press("Enter")
    page.wait_for_url(target)
    assert page.locator("article h1").first.inner_text().startswith(stop["text"])


@pytest.mark.parametrize("context", [390], ids=["phone"], indirect=True)
def test_a_keyboard_opens_the_phone_menu_and_follows_a_link(
    context: Any, sample: dict[str, Any]
) -> None:
    page = open_page(context, sample, "")
    stops = tab_until(page, lambda f: f["text"] == "" and f["tag"] == "LABEL", 10)
    assert all(s["shown"] for s in stops), "the closed menu is not in the Tab order"
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.getElementById('__drawer').checked")
    assert page.get_attribute("label.md-header__button[for=__drawer]", "aria-expanded") == "true"
    stop = tab_until(page, lambda f: f["text"] == "政府信息公开指南", 10)[-1]
    assert stop["tag"] == "A"
    page.keyboard.press("Enter")
    page.wait_for_url("**/guide/")


def test_the_skip_link_moves_focus_to_the_content(context: Any, sample: dict[str, Any]) -> None:
    page = open_page(context, sample, SEED_URL)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "xxgk-main"
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('#xxgk-main')")


LABELLED = """() => [...document.querySelectorAll('input, select, textarea')]
  .filter(el => el.type !== 'hidden' && el.getClientRects().length > 0)
  .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')
                && !el.getAttribute('aria-labelledby'))
  .map(el => el.outerHTML.slice(0, 120))"""


@pytest.mark.parametrize("name", ["home", "search", "catalog", "evaluation", "404", "apply"])
def test_every_form_control_has_a_label(context: Any, sample: dict[str, Any], name: str) -> None:
    page = open_page(context, sample, address(sample, name))
    assert page.evaluate(LABELLED) == []


SMALL = """() => {
  const inText = el => {  // WCAG 2.5.5: a link inside a sentence is exempt
    const block = el.closest('p, li, td, th, dd, dt, h1, h2, h3, h4, h5, h6, figcaption, blockquote');
    if (!block) return false;
    let text = block.textContent;
    block.querySelectorAll('a, button, input, select, label').forEach(c => { text = text.replace(c.textContent, ''); });
    return text.replace(/[\\s\\p{P}]/gu, '').length >= 2;
  };
  const targets = [...document.querySelectorAll('a[href], button, select, textarea, input:not([type=hidden]), label.md-header__button, label.xxgk-eval-option')];
  return targets.filter(el => {
    if (el.matches('input[type=radio], input[type=checkbox]') && el.closest('label')) return false;  // the label is the target
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.right <= 0 || r.left >= innerWidth) return false;
    if (getComputedStyle(el).visibility === 'hidden' || el.closest('[hidden], .md-sidebar') ) return false;
    if (el.classList.contains('xxgk-skip')) return false;  // off screen until focused
    return (r.width < 44 || r.height < 44) && !(el.tagName === 'A' && inText(el));
  }).map(el => `${el.tagName} ${(el.innerText || el.getAttribute('aria-label') || '').trim().slice(0, 20)} ${Math.round(el.getBoundingClientRect().width)}×${Math.round(el.getBoundingClientRect().height)}`);
}"""


@pytest.mark.parametrize("context", [390], ids=["phone"], indirect=True)
@pytest.mark.parametrize("name", list(PAGES))
def test_phone_targets_are_at_least_44_pixels(
    context: Any, sample: dict[str, Any], name: str
) -> None:
    page = open_page(context, sample, address(sample, name))
    assert page.evaluate(SMALL) == []


@pytest.mark.parametrize("context", [390], ids=["phone"], indirect=True)
def test_the_phone_menu_has_large_targets(context: Any, sample: dict[str, Any]) -> None:
    page = open_page(context, sample, "policies/4-secrecy-review/")
    page.click("label.md-header__button[for=__drawer]")
    page.wait_for_function(
        "() => document.querySelector('.md-sidebar--primary').getBoundingClientRect().left >= 0"
    )
    page.evaluate(FRAMES)
    small = page.evaluate("""() => [...document.querySelectorAll('.md-sidebar--primary a.md-nav__link, .md-sidebar--primary label.md-nav__link')]
      .filter(el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.left >= 0 && r.left < innerWidth; })
      .filter(el => el.getBoundingClientRect().height < 44).map(el => el.innerText.trim())""")
    assert small == []


SIZE = "parseFloat(getComputedStyle(document.querySelector('.md-typeset')).fontSize)"


def test_the_text_size_switch_has_three_steps_and_is_remembered(
    context: Any, sample: dict[str, Any]
) -> None:
    page = open_page(context, sample, SEED_URL)
    standard = page.evaluate(SIZE)
    sizes = []
    for label in ("大", "特大"):
        page.get_by_role("button", name=label, exact=True).click()
        assert (
            page.get_by_role("button", name=label, exact=True).get_attribute("aria-pressed")
            == "true"
        )
        sizes.append(page.evaluate(SIZE))
    assert standard < sizes[0] < sizes[1] and sizes[1] >= 1.35 * standard
    page.goto(sample["base"] + "guide/")  # another page: the choice holds
    assert page.evaluate(SIZE) == sizes[1]
    assert (
        page.get_by_role("button", name="特大", exact=True).get_attribute("aria-pressed") == "true"
    )
    page.get_by_role("button", name="标准", exact=True).click()
    assert page.evaluate(SIZE) == standard


def test_high_contrast_is_white_on_black_and_remembered(
    context: Any, sample: dict[str, Any]
) -> None:
    page = open_page(context, sample, SEED_URL)
    button = page.get_by_role("button", name="高对比度")
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    page.goto(sample["base"] + "catalog/")
    colours = page.evaluate("""() => ['body', '.md-header', '.md-content', '.xxgk-list td']
      .map(s => getComputedStyle(document.querySelector(s)))
      .map(s => [s.backgroundColor, s.color])""")
    assert all(c == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"] for c in colours), colours
    link = page.evaluate("getComputedStyle(document.querySelector('.xxgk-list td a')).color")
    assert link == "rgb(255, 255, 0)"
    page.get_by_role("button", name="高对比度").click()
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != "rgb(0, 0, 0)"


HOVER = """() => {
  const revealing = /^(display|visibility|opacity|height|max-height|width|max-width|overflow|transform|position|clip|clip-path|content|left|top|z-index)$/;
  const found = [];
  for (const sheet of document.styleSheets) {
    if (!sheet.href || !/assets\\/xxgk(-voice)?\\//.test(sheet.href)) continue;
    const walk = rules => { for (const r of rules) {
      if (r.cssRules) walk(r.cssRules);
      if (r.selectorText && r.selectorText.includes(':hover'))
        for (const p of r.style) if (revealing.test(p)) found.push(`${r.selectorText} { ${p} }`);
    } };
    walk(sheet.cssRules);
  }
  return found;
}"""


def test_nothing_depends_on_hover(context: Any, sample: dict[str, Any]) -> None:
    page = open_page(context, sample, "evaluation/")
    assert page.evaluate(HOVER) == []


LAYOUT = """() => {
  const nav = document.querySelector('.md-sidebar--primary');
  const toc = document.querySelector('.md-sidebar--secondary');
  const section = nav && [...nav.querySelectorAll('.md-nav--lifted > .md-nav__list > .md-nav__item')]
    .filter(li => getComputedStyle(li).display !== 'none').map(li => li.innerText.trim().split('\\n')[0]);
  return {nav: !!nav && !nav.hidden && nav.getBoundingClientRect().width > 100,
          toc: !!toc && toc.getBoundingClientRect().width > 0, section,
          left: Math.round(document.querySelector('.md-content').getBoundingClientRect().left)};
}"""


def test_every_page_has_the_same_layout(context: Any, sample: dict[str, Any]) -> None:
    """The section's navigation on the left of every page (Material showed it for 年报, 制度 and
    公众参与 only), the page's headings in it, the content always at the same place."""
    seen = {}
    for name in PAGES:
        if name in ("404", "apply"):
            continue
        url = address(sample, name)
        seen[name] = open_page(context, sample, url).evaluate(LAYOUT)
    lefts = {v["left"] for v in seen.values()}
    assert all(v["nav"] and not v["toc"] and v["section"] for v in seen.values()), seen
    assert len(lefts) == 1, seen
    assert seen["entry"]["section"] == ["法定主动公开内容"] and seen["listing"]["section"] == [
        "法定主动公开内容"
    ]
    assert seen["report"]["section"] == ["政府信息公开年报"]


@pytest.mark.parametrize("context", [390, 320], ids=["phone", "narrow"], indirect=True)
@pytest.mark.parametrize("size", ["1", "3"])
def test_the_full_site_name_shows_on_phones(
    context: Any, sample: dict[str, Any], size: str
) -> None:
    context.add_init_script(
        f"localStorage.setItem('xxgk-a11y', JSON.stringify({{size: '{size}'}}))"
    )
    page = open_page(context, sample, SEED_URL)
    page.mouse.wheel(0, 2000)  # Material swaps the site name for the page title on scroll
    page.evaluate(FRAMES)
    name = page.locator(".md-header__topic").first
    assert name.inner_text().strip() == SITE_NAME
    assert name.is_visible()
    cut = page.evaluate("""() => [...document.querySelectorAll('.md-header__topic:first-child, .md-header__topic:first-child *')]
      .some(el => el.scrollWidth > el.clientWidth + 1 || getComputedStyle(el).textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth)""")
    assert not cut
    box = name.bounding_box()
    assert (
        box is not None and box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"]
    )
    assert page.evaluate(REACH) <= page.viewport_size["width"] + 1
