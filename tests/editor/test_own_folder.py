"""``xxgk editor normalize`` gives each new entry's attachments a folder of their own, on real
git branches: two entries of one year uploading files of the same name both keep theirs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import gitkit
from gitkit import commit_all, git, init
from xxgk.editor.own_folder import EXISTS, SHARED
from xxgk.io.frontmatter import read

XXGK = [sys.executable, "-m", "xxgk"]
YEAR = Path("content") / "catalog" / "2026"
NAME = "申请表.pdf"  # what both clerks call their file

# An entry as Decap CMS writes it (tests/editor/test_normalize.py), its attachment in the
# year's shared media folder, and the body linking the file too.
CMS = """---
信息名称: {title}
文件编号: ""
产生时间: "2026-11-16"
分类: 政策文件
发布机构: 鄂托克前旗教育体育局
责任部门: 基础教育股
公开形式: 主动公开
公开时限: 长期公开
审核程序: 单位内审核后公开
关键词: 义务教育 招生
内容描述: 公布招生的范围、时间和办理方式。
附件:
  - 名称: 附件1 申请表
    文件: {file}
---
各镇人民政府：现将有关事项通知如下。[申请表]({file})
"""


def _entry(root: Path, stem: str, title: str, file: str = f"attachments/{NAME}") -> str:
    path = root / YEAR / f"{stem}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(CMS.format(title=title, file=file), "utf-8")
    return path.relative_to(root).as_posix()


def _upload(root: Path, data: bytes, name: str = NAME) -> None:
    path = root / YEAR / "attachments" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _xxgk(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XXGK_TODAY": "2026-11-27"}
    return subprocess.run(
        [*XXGK, "--root", str(root), *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def _line(root: Path, rel: str, text: str) -> int:
    return (root / rel).read_text("utf-8").splitlines().index(text) + 1


def _branch(root: Path, name: str, stem: str, title: str, data: bytes) -> str:
    """A branch as the editor makes it: one entry and its upload, committed together."""
    git(root, "checkout", "-q", "-b", name, "main")
    rel = _entry(root, stem, title)
    _upload(root, data)
    commit_all(root, f"Create 目录条目 “{stem}”")
    return rel


def test_two_branches_uploading_one_name_each_keep_their_own_file(repo: Path) -> None:
    init(repo)
    commit_all(repo, "仓库")
    first = _branch(
        repo, "cms/catalog/2026/new-1", "new-20261130-080353", "第一个通知", b"%PDF-1 A\x00"
    )
    git(repo, "checkout", "-q", "main")
    second = _branch(
        repo, "cms/catalog/2026/new-2", "new-20261130-091200", "第二个通知", b"%PDF-1 B\x00"
    )
    # Without the job the second branch cannot merge after the first: both added one path.
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "--no-ff", "-m", "合并 1", "cms/catalog/2026/new-1")
    clash = gitkit.run(repo, "merge", "--no-commit", "--no-ff", "cms/catalog/2026/new-2")
    assert clash.returncode != 0 and NAME in clash.stdout.decode()
    git(repo, "merge", "--abort")
    git(repo, "reset", "-q", "--hard", "HEAD~1")

    # The pull-request job on each branch (normalize, renumber, commit), then the merge.
    for branch in ("cms/catalog/2026/new-1", "cms/catalog/2026/new-2"):
        git(repo, "checkout", "-q", branch)
        for step in (["editor", "normalize", "--base", "main"], ["renumber", "--base", "main"]):
            done = _xxgk(repo, *step)
            assert done.returncode == 0, done.stdout + done.stderr
        assert not (repo / YEAR / "attachments").exists()  # moved, and the empty folder gone
        commit_all(repo, "规范元数据并分配索引号")
        git(repo, "checkout", "-q", "main")
        git(repo, "merge", "-q", "--no-ff", "-m", f"合并 {branch}", branch)

    for rel, data in ((first, b"%PDF-1 A\x00"), (second, b"%PDF-1 B\x00")):
        doc = read(repo / rel, rel)
        stem = Path(rel).stem
        [item] = doc.meta["附件"]
        assert item["文件"] == f"{stem}.files/{NAME}"
        assert (repo / YEAR / f"{stem}.files" / NAME).read_bytes() == data
        assert f"[申请表]({stem}.files/%E7%94%B3%E8%AF%B7%E8%A1%A8.pdf)" in doc.body
    check = _xxgk(repo, "check")
    assert check.returncode == 0, check.stdout + check.stderr


def test_the_job_is_idempotent_and_leaves_files_of_the_base_where_they_are(repo: Path) -> None:
    init(repo)
    _upload(repo, b"main", "目录.csv")  # on main, listed by no entry
    commit_all(repo, "仓库")
    git(repo, "checkout", "-q", "-b", "cms/catalog/2026/new")
    rel = _entry(repo, "new-20261130-080353", "通知")
    (repo / rel).write_text(
        (repo / rel)
        .read_text("utf-8")
        .replace("---\n各镇", "  - 名称: 附件2 目录\n    文件: attachments/目录.csv\n---\n各镇"),
        "utf-8",
    )
    _upload(repo, b"branch")
    commit_all(repo, "Create")
    done = _xxgk(repo, "editor", "normalize", "--base", "main")
    assert done.returncode == 0, done.stdout + done.stderr
    files = [i["文件"] for i in read(repo / rel, rel).meta["附件"]]
    assert files == [f"new-20261130-080353.files/{NAME}", "attachments/目录.csv"]
    assert (repo / YEAR / "attachments" / "目录.csv").read_bytes() == b"main"
    before = (repo / rel).read_bytes()
    again = _xxgk(repo, "editor", "normalize", "--base", "main")
    assert again.returncode == 0 and "移入" not in again.stdout
    assert (repo / rel).read_bytes() == before


def test_a_file_two_entries_list_is_refused_naming_both_and_nothing_moves(repo: Path) -> None:
    init(repo)
    published = _entry(repo, "000014349-2026-00001", "已公开的通知")
    _upload(repo, b"published")
    commit_all(repo, "仓库")
    git(repo, "checkout", "-q", "-b", "cms/catalog/2026/new")
    new = _entry(repo, "new-20261130-080353", "新通知")  # chose the published file
    commit_all(repo, "Create")
    done = _xxgk(repo, "editor", "normalize", "--base", "main")
    assert done.returncode == 1
    line = _line(repo, new, f"    文件: attachments/{NAME}")
    other = _line(repo, published, f"    文件: attachments/{NAME}")
    assert f"{new}:{line}:" in done.stdout and f"[{SHARED}]" in done.stdout
    assert f"{published} 第 {other} 行" in done.stdout
    assert (repo / YEAR / "attachments" / NAME).read_bytes() == b"published"
    assert not (repo / YEAR / "new-20261130-080353.files").exists()
    assert "Traceback" not in done.stdout + done.stderr


def test_two_new_entries_of_one_branch_listing_one_upload_are_refused(repo: Path) -> None:
    init(repo)
    commit_all(repo, "仓库")
    git(repo, "checkout", "-q", "-b", "two")
    a = _entry(repo, "new-20261130-080353", "甲")
    b = _entry(repo, "new-20261130-080354", "乙")
    _upload(repo, b"one")
    commit_all(repo, "Create")
    done = _xxgk(repo, "editor", "normalize", "--base", "main")
    assert done.returncode == 1
    assert f"{a}:" in done.stdout and f"{b}:" in done.stdout and done.stdout.count(SHARED) == 2
    assert (repo / YEAR / "attachments" / NAME).read_bytes() == b"one"


def test_an_existing_file_in_the_entrys_folder_is_never_replaced(repo: Path) -> None:
    init(repo)
    commit_all(repo, "仓库")
    git(repo, "checkout", "-q", "-b", "cms/catalog/2026/new")
    rel = _entry(repo, "new-20261130-080353", "通知")
    _upload(repo, b"upload")
    kept = repo / YEAR / "new-20261130-080353.files" / NAME
    kept.parent.mkdir()
    kept.write_bytes(b"already here")
    commit_all(repo, "Create")
    done = _xxgk(repo, "editor", "normalize", "--base", "main")
    assert done.returncode == 1 and f"[{EXISTS}]" in done.stdout
    assert f"{rel}:{_line(repo, rel, f'    文件: attachments/{NAME}')}:" in done.stdout
    assert kept.read_bytes() == b"already here"
    assert (repo / YEAR / "attachments" / NAME).read_bytes() == b"upload"
    assert [i["文件"] for i in read(repo / rel, rel).meta["附件"]] == [f"attachments/{NAME}"]


def test_named_entries_without_base_move_only_what_is_not_committed(repo: Path) -> None:
    init(repo)
    _upload(repo, b"committed", "目录.csv")
    commit_all(repo, "仓库")
    rel = _entry(repo, "new-20261130-080353", "通知")
    (repo / rel).write_text(
        (repo / rel)
        .read_text("utf-8")
        .replace("---\n各镇", "  - 名称: 附件2 目录\n    文件: attachments/目录.csv\n---\n各镇"),
        "utf-8",
    )
    _upload(repo, b"upload")  # not committed yet: staff working locally
    done = _xxgk(repo, "editor", "normalize", rel)
    assert done.returncode == 0, done.stdout + done.stderr
    files = [i["文件"] for i in read(repo / rel, rel).meta["附件"]]
    assert files == [f"new-20261130-080353.files/{NAME}", "attachments/目录.csv"]
    assert (repo / YEAR / "attachments" / "目录.csv").read_bytes() == b"committed"
