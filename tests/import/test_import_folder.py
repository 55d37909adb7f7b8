"""``xxgk import DIR``: a folder of saved pages (a site mirror among them) in one command, with
its report; a second run imports nothing twice; an entry is written whole or not at all."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cms_pages import EXPECTED, FURNITURE, copy_pages
from import_samples import simple_docx

from xxgk.cli import main
from xxgk.io.frontmatter import read

OPTIONS = ["--category", "政策文件", "--department", "办公室"]


def entries(repo: Path) -> dict[str, Path]:
    return {
        str(read(p, "e.md").meta["索引号"]): p
        for p in sorted((repo / "content" / "catalog").rglob("*.md"))
    }


def report_rows(folder: Path) -> list[dict[str, str]]:
    text = (folder / "导入报告.csv").read_text(encoding="utf-8-sig")
    return list(csv.DictReader(text.splitlines()))


def test_a_folder_imports_in_one_command_with_its_report(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = copy_pages(tmp_path / "pages")
    assert main(["--root", str(repo), "import", str(pages), *OPTIONS]) == 0
    found = entries(repo)
    assert len(found) == len(EXPECTED) == 4
    for page, (meta, body) in EXPECTED.items():
        doc = read(found[str(meta["索引号"])], "e.md")
        assert {k: doc.meta[k] for k in meta} == meta, page
        assert doc.body == body, page
        assert not [w for w in FURNITURE if w in doc.body], page
    rows = {r["文件"]: r for r in report_rows(pages)}
    assert rows["mirror/www.etkqq.gov.cn/index.html"]["结果"] == "栏目页"
    assert rows["mirror/www.etkqq.gov.cn/zwgk/tzgg/index.html"]["结果"] == "栏目页"
    ordos = rows["ordos/xxgk_detail.html"]
    assert (ordos["结果"], ordos["索引号"], ordos["索引号来源"]) == (
        "已导入",
        "000014349/2025-00012",
        "保留原索引号",
    )
    assert ordos["产生时间出处"] == "信息公开表格的“成文日期”“2025-01-20”"
    assert ordos["内容描述出处"] == "信息公开表格的“内容概述”"
    assert rows["trs/t20240612_3590.html"]["索引号来源"] == "新分配"
    assert rows["trs/t20240612_3590.html"]["正文取自"] == "正文容器 .TRS_Editor"
    summary = (pages / "导入报告.txt").read_text(encoding="utf-8")
    assert "共 6 个文件" in summary and "已导入 4 个" in summary
    assert (
        "栏目页或首页（不是文章）跳过 2 个" in summary
        and "保留原网站的 2 个，新分配 2 个" in summary
    )
    err = capsys.readouterr().err
    assert "[1/6] hanweb/art_1234_56789.html：已导入" in err and "[6/6] trs/" in err
    done = subprocess.run(
        [sys.executable, "-m", "xxgk", "--root", str(repo), "check"],
        text=True,
        capture_output=True,
        check=False,
        env={**os.environ, "XXGK_TODAY": "2026-11-27"},
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_running_again_imports_nothing_twice(repo: Path, tmp_path: Path) -> None:
    pages = copy_pages(tmp_path / "pages")
    assert main(["--root", str(repo), "import", str(pages), *OPTIONS]) == 0
    before = {p: p.read_bytes() for p in (repo / "content").rglob("*") if p.is_file()}
    # a second save of the same page (another folder, same address) is the same source
    again = tmp_path / "again"
    again.mkdir()
    (again / "copy.html").write_bytes((pages / "ordos/xxgk_detail.html").read_bytes())
    assert main(["--root", str(repo), "import", str(pages), *OPTIONS]) == 0
    assert main(["--root", str(repo), "import", str(again), *OPTIONS]) == 0
    after = {p: p.read_bytes() for p in (repo / "content").rglob("*") if p.is_file()}
    assert after == before
    outcomes = sorted(r["结果"] for r in report_rows(pages))
    assert outcomes == ["已导入过"] * 4 + ["栏目页"] * 2
    assert [r["条目"] for r in report_rows(again)] == [
        "content/catalog/2025/000014349-2025-00012.md"
    ]


def test_a_page_that_cannot_pass_is_held_and_listed(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    simple_docx(
        folder / "a.docx",
        [
            "关于调整办公时间的通知",
            "各单位：",
            "自即日起调整办公时间。",
            "鄂托克前旗人民政府办公室",
            "2026年4月1日",
        ],
    )
    (folder / "empty.html").write_text("<html><body><div id='zoom'></div></body></html>")
    assert (
        main(
            [
                "--root",
                str(repo),
                "import",
                str(folder),
                *OPTIONS,
                "--report",
                str(tmp_path / "报告"),
            ]
        )
        == 1
    )
    assert entries(repo) == {}
    rows = {
        r["文件"]: r
        for r in csv.DictReader(
            (tmp_path / "报告.csv").read_text(encoding="utf-8-sig").splitlines()
        )
    }
    assert rows["a.docx"]["结果"] == "未写入"
    assert rows["a.docx"]["缺少"] == "关键词、内容描述"
    assert rows["a.docx"]["产生时间"] == "2026-04-01"
    assert rows["empty.html"]["结果"] == "读取失败"
    assert "没有读到任何正文" in rows["empty.html"]["需人工处理"]
    assert rows["a.docx"]["条目"] == ""  # nothing was written
    # supplying what was missing and running again writes it
    assert (
        main(
            [
                "--root",
                str(repo),
                "import",
                str(folder),
                *OPTIONS,
                "--keywords",
                "办公时间",
                "--summary",
                "调整办公时间。",
                "--report",
                str(tmp_path / "报告"),
            ]
        )
        == 1
    )
    assert list(entries(repo)) == ["000014349/2026-00001"]


def test_dry_run_writes_no_entry(repo: Path, tmp_path: Path) -> None:
    pages = copy_pages(tmp_path / "pages")
    assert main(["--root", str(repo), "import", str(pages), *OPTIONS, "--dry-run"]) == 0
    assert entries(repo) == {}
    assert sorted(r["结果"] for r in report_rows(pages)) == ["可导入"] * 4 + ["栏目页"] * 2


def test_a_symlink_in_the_folder_is_refused_not_followed(repo: Path, tmp_path: Path) -> None:
    pages = copy_pages(tmp_path / "pages")
    outside = tmp_path / "outside.html"
    outside.write_text(
        "<html><body><p>" + "不应读取的文字。" * 10 + "</p></body></html>", encoding="utf-8"
    )
    (pages / "link.html").symlink_to(outside)
    assert main(["--root", str(repo), "import", str(pages), *OPTIONS]) == 1
    row = next(r for r in report_rows(pages) if r["文件"] == "link.html")
    assert row["结果"] == "读取失败" and "符号链接" in row["需人工处理"]
    assert len(entries(repo)) == 4
