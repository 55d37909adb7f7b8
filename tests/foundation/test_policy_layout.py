"""content/ is the one docs_dir (``xxgk.model.layout``): reviews, the gate, the audit and the
reports name paths under it, so a site built from another folder is refused, not half-reviewed."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from xxgk.model.layout import CATALOG_DIR, CONTENT_DIR

REPO = Path(__file__).resolve().parents[2]
MKDOCS = Path(sys.executable).parent / "mkdocs"


def build(root: Path, docs_dir: str) -> subprocess.CompletedProcess[str]:
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^docs_dir: content$", text, re.M)
    (root / "mkdocs.yml").write_text(
        re.sub(r"^docs_dir: content$", f"docs_dir: {docs_dir}", text, flags=re.M), encoding="utf-8"
    )
    folder = root / docs_dir
    folder.mkdir(parents=True, exist_ok=True)
    for page in ("index.md", "policies", "reports/index.md"):  # what the nav names
        source, target = REPO / "content" / page, folder / page
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            shutil.copy(source, target)
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


def test_the_shipped_site_builds_from_the_content_folder() -> None:
    assert re.search(rf"^docs_dir: {CONTENT_DIR}$", (REPO / "mkdocs.yml").read_text("utf-8"), re.M)
    assert (REPO / CATALOG_DIR).is_dir() and CATALOG_DIR.startswith(f"{CONTENT_DIR}/")


def test_a_site_built_from_another_docs_dir_is_refused(repo: Path) -> None:
    done = build(repo, "docs")
    assert done.returncode != 0
    assert "docs_dir 须为 content" in done.stderr and "Traceback" not in done.stderr
    assert not (repo / "site" / "index.html").exists()


@pytest.mark.parametrize("spelling", ["content/", "./content"])
def test_content_spelled_another_way_is_the_same_folder(repo: Path, spelling: str) -> None:
    done = build(repo, spelling)
    assert "docs_dir 须为" not in done.stderr
    assert done.returncode == 0, done.stderr[-2000:]
