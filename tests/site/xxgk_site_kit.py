"""Helpers for site tests: a small real repository (registry, schemas, pages), entries
written as staff write them, review records written by the Gate's own signing code, and a
real ``mkdocs build``."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from trustkit import STAFF, sample_key
from xxgk.io.frontmatter import read
from xxgk.io.registry import load_registry
from xxgk.model.entry import front_matter
from xxgk.review.sign import SignRequest, build, record_path, write
from xxgk.trust.roster import roster

REPO = Path(__file__).resolve().parents[2]
MKDOCS = Path(sys.executable).parent / "mkdocs"
REVIEWER = "王建华"

BASE: dict[str, Any] = {
    "信息名称": "鄂托克前旗人民政府办公室关于做好政府信息公开保密审查工作的通知",
    "文件编号": "鄂前政办发〔2024〕12号",
    "产生时间": "2024-03-15",
    "分类": "政策文件",
    "发布机构": "鄂托克前旗人民政府办公室",
    "责任部门": "政务公开办公室",
    "公开形式": "主动公开",
    "公开时限": "长期公开",
    "审核程序": "单位内审核后公开",
    "关键词": "保密审查 政府信息公开",
    "内容描述": "要求各单位严格执行先审查、后公开的原则，建立保密审查记录。",
}
BODY = "各镇人民政府，旗直各有关部门：\n\n为做好政府信息公开保密审查工作，现将有关事项通知如下。\n\n**一、明确审查责任**\n\n各单位要落实“谁公开、谁审查”的要求。\n"


def make_site(root: Path) -> Path:
    """Pages and config of the real project on top of the ``repo`` fixture's copy."""
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copy(REPO / "content" / "index.md", root / "content" / "index.md")
    shutil.copytree(REPO / "content" / "policies", root / "content" / "policies")
    (root / "content" / "reports").mkdir()
    shutil.copy(
        REPO / "content" / "reports" / "index.md", root / "content" / "reports" / "index.md"
    )
    # the published results the questionnaire links to (its reviewed text lists their years)
    shutil.copytree(REPO / "evaluations", root / "evaluations")
    for review in REPO.glob("reviews/*/page-*"):  # the shipped pages' signed reviews
        target = root / review.relative_to(REPO)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(review, target)
    return root


def add_entry(root: Path, serial: int, body: str = BODY, sign: bool = True, **meta: Any) -> Path:
    """Write catalog entry ``000014349/<year>-<serial>`` (and its review unless ``sign`` is off)."""
    data = {**BASE, **meta}
    year = data["产生时间"][:4]
    data = {"索引号": f"000014349/{year}-{serial:05d}", **data}
    if data.get("文件编号") == BASE["文件编号"]:
        data["文件编号"] = f"鄂前政办发〔{year}〕{serial}号"
    data = {k: v for k, v in data.items() if v is not None}
    path = root / "content" / "catalog" / year / f"000014349-{year}-{serial:05d}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(front_matter(data) + "\n" + body, "utf-8")
    if sign:
        sign_entry(root, path)
    return path


def sign_entry(root: Path, path: Path, conclusion: str = "同意公开") -> None:
    """Review as a rostered reviewer who may review for the entry's 发布机构 (王建华 by default)."""
    rel = path.relative_to(root).as_posix()
    doc = read(path, rel)
    registry = load_registry(root)
    people = roster(registry)
    body = str(doc.get("发布机构"))
    name = (
        REVIEWER
        if body in people[REVIEWER].bodies
        else next((p.name for p in people.values() if body in p.bodies), REVIEWER)
    )
    req = SignRequest(
        reviewer=name,
        body=None,
        conclusion=conclusion,
        attribute=None,
        reason="" if conclusion == "同意公开" else "涉及个人隐私",
        opinion="",
        date=dt.date(2026, 11, 20),
        acks={},
        author=STAFF,
    )
    record = build(root, doc, req, people)
    write(
        root,
        record_path(registry, doc, str(doc.get("发布机构")), req.date),
        record,
        sample_key(people[name].principal),
    )


def sign_page(root: Path, path: Path, reviewer: str = REVIEWER) -> None:
    """Review a page outside the catalog (policies, reports) as the site's own unit."""
    rel = path.relative_to(root).as_posix()
    registry = load_registry(root)
    people = roster(registry)
    req = SignRequest(
        reviewer=reviewer,
        body=None,
        conclusion="同意公开",
        attribute=None,
        reason="",
        opinion="",
        date=dt.date(2026, 11, 20),
        acks={},
        author=STAFF,
    )
    doc = read(path, rel)
    record = build(root, doc, req, people, registry)
    write(
        root,
        record_path(registry, doc, str(record["审查单位"]), req.date),
        record,
        sample_key(people[reviewer].principal),
    )


def mkdocs_build(root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XXGK_TODAY": "2026-11-27", "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [str(MKDOCS), "build", "--strict"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def page(root: Path, url: str) -> str:
    return (root / "site" / url / "index.html").read_text("utf-8")
