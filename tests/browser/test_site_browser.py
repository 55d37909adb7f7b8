"""The public site in headless Chromium: Chinese search, filters, entry pages, phone width,
and not one request leaving the site's own origin."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlparse

import pytest

from xxgk.search.tokenize import shard_of, tokens

pytestmark = pytest.mark.browser
SEED = "鄂托克前旗人民政府办公室关于印发政府信息公开有关制度的通知"


@pytest.fixture
def page(browser: Any, sample: dict[str, Any]) -> Iterator[Any]:
    """A fresh page; fails the test if anything is requested from another origin."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    origin = urlparse(sample["base"]).netloc
    foreign: list[str] = []
    pg.on("request", lambda r: foreign.append(r.url) if urlparse(r.url).netloc != origin else None)
    yield pg
    context.close()
    assert not foreign, f"requests left the site: {foreign}"


def search(page: Any, base: str, query: str) -> list[str]:
    """Type the query on the search page, press Enter, return result titles in order."""
    page.goto(base + "search/")
    page.wait_for_selector("html[data-xxgk-ready]")
    page.fill("#xxgk-q", query)
    page.press("#xxgk-q", "Enter")
    page.wait_for_selector("html[data-xxgk-searched]")
    return page.locator("#xxgk-results h3").all_inner_texts()


def test_the_browser_tokenizer_is_the_python_tokenizer(page: Any, sample: dict[str, Any]) -> None:
    texts = [
        "鄂前政办发〔2018〕96号",
        "〔２０１８〕９６号 ＰＭ２.５",
        "二〇一八年 二○一八",
        "保密审查",
        "Hello 世界 abc123",
        "000014349/2018-01705",
        "号",
        "上海庙经济开发区管理委员会",
    ]
    page.goto(sample["base"] + "search/")
    page.wait_for_selector("html[data-xxgk-ready]")
    got = page.evaluate(
        """ts => ts.map(t => [xxgkTokenizer.tokens(t, false), xxgkTokenizer.tokens(t, true),
                              xxgkTokenizer.tokens(t, false).map(x => xxgkTokenizer.shardOf(x, 1024))])""",
        texts,
    )
    want = [
        [tokens(t), tokens(t, query=True), [shard_of(x, 1024) for x in tokens(t)]] for t in texts
    ]
    assert got == want


@pytest.mark.parametrize(
    ("query", "top"),
    [
        ("保密审查", 3),
        ("鄂前政办发〔2018〕96号", 1),
        ("96号", 3),
        ("〔2018〕96", 3),
        ("000014349/2018-01705", 1),
        ("依申请公开", 5),
    ],
)
def test_search_finds_the_seed_notice(
    page: Any, sample: dict[str, Any], query: str, top: int
) -> None:
    titles = search(page, sample["base"], query)
    assert SEED in titles[:top], titles
    assert "<mark>" in page.inner_html("#xxgk-results"), "the hit is marked"
    item = page.locator("#xxgk-results li").filter(has_text=SEED).first.inner_text()
    assert "2018-11-05" in item and "鄂前政办发〔2018〕96号" in item


def test_search_for_on_request_finds_catalog_only_entries(
    page: Any, sample: dict[str, Any]
) -> None:
    titles = search(page, sample["base"], "依申请公开")
    assert "鄂托克前旗人民政府办公室会议纪要汇编" in titles
    assert page.locator("#xxgk-results .xxgk-tag").count() >= 1


def rarest_keyword(meta: dict[str, Any], metas: list[dict[str, Any]]) -> str:
    """The entry's keyword that the fewest other sample entries also mention."""

    def mentions(word: str) -> int:
        return sum(
            word in (m.get("信息名称", "") + m.get("关键词", "") + m.get("内容描述", ""))
            for m in metas
        )

    return min(meta["关键词"].split(), key=mentions)


def test_a_term_from_an_entry_of_each_category_finds_it(page: Any, sample: dict[str, Any]) -> None:
    seen: set[str] = set()
    for meta in sample["metas"]:
        cat = meta.get("分类")
        if cat in seen or meta.get("公开形式") != "主动公开":
            continue
        seen.add(cat)
        term = rarest_keyword(meta, sample["metas"])
        titles = search(page, sample["base"], term)
        assert meta["信息名称"] in titles[:5], (cat, term, titles)
    assert len(seen) == 9


def test_filters_narrow_the_results(page: Any, sample: dict[str, Any]) -> None:
    search(page, sample["base"], "鄂托克前旗")
    total = page.evaluate("window.xxgkLastSearch.total")
    assert total >= 10
    for select, value, shown in (
        ("#xxgk-f-c", "政策文件", "政策文件"),
        ("#xxgk-f-y", "2018", "2018-"),
        ("#xxgk-f-f", "依申请公开", "依申请公开"),
    ):
        page.goto(sample["base"] + "search/?q=鄂托克前旗")
        page.wait_for_selector("html[data-xxgk-searched]")
        page.select_option(select, value)
        page.wait_for_function("n => window.xxgkLastSearch.total < n", arg=total)
        narrowed = page.evaluate("window.xxgkLastSearch.total")
        assert 0 < narrowed < total
        for item in page.locator("#xxgk-results li").all_inner_texts():
            assert shown in item, (select, item)


def test_filters_alone_list_entries_newest_first(page: Any, sample: dict[str, Any]) -> None:
    page.goto(sample["base"] + "search/?c=政策文件&s=old")
    page.wait_for_selector("html[data-xxgk-searched]")
    dates = [m.split(" ")[0] for m in page.locator(".xxgk-r-meta").all_inner_texts()]
    assert dates == sorted(dates) and dates


def test_the_header_search_box_on_any_page_searches(page: Any, sample: dict[str, Any]) -> None:
    page.goto(sample["base"] + "policies/4-secrecy-review/")
    page.fill("#xxgk-hq", "96号")
    page.press("#xxgk-hq", "Enter")
    page.wait_for_selector("html[data-xxgk-searched]")
    assert SEED in page.locator("#xxgk-results h3").all_inner_texts()


def test_a_result_opens_the_entry_page_with_its_table(page: Any, sample: dict[str, Any]) -> None:
    search(page, sample["base"], "鄂前政办发〔2018〕96号")
    page.locator("#xxgk-results h3 a").first.click()
    page.wait_for_selector("table.xxgk-meta")
    heads = page.locator("table.xxgk-meta th").all_inner_texts()
    assert heads == [
        "索引号",
        "分类",
        "发布机构",
        "产生时间",
        "信息名称",
        "文件编号",
        "公开形式",
        "公开时限",
        "责任部门",
        "关键词",
        "内容描述",
    ]
    assert page.locator("h1").inner_text() == SEED
    assert page.locator("table.xxgk-meta").is_visible()


@pytest.mark.parametrize(
    "path",
    [
        "",
        "catalog/",
        "catalog/000014349-2018-01705/",
        "catalog/list/all/",
        "search/?q=保密审查",
        "guide/",
        "policies/1-guide-and-catalog/",
    ],
)
def test_phone_width_has_no_sideways_scrolling(
    browser: Any, sample: dict[str, Any], path: str
) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 740}, device_scale_factor=2)
    pg = context.new_page()
    pg.goto(sample["base"] + path)
    pg.wait_for_load_state("networkidle")
    width = pg.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert width <= 375, f"{path}: page is {width}px wide"
