"""``xxgk import`` of a page saved from a government site (GB2312, nav, scripts, styles)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import markdown
import pytest
from import_samples import TITLE, UNIT

from xxgk.cli import main
from xxgk.io.frontmatter import read
from xxgk.model.sanitize import findings

OPTIONS = ["--category", "政策文件", "--department", "政务公开办公室"]


def run(repo: Path, *args: str) -> int:
    return main(["--root", str(repo), *args])


def imported(repo: Path) -> Path:
    [path] = sorted((repo / "content" / "catalog").rglob("*.md"))
    return path


def test_page_becomes_an_entry_that_passes_check(
    repo: Path, make_page: Callable[..., Path]
) -> None:
    assert run(repo, "import", str(make_page()), *OPTIONS) == 0
    doc = read(imported(repo), "e.md")
    assert doc.meta["信息名称"] == TITLE
    assert doc.meta["索引号"] == "000014349/2026-00077"  # the page's own number is kept
    assert doc.meta["文件编号"] == "鄂前政办发〔2026〕8号"  # the page printed （2026）
    assert doc.meta["产生时间"] == "2026-03-05"
    assert doc.meta["发布机构"] == UNIT
    assert doc.meta["关键词"] == "政府信息公开 年度报告 工作要点"
    assert doc.meta["内容描述"] == "部署2026年政府信息公开重点工作。"
    done = subprocess.run(
        [sys.executable, "-m", "xxgk", "--root", str(repo), "check"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "XXGK_TODAY": "2026-11-27"},
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_site_furniture_scripts_and_styles_are_gone(
    repo: Path, make_page: Callable[..., Path]
) -> None:
    run(repo, "import", str(make_page()), *OPTIONS)
    body = read(imported(repo), "e.md").body
    for gone in (
        "统计代码",
        "首页",
        "当前位置",
        "分享到",
        "打印本页",
        "关闭窗口",
        "网站标识码",
        "编辑备注",
        "javascript",
        "style",
        "font",
        "color",
        "16pt",
        "<span",
        TITLE,
    ):
        assert gone not in body, gone
    assert body.startswith("\n各镇人民政府，旗直各有关部门：\n")
    assert "\n## 一、总体要求\n" in body
    assert "| **序号** | **任务** |\n| --- | --- |\n| 1 | 更新公开指南 |" in body


def test_attributes_scripts_and_links_of_the_page_are_not_carried_over(
    repo: Path, make_page: Callable[..., Path]
) -> None:
    run(repo, "import", str(make_page()), *OPTIONS)
    body = read(imported(repo), "e.md").body
    assert "请按时报送，详见这里。" in body  # the javascript: link is reduced to its text
    html = markdown.markdown(body, extensions=["attr_list", "tables"])
    assert not re.search(r"<[^>]*\son\w+=", html)
    assert "<script" not in html and "javascript:" not in html


def test_markup_written_as_text_stays_text(repo: Path, make_page: Callable[..., Path]) -> None:
    extra = "<br>&lt;img src=x onerror=alert(1)&gt;"
    assert run(repo, "import", str(make_page(extra=extra)), *OPTIONS) == 0
    html = markdown.markdown(read(imported(repo), "e.md").body, extensions=["attr_list"])
    assert "&lt;img src=x onerror=alert(1)&gt;" in html and "<img src=x" not in html


def test_text_that_spells_an_attribute_list_stays_text(
    repo: Path, make_page: Callable[..., Path]
) -> None:
    # The body is checked as the site renders it (CAT-UNSAFE-MARKUP): the importer escapes the
    # braces, so the words show as typed and no attribute reaches any element.
    assert run(repo, "import", str(make_page(extra='<br>{: onclick="x"}')), *OPTIONS) == 0
    html = markdown.markdown(
        read(imported(repo), "e.md").body, extensions=["attr_list", "tables", "toc"]
    )
    assert '{: onclick="x"}' in html
    assert not re.search(r"<[^>]*\son\w+=", html) and findings(html) == []


def test_attachment_and_image_are_copied_beside_the_entry(
    repo: Path, make_page: Callable[..., Path]
) -> None:
    run(repo, "import", str(make_page()), *OPTIONS)
    entry = imported(repo)
    folder = entry.with_name(entry.stem + ".files")
    assert (folder / "renwu.xlsx").read_bytes().startswith(b"PK")
    assert (folder / "flow.png").read_bytes().startswith(b"\x89PNG")
    doc = read(entry, "e.md")
    assert doc.meta["附件"] == [
        {
            "名称": "附件1 2026年政府信息公开工作任务分解表",
            "文件": f"{entry.stem}.files/renwu.xlsx",
        },
        {"名称": "正文插图1 工作流程图", "文件": f"{entry.stem}.files/flow.png"},
    ]
    assert f"![工作流程图]({entry.stem}.files/flow.png)" in doc.body


def test_remote_attachment_is_reported_not_fetched(
    repo: Path, make_page: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    page = make_page()
    text = (
        page.read_bytes()
        .decode("gb18030")
        .replace("files/renwu.xlsx", "http://www.example.gov.cn/a.pdf")
    )
    page.write_bytes(text.encode("gb18030"))
    assert run(repo, "import", str(page), *OPTIONS) == 0
    out = capsys.readouterr().out
    assert "没有取得" in out and "http://www.example.gov.cn/a.pdf" in out
    assert [a["名称"] for a in read(imported(repo), "e.md").meta["附件"]] == [
        "正文插图1 工作流程图"
    ]


def test_page_number_already_taken_gets_the_next_one(
    repo: Path, make_page: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(repo, "import", str(make_page()), *OPTIONS) == 0
    # another page that shows the same 索引号 (the old platform numbered it twice)
    assert run(repo, "import", str(make_page(extra="（修订稿）")), *OPTIONS) == 0
    numbers = sorted(
        read(p, "e.md").meta["索引号"] for p in (repo / "content/catalog").rglob("*.md")
    )
    assert numbers == ["000014349/2026-00077", "000014349/2026-00078"]
    assert "已被占用" in capsys.readouterr().out


def test_article_written_as_one_div_with_line_breaks(repo: Path, tmp_path: Path) -> None:
    page = tmp_path / "old.htm"
    page.write_text(
        "<html><head><meta charset='utf-8'><title>关于开展安全生产检查的通知-鄂托克前旗应急管理局</title>"
        "</head><body><div class='top'><table><tr><td>发布机构：</td><td>鄂托克前旗应急管理局</td></tr>"
        "</table></div><div class='main'><div class='text'>各镇人民政府：<br>请于本月底前完成安全生产检查。"
        "<br>鄂托克前旗应急管理局<br>2026年7月1日</div><div class='hot'>热点新闻</div></div>"
        "</body></html>",
        encoding="utf-8",
    )
    assert (
        run(
            repo,
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
        )
        == 0
    )
    doc = read(imported(repo), "e.md")
    assert doc.meta["信息名称"] == "关于开展安全生产检查的通知"
    assert doc.meta["发布机构"] == "鄂托克前旗应急管理局" and doc.meta["产生时间"] == "2026-07-01"
    assert "发布机构" not in doc.body and "热点新闻" not in doc.body
    assert "请于本月底前完成安全生产检查。" in doc.body
