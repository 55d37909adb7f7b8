"""Fixtures of the browser tests: one built sample site, served on a free port, and Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "site"))
from xxgk_site_kit import REPO, add_entry, sign_entry

from xxgk.bench.search_probe import chromium, serve
from xxgk.io.frontmatter import read

# A sample entry of every category the shipped catalog lacks (serials from 90000 up).
EXTRA = {
    "机构概况": ("鄂托克前旗人民政府办公室主要职责和内设机构", "机构职能 内设机构"),
    "政策文件": ("鄂托克前旗人民政府办公室关于进一步规范行政规范性文件管理的通知", "规范性文件"),
    "政府决策": ("鄂托克前旗人民政府办公室关于全旗国土空间总体规划编制情况的说明", "国土空间规划"),
    "工作信息": ("鄂托克前旗人民政府办公室2024年防汛抗旱工作总结", "防汛抗旱"),
    "人事信息": ("鄂托克前旗人民政府办公室2024年公开遴选公务员公告", "公开遴选"),
    "行政执法": ("鄂托克前旗人民政府办公室行政执法事项清单", "执法事项清单"),
    "财政信息": ("鄂托克前旗人民政府办公室2024年部门预算公开说明", "部门预算"),
    "公共服务": ("鄂托克前旗人民政府办公室关于冬季供暖服务热线的公告", "供暖热线"),
    "社会监督": ("鄂托克前旗人民政府办公室关于政务服务“好差评”结果的通报", "好差评"),
}


def build_sample(root: Path) -> dict[str, Any]:
    root.mkdir(parents=True)
    for name in ("xxgk.yml", "mkdocs.yml"):
        shutil.copy(REPO / name, root / name)
    shutil.copytree(REPO / "schemas", root / "schemas")
    # the sample signers file and keys the reviews are signed with, and the signed training
    shutil.copytree(REPO / ".xxgk", root / ".xxgk")
    shutil.copytree(REPO / "training", root / "training")
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "evaluations", root / "evaluations")  # results the questionnaire lists
    for review in REPO.glob("reviews/*/page-*"):  # the shipped pages' signed reviews
        (root / review.parent.relative_to(REPO)).mkdir(parents=True, exist_ok=True)
        shutil.copy(review, root / review.relative_to(REPO))
    entries = sorted((root / "content" / "catalog").rglob("*.md"))
    for path in entries:
        sign_entry(root, path)
    shipped = [read(p, p.relative_to(root).as_posix()).meta for p in entries]
    have = {m.get("分类") for m in shipped}
    for n, (cat, (title, keywords)) in enumerate(EXTRA.items(), start=90000):
        if cat not in have:
            add_entry(root, n, 分类=cat, 信息名称=title, 关键词=keywords, 文件编号=None)
    add_entry(
        root,
        90100,
        公开形式="依申请公开",
        信息名称="鄂托克前旗人民政府办公室会议纪要汇编",
        关键词="会议纪要",
        文件编号=None,
    )
    env = {**os.environ, "XXGK_TODAY": "2026-11-27", "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [str(Path(sys.executable).parent / "mkdocs"), "build", "--strict"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    metas = [
        read(p, p.relative_to(root).as_posix()).meta
        for p in sorted((root / "content" / "catalog").rglob("*.md"))
    ]
    return {"root": root, "metas": metas}


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    info = build_sample(tmp_path_factory.mktemp("browser") / "repo")
    server = serve(info["root"] / "site")
    try:
        info["base"] = f"http://127.0.0.1:{server.server_address[1]}/"
        yield info
    finally:
        server.shutdown()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched
