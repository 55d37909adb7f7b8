"""Only what may be published reaches site/; unsafe or unreadable content stops the build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from xxgk_site_kit import add_entry, mkdocs_build, page, sign_entry, sign_page

from xxgk.review.sign import SignError

SITE_FILES = ("catalog", "search/idx")


def site_text(root: Path) -> str:
    """Every text file of the built site, for canary searches."""
    out = []
    for path in (root / "site").rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".js"):
            out.append(path.read_text("utf-8", "replace"))
    return "\n".join(out)


def ok_build(root: Path) -> str:
    done = mkdocs_build(root)
    assert done.returncode == 0, done.stderr
    return done.stderr


def test_an_entry_without_review_is_not_published_and_the_log_says_why(site_repo: Path) -> None:
    add_entry(site_repo, 1, sign=False, 信息名称="鄂托克前旗人民政府办公室关于未审查金丝雀的通知")
    log = ok_build(site_repo)
    assert "content/catalog/2024/000014349-2024-00001.md" in log and "保密审查" in log
    assert "金丝雀" not in site_text(site_repo)
    assert not (site_repo / "site/catalog/000014349-2024-00001").exists()


def test_a_changed_entry_loses_its_review(site_repo: Path) -> None:
    path = add_entry(site_repo, 1)
    path.write_text(path.read_text("utf-8") + "\n审查之后才加上的金丝雀段落。\n", "utf-8")
    ok_build(site_repo)
    assert "金丝雀" not in site_text(site_repo)


def test_an_entry_failing_its_checks_is_not_published(site_repo: Path) -> None:
    add_entry(
        site_repo,
        1,
        关键词="政府信息公开工作制度汇编金丝雀",
        信息名称="鄂托克前旗人民政府办公室关于检查不过的通知",
    )
    log = ok_build(site_repo)
    assert "未通过检查" in log and "CAT-KEYWORD" in log
    assert "检查不过" not in site_text(site_repo)


def test_a_review_refusing_publication_keeps_the_entry_off(site_repo: Path) -> None:
    path = add_entry(
        site_repo, 1, sign=False, 信息名称="鄂托克前旗人民政府办公室关于不予公开金丝雀的通知"
    )
    sign_entry(site_repo, path, conclusion="不予公开")
    ok_build(site_repo)
    assert "金丝雀" not in site_text(site_repo)


def test_on_request_entries_are_catalog_rows_without_body(site_repo: Path) -> None:
    add_entry(
        site_repo,
        2,
        公开形式="依申请公开",
        body="正文金丝雀不得公开。\n",
        信息名称="鄂托克前旗人民政府办公室关于依申请公开事项的说明",
    )
    ok_build(site_repo)
    text = site_text(site_repo)
    assert "正文金丝雀" not in text
    row = page(site_repo, "catalog/list/all")
    assert "依申请公开事项的说明" in row and 'href="../../../guide/#apply">申请获取' in row
    entry = page(site_repo, "catalog/000014349-2024-00002")
    assert "xxgk-meta" in entry and 'href="../../guide/#apply"' in entry


def test_expired_limited_and_withdrawn_entries_leave_the_listings(site_repo: Path) -> None:
    add_entry(
        site_repo,
        1,
        公开时限="限时公开",
        公开截止日期="2025-01-31",
        信息名称="鄂托克前旗人民政府办公室关于过期公示金丝雀的通知",
    )
    add_entry(
        site_repo,
        2,
        公开时限="限时公开",
        公开截止日期="2027-01-31",
        信息名称="鄂托克前旗人民政府办公室关于仍在公示期的通知",
    )
    add_entry(site_repo, 3, 信息名称="鄂托克前旗人民政府办公室关于撤回金丝雀的通知")
    (site_repo / "withdrawals").mkdir()
    (site_repo / "withdrawals" / "2026-000014349-2024-00003.yml").write_text(
        "索引号: 000014349/2024-00003\n条目: content/catalog/2024/000014349-2024-00003.md\n"
        "信息名称: 鄂托克前旗人民政府办公室关于撤回金丝雀的通知\n撤回原因: 复查发现含有个人信息\n"
        "撤回日期: 2026-11-01\n批准人: 王建华\n",
        "utf-8",
    )
    log = ok_build(site_repo)
    assert "已于 2025-01-31 到期" in log and "撤回" in log
    text = site_text(site_repo)
    assert "金丝雀" not in text and "仍在公示期" in text
    assert "限时公开（至 2027-01-31）" in page(site_repo, "catalog/000014349-2024-00002")


def test_nothing_from_records_reaches_the_site(site_repo: Path) -> None:
    add_entry(site_repo, 1)
    for folder in ("requests", "reviews", "training"):
        (site_repo / folder / "x").mkdir(parents=True, exist_ok=True)
        (site_repo / folder / "x" / "canary.yml").write_text(f"姓名: 记录金丝雀{folder}\n", "utf-8")
    ok_build(site_repo)
    assert "记录金丝雀" not in site_text(site_repo)
    assert not any("canary" in p.name for p in (site_repo / "site").rglob("*"))


@pytest.mark.parametrize(
    ("body", "line", "what"),
    [
        ("第一段。\n\n<script>alert(1)</script>\n", 3, "<script>"),
        (
            '第一段。\n\n<a href="#" onclick="steal()">点这里</a>\n',
            3,
            "不允许的属性 onclick（<a>）",
        ),
        ("第一段。\n\n[打开](javascript:alert(1))\n", 3, "javascript:"),
        ("第一段。\n\n<!-- 内部意见：暂缓 -->\n", 3, "HTML 注释"),
        ('第一段。\n{: onmouseover="x()" }\n', 2, "不允许的属性 onmouseover（<p>）"),
        ('<a href="java&#115;cript:x()">链接</a>\n', 1, "javascript:"),
    ],
)
def test_unsafe_markup_in_a_body_fails_the_build_naming_file_and_line(
    site_repo: Path, body: str, line: int, what: str
) -> None:
    path = add_entry(site_repo, 1, body=body)
    body_line = path.read_text("utf-8").split("\n").index("---", 1) + 2 + 1  # blank line after
    done = mkdocs_build(site_repo)
    assert done.returncode != 0
    assert f"content/catalog/2024/000014349-2024-00001.md:{body_line + line - 1}" in done.stderr
    assert what in done.stderr and "Traceback" not in done.stderr
    assert not (site_repo / "site/catalog/000014349-2024-00001").exists()


def test_code_that_shows_markup_is_not_unsafe(site_repo: Path) -> None:
    add_entry(site_repo, 1, body="网页里用 `<script>` 标签引入脚本，本栏目不允许。\n")
    ok_build(site_repo)
    assert "&lt;script&gt;" in page(site_repo, "catalog/000014349-2024-00001")


def test_unparsable_front_matter_fails_the_build(site_repo: Path) -> None:
    bad = site_repo / "content/catalog/2024/broken.md"
    bad.parent.mkdir(parents=True)
    bad.write_text("---\n索引号: 000014349/2024-00009\n信息名称: [未闭合\n---\n正文\n", "utf-8")
    done = mkdocs_build(site_repo)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    # The YAML reader stops where the open bracket runs into the closing fence.
    assert re.search(r"content/catalog/2024/broken\.md:[34]:\d+: \[FM-SYNTAX\]", done.stderr)
    assert "元数据无法读取" in done.stderr


def test_an_unreviewed_edit_of_an_ordinary_page_is_not_published(site_repo: Path) -> None:
    page_file = site_repo / "content/policies/5-training.md"
    page_file.write_text("---\ntitle: 培训: 制度: 错\n---\n\n未审查的金丝雀\n", "utf-8")
    done = mkdocs_build(site_repo)
    assert done.returncode == 0 and "Traceback" not in done.stderr
    assert "未发布 content/policies/5-training.md" in done.stderr
    assert "未审查的金丝雀" not in site_text(site_repo)
    assert "本页尚未经保密审查，暂不公开" in page(site_repo, "policies/5-training")


def test_unsafe_markup_in_a_reviewed_ordinary_page_fails_the_build(site_repo: Path) -> None:
    page_file = site_repo / "content/policies/5-training.md"
    page_file.write_text(page_file.read_text("utf-8") + "\n<img src=x onerror=alert(1)>\n", "utf-8")
    sign_page(site_repo, page_file)
    done = mkdocs_build(site_repo)
    assert done.returncode != 0 and "content/policies/5-training.md:" in done.stderr


def test_an_attachment_outside_the_entry_folder_fails_the_build(site_repo: Path) -> None:
    (site_repo / "requests").mkdir()
    (site_repo / "requests" / "secret.txt").write_text("申请人金丝雀", "utf-8")
    add_entry(
        site_repo, 1, sign=False, 附件=[{"名称": "附件", "文件": "../../../requests/secret.txt"}]
    )
    with pytest.raises(SignError, match="附件"):  # a reviewer cannot vouch for it
        sign_entry(site_repo, site_repo / "content/catalog/2024/000014349-2024-00001.md")
    done = mkdocs_build(site_repo)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "申请人金丝雀" not in site_text(site_repo)
    assert not (site_repo / "site/catalog/000014349-2024-00001").exists()
