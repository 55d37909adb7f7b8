"""Full-text search in Chromium, typed into the header's search box as a reader does: whole
bodies and the columns' pages are found, ranked as a reader would agree, and the passage that
matched is shown with the whole query marked."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from xxgk_site_kit import REPO, add_entry, sign_entry

from xxgk.bench.search_probe import serve
from xxgk.search.tokenize import exact_key, query_tokens, tokens

pytestmark = pytest.mark.browser
SEED = "鄂托克前旗人民政府办公室关于印发政府信息公开有关制度的通知"
SEED_URL = "catalog/000014349-2018-01705/"
FILLER = "各单位要高度重视，明确责任分工，细化工作措施，确保各项任务落到实处。\n\n"
LONG = FILLER * 80  # some 2,700 characters: a match after it is in the body's second block


def _entries(root: Path) -> None:
    """Entries whose order a reader can tell (serials 91000 and up)."""
    add_entry(
        root,
        91001,
        文件编号="鄂前政办发〔2024〕71号",
        信息名称="鄂托克前旗人民政府办公室关于做好冬季供暖保障工作的通知",
    )
    for n in (91002, 91003):  # cite it often, in the body only
        add_entry(
            root,
            n,
            body="根据鄂前政办发〔2024〕71号要求。\n\n" * 6,
            信息名称=f"鄂托克前旗民政局第{n}号工作通报",
        )
    add_entry(
        root,
        91010,
        信息名称="鄂托克前旗应急管理局关于草原防火期野外用火管理的通告",
        关键词="野外用火",
    )
    add_entry(
        root,
        91011,
        body="草原防火期内严禁野外用火。\n\n" * 8,
        信息名称="鄂托克前旗应急管理局工作简报",
    )
    add_entry(
        root,
        91020,
        body=FILLER * 4 + "今年将推进档案数字化工作。\n",
        信息名称="鄂托克前旗档案馆年度工作要点",
    )
    add_entry(
        root,
        91021,
        body="全年办案数量增加，档案整理规范，数字政府建设加快，文字化记录完整。\n\n" * 5,
        信息名称="鄂托克前旗档案馆工作总结",
    )
    for n in range(91030, 91038):
        add_entry(
            root,
            n,
            body=LONG + f"第{n}号通知：做好冬春季动物防疫工作。\n",
            信息名称=f"鄂托克前旗农牧局第{n}号通知",
        )


def _build(root: Path) -> None:
    root.mkdir(parents=True)
    for name in ("xxgk.yml", "mkdocs.yml"):
        shutil.copy(REPO / name, root / name)
    for folder in ("schemas", ".xxgk", "training", "content"):
        shutil.copytree(REPO / folder, root / folder)
    for review in REPO.glob("reviews/*/page-*"):  # the shipped pages' signed reviews
        (root / review.parent.relative_to(REPO)).mkdir(parents=True, exist_ok=True)
        shutil.copy(review, root / review.relative_to(REPO))
    for path in sorted((root / "content" / "catalog").rglob("*.md")):
        sign_entry(root, path)
    _entries(root)
    env = {**os.environ, "XXGK_TODAY": "2026-11-27", "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [str(Path(sys.executable).parent / "mkdocs"), "build", "--strict"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    root = tmp_path_factory.mktemp("search") / "repo"
    _build(root)
    server = serve(root / "site")
    try:
        yield {"root": root, "base": f"http://127.0.0.1:{server.server_address[1]}/"}
    finally:
        server.shutdown()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    context.close()
    assert not errors, errors


def header_search(
    page: Any, base: str, query: str, start: str = "policies/4-secrecy-review/"
) -> list[dict[str, str]]:
    """Type into the search box in the header of any page and press Enter; the results as
    [{title, href, snippet (HTML)}]."""
    page.goto(base + start)
    page.click("#xxgk-hq")
    page.fill("#xxgk-hq", query)
    page.press("#xxgk-hq", "Enter")  # fill() fires no key event: Enter submits the form
    page.wait_for_selector("html[data-xxgk-searched]")
    return page.eval_on_selector_all(
        "#xxgk-results li",
        """items => items.map(li => ({
        title: li.querySelector('h3').innerText, href: li.querySelector('h3 a').getAttribute('href'),
        snippet: li.querySelector('p').innerHTML}))""",
    )


def marks(html: str) -> list[str]:
    return re.findall(r"<mark>(.*?)</mark>", html)


POLICIES = sorted((REPO / "content/policies").glob("*.md"))


def tail_phrase(path: Path, shared: int = 0) -> str:
    """Eight characters from the end of a page that at most ``shared`` other policy pages
    have (the last lines of several policies are the same: 本制度自印发之日起施行)."""
    others = [p.read_text("utf-8") for p in POLICIES if p != path]
    for run in reversed(re.findall(r"[\u4e00-\u9fff]{8,}", path.read_text("utf-8"))):
        if "鄂托克前旗" not in run and sum(run[:8] in o for o in others) <= shared:
            return run[:8]
    raise AssertionError(path)


def test_a_phrase_from_the_end_of_the_seed_notice_is_found_and_marked_whole(
    page: Any, site: dict[str, Any]
) -> None:
    results = header_search(page, site["base"], "不缺位、不失语")
    seed = next(r for r in results if r["title"] == SEED)
    assert marks(seed["snippet"]) == [
        "不缺位、不失语"
    ]  # the passage near the end, the query as one mark
    assert "policies/8-public-opinion/" in {r["href"].lstrip("./") for r in results}


@pytest.mark.parametrize("source", [*(p.name for p in POLICIES), "seed"])
def test_the_last_words_of_each_policy_page_and_of_the_seed_find_it(
    page: Any, site: dict[str, Any], source: str
) -> None:
    path = REPO / (
        "content/catalog/2018/000014349-2018-01705.md"
        if source == "seed"
        else f"content/policies/{source}"
    )
    phrase = tail_phrase(path, 1 if source == "seed" else 0)  # the seed ends as policy 8 does
    url = SEED_URL if source == "seed" else f"policies/{path.stem}/"
    results = header_search(page, site["base"], phrase)
    found = [r for r in results if r["href"].endswith(url)]
    assert found, (phrase, [r["href"] for r in results])
    assert phrase in marks(found[0]["snippet"]), found[0]["snippet"]


def test_an_exact_document_number_comes_before_the_documents_that_cite_it(
    page: Any, site: dict[str, Any]
) -> None:
    titles = [r["title"] for r in header_search(page, site["base"], "鄂前政办发〔2024〕71号")]
    assert titles[0] == "鄂托克前旗人民政府办公室关于做好冬季供暖保障工作的通知"
    assert {"鄂托克前旗民政局第91002号工作通报", "鄂托克前旗民政局第91003号工作通报"} <= set(
        titles[1:3]
    )


def test_a_title_ranks_above_a_body_that_repeats_the_words(page: Any, site: dict[str, Any]) -> None:
    titles = [r["title"] for r in header_search(page, site["base"], "草原防火期")]
    assert titles[:2] == [
        "鄂托克前旗应急管理局关于草原防火期野外用火管理的通告",
        "鄂托克前旗应急管理局工作简报",
    ]


def test_the_words_as_a_phrase_rank_above_the_same_words_scattered(
    page: Any, site: dict[str, Any]
) -> None:
    results = header_search(page, site["base"], "档案数字化")
    assert [r["title"] for r in results] == [
        "鄂托克前旗档案馆年度工作要点",
        "鄂托克前旗档案馆工作总结",
    ]
    assert marks(results[0]["snippet"]) == ["档案数字化"]
    assert set(marks(results[1]["snippet"])) >= {"档案", "数字"}  # scattered: each part marked


def test_results_four_to_six_show_their_deep_matches_marked(
    page: Any, site: dict[str, Any]
) -> None:
    results = header_search(page, site["base"], "冬春季动物防疫")
    assert len(results) == 8
    for r in results[3:6]:
        assert marks(r["snippet"]) == ["冬春季动物防疫"], r
        assert r["snippet"].startswith("…")  # the passage, not the start of the body


def test_typing_on_the_search_page_searches_as_keys_are_released(
    page: Any, site: dict[str, Any]
) -> None:
    page.goto(site["base"] + "search/")
    page.wait_for_selector("html[data-xxgk-ready]")
    page.fill("#xxgk-q", "学时")
    page.press("#xxgk-q", "End")  # a key: the box searches on keyup, which fill() does not fire
    page.wait_for_selector("html[data-xxgk-searched]")
    titles = page.locator("#xxgk-results h3").all_inner_texts()
    assert "鄂托克前旗人民政府信息公开工作培训制度" in titles[:2] and SEED in titles
    assert "学时" in page.inner_html("#xxgk-results li:first-child p")


def test_without_javascript_the_search_page_offers_the_category_listings(
    browser: Any, site: dict[str, Any]
) -> None:
    context = browser.new_context(java_script_enabled=False)
    pg = context.new_page()
    pg.goto(site["base"] + "search/?q=保密审查")
    assert "全文检索需要启用浏览器的 JavaScript" in pg.inner_text("article")
    links = pg.eval_on_selector_all(".xxgk-noscript a", "as => as.map(a => [a.innerText, a.href])")
    assert [name for name, _ in links[1:10]] == [
        "机构概况",
        "政策文件",
        "政府决策",
        "工作信息",
        "人事信息",
        "行政执法",
        "财政信息",
        "公共服务",
        "社会监督",
    ]
    for _, href in links:
        assert pg.request.get(href).ok, href
    context.close()


def test_an_index_of_another_tokenizer_is_refused_not_misread(
    page: Any, site: dict[str, Any]
) -> None:
    def older(route: Any) -> None:
        body = route.fetch().text().replace('"algorithm":2', '"algorithm":1')
        route.fulfill(body=body, content_type="text/html; charset=utf-8")

    page.route("**/search/?q=*", older)
    page.goto(site["base"] + "search/?q=保密审查")
    page.wait_for_function(
        "document.getElementById('xxgk-status').textContent.includes('版本不一致')"
    )
    assert page.locator("#xxgk-results li").count() == 0


def test_the_browser_tokenizer_is_built_from_the_manifest_and_matches_python(
    page: Any, site: dict[str, Any]
) -> None:
    texts = [
        "𠮷野家 𠀀𠀁 豈更 ㈠① ＫＫ K ＰＭ２.５ 〔２０１８〕",
        "二〇一八年 二○一八",
        "Ǆ ß ﬁ ℌ ㍿ ⅻ",
    ]
    texts += [p.read_text("utf-8") for p in sorted((REPO / "content/policies").glob("*.md"))]
    page.goto(site["base"] + "search/")
    page.wait_for_selector("html[data-xxgk-ready]")
    got = page.evaluate(
        """ts => ts.map(t => [xxgkTokenizer.tokens(t, false), xxgkTokenizer.tokens(t, true),
                                             xxgkTokenizer.exactKey(t)])""",
        texts,
    )
    assert got == [[tokens(t), tokens(t, query=True), exact_key(t)] for t in texts]


def test_a_pasted_paragraph_finds_its_page(page: Any, site: dict[str, Any]) -> None:
    text = (REPO / "content/policies/8-public-opinion.md").read_text("utf-8")
    paragraph = max(
        (line for line in text.splitlines() if not line.startswith(("#", ">", "*"))), key=len
    )
    assert len(query_tokens(paragraph)) > 64  # more than the browser looks up
    results = header_search(page, site["base"], paragraph)
    assert any(r["href"].endswith("policies/8-public-opinion/") for r in results[:2]), paragraph
