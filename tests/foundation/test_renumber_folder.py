"""``xxgk renumber`` renames an entry named after its old number together with its own
``<entry>.files/`` folder, rewriting the 附件 paths and the body's links, on a real git
repository where two branches took the same number; it never overwrites."""

from __future__ import annotations

import shutil
from pathlib import Path

from foundation_helpers import CORPUS, xxgk
from test_foundation_numbering import NEW

from gitkit import git

YEAR = Path("content/catalog/2026")
OLD, NEW_STEM = "000014349-2026-00002", "000014349-2026-00003"
TABLE = "附件1 救助对象名单.txt"  # a space and Chinese: links are percent-encoded


def branch_with_entry(root: Path, branch: str, title: str, folder: bool) -> None:
    git(root, "checkout", "-q", "-b", branch, "main")
    run = xxgk(root, *[title if a == NEW[2] else a for a in NEW])
    assert run.code == 0 and OLD.replace("-", "/", 1) in run.out, run.out + run.err
    if folder:
        entry = root / YEAR / f"{OLD}.md"
        (root / YEAR / f"{OLD}.files").mkdir()
        (root / YEAR / f"{OLD}.files" / TABLE).write_text("名单\n", "utf-8")
        link = f"{OLD}.files/%E9%99%84%E4%BB%B61%20%E6%95%91%E5%8A%A9%E5%AF%B9%E8%B1%A1%E5%90%8D%E5%8D%95.txt"
        text = entry.read_text("utf-8").replace(
            "\n---\n", f"\n附件:\n  - 名称: 附件1\n    文件: {OLD}.files/{TABLE}\n---\n", 1
        )
        entry.write_text(text + f"\n见[救助对象名单]({link})。\n", "utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", f"新增条目：{title}")


def two_branches(root: Path) -> None:
    shutil.copytree(CORPUS, root / "content" / "catalog", dirs_exist_ok=True)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "目录")
    branch_with_entry(
        root, "a", "鄂托克前旗民政局关于开展2026年冬季困难群众走访慰问工作的通知", False
    )
    branch_with_entry(root, "b", "鄂托克前旗民政局关于做好2026年冬季临时救助工作的通知", True)
    git(root, "checkout", "-q", "main")
    git(root, "merge", "-q", "--no-ff", "-m", "合并 a", "a")
    git(root, "checkout", "-q", "b")


def test_renumber_moves_the_entrys_folder_and_rewrites_its_paths(repo: Path) -> None:
    two_branches(repo)
    assert xxgk(repo, "check").code == 0
    run = xxgk(repo, "renumber", "--base", "main")
    assert run.code == 0 and f"附件文件夹改为 {YEAR.as_posix()}/{NEW_STEM}.files/" in run.out, (
        run.out + run.err
    )
    assert not (repo / YEAR / f"{OLD}.md").exists() and not (repo / YEAR / f"{OLD}.files").exists()
    assert (repo / YEAR / f"{NEW_STEM}.files" / TABLE).read_text("utf-8") == "名单\n"
    text = (repo / YEAR / f"{NEW_STEM}.md").read_text("utf-8")
    assert f"文件: {NEW_STEM}.files/{TABLE}" in text and f"]({NEW_STEM}.files/%E9" in text
    assert OLD not in text and "索引号: 000014349/2026-00003" in text
    assert xxgk(repo, "check").code == 0  # CAT-ATTACHMENT finds the file at its new path
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "重新编号")
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "--no-ff", "-m", "合并 b", "b")  # no file or folder collides
    assert xxgk(repo, "check").code == 0
    assert not (repo / YEAR / f"{OLD}.files").exists()  # branch a's entry has no folder


def test_renumber_never_overwrites_an_existing_folder(repo: Path) -> None:
    two_branches(repo)
    squatter = repo / YEAR / f"{NEW_STEM}.files"
    squatter.mkdir()
    (squatter / "别的文件.txt").write_text("不能被覆盖\n", "utf-8")
    before = (repo / YEAR / f"{OLD}.md").read_text("utf-8")
    run = xxgk(repo, "renumber", "--base", "main")
    assert run.code == 0 and "已经存在，没有覆盖" in run.out, run.out + run.err
    assert (squatter / "别的文件.txt").read_text("utf-8") == "不能被覆盖\n"
    assert sorted(p.name for p in squatter.iterdir()) == ["别的文件.txt"]
    after = (repo / YEAR / f"{OLD}.md").read_text("utf-8")  # the number changed, the name not
    assert after == before.replace("000014349/2026-00002", "000014349/2026-00003")
    assert (repo / YEAR / f"{OLD}.files" / TABLE).is_file()
    assert not (repo / YEAR / f"{NEW_STEM}.md").exists()
