"""Shared fixtures: a throw-away copy of the repository's registry, schemas and content."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def no_outside_trust(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests start without an anchor, a default signing key or a forge author from the machine."""
    for name in ("XXGK_TRUST_ANCHOR", "XXGK_SIGNING_KEY", "XXGK_CHANGE_AUTHOR"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the project's xxgk.yml, schemas/, the sample signers file and keys, and the
    signed training records, with an empty catalog."""
    root = tmp_path / "repo"
    root.mkdir()
    shutil.copy(REPO / "xxgk.yml", root / "xxgk.yml")
    shutil.copytree(REPO / "schemas", root / "schemas")
    shutil.copytree(REPO / ".xxgk", root / ".xxgk")
    shutil.copytree(REPO / "training", root / "training")
    (root / "content" / "catalog").mkdir(parents=True)
    monkeypatch.setenv("XXGK_TODAY", "2026-11-27")
    monkeypatch.delenv("XXGK_ROOT", raising=False)
    return root
