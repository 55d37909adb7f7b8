"""What the CMS writes becomes what ``xxgk new`` writes (issue 15, 3)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from xxgk.editor.normalize import changed_entries, normalize
from xxgk.io.frontmatter import read
from xxgk.model.entry import front_matter

# Bytes Decap CMS 3.16.3 wrote through the form (tests/editor/test_editor_browser.py), with
# what its YAML library does to values a reader could take for something else.
CMS = """---
信息名称: 鄂托克前旗教育体育局关于2026年秋季学期义务教育招生工作的通知
文件编号: ""
产生时间: "2026-11-16"
分类: 政策文件
发布机构: 鄂托克前旗教育体育局
责任部门: 基础教育股
公开形式: 主动公开
公开时限: 长期公开
审核程序: 单位内审核后公开
关键词: 义务教育 招生
内容描述: "公布招生范围: 时间和办理方式。"
涉及部门: []
附件:
  - 名称: 附件1 招生工作安排
    文件: attachments/x/申请表.pdf
---
各镇人民政府，旗直各有关部门：现将有关事项通知如下。"""


def _git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=root, check=True, capture_output=True, text=True
    ).stdout


def test_cms_output_is_rewritten_in_the_writers_shape_once(tmp_path: Path) -> None:
    path = tmp_path / "content" / "catalog" / "2026" / "new-20261130-080353.md"
    path.parent.mkdir(parents=True)
    path.write_text(CMS, "utf-8")
    rel = path.relative_to(tmp_path).as_posix()
    assert normalize(tmp_path, rel).changed
    text = path.read_text("utf-8")
    doc = read(path, rel)
    assert text == front_matter(dict(doc.meta)) + "\n" + doc.body.lstrip("\n")
    assert "文件编号" not in doc.meta and "涉及部门" not in doc.meta
    assert (
        "产生时间: 2026-11-16\n" in text
        and doc.meta["内容描述"] == "公布招生范围: 时间和办理方式。"
    )
    assert text.endswith("---\n\n各镇人民政府，旗直各有关部门：现将有关事项通知如下。\n")
    before = path.read_bytes()
    assert not normalize(tmp_path, rel).changed and path.read_bytes() == before


def test_a_file_the_reader_refuses_is_left_alone_with_its_problem(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_bytes("---\n信息名称: a\n信息名称: b\n---\n".encode())
    outcome = normalize(tmp_path, "bad.md")
    assert not outcome.changed and outcome.problems
    assert path.read_bytes() == "---\n信息名称: a\n信息名称: b\n---\n".encode()


def test_only_entries_the_branch_adds_or_changes_are_chosen(tmp_path: Path) -> None:
    folder = tmp_path / "content" / "catalog" / "2026"
    folder.mkdir(parents=True)
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "config", "user.email", "t@example.cn")
    _git(tmp_path, "config", "user.name", "测试")
    (folder / "old.md").write_text(CMS, "utf-8")
    (folder / "kept.md").write_text(CMS, "utf-8")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-qm", "base")
    _git(tmp_path, "checkout", "-qb", "cms/catalog/2026/new")
    (folder / "新条目.md").write_text(CMS, "utf-8")
    (folder / "old.md").write_text(CMS + "\n补充。\n", "utf-8")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-qm", "edit")
    assert changed_entries(tmp_path, "main") == [
        "content/catalog/2026/old.md",
        "content/catalog/2026/新条目.md",
    ]
