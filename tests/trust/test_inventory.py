"""Every file in site/ is the tool's own, a pinned theme asset, or comes from reviewed bytes;
hostile additions to content/ never reach it."""

from __future__ import annotations

import os
from pathlib import Path

import material
from xxgk_site_kit import REPO, add_entry, make_site, mkdocs_build

import xxgk.site
import xxgk.voice

CANARIES = ("未审查页面金丝雀", "秘密★1年", "拷贝的记录金丝雀", "申请人金丝雀")
GENERATED = (
    "404.html",
    "feed.xml",
    "sitemap.xml",
    "sitemap.xml.gz",
    "guide/index.html",
    "catalog/",
    "search/",
    "evaluation/",
    "responses/",
    "apply/",
)  # written by the tool


def theme_assets() -> set[str]:
    """site/ paths of every asset the pinned theme packages ship (Material, ours, the voice pages')."""
    found: set[str] = set()
    roots = [
        Path(material.__file__).parent / "templates",
        Path(xxgk.site.__file__).parent / "theme",
    ]
    for base in roots:
        found |= {p.relative_to(base).as_posix() for p in base.rglob("*") if p.is_file()}
    voice = Path(xxgk.voice.__file__).parent / "assets"
    found |= {f"assets/xxgk-voice/{p.name}" for p in voice.iterdir()}
    return found


def hostile(root: Path, outside: Path) -> None:
    (root / "content/policies/9-new.md").write_text(
        "---\ntitle: 新制度\n---\n\n未审查页面金丝雀\n", "utf-8"
    )
    index = root / "content/index.md"
    index.write_text(index.read_text("utf-8") + "\n秘密★1年\n", "utf-8")
    (root / "content/assets").mkdir(parents=True, exist_ok=True)
    (root / "content/assets/leak.yml").write_text("姓名: 拷贝的记录金丝雀\n", "utf-8")
    os.symlink("/etc/passwd", root / "content/policies/passwd.txt")
    (outside / "YSQ-2026-0001.yml").write_text("申请人: 申请人金丝雀\n", "utf-8")
    os.symlink(outside / "YSQ-2026-0001.yml", root / "content/reports/leak.yml")
    os.symlink(outside, root / "content/linked-folder")


def test_hostile_content_never_reaches_the_site_and_every_file_has_a_source(
    repo: Path, tmp_path: Path
) -> None:
    make_site(repo)
    add_entry(repo, 1)
    add_entry(repo, 2, sign=False, 信息名称="鄂托克前旗关于未审查页面金丝雀的通知")
    hostile(repo, tmp_path)
    done = mkdocs_build(repo)
    assert done.returncode == 0, done.stderr[-3000:]
    site = repo / "site"
    files = [p for p in site.rglob("*") if p.is_file()]
    text = "".join(p.read_text("utf-8", "replace") for p in files)
    for canary in (*CANARIES, "root:x:0:0"):
        assert canary not in text, canary
    for rel in (
        "content/policies/9-new.md",
        "content/index.md",
        "content/assets/leak.yml",
        "content/policies/passwd.txt",
        "content/reports/leak.yml",
    ):
        assert f"未发布 {rel}" in done.stderr, rel
    reviewed_pages = {
        p.relative_to(repo / "content").with_suffix("").as_posix()
        for p in (repo / "content").rglob("*.md")
        if "catalog" not in p.parts and p.name != "index.md"
    }
    assets = theme_assets()
    unexplained = []
    for path in files:
        rel = path.relative_to(site).as_posix()
        page = rel.removesuffix("/index.html").removesuffix("index.html").rstrip("/")
        if (
            rel in assets
            or rel.startswith(GENERATED)
            or page in reviewed_pages
            or rel in ("index.html", "reports/index.html")
            or rel.startswith("reports/2025/")
        ):
            continue
        unexplained.append(rel)
    assert unexplained == []
    assert "本页尚未经保密审查，暂不公开" in (site / "index.html").read_text("utf-8")


def test_the_shipped_sample_publishes_every_page(repo: Path) -> None:
    make_site(repo)
    done = mkdocs_build(repo)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "未发布 content/" not in done.stderr
    assert (repo / "site/policies/4-secrecy-review/index.html").read_text("utf-8").count(
        "保密审查"
    ) > 3
    assert REPO.joinpath("content/policies/4-secrecy-review.md").is_file()


def test_a_symlinked_entry_is_named_and_not_published(repo: Path, tmp_path: Path) -> None:
    make_site(repo)
    real = add_entry(repo, 1)
    outside = tmp_path / "outside.md"
    outside.write_bytes(real.read_bytes())
    real.unlink()
    os.symlink(outside, real)
    done = mkdocs_build(repo)
    assert done.returncode == 0, done.stderr[-2000:]
    assert real.relative_to(repo).as_posix() in done.stderr and "符号链接" in done.stderr
    assert not (repo / "site/catalog/000014349-2024-00001").exists()
