"""The previous build's files are deleted while the next build works, and none survives."""

from __future__ import annotations

import hashlib
import os
import subprocess
from pathlib import Path

from xxgk_site_kit import MKDOCS, add_entry, mkdocs_build

from xxgk.site.sweep import STALE, Sweeper


def _old_site(site: Path) -> None:
    (site / "catalog" / "x").mkdir(parents=True)
    (site / "catalog" / "x" / "index.html").write_text("旧页面", "utf-8")
    (site / "feed.xml").write_text("<rss/>", "utf-8")
    (site / ".git").mkdir()
    (site / ".git" / "HEAD").write_text("ref", "utf-8")


def test_old_files_are_moved_aside_at_once_and_deleted(tmp_path: Path) -> None:
    site, outside = tmp_path / "site", tmp_path / "outside"
    _old_site(site)
    outside.mkdir()
    (outside / "keep.txt").write_text("别处的文件", "utf-8")
    os.symlink(outside, site / "link")
    sweeper = Sweeper()
    sweeper.start(site)
    assert sorted(os.listdir(site)) == [".git", STALE]  # hidden entries: left, as MkDocs does
    assert sweeper.finish() == ""
    assert os.listdir(site) == [".git"]
    assert (site / ".git" / "HEAD").read_text("utf-8") == "ref"
    assert (outside / "keep.txt").read_text("utf-8") == "别处的文件"  # a link is not followed


def test_a_folder_left_by_an_interrupted_build_is_deleted_first(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / STALE / "catalog").mkdir(parents=True)
    (site / STALE / "catalog" / "index.html").write_text("更早的页面", "utf-8")
    sweeper = Sweeper()
    sweeper.start(site)
    assert os.listdir(site) == []
    assert sweeper.finish() == ""


def test_a_killed_deletion_is_finished_by_the_build(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _old_site(site)
    for n in range(300):
        (site / "catalog" / f"p{n}").mkdir()
        (site / "catalog" / f"p{n}" / "index.html").write_text("页", "utf-8")
    sweeper = Sweeper()
    sweeper.start(site)
    assert sweeper.process is not None
    sweeper.process.kill()
    assert sweeper.finish() == ""
    assert os.listdir(site) == [".git"]


def _tree(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file() and p.name != "manifest.json" and "search" not in p.parts
    }


def test_a_rebuild_over_an_old_site_writes_the_same_files_and_nothing_else(
    site_repo: Path,
) -> None:
    for n in range(1, 4):
        add_entry(site_repo, n, 信息名称=f"鄂托克前旗人民政府办公室第{n}号重建测试通知")
    first = mkdocs_build(site_repo)
    assert first.returncode == 0, first.stderr
    once = _tree(site_repo / "site")
    (site_repo / "site" / "catalog" / "gone").mkdir()
    (site_repo / "site" / "catalog" / "gone" / "index.html").write_text("已撤下", "utf-8")
    again = mkdocs_build(site_repo)
    assert again.returncode == 0, again.stderr
    assert _tree(site_repo / "site") == once
    assert not (site_repo / "site" / STALE).exists()


def test_a_dirty_build_keeps_what_is_in_site(site_repo: Path) -> None:
    first = mkdocs_build(site_repo)
    assert first.returncode == 0, first.stderr
    kept = site_repo / "site" / "kept.txt"
    kept.write_text("--dirty 不清空 site/", "utf-8")
    env = {**os.environ, "XXGK_TODAY": "2026-11-27", "NO_MKDOCS_2_WARNING": "1"}
    dirty = subprocess.run(
        [str(MKDOCS), "build", "--dirty", "--no-strict"],
        cwd=site_repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert dirty.returncode == 0, dirty.stderr
    assert kept.read_text("utf-8") == "--dirty 不清空 site/"
    assert not (site_repo / "site" / STALE).exists()
