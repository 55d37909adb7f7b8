"""Saved pages of four government CMS layouts imported one by one: every field, its origin
and the cleaned body exactly."""

from __future__ import annotations

from pathlib import Path

import pytest
from cms_pages import EXPECTED, FURNITURE, MIRROR_ARTICLE, copy_pages

from xxgk.cli import main
from xxgk.io.frontmatter import read

OPTIONS = ["--category", "政策文件", "--department", "办公室"]
COMMON = {
    "分类": "政策文件",
    "责任部门": "办公室",
    "公开形式": "主动公开",
    "公开时限": "长期公开",
    "审核程序": "单位内审核后公开",
}
# 000014349/2024-00001 goes to the mirror's article in a folder import (it sorts first)
ALONE = {"trs/t20240612_3590.html": ("000014349/2024-00002", "000014349/2024-00001")}


@pytest.mark.parametrize("page", sorted(EXPECTED))
def test_each_layout_gives_every_field_and_the_clean_body(
    repo: Path, tmp_path: Path, page: str, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = copy_pages(tmp_path / "pages")
    assert main(["--root", str(repo), "import", str(pages / page), *OPTIONS]) == 0
    [entry] = sorted((repo / "content" / "catalog").rglob("*.md"))
    meta, body = EXPECTED[page]
    want = {**meta, **COMMON}
    text = entry.read_text(encoding="utf-8")
    if page in ALONE:  # imported alone, the TRS page is the first of 2024
        old, new = ALONE[page]
        want = {k: v for k, v in want.items() if k != "附件"}
        want["索引号"] = new
        body = body.replace(old.replace("/", "-"), new.replace("/", "-"))
    doc = read(entry, "e.md")
    assert {k: v for k, v in doc.meta.items() if k != "附件"} == want
    assert doc.body == body, text
    for word in FURNITURE:
        assert word not in doc.body, word


def test_origins_are_said_truthfully(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = copy_pages(tmp_path / "pages")
    main(["--root", str(repo), "import", str(pages / "hanweb/art_1234_56789.html"), *OPTIONS])
    out = capsys.readouterr().out
    assert "正文取自：正文容器 #ivs_content" in out
    assert (
        "文件编号：鄂前交发〔2023〕7号（取自正文中的发文字号）" in out
    )  # the table's 文号 is empty
    assert "产生时间：2023-05-08（取自信息公开表格的“成文日期”“2023-05-08”）" in out
    assert "关键词：道路运输 隐患排查（取自信息公开表格的“关键词”）" in out  # the meta tag is empty
    assert (
        "内容描述：印发道路运输安全生产隐患排查治理方案，明确排查范围、时间安排和工作要求。（取自网页 meta 标签的“Description”）"
        in out
    )
    main(["--root", str(repo), "import", str(pages / MIRROR_ARTICLE), *OPTIONS])
    out = capsys.readouterr().out
    assert "正文取自：readability-lxml 主体识别" in out
    assert "文件编号：鄂前应急发〔2024〕2号（取自正文开头的“文号”）" in out
    assert (
        "信息名称：鄂托克前旗应急管理局关于开展春节后复工复产安全生产检查的通知（取自正文上方的标题行）"
        in out
    )
    assert "正文开头的“发布时间、信息来源、阅读量”一行" in out


def test_a_column_page_is_not_imported(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = copy_pages(tmp_path / "pages")
    column = pages / "mirror/www.etkqq.gov.cn/zwgk/tzgg/index.html"
    assert main(["--root", str(repo), "import", str(column), *OPTIONS]) == 1
    assert "不是一篇文章" in capsys.readouterr().err
    assert not list((repo / "content" / "catalog").rglob("*.md"))
