"""An imported entry, once reviewed, is published by a real ``mkdocs build`` with its picture
and attachment beside the page (links written by the importer resolve on the site)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from trustkit import STAFF, sample_key
from xxgk.cli import main
from xxgk.io.frontmatter import read

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_reviewed_import_is_published_with_picture_and_attachment(
    repo: Path, make_page: Callable[..., Path]
) -> None:
    shutil.copy(REPO / "mkdocs.yml", repo / "mkdocs.yml")
    shutil.rmtree(repo / "content")
    shutil.copytree(REPO / "content", repo / "content", ignore=shutil.ignore_patterns("catalog"))
    (repo / "content" / "catalog").mkdir()
    assert (
        main(
            [
                "--root",
                str(repo),
                "import",
                str(make_page()),
                "--category",
                "政策文件",
                "--department",
                "政务公开办公室",
            ]
        )
        == 0
    )
    entry = "content/catalog/2026/000014349-2026-00077.md"
    assert (
        main(
            [
                "--root",
                str(repo),
                "review",
                "sign",
                str(repo / entry),
                "--reviewer",
                "王建华",
                "--key",
                sample_key("wangjh@etkqq.gov.cn"),
                "--author",
                STAFF,
            ]
        )
        == 0
    )
    env = {**os.environ, "XXGK_TODAY": "2026-11-27"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    page = repo / "site" / "catalog" / "000014349-2026-00077"
    html = (page / "index.html").read_text(encoding="utf-8")
    assert 'src="000014349-2026-00077.files/flow.png"' in html
    assert (page / "000014349-2026-00077.files" / "flow.png").read_bytes().startswith(b"\x89PNG")
    assert (page / "000014349-2026-00077.files" / "renwu.xlsx").is_file()
    assert "鄂托克前旗人民政府办公室关于做好2026年政府信息公开工作的通知" in html
    # 导入来源 is for the office: no page, feed or search shard of the site carries it
    source = str(read(repo / entry, "e.md").meta["导入来源"])
    assert source.startswith("sha256:")
    for path in (repo / "site").rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".js", ".txt"):
            data = path.read_bytes()
            assert source.encode() not in data and "导入来源".encode() not in data, path
