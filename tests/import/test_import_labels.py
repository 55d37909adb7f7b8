"""The pieces of page reading: labels with empty values, titles with prefixes, 文号 after a
bullet, the furniture at an article's edges, and 发布日期 never taken silently for 产生时间."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from xxgk.cli import main
from xxgk.importer.blocks import Block
from xxgk.importer.furniture import trim
from xxgk.importer.header import normalise_doc_no
from xxgk.importer.labels import from_structures, from_text
from xxgk.importer.titles import clean_title, page_title
from xxgk.io.frontmatter import read


def labels(html: str) -> dict[str, str]:
    body = BeautifulSoup(html, "lxml").body
    assert body is not None
    found, seen = from_structures(body)
    from_text(body, found, seen)
    return {k: v.value for k, v in found.items()}


def test_an_empty_label_cell_yields_nothing_not_the_next_label() -> None:
    got = labels(
        "<table><tr><td>文　号：</td><td></td><td>关键词：</td><td>时效性：有效</td></tr>"
        "<tr><td>发布机构：</td><td>鄂托克前旗财政局</td></tr></table>"
    )
    assert got == {"有效性": "有效", "发布机构": "鄂托克前旗财政局"}


def test_an_empty_definition_and_an_empty_label_in_a_line_yield_nothing() -> None:
    assert labels("<dl><dt>文号：</dt><dd> </dd><dt>关键词：</dt><dd>预算 公开</dd></dl>") == {
        "关键词": "预算 公开"
    }
    assert labels("<p>文号： 关键词： 时效性：有效</p>") == {"有效性": "有效"}


@pytest.mark.parametrize(
    ("shown", "title"),
    [
        (
            "标题鄂尔多斯市人民政府关于印发工作规则的通知",
            "鄂尔多斯市人民政府关于印发工作规则的通知",
        ),
        ("当前位置:首页>信息公开>法定主动公开内容>公开指南", "公开指南"),
        ("返回顶部镇巴县人民政府工作规则", "镇巴县人民政府工作规则"),
        ("名称：关于调整办公时间的通知", "关于调整办公时间的通知"),
        ("首页 > 通知公告 > 关于调整办公时间的通知", "关于调整办公时间的通知"),
        ("关于网站首页改版的通知", "关于网站首页改版的通知"),
        ("名称变更登记公告", "名称变更登记公告"),
    ],
)
def test_titles_lose_breadcrumb_label_and_navigation_prefixes(shown: str, title: str) -> None:
    assert clean_title(shown) == title


def test_page_title_keeps_the_article_part() -> None:
    assert (
        page_title("关于印发《2025-2027年规划》的通知-鄂托克前旗人民政府")
        == "关于印发《2025-2027年规划》的通知"
    )
    assert (
        page_title("关于调整办公时间的通知_通知公告_鄂托克前旗财政局") == "关于调整办公时间的通知"
    )


@pytest.mark.parametrize(
    "printed",
    [
        "•鄂府发〔2025〕1号",
        "· 鄂府发〔2025〕1号",
        "文号：鄂府发〔2025〕1号",
        "● 鄂府发[2025]第001号",
    ],
)
def test_doc_no_after_a_bullet_or_label_is_the_number_alone(printed: str) -> None:
    assert normalise_doc_no(printed) == "鄂府发〔2025〕1号"


def test_furniture_is_removed_only_at_the_edges() -> None:
    blocks = [
        Block("p", t, t)
        for t in (
            "发布日期：2020-01-31　来源：旗政府办　浏览次数：88",
            "【字体：大 中 小】",
            "各单位：",
            "会议结束后请打印会议纪要并关闭门窗，分享到各科室学习。",
            "【打印】【关闭】",
            "分享到：",
            "上一篇：关于春节值班的通知",
            "网站标识码：1506230001 蒙ICP备05002345号",
        )
    ]
    kept, edges = trim(blocks)
    assert [b.text for b in kept] == [
        "各单位：",
        "会议结束后请打印会议纪要并关闭门窗，分享到各科室学习。",
    ]
    assert {k: v.value for k, v in edges.stated.items()} == {
        "发布日期": "2020-01-31",
        "来源": "旗政府办",
        "浏览次数": "88",
    }


def test_a_publication_date_alone_is_used_with_a_note(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "a.html"
    page.write_text(
        "<html><head><meta charset='utf-8'><title>关于开展安全生产检查的通知_鄂托克前旗应急管理局</title></head>"
        "<body><div class='info'>发布日期：2026-07-03　来源：鄂托克前旗应急管理局</div>"
        "<div id='zoom'><p>各镇人民政府：</p><p>请于本月底前完成辖区内安全生产检查，并报送检查情况。</p></div>"
        "</body></html>",
        encoding="utf-8",
    )
    assert (
        main(
            [
                "--root",
                str(repo),
                "import",
                str(page),
                "--category",
                "工作信息",
                "--department",
                "安全生产股",
                "--keywords",
                "安全生产",
                "--summary",
                "部署安全生产检查。",
            ]
        )
        == 0
    )
    [entry] = sorted((repo / "content" / "catalog").rglob("*.md"))
    meta = read(entry, "e.md").meta
    assert meta["产生时间"] == "2026-07-03" and meta["发布机构"] == "鄂托克前旗应急管理局"
    out = capsys.readouterr().out
    assert "产生时间：2026-07-03（取自正文以外的“发布日期”“2026-07-03”）" in out
    assert "发布机构：鄂托克前旗应急管理局（取自正文以外的“来源”“鄂托克前旗应急管理局”）" in out
    assert "页面没有成文日期" in out and "请核对文件的成文日期" in out
