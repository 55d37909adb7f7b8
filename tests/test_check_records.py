"""``xxgk check`` with no path covers every kind of record file, not only the catalog."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
KEEP = (
    "xxgk.yml",
    "schemas",
    "content",
    "requests",
    "reviews",
    "consultations",
    "training",
    "evaluations",
    "opinions",
    "annual",
    "calendar",
    "templates",
    "complaints",
)
BROKEN = [
    "requests/2026/YSQ-2026-0003.yml",
    "reviews/2026/000014349-2025-00005-2026-11-27-c8bd7bfe496c-001.yml",
    "consultations/2025/000014349-2025-00006-交通运输局.yml",
    "training/2026/2026-05-12-保密审查人员专题培训.yml",
    "evaluations/2026/PY-2026-001.yml",
    "opinions/2026/YQ-2026-004.yml",
    "annual/2025/复议诉讼.yml",
    "complaints/2026/TS-2026-0001.yml",
]


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("records") / "repo"
    root.mkdir()
    for name in KEEP:
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, root / name)
        elif src.is_file():
            shutil.copy(src, root / name)
    return root


def run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "XXGK_TODAY": "2026-11-27", "HOME": str(root)}
    return subprocess.run(
        [sys.executable, "-m", "xxgk", "check", *args],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
    )


@pytest.mark.parametrize("rel", BROKEN)
def test_a_broken_record_fails_the_whole_repository_check(copy: Path, rel: str) -> None:
    target = copy / rel
    assert target.is_file(), f"sample {rel} moved: update this test"
    original = target.read_bytes()
    lines = original.decode("utf-8").count("\n")
    try:
        target.write_bytes(original + "多余字段: [没有闭合\n".encode())
        done = run(copy)
        assert done.returncode == 1, done.stdout + done.stderr
        assert rel in done.stdout, done.stdout
        assert "Traceback" not in done.stderr
        # the line of the broken text is named (the last line, or the one after it)
        assert any(f"{rel}:{n}:" in done.stdout for n in (lines + 1, lines + 2)), done.stdout
        assert run(copy, rel).returncode == 1
    finally:
        target.write_bytes(original)


def test_the_shipped_records_pass(copy: Path) -> None:
    done = run(copy)
    assert done.returncode == 0, done.stdout + done.stderr
