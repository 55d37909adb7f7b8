"""``xxgk new`` and ``xxgk renumber``, and two branches taking the same next 索引号."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from foundation_helpers import CORPUS, xxgk

import gitkit
from gitkit import git

NEW = [
    "new",
    "--title",
    "鄂托克前旗民政局关于开展2026年冬季困难群众走访慰问工作的通知",
    "--doc-no",
    "鄂前民发〔2026〕41号",
    "--date",
    "2026-11-20",
    "--category",
    "工作信息",
    "--publisher",
    "鄂托克前旗民政局",
    "--department",
    "社会救助股",
    "--keywords",
    "走访慰问 困难群众",
    "--summary",
    "部署冬季困难群众走访慰问工作。",
]


def test_new_writes_a_passing_entry_with_the_next_number(repo: Path) -> None:
    shutil.copytree(CORPUS, repo / "content" / "catalog", dirs_exist_ok=True)
    run = xxgk(repo, *NEW)
    assert run.code == 0, run.out + run.err
    written = (
        repo / "content" / "catalog" / "2026" / "000014349-2026-00002.md"
    )  # corpus has 2026-00001
    assert written.is_file() and "索引号 000014349/2026-00002" in run.out
    assert "索引号: 000014349/2026-00002" in written.read_text(encoding="utf-8")
    assert xxgk(repo, "check").code == 0
    second = xxgk(repo, *NEW)
    assert "000014349/2026-00003" in second.out


def test_new_refuses_to_overwrite_a_file(repo: Path) -> None:
    target = repo / "content" / "catalog" / "2026" / "000014349-2026-00001.md"
    target.parent.mkdir(parents=True)
    target.write_text("---\n信息名称: 草稿\n---\n", encoding="utf-8")  # no number yet: not counted
    run = xxgk(repo, *NEW)
    assert run.code == 1 and "已存在，没有覆盖" in run.err
    assert target.read_text(encoding="utf-8") == "---\n信息名称: 草稿\n---\n"


def test_new_refuses_an_entry_that_breaks_a_rule(repo: Path) -> None:
    args = [a if a != "走访慰问 困难群众" else "走访慰问，困难群众" for a in NEW]
    run = xxgk(repo, *args)
    assert run.code == 1 and "[CAT-KEYWORD-SEP]" in run.err
    assert not list((repo / "content" / "catalog").rglob("*.md"))


def test_new_without_required_options_exits_2(repo: Path) -> None:
    run = xxgk(repo, "new", "--title", "标题", stdin="")
    assert run.code == 2 and "缺少" in run.err and "--date（产生时间）" in run.err


def test_renumber_gives_a_missing_number(repo: Path) -> None:
    shutil.copytree(CORPUS, repo / "content" / "catalog", dirs_exist_ok=True)
    entry = next((repo / "content" / "catalog" / "2025").glob("*.md"))
    text = entry.read_text(encoding="utf-8")
    entry.write_text(
        "\n".join(line for line in text.split("\n") if not line.startswith("索引号")),
        encoding="utf-8",
    )
    assert "[CAT-INDEX-MISSING]" in xxgk(repo, "check").out
    run = xxgk(repo, "renumber", str(entry.relative_to(repo)))
    assert run.code == 0 and "（无） → 000014349/2025-" in run.out
    assert xxgk(repo, "check").code == 0


TITLES = (
    "鄂托克前旗民政局关于开展2026年冬季困难群众走访慰问工作的通知",
    "鄂托克前旗民政局关于做好2026年冬季临时救助工作的通知",
)


def _branch_adding(root: Path, branch: str, title: str, file_name: str | None = None) -> str:
    git(root, "checkout", "-q", "-b", branch, "main")
    run = xxgk(root, *[title if a == NEW[2] else a for a in NEW])
    assert run.code == 0, run.err
    if file_name:  # staff may give the file a name of their own
        written = next(p for p in _entries(root) if not _at(root, "main", p))
        written.rename(written.with_name(file_name))
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", f"新增条目：{title}")
    return run.out


def _two_branches(root: Path, second_name: str | None) -> None:
    shutil.copytree(CORPUS, root / "content" / "catalog", dirs_exist_ok=True)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "目录")
    assert "000014349/2026-00002" in _branch_adding(root, "a", TITLES[0])
    assert "000014349/2026-00002" in _branch_adding(root, "b", TITLES[1], second_name)
    git(root, "checkout", "-q", "main")
    git(root, "merge", "-q", "--no-ff", "-m", "合并 a", "a")


def _renumber_b_and_merge(root: Path) -> None:
    git(root, "checkout", "-q", "b")
    fork = git(root, "merge-base", "HEAD", "main").strip()
    shared = {p: p.read_bytes() for p in _entries(root) if _at(root, fork, p)}
    assert len(shared) == len(list(CORPUS.rglob("*.md")))
    run = xxgk(root, "renumber", "--base", "main")
    assert run.code == 0 and "000014349/2026-00002 → 000014349/2026-00003" in run.out, (
        run.out + run.err
    )
    assert {p: p.read_bytes() for p in _entries(root) if _at(root, fork, p)} == shared
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "重新编号")
    git(root, "checkout", "-q", "main")
    git(root, "merge", "-q", "--no-ff", "-m", "合并 b", "b")
    assert xxgk(root, "check").code == 0
    numbers = sorted(
        ln
        for p in _entries(root)
        for ln in p.read_text(encoding="utf-8").split("\n")
        if ln.startswith("索引号: 000014349/2026")
    )
    assert numbers == [
        "索引号: 000014349/2026-00001",
        "索引号: 000014349/2026-00002",
        "索引号: 000014349/2026-00003",
    ]


def test_same_number_under_other_file_names_is_refused_on_the_merge_result(repo: Path) -> None:
    _two_branches(repo, second_name="临时救助通知.md")
    git(repo, "checkout", "-q", "-b", "try-b", "main")
    git(repo, "merge", "-q", "--no-ff", "-m", "合并 b", "b")  # merges cleanly as text
    run = xxgk(repo, "check", "--format", "json")
    dup = [p for p in run.json() if p["rule"] == "CAT-INDEX-DUPLICATE"]
    assert run.code == 1 and len(dup) == 2 and {p["line"] for p in dup} == {2}, run.out
    git(repo, "checkout", "-q", "main")
    git(repo, "branch", "-q", "-D", "try-b")
    _renumber_b_and_merge(repo)


def test_same_number_as_file_name_conflicts_and_renumber_renames_the_file(repo: Path) -> None:
    _two_branches(repo, second_name=None)
    git(repo, "checkout", "-q", "-b", "try-b", "main")
    merge = gitkit.run(repo, "merge", "-q", "--no-ff", "-m", "合并 b", "b")
    assert merge.returncode != 0  # both added 000014349-2026-00002.md: git refuses
    git(repo, "merge", "--abort")
    git(repo, "checkout", "-q", "main")
    git(repo, "branch", "-q", "-D", "try-b")
    _renumber_b_and_merge(repo)
    assert (repo / "content" / "catalog" / "2026" / "000014349-2026-00003.md").is_file()


def _entries(root: Path) -> list[Path]:
    return sorted((root / "content" / "catalog").rglob("*.md"))


def _at(root: Path, ref: str, path: Path) -> bool:
    listed = git(root, "ls-tree", "-r", "--name-only", ref, "--", str(path.relative_to(root)))
    return bool(listed.strip())


def test_new_asks_for_each_field_at_a_terminal(repo: Path) -> None:
    import pty
    import sys

    answers = [
        "鄂托克前旗民政局关于开展2026年冬季困难群众走访慰问工作的通知",
        "鄂前民发〔2026〕41号",
        "2026-11-20",
        "工作信息",
        "鄂托克前旗民政局",
        "社会救助股",
        "",
        "",
        "",
        "",
        "走访慰问 困难群众",
        "部署冬季困难群众走访慰问工作。",
    ]
    master, slave = pty.openpty()
    try:
        env = {**os.environ, "XXGK_TODAY": "2026-11-27"}
        proc = subprocess.Popen(
            [sys.executable, "-m", "xxgk", "new"],
            cwd=repo,
            stdin=slave,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        os.write(master, ("\n".join(answers) + "\n").encode("utf-8"))
        out, err = proc.communicate(timeout=60)
    finally:
        os.close(master)
        os.close(slave)
    assert proc.returncode == 0, out + err
    assert "产生时间（yyyy-mm-dd）" in out and "公开形式（主动公开/依申请公开）［主动公开］" in out
    text = (repo / "content" / "catalog" / "2026" / "000014349-2026-00001.md").read_text(
        encoding="utf-8"
    )
    assert "公开形式: 主动公开" in text and "审核程序: 单位内审核后公开" in text
