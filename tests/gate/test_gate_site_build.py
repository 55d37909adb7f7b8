"""A real ``mkdocs build`` of the shipped content: only reviewed, unwithdrawn versions are published."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from xxgk.cli import main

REPO = Path(__file__).resolve().parents[2]
MKDOCS = Path(sys.executable).parent / "mkdocs"
KEPT, WITHDRAWN, EDITED = "000014349-2026-00003", "000014349-2026-00001", "000014349-2026-00002"


@pytest.mark.slow
def test_withdrawn_and_edited_entries_leave_the_built_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    for name in ("content", "schemas", "reviews", "consultations", "training", ".xxgk"):
        shutil.copytree(REPO / name, root / name)
    for name in ("mkdocs.yml", "xxgk.yml"):
        shutil.copy(REPO / name, root / name)
    monkeypatch.setenv("XXGK_TODAY", "2026-11-27")
    monkeypatch.delenv("XXGK_ROOT", raising=False)
    entry = root / "content" / "catalog" / "2026"
    assert (
        main(
            [
                "--root",
                str(root),
                "review",
                "withdraw",
                str(entry / f"{WITHDRAWN}.md"),
                "--reason",
                "复查发现附表含有个人信息",
                "--approver",
                "王建华",
                "--date",
                "2026-11-26",
            ]
        )
        == 0
    )
    edited = entry / f"{EDITED}.md"
    edited.write_text(
        edited.read_text(encoding="utf-8") + "\n审查后补充的一句话。\n", encoding="utf-8"
    )
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [str(MKDOCS), "build", "-q", "--strict", "-d", str(tmp_path / "site")],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    site = tmp_path / "site" / "catalog"
    assert (site / KEPT / "index.html").is_file()
    assert not (site / WITHDRAWN).exists()
    assert not (site / EDITED).exists()
    assert "审查后补充的一句话" not in "".join(
        p.read_text("utf-8", "replace") for p in site.rglob("*.html")
    )
