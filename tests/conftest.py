"""Shared fixtures: a throw-away copy of the repository's registry, schemas and content."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the project's xxgk.yml, schemas/ and mkdocs.yml with an empty catalog."""
    root = tmp_path / "repo"
    root.mkdir()
    shutil.copy(REPO / "xxgk.yml", root / "xxgk.yml")
    shutil.copytree(REPO / "schemas", root / "schemas")
    (root / "content" / "catalog").mkdir(parents=True)
    monkeypatch.setenv("XXGK_TODAY", "2026-11-27")
    monkeypatch.delenv("XXGK_ROOT", raising=False)
    return root
